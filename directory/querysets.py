"""The page querysets of organisations and projects, and their API representations.

Listings go through ``DirectoryQuerySet.published(...).cards()``: the directory, the
project bank, a region's and an organisation's lists share them, with the same joins.
"""

from django.db import models
from django.db.models import Case, F, IntegerField, Value, When
from rest_framework import serializers
from wagtail.images import get_image_model

from core.models import LocalizedPageQuerySet

#: The rendition a card shows (a logo is fitted, never cropped; a photo fills the card).
LOGO_FILTER = "max-480x270"
CARD_IMAGE_FILTER = "fill-480x270"


def _image_prefetch(field, filter_spec):
    return models.Prefetch(
        field, queryset=get_image_model().objects.prefetch_renditions(filter_spec)
    )


class DirectoryQuerySet(LocalizedPageQuerySet):
    def published(self, locale=None):
        """Live, public pages of a language, in that language (no alias)."""
        qs = self.live().public()
        return qs.in_locale(locale) if locale is not None else qs

    def in_region(self, region):
        return self.filter(path__startswith=region.path, depth__gt=region.depth)

    def cards(self):
        """What a card shows, fetched for the whole list: logo or image, themes, locale."""
        fields = {field.name for field in self.model._meta.get_fields()}
        qs = self.defer_streamfields().select_related("locale").prefetch_related("themes")
        if "logo" in fields:
            qs = qs.prefetch_related(_image_prefetch("logo", LOGO_FILTER))
        if "image" in fields:
            qs = qs.prefetch_related(_image_prefetch("image", CARD_IMAGE_FILTER))
        if "organisation" in fields:
            qs = qs.select_related("organisation")
        return qs


class CountryCodeField(serializers.Field):
    """A country in the API: its ISO 3166 code (``"FR"``, ``"TG"``), or null."""

    def to_representation(self, value):
        return value.code or None


class NeedsField(serializers.Field):
    """What a project looks for, in the API: a list of codes (``["funding", "partners"]``)."""

    def to_representation(self, value):
        return list(value)


class ProjectQuerySet(DirectoryQuerySet):
    def by_relevance_to_partners(self):
        """Open projects first, then those under way, then completed ones; the nearest
        deadline first within each; newest first without a deadline."""
        status_order = Case(
            When(status="open", then=Value(0)),
            When(status="in_progress", then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
        return self.annotate(status_order=status_order).order_by(
            "status_order", F("deadline").asc(nulls_last=True), "-first_published_at", "pk"
        )
