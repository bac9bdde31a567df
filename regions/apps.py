from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "regions"
    verbose_name = _("Regions")

    def ready(self):
        # The handlers work on models: imported once the app registry is ready.
        from regions import signals

        signals.connect()
