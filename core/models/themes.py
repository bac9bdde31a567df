"""The theme vocabulary: the movement's four chantiers, shared by every app.

``Theme`` is a model (four rows) so that pages link to several themes and listings filter
by them in one query. It moved here from ``chantiers`` (news, regions, search and feeds use
it, and chantiers sits above news); its table keeps its name, ``chantiers_theme``.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField


class ThemeCode(models.TextChoices):
    TRAINING = "training", _("Training and awareness of social entrepreneurship")
    SOCIAL_INNOVATION = "social_innovation", _("Social innovation")
    COOPERATION = "cooperation", _("Economic cooperation between social entrepreneurs")
    IMPACT = "impact", _("Impact measurement and evaluation")


THEME_SHORT_LABELS = {
    ThemeCode.TRAINING: _("Training"),
    ThemeCode.SOCIAL_INNOVATION: _("Social innovation"),
    ThemeCode.COOPERATION: _("Economic cooperation"),
    ThemeCode.IMPACT: _("Impact measurement"),
}


class Theme(models.Model):
    code = models.CharField(_("code"), max_length=32, primary_key=True, choices=ThemeCode.choices)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        db_table = "chantiers_theme"
        ordering = ["sort_order"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return str(self.short_label)

    @property
    def label(self):
        return ThemeCode(self.code).label

    @property
    def short_label(self):
        return THEME_SHORT_LABELS[ThemeCode(self.code)]


class ThemeCodesField(serializers.Field):
    """Themes in the API: the list of their codes, in the themes' order."""

    def to_representation(self, value):
        return [theme.code for theme in sorted(value.all(), key=lambda t: t.sort_order)]


class ThemedPageMixin(models.Model):
    """Pages that are linked to one or more of the four themes."""

    themes = ParentalManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="+")

    theme_panels = [FieldPanel("themes", widget=forms.CheckboxSelectMultiple)]
    # The API gives the themes as their codes: ["training", "impact"].
    theme_api_field = APIField("themes", serializer=ThemeCodesField(read_only=True))

    class Meta:
        abstract = True
