"""The tests' factories: the site's own (``home.factories``) and what only tests build.

Pages, media and snippets come from ``home.factories`` (shipped, so that the benchmark
and the demo loader use the same ones). Here: users, translations as a test wants them,
and the larger scenes several test modules share — the demo-like site of the browser and
HTML checks, the regional world of the permission tests, the search corpus.
"""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.models import Collection, Locale

from home.factories import (
    THEMES,
    ChantierIndexPageFactory,
    ChantierPageFactory,
    ContactPageFactory,
    DirectoryPageFactory,
    DocumentFactory,
    EventIndexPageFactory,
    EventPageFactory,
    HomePageFactory,
    ImageFactory,
    JoinPageFactory,
    MilestoneFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    OrganisationPageFactory,
    PageFactory,
    PressContactFactory,
    PressRoomPageFactory,
    ProjectBankPageFactory,
    ProjectPageFactory,
    ProjectProposalPageFactory,
    RegionContactFactory,
    RegionIndexPageFactory,
    RegionPageFactory,
    RoadmapPageFactory,
    StandardPageFactory,
    build_site_tree,
    photo_jpeg,
    translate_site_tree,
)
from news.models import NewsPage
from regions.permissions import NATIONAL_GROUP_NAME, PRESS_GROUP_NAME
from tests.helpers import PASSWORD, news_form

__all__ = [
    "THEMES",
    "ChantierIndexPageFactory",
    "ChantierPageFactory",
    "ContactPageFactory",
    "DocumentFactory",
    "EventIndexPageFactory",
    "EventPageFactory",
    "HomePageFactory",
    "ImageFactory",
    "MilestoneFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "DirectoryPageFactory",
    "JoinPageFactory",
    "OrganisationPageFactory",
    "PageFactory",
    "ProjectBankPageFactory",
    "ProjectPageFactory",
    "ProjectProposalPageFactory",
    "PressContactFactory",
    "PressRoomPageFactory",
    "RegionContactFactory",
    "RegionIndexPageFactory",
    "RegionPageFactory",
    "RoadmapPageFactory",
    "StandardPageFactory",
    "UserFactory",
    "build_demo_like_site",
    "build_directory",
    "build_search_corpus",
    "build_site_tree",
    "photo_jpeg",
    "translate",
    "translate_demo_like_site",
    "translate_site_tree",
]


