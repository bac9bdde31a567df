"""Who may edit what: regional coordination groups, national groups, and their workflow.

Provisions Wagtail's own groups, page and collection permissions and workflow, and keeps
them in step with the regions; every ``sync_*`` function is idempotent and returns the
changes it made (docs/architecture.md, "Regional permissions").
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from wagtail import hooks
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from core.hooks import NATIONAL_PERMISSIONS_HOOK
from core.models import TranslationPermission
from news.models import NewsIndexPage, PressRoomPage
from regions.models import RegionPage

REGION_GROUP_PREFIX = "Coordination"
REGIONS_COLLECTION_NAME = "Régions"
NATIONAL_GROUP_NAME = "Équipe nationale"
PRESS_GROUP_NAME = "Presse"
PRESS_COLLECTION_NAME = "Presse"
NATIONAL_WORKFLOW_NAME = "Publication nationale"
NATIONAL_TASK_NAME = "Validation par l'équipe nationale"

REGION_PAGE_ACTIONS = ("add", "change", "publish", "lock")
NATIONAL_PAGE_ACTIONS = ("add", "bulk_delete", "change", "lock", "publish", "unlock")
MEDIA_ACTIONS = ("add", "change", "choose")
MEDIA_MODELS = (("wagtailimages", "image"), ("wagtaildocs", "document"))

NATIONAL_MODEL_PERMISSIONS = (
    "wagtailadmin.access_admin",
    "wagtail_localize.submit_translation",
    "news.add_presscontact",
    "news.change_presscontact",
    "news.delete_presscontact",
    "wagtailredirects.add_redirect",
    "wagtailredirects.change_redirect",
    "wagtailredirects.delete_redirect",
    # Promoted search results, and with them the "popular searches" report.
    "wagtailsearchpromotions.add_searchpromotion",
    "wagtailsearchpromotions.change_searchpromotion",
    "wagtailsearchpromotions.delete_searchpromotion",
)
PRESS_MODEL_PERMISSIONS = (
    "wagtailadmin.access_admin",
    "news.add_presscontact",
    "news.change_presscontact",
    "news.delete_presscontact",
)
REGION_MODEL_PERMISSIONS = ("wagtailadmin.access_admin",)


# Permission objects -------------------------------------------------------------------


def _permission(dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permissions(actions):
    return list(
        Permission.objects.filter(
            content_type__app_label="wagtailcore",
            codename__in=[f"{action}_page" for action in actions],
        )
    )


def _media_permissions():
    return list(
        Permission.objects.filter(
            Q(
                content_type__app_label="wagtailimages",
                codename__in=[f"{a}_image" for a in MEDIA_ACTIONS],
            )
            | Q(
                content_type__app_label="wagtaildocs",
                codename__in=[f"{a}_document" for a in MEDIA_ACTIONS],
            )
        )
    )


def _grant_model_permissions(group, dotted_names, changes):
    wanted = {_permission(name) for name in dotted_names}
    missing = wanted - set(group.permissions.all())
    if missing:
        group.permissions.add(*missing)
        changes.extend(f"{group.name}: + {p.content_type.app_label}.{p.codename}" for p in missing)


def _grant_pages(group, pages, actions, changes):
    permissions = _page_permissions(actions)
    existing = set(
        GroupPagePermission.objects.filter(group=group, page__in=pages).values_list(
            "page_id", "permission_id"
        )
    )
    for page in pages:
        for permission in permissions:
            if (page.pk, permission.pk) not in existing:
                GroupPagePermission.objects.create(group=group, page=page, permission=permission)
                changes.append(f"{group.name}: + {permission.codename} on {page.url_path}")


def _grant_collection(group, collection, changes):
    existing = set(
        GroupCollectionPermission.objects.filter(group=group, collection=collection).values_list(
            "permission_id", flat=True
        )
    )
    for permission in _media_permissions():
        if permission.pk not in existing:
            GroupCollectionPermission.objects.create(
                group=group, collection=collection, permission=permission
            )
            changes.append(f"{group.name}: + {permission.codename} in {collection.name}")


def _child_collection(parent, name, changes):
    collection = parent.get_children().filter(name=name).first()
    if collection is None:
        collection = parent.add_child(name=name)
        changes.append(f"collection {name} created")
    return collection


def _unique_group_name(name, fallback_suffix, group=None):
    name = name[:150]
    clash = Group.objects.filter(name=name)
    if group is not None:
        clash = clash.exclude(pk=group.pk)
    if clash.exists():
        name = f"{name[:140]} ({fallback_suffix})"[:150]
    return name


# Regions ------------------------------------------------------------------------------


def region_copies(region):
    """Every locale's copy of a region (its translations share a translation_key)."""
    return list(
        RegionPage.objects.filter(translation_key=region.translation_key)
        .select_related("locale")
        .order_by("pk")
    )


