"""When the search service is down: editors keep working, readers get a clear answer."""

import json
import logging
import socket
import time
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import StandardPage
from tests.helpers import parse, result_titles, search_url

pytestmark = [pytest.mark.django_db, pytest.mark.search_index]

ENGINES = ["search.backends.opensearch", "search.backends.elasticsearch"]
DATABASE = {"default": {"BACKEND": "search.backends.database"}}


def engine_at(backend, url, timeout=3):
    """The settings' engine entry (SEARCH_TIMEOUT's default, one retry) at ``url``."""
    return {
        "default": {
            "BACKEND": backend,
            "URLS": [url],
            "INDEX_PREFIX": "unreachable_",
            "TIMEOUT": timeout,
            "OPTIONS": {"max_retries": 1},
        }
    }


def unreachable(backend):
    return engine_at(backend, "http://127.0.0.1:9")  # a closed port: the connection is refused


@pytest.fixture
def stalled_engine():
    """A port that accepts connections and never answers: an engine too slow to reply."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(64)
        yield f"http://127.0.0.1:{server.getsockname()[1]}"


@pytest.mark.parametrize("backend", ENGINES)
def test_pages_save_and_publish_while_search_is_down_and_update_index_catches_up(
    admin_client, site_tree, settings, caplog, backend
):
    settings.WAGTAILSEARCH_BACKENDS = unreachable(backend)
    add_url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", site_tree.home.pk))
    data = nested_form_data(
        {
            "title": "Permanence pendant la panne",
            "slug": "permanence-panne",
            "intro": "Une page écrite alors que le moteur de recherche ne répond pas.",
            "body": streamfield([]),
            "action-publish": "publish",
        }
    )
    with caplog.at_level(logging.ERROR):
        response = admin_client.post(add_url, data)
    assert response.status_code == 302, parse(response).select(".error-message")
    page = StandardPage.objects.get(slug="permanence-panne", locale=site_tree.locale)
    assert page.live

    # A draft saved later also succeeds.
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    data["title"] = "Permanence pendant la panne (mise à jour)"
    del data["action-publish"]
    assert admin_client.post(edit_url, data).status_code == 302
    assert (
        StandardPage.objects.get(pk=page.pk)
        .get_latest_revision_as_object()
        .title.endswith("(mise à jour)")
    )

    # The failures were logged, not raised.
    assert any("search backend" in record.getMessage() for record in caplog.records)

    # Readers get a 503 with a message, on the page and the suggestions endpoint.
    response = admin_client.get(search_url("fr", q="panne"))
    assert response.status_code == 503
    assert response["Retry-After"]
    assert (
        "La recherche est momentanément indisponible"
        in parse(response).select_one("[role=alert]").get_text()
    )
    with translation.override("fr"):
        suggestions = admin_client.get(reverse("search_suggestions"), {"q": "perm"})
    assert suggestions.status_code == 503
    assert json.loads(suggestions.content)["results"] == []

    # Back on a working backend, update_index indexes what was missed.
    settings.WAGTAILSEARCH_BACKENDS = DATABASE
    assert result_titles(admin_client.get(search_url("fr", q="panne"))) == []
    call_command("update_index", stdout=StringIO())
    assert result_titles(admin_client.get(search_url("fr", q="panne"))) == [
        "Permanence pendant la panne"
    ]


@pytest.mark.parametrize("backend", ENGINES)
def test_the_english_page_says_so_in_english(client, site_tree, settings, backend):
    settings.WAGTAILSEARCH_BACKENDS = unreachable(backend)
    # The English locale exists (locales follow the settings after migrate).
    response = client.get(search_url("en", q="anything"))
    assert response.status_code == 503
    assert "Search is temporarily unavailable" in response.content.decode()


@pytest.mark.parametrize("backend", ENGINES)
def test_a_stalled_engine_gives_a_503_within_five_seconds_and_publishing_goes_on(
    admin_client, client, site_tree, settings, stalled_engine, backend
):
    settings.WAGTAILSEARCH_BACKENDS = engine_at(backend, stalled_engine)
    for language, message in (
        ("fr", "La recherche est momentanément indisponible"),
        ("en", "Search is temporarily unavailable"),
    ):
        started = time.monotonic()
        response = client.get(search_url(language, q="coopératives"))
        assert time.monotonic() - started < 5
        assert response.status_code == 503
        assert message in parse(response).select_one("[role=alert]").get_text()

    for params, message in (
        ({}, "La recherche est momentanément indisponible"),
        ({"locale": "en"}, "Search is temporarily unavailable"),
    ):
        started = time.monotonic()
        api = client.get("/api/v2/pages/", {"search": "coopératives", **params})
        assert time.monotonic() - started < 5
        assert api.status_code == 503 and api["Retry-After"]
        assert message in api.json()["message"]

    # Publishing waits for each indexing call's timeout, then goes on (1 s here: the
    # test proves the page saves, not how long SEARCH_TIMEOUT is).
    settings.WAGTAILSEARCH_BACKENDS = engine_at(backend, stalled_engine, timeout=1)
    add_url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", site_tree.home.pk))
    data = nested_form_data(
        {
            "title": "Publiée pendant un ralentissement",
            "slug": "ralentissement",
            "intro": "Le moteur de recherche ne répond plus.",
            "body": streamfield([]),
            "action-publish": "publish",
        }
    )
    assert admin_client.post(add_url, data).status_code == 302
    assert StandardPage.objects.get(slug="ralentissement", locale=site_tree.locale).live
