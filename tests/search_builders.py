"""Content for the search tests: French pages on the site's subjects and their English
counterparts, written the way people write them (accents, elisions, hyphens, plurals).

``search_corpus`` is a fixture: test modules import it (``from tests.search_builders
import search_corpus``) and name it as an argument.
"""

import contextlib
import datetime
from types import SimpleNamespace

import pytest
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from chantiers.models import Milestone, RoadmapPage
from home.models import StandardPage
from news.models import EventPage, NewsPage
from tests.builders import add_child, build_site
from tests.search_engine import ENGINE, SEARCH_BACKENDS, engine_indexed


def _aware(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 9, 30))


def news(parent, title, intro, kind="article", date=None, themes=(), locale=None, **fields):
    page = NewsPage(
        title=title,
        kind=kind,
        intro=intro,
        date=date or timezone.localdate(),
        locale=locale or parent.locale,
        **fields,
    )
    if kind == "relay":
        page.source_name = page.source_name or "OIT"
        page.source_url = page.source_url or "https://example.org/atelier"
    parent.add_child(instance=page)
    if themes:
        page.themes.set(themes)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def event(parent, title, intro, start, themes=(), city="Paris", **fields):
    page = EventPage(
        title=title,
        intro=intro,
        start=start,
        end=start + datetime.timedelta(hours=4),
        city=city,
        locale=parent.locale,
        **fields,
    )
    parent.add_child(instance=page)
    if themes:
        page.themes.set(themes)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, locale):
    """Publish a copy of ``page`` in ``locale`` (its parent must be translated already)."""
    copy = page.copy_for_translation(locale)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


def build_french(site):
    fr = SimpleNamespace()
    fr.loan = news(
        site.press_room,
        "Lancement du prêt de 100 M€ pour l'entrepreneuriat social",
        "Le mouvement obtient un prêt public destiné aux entreprises sociales.",
        kind="press_release",
        date=datetime.date(2010, 6, 15),
        themes=["training"],
    )
    fr.cooperatives = news(
        site.region_a,
        "Les coopératives bretonnes mesurent leur impact social",
        "Douze structures publient leurs indicateurs sociaux et environnementaux.",
        date=datetime.date(2024, 3, 12),
        themes=["impact"],
    )
    fr.dakar = news(
        site.news_index,
        "Atelier à Dakar sur les outils coopératifs de l'OIT",
        "Trois jours de travail sur Think.Coop, Start.Coop et My.Coop avec le ministère.",
        kind="relay",
        date=datetime.date(2025, 9, 29),
        themes=["cooperation"],
    )
    fr.meetings = event(
        site.agenda,
        "Rencontres nationales thématiques sur l'innovation sociale",
        "Les régions comparent leurs démarches et décident de la suite.",
        start=_aware(2011, 10, 6),
        themes=["social_innovation"],
    )
    fr.evaluation = event(
        site.region_b,
        "Atelier d'évaluation de l'utilité sociale",
        "Une journée pour mesurer ce que produisent les structures du territoire.",
        start=_aware(2026, 2, 3),
        themes=["impact"],
        city="Toulouse",
    )
    fr.proof = add_child(
        site.home,
        StandardPage(
            title="Une langue de la preuve",
            intro="Mesurer l'impact et évaluer les pratiques sociales et environnementales des entreprises.",
        ),
    )
    fr.coconstruction = news(
        site.news_index,
        "Co-construction des politiques locales avec la CRESS",
        "Subsidiarité et suivi dans la durée : la méthode de la chambre régionale.",
        date=datetime.date(2023, 5, 4),
        themes=["cooperation"],
    )
    fr.togo = news(
        site.news_index,
        "Un centre de ressources pour l'entrepreneuriat social au Togo",
        "Créé en mars 2019, il accompagne deux promotions de jeunes entrepreneurs par an.",
        date=datetime.date(2019, 3, 20),
        themes=["training"],
    )
    fr.students = news(
        site.region_a,
        "Sensibilisation des étudiants à l'économie sociale",
        "Des interventions dans les universités de Rennes et de Brest.",
        date=datetime.date(2022, 11, 8),
        themes=["training"],
    )
    fr.crowdfunding = news(
        site.news_index,
        "Banque de projets et financement participatif",
        "Les organisations présentent leurs projets à des partenaires potentiels.",
        date=datetime.date(2017, 1, 10),
        themes=["cooperation"],
    )
    roadmap = RoadmapPage(
        title="Feuille de route de l'Occitanie : mesurer l'impact",
        intro="Objectifs et étapes du chantier régional.",
        locale=site.region_b.locale,
    )
    site.region_b.add_child(instance=roadmap)
    roadmap.themes.set(["impact"])
    Milestone.objects.create(
        page=roadmap, title="Premier rapport", date=datetime.date(2026, 6, 1), status="planned"
    )
    roadmap.save_revision().publish()
    roadmap.refresh_from_db()
    fr.roadmap = roadmap
    fr.farm_title = news(
        site.news_index,
        "Une ferme coopérative",
        "Reportage.",
        date=datetime.date(2021, 4, 1),
    )
    fr.farm_body = news(
        site.news_index,
        "Reportage dans le Tarn",
        "Visite d'une exploitation : la ferme accueille des salariés en insertion et "
        "vend sa production en circuit court à des familles du territoire.",
        date=datetime.date(2021, 4, 2),
    )
    return fr


