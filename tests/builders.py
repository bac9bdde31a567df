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
from home.models import ContactFormField, ContactPage, HomePage, StandardPage
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
    if not publish:
        page.live = False  # a draft: never published
    parent.add_child(instance=page)
    if themes:
        page.themes.set(themes)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


def make_contact_page(home, title="Contact"):
    """The contact form of the national team: name, e-mail address and message."""
    page = ContactPage(
        title=title,
        slug="contact",
        intro="Écrivez à l'équipe nationale.",
        to_address="contact@ess.example.org",
        from_address="site@ess.example.org",
        subject="Message du site",
    )
    page.form_fields = [
        ContactFormField(label="Nom", field_type="singleline", required=True),
        ContactFormField(label="Adresse e-mail", field_type="email", required=True),
        ContactFormField(label="Message", field_type="multiline", required=True),
    ]
    return add_child(home, page)


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
    region_a = add_child(
        region_index, RegionPage(title="Bretagne", slug="bretagne", theme="training")
    )
    region_b = add_child(
        region_index, RegionPage(title="Occitanie", slug="occitanie", theme="impact")
    )
    RegionContact.objects.create(
        page=region_a, name="Anne Coord", role="Coordinatrice", email="anne@example.org"
    )
    news_index = add_child(home, NewsIndexPage(title="Actualités", show_in_menus=True))
    agenda = add_child(home, EventIndexPage(title="Agenda", show_in_menus=True))
    press_room = add_child(home, PressRoomPage(title="Espace presse", show_in_menus=True))
    about = add_child(home, StandardPage(title="À propos", show_in_footer=True))

    roadmap = RoadmapPage(title="Feuille de route nationale", intro="Une Région, un Chantier")
    home.add_child(instance=roadmap)
    roadmap.themes.set(THEMES)
    Milestone.objects.create(
        page=roadmap, title="Congrès", date=datetime.date(2010, 10, 14), status="done"
    )
    Milestone.objects.create(
        page=roadmap,
        title="Rencontres nationales",
        date=datetime.date(2030, 10, 1),
        status="planned",
    )
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


def make_image(title, alt="", size=(1200, 750), colour=(0, 90, 82)):
    """An image with some detail (so that its renditions weigh what a photo would)."""
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from PIL import ImageDraw
    from wagtail.images import get_image_model

    width, height = size
    picture = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(picture)
    for i in range(0, width, 40):
        shade = (colour[0] + i // 12) % 256, (colour[1] + i // 9) % 256, (colour[2] + i // 7) % 256
        draw.rectangle([i, (i * 7) % height, i + 60, height], fill=shade)
        draw.ellipse(
            [i, i % (height // 2), i + 120, i % (height // 2) + 120],
            outline=(255, 255, 255),
            width=4,
        )
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=88)
    return get_image_model().objects.create(
        title=title,
        description=alt,
        file=ImageFile(buffer, name=f"{slugify_file(title)}.jpg"),
    )


def slugify_file(title):
    from django.utils.text import slugify

    return slugify(title) or "image"


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


def build_demo_like_site():
    """``build_site()`` plus what the demo shows: images, key figures, every kind of news,
    an event, a regional roadmap, an accessibility statement and a body with every block.
    """
    tree = build_site()
    hero = make_image("Rencontre régionale", alt="Des participants à une rencontre régionale")
    photo = make_image("Atelier coopératif", alt="Un atelier de coopératives", colour=(91, 42, 134))

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
    article = make_news(
        tree.news_index,
        "Atelier sur les outils coopératifs",
        kind="article",
        themes=["cooperation"],
        image=photo,
        body=body,
    )
    press = make_news(
        tree.press_room,
        "Lancement de la feuille de route",
        kind="press_release",
        themes=["training"],
    )
    relay = make_news(
        tree.news_index,
        "Un centre de ressources au Togo",
        kind="relay",
        source_name="Partenaire",
        source_url="https://example.org/togo",
        source_date=datetime.date(2019, 3, 15),
    )
    regional = make_news(tree.region_a, "Atelier en Bretagne", themes=["training"])
    event = make_event(
        tree.agenda,
        "Rencontres nationales thématiques",
        place_name="Maison de l'ESS",
        registration_url="https://example.org/inscription",
    )
    regional_roadmap = RoadmapPage(
        title="Feuille de route Bretagne", intro="Former et sensibiliser"
    )
    tree.region_a.add_child(instance=regional_roadmap)
    Milestone.objects.create(
        page=regional_roadmap,
        title="Conception des actions",
        date=datetime.date(2010, 9, 1),
        status="done",
    )
    Milestone.objects.create(
        page=regional_roadmap,
        title="Déploiement",
        date=datetime.date(2030, 6, 1),
        status="in_progress",
    )
    regional_roadmap.save_revision().publish()
    regional_chantier = add_child(
        tree.region_a, ChantierPage(title="Former en Bretagne", theme="training")
    )
    accessibility = add_child(
        tree.home,
        StandardPage(
            title="Déclaration d'accessibilité",
            slug="accessibilite",
            show_in_footer=True,
            intro="Notre engagement pour un site utilisable par toutes et tous.",
            body=ACCESSIBILITY_STATEMENT,
        ),
    )
    contact = make_contact_page(tree.home, "Nous écrire")
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
    )
    return tree


ENGLISH_TITLES = {
    "Accueil": "Home",
    "Chantiers": "Work programmes",
    "Régions": "Regions",
    "Actualités": "News",
    "Espace presse": "Press room",
    "À propos": "About",
    "Déclaration d'accessibilité": "Accessibility statement",
    "Feuille de route nationale": "National roadmap",
}


def translate_tree(home, language_code="en"):
    """English (or another language's) copies of every live page under ``home``, published.

    A stand-in for wagtail-localize's translation workflow: the copy keeps the French body,
    takes an English title where one is known, and is published at once.
    """
    locale = Locale.objects.get_or_create(language_code=language_code)[0]
    copies = {}
    for page in home.get_descendants(inclusive=True).live().specific().order_by("path"):
        copy = page.copy_for_translation(locale, copy_parents=True)
        copy.title = ENGLISH_TITLES.get(page.title, copy.title)
        if isinstance(copy, HomePage):
            copy.hero_title = "Doing business differently"
        copy.save_revision().publish()
        copy.refresh_from_db()
        copies[page.pk] = copy
    return copies
