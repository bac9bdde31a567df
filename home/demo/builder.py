"""Build the demo site from ``home.demo.data``, idempotently.

Every step looks its objects up and only creates what is missing. ``build()`` runs the steps
and then those apps registered with ``core.hooks.DEMO_HOOK`` (a function taking the
``DemoSite`` namespace: ``demo.home``, ``demo.regions["bretagne"]``, ...), in one
transaction, and returns the namespace.
"""

import datetime
import json
from types import SimpleNamespace
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

from chantiers.models import Milestone
from core.hooks import DEMO_HOOK
from home.factories import (
    ChantierIndexPageFactory,
    ChantierPageFactory,
    ContactPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PressRoomPageFactory,
    RegionIndexPageFactory,
    RegionPageFactory,
    RoadmapPageFactory,
    StandardPageFactory,
)
from home.models import ContactFormField, HomePage
from news.models import PressContact, PressKitItem
from regions.models import RegionContact

from . import data
from .illustrations import illustration, render_jpeg
from .media import is_old_stub, make_pdf
from .translations import reset_url_paths

LANGUAGE_CODE = "fr"
WAGTAIL_PLACEHOLDER_TITLE = "Welcome to your new Wagtail site!"


class DemoSite(SimpleNamespace):
    """What the demo is made of, by name; ``created`` lists what this run created."""

    def note(self, obj):
        self.created.append(obj)
        return obj


def new_demo_site(log=None):
    return DemoSite(
        log=log or (lambda message: None),
        created=[],
        locale=None,
        collection=None,
        images={},
        documents={},
        press_contacts={},
        organisations={},
        home=None,
        chantier_index=None,
        chantiers={},
        region_index=None,
        regions={},
        regional_chantiers={},
        news_index=None,
        agenda=None,
        press_room=None,
        roadmaps={},
        news={},
        events={},
        standard_pages={},
    )


# --- Helpers ---------------------------------------------------------------------------


def resolve_date(value, today=None):
    """A fixed ``date``, or ``{"in_days": n}`` counted from today."""
    if isinstance(value, dict):
        return (today or timezone.localdate()) + datetime.timedelta(days=value["in_days"])
    return value


def resolve_datetime(value):
    """A naive local datetime, or ``{"in_days": n}`` from today at 9:30, made aware."""
    if isinstance(value, dict):
        value = datetime.datetime.combine(resolve_date(value), datetime.time(9, 30))
    return timezone.make_aware(value) if timezone.is_naive(value) else value


def page_by_key(demo, key):
    pages = {
        "home": demo.home,
        "chantiers": demo.chantier_index,
        "regions": demo.region_index,
        "news": demo.news_index,
        "agenda": demo.agenda,
        "press": demo.press_room,
    }
    return pages.get(key) or demo.regions.get(key) or demo.standard_pages.get(key)


def stream(demo, items):
    """StreamField data (JSON) from the ``(block, value)`` pairs of ``data``."""
    blocks = []
    for kind, value in items:
        if kind == "heading":
            blocks.append({"type": "heading", "value": {"text": value, "level": "h2"}})
        elif kind == "paragraph":
            blocks.append({"type": "paragraph", "value": value})
        elif kind == "image":
            image = demo.images[value]
            blocks.append(
                {
                    "type": "image",
                    "value": {
                        "image": image.pk,
                        "decorative": False,
                        "alt_text": image.description,
                    },
                }
            )
        elif kind == "quote":
            blocks.append({"type": "quote", "value": value})
        elif kind == "figures":
            blocks.append({"type": "figures", "value": value})
        elif kind == "document":
            blocks.append(
                {
                    "type": "document",
                    "value": {
                        "document": demo.documents[value].pk,
                        # The link text, translated with the page (documents are not).
                        "title": demo.documents[value].title,
                        "description": "",
                    },
                }
            )
        elif kind == "cta":
            target = page_by_key(demo, value["page"])
            blocks.append(
                {
                    "type": "call_to_action",
                    "value": {
                        "title": value["title"],
                        "text": value.get("text", ""),
                        "page": target.pk if target else None,
                        "url": "" if target else "https://example.org/",
                        "button_label": value["button_label"],
                    },
                }
            )
        else:
            raise ValueError(f"Unknown demo block {kind!r}")
    return json.dumps(blocks)