class UserFactory(DjangoModelFactory):
    """A user with the tests' password, in the groups named by ``groups``."""

    username = factory.Sequence(lambda n: f"user-{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True  # groups are a relation: nothing left to save

    @factory.post_generation
    def groups(user, create, names, **kwargs):
        if create and names:
            user.groups.add(*Group.objects.filter(name__in=names))


def translate(page, language_code="en", **fields):
    """A published translation of ``page`` (missing parents become aliases, as in the admin)."""
    locale = Locale.objects.get_or_create(language_code=language_code)[0]
    translation = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation.specific


# --- The directory -------------------------------------------------------------------


def build_directory(tree):
    """The small site's directory: five organisations in two regions, national and abroad."""
    directory = DirectoryPageFactory(parent=tree.home)
    bank = ProjectBankPageFactory(parent=tree.home)
    orgs = SimpleNamespace(
        scop=OrganisationPageFactory(
            parent=tree.region_a,
            title="Scop des Landes de Lanvaux",
            legal_form="cooperative",
            town="Vannes",
            latitude=Decimal("47.658"),
            longitude=Decimal("-2.760"),
            themes=["cooperation"],
        ),
        mutual=OrganisationPageFactory(
            parent=tree.region_a,
            title="Mutuelle armoricaine",
            legal_form="mutual",
            town="Brest",
            themes=["social_innovation"],
        ),
        asso=OrganisationPageFactory(
            parent=tree.region_b,
            title="Mesurer en Occitanie",
            legal_form="association",
            town="Toulouse",
            latitude=Decimal("43.6045"),
            longitude=Decimal("1.4440"),
            themes=["impact"],
        ),
        foundation=OrganisationPageFactory(
            parent=directory,
            title="Fondation nationale d'amorçage",
            legal_form="foundation",
            membership="partner",
            town="Paris",
        ),
        ceres=OrganisationPageFactory(
            parent=directory,
            title="CERES Lomé",
            legal_form="association",
            membership="partner",
            town="Lomé",
            country="TG",
            latitude=Decimal("6.1319"),
            longitude=Decimal("1.2228"),
            themes=["training"],
        ),
    )
    return SimpleNamespace(tree=tree, directory=directory, bank=bank, orgs=orgs)


# --- The demo-like site (browser, HTML validation) -------------------------------------

ACCESSIBILITY_STATEMENT = [
    ("heading", {"text": "État de conformité", "level": "h2"}),
    (
        "paragraph",
        "<p>Le site du Mouvement ESS vise la conformité au Référentiel général "
        "d'amélioration de l'accessibilité (RGAA), qui reprend les critères A et AA des "
        "WCAG 2.1. Chaque type de page est vérifié automatiquement dans un vrai navigateur "
        "(axe-core, navigation au clavier, affichage sur 320 pixels de large, validation "
        "HTML) à chaque modification du site.</p>",
    ),
    ("heading", {"text": "Aménagements", "level": "h2"}),
    (
        "paragraph",
        "<ul><li>Un lien d'évitement mène directement au contenu.</li>"
        "<li>Les images portent une alternative textuelle, ou sont déclarées décoratives.</li>"
        "<li>La carte des régions a un équivalent sous forme de liste.</li>"
        "<li>Le site fonctionne sans JavaScript et respecte la réduction des animations.</li></ul>",
    ),
    ("heading", {"text": "Signaler un défaut", "level": "h2"}),
    (
        "paragraph",
        "<p>Si vous ne pouvez pas accéder à un contenu, écrivez-nous à "
        '<a href="mailto:accessibilite@example.org">accessibilite@example.org</a> : nous vous '
        "répondrons et vous proposerons le contenu sous une autre forme.</p>",
    ),
    ("heading", {"text": "Voies de recours", "level": "h2"}),
    (
        "paragraph",
        "<p>Si notre réponse ne vous satisfait pas, vous pouvez saisir le Défenseur des "
        "droits.</p>",
    ),
]

ENGLISH_FIELDS = {
    "Accueil": {"title": "Home", "hero_title": "Doing business differently"},
    "Chantiers": {"title": "Work programmes"},
    "Régions": {"title": "Regions"},
    "Actualités": {"title": "News"},
    "Espace presse": {"title": "Press room"},
    "À propos": {"title": "About"},
    "Déclaration d'accessibilité": {"title": "Accessibility statement"},
    "Feuille de route nationale": {"title": "National roadmap"},
    "Annuaire": {"title": "Directory"},
    "Banque de projets": {"title": "Project bank"},
    "Proposer un projet": {"title": "Propose a project"},
    "Adhérer au Mouvement": {"title": "Join the movement"},
}


def build_demo_like_site():
    """``build_site_tree()`` plus what the demo shows: images, key figures, every kind of
    news, an event, a regional roadmap, an accessibility statement, a contact form and a
    body with every block.
    """
    tree = build_site_tree()
    hero = ImageFactory(
        title="Rencontre régionale", description="Des participants à une rencontre régionale"
    )
    photo = ImageFactory(
        title="Atelier coopératif", description="Un atelier de coopératives", colour=(91, 42, 134)
    )

    home = tree.home
    home.hero_text = (
        "Entrepreneurs sociaux, coopératives, mutuelles, associations et fondations : "
        "une région, un chantier."
    )
    home.hero_image = hero
    home.figures = [
        (
            "figures",
            {
                "title": "Chiffres clés",
                "figures": [
                    {
                        "number": "11",
                        "label": "régions mobilisées",
                        "source": "Feuille de route 2010",
                    },
                    {"number": "4", "label": "chantiers thématiques", "source": ""},
                    {
                        "number": "100 M€",
                        "label": "de prêt public pour l'entrepreneuriat social",
                        "source": "",
                    },
                ],
            },
        )
    ]
    home.save_revision().publish()

    body = [
        ("heading", {"text": "Le programme", "level": "h2"}),
        ("paragraph", "<p>Trois jours d'ateliers sur les outils coopératifs.</p>"),
        ("image", {"image": photo, "alt_text": "Un atelier de coopératives", "decorative": False}),
        (
            "quote",
            {
                "quote": "Coopérer, c'est entreprendre ensemble.",
                "author": "Une participante",
                "role": "",
            },
        ),
        (
            "figures",
            {
                "title": "En chiffres",
                "figures": [
                    {
                        "number": "24",
                        "label": "jeunes entrepreneurs par promotion",
                        "source": "CERES",
                    }
                ],
            },
        ),
        (
            "table",
            {
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "data": [
                    ["Jour", "Thème"],
                    ["1", "Think.Coop"],
                    ["2", "Start.Coop"],
                    ["3", "My.Coop"],
                ],
            },
        ),
        (
            "call_to_action",
            {
                "title": "Participer",
                "text": "Inscrivez-vous.",
                "page": None,
                "url": "https://example.org/",
                "button_label": "S'inscrire",
            },
        ),
    ]
    article = NewsPageFactory(
        parent=tree.news_index,
        title="Atelier sur les outils coopératifs",
        themes=["cooperation"],
        image=photo,
        body=body,
    )
    press = NewsPageFactory(
        parent=tree.press_room,
        title="Lancement de la feuille de route",
        kind="press_release",
        themes=["training"],
    )
    relay = NewsPageFactory(
        parent=tree.news_index,
        title="Un centre de ressources au Togo",
        kind="relay",
        source_url="https://example.org/togo",
        source_date=datetime.date(2019, 3, 15),
    )
    regional = NewsPageFactory(
        parent=tree.region_a, title="Atelier en Bretagne", themes=["training"]
    )
    event = EventPageFactory(
        parent=tree.agenda,
        title="Rencontres nationales thématiques",
        place_name="Maison de l'ESS",
        registration_url="https://example.org/inscription",
    )
    regional_roadmap = RoadmapPageFactory(
        parent=tree.region_a,
        title="Feuille de route Bretagne",
        intro="Former et sensibiliser",
        milestones=[
            MilestoneFactory.build(
                title="Conception des actions", date=datetime.date(2010, 9, 1), status="done"
            ),
            MilestoneFactory.build(
                title="Déploiement", date=datetime.date(2030, 6, 1), status="in_progress"
            ),
        ],
    )
    regional_chantier = ChantierPageFactory(
        parent=tree.region_a, title="Former en Bretagne", theme="training"
    )
    accessibility = StandardPageFactory(
        parent=tree.home,
        title="Déclaration d'accessibilité",
        slug="accessibilite",
        show_in_footer=True,
        intro="Notre engagement pour un site utilisable par toutes et tous.",
        body=ACCESSIBILITY_STATEMENT,
    )
    contact = ContactPageFactory(parent=tree.home, title="Nous écrire")
    directory = build_directory(tree)
    project = ProjectPageFactory(
        parent=tree.region_a,
        title="Une recyclerie coopérative à Vannes",
        organisation=directory.orgs.scop,
        needs_funding=True,
        amount_sought=15000,
        deadline=datetime.date(2030, 3, 31),
        themes=["cooperation"],
    )
    proposal = ProjectProposalPageFactory(parent=directory.bank)
    join = JoinPageFactory(parent=tree.home)
    tree.about.body = body
    tree.about.save_revision().publish()
    # What search engines show: each page's summary, as editors fill it in the Promote tab.
    for page in home.get_descendants(inclusive=True).live().specific():
        page.search_description = (getattr(page, "intro", "") or page.title)[:300]
        page.save_revision().publish()
    tree.__dict__.update(
        hero_image=hero,
        photo=photo,
        article=article,
        press_release=press,
        relay=relay,
        regional_news=regional,
        event=event,
        regional_roadmap=regional_roadmap,
        regional_chantier=regional_chantier,
        accessibility=accessibility,
        contact=contact,
        directory=directory.directory,
        organisation=directory.orgs.scop,
        organisations=directory.orgs,
        project_bank=directory.bank,
        project=project,
        proposal=proposal,
        join=join,
    )
    return tree


def translate_demo_like_site(tree, language_code="en"):
    """Every page of the demo-like site in English, published (French bodies, English
    titles for the frame)."""
    return translate_site_tree(tree, language_code, fields=ENGLISH_FIELDS)


# --- The search corpus ---------------------------------------------------------------


def _aware(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 9, 30))


