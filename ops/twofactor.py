"""Optional two-factor authentication (TOTP) for the editors of the Wagtail admin.

Built on django-otp: an editor enrols an authenticator app on the "Two-factor authentication"
page (QR code or secret key typed by hand), confirms it with a 6-digit code and, from then
on, ``TwoFactorMiddleware`` (``ops/middleware.py``) asks for a code after each password
login before any other admin page. With ``ADMIN_2FA_REQUIRED`` every editor must enrol.
"""

import base64

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


def confirmed_device(user):
    """The user's confirmed authenticator, or ``None`` when two-factor is off for them."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user):
    """The unconfirmed authenticator being enrolled, created on first visit."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="default", confirmed=False)


def secret_key(device):
    """The secret in the base32 form that authenticator apps accept when typed by hand."""
    key = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_code_data_uri(device):
    """The otpauth:// URL as an SVG QR code in a data URI (no inline script or style)."""
    qr = segno.make(device.config_url, error="m")
    return qr.svg_data_uri(scale=5, title=str(_("QR code for your authenticator app")))


def safe_next(request, default):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


class TokenForm(forms.Form):
    """One 6-digit code from the authenticator app, checked against ``device``."""

    token = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_("The 6-digit code your app shows now."),
        max_length=16,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
                "aria-describedby": "id_token-help",
            }
        ),
    )

    def __init__(self, *args, device=None, **kwargs):
        self.device = device
        super().__init__(*args, **kwargs)

    def clean_token(self):
        token = "".join(self.cleaned_data["token"].split())
        if not token.isdigit() or len(token) != 6:
            raise forms.ValidationError(_("Enter the 6 digits shown by your authenticator app."))
        if self.device is None:
            raise forms.ValidationError(_("Two-factor authentication is not set up."))
        allowed, _details = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(
                _("Too many wrong codes: wait a few seconds, then try again.")
            )
        if not self.device.verify_token(token):
            raise forms.ValidationError(
                _("This code is wrong or has expired. Enter the code your app shows now.")
            )
        return token


class TwoFactorFormView(WagtailAdminTemplateMixin, FormView):
    form_class = TokenForm
    header_icon = "key"

    def get_device(self):
        return confirmed_device(self.request.user)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "device": self.device}

    def dispatch(self, request, *args, **kwargs):
        self.device = self.get_device()
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            next=self.request.POST.get("next") or self.request.GET.get("next", ""), **kwargs
        )


class SetupView(TwoFactorFormView):
    """Enrol an authenticator app; once enrolled, show its state and the way to turn it off."""

    page_title = _("Two-factor authentication")
    template_name = "ops/two_factor_setup.html"

    def get_breadcrumbs_items(self):
        return []

    def dispatch(self, request, *args, **kwargs):
        self.enabled = confirmed_device(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_device(self):
        return self.enabled or pending_device(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["enabled"] = self.enabled
        context["required"] = settings.ADMIN_2FA_REQUIRED
        if not self.enabled:
            context["qr_code"] = qr_code_data_uri(self.device)
            context["secret_key"] = secret_key(self.device)
        else:
            context["disable_form"] = TokenForm(device=self.device)
        return context

    def post(self, request, *args, **kwargs):
        if self.enabled:
            return redirect("ops_twofactor_setup")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        self.device.confirmed = True
        self.device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=self.request.user, confirmed=False).delete()
        otp_login(self.request, self.device)
        messages.success(self.request, _("Two-factor authentication is on for your account."))
        return redirect(safe_next(self.request, reverse("wagtailadmin_home")))


class VerifyView(TwoFactorFormView):
    """Ask for a code after the password login; a valid one verifies the session."""

    page_title = _("Enter your code")
    template_name = "ops/two_factor_verify.html"

    def dispatch(self, request, *args, **kwargs):
        if getattr(request.user, "is_verified", lambda: False)():
            return redirect(safe_next(request, reverse("wagtailadmin_home")))
        if confirmed_device(request.user) is None:
            return redirect("ops_twofactor_setup")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        otp_login(self.request, self.device)
        return redirect(safe_next(self.request, reverse("wagtailadmin_home")))


class DisableView(TwoFactorFormView):
    """Turn two-factor off after a valid code (refused when the site requires it)."""

    page_title = _("Two-factor authentication")
    template_name = "ops/two_factor_setup.html"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        if self.device is None:
            return redirect("ops_twofactor_setup")
        if settings.ADMIN_2FA_REQUIRED:
            messages.error(request, _("Two-factor authentication is required on this site."))
            return redirect("ops_twofactor_setup")
        form = TokenForm(request.POST, device=self.device)
        if form.is_valid():
            TOTPDevice.objects.filter(user=request.user).delete()
            messages.success(request, _("Two-factor authentication is off for your account."))
        else:
            for error in form.errors.get("token", []):
                messages.error(request, error)
        return redirect("ops_twofactor_setup")
