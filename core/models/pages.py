"""The abstract pages every page type builds on.

``BasePage`` declares translation behaviour once (wagtail-localize), the locale filter for
search, and how a page finds its region (its tree position, never a field: ``core.tree``).
``IndexPage`` is a section's index under the home page: an introduction, one per parent.
"""

import threading

from django.core.signals import request_finished, request_started
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page, PageManager, PageQuerySet, PageViewRestriction
from wagtail.search import index
from wagtail.signals import post_page_move
from wagtail_localize.fields import SynchronizedField

from core import tree
from core.i18n import real_translation_q
from core.permissions import SitePagePermissionTester

# wagtail-localize derives what to translate from the field types: text, rich text and
# StreamFields are translated; dates, numbers, booleans, choices (kinds, statuses, themes),
# URLs, e-mails, images and documents are synchronised with the French source. What it
# cannot derive is declared here, once for every page type that has the field.
SYNCHRONIZED_PAGE_FIELDS = [
    # Many-to-many fields are skipped by wagtail-localize's derivation: the themes of a
    # translation follow the source's.
    "themes",
]


class _PageTranslationPolicy:
    """``override_translatable_fields`` computed for each concrete page model."""

    def __get__(self, instance, owner):
        names = {f.name for f in owner._meta.get_fields()}
        return [SynchronizedField(n) for n in SYNCHRONIZED_PAGE_FIELDS if n in names]


class _RestrictedSections(threading.local):
    """The private sections (path and depth of each restricted page), read once per
    request: Wagtail's ``public()`` reads every view restriction again for each listing
    (ten queries on a region page). Kept only between ``request_started`` and
    ``request_finished``, and forgotten when a restriction or a page moves; outside a
    request (commands, tasks) each ``public()`` reads them, as Wagtail does."""

    in_request = False
    sections = None

    def get(self):
        if self.sections is not None:
            return self.sections
        sections = list(PageViewRestriction.objects.values_list("page__path", "page__depth"))
        if self.in_request:
            self.sections = sections
        return sections

    def start(self, **kwargs):
        self.in_request, self.sections = True, None

    def finish(self, **kwargs):
        self.in_request, self.sections = False, None

    def forget(self, **kwargs):
        self.sections = None


restricted_sections = _RestrictedSections()
request_started.connect(restricted_sections.start, weak=False)
request_finished.connect(restricted_sections.finish, weak=False)
for _signal in (post_save, post_delete):
    _signal.connect(restricted_sections.forget, sender=PageViewRestriction, weak=False)
post_page_move.connect(restricted_sections.forget, weak=False)


class LocalizedPageQuerySet(PageQuerySet):
    def private_q(self):
        """Wagtail's, from the view restrictions read once per request."""
        q = models.Q()
        for path, depth in restricted_sections.get():
            q |= models.Q(path__startswith=path, depth__gte=depth)
        return q if q else models.Q(pk__in=[])

    def translated(self):
        """Pages that are their language's own content (no alias of another language)."""
        return self.filter(real_translation_q())

    def in_locale(self, locale):
        """The pages of one language, in that language: what listings show."""
        return self.filter(locale=locale).translated()


class BasePage(Page):
    """Abstract base of every page type of the site."""

    objects = PageManager.from_queryset(LocalizedPageQuerySet)()

    override_translatable_fields = _PageTranslationPolicy()

    search_fields = Page.search_fields + [
        index.FilterField("locale_id"),
    ]

    class Meta:
        abstract = True

    @classmethod
    def get_indexed_objects(cls):
        # An untranslated page's alias repeats its source in another language's tree:
        # the search index (hence every search) keeps the source only.
        return super().get_indexed_objects().filter(real_translation_q())

    @cached_property
    def region(self):
        """The region this page sits in, or None for a national page."""
        return tree.region_of(self)

    def permissions_for_user(self, user):
        """Wagtail's page permissions with the translation rules (``core.permissions``)."""
        return SitePagePermissionTester(user, self)


class IndexPage(BasePage):
    """Abstract index of a section (chantiers, regions, news, agenda, press room)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    max_count_per_parent = 1

    class Meta:
        abstract = True
