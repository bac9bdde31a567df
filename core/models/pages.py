"""The abstract pages every page type builds on.

``BasePage`` declares translation behaviour once (wagtail-localize), the locale filter for
search, and how a page finds its region (its tree position, never a field: ``core.tree``).
``IndexPage`` is a section's index under the home page: an introduction, one per parent.
"""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page, PageManager, PageQuerySet
from wagtail.search import index
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


class LocalizedPageQuerySet(PageQuerySet):
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
