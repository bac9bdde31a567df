"""The directory's three sections of a language (directory, project bank, join page),
found in one query, for the boxes that lead from one to the others."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

SECTION_MODELS = ("DirectoryPage", "ProjectBankPage", "JoinPage")


def sections(locale):
    """``{"directorypage": page, "projectbankpage": page, "joinpage": page}`` (or absent)."""
    models = [apps.get_model("directory", name) for name in SECTION_MODELS]
    types = ContentType.objects.get_for_models(*models).values()
    pages = (
        Page.objects.live()
        .public()
        .filter(locale=locale, content_type__in=types)
        .select_related("content_type")
        .order_by("path")
    )
    found = {}
    for page in pages:
        found.setdefault(page.content_type.model, page)
    return found
