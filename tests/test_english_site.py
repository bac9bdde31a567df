"""The whole demo in English: a crawl of the English site finds no French left.

Generic: it follows every link from the English home page (menus, footer, listings, their
pages and filters, feeds, calendars), so the pages of any app's demo step are crawled. Text
marked with another language (``lang="fr"``: the language switcher, the one page the demo
leaves untranslated, shown with its fallback notice) is allowed; so are the names of
``PROPER_NOUNS``. Forms are submitted empty (their errors), the 404 page and the contact
form's e-mail are read too. The API's ``locale=en`` lists as many pages of each type as
``locale=fr``, and the English map shows every region.
"""

import re
from collections import Counter
from html.parser import HTMLParser
from io import StringIO
from urllib.parse import urldefrag, urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Locale, Page

from chantiers.models import RoadmapPage
from directory.demo.organisations import ORGANISATIONS
from home.demo import english
from home.forms import HONEYPOT
from library.demo import data as library_data
from regions.models import RegionPage
from tests.helpers import rolled_back

pytestmark = [pytest.mark.demo, pytest.mark.django_db]

# Words that are French and never English (accents aside): any of them in English text is
# French left on the page.
FRENCH_WORDS = set(
    """
    le la les des du une et est sont pour avec dans sur aux au ce cette ces nous vous
    leur leurs qui que dont mais ou où être avoir été fait selon chez entre votre notre
    région régions actualités agenda presse chantier chantiers accueil adhérer suivre
    rechercher recherche lire suite voir tout toutes tous publié mis jour page suivante
    précédente retour haut contact mentions légales accessibilité plan site menu fermer
    ouvrir filtrer télécharger partager imprimer inscription événement événements
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    lundi mardi mercredi jeudi vendredi samedi dimanche
    """.split()
)
# Words English shares with French, dropped from FRENCH_WORDS (kept here to say why).
SHARED = {"contact", "menu", "page", "plan", "site", "agenda", "mars", "suite", "ou"}
FRENCH_WORDS -= SHARED

# Names the English text keeps in French: places, organisations, the movement's own terms.
PROPER_NOUNS = [
    "Palais des congrès",
    "Cité des sciences et de l'industrie",
    "Les Paniers du coin",
    "Les Artisans réunis",
    "Territoires solidaires",
    "Solidarité Santé du Nord",
    "Fondation Entreprendre ensemble",
    "Rencontres Sociales",
    "Porte Maillot",
    "rue de l'Exemple",
    "Provence-Alpes-Côte d'Azur",
    "Côte d'Azur",
    "Pays de la Loire",
    "Nord-Pas-de-Calais",
    "Île-de-France",
]

# The directory's organisations keep their own (French) names in English, and their towns.
PROPER_NOUNS += [row[1] for row in ORGANISATIONS] + [row[5] for row in ORGANISATIONS]
# A publication's authors are a bibliographic record, the same in every language (a
# synchronised field): the bodies that wrote it keep their names.
PROPER_NOUNS += sorted(
    {
        author.strip()
        for item in library_data.PUBLICATIONS
        for author in item.get("authors", "").split(";")
        if author.strip()
    }
)
PROPER_NOUNS.sort(key=len, reverse=True)  # "Les Artisans réunis" before "Île-de-France"

SKIPPED_TYPES = ("application/pdf", "image/", "font/", "application/zip")


class _Text(HTMLParser):
    """The visible text of an HTML page, without what is marked in another language."""

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
        self.stack = []  # (tag, is foreign or hidden)
        self.chunks = []
        self.links = []
        self.forms = []
        self.html_lang = None

    def _foreign(self):
        return any(hidden for _, hidden in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if tag in ("a", "link") and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "form":
            self.forms.append(attrs)
        if not self._foreign():
            for name in ("alt", "title", "aria-label", "placeholder"):
                if attrs.get(name):
                    self.chunks.append(attrs[name])
            if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
                self.chunks.append(attrs["value"])
            if tag == "meta" and attrs.get("name") in ("description",) and attrs.get("content"):
                self.chunks.append(attrs["content"])
        if tag in self.VOID:
            return
        lang = attrs.get("lang", "")
        hidden = tag in ("script", "style", "template") or (lang and not lang.startswith("en"))
        self.stack.append((tag, bool(hidden)))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if not self._foreign():
            self.chunks.append(data)


def french_left(text):
    """The French words of ``text`` once the proper nouns, e-mail addresses and web
    addresses (a source shown as ``example.org/le-mans-impact``) are taken out."""
    text = re.sub(r"\S+@\S+|(?:https?://)?[\w-]+(?:\.[\w-]+)+/\S*", " ", " ".join(text.split()))
    for noun in PROPER_NOUNS:
        text = text.replace(noun, " ")
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text.lower())
    found = {word for word in words if word in FRENCH_WORDS}
    found |= {word for word in words if re.match(r"^(l|d|qu|n|s|j|c)['’]\w", word)}
    return sorted(found)


