"""Error pages: a missing URL gives the site's own 404 page, in French."""

import pytest
from django.template.loader import render_to_string
from django.utils.translation import override

pytestmark = pytest.mark.django_db


def test_a_missing_page_gives_the_french_404_page(client, site_tree):
    response = client.get("/fr/cette-page-n-existe-pas/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert "Page introuvable" in html
    assert "Aller au contenu" in html  # the site's base template, translated
    assert 'href="/fr/chantiers/"' in html  # with its main navigation


def test_a_missing_url_without_language_prefix_ends_on_the_404_page(client, site_tree):
    response = client.get("/nulle-part/", follow=True)
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_a_missing_child_of_a_real_page_is_a_404(client, site_tree):
    response = client.get(site_tree.news_index.url + "absente/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_the_500_page_stands_alone_in_the_active_language():
    # The language of the URL is active when the error page renders (issue 6).
    with override("fr"):
        html = render_to_string("500.html")
    assert '<html lang="fr"' in html and "Une erreur est survenue" in html
    with override("en"):
        html = render_to_string("500.html")
    assert '<html lang="en"' in html and "Something went wrong" in html
    assert "{%" not in html


# --- The database unreachable: a 503 page, in the visitor's language ---------------------


@pytest.fixture
def failing(settings):
    settings.ROOT_URLCONF = "tests.outage_urls"
    from django.test import Client

    return Client(raise_request_exception=False)


def test_a_lost_database_connection_gives_the_503_page_in_french(failing):
    response = failing.get("/test-outage/lost/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert "Le site est momentanément indisponible" in html
    assert "Traceback" not in html


def test_the_503_page_follows_the_language_of_the_url_or_the_browser(failing):
    english = failing.get("/en/test-outage/lost/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<html lang="en"' in english and "The site is temporarily unavailable" in english
    browser = failing.get("/test-outage/closed/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en"' in browser and "The site is temporarily unavailable" in browser


def test_any_other_error_is_still_the_500_page(failing):
    response = failing.get("/test-outage/bug/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 500
    assert "Une erreur est survenue" in response.content.decode()
