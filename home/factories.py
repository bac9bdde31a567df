"""Factories for the site's pages, media and snippets (factory_boy and wagtail-factories).

Shipped code, not test code: the tests (through ``tests/factories.py``), the benchmark's
site builder and the demo loader build pages with them, and the image leaves ``tests/``
out. ``build_site_tree()`` makes the small French site most tests and the benchmark start
from; ``translate_site_tree()`` gives it a published copy in another language.
"""

import datetime
import io
from types import SimpleNamespace

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

from chantiers.models import ChantierIndexPage, ChantierPage, Milestone, RoadmapPage
from directory.models import (
    DirectoryPage,
    JoinPage,
    OrganisationPage,
    ProjectBankPage,
    ProjectPage,
    ProjectProposalPage,
)
from home.models import ContactFormField, ContactPage, HomePage, StandardPage
from news.models import (
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    NewsPage,
    PressContact,
    PressRoomPage,
)
from regions.models import RegionContact, RegionIndexPage, RegionPage

THEMES = ["training", "social_innovation", "cooperation", "impact"]


# --- Pages ---------------------------------------------------------------------------


class PageFactory(wagtail_factories.PageFactory):
    """A page added under ``parent`` (Wagtail's root if none) with a first revision.

    ``publish=False`` leaves it a draft that was never published. ``themes`` (codes) and
    ``tags`` are set before the first revision, so that the revision holds them. The slug
    is Wagtail's, from the title, made unique among the siblings.
    """

    slug = ""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, publish=True, **kwargs):
        themes = kwargs.pop("themes", None)
        tags = kwargs.pop("tags", None)
        page = model_class(*args, **kwargs)
        if not publish:
            page.live = False
        (parent or Page.get_first_root_node()).add_child(instance=page)
        if themes:
            page.themes.set(themes)
        if tags:
            page.tags.add(*tags)
        revision = page.save_revision()
        if publish:
            revision.publish()
        page.refresh_from_db()
        return page


class HomePageFactory(PageFactory):
    title = "Accueil"
    hero_title = "Entreprendre autrement"

    class Meta:
        model = HomePage


class StandardPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")

    class Meta:
        model = StandardPage


class ContactPageFactory(PageFactory):
    """The national team's contact form: name, e-mail address and message."""

    title = "Contact"
    slug = "contact"
    intro = "Écrivez à l'équipe nationale."
    to_address = "contact@ess.example.org"
    from_address = "site@ess.example.org"
    subject = "Message du site"
    form_fields = factory.LazyFunction(
        lambda: [
            ContactFormField(label="Nom", field_type="singleline", required=True),
            ContactFormField(label="Adresse e-mail", field_type="email", required=True),
            ContactFormField(label="Message", field_type="multiline", required=True),
        ]
    )

    class Meta:
        model = ContactPage


class ChantierIndexPageFactory(PageFactory):
    title = "Chantiers"
    show_in_menus = True

    class Meta:
        model = ChantierIndexPage


class ChantierPageFactory(PageFactory):
    theme = "training"
    title = factory.LazyAttribute(lambda page: f"Chantier {page.theme}")

    class Meta:
        model = ChantierPage


class MilestoneFactory(factory.Factory):
    """An unsaved milestone, for a roadmap's ``milestones``."""

    title = factory.Sequence(lambda n: f"Étape {n}")
    date = datetime.date(2030, 1, 1)
    status = "planned"

    class Meta:
        model = Milestone


class RoadmapPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Feuille de route {n}")

    class Meta:
        model = RoadmapPage


class RegionIndexPageFactory(PageFactory):
    title = "Régions"
    show_in_menus = True

    class Meta:
        model = RegionIndexPage


class RegionContactFactory(factory.Factory):
    """An unsaved contact, for a region's ``contacts``."""

    name = factory.Sequence(lambda n: f"Contact {n}")
    role = "Coordinatrice"
    email = factory.LazyAttribute(lambda contact: f"{slugify(contact.name)}@example.org")

    class Meta:
        model = RegionContact


class RegionPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Région {n}")
    theme = "training"

    class Meta:
        model = RegionPage


class NewsIndexPageFactory(PageFactory):
    title = "Actualités"
    show_in_menus = True

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(PageFactory):
    """A news item; a relay gets a source unless one is given."""

    title = factory.Sequence(lambda n: f"Actualité {n}")
    kind = "article"
    date = factory.LazyFunction(timezone.localdate)
    intro = factory.LazyAttribute(lambda page: f"Introduction de {page.title}")
    source_name = factory.LazyAttribute(lambda page: "Partenaire" if page.kind == "relay" else "")
    source_url = factory.LazyAttribute(
        lambda page: "https://example.org/article" if page.kind == "relay" else ""
    )

    class Meta:
        model = NewsPage


class EventIndexPageFactory(PageFactory):
    title = "Agenda"
    show_in_menus = True

    class Meta:
        model = EventIndexPage


class EventPageFactory(PageFactory):
    """An event three hours long, ``days`` (10) days from now unless ``start`` is given."""

    title = factory.Sequence(lambda n: f"Rencontre {n}")
    start = factory.LazyAttribute(lambda page: timezone.now() + datetime.timedelta(days=page.days))
    end = factory.LazyAttribute(lambda page: page.start + datetime.timedelta(hours=3))
    city = "Lyon"
    intro = factory.LazyAttribute(lambda page: f"Présentation de {page.title}")

    class Params:
        days = 10

    class Meta:
        model = EventPage


class PressRoomPageFactory(PageFactory):
    title = "Espace presse"
    show_in_menus = True

    class Meta:
        model = PressRoomPage


class DirectoryPageFactory(PageFactory):
    title = "Annuaire"
    slug = "annuaire"
    show_in_menus = True

    class Meta:
        model = DirectoryPage


class OrganisationPageFactory(PageFactory):
    """An organisation (a member cooperative in France unless told otherwise)."""

    title = factory.Sequence(lambda n: f"Organisation {n}")
    legal_form = "cooperative"
    membership = "member"
    description = factory.LazyAttribute(lambda page: f"Présentation de {page.title}")
    town = "Rennes"
    country = "FR"

    class Meta:
        model = OrganisationPage


class ProjectBankPageFactory(PageFactory):
    title = "Banque de projets"
    slug = "banque-de-projets"
    show_in_menus = True

    class Meta:
        model = ProjectBankPage


class ProjectPageFactory(PageFactory):
    """An open project looking for partners."""

    title = factory.Sequence(lambda n: f"Projet {n}")
    summary = factory.LazyAttribute(lambda page: f"Résumé de {page.title}")
    organisation_name = "Coopérative du coin"
    status = "open"
    needs_partners = True

    class Meta:
        model = ProjectPage


class ProjectProposalPageFactory(PageFactory):
    title = "Proposer un projet"
    slug = "proposer"
    intro = "Présentez votre projet à de futurs partenaires."

    class Meta:
        model = ProjectProposalPage


class JoinPageFactory(PageFactory):
    title = "Adhérer au Mouvement"
    slug = "adherer"
    intro = "Votre organisation partage nos valeurs ? Rejoignez-nous."

    class Meta:
        model = JoinPage


# --- Media and snippets --------------------------------------------------------------


def photo_jpeg(size=(1200, 750), colour=(0, 90, 82)):
    """JPEG bytes with some detail, so that renditions weigh what a photo's would."""
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
    return buffer.getvalue()


