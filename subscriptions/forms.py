"""The sign-up form (the page of its own, and the short form of the "Follow" boxes, which
posts to it) and the form that changes a subscription."""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from core.models import Theme
from regions.listings import regions_of_language
from subscriptions.addresses import clean_address
from subscriptions.models import Frequency

# A name no person fills in: hidden by CSS and from assistive technology, filled by bots.
HONEYPOT = "website"
# Where a sign-up came from: the page of its own, or the box of a kind of page.
SOURCE_PATTERN = re.compile(r"^(page|home|news|agenda|press|region:[\w-]{1,80}|chantier:\w{1,40})$")

# Shown under every sign-up form and stored, as shown, with the consent it records.
CONSENT_WORDING = _(
    "By subscribing you agree to receive these e-mails from the ESS Movement. Your address "
    "serves nothing else and goes to no one; every e-mail has a link to change or cancel."
)
NOTHING_CHOSEN = _("Choose at least one thing to receive.")


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.label


def region_choices(locale):
    """Every region once (its translation key), named in ``locale`` where it has a copy."""
    regions = {}
    for region in regions_of_language(Locale.get_default()):
        regions[region.translation_key] = region.title
    for region in regions_of_language(locale):
        regions[region.translation_key] = region.title
    return sorted(((str(key), title) for key, title in regions.items()), key=lambda c: c[1])


class ChoicesForm(forms.Form):
    """What a subscriber receives: shared by the sign-up and the manage forms."""

    consent_wording = CONSENT_WORDING

    language = forms.ChoiceField(
        label=_("Language of the e-mails"), choices=(), widget=forms.RadioSelect
    )
    regions = forms.MultipleChoiceField(
        label=_("News of the regions"),
        choices=(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    themes = ThemeChoiceField(
        label=_("News of the chantiers"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    national_news = forms.BooleanField(label=_("National news"), required=False)
    press_releases = forms.BooleanField(label=_("Press releases"), required=False)
    events = forms.BooleanField(
        label=_("Events"),
        help_text=_(
            "Of the regions and chantiers you follow; the whole agenda if you follow none."
        ),
        required=False,
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Frequency.choices,
        initial=Frequency.WEEKLY,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        locale = locale or Locale.get_active()
        self.fields["regions"].choices = region_choices(locale)
        self.fields["language"].choices = settings.LANGUAGES
        self.fields["language"].initial = translation.get_language()

    def clean(self):
        data = super().clean()
        if not self.errors and not (
            data.get("regions")
            or data.get("themes")
            or data.get("national_news")
            or data.get("press_releases")
            or data.get("events")
        ):
            raise ValidationError(NOTHING_CHOSEN, code="nothing")
        return data

    def choices(self):
        """The choices as stored with a sign-up request (JSON)."""
        data = self.cleaned_data
        return {
            "regions": sorted(data["regions"]),
            "themes": sorted(theme.code for theme in data["themes"]),
            "national_news": data["national_news"],
            "press_releases": data["press_releases"],
            "events": data["events"],
            "frequency": data["frequency"],
            "language": data["language"],
        }


class SubscribeForm(ChoicesForm):
    email = forms.CharField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    source = forms.CharField(widget=forms.HiddenInput, required=False)
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    field_order = ["email", "regions", "themes", "national_news", "press_releases", "events"]

    def clean_email(self):
        return clean_address(self.cleaned_data["email"])

    def clean_source(self):
        source = self.cleaned_data.get("source") or "page"
        return source if SOURCE_PATTERN.match(source) else "page"

    @property
    def is_bot(self):
        return bool(self.data.get(HONEYPOT))


class ManageForm(ChoicesForm):
    """A subscriber's choices, changed from the link in an e-mail."""
