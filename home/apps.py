from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The home page, standard and contact pages, the site's chrome, SEO and demo content:
    the top of the content apps, which lists what every other app holds."""

    name = "home"
    verbose_name = _("Site")