def primary_copy(copies):
    """The copy that names the region: the default locale's, else the oldest."""
    default_locale_id = Locale.get_default().pk if copies else None
    return next((c for c in copies if c.locale_id == default_locale_id), copies[0])


def region_group_name(region):
    return f"{REGION_GROUP_PREFIX} {region.title}"


def find_region_group(copies):
    """The group that holds page permissions on the region, else an unclaimed group
    named after it (never another region's group, should two regions share a name)."""
    group = (
        Group.objects.filter(
            page_permissions__page__in=copies, name__startswith=REGION_GROUP_PREFIX
        )
        .order_by("pk")
        .first()
    )
    if group is None:
        other_regions = RegionPage.objects.exclude(translation_key=copies[0].translation_key)
        group = (
            Group.objects.filter(name=region_group_name(primary_copy(copies))[:150])
            .exclude(page_permissions__page__in=other_regions)
            .first()
        )
    return group


def find_region_collection(group, regions_root, name):
    """The collection under "Régions" the group may use, else an unclaimed one so named."""
    children = regions_root.get_children()
    if group is not None:
        collection = children.filter(group_permissions__group=group).order_by("pk").first()
        if collection is not None:
            return collection
    return children.filter(name=name, group_permissions__isnull=True).order_by("pk").first()


def national_news_indexes():
    return list(NewsIndexPage.objects.all())


@transaction.atomic
def sync_region(region):
    """Provision (or repair, or rename) the group and collection of a region."""
    changes = []
    copies = region_copies(region)
    if not copies:
        return changes
    primary = primary_copy(copies)
    wanted_name = region_group_name(primary)

    group = find_region_group(copies)
    if group is None:
        group = Group.objects.create(name=_unique_group_name(wanted_name, primary.slug))
        changes.append(f"group {group.name} created")
    else:
        name = _unique_group_name(wanted_name, primary.slug, group)
        if group.name != name:
            changes.append(f"group {group.name} renamed {name}")
            group.name = name
            group.save(update_fields=["name"])

    regions_root = _child_collection(
        Collection.get_first_root_node(), REGIONS_COLLECTION_NAME, changes
    )
    collection = find_region_collection(group, regions_root, primary.title)
    if collection is None:
        collection = regions_root.add_child(name=primary.title)
        changes.append(f"collection {collection.name} created")
    elif collection.name != primary.title:
        changes.append(f"collection {collection.name} renamed {primary.title}")
        collection.name = primary.title
        collection.save(update_fields=["name"])

    _grant_model_permissions(group, REGION_MODEL_PERMISSIONS, changes)
    _grant_pages(group, copies, REGION_PAGE_ACTIONS, changes)
    # Proposals for national publication: drafts in the national news, never published
    # by the coordinator (the workflow sends them to the national team).
    _grant_pages(group, national_news_indexes(), ("add",), changes)
    _grant_collection(group, collection, changes)
    return changes


def regions_of_user(user):
    """The region pages (every locale's copy) the user coordinates, by group membership."""
    if not user.is_authenticated:
        return RegionPage.objects.none()
    return (
        RegionPage.objects.filter(
            group_permissions__group__user=user,
            group_permissions__group__name__startswith=REGION_GROUP_PREFIX,
            group_permissions__permission__codename="change_page",
        )
        .select_related("locale")
        .distinct()
        .order_by("path")
    )