def _french_corpus(site):
    fr = SimpleNamespace()
    fr.loan = NewsPageFactory(
        parent=site.press_room,
        title="Lancement du prêt de 100 M€ pour l'entrepreneuriat social",
        intro="Le mouvement obtient un prêt public destiné aux entreprises sociales.",
        kind="press_release",
        date=datetime.date(2010, 6, 15),
        themes=["training"],
    )
    fr.cooperatives = NewsPageFactory(
        parent=site.region_a,
        title="Les coopératives bretonnes mesurent leur impact social",
        intro="Douze structures publient leurs indicateurs sociaux et environnementaux.",
        date=datetime.date(2024, 3, 12),
        themes=["impact"],
    )
    fr.dakar = NewsPageFactory(
        parent=site.news_index,
        title="Atelier à Dakar sur les outils coopératifs de l'OIT",
        intro="Trois jours de travail sur Think.Coop, Start.Coop et My.Coop avec le ministère.",
        kind="relay",
        source_name="OIT",
        source_url="https://example.org/atelier",
        date=datetime.date(2025, 9, 29),
        themes=["cooperation"],
    )
    fr.meetings = EventPageFactory(
        parent=site.agenda,
        title="Rencontres nationales thématiques sur l'innovation sociale",
        intro="Les régions comparent leurs démarches et décident de la suite.",
        start=_aware(2011, 10, 6),
        end=_aware(2011, 10, 6) + datetime.timedelta(hours=4),
        city="Paris",
        themes=["social_innovation"],
    )
    fr.evaluation = EventPageFactory(
        parent=site.region_b,
        title="Atelier d'évaluation de l'utilité sociale",
        intro="Une journée pour mesurer ce que produisent les structures du territoire.",
        start=_aware(2026, 2, 3),
        end=_aware(2026, 2, 3) + datetime.timedelta(hours=4),
        themes=["impact"],
        city="Toulouse",
    )
    fr.proof = StandardPageFactory(
        parent=site.home,
        title="Une langue de la preuve",
        intro="Mesurer l'impact et évaluer les pratiques sociales et environnementales des entreprises.",
    )
    fr.coconstruction = NewsPageFactory(
        parent=site.news_index,
        title="Co-construction des politiques locales avec la CRESS",
        intro="Subsidiarité et suivi dans la durée : la méthode de la chambre régionale.",
        date=datetime.date(2023, 5, 4),
        themes=["cooperation"],
    )
    fr.togo = NewsPageFactory(
        parent=site.news_index,
        title="Un centre de ressources pour l'entrepreneuriat social au Togo",
        intro="Créé en mars 2019, il accompagne deux promotions de jeunes entrepreneurs par an.",
        date=datetime.date(2019, 3, 20),
        themes=["training"],
    )
    fr.students = NewsPageFactory(
        parent=site.region_a,
        title="Sensibilisation des étudiants à l'économie sociale",
        intro="Des interventions dans les universités de Rennes et de Brest.",
        date=datetime.date(2022, 11, 8),
        themes=["training"],
    )
    fr.crowdfunding = NewsPageFactory(
        parent=site.news_index,
        title="Banque de projets et financement participatif",
        intro="Les organisations présentent leurs projets à des partenaires potentiels.",
        date=datetime.date(2017, 1, 10),
        themes=["cooperation"],
    )
    fr.roadmap = RoadmapPageFactory(
        parent=site.region_b,
        title="Feuille de route de l'Occitanie : mesurer l'impact",
        intro="Objectifs et étapes du chantier régional.",
        themes=["impact"],
        milestones=[
            MilestoneFactory.build(
                title="Premier rapport", date=datetime.date(2026, 6, 1), status="planned"
            )
        ],
    )
    fr.farm_title = NewsPageFactory(
        parent=site.news_index,
        title="Une ferme coopérative",
        intro="Reportage.",
        date=datetime.date(2021, 4, 1),
    )
    fr.farm_body = NewsPageFactory(
        parent=site.news_index,
        title="Reportage dans le Tarn",
        intro="Visite d'une exploitation : la ferme accueille des salariés en insertion et "
        "vend sa production en circuit court à des familles du territoire.",
        date=datetime.date(2021, 4, 2),
    )
    return fr


