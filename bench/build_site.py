"""A large synthetic site for the benchmark, in French and English.

The frame is the small site of ``home.factories.build_site_tree`` (home, four chantiers,
the region index, news, agenda, press room) with twelve regions, translated into English.
The frame also holds the directory, the project bank, the join page, the library (with
its key figures page) and the contact page. ``pages`` content pages are then shared
between the two languages, each English page a translation of a French one (same
``translation_key``): per language 64 % news over 15 years (one in ten national, one in
ten press releases, the rest regional), 22 % events (half national, half regional), 4 %
roadmaps with four milestones each, 6 % organisations, 2 % projects and 2 % publications
(each spread over its national index and the regions). Titles and bodies are drawn from
a fixed vocabulary with a fixed random seed, so that two runs build the same site and
search has words to find.

The pages are inserted with ``bench.sitebuilder.bulk_add_pages``: they are live but not
in the search index yet (the benchmark times ``update_index`` on its own).
"""

import datetime
import itertools
import json
import random
import uuid
from decimal import Decimal
from urllib.parse import quote

from django.urls import reverse
from django.utils import timezone, translation
from wagtail.images.models import Image
from wagtail.models import Collection

from bench.sitebuilder import bulk_add_pages, bulk_set_themes
from chantiers.models import ChantierPage, Milestone, RoadmapPage
from directory.models import OrganisationPage, ProjectPage
from home.factories import (
    THEMES,
    ChantierPageFactory,
    ContactPageFactory,
    DirectoryPageFactory,
    ImageFactory,
    JoinPageFactory,
    ProjectBankPageFactory,
    RegionPageFactory,
    build_site_tree,
    translate_site_tree,
)
from library.factories import FiguresPageFactory, LibraryPageFactory, PdfDocumentFactory
from library.models import PublicationPage
from library.tasks import read_and_store
from news.models import EventPage, NewsPage
from regions.models import RegionPage

EXTRA_REGIONS = [
    ("Midi-Pyrénées", "social_innovation"),
    ("Languedoc-Roussillon", "cooperation"),
    ("Nord Pas de Calais", "training"),
    ("Rhône-Alpes", "impact"),
    ("Picardie", "cooperation"),
    ("Franche-Comté", "social_innovation"),
    ("Bourgogne", "training"),
    ("Pays de Loire", "impact"),
    ("Aquitaine", "cooperation"),
    ("Île-de-France", "social_innovation"),
]

VOCABULARY = (
    "coopérative mutuelle association fondation entreprise sociale innovation formation "
    "sensibilisation mesure impact évaluation coopération économique territoire région "
    "chantier feuille route congrès rencontre nationale thématique atelier incubation "
    "accompagnement financement prêt public label mission gouvernement bénévole emploi "
    "insertion solidarité utilité sociale environnement circulaire agriculture énergie "
    "logement santé culture jeunesse numérique mobilité alimentation recyclage réemploi "
    "commerce équitable finance solidaire épargne investissement collectivité chambre "
    "observatoire étude publication rapport diagnostic partenariat réseau plateforme "
    "laboratoire mentorat cohorte entrepreneur porteur projet création reprise scop scic "
    "gouvernance démocratie sociétaire adhérent assemblée générale conseil administration"
).split()

SEARCH_TERMS = [
    "coopérative",
    "innovation sociale",
    "mesure impact",
    "formation",
    "financement",
    "territoire",
    "économie circulaire",
    "insertion",
    "gouvernance",
    "réseau",
]


# Running text follows Zipf's law, as real text does: a few words (here French stop
# words) make up much of it, each topical word is rarer the further down the ranking it
# sits, and a long tail of words appears in only a few pages. The topical vocabulary is
# spread over ranks 50 to about 2,000, among made-up filler words, so that a search for
# one of them matches from a few per cent to a third of the pages, as a search for a
# theme does on a real news site, instead of every page.
STOP_WORDS = (
    "le la les un une des de du et en à au aux pour par sur dans avec ce cette ces qui que "
    "est sont a ont être plus pas ne se son sa ses leur leurs nous vous il elle ils elles"
).split()
SYLLABLES = "ba be ci da de fi go la le mi mo na ni pa po ra re ri sa so ta te vi vo".split()


def _ranked_vocabulary():
    fillers = iter(a + b + c for a in SYLLABLES for b in SYLLABLES for c in SYLLABLES)
    ranked = list(STOP_WORDS)
    spacing = 20
    for word in VOCABULARY:
        ranked.append(word)
        ranked.extend(next(fillers) for _ in range(spacing - 1))
    ranked.extend(next(fillers) for _ in range(2000))
    return ranked


