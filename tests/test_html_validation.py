"""The Nu Html Checker (npm package vnu-jar, run with java) finds no error on any page type.

Every page type of the demo-like site, in French and English, is rendered through Django's
test client, written to a folder and checked in one run of the checker.
"""

import datetime
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page, get_page_models

from subscriptions import embargo
from subscriptions.models import PreviewLink, SignupRequest, Subscriber
from subscriptions.tokens import confirmation_token, preview_token, subscriber_token
from tests.factories import NewsPageFactory, build_demo_like_site, translate_demo_like_site

pytestmark = [pytest.mark.html, pytest.mark.django_db, pytest.mark.search_index]

VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_type_is_valid_html(client, tmp_path):
    tree = build_demo_like_site()
    english = translate_demo_like_site(tree).pages
    pages = [
        tree.home,
        tree.chantier_index,
        tree.chantiers["training"],
        tree.regional_chantier,
        tree.region_index,
        tree.region_a,
        tree.news_index,
        tree.article,
        tree.press_release,
        tree.relay,
        tree.agenda,
        tree.event,
        tree.press_room,
        tree.about,
        tree.accessibility,
        tree.contact,
        tree.roadmap,
        tree.regional_roadmap,
        tree.library,
        tree.publication,
        tree.figures,
        tree.directory,
        tree.organisation,
        tree.project_bank,
        tree.project,
        tree.proposal,
        tree.join,
    ]
    # A page type added to the site without a page here would escape the check.
    missing = {m for m in get_page_models() if m is not Page} - {type(p.specific) for p in pages}
    assert not missing, sorted(model._meta.label for model in missing)
    urls = [page.url for page in pages] + [english[page.pk].url for page in pages]
    urls += [tree.directory.url + "?view=map", english[tree.directory.pk].url + "?view=map"]
    urls += ["/fr/recherche/", "/en/search/", "/fr/no-such-page/"]
    urls += ["/fr/recherche/?q=atelier", "/en/search/?q=atelier"]
    urls += [tree.library.url + "?kind=study&q=emploi", tree.library.url + "?kind=nope"]
    # The subscription pages: sign up, confirm, manage, unsubscribe, and a refused link.
    reader = Subscriber.objects.create(email="lectrice@example.org", language="fr", state="active")
    token = subscriber_token(reader)
    urls += ["/fr/abonnement/", "/en/subscribe/", f"/fr/abonnement/gerer/{token}/"]
    urls += [f"/en/subscribe/manage/{token}/", "/fr/abonnement/confirmer/pas-un-jeton/"]
    signup = SignupRequest.objects.create(
        subscriber=Subscriber.objects.create(email="nouvelle@example.org", language="fr"),
        language="fr",
        choices={"national_news": True, "frequency": "weekly", "language": "fr"},
        source="test",
        wording="",
    )
    for language in ("fr", "en"):
        with translation.override(language):
            urls.append(reverse("subscriptions:unsubscribe", args=[token]))
            urls.append(reverse("subscriptions:confirm", args=[confirmation_token(signup)]))
    # A journalist's preview of a press release under embargo, and a refused preview link.
    release = NewsPageFactory(
        parent=tree.press_room,
        title="Communiqué sous embargo",
        kind="press_release",
        intro="Annonce à paraître.",
        go_live_at=timezone.now() + datetime.timedelta(days=2),
    )
    link = PreviewLink.objects.create(
        page=release,
        journalist_name="Jeanne Reporter",
        outlet="La Gazette",
        email="jeanne@example.org",
        expires_at=embargo.default_expiry(release),
    )
    urls += [f"/fr/embargo/{preview_token(link)}/", "/en/embargo/not-a-token/"]
    folder = tmp_path / "html"
    folder.mkdir()
    names = {}
    for index, url in enumerate(urls):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        if "/embargo/" in url and "not-a-token" not in url:
            assert response.status_code == 200 and b"embargo-banner" in response.content
        path = folder / f"page{index:02d}.html"
        path.write_bytes(response.content)
        names[path.name] = url

    result = subprocess.run(
        [
            shutil.which("java") or "java",
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            "--skip-non-html",
            str(folder),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{names.get(Path(m.get('url', '')).name, m.get('url'))}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert not errors, "\n".join(errors)
    assert result.returncode == 0, result.stderr
