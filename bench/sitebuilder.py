"""Fast creation of many published pages, for the benchmark and the query-budget tests.

Wagtail's ``add_child()`` then ``save_revision().publish()`` costs a dozen queries and a
search-index update per page: fine for an editor, minutes for a 100,000-page benchmark.
``bulk_add_pages`` inserts a list of pages of one type under one parent with two
``INSERT`` statements per batch (the ``wagtailcore_page`` rows, then the page type's own
rows) and one ``UPDATE`` of the parent's ``numchild``. The pages come out live, published
now, with their tree path and URL path set as Wagtail would set them; they have no
revision yet (Wagtail makes one when an editor first saves the page) and are left out of
the search index unless ``index=True`` (the benchmark times ``update_index`` instead).
The site's cache generation is bumped, as publishing does.

This uses Django's ``QuerySet._insert``, the primitive behind ``bulk_create``, because
``bulk_create`` refuses models with multi-table inheritance such as page types. It is a
tool for building test and benchmark data, never used by the site itself.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.search.index import insert_or_update_object

from core.cache import bump_generation


def bulk_add_pages(parent, pages, *, batch_size=300, index=False):
    """Insert unsaved ``pages`` (all of one page type) as the last children of ``parent``."""
    if not pages:
        return []
    model = type(pages[0])
    if model._meta.get_parent_list() != [Page]:
        raise TypeError(f"{model.__name__} must inherit directly from Page.")
    content_type = ContentType.objects.get_for_model(model)
    parent = Page.objects.get(pk=parent.pk)  # fresh path, url_path and locale
    depth = parent.depth + 1
    last = parent.get_children().order_by("-path").only("path").first()
    first_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    now = timezone.now()
    for offset, page in enumerate(pages):
        page.depth = depth
        page.path = Page._get_path(parent.path, depth, first_step + offset)
        page.numchild = 0
        page.slug = page.slug or slugify(page.title)[:200] or f"page-{first_step + offset}"
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.translation_key = page.translation_key or uuid.uuid4()
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.first_published_at or now
        page.last_published_at = now
        page.draft_title = page.title
        page.content_type = content_type
    page_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    own_fields = list(model._meta.local_concrete_fields)
    with transaction.atomic():
        for start in range(0, len(pages), batch_size):
            batch = pages[start : start + batch_size]
            rows = Page._base_manager._insert(
                batch, fields=page_fields, returning_fields=[Page._meta.pk]
            )
            for page, (pk,) in zip(batch, rows, strict=True):
                page.id = page.page_ptr_id = pk
            model._base_manager._insert(batch, fields=own_fields)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    for page in pages:
        page._state.adding = False
        page._state.db = parent._state.db
        if index:
            insert_or_update_object(page)
    # What publishing does: whatever is kept until the next change (page cache, listing
    # counts, chrome) is renewed.
    bump_generation()
    return pages


def bulk_set_themes(pages, themes_of):
    """Link each page to the theme codes ``themes_of(page)`` returns, in one query per batch."""
    if not pages:
        return
    field = type(pages[0])._meta.get_field("themes")
    through = field.remote_field.through
    page_column = f"{field.m2m_field_name()}_id"
    theme_column = f"{field.m2m_reverse_field_name()}_id"
    through.objects.bulk_create(
        [
            through(**{page_column: page.pk, theme_column: code})
            for page in pages
            for code in themes_of(page)
        ],
        batch_size=500,
    )
    bump_generation()
