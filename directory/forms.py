"""The public forms of the directory: proposing a project, joining the movement.

Both carry the site's spam defences (``core.forms``: a honeypot; the pages add CSRF and a
rate limit); a refused form is shown again with everything typed (a browser never keeps
a chosen file: the message says to choose it again), its errors in the visitor's language.
"""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.forms import HONEYPOT, honeypot_field
from core.models import ThemeCode
from core.tree import region_pages
from core.uploads import check_public_upload
from directory.choices import LegalForm, ProjectNeed

#: What a proposal may attach: documents a moderator can open, nothing that runs.
PROPOSAL_EXTENSIONS = ["pdf", "odt", "doc", "docx", "odp", "ppt", "pptx"]


def regions_of_language(locale):
    """Every region of a language's tree (untranslated ones too: a visitor picks where
    their organisation is, whatever the language of its page)."""
    return region_pages().live().public().filter(locale=locale).order_by("title")


class RegionChoiceField(forms.ChoiceField):
    """A region of the form's language by its slug; empty: national or abroad."""

    def __init__(self, *, locale, empty_label, **kwargs):
        self.regions = {region.slug: region for region in regions_of_language(locale)}
        choices = [("", empty_label)] + [(slug, r.title) for slug, r in self.regions.items()]
        super().__init__(choices=choices, required=False, **kwargs)

    def clean(self, value):
        slug = super().clean(value)
        return self.regions.get(slug) if slug else None


class SpamDefendedForm(forms.Form):
    """A public form with the site's honeypot as its last field."""

    def __init__(self, *args, locale, **kwargs):
        kwargs.pop("page", None)
        kwargs.pop("user", None)
        super().__init__(*args, **kwargs)
        self.locale = locale
        self.fields[HONEYPOT] = honeypot_field()

    def mark_optional(self):
        """ "(optional)" after the label of every field that may stay empty."""
        for name, field in self.fields.items():
            if not field.required and name != HONEYPOT:
                field.label = format_lazy("{} {}", field.label, _("(optional)"))


class ProjectProposalForm(SpamDefendedForm):
    title = forms.CharField(label=_("Title of the project"), max_length=200)
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200)
    contact_name = forms.CharField(label=_("Contact person"), max_length=200)
    contact_email = forms.EmailField(label=_("E-mail address"), max_length=254)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences shown on the project's card (600 characters)."),
    )
    description = forms.CharField(
        label=_("The project"),
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What it does, for whom, where, with whom, and what stage it is at."),
    )
    needs = forms.MultipleChoiceField(
        label=_("What the project looks for"),
        choices=ProjectNeed.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one thing the project looks for.")},
    )
    amount_sought = forms.IntegerField(
        label=_("Amount sought (euros)"),
        required=False,
        min_value=0,
        max_value=100_000_000,
    )
    deadline = forms.DateField(
        label=_("Deadline"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        help_text=_("The date by which the project needs what it looks for, if any."),
    )
    themes = forms.MultipleChoiceField(
        label=_("Chantiers"),
        choices=ThemeCode.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    document = forms.FileField(
        label=_("A document presenting the project"),
        required=False,
    )
    consent = forms.BooleanField(
        label=_(
            "I agree to be contacted about this project, and to its publication in the "
            "project bank once the movement's team has read it."
        ),
        error_messages={"required": _("Tick this box so that we may publish and answer.")},
    )

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, locale=locale, **kwargs)
        self.fields["region"] = RegionChoiceField(
            locale=locale, label=_("Region"), empty_label=_("National, or abroad")
        )
        self.order_fields(["title", "organisation_name", "region"])
        limit = settings.PUBLIC_UPLOAD_MAX_MB * 1024 * 1024
        self.fields["document"].help_text = _(
            "PDF, OpenDocument or Office file, %(limit)s MB at most."
        ) % {"limit": settings.PUBLIC_UPLOAD_MAX_MB}
        self.upload_limit = limit
        self.mark_optional()

    def clean_document(self):
        uploaded = self.cleaned_data.get("document")
        if uploaded:
            try:
                check_public_upload(uploaded, PROPOSAL_EXTENSIONS, self.upload_limit)
            except forms.ValidationError as error:
                error.error_list.append(
                    forms.ValidationError(_("Please choose the file again after correcting it."))
                )
                raise
        return uploaded

    def clean_deadline(self):
        deadline = self.cleaned_data.get("deadline")
        if deadline and deadline < timezone.localdate():
            raise forms.ValidationError(_("The deadline cannot be in the past."))
        return deadline

    def clean(self):
        cleaned = super().clean()
        if self.errors and self.files.get("document") and "document" not in self.errors:
            # The browser forgets the file when the form comes back: say so next to it.
            self.add_error("document", _("Please choose the file again: browsers do not keep it."))
        return cleaned


class JoinForm(SpamDefendedForm):
    organisation = forms.CharField(label=_("Organisation"), max_length=200)
    legal_form = forms.ChoiceField(label=_("Legal form"), choices=LegalForm.choices)
    contact_name = forms.CharField(label=_("Contact person"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    message = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What your organisation does, and what it expects from the movement."),
    )
    consent = forms.BooleanField(
        label=_("I agree to be contacted by the movement about joining it."),
        error_messages={"required": _("Tick this box so that we may answer you.")},
    )

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, locale=locale, **kwargs)
        self.fields["region"] = RegionChoiceField(
            locale=locale, label=_("Region"), empty_label=_("National, or abroad")
        )
        self.order_fields(["organisation", "legal_form", "region"])
        self.mark_optional()
