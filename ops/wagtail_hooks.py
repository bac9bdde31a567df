from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from ops import avatars, twofactor


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/", twofactor.SetupView.as_view(), name="ops_twofactor_setup"),
        path("two-factor/verify/", twofactor.VerifyView.as_view(), name="ops_twofactor_verify"),
        path("two-factor/disable/", twofactor.DisableView.as_view(), name="ops_twofactor_disable"),
    ]


@hooks.register("register_account_menu_item")
def register_two_factor_account_item(request):
    return {
        "url": reverse("ops_twofactor_setup"),
        "label": _("Two-factor authentication"),
        "help_text": _("Ask for a code from an authenticator app after your password."),
    }


@hooks.register("get_avatar_url")
def avatar_without_gravatar(user, size):
    return avatars.avatar_url(user, size)