def has_own_date(model):
    """Whether pages of ``model`` carry a date of their own (news, events)."""
    return any(field.name in ("date", "start") for field in model._meta.get_fields())


def get_or_create_child(demo, parent, page_factory, slug, **fields):
    """The child of ``parent`` with this slug, or a new page published by ``page_factory``
    (``home.factories``: ``themes`` and ``tags`` are set before the first revision).
    Returns ``(page, created)``.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = page_factory(parent=parent, slug=slug, locale=demo.locale, **fields)
    demo.log(f"  + {page._meta.verbose_name}: {page.title}")
    demo.note(page)
    return page, True


# --- Steps -----------------------------------------------------------------------------


def build_locale(demo):
    demo.locale = Locale.objects.get_or_create(language_code=LANGUAGE_CODE)[0]


def build_media(demo):
    """The demo collection, its generated images and PDF documents."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=data.COLLECTION_NAME).first()
    if collection is None:
        collection = demo.note(root.add_child(name=data.COLLECTION_NAME))
    demo.collection = collection

    Image = get_image_model()
    for key, (title, description, drawing) in data.IMAGES.items():
        image = Image.objects.filter(collection=collection, title=title).first()
        if image is None:
            image = Image(
                title=title,
                description=description,
                collection=collection,
                file=ImageFile(
                    ContentFile(render_jpeg(illustration(drawing))), name=f"demo-{key}.jpg"
                ),
            )
            image.save()
            demo.note(image)
        demo.images[key] = image

    Document = get_document_model()
    for key, (title, filename, lines) in data.DOCUMENTS.items():
        document = Document.objects.filter(collection=collection, title=title).first()
        if document is None:
            document = Document(
                title=title,
                collection=collection,
                file=ContentFile(make_pdf(title, lines), name=filename),
            )
            document._set_document_file_metadata()
            document.save()
            demo.note(document)
        elif is_old_stub(document):
            # An earlier demo's one-page stub, never replaced by an editor: the real PDF.
            document.file.delete(save=False)
            document.file.save(filename, ContentFile(make_pdf(title, lines)), save=False)
            document._set_document_file_metadata()
            document.save()
            demo.log(f"  ~ document made anew: {title}")
        demo.documents[key] = document


def build_snippets(demo):
    """Press contacts (the directory's organisations are pages: its own demo step)."""
    for fields in data.PRESS_CONTACTS:
        contact = PressContact.objects.filter(email=fields["email"], locale=demo.locale).first()
        if contact is None:
            contact = demo.note(PressContact.objects.create(locale=demo.locale, **fields))
        demo.press_contacts[fields["email"]] = contact


def _is_untouched_placeholder(page):
    return (
        page.depth == 2
        and page.specific_class is Page
        and page.title == WAGTAIL_PLACEHOLDER_TITLE
        and page.numchild == 0
        and page.latest_revision_id is None
    )


def build_home(demo):
    """The French home page, made the default site's root."""
    home = HomePage.objects.filter(depth=2, locale=demo.locale).first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(
            title=data.HOME["title"],
            slug=data.HOME["slug"],
            locale=demo.locale,
            hero_title=data.HOME["hero_title"],
            hero_text=data.HOME["hero_text"],
            hero_image=demo.images[data.HOME["hero_image"]],
            seo_title=data.HOME["seo_title"],
            search_description=data.HOME["search_description"],
            figures=json.dumps([{"type": "figures", "value": data.FIGURES}]),
        )
        root.add_child(instance=home)
        # The body links to pages made later: ``finish_home`` publishes the first revision.
        demo.note(home)
        demo.log(f"  + home page: {home.title}")
        demo.home_created = True
    demo.home = home

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=data.HOME["seo_title"],
        )
        demo.note(site)
    elif not isinstance(site.root_page.specific, HomePage):
        old_root = site.root_page
        site.root_page = home
        site.site_name = site.site_name or data.HOME["seo_title"]
        if (site.hostname, site.port) == ("localhost", 80):
            # Wagtail's default site: give it the address the site is served at, so that
            # absolute links (API ``html_url``, feeds) work out of the box.
            base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
            site.hostname = base.hostname or site.hostname
            site.port = base.port or (443 if base.scheme == "https" else 80)
        site.save()
        demo.log(f"  default site now points at {home.title}")
        if (
            _is_untouched_placeholder(old_root)
            and not Site.objects.filter(root_page=old_root).exists()
        ):
            old_root.delete()
            demo.log("  removed Wagtail's untouched placeholder page")


