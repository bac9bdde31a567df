"""What a news item or an event is: the kinds editors choose from."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NewsKind(models.TextChoices):
    ARTICLE = "article", _("Article")
    PRESS_RELEASE = "press_release", _("Press release")
    RELAY = "relay", _("Partner news")


class EventKind(models.TextChoices):
    CONGRESS = "congress", _("Congress")
    NATIONAL_MEETING = "national_meeting", _("National thematic meeting")
    WORKSHOP = "workshop", _("Workshop")
    OTHER = "other", _("Other")
