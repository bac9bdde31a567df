from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = _("Resource library")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The handlers work on models: connected once the app registry is ready.
        from library import signals

        signals.connect()
