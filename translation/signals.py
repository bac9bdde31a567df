"""Keep translator groups and translation rights in step with the languages and the tree.

A new language's home page (its alias or translation) gives that language's translator
group its page permissions; a translation right given or taken gives or takes
wagtail-localize's "submit_translation" permission (``translation.provisioning``).
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page

from core.models import TranslationPermission
from translation import provisioning


def page_saved(sender, instance, created, raw=False, **kwargs):
    if raw or not created or not isinstance(instance, Page) or instance.depth != 2:
        return
    provisioning.sync_translators()


def right_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    group = type(instance.group).objects.filter(pk=instance.group_id).first()
    if group is not None:
        provisioning.sync_group_rights(group)


def connect():
    post_save.connect(page_saved, dispatch_uid="translation.page_saved")
    post_save.connect(right_changed, sender=TranslationPermission, dispatch_uid="translation.right")
    post_delete.connect(
        right_changed, sender=TranslationPermission, dispatch_uid="translation.right_deleted"
    )


def disconnect():
    post_save.disconnect(dispatch_uid="translation.page_saved")
    post_save.disconnect(sender=TranslationPermission, dispatch_uid="translation.right")
    post_delete.disconnect(sender=TranslationPermission, dispatch_uid="translation.right_deleted")
