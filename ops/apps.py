from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """Production operations: health check, security headers, upload rules, backups."""

    name = "ops"
    verbose_name = _("Operations")
