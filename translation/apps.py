from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationConfig(AppConfig):
    name = "translation"
    verbose_name = _("Translation")

    def ready(self):
        # The handlers work on models: imported once the app registry is ready.
        from translation import signals

        signals.connect()