def build_indexes(demo):
    """The five sections of the main menu, in menu order, then the national roadmap."""
    home = demo.home
    demo.chantier_index, _ = get_or_create_child(
        demo,
        home,
        ChantierIndexPageFactory,
        data.CHANTIER_INDEX["slug"],
        show_in_menus=True,
        title=data.CHANTIER_INDEX["title"],
        intro=data.CHANTIER_INDEX["intro"],
    )
    demo.region_index, _ = get_or_create_child(
        demo,
        home,
        RegionIndexPageFactory,
        data.REGION_INDEX["slug"],
        show_in_menus=True,
        title=data.REGION_INDEX["title"],
        intro=data.REGION_INDEX["intro"],
    )
    demo.news_index, _ = get_or_create_child(
        demo,
        home,
        NewsIndexPageFactory,
        data.NEWS_INDEX["slug"],
        show_in_menus=True,
        title=data.NEWS_INDEX["title"],
        intro=data.NEWS_INDEX["intro"],
    )
    demo.agenda, _ = get_or_create_child(
        demo,
        home,
        EventIndexPageFactory,
        data.EVENT_INDEX["slug"],
        show_in_menus=True,
        title=data.EVENT_INDEX["title"],
        intro=data.EVENT_INDEX["intro"],
    )
    room = data.PRESS_ROOM
    demo.press_room, _ = get_or_create_child(
        demo,
        home,
        PressRoomPageFactory,
        room["slug"],
        show_in_menus=True,
        title=room["title"],
        intro=room["intro"],
        press_kit=[
            PressKitItem(document=demo.documents[key], title=title)
            for key, title in room["press_kit"]
        ],
    )


def build_chantiers(demo):
    for item in data.CHANTIERS:
        demo.chantiers[item["theme"]], _ = get_or_create_child(
            demo,
            demo.chantier_index,
            ChantierPageFactory,
            item["slug"],
            title=item["title"],
            theme=item["theme"],
            intro=item["intro"],
            body=stream(demo, item["body"]),
        )


def build_regions(demo):
    """The regions with their contacts, and the regional chantier pages."""
    for item in data.REGIONS:
        region, _ = get_or_create_child(
            demo,
            demo.region_index,
            RegionPageFactory,
            item["slug"],
            title=item["title"],
            theme=item["theme"],
            intro=item["intro"],
            body=stream(demo, data.REGION_BODY),
            contacts=[
                RegionContact(name=name, role=role, email=email)
                for name, role, email in item["contacts"]
            ],
        )
        demo.regions[item["slug"]] = region
        chantier = item.get("chantier")
        if chantier:
            demo.regional_chantiers[item["slug"]], _ = get_or_create_child(
                demo,
                region,
                ChantierPageFactory,
                chantier["slug"],
                title=chantier["title"],
                theme=item["theme"],
                intro=chantier["intro"],
                body=stream(demo, [("paragraph", f"<p>{chantier['intro']}</p>")]),
            )


def build_roadmaps(demo):
    """The national roadmap (under home) and regional ones, with their milestones."""
    for item in data.ROADMAPS:
        parent = page_by_key(demo, item["parent"])
        milestones = [
            Milestone(title=title, date=resolve_date(date), status=status, description=text)
            for title, date, status, text in item["milestones"]
        ]
        demo.roadmaps[item["slug"]], _ = get_or_create_child(
            demo,
            parent,
            RoadmapPageFactory,
            item["slug"],
            themes=item["themes"],
            title=item["title"],
            intro=item["intro"],
            objectives=item["objectives"],
            milestones=milestones,
        )


def build_news(demo):
    for item in data.NEWS:
        parent = page_by_key(demo, item["parent"])
        fields = {
            "title": item["title"],
            "kind": item["kind"],
            "date": item["date"],
            "intro": item["intro"],
            "body": stream(demo, item.get("body", [])),
            "source_name": item.get("source_name", ""),
            "source_url": item.get("source_url", ""),
            "source_date": item.get("source_date"),
        }
        if item.get("image"):
            fields["image"] = demo.images[item["image"]]
            fields["image_alt"] = fields["image"].description  # translated with the page
        if item.get("pdf"):
            fields["pdf"] = demo.documents[item["pdf"]]
        if item.get("press_contact"):
            fields["press_contact"] = demo.press_contacts[item["press_contact"]]
        demo.news[item["slug"]], _ = get_or_create_child(
            demo,
            parent,
            NewsPageFactory,
            item["slug"],
            themes=item["themes"],
            tags=item.get("tags", []),
            **fields,
        )


