"""The moderation step of proposed projects: approved by those who may publish the page.

Wagtail's group approval task names fixed groups; a project proposed for Bretagne must be
approved by Bretagne's coordinators or the national team, and not by another region's.
This task's approvers are therefore the users who may publish the project where it sits
(Wagtail's page permissions), so its confinement is the pages' own.
"""

from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Task, TaskState
from wagtail.permission_policies.pages import PagePermissionPolicy


def _can_publish(obj, user):
    if not isinstance(obj, Page) or not user.is_authenticated:
        return False
    return obj.permissions_for_user(user).can_publish()


class ProjectModerationTask(Task):
    class Meta:
        verbose_name = _("project moderation task")
        verbose_name_plural = _("project moderation tasks")

    @classmethod
    def get_description(cls):
        return _("Those who may publish the page where the project sits approve it")

    def locked_for_user(self, obj, user):
        return not _can_publish(obj, user)

    def user_can_lock(self, obj, user):
        return _can_publish(obj, user)

    def get_actions(self, obj, user):
        if _can_publish(obj, user):
            return [
                ("reject", _("Request changes"), True),
                ("approve", _("Approve and publish"), False),
                ("approve", _("Approve with comment"), True),
            ]
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        publishable = PagePermissionPolicy().instances_user_has_permission_for(user, "publish")
        return states.filter(
            workflow_state__object_id__in=publishable.annotate(
                key=Cast("pk", output_field=CharField())
            ).values("key")
        )
