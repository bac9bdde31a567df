"""The e-mails' HTML: built from their sources with the CSS inlined (the committed templates
are up to date), absolute links and images only, and a multipart message in the site's
look for each e-mail the site sends."""

import re

import pytest
from django.conf import settings

from subscriptions import building, mail, signup
from subscriptions.models import Subscriber, SubscriberState
from subscriptions.selection import Item
from tests.factories import ImageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def test_the_committed_templates_are_built_from_their_sources():
    for name, text in building.build_templates().items():
        assert (building.TEMPLATES / name).read_text() == text, (
            f"{name} is out of date: run make email-templates"
        )
    assert building.LOGO.read_bytes() == building.build_logo()


def test_every_element_carries_its_style_inline():
    for name in building.EMAILS:
        html = (building.TEMPLATES / f"{name}.html").read_text()
        styles = re.findall(r"<style>(.*?)</style>", html, re.S)
        assert len(styles) == 1 and styles[0].lstrip().startswith("@media"), name
        for tag in re.findall(r"<(?:td|a|h1|p|table)\b[^>]*>", html):
            if 'class="' in tag:
                assert 'style="' in tag, (name, tag)


def test_a_digest_links_and_shows_everything_by_absolute_url(site_tree):
    subscriber = Subscriber.objects.create(
        email="lecteur@example.org", language="fr", state=SubscriberState.ACTIVE
    )
    photo = ImageFactory(title="Atelier")
    page = NewsPageFactory(parent=site_tree.news_index, title="Avec une image", image=photo)
    message = mail.digest(subscriber, [Item(page=page, is_event=False, foreign="")], alert=False)
    html = message.alternatives[0][0]
    base = settings.WAGTAILADMIN_BASE_URL
    for url in re.findall(r'(?:href|src)="([^"]+)"', html):
        assert url.startswith(("http://", "https://")), url
    assert re.search(rf'<img[^>]+src="{base}/media/images/[^"]+"', html)
    assert f'href="{page.full_url}"' in html
    assert 'lang="fr"' in html
    assert (
        signup.find_subscriber(re.search(r"/gerer/([^/]+)/", message.body).group(1)) == subscriber
    )