def _english_corpus(site):
    en_locale = Locale.objects.get_or_create(language_code="en")[0]
    en = SimpleNamespace(locale=en_locale)
    en.home = translate(site.home)
    en.news_index = translate(site.news_index)
    en.agenda = translate(site.agenda)
    en.press_room = translate(site.press_room)
    en.meetings = NewsPageFactory(
        parent=en.news_index,
        title="Social innovation meetings across the regions",
        intro="Regions compare their approaches before deciding what comes next.",
        date=datetime.date(2011, 10, 6),
        themes=["social_innovation"],
    )
    en.loan = NewsPageFactory(
        parent=en.press_room,
        title="A 100 million euro loan for social entrepreneurship",
        intro="The movement secures public lending for social enterprises.",
        kind="press_release",
        date=datetime.date(2010, 6, 15),
        themes=["training"],
    )
    en.cooperatives = NewsPageFactory(
        parent=en.news_index,
        title="Cooperatives measure their social impact",
        intro="Twelve organisations publish social and environmental indicators.",
        date=datetime.date(2024, 3, 12),
        themes=["impact"],
    )
    en.training = StandardPageFactory(
        parent=en.home,
        title="Training social entrepreneurs",
        intro="Courses and awareness sessions in universities.",
    )
    en.dakar = EventPageFactory(
        parent=en.agenda,
        title="Workshop on ILO cooperative tools in Dakar",
        intro="Three days on Think.Coop, Start.Coop and My.Coop.",
        start=_aware(2025, 9, 29),
        end=_aware(2025, 9, 29) + datetime.timedelta(hours=4),
        themes=["cooperation"],
        city="Dakar",
    )
    en.people = NewsPageFactory(
        parent=en.news_index,
        title="The people's economy: co-operation between social entrepreneurs",
        intro="Business flows between members of the movement.",
        date=datetime.date(2020, 2, 2),
        themes=["cooperation"],
    )
    return en