class ImageFactory(wagtail_factories.ImageFactory):
    """An image in the root collection (unless ``collection`` says otherwise); its
    ``description`` is its default text alternative."""

    title = factory.Sequence(lambda n: f"Image {n}")
    description = ""
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.LazyAttribute(
        lambda image: ImageFile(
            io.BytesIO(photo_jpeg(image.size, image.colour)),
            name=f"{slugify(image.title) or 'image'}.jpg",
        )
    )

    class Params:
        size = (1200, 750)
        colour = (0, 90, 82)

    class Meta:
        model = get_image_model()


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A small PDF document in the root collection (unless ``collection`` says otherwise)."""

    title = factory.Sequence(lambda n: f"Document {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.LazyAttribute(
        lambda document: ContentFile(
            b"%PDF-1.4 " + document.title.encode(), name=f"{slugify(document.title)}.pdf"
        )
    )

    class Meta:
        model = get_document_model()


class PressContactFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Contact presse {n}")
    email = factory.LazyAttribute(lambda contact: f"{slugify(contact.name)}@example.org")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = PressContact


# --- The small site --------------------------------------------------------------------


def build_site_tree():
    """A French site with its frame, as the default site: home, the four chantiers, the
    region index with two regions (Bretagne, Occitanie), the national news, the agenda,
    the press room, an about page and the national roadmap. Returns the pages by name.
    """
    locale = Locale.objects.get_or_create(language_code="fr")[0]
    home = HomePageFactory(locale=locale)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "ESS"},
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()

    chantier_index = ChantierIndexPageFactory(parent=home)
    chantiers = {code: ChantierPageFactory(parent=chantier_index, theme=code) for code in THEMES}
    region_index = RegionIndexPageFactory(parent=home)
    region_a = RegionPageFactory(
        parent=region_index,
        title="Bretagne",
        slug="bretagne",
        theme="training",
        contacts=[
            RegionContactFactory.build(
                name="Anne Coord", role="Coordinatrice", email="anne@example.org"
            )
        ],
    )
    region_b = RegionPageFactory(
        parent=region_index, title="Occitanie", slug="occitanie", theme="impact"
    )
    news_index = NewsIndexPageFactory(parent=home)
    agenda = EventIndexPageFactory(parent=home)
    press_room = PressRoomPageFactory(parent=home)
    about = StandardPageFactory(parent=home, title="À propos", show_in_footer=True)
    roadmap = RoadmapPageFactory(
        parent=home,
        title="Feuille de route nationale",
        intro="Une Région, un Chantier",
        themes=THEMES,
        milestones=[
            MilestoneFactory.build(
                title="Congrès", date=datetime.date(2010, 10, 14), status="done"
            ),
            MilestoneFactory.build(
                title="Rencontres nationales", date=datetime.date(2030, 10, 1), status="planned"
            ),
        ],
    )
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


def translate_site_tree(tree, language_code="en", fields=None):
    """A published copy in ``language_code`` of every live page under ``tree.home``.

    A stand-in for a translator: each copy keeps the source's content, with the field
    values ``fields`` gives for the source's title, if any (``{"Accueil": {"title":
    "Home"}}``); a page already translated is kept as it is. Pages are copied in tree order, so that
    each parent's copy exists first. Returns a namespace that names the copies as ``tree``
    names their sources (pages, and dicts of pages), with ``locale`` and ``pages`` (the
    copies by source page id).
    """
    fields = fields or {}
    locale = Locale.objects.get_or_create(language_code=language_code)[0]
    copies = {}
    for page in tree.home.get_descendants(inclusive=True).live().specific().order_by("path"):
        copy = page.get_translation_or_none(locale)
        if copy is None:
            copy = page.copy_for_translation(locale, copy_parents=True)
            for name, value in fields.get(page.title, {}).items():
                setattr(copy, name, value)
            copy.save_revision().publish()
            copy.refresh_from_db()
        copies[page.pk] = copy.specific

    def translated(value):
        if isinstance(value, dict):
            return {key: translated(item) for key, item in value.items()}
        return copies.get(value.pk) if isinstance(value, Page) else None

    names = {name: translated(value) for name, value in vars(tree).items()}
    return SimpleNamespace(
        **{name: value for name, value in names.items() if value is not None},
        locale=locale,
        pages=copies,
    )
