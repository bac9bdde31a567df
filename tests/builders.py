"""Small, explicit page-tree builders shared by the tests.

``build_site()`` makes a French site with the frame every page needs (home, the four
chantiers, the region index, two regions, the national news, the agenda, the press room)
and returns the pages in a namespace so that tests name what they use.
"""

import datetime
from types import SimpleNamespace

from django.utils import timezone
from wagtail.models import Locale, Page, Site

from chantiers.models import ChantierIndexPage, ChantierPage, Milestone, RoadmapPage
from home.models import HomePage, StandardPage
from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage, PressRoomPage
from regions.models import RegionContact, RegionIndexPage, RegionPage

THEMES = ["training", "social_innovation", "cooperation", "impact"]


def add_child(parent, page, publish=True):
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    else:
        page.unpublish() if page.live else None
    page.refresh_from_db()
    return page


def make_news(parent, title, kind="article", date=None, themes=(), publish=True, **fields):
    page = NewsPage(
        title=title,
        kind=kind,
        date=date or timezone.localdate(),
        intro=fields.pop("intro", f"Introduction de {title}"),
        **fields,
    )
    if kind == "relay":
        page.source_name = page.source_name or "Partenaire"
        page.source_url = page.source_url or "https://example.org/article"
    parent.add_child(instance=page)
    if themes:
        page.themes.set(themes)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


def make_event(parent, title, start=None, days=10, themes=(), **fields):
    start = start or timezone.now() + datetime.timedelta(days=days)
    page = EventPage(
        title=title,
        start=start,
        end=start + datetime.timedelta(hours=3),
        city=fields.pop("city", "Lyon"),
        intro=fields.pop("intro", f"Présentation de {title}"),
        **fields,
    )
    parent.add_child(instance=page)
    if themes:
        page.themes.set(themes)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def build_site():
    locale = Locale.objects.get_or_create(language_code="fr")[0]
    root = Page.get_first_root_node()
    home = HomePage(title="Accueil", hero_title="Entreprendre autrement", locale=locale)
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "ESS"},
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()

    chantier_index = add_child(home, ChantierIndexPage(title="Chantiers", show_in_menus=True))
    chantiers = {
        code: add_child(chantier_index, ChantierPage(title=f"Chantier {code}", theme=code))
        for code in THEMES
    }
    region_index = add_child(home, RegionIndexPage(title="Régions", show_in_menus=True))
    region_a = add_child(region_index, RegionPage(title="Bretagne", slug="bretagne", theme="training"))
    region_b = add_child(region_index, RegionPage(title="Occitanie", slug="occitanie", theme="impact"))
    RegionContact.objects.create(page=region_a, name="Anne Coord", role="Coordinatrice", email="anne@example.org")
    news_index = add_child(home, NewsIndexPage(title="Actualités", show_in_menus=True))
    agenda = add_child(home, EventIndexPage(title="Agenda", show_in_menus=True))
    press_room = add_child(home, PressRoomPage(title="Espace presse", show_in_menus=True))
    about = add_child(home, StandardPage(title="À propos", show_in_footer=True))

    roadmap = RoadmapPage(title="Feuille de route nationale", intro="Une Région, un Chantier")
    home.add_child(instance=roadmap)
    roadmap.themes.set(THEMES)
    Milestone.objects.create(page=roadmap, title="Congrès", date=datetime.date(2010, 10, 14), status="done")
    Milestone.objects.create(page=roadmap, title="Rencontres nationales", date=datetime.date(2030, 10, 1), status="planned")
    roadmap.save_revision().publish()
    roadmap.refresh_from_db()

    return SimpleNamespace(
        locale=locale,
        home=home,
        chantier_index=chantier_index,
        chantiers=chantiers,
        region_index=region_index,
        region_a=region_a,
        region_b=region_b,
        news_index=news_index,
        agenda=agenda,
        press_room=press_room,
        about=about,
        roadmap=roadmap,
    )


def translate(page, language_code="en", **fields):
    """A published translation of ``page`` (missing parents become aliases, as in the admin)."""
    locale = Locale.objects.get_or_create(language_code=language_code)[0]
    translation = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def schedule(parent, page, go_live_at, themes=()):
    """Add ``page`` under ``parent`` as a draft whose publication is scheduled (an embargo)."""
    page.live = False
    page.go_live_at = go_live_at
    parent.add_child(instance=page)
    if themes:
        page.themes.set(themes)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
def translate_site(tree, language_code="en"):
    """Translate every page of ``tree`` into ``language_code``, published; same namespace back.

    Pages are copied in tree order so that each parent's translation exists before its
    children's. The returned namespace names the translated pages like ``build_site()``'s.
    """
    locale = Locale.objects.get_or_create(language_code=language_code)[0]
    for page in tree.home.get_descendants(inclusive=True).order_by("path").specific():
        if not page.has_translation(locale):
            page.copy_for_translation(locale).save_revision().publish()

    def translated(page):
        return page.get_translation(locale).specific

    return SimpleNamespace(
        locale=locale,
        **{
            name: (
                {code: translated(p) for code, p in value.items()}
                if isinstance(value, dict)
                else translated(value)
            )
            for name, value in vars(tree).items()
            if name != "locale"
        },
    )
