"""The demo loader: the tree it builds, its idempotence, every page rendering with its
content, and the API listing the demo's pages.

The demo is loaded once for the module inside a transaction that is rolled back at the
end; each test runs in a savepoint inside it, as Django's TestCase does.
"""

from io import StringIO
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from chantiers.models import ChantierPage, RoadmapPage
from directory.models import OrganisationPage
from home.demo import data
from home.demo.builder import build
from home.models import ContactPage, HomePage, StandardPage
from news.models import EventPage, NewsIndexPage, NewsPage, PressContact, PressRoomPage
from regions.models import RegionPage
from tests.test_contact_form import GOOD

# Indexed: the demo's pages are found by the search page.
pytestmark = [pytest.mark.demo, pytest.mark.django_db, pytest.mark.search_index]


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    return str(tmp_path_factory.mktemp("demo-media"))


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, demo_media):
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=demo_media):
        with transaction.atomic():
            demo = build()
            # Each page rendered once: the image renditions are made here, once for the
            # module, instead of again in every test that renders (each rolls back).
            client = Client()
            for page in Page.objects.filter(depth__gt=2).live():
                client.get(page.url)
            yield demo
            transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _media_root(settings, demo_media):
    """The demo's images and documents stay readable in every test of the module."""
    settings.MEDIA_ROOT = demo_media


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "press_contacts": PressContact.objects.count(),
        "organisations": OrganisationPage.objects.count(),
        "sites": Site.objects.count(),
    }


def text(response):
    return response.content.decode()


# --- The tree ---------------------------------------------------------------------------


def test_home_is_the_default_sites_root_and_wagtails_placeholder_is_gone(demo):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific == demo.home
    assert demo.home.locale.language_code == "fr"
    assert not Page.objects.filter(depth=2, title="Welcome to your new Wagtail site!").exists()


def test_main_menu_sections_in_order(demo):
    menu = [p.title for p in demo.home.get_children().live().in_menu()]
    assert menu == [
        "Chantiers",
        "Régions",
        "Actualités",
        "Agenda",
        "Espace presse",
        "Ressources",
        "Annuaire",
        "Banque de projets",
    ]


def test_four_national_chantiers_one_per_theme(demo):
    national = ChantierPage.objects.national().filter(locale=demo.locale)
    assert sorted(p.theme for p in national) == sorted(
        ["training", "social_innovation", "cooperation", "impact"]
    )
    assert all(p.get_parent().pk == demo.chantier_index.pk for p in national)


def test_the_eleven_regions_of_the_2010_roadmap_with_theme_and_contacts(demo):
    regions = RegionPage.objects.child_of(demo.region_index).order_by("title")
    titles = set(regions.values_list("title", flat=True))
    for name in [
        "Midi-Pyrénées",
        "Languedoc-Roussillon",
        "Nord-Pas-de-Calais",
        "Rhône-Alpes",
        "Picardie",
        "Franche-Comté",
        "Bourgogne",
        "Pays de la Loire",
        "Aquitaine",
        "Provence-Alpes-Côte d'Azur",
        "Île-de-France",
    ]:
        assert name in titles
    for region in regions:
        assert region.theme in {"training", "social_innovation", "cooperation", "impact"}
        assert region.contacts.exists(), region.title
        assert all(c.email.endswith("@example.org") for c in region.contacts.all())
    # every theme is picked by at least one region
    assert {r.theme for r in regions} == {"training", "social_innovation", "cooperation", "impact"}


def test_regional_content_sits_under_its_region(demo):
    midi = demo.regions["midi-pyrenees"]
    assert ChantierPage.objects.child_of(midi).regional().get().theme == "impact"
    assert RoadmapPage.objects.child_of(midi).exists()
    assert NewsPage.objects.in_region(midi).exists()
    assert EventPage.objects.in_region(midi).exists()
    cress = demo.news["cress-collectivites"]
    assert cress.region.pk == demo.regions["bourgogne"].pk


def test_news_of_the_three_kinds_national_and_regional(demo):
    news = NewsPage.objects.live()
    assert news.count() >= 12
    assert {n.kind for n in news} == {"article", "press_release", "relay"}
    assert news.filter(depth=4).exists()  # national (news index, press room)
    assert news.filter(depth=5).exists()  # regional
    roadmap_release = demo.news["une-region-un-chantier-communique"]
    assert roadmap_release.kind == "press_release"
    assert str(roadmap_release.date) == "2010-06-15"
    assert roadmap_release.pdf is not None and roadmap_release.press_contact is not None
    assert roadmap_release.pdf.file.read(5) == b"%PDF-"
    dakar = demo.news["senegal-oit-cooperatives"]
    assert dakar.kind == "relay" and dakar.source_name and dakar.source_url
    assert str(dakar.source_date) == "2025-09-29"