RANKED = _ranked_vocabulary()
CUMULATIVE = list(itertools.accumulate(1 / rank for rank in range(1, len(RANKED) + 1)))


def _words(rng, count):
    return " ".join(rng.choices(RANKED, cum_weights=CUMULATIVE, k=count))


def _body(rng):
    return [
        {
            "type": "heading",
            "value": {"text": _words(rng, 4).capitalize(), "level": "h2"},
            "id": str(uuid.uuid4()),
        },
        {
            "type": "paragraph",
            "value": f"<p>{_words(rng, 80).capitalize()}.</p>",
            "id": str(uuid.uuid4()),
        },
        {
            "type": "paragraph",
            "value": f"<p>{_words(rng, 60).capitalize()}.</p>",
            "id": str(uuid.uuid4()),
        },
    ]


def _frame():
    tree = build_site_tree()
    for title, theme in EXTRA_REGIONS:
        region = RegionPageFactory(
            parent=tree.region_index, title=title, theme=theme, intro=f"La région {title}."
        )
        ChantierPageFactory(parent=region, title=f"Chantier {title}", theme=theme)
    ChantierPageFactory(parent=tree.region_a, title="Chantier Bretagne", theme="training")
    tree.directory = DirectoryPageFactory(parent=tree.home)
    tree.bank = ProjectBankPageFactory(parent=tree.home)
    tree.join = JoinPageFactory(parent=tree.home)
    tree.library = LibraryPageFactory(parent=tree.home)
    tree.figures = FiguresPageFactory(parent=tree.library)
    tree.contact = ContactPageFactory(parent=tree.home)
    return tree


