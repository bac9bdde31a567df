"""Organisations: a page each, under its region (or under the directory when national or
abroad), listed, filtered and mapped by the directory page."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.search import index

from core.blocks import BodyBlock
from core.fragments import lazy_items, once
from core.models import BasePage, IndexPage, ThemedPageMixin
from core.tree import attach_regions
from directory import filters
from directory.choices import LegalForm, Membership
from directory.models.projects import ProjectPage
from directory.querysets import CountryCodeField, DirectoryQuerySet
from directory.sections import sections
from news import listings as news_listings

HOME_COUNTRY = "FR"
#: News that mention an organisation, shown on its page.
NEWS_MENTIONS = 4


def _coordinate(name, bound, message):
    return models.DecimalField(
        name,
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(Decimal(-bound), message=message),
            MaxValueValidator(Decimal(bound), message=message),
        ],
    )


class DirectoryPage(IndexPage):
    """The directory ("Annuaire"): every organisation of the site, filtered, on a list or
    a map; national and foreign organisations are its children."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["directory.OrganisationPage"]

    class Meta:
        verbose_name = _("directory")
        verbose_name_plural = _("directories")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only if the template's fragment renders (``core.fragments``).
        context.update(
            lazy_items(
                lambda: filters.organisation_listing(
                    request, self.locale, OrganisationPage.objects, self
                ),
                filters.listing_names("organisations"),
            )
        )
        context["sections"] = once(lambda: sections(self.locale))
        context["map_hidden"] = [("view", "map")]
        return context


class OrganisationPage(ThemedPageMixin, BasePage):
    """A member or partner organisation of the movement."""

    legal_form = models.CharField(_("legal form"), max_length=32, choices=LegalForm.choices)
    membership = models.CharField(
        _("member or partner"),
        max_length=16,
        choices=Membership.choices,
        default=Membership.MEMBER,
    )
    description = models.TextField(_("description"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("more about it"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True, max_length=500)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    show_contact_email = models.BooleanField(
        _("show the contact e-mail"),
        default=False,
        help_text=_("Only if the organisation agreed to its address being shown on the site."),
    )
    town = models.CharField(_("town"), max_length=120, blank=True)
    postcode = models.CharField(_("postcode"), max_length=16, blank=True)
    country = CountryField(_("country"), default=HOME_COUNTRY, blank=True)
    latitude = _coordinate(_("latitude"), 90, _("A latitude lies between -90 and 90 degrees."))
    longitude = _coordinate(
        _("longitude"), 180, _("A longitude lies between -180 and 180 degrees.")
    )

    objects = PageManager.from_queryset(DirectoryQuerySet)()

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("legal_form"), FieldPanel("membership")]),
        FieldPanel("description"),
        FieldPanel("logo"),
        *ThemedPageMixin.theme_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("town"), FieldPanel("postcode"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Where"),
            help_text=_(
                "Latitude and longitude (decimal degrees, e.g. 43.6045 and 1.4440 for "
                "Toulouse) put the organisation on the map; without them it is still listed."
            ),
        ),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("contact_email"), FieldPanel("show_contact_email")],
            heading=_("Contact"),
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("description"),
        index.SearchField("body"),
        index.SearchField("town"),
        index.AutocompleteField("town"),
        index.FilterField("legal_form"),
        index.FilterField("membership"),
        index.FilterField("themes"),
    ]
    api_fields = [
        APIField("legal_form"),
        APIField("membership"),
        APIField("description"),
        ThemedPageMixin.theme_api_field,
        APIField("region_slug"),
        APIField("town"),
        APIField("postcode"),
        APIField("country", serializer=CountryCodeField(read_only=True)),
        APIField("latitude", serializer=serializers.FloatField(read_only=True)),
        APIField("longitude", serializer=serializers.FloatField(read_only=True)),
        APIField("website"),
        APIField("public_email"),
        APIField("logo"),
        APIField("body"),
    ]

    parent_page_types = ["directory.DirectoryPage", "regions.RegionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            raise ValidationError(
                {missing: _("Give both the latitude and the longitude, or neither.")}
            )

    @property
    def is_member(self):
        return self.membership == Membership.MEMBER

    @property
    def is_abroad(self):
        return bool(self.country) and self.country.code != HOME_COUNTRY

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def public_email(self):
        """The contact address, only where the organisation agreed to show it."""
        return self.contact_email if self.show_contact_email else ""

    @property
    def region_slug(self):
        region = self.region
        return region.slug if region is not None else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["projects"] = once(
            lambda: attach_regions(
                ProjectPage.objects.published(self.locale)
                .filter(organisation__translation_key=self.translation_key)
                .cards()
            )
        )
        context["news"] = once(lambda: news_listings.news_mentioning(self, NEWS_MENTIONS))
        context["sections"] = once(lambda: sections(self.locale))
        return context
