"""The contact form's protections against spam: a honeypot field and a rate limit per address."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import FormBuilder

from core.ratelimit import client_address, exceeded

# A name the form builder never gives an editor's field (it only makes snake_case names).
HONEYPOT = "website-url"
RATE_WINDOW_SECONDS = 3600


class ContactFormBuilder(FormBuilder):
    """The editor's fields plus a honeypot: hidden from people by CSS, filled in by bots."""

    @property
    def formfields(self):
        fields = super().formfields
        fields[HONEYPOT] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        return fields


def caught_by_honeypot(form):
    """Whether a bot filled the honeypot; either way the honeypot leaves the form's data."""
    form.fields.pop(HONEYPOT, None)
    return bool(form.cleaned_data.pop(HONEYPOT, ""))


def over_rate_limit(request):
    """Count a post from this client's address; True once it exceeds the hourly limit."""
    return exceeded(
        f"contact-form:{client_address(request)}",
        settings.CONTACT_FORM_RATE_LIMIT,
        RATE_WINDOW_SECONDS,
    )
