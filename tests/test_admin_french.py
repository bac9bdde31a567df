"""The admin in French: the screens a coordinator and a translator use read in French.

A walk through the dashboard, the explorer, the page editor, the history, the workflow
screens, the submit-translation form and the translation editor, as the coordinator of a
region and as the English translator, with French as their admin language. Each screen's
visible text (and its labels, titles, placeholders) must hold no English sentence: no word
of ``ENGLISH_WORDS`` outside the allowed names and codes of ``ALLOWED``.
"""

import re
from html.parser import HTMLParser

import pytest
from wagtail.users.models import UserProfile

from core import i18n
from tests.factories import NewsPageFactory, UserFactory
from translation.provisioning import sync_translators

pytestmark = [pytest.mark.region_provisioning]

# Words of English sentences that French never uses.
ENGLISH_WORDS = set(
    """
    the and of to your this that with for is are has have not you be by from been which
    there will can cannot should must these those its into than then when what who how
    yet any all none only also here more less page's please click select choose add edit
    delete save publish published draft translate translation translations language
    languages locale locales submit cancel back next previous search filter status
    """.split()
)
# Names and codes a French screen may show.
ALLOWED = ["English", "Wagtail", "wagtail-localize", "PO", "CSV", "HTML", "URL", "ID"]


class _VisibleText(HTMLParser):
    VOID = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.chunks = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        hidden = any(h for _, h in self.stack)
        if not hidden:
            for name in ("title", "aria-label", "placeholder", "alt"):
                if attrs.get(name):
                    self.chunks.append(attrs[name])
        if tag not in self.VOID:
            lang = attrs.get("lang", "")
            self.stack.append(
                (
                    tag,
                    tag in ("script", "style", "template", "svg")
                    or "hidden" in attrs  # not shown
                    or bool(lang and not lang.startswith("fr")),
                )
            )

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if not any(h for _, h in self.stack) and data.strip():
            self.chunks.append(" ".join(data.split()))


def english_left(html):
    """The pieces of visible text holding an English word."""
    parser = _VisibleText()
    parser.feed(html)
    left = []
    for chunk in parser.chunks:
        text = chunk
        for name in ALLOWED:
            text = text.replace(name, " ")
        words = set(re.findall(r"[a-z']+", text.lower()))
        if words & ENGLISH_WORDS:
            left.append(chunk)
    return sorted(set(left))


@pytest.fixture
def walk(world, client):
    sync_translators()
    french = world.pages["fr"]["news_a"]
    translated = NewsPageFactory(parent=world.pages["fr"]["region_a"], title="Actu traduite")
    i18n.translate(translated, "en", {"title": "Translated news"})
    english = translated.get_translation(world.en)
    translator = UserFactory(username="trad-en", groups=["Traduction EN"])
    users = {"coordinator": world.users["coord_a"], "translator": translator}
    for user in users.values():
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "fr"
        profile.save()
    return world, users, french, english


def screens(french, english, region):
    return {
        "dashboard": "/admin/",
        "explorer": f"/admin/pages/{region.pk}/",
        "edit": f"/admin/pages/{french.pk}/edit/",
        "history": f"/admin/pages/{french.pk}/history/",
        "workflow history": f"/admin/pages/{french.pk}/workflow_history/",
        "translate (submit)": f"/admin/localize/submit/page/{french.pk}/",
        "translation editor": f"/admin/pages/{english.pk}/edit/",
        "translation report": "/admin/reports/translation-freshness/",
    }


@pytest.mark.parametrize("role", ["coordinator", "translator"])
def test_the_admin_screens_read_in_french(client, walk, role):
    world, users, french, english = walk
    client.force_login(users[role])
    left, seen = {}, 0
    for name, url in screens(french, english, world.pages["fr"]["region_a"]).items():
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="fr")
        if response.status_code in (302, 403, 404):
            continue  # not this role's screen (the permission tests prove which)
        assert response.status_code == 200, (name, response.status_code)
        seen += 1
        found = english_left(response.content.decode())
        if found:
            left[name] = found
    assert seen >= 4, f"{role} walked {seen} screens"
    assert not left, left