def test_national_roadmap_milestones_and_statuses(demo):
    roadmap = demo.roadmaps["feuille-de-route"]
    assert roadmap.get_parent().pk == demo.home.pk
    by_title = {m.title: m for m in roadmap.milestones.all()}
    assert str(by_title["Lancement du Mouvement"].date) == "2010-02-02"
    assert str(by_title["Congrès : présentation des plans d'action"].date) == "2010-10-14"
    assert str(by_title["Rencontres nationales thématiques"].date).startswith("2011-1")
    assert {m.status for m in by_title.values()} == {"done", "in_progress", "planned", "cancelled"}
    assert 0 < roadmap.progress < 100
    assert roadmap.next_milestone is not None


def test_agenda_has_past_and_upcoming_events(demo):
    assert EventPage.objects.live().count() >= 4
    assert EventPage.objects.upcoming().exists()
    assert EventPage.objects.past().filter(title="Congrès du Mouvement 2010").exists()


def test_press_room_standard_pages_snippets_and_media(demo):
    assert demo.press_room.press_kit.count() == 2
    footer = set(
        StandardPage.objects.child_of(demo.home)
        .filter(show_in_footer=True)
        .values_list("title", flat=True)
    )
    assert {"À propos", "Mentions légales", "Déclaration d'accessibilité"} <= footer
    assert "À propos" in StandardPage.objects.values_list("title", flat=True)
    assert OrganisationPage.objects.filter(legal_form="cooperative").exists()
    assert OrganisationPage.objects.filter(legal_form="mutual").exists()
    assert OrganisationPage.objects.filter(title__startswith="CERES").exists()
    # The home demo's own illustrations (the library's covers and the directory's logos
    # share the collection and are checked by their own tests).
    titles = [title for title, _alt, _drawing in data.IMAGES.values()]
    images = get_image_model().objects.filter(collection__name="Démo", title__in=titles)
    assert images.count() == len(data.IMAGES)
    assert all(image.description for image in images)  # alt text
    assert all((image.width, image.height) == (1200, 675) for image in images)  # 16:9


# --- Idempotence ------------------------------------------------------------------------


def test_a_second_run_changes_nothing(demo):
    before = counts()
    second = build()
    assert second.created == []
    assert counts() == before


def test_the_command_is_idempotent_and_creates_the_admin_once(demo):
    User = get_user_model()
    before = counts()
    out = StringIO()
    call_command("load_demo_content", stdout=out)
    assert "nothing changed" in out.getvalue()
    assert counts() == before
    admin = User.objects.get(username="admin")
    assert admin.is_superuser
    assert "password" in out.getvalue()
    again = StringIO()
    call_command("load_demo_content", stdout=again)
    assert User.objects.filter(is_superuser=True).count() == 1
    assert "changepassword admin" in again.getvalue()
    assert "password '" not in again.getvalue()


def test_it_never_touches_content_it_did_not_create(demo):
    edited = demo.news["ceres-togo"]
    edited.intro = "Texte revu par l'équipe."
    edited.save_revision().publish()
    extra = NewsPage(title="Écrit par une éditrice", kind="article", intro="…")
    demo.news_index.add_child(instance=extra)
    extra.save_revision().publish()
    before = counts()
    build()
    assert counts() == before
    edited.refresh_from_db()
    assert edited.intro == "Texte revu par l'équipe."
    assert NewsPage.objects.filter(pk=extra.pk).exists()


# --- Rendering --------------------------------------------------------------------------


def test_every_demo_page_renders_with_its_title(client, demo):
    for page in Page.objects.filter(depth__gt=2).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title.replace("'", "&#x27;") in text(response), page.url


def test_home_page_shows_its_blocks(client, demo):
    html = text(client.get(demo.home.url))
    assert data.HOME["hero_title"] in html
    assert "1 325" in html  # key figures
    for chantier in ChantierPage.objects.national().filter(locale=demo.locale):
        assert chantier.title.replace("'", "&#x27;") in html
    assert "Midi-Pyrénées" in html
    assert "Rencontres nationales thématiques" in html  # next events


def test_page_types_show_their_own_content(client, demo):
    region = text(client.get(demo.regions["midi-pyrenees"].url))
    assert "Sophie Albert" in region and "midi-pyrenees@example.org" in region
    relay = text(client.get(demo.news["senegal-oit-cooperatives"].url))
    assert "Presse économique sénégalaise" in relay
    release = text(client.get(demo.news["une-region-un-chantier-communique"].url))
    assert demo.news["une-region-un-chantier-communique"].pdf.url in release
    assert "presse@example.org" in release
    event = text(client.get(demo.events["congres-2010"].url))
    assert "Palais des congrès" in event and "Paris" in event
    roadmap = text(client.get(demo.roadmaps["feuille-de-route"].url))
    assert "Rencontres nationales thématiques" in roadmap
    national = text(client.get(demo.chantiers["impact"].url))
    assert "Midi-Pyrénées" in national and "Bourgogne" in national
    press = text(client.get(demo.press_room.url))
    assert "Dossier de presse" in press and "Claire Dumont" in press
    news_index = text(client.get(demo.news_index.url))
    assert "PACA : trois lieux ressources" in news_index


def test_demo_documents_download(client, demo):
    document = demo.documents["press_kit"]
    response = client.get(document.url)
    assert response.status_code == 200
    assert (
        b"".join(response.streaming_content if response.streaming else [response.content])[:5]
        == b"%PDF-"
    )


