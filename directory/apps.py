from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Directory")

    def ready(self):
        # Signal handlers work on models: connected once the app registry is ready.
        from directory import moderation, proposals

        moderation.connect_signal_handlers()
        proposals.connect_signal_handlers()