def read_page(response):
    parser = _Text()
    parser.feed(response.content.decode())
    return parser


def crawl(client, start="/en/", limit=2000):
    """Visit every internal English address reachable from ``start``: {url: problems}."""
    seen, queue, problems, visited = {start}, [start], {}, Counter()
    while queue and len(visited) < limit:
        url = queue.pop(0)
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        visited[response.status_code] += 1
        content_type = response.get("Content-Type", "")
        if response.status_code in (301, 302):
            target = response["Location"]
            if target.startswith("/en/") and target not in seen:
                seen.add(target)
                queue.append(target)
            continue
        if response.status_code != 200:
            problems[url] = [f"status {response.status_code}"]
            continue
        if content_type.startswith(SKIPPED_TYPES) or url.startswith("/en/api"):
            continue
        if "html" in content_type:
            page = read_page(response)
            found = []
            if page.html_lang != "en":
                found.append(f"<html lang={page.html_lang!r}>")
            found += french_left(" ".join(page.chunks))
            links = page.links
        else:  # feeds, calendars, JSON: every text is English
            body = response.content.decode()
            found = french_left(re.sub(r"<[^>]+>|https?://\S+", " ", body))
            links = []
        if found:
            problems[url] = found
        for href in links:
            href = urldefrag(href)[0]
            parts = urlsplit(href)
            if parts.netloc not in ("", "testserver", "localhost"):
                continue
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if path.startswith("/en/") and path not in seen and "/documents/" not in path:
                seen.add(path)
                queue.append(path)
    return visited, problems