def build_events(demo):
    for item in data.EVENTS:
        parent = page_by_key(demo, item["parent"])
        start = resolve_datetime(item["start"])
        fields = {
            "title": item["title"],
            "kind": item["kind"],
            "start": start,
            "end": start + datetime.timedelta(hours=item.get("hours", 2)),
            "intro": item["intro"],
        }
        for name in ("place_name", "address", "city", "online_url", "registration_url"):
            fields[name] = item.get(name, "")
        if item.get("image"):
            fields["image"] = demo.images[item["image"]]
        demo.events[item["slug"]], _ = get_or_create_child(
            demo,
            parent,
            EventPageFactory,
            item["slug"],
            themes=item["themes"],
            **fields,
        )


def build_standard_pages(demo):
    for item in data.STANDARD_PAGES:
        demo.standard_pages[item["slug"]], _ = get_or_create_child(
            demo,
            demo.home,
            StandardPageFactory,
            item["slug"],
            title=item["title"],
            intro=item["intro"],
            show_in_footer=item["show_in_footer"],
            body=stream(demo, item["body"]),
        )


def build_contact_page(demo):
    """The contact page: a ContactPage with its form fields (an existing page is kept as is)."""
    item = data.CONTACT_PAGE
    demo.contact_page, _ = get_or_create_child(
        demo,
        demo.home,
        ContactPageFactory,
        item["slug"],
        form_fields=[ContactFormField(**field) for field in item["fields"]],
        title=item["title"],
        intro=item["intro"],
        thank_you_text=item["thank_you_text"],
        to_address=item["to_address"],
        from_address=item["from_address"],
        subject=item["subject"],
    )
    demo.standard_pages.setdefault(item["slug"], demo.contact_page)


def finish_home(demo):
    """Publish the home page's first revision, with a body that links to other pages."""
    if not getattr(demo, "home_created", False):
        return
    demo.home.body = stream(demo, data.HOME["body"])
    demo.home.save_revision().publish()
    demo.home.refresh_from_db()


def date_undated_pages(demo):
    """Give the pages this run made without a date of their own (chantiers, regions,
    roadmaps, standard pages), and their translations, the publication date of their text
    (``data.UNDATED_PAGES_PUBLISHED``) rather than the day of the load."""
    keys = [
        page.translation_key
        for page in demo.created
        if isinstance(page, Page) and not has_own_date(type(page))
    ]
    published = timezone.make_aware(data.UNDATED_PAGES_PUBLISHED)
    Page.objects.filter(translation_key__in=keys, live=True).update(
        first_published_at=published, last_published_at=published
    )


def run_extra_steps(demo):
    """Steps other apps registered with ``@hooks.register(DEMO_HOOK)``; each takes ``demo``."""
    for step in hooks.get_hooks(DEMO_HOOK):
        step(demo)


# The core steps, in order. ``build()`` runs them, then ``run_extra_steps``.
STEPS = [
    build_locale,
    build_media,
    build_snippets,
    build_home,
    build_indexes,
    build_chantiers,
    build_regions,
    build_roadmaps,
    build_news,
    build_events,
    build_standard_pages,
    build_contact_page,
    finish_home,
]


def build(log=None):
    """Build (or complete) the demo site and return it as a ``DemoSite``."""
    demo = new_demo_site(log)
    with transaction.atomic():
        for step in STEPS:
            step(demo)
        run_extra_steps(demo)
        date_undated_pages(demo)
        # wagtail-localize publishes each translation when the transaction commits, from the
        # page as it was when translated: one the directory's step translated under alias
        # parents would keep their old address (/accueil-en/actualites/...) and have no URL.
        # Registered last, this runs after those publications.
        transaction.on_commit(reset_all_url_paths)
    return demo


def reset_all_url_paths():
    for home in Page.objects.filter(depth=2):
        reset_url_paths(home, home.get_parent())
