"""The project moderation workflow, and who hears of a proposal or a join request.

``project_workflow()`` is the "Banque de projets" workflow (created when first needed,
assigned to every project bank page): one ``ProjectModerationTask`` whose approvers are
the users who may publish the project where it sits. When a project reaches the task, its
approvers get an e-mail, in their own admin language: the region's coordinators and the
national team for a regional project, the national team for a national one. Recipients
come from Wagtail's page permissions, not from group names: a region's coordinators are
the members of the groups with permissions on the region page itself, the national team
those with permissions on the whole site.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.admin.mail import EmailNotificationMixin, Notifier
from wagtail.models import (
    GroupPagePermission,
    Page,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.signals import task_submitted

WORKFLOW_NAME = "Banque de projets"
TASK_NAME = "Modération des projets proposés"
#: A group whose page permissions start at this depth or above holds the whole site.
SITE_WIDE_DEPTH = 2


def project_workflow():
    """The workflow of proposed projects, made (and assigned to the project banks) if missing."""
    task_model = apps.get_model("directory", "ProjectModerationTask")
    workflow, _created = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    task = task_model.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = task_model.objects.create(name=TASK_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for bank in apps.get_model("directory", "ProjectBankPage").objects.all():
        WorkflowPage.objects.get_or_create(page=bank, defaults={"workflow": workflow})
    return workflow


# --- Who is told ------------------------------------------------------------------------


def _active_users(groups_q):
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(email="")
        .filter(groups__in=GroupPagePermission.objects.filter(groups_q).values("group"))
        .distinct()
    )


def publishers_of(page):
    """Users who may publish ``page``: permission to publish on it or an ancestor."""
    ancestors = [page.path[:end] for end in range(page.steplen, len(page.path) + 1, page.steplen)]
    return _active_users(Q(page__path__in=ancestors, permission__codename="publish_page"))


def region_coordinators(region):
    """The members of the groups with permissions on the region page itself (any language)."""
    copies = Page.objects.filter(translation_key=region.translation_key)
    return _active_users(Q(page__in=copies, permission__codename="change_page"))


def national_team():
    """The members of the groups that may publish anywhere on the site."""
    return _active_users(Q(page__depth__lte=SITE_WIDE_DEPTH, permission__codename="publish_page"))


def join_request_recipients(region):
    """A join request goes to its region's coordinators, else to the national team."""
    if region is not None:
        coordinators = list(region_coordinators(region))
        if coordinators:
            return coordinators
    return list(national_team())


class ProjectTaskNotifier(EmailNotificationMixin, Notifier):
    """E-mails the approvers of a project moderation task when a project reaches it."""

    notification = "submitted"
    template_directory = "directory/notifications/"

    def __init__(self):
        super().__init__((TaskState,))

    def can_handle(self, instance, **kwargs):
        task_model = apps.get_model("directory", "ProjectModerationTask")
        return super().can_handle(instance, **kwargs) and isinstance(
            instance.task.specific, task_model
        )

    def get_template_base_prefix(self, instance, **kwargs):
        return "project_"

    def get_context(self, task_state, **kwargs):
        context = super().get_context(task_state, **kwargs)
        page = task_state.workflow_state.content_object.specific
        context.update(
            task=task_state.task.specific,
            page=page,
            region=page.region,
            admin_url=settings.WAGTAILADMIN_BASE_URL.rstrip("/") + f"/admin/pages/{page.pk}/edit/",
        )
        return context

    def get_recipient_users(self, task_state, **kwargs):
        page = task_state.workflow_state.content_object
        users = set(publishers_of(page))
        if getattr(settings, "WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", True):
            users |= set(get_user_model().objects.filter(is_superuser=True, is_active=True))
        triggering = kwargs.get("user")
        return {user for user in users if triggering is None or user.pk != triggering.pk}


project_task_notifier = ProjectTaskNotifier()


def connect_signal_handlers():
    task_submitted.connect(
        project_task_notifier, sender=TaskState, dispatch_uid="directory.project_task_submitted"
    )