@pytest.fixture(scope="module")
def _module_demo(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("load_demo_content", "--no-admin", stdout=StringIO())
        yield Locale.objects.get(language_code="en")


@pytest.fixture
def demo(_module_demo, db):
    """The demo loaded once for the module; each test's changes are rolled back."""
    return _module_demo


def test_every_french_page_has_its_english_translation_but_the_documented_one(demo):
    french = Locale.objects.get(language_code="fr")
    left = []
    for page in Page.objects.filter(locale=french, depth__gt=1, alias_of__isnull=True):
        translation = page.get_translation_or_none(demo)
        if translation is None or translation.alias_of_id:
            left.append(page.url_path.split("/", 2)[2])
    assert left == english.LEFT_UNTRANSLATED


def test_the_english_site_has_no_french_left(client, demo):
    visited, problems = crawl(client)
    assert visited[200] > 60, visited  # the whole demo, not only the home page
    assert not problems, problems


def test_the_documented_fallback_says_so_in_english(client, demo):
    french = Page.objects.get(
        url_path__endswith="/" + english.LEFT_UNTRANSLATED[0], locale__language_code="fr"
    )
    alias = french.get_translation(demo)
    html = client.get(alias.url).content.decode()
    assert 'lang="fr"' in html and french.title in html


def test_english_forms_errors_and_404_read_in_english(client, demo):
    contact = Page.objects.get(locale=demo, slug="contact").specific
    response = client.post(contact.url, {})
    assert response.status_code == 200
    page = read_page(response)
    assert not french_left(" ".join(page.chunks)), french_left(" ".join(page.chunks))

    search = client.get("/en/search/?q=" + "x" * 500)
    assert not french_left(" ".join(read_page(search).chunks))

    missing = client.get("/en/no-such-page/")
    assert missing.status_code == 404
    page = read_page(missing)
    assert page.html_lang == "en" and not french_left(" ".join(page.chunks))


def test_the_english_contact_form_replies_in_english(client, demo, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    contact = Page.objects.get(locale=demo, slug="contact").specific
    html = client.get(contact.url).content.decode()
    form = re.search(r"<form[^>]*method=\"post\".*?</form>", html, re.S).group(0)
    fields = {}
    for name in re.findall(r"<(?:input|textarea)\b[^>]*\bname=\"([^\"]+)\"", form):
        if name in (HONEYPOT, "csrfmiddlewaretoken"):
            continue
        fields[name] = "ada@example.org" if "mail" in name else "We would like to visit a region."
    response = client.post(contact.url, fields, REMOTE_ADDR="198.51.100.77")
    assert response.status_code == 200
    page = read_page(response)
    assert not french_left(" ".join(page.chunks)), french_left(" ".join(page.chunks))
    assert len(mail.outbox) == 1, "the contact form sends its message"
    message = mail.outbox[0]
    assert message.subject == "Message received through the contact form"
    assert not french_left(message.subject + " " + message.body), message.body


def test_the_english_api_lists_every_page_type_as_the_french_one(client, demo):
    def counts(locale):
        types, offset = Counter(), 0
        while True:
            response = client.get("/api/v2/pages/", {"locale": locale, "offset": offset})
            assert response.status_code == 200
            items = response.json()["items"]
            types.update(item["meta"]["type"] for item in items)
            offset += len(items)
            if not items or offset >= response.json()["meta"]["total_count"]:
                return types

    french, english_ = counts("fr"), counts("en")
    fallback = Page.objects.get(
        url_path__endswith="/" + english.LEFT_UNTRANSLATED[0], locale__language_code="fr"
    ).specific
    expected = french.copy()
    expected[f"{fallback._meta.app_label}.{type(fallback).__name__}"] -= 1
    assert +english_ == +expected


def test_the_english_map_shows_every_region(client, demo):
    html = client.get("/en/").content.decode()
    areas = re.findall(r'<a class="map-area[^"]*" href="([^"]+)"[^>]*>', html)
    foreign = re.findall(r'<a class="map-area[^>]* lang="(?!en)[^"]+"', html)
    regions = RegionPage.objects.live().filter(locale=demo, alias_of__isnull=True)
    french_regions = RegionPage.objects.live().filter(locale__language_code="fr")
    assert regions.count() == french_regions.count() == 11
    assert sorted(areas) == sorted(region.url for region in regions)
    assert not foreign, "every region of the English map is an English page"


def next_milestone(html):
    """The next milestone box of a page: (date, the roadmap's translation key)."""
    box = re.search(r'<section class="box next-milestone".*?</section>', html, re.S)
    if box is None:
        return None
    date = re.search(r'<time datetime="([^"]+)"', box.group(0)).group(1)
    href = re.search(r'<a href="([^"]+)">', box.group(0)).group(1)
    roadmap = next(page for page in Page.objects.type(RoadmapPage) if page.url == href)
    return date, roadmap


def test_every_region_shows_the_same_next_milestone_in_both_languages(client, demo):
    regions = RegionPage.objects.live().filter(locale__language_code="fr")
    for french in regions:
        english_page = french.get_translation(demo)
        fr = next_milestone(client.get(french.url).content.decode())
        en = next_milestone(client.get(english_page.url).content.decode())
        assert fr is not None and en is not None, french.title
        assert fr[0] == en[0] and fr[1].translation_key == en[1].translation_key, french.title


def test_a_region_keeps_its_own_next_milestone_while_its_roadmap_is_untranslated(client, demo):
    """The Picardie case: an English region page whose roadmap has no English version yet
    shows the region's own milestone (the French roadmap's), not the national one."""
    french_roadmap = (
        Page.objects.type(RoadmapPage).filter(locale__language_code="fr", depth__gt=4).first()
    )
    region = french_roadmap.get_parent()
    english_roadmap = french_roadmap.get_translation(demo)
    expected = next_milestone(client.get(region.url).content.decode())
    english_roadmap.delete()
    french_roadmap.specific.copy_for_translation(demo, alias=True)
    english_region = region.get_translation(demo)
    shown = next_milestone(client.get(english_region.url).content.decode())
    assert shown[0] == expected[0] and shown[1].translation_key == expected[1].translation_key