def _plan(pages_per_language):
    """How many pages of each kind go where, per language."""
    news = round(pages_per_language * 0.64)
    events = round(pages_per_language * 0.22)
    organisations = round(pages_per_language * 0.06)
    projects = round(pages_per_language * 0.02)
    publications = round(pages_per_language * 0.02)
    roadmaps = max(pages_per_language - news - events - organisations - projects - publications, 0)
    return {
        "national_news": news // 10,
        "press_releases": news // 10,
        "regional_news": news - 2 * (news // 10),
        "national_events": events // 2,
        "regional_events": events - events // 2,
        "roadmaps": roadmaps,
        "organisations": organisations,
        "projects": projects,
        "publications": publications,
    }


class _Language:
    """One language's parents, and the pages of the other language to translate."""

    def __init__(self, tree):
        self.tree = tree
        self.regions = list(RegionPage.objects.child_of(tree.region_index).order_by("path"))


def add_region_images(collection, image, count):
    """``count`` images in a region's collection (one file shared), for the image chooser."""
    Image.objects.bulk_create(
        [
            Image(
                title=f"Photo {collection.name} {n}",
                file=image.file.name,
                width=image.width,
                height=image.height,
                file_size=image.file_size,
                file_hash=image.file_hash,
                collection=collection,
            )
            for n in range(count)
        ],
        batch_size=1000,
    )


def build(pages=10_000, seed=2010, stdout=None, images=None):
    """Build the site; return what the load run needs (URLs, search terms, sizes, and the
    region, article and collection the admin pass uses as a coordinator).

    ``images`` images go into the first region's collection (default: half the pages, at
    most 5,000)."""
    rng = random.Random(seed)
    write = stdout.write if stdout else (lambda message: None)

    fr_tree = _frame()
    en_tree = translate_site_tree(fr_tree, "en")
    languages = {"fr": _Language(fr_tree), "en": _Language(en_tree)}
    illustrations = [ImageFactory(title=f"Illustration {n}", size=(640, 480)) for n in range(3)]
    # One PDF, read once, that every publication offers (as the library's tests do).
    document = PdfDocumentFactory(title="Étude", paragraphs=["Texte de l'étude sur l'emploi."])
    read_and_store(document.pk)
    plan = _plan(pages // 2)
    write(f"Building {pages} pages: {plan} per language\n")

    today = timezone.localdate()
    now = timezone.now()

    def news_items(count, kind_of):
        items = []
        for n in range(count):
            items.append(
                {
                    "title": f"{_words(rng, 5).capitalize()} {n}",
                    "slug": f"actu-{uuid.uuid4().hex[:12]}",
                    "kind": kind_of(n),
                    "date": today - datetime.timedelta(days=rng.randrange(0, 15 * 365)),
                    "intro": _words(rng, 30).capitalize() + ".",
                    "body": _body(rng),
                    "image": illustrations[n % 3] if n % 3 == 0 else None,
                    "source_name": "Partenaire",
                    "source_url": "https://example.org/",
                    "themes": [rng.choice(THEMES)],
                }
            )
        return items

    def event_items(count):
        return [
            {
                "title": f"{_words(rng, 4).capitalize()} {n}",
                "slug": f"evt-{uuid.uuid4().hex[:12]}",
                "start": now + datetime.timedelta(days=rng.randrange(-2000, 400), hours=n % 24),
                "city": rng.choice(["Lyon", "Toulouse", "Lille", "Rennes", "Dijon", "Paris"]),
                "intro": _words(rng, 25).capitalize() + ".",
                "body": _body(rng),
                "themes": [rng.choice(THEMES)],
            }
            for n in range(count)
        ]

    def roadmap_items(count):
        return [
            {
                "title": f"Feuille de route {_words(rng, 3)} {n}",
                "slug": f"route-{uuid.uuid4().hex[:12]}",
                "intro": _words(rng, 25).capitalize() + ".",
                "body": _body(rng),
                "themes": [rng.choice(THEMES)],
            }
            for n in range(count)
        ]

    legal_forms = ["cooperative", "mutual", "association", "foundation"]
    towns = ["Lyon", "Toulouse", "Lille", "Rennes", "Dijon", "Paris", "Nantes", "Amiens"]

    def organisation_items(count):
        return [
            {
                "title": f"{_words(rng, 3).capitalize()} {n}",
                "slug": f"org-{uuid.uuid4().hex[:12]}",
                "legal_form": legal_forms[n % 4],
                "membership": "member" if n % 4 else "partner",
                "description": _words(rng, 30).capitalize() + ".",
                "town": towns[n % len(towns)],
                "country": "FR",
                "latitude": Decimal("45.0") + Decimal(n % 500) / 100 if n % 2 else None,
                "longitude": Decimal("1.0") + Decimal(n % 300) / 100 if n % 2 else None,
                "themes": [rng.choice(THEMES)],
            }
            for n in range(count)
        ]

    def project_items(count):
        return [
            {
                "title": f"Projet {_words(rng, 3)} {n}",
                "slug": f"projet-{uuid.uuid4().hex[:12]}",
                "summary": _words(rng, 25).capitalize() + ".",
                "organisation_name": "Coopérative du coin",
                "status": ["open", "in_progress", "completed"][n % 3],
                "needs_funding": bool(n % 2),
                "needs_partners": not n % 2,
                "needs_volunteers": n % 5 == 0,
                "amount_sought": 1000 * (n % 50 + 1) if n % 2 else None,
                "themes": [rng.choice(THEMES)],
            }
            for n in range(count)
        ]

    kinds_of_publication = ["study", "guide", "report", "observatory_note", "toolkit"]

    def publication_items(count):
        return [
            {
                "title": f"Étude {_words(rng, 4)} {n}",
                "slug": f"pub-{uuid.uuid4().hex[:12]}",
                "kind": kinds_of_publication[n % len(kinds_of_publication)],
                "date": today - datetime.timedelta(days=rng.randrange(0, 15 * 365)),
                "publisher": "Observatoire régional de l'ESS",
                "authors": "Dupont, Anne; Martin, Louis",
                "summary": _words(rng, 30).capitalize() + ".",
                "document": document,
                "document_language": "fr",
                "cover": illustrations[0] if n % 2 else None,
                "themes": [rng.choice(THEMES)],
            }
            for n in range(count)
        ]

    def spread(items, parents):
        groups = {parent.pk: (parent, []) for parent in parents}
        for index, item in enumerate(items):
            groups[parents[index % len(parents)].pk][1].append(item)
        return groups.values()

    kinds = ["article", "article", "relay"]
    content = {
        "national_news": (
            NewsPage,
            news_items(plan["national_news"], lambda n: kinds[n % 3]),
            lambda lang: [lang.tree.news_index],
        ),
        "press_releases": (
            NewsPage,
            news_items(plan["press_releases"], lambda n: "press_release"),
            lambda lang: [lang.tree.press_room],
        ),
        "regional_news": (
            NewsPage,
            news_items(plan["regional_news"], lambda n: kinds[n % 3]),
            lambda lang: lang.regions,
        ),
        "national_events": (
            EventPage,
            event_items(plan["national_events"]),
            lambda lang: [lang.tree.agenda],
        ),
        "regional_events": (
            EventPage,
            event_items(plan["regional_events"]),
            lambda lang: lang.regions,
        ),
        "roadmaps": (RoadmapPage, roadmap_items(plan["roadmaps"]), lambda lang: lang.regions),
        "organisations": (
            OrganisationPage,
            organisation_items(plan["organisations"]),
            lambda lang: [lang.tree.directory, *lang.regions],
        ),
        "projects": (
            ProjectPage,
            project_items(plan["projects"]),
            lambda lang: [lang.tree.bank, *lang.regions],
        ),
        "publications": (
            PublicationPage,
            publication_items(plan["publications"]),
            lambda lang: [lang.tree.library, *lang.regions],
        ),
    }
    region_collection = Collection.objects.get(name=fr_tree.region_a.title)
    image_count = min(pages // 2, 5000) if images is None else images
    add_region_images(region_collection, illustrations[0], image_count)
    write(f"  {image_count} images in the collection {region_collection.name}\n")

    samples = {}
    for name, (model, items, parents_of) in content.items():
        keys = [uuid.uuid4() for _ in items]
        for code, lang in languages.items():
            for parent, group in spread(list(zip(keys, items, strict=True)), parents_of(lang)):
                pages_ = []
                for key, item in group:
                    fields = {k: v for k, v in item.items() if k != "themes"}
                    if code == "en":
                        fields["title"] = f"[EN] {fields['title']}"
                    pages_.append(model(translation_key=key, **fields))
                themes = {key: item["themes"] for key, item in group}
                bulk_add_pages(parent, pages_)
                bulk_set_themes(pages_, lambda page, themes=themes: themes[page.translation_key])
                if model is RoadmapPage:
                    Milestone.objects.bulk_create(
                        [
                            Milestone(
                                page=page,
                                locale_id=page.locale_id,
                                title=f"Étape {m}",
                                status=status,
                                date=today + datetime.timedelta(days=120 * (m - 2)),
                            )
                            for page in pages_
                            for m, status in enumerate(["done", "done", "in_progress", "planned"])
                        ]
                    )
                samples.setdefault((name, code), []).extend(pages_[:20])
        write(f"  {name}: {len(items)} per language\n")

    def paths(name, code, count=50):
        return [page.url for page in samples.get((name, code), [])[:count]]

    return {
        "pages": pages,
        "plan": plan,
        "urls": {
            code: {
                "home": lang.tree.home.url,
                "chantier index": lang.tree.chantier_index.url,
                "national chantier": lang.tree.chantiers["training"].url,
                "regional chantier": ChantierPage.objects.child_of(lang.tree.region_a).first().url,
                "region index": lang.tree.region_index.url,
                "region": lang.tree.region_a.url,
                "roadmap": paths("roadmaps", code),
                "news index": lang.tree.news_index.url,
                "article": paths("regional_news", code),
                "press release": paths("press_releases", code),
                "event": paths("regional_events", code),
                "agenda": lang.tree.agenda.url,
                "press room": lang.tree.press_room.url,
                "standard page": lang.tree.about.url,
                "directory": lang.tree.directory.url,
                "directory map": lang.tree.directory.url + "?view=map",
                "organisation": paths("organisations", code),
                "project bank": lang.tree.bank.url,
                "project": paths("projects", code),
                "join page": lang.tree.join.url,
                "library": lang.tree.library.url,
                "publication": paths("publications", code),
                "key figures": lang.tree.figures.url,
                "contact page": lang.tree.contact.url,
                "subscriptions sign-up": _url(code, "subscriptions:subscribe"),
            }
            for code, lang in languages.items()
        },
        "admin": {
            "region_id": fr_tree.region_a.pk,
            "article_id": NewsPage.objects.child_of(fr_tree.region_a).order_by("path").first().pk,
            "collection_id": region_collection.pk,
            "images": image_count,
        },
        "search_terms": SEARCH_TERMS,
        "search_url": {code: _search_url(code) for code in languages},
    }


def _url(language_code, name):
    with translation.override(language_code):
        return quote(reverse(name))


def _search_url(language_code):
    with translation.override(language_code):
        return reverse("search")


def dump(summary, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(summary, ensure_ascii=False, indent=2, default=str))