# --- The API over the demo --------------------------------------------------------------

API_MINIMUMS = {
    "chantiers.ChantierPage": 4,
    "regions.RegionPage": 11,
    "news.NewsPage": 12,
    "news.EventPage": 4,
    "chantiers.RoadmapPage": 1,
    "news.PressRoomPage": 1,
}


@pytest.mark.parametrize("page_type,minimum", API_MINIMUMS.items())
def test_api_lists_the_demo_pages_and_each_answers_with_its_title(client, demo, page_type, minimum):
    response = client.get("/api/v2/pages/", {"type": page_type, "limit": 100})
    assert response.status_code == 200
    payload = response.json()
    assert payload["meta"]["total_count"] >= minimum
    for item in payload["items"]:
        html_url = urlsplit(item["meta"]["html_url"])
        page = client.get(html_url.path)
        assert page.status_code == 200, html_url.path
        assert item["title"].replace("'", "&#x27;") in text(page)


def test_api_lists_news_of_the_three_kinds(client, demo):
    response = client.get(
        "/api/v2/pages/",
        {"type": "news.NewsPage", "fields": "kind,date,themes,source_name", "limit": 100},
    )
    kinds = {item["kind"] for item in response.json()["items"]}
    assert kinds == {"article", "press_release", "relay"}


def test_api_reaches_the_demo_images_and_documents(client, demo):
    images = client.get("/api/v2/images/").json()
    documents = client.get("/api/v2/documents/").json()
    # Every image and public document the demo made, its own and the library's.
    assert images["meta"]["total_count"] == get_image_model().objects.count() > len(data.IMAGES)
    public_documents = get_document_model().objects.filter(collection__view_restrictions=None)
    assert documents["meta"]["total_count"] == public_documents.count() >= len(data.DOCUMENTS)
    # One of each per language (the English ones are translations: issue 6).
    french = {"locale": demo.locale}
    assert NewsIndexPage.objects.filter(**french).count() == 1
    assert PressRoomPage.objects.filter(**french).count() == 1


# --- The contact page ----------------------------------------------------------------


def test_the_demo_loader_makes_the_contact_page_with_its_form(demo):
    contact = ContactPage.objects.get(slug="contact", locale__language_code="fr")
    assert demo.contact_page.pk == contact.pk
    assert contact.live and contact.get_parent().specific_class is HomePage
    assert [f.clean_name for f in contact.form_fields.all()] == [
        "nom",
        "adresse_e_mail",
        "organisation",
        "message",
    ]
    assert not StandardPage.objects.filter(slug="contact").exists()
    again = build()
    assert again.created == []
    assert ContactPage.objects.filter(locale__language_code="fr").count() == 1
    client = Client()
    response = client.post(contact.url, GOOD, REMOTE_ADDR="198.51.100.5")
    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=contact).count() == 1
    assert mail.outbox[0].to == ["contact@example.org"]


def test_pages_without_a_date_of_their_own_are_dated_by_their_last_publication(client, demo):
    """In search results, a chantier or a standard page shows when its text was published,
    not the day the demo was loaded; news keep their own date."""
    published = timezone.make_aware(data.UNDATED_PAGES_PUBLISHED)
    for model in (ChantierPage, RegionPage, RoadmapPage, StandardPage):
        page = model.objects.live().filter(locale__language_code="fr").first()
        assert page.last_published_at == published, model
    about = StandardPage.objects.get(slug="a-propos", locale__language_code="fr")
    response = client.get("/fr/recherche/", {"q": about.title})
    results = BeautifulSoup(response.content, "html.parser").select("ol[data-search-results] > li")
    shown = {
        item.select_one("h3 a").get_text(strip=True): item.select_one("time") for item in results
    }
    assert shown[about.title]["datetime"] == published.date().isoformat()


# --- The library ------------------------------------------------------------------------


def test_the_library_holds_real_documents_and_its_phrase_is_found_by_the_search(client, demo):
    from library.demo import data as library_data
    from library.extraction import ReadingStatus
    from library.models import DocumentText, PublicationPage

    publications = PublicationPage.objects.live().filter(locale__language_code="fr")
    assert publications.count() >= 15
    assert not publications.filter(document=None).exists()
    assert not publications.filter(cover=None).exists()
    records = DocumentText.objects.filter(document__in=publications.values("document"))
    scanned = [record for record in records if record.status != ReadingStatus.READ]
    assert [record.status for record in scanned] == [ReadingStatus.NO_TEXT]
    assert all(record.page_count > 1 for record in records if record.status == ReadingStatus.READ)

    # The phrase is inside one study's PDF only: the site search finds that study, quoting it.
    phrase = library_data.UNIQUE_PHRASE
    assert not any(phrase in (page.title + page.summary) for page in publications)
    soup = BeautifulSoup(text(client.get("/fr/recherche/", {"q": f'"{phrase}"'})), "html.parser")
    hits = [a.get_text(strip=True) for a in soup.select("main h3 a, main h2 a")]
    expected = publications.get(slug=library_data.PUBLICATIONS[0]["slug"]).title
    assert expected in hits
    assert "bocage" in soup.select_one("main mark").find_parent().get_text().lower()
