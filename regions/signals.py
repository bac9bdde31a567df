"""Keep regional and national permissions in step with the page tree.

A region's group and collection follow its page: created with the region (or with a new
locale's copy of it), renamed with it. A new national news index or press room (a new
locale's copy, say) gets the national groups' permissions and the national workflow.
"""

from django.db.models.signals import post_save

from news.models import NewsIndexPage, PressRoomPage
from regions import permissions
from regions.models import RegionPage


def region_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    update_fields = kwargs.get("update_fields")
    if not created and update_fields and not {"title", "translation_key"} & set(update_fields):
        return  # a draft saved, a lock taken: nothing that names or places the region
    permissions.sync_region(instance)


def national_section_saved(sender, instance, created, raw=False, **kwargs):
    if raw or not created:
        return
    permissions.sync_all()


def connect():
    post_save.connect(region_saved, sender=RegionPage, dispatch_uid="regions.region_saved")
    for model in (NewsIndexPage, PressRoomPage):
        post_save.connect(
            national_section_saved,
            sender=model,
            dispatch_uid=f"regions.national_section_saved.{model.__name__}",
        )


def disconnect():
    """The opposite of ``connect()``: the tests switch provisioning off where it is not
    what they test (``tests/conftest.py``)."""
    post_save.disconnect(sender=RegionPage, dispatch_uid="regions.region_saved")
    for model in (NewsIndexPage, PressRoomPage):
        post_save.disconnect(
            sender=model, dispatch_uid=f"regions.national_section_saved.{model.__name__}"
        )
