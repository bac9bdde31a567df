"""``load_demo_content``'s directory step: the directory, the project bank and its form,
the join page, the organisations and projects, a news item that mentions organisations,
the moderation workflow, and the English translation of all of it.

Idempotent like the rest of the demo: a page is looked up by its slug under its parent and
only made when missing; what is already translated is left alone.
"""

import datetime
import html
import json
from decimal import Decimal

from django.utils import timezone

from core import i18n
from directory import moderation
from directory.demo import organisations, pages, projects
from directory.models import (
    DirectoryPage,
    JoinPage,
    OrganisationPage,
    ProjectBankPage,
    ProjectPage,
    ProjectProposalPage,
)
from news.models import NewsPage

from . import english

LANGUAGE = "en"


def _child(demo, parent, model, slug, themes=(), **fields):
    """The child of ``parent`` with ``slug``, or a new published page (themes set before
    its first revision, so that the revision holds them)."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, locale=demo.locale, **fields)
    parent.add_child(instance=page)
    if themes:
        page.themes.set(themes)
    page.save_revision().publish()
    page.refresh_from_db()
    demo.note(page)
    demo.log(f"  + {page._meta.verbose_name}: {page.title}")
    return page


def _stream(items):
    blocks = []
    for kind, value in items:
        if kind == "heading":
            blocks.append({"type": "heading", "value": {"text": value, "level": "h2"}})
        else:
            blocks.append({"type": "paragraph", "value": value})
    return json.dumps(blocks)


def _paragraph(text):
    return json.dumps([{"type": "paragraph", "value": f"<p>{html.escape(text)}</p>"}])


def build_sections(demo):
    data = pages.SECTIONS
    demo.directory = _child(
        demo, demo.home, DirectoryPage, data["directory"]["slug"], **_fields(data["directory"])
    )
    demo.project_bank = _child(
        demo,
        demo.home,
        ProjectBankPage,
        data["project_bank"]["slug"],
        **_fields(data["project_bank"]),
    )
    demo.proposal_page = _child(
        demo,
        demo.project_bank,
        ProjectProposalPage,
        data["proposal"]["slug"],
        **_fields(data["proposal"]),
    )
    join = dict(data["join"])
    join["body"] = _stream(join["body"])
    demo.join_page = _child(demo, demo.home, JoinPage, join["slug"], **_fields(join))


def _fields(item):
    return {key: value for key, value in item.items() if key != "slug"}


def build_organisations(demo):
    demo.organisations = {}
    public = organisations.PUBLIC_EMAILS
    for row in organisations.ORGANISATIONS:
        (slug, name, legal_form, membership, region, town, postcode, country, lat, lon,
         themes, description, _english) = row  # fmt: skip
        parent = demo.regions[region] if region else demo.directory
        demo.organisations[slug] = _child(
            demo,
            parent,
            OrganisationPage,
            slug,
            themes=themes,
            title=name,
            legal_form=legal_form,
            membership=membership,
            town=town,
            postcode=postcode,
            country=country,
            latitude=None if lat is None else Decimal(str(lat)),
            longitude=None if lon is None else Decimal(str(lon)),
            description=description,
            website=f"https://example.org/{slug}",
            contact_email=f"contact@{slug}.example.org",
            show_contact_email=slug in public,
        )


def build_projects(demo):
    demo.projects = {}
    today = timezone.localdate()
    for row in projects.PROJECTS:
        (slug, title, region, organisation, status, needs, amount, in_days, themes,
         summary, _summary_en, text, _text_en) = row  # fmt: skip
        parent = demo.regions[region] if region else demo.project_bank
        demo.projects[slug] = _child(
            demo,
            parent,
            ProjectPage,
            slug,
            themes=themes,
            title=title,
            organisation=demo.organisations.get(organisation),
            summary=summary,
            body=_paragraph(text),
            status=status,
            amount_sought=amount,
            deadline=today + datetime.timedelta(days=in_days) if in_days else None,
            **{f"needs_{need}": True for need in needs},
        )


def build_mentions(demo):
    """A national news item linking to organisations: their pages list it."""
    item = projects.MENTION_NEWS
    links = ", ".join(
        f'<a linktype="page" id="{demo.organisations[slug].pk}">{html.escape(demo.organisations[slug].title)}</a>'
        for slug in item["organisations"]
    )
    demo.mention_news = _child(
        demo,
        demo.news_index,
        NewsPage,
        item["slug"],
        themes=["cooperation"],
        title=item["title"],
        intro=item["intro"],
        date=datetime.date(2025, 10, 6),
        body=json.dumps([{"type": "paragraph", "value": f"<p>{links}.</p>"}]),
    )


def _is_translated(page, locale):
    translation = page.get_translation_or_none(locale)
    return translation is not None and not translation.alias_of_id


def translate_directory(demo):
    """Every page this step made, in English (parents first)."""
    locales = i18n.sync_locales(sync_trees=False)
    locale = locales.get(LANGUAGE)
    if locale is None:
        return
    keys = [demo.directory, demo.project_bank, demo.proposal_page, demo.join_page]
    keys += list(demo.organisations.values()) + list(demo.projects.values()) + [demo.mention_news]
    todo = [page for page in keys if not _is_translated(page, locale)]
    if not todo:
        return
    i18n.sync_locales()
    texts = english.texts()
    for page in sorted(todo, key=lambda p: p.path):
        demo.note(i18n.translate(page.specific, LANGUAGE, texts))
        demo.log(f"  + English translation: {page.title}")


def build(demo):
    build_sections(demo)
    build_organisations(demo)
    build_projects(demo)
    build_mentions(demo)
    moderation.project_workflow()
    translate_directory(demo)
