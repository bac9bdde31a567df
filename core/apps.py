from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _
from wagtail.signals import page_published


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site foundation")

    def ready(self):
        # Signal handlers work on models: imported once the app registry is ready.
        from wagtail.permissions import register_permission_policy

        from core import cache, checks, i18n, permissions  # noqa: F401 (checks registers)

        # Before any view asks the registry (core is the first app): every translatable
        # snippet gets the translation rules (core/permissions.py).
        for model in permissions.translatable_models():
            register_permission_policy(
                model, permissions.TranslatableSnippetPermissionPolicy(model), exact_class=True
            )

        post_migrate.connect(i18n.sync_locales_after_migrate, sender=self)
        page_published.connect(i18n.on_page_published, dispatch_uid="core.i18n.published")
        # Snippets register after the apps are ready: the handler checks the model when called.
        post_save.connect(i18n.on_snippet_saved, dispatch_uid="core.i18n.snippet_saved")
        cache.connect_signal_handlers()
