"""The directory's vocabularies."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalForm(models.TextChoices):
    COOPERATIVE = "cooperative", _("Cooperative")
    MUTUAL = "mutual", _("Mutual")
    ASSOCIATION = "association", _("Association")
    FOUNDATION = "foundation", _("Foundation")
    SOCIAL_ENTERPRISE = "social_enterprise", _("Social enterprise")
    OTHER = "other", _("Other")


class Membership(models.TextChoices):
    MEMBER = "member", _("Member")
    PARTNER = "partner", _("Partner")


class ProjectStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


class ProjectNeed(models.TextChoices):
    """What a project looks for; each is a boolean field ``needs_<code>`` of the project."""

    FUNDING = "funding", _("Funding")
    PARTNERS = "partners", _("Partners")
    VOLUNTEERS = "volunteers", _("Volunteers")
    EXPERTISE = "expertise", _("Expertise")


NEED_FIELDS = {need: f"needs_{need}" for need in ProjectNeed.values}
