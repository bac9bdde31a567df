from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _

# Translatable snippets whose translations follow their source's synchronised fields.
TRANSLATED_SNIPPETS = ["news.PressContact", "regions.Organisation"]


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from wagtail.signals import page_published

        from home import i18n

        post_migrate.connect(i18n.sync_locales_after_migrate, sender=self)
        page_published.connect(i18n.on_page_published, dispatch_uid="home.i18n.published")
        for model in TRANSLATED_SNIPPETS:
            post_save.connect(
                i18n.on_snippet_saved, sender=model, dispatch_uid=f"home.i18n.{model}"
            )

        from home.cache import connect_signal_handlers

        connect_signal_handlers()