def build_search_corpus():
    """The small site with French pages on the site's subjects and English counterparts,
    written the way people write them (accents, elisions, hyphens, plurals)."""
    site = build_site_tree()
    return SimpleNamespace(site=site, fr=_french_corpus(site), en=_english_corpus(site))


# --- The regional world (permission tests) ---------------------------------------------

ROLES = ("coord_a", "coord_b", "national", "press", "nobody", "anonymous")
ENGLISH_SLUGS = {"bretagne": "brittany", "occitanie": "occitania"}


def english_copy(page, locale):
    """The page's English translation, made (published, English slug) if missing."""
    existing = page.get_translation_or_none(locale)
    if existing:
        return existing.specific
    slug = {"slug": ENGLISH_SLUGS[page.slug]} if page.slug in ENGLISH_SLUGS else {}
    return translate(page, locale.language_code, **slug)


def submit_proposal(client, user, news_index, title, slug):
    """A coordinator's draft in the national news, submitted to the national workflow
    through the admin."""
    client.force_login(user)
    response = client.post(
        f"/admin/pages/add/news/newspage/{news_index.pk}/",
        news_form(title, slug, **{"action-submit": "action-submit"}),
    )
    client.logout()
    assert response.status_code == 302, response.content[:2000]
    return NewsPage.objects.get(slug=slug, locale=news_index.locale)


def build_world(client):
    """The small site with regional groups (the ``region_provisioning`` marker must be
    on): an English copy of the frame, news in each region in both languages, a draft, an
    image and a document per region's collection, one user per role and, in each
    language, a coordinator's proposal waiting for the national team."""
    site = build_site_tree()
    en = Locale.objects.get_or_create(language_code="en")[0]
    pages = {"fr": {}, "en": {}}
    frame = {
        "home": site.home,
        "region_a": site.region_a,
        "region_b": site.region_b,
        "region_index": site.region_index,
        "chantier": site.chantiers["training"],
        "news_index": site.news_index,
    }
    for name, page in frame.items():
        pages["fr"][name] = page
        pages["en"][name] = english_copy(page, en)
    for lang in ("fr", "en"):
        p = pages[lang]
        p["news_a"] = NewsPageFactory(parent=p["region_a"], title=f"Actu Bretagne {lang}")
        p["leaf_a"] = NewsPageFactory(parent=p["region_a"], title=f"À supprimer {lang}")
        p["news_b"] = NewsPageFactory(parent=p["region_b"], title=f"Actu Occitanie {lang}")
        p["draft_b"] = NewsPageFactory(
            parent=p["region_b"], title=f"Brouillon secret Occitanie {lang}", publish=False
        )

    collections = {
        "a": Collection.objects.get(name="Bretagne"),
        "b": Collection.objects.get(name="Occitanie"),
    }
    image_b = ImageFactory(title="Photo Occitanie", collection=collections["b"], size=(64, 48))
    image_a = ImageFactory(title="Photo Bretagne", collection=collections["a"], size=(64, 48))
    document_b = DocumentFactory(title="Rapport Occitanie", collection=collections["b"])

    users = {
        "coord_a": UserFactory(username="coord-a", groups=["Coordination Bretagne"]),
        "coord_b": UserFactory(username="coord-b", groups=["Coordination Occitanie"]),
        "national": UserFactory(username="nationale", groups=[NATIONAL_GROUP_NAME]),
        "press": UserFactory(username="presse", groups=[PRESS_GROUP_NAME]),
        "nobody": UserFactory(username="lambda"),
        "anonymous": None,
    }
    proposals = {
        lang: submit_proposal(
            client,
            users["coord_a"],
            pages[lang]["news_index"],
            f"Proposition Bretagne {lang}",
            f"proposition-bretagne-{lang}",
        )
        for lang in ("fr", "en")
    }
    return SimpleNamespace(
        site=site,
        fr=site.locale,
        en=en,
        pages=pages,
        collections=collections,
        image_a=image_a,
        image_b=image_b,
        document_b=document_b,
        users=users,
        proposals=proposals,
    )
