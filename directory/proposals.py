"""A proposed project becomes a draft project page, moderated through the workflow.

``submit`` files what a visitor sent through the proposal form: a draft (never live)
under the region they chose, or under the project bank for a national or foreign project,
in the form's language where the region page is translated (else in the region's own
language), with the attached document in a collection that only signed-in editors may
open, and starts the project moderation workflow, whose task e-mails the people who may
publish the draft (``directory.moderation``). Publishing the project moves its document to
a public collection.
"""

import html

from django.apps import apps
from django.db import transaction
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.signals import page_published

from directory import moderation

PRIVATE_COLLECTION = "Propositions de projets"
PUBLIC_COLLECTION = "Banque de projets"


def _collection(name, restricted):
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first()
    if collection is None:
        collection = root.add_child(name=name)
    if restricted and not collection.view_restrictions.exists():
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    return collection


def private_collection():
    """Where proposals' documents wait: only signed-in editors may open them."""
    return _collection(PRIVATE_COLLECTION, restricted=True)


def is_public_document(document):
    if document is None:
        return False
    return not CollectionViewRestriction.objects.filter(
        collection__in=document.collection.get_ancestors(inclusive=True)
    ).exists()


def publish_document(project):
    """A published project's document leaves the private collection for the public one."""
    document = project.document
    if document is not None and document.collection.name == PRIVATE_COLLECTION:
        document.collection = _collection(PUBLIC_COLLECTION, restricted=False)
        document.save(update_fields=["collection"])


def _parent(form_page, region):
    """The page a proposal goes under: the region in the form's language when it is
    translated there (else the region's source), or the form's project bank."""
    if region is None:
        parent = form_page.get_parent().specific
    else:
        parent = region
    if parent.alias_of_id:
        parent = parent.alias_of.specific
    return parent


def _body(description):
    paragraphs = [part.strip() for part in description.replace("\r\n", "\n").split("\n\n")]
    return [
        ("paragraph", "<p>" + "<br/>".join(html.escape(line) for line in part.split("\n")) + "</p>")
        for part in paragraphs
        if part
    ]


@transaction.atomic
def submit(form_page, data, project_model):
    """Create the draft project a proposal describes and send it to moderation."""
    parent = _parent(form_page, data["region"])
    organisation = (
        project_model._meta.get_field("organisation")
        .related_model.objects.filter(locale=parent.locale, title__iexact=data["organisation_name"])
        .first()
    )
    project = project_model(
        title=data["title"],
        slug=slugify(data["title"])[:80] or "projet",
        locale=parent.locale,
        live=False,
        organisation=organisation,
        organisation_name="" if organisation else data["organisation_name"],
        summary=data["summary"],
        body=_body(data["description"]),
        amount_sought=data.get("amount_sought"),
        deadline=data.get("deadline"),
        contact_name=data["contact_name"],
        contact_email=data["contact_email"],
        **{f"needs_{need}": True for need in data["needs"]},
    )
    uploaded = data.get("document")
    if uploaded:
        document = get_document_model()(
            title=f"{data['title']} ({data['organisation_name']})"[:255],
            file=uploaded,
            collection=private_collection(),
        )
        document.save()
        project.document = document
    existing = set(parent.get_children().values_list("slug", flat=True))
    base, number = project.slug, 2
    while project.slug in existing:
        project.slug = f"{base}-{number}"
        number += 1
    parent.add_child(instance=project)
    if data.get("themes"):
        project.themes.set(data["themes"])
    project.save_revision(log_action=True)
    moderation.project_workflow().start(project, user=None)
    return project


def _project_published(sender, instance, **kwargs):
    publish_document(instance)


def connect_signal_handlers():
    page_published.connect(
        _project_published,
        sender=apps.get_model("directory", "ProjectPage"),
        dispatch_uid="directory.project_published",
    )