def build_english(site):
    en_locale = Locale.objects.get_or_create(language_code="en")[0]
    en = SimpleNamespace(locale=en_locale)
    en.home = translate(site.home, en_locale)
    en.news_index = translate(site.news_index, en_locale)
    en.agenda = translate(site.agenda, en_locale)
    en.press_room = translate(site.press_room, en_locale)
    en.meetings = news(
        en.news_index,
        "Social innovation meetings across the regions",
        "Regions compare their approaches before deciding what comes next.",
        date=datetime.date(2011, 10, 6),
        themes=["social_innovation"],
    )
    en.loan = news(
        en.press_room,
        "A 100 million euro loan for social entrepreneurship",
        "The movement secures public lending for social enterprises.",
        kind="press_release",
        date=datetime.date(2010, 6, 15),
        themes=["training"],
    )
    en.cooperatives = news(
        en.news_index,
        "Cooperatives measure their social impact",
        "Twelve organisations publish social and environmental indicators.",
        date=datetime.date(2024, 3, 12),
        themes=["impact"],
    )
    en.training = add_child(
        en.home,
        StandardPage(
            title="Training social entrepreneurs",
            intro="Courses and awareness sessions in universities.",
            locale=en_locale,
        ),
    )
    en.dakar = event(
        en.agenda,
        "Workshop on ILO cooperative tools in Dakar",
        "Three days on Think.Coop, Start.Coop and My.Coop.",
        start=_aware(2025, 9, 29),
        themes=["cooperation"],
        city="Dakar",
    )
    en.people = news(
        en.news_index,
        "The people's economy: co-operation between social entrepreneurs",
        "Business flows between members of the movement.",
        date=datetime.date(2020, 2, 2),
        themes=["cooperation"],
    )
    return en


@contextlib.contextmanager
def corpus_transaction(django_db_blocker):
    """Build the corpus in a transaction that stays open until the block ends, then is
    rolled back; each test (with the ``db`` fixture) runs in a savepoint inside it, so
    what a test adds is undone and the corpus is not rebuilt for every test."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            site = build_site()
            yield SimpleNamespace(site=site, fr=build_french(site), en=build_english(site))
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(scope="module", params=SEARCH_BACKENDS)
def search_corpus(request, django_db_setup, django_db_blocker):
    """The site and its French and English pages, built once for a test module, searched
    with the database's backend, then with the engine's when SEARCH_URL names one."""
    with corpus_transaction(django_db_blocker) as corpus:
        if request.param == ENGINE:
            with engine_indexed(django_db_blocker):
                yield corpus
        else:
            yield corpus


def search_url(language, **params):
    """The search page of ``language`` with ``params`` as its query string."""
    from urllib.parse import urlencode

    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        url = reverse("search")
    return f"{url}?{urlencode(params)}" if params else url


def parse(response):
    from bs4 import BeautifulSoup

    return BeautifulSoup(response.content.decode(), "html.parser")


def result_items(response):
    """The <li> of the results list, in order."""
    results = parse(response).select_one("ol[data-search-results]")
    return results.find_all("li", recursive=False) if results else []


def result_titles(response):
    return [item.select_one("h3 a").get_text(strip=True) for item in result_items(response)]


def result_urls(response):
    return [item.select_one("h3 a")["href"] for item in result_items(response)]
