"""The admin asks no third party for anything: every URL a coordinator's browser would load
from the admin pages they use (scripts, styles, images, icons, frames, avatars) is the
site's own or inline data. Avatars are the uploaded one or the editor's initials, never
Gravatar (which would send a hash of each editor's e-mail to gravatar.com)."""

import json
import re
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import pytest
from django.core.files.base import ContentFile
from wagtail.images.tests.utils import get_test_image_file
from wagtail.users.models import UserProfile

# The regional world (conftest's ``world``): its regions need their groups.
pytestmark = pytest.mark.region_provisioning

# Attributes whose URL the browser fetches by itself (links and forms wait for a click).
FETCHED = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "link": ("href",),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "use": ("href", "xlink:href"),
    "image": ("href", "xlink:href"),
    "input": ("src",),
}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


class FetchedURLs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []
        self.json_scripts = []
        self._in_json = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in FETCHED.get(tag, ()):
            value = attrs.get(name)
            if value:
                self.urls += [part.split()[0] for part in value.split(",") if part.strip()]
        self.urls += CSS_URL.findall(attrs.get("style") or "")
        self._in_json = tag == "script" and attrs.get("type") == "application/json"

    def handle_data(self, data):
        if self.lasttag == "style":
            self.urls += CSS_URL.findall(data)
        elif self._in_json:
            self.json_scripts.append(data)

    def handle_endtag(self, tag):
        self._in_json = False


def fetched_urls(html):
    parser = FetchedURLs()
    parser.feed(html)
    return parser


def third_party(url):
    host = urlsplit(url.strip()).netloc
    return bool(host) and host != "testserver"


def avatar_urls(json_texts):
    """The avatars the sidebar's script shows (its props are JSON in the page)."""
    found = []

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "avatarUrl":
                    found.append(item)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for text in json_texts:
        try:
            walk(json.loads(text))
        except ValueError:
            continue
    return found


def coordinator_pages(world):
    region = world.pages["fr"]["region_a"]
    news = world.pages["fr"]["news_a"]
    return [
        "/admin/",
        f"/admin/pages/{region.pk}/",
        f"/admin/pages/{news.pk}/edit/",
        f"/admin/pages/{news.pk}/history/",
        f"/admin/pages/add/news/newspage/{region.pk}/",
        "/admin/pages/search/?q=Bretagne",
        "/admin/images/",
        f"/admin/images/{world.image_a.pk}/",
        "/admin/documents/",
        "/admin/account/",
    ]


def test_the_admin_pages_a_coordinator_uses_load_nothing_from_a_third_party(client, world):
    coordinator = world.users["coord_a"]
    coordinator.first_name, coordinator.last_name = "Anne", "Le Goff"
    coordinator.save()
    client.force_login(coordinator)
    for url in coordinator_pages(world):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "gravatar" not in html.lower(), url
        parsed = fetched_urls(html)
        assert parsed.urls, f"{url}: the parser found what the page loads"
        outside = [u for u in parsed.urls if third_party(u)]
        assert not outside, f"{url} makes the browser ask {outside}"
        # The menu's avatar: the coordinator's initials, drawn inline.
        avatars = avatar_urls(parsed.json_scripts)
        assert avatars, url
        for avatar in avatars:
            assert avatar.startswith("data:image/svg+xml,"), url
            assert ">AG</text>" in unquote(avatar)


def test_an_uploaded_avatar_is_shown_instead_of_the_initials(client, world):
    coordinator = world.users["coord_a"]
    profile = UserProfile.get_for_user(coordinator)
    profile.avatar.save("anne.png", ContentFile(get_test_image_file().file.getvalue()))
    client.force_login(coordinator)
    html = client.get("/admin/").content.decode()
    avatars = avatar_urls(fetched_urls(html).json_scripts)
    assert avatars and set(avatars) == {profile.avatar.url}
    assert profile.avatar.url.startswith("/media/")
