"""What every public form of the site shares against spam: a honeypot field and a rate
limit per client address (the contact form, the join form, the project proposal form).

Django's CSRF protection is the third defence; the forms' pages are never cached.
"""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.ratelimit import client_address, exceeded

# A name the form builder never gives an editor's field (it only makes snake_case names).
HONEYPOT = "website-url"
RATE_WINDOW_SECONDS = 3600


def honeypot_field():
    """The honeypot: hidden from people by CSS (``.form-honeypot``), filled in by bots."""
    return forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


def caught_by_honeypot(form):
    """Whether a bot filled the honeypot; either way the honeypot leaves the form's data."""
    form.fields.pop(HONEYPOT, None)
    return bool(form.cleaned_data.pop(HONEYPOT, ""))


def over_rate_limit(request, scope="contact-form"):
    """Count a post from this client's address to the form ``scope``; True once it exceeds
    the hourly limit (``CONTACT_FORM_RATE_LIMIT``)."""
    return exceeded(
        f"{scope}:{client_address(request)}", settings.CONTACT_FORM_RATE_LIMIT, RATE_WINDOW_SECONDS
    )


RATE_LIMIT_MESSAGE = _("Too many messages were sent from your connection. Please try again later.")