# National groups and the national workflow --------------------------------------------


def _model_permissions_from_apps(role):
    """What the apps above this one grant the national groups (``NATIONAL_PERMISSIONS_HOOK``)."""
    names = []
    for grants in hooks.get_hooks(NATIONAL_PERMISSIONS_HOOK):
        names.extend(grants().get(role, ()))
    return names


def _national_pages():
    return list(NewsIndexPage.objects.all()), list(PressRoomPage.objects.all())


@transaction.atomic
def sync_national():
    """Provision "Équipe nationale", "Presse" and the "Publication nationale" workflow."""
    changes = []
    national, created = Group.objects.get_or_create(name=NATIONAL_GROUP_NAME)
    if created:
        changes.append(f"group {national.name} created")
    _grant_model_permissions(
        national,
        [*NATIONAL_MODEL_PERMISSIONS, *_model_permissions_from_apps("national")],
        changes,
    )
    _grant_pages(national, [Page.get_first_root_node()], NATIONAL_PAGE_ACTIONS, changes)
    # The national team translates everything, into every language (core.permissions).
    _, created = TranslationPermission.objects.get_or_create(group=national, locale=None)
    if created:
        changes.append(f"{national.name}: translates into every language")
    _grant_collection(national, Collection.get_first_root_node(), changes)

    news_indexes, press_rooms = _national_pages()
    press, created = Group.objects.get_or_create(name=PRESS_GROUP_NAME)
    if created:
        changes.append(f"group {press.name} created")
    _grant_model_permissions(
        press, [*PRESS_MODEL_PERMISSIONS, *_model_permissions_from_apps("press")], changes
    )
    _grant_pages(press, news_indexes + press_rooms, REGION_PAGE_ACTIONS, changes)
    press_collection = _child_collection(
        Collection.get_first_root_node(), PRESS_COLLECTION_NAME, changes
    )
    _grant_collection(press, press_collection, changes)

    workflow, created = Workflow.objects.get_or_create(
        name=NATIONAL_WORKFLOW_NAME, defaults={"active": True}
    )
    if created:
        changes.append(f"workflow {workflow.name} created")
    task = GroupApprovalTask.objects.filter(name=NATIONAL_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=NATIONAL_TASK_NAME)
        changes.append(f"task {task.name} created")
    if not task.groups.filter(pk=national.pk).exists():
        task.groups.add(national)
        changes.append(f"task {task.name}: + {national.name}")
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        changes.append(f"workflow {workflow.name}: + {task.name}")
    for page in news_indexes:
        _, created = WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
        if created:
            changes.append(f"workflow {workflow.name} on {page.url_path}")
    _retire_default_workflow(changes)
    return changes


# Wagtail's own workflow, put on the root page by its migrations.
DEFAULT_WORKFLOW_NAME = "Moderators approval"


def _retire_default_workflow(changes):
    """Take Wagtail's untouched default workflow off the root page.

    It sends every page to the empty "Moderators" group ("Soumettre à Moderators approval",
    leading nowhere): regional pages publish directly, national ones go through the
    national workflow. A default workflow the national team changed (other tasks) stays.
    """
    for assignment in WorkflowPage.objects.filter(
        page=Page.get_first_root_node(), workflow__name=DEFAULT_WORKFLOW_NAME
    ).select_related("workflow"):
        workflow = assignment.workflow
        tasks = list(workflow.tasks.values_list("name", flat=True))
        if tasks not in ([], [DEFAULT_WORKFLOW_NAME]):
            continue
        assignment.delete()
        changes.append(f"workflow {workflow.name} taken off the root page")
        if workflow.active and not workflow.workflow_pages.exists():
            workflow.deactivate()
            changes.append(f"workflow {workflow.name} deactivated")


def sync_all():
    """Repair every group, collection and workflow; the changes made (empty if none)."""
    changes = sync_national()
    seen = set()
    for region in RegionPage.objects.order_by("pk"):
        if region.translation_key not in seen:
            seen.add(region.translation_key)
            changes += sync_region(region)
    return changes
