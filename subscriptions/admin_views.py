"""The admin of subscriptions: the subscribers (national team: filters, CSV export, erasure
on request), the send log, the embargo preview links (press and national team, for the
press releases they may publish), and the subscriber counts of a coordinator's regions.

Wagtail's model viewsets; the hooks that register them are in ``wagtail_hooks.py``.
"""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import (
    CreateView,
    DeleteView,
    EditView,
    HistoryView,
    IndexView,
    UsageView,
)
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from news import listings as news_listings
from subscriptions import embargo, mail
from subscriptions.models import (
    Erasure,
    Message,
    PreviewLink,
    Subscriber,
    SubscriberState,
)

# --- Subscribers -----------------------------------------------------------------------------


class EraseSubscriberView(DeleteView):
    """Delete on request: the address and everything tied to it go; an erasure is counted,
    the send log keeps its lines without the address, and no log entry names it."""

    success_message = gettext_lazy("The address was erased.")

    def get_success_message(self):
        return str(self.success_message)

    @transaction.atomic
    def delete_action(self):
        Erasure.objects.create()
        self.object.delete()


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    name = "subscribers"
    icon = "mail"
    menu_label = gettext_lazy("Subscribers")
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    delete_view_class = EraseSubscriberView
    list_display = [
        "email",
        Column("language", label=gettext_lazy("Language"), accessor="get_language_display"),
        Column("state", label=gettext_lazy("State"), accessor="get_state_display"),
        Column("choices", label=gettext_lazy("Receives"), accessor="choices_summary"),
        DateColumn("confirmed_at", label=gettext_lazy("Confirmed")),
    ]
    list_filter = [
        "state",
        "language",
        "frequency",
        "national_news",
        "press_releases",
        "events",
        "regions",
        "themes",
    ]
    list_export = [
        "email",
        "language",
        "state",
        "choices_summary",
        "frequency",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
    ]
    export_headings = {"choices_summary": gettext_lazy("Receives")}
    export_filename = "subscribers"
    search_fields = ["email"]
    search_backend_name = None
    form_fields = ["state"]
    inspect_view_fields = [
        "email",
        "language",
        "state",
        "frequency",
        "national_news",
        "press_releases",
        "events",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
        "deactivated_at",
    ]

    def get_queryset(self, request):
        return Subscriber.objects.prefetch_related("regions", "themes")


# --- Send log ---------------------------------------------------------------------------------


class MessageViewSet(ModelViewSet):
    model = Message
    name = "sendlog"
    icon = "list-ul"
    menu_label = gettext_lazy("Send log")
    add_to_admin_menu = False
    copy_view_enabled = False
    list_display = [
        DateColumn("claimed_at", label=gettext_lazy("Date")),
        Column("kind", label=gettext_lazy("Kind"), accessor="get_kind_display"),
        Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
        Column("recipient", label=gettext_lazy("Recipient"), accessor="recipient"),
        "item_count",
        "smtp_code",
        "smtp_response",
    ]
    list_filter = ["status", "kind", "language"]
    form_fields = ["status"]

    def get_queryset(self, request):
        return Message.objects.select_related("subscriber")


# --- Embargo preview links ----------------------------------------------------------------


class PreviewLinkCreateForm(WagtailAdminModelForm):
    send_email = forms.BooleanField(
        label=gettext_lazy("E-mail the link to the journalist"), required=False
    )

    class Meta:
        model = PreviewLink
        fields = ["page", "journalist_name", "outlet", "email", "expires_at"]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.user = for_user
        releases = embargo.embargoed_releases(for_user)
        field = self.fields["page"]
        field.queryset = news_listings.press_releases().filter(pk__in=[p.pk for p in releases])
        field.label_from_instance = self.release_label
        field.help_text = _("Press releases under embargo that you may publish.")
        self.fields["expires_at"].required = False
        self.fields["expires_at"].help_text = _("By default, the end of the embargo plus one day.")

    @staticmethod
    def release_label(page):
        end = embargo.embargo_end(page)
        until = timezone.localtime(end).strftime("%d/%m/%Y %H:%M") if end else ""
        return f"{page.title} ({page.locale.language_code}, {until})"

    def clean(self):
        data = super().clean()
        page = data.get("page")
        if page is None:
            return data
        if not embargo.may_link(self.user, page):
            raise ValidationError(_("You may not give out a preview of this page."))
        if not data.get("expires_at"):
            data["expires_at"] = embargo.default_expiry(page)
        if data["expires_at"] <= timezone.now():
            self.add_error("expires_at", _("Choose a time in the future."))
        return data


class PreviewLinkEditForm(WagtailAdminModelForm):
    revoke = forms.BooleanField(
        label=gettext_lazy("Revoke the link: it stops working at once"), required=False
    )

    class Meta:
        model = PreviewLink
        fields = ["expires_at"]

    def save(self, commit=True):
        link = super().save(commit=False)
        if self.cleaned_data.get("revoke") and link.revoked_at is None:
            link.revoked_at = timezone.now()
        if commit:
            link.save()
        return link


def _may_manage(user, link):
    """Press and national team, for the links of the pages ``user`` may publish."""
    return (
        user.has_perm(embargo.CREATE_PERMISSION)
        and link.page.permissions_for_user(user).can_publish()
    )


def _linkable(user):
    """The preview links of the pages ``user`` may publish."""
    if not user.has_perm(embargo.CREATE_PERMISSION):
        return PreviewLink.objects.none()
    links = PreviewLink.objects.select_related("page", "page__locale", "created_by")
    return links.filter(pk__in=[link.pk for link in links if _may_manage(user, link)])


class ConfinedLinkMixin:
    """A view of one link (edit, history, usage, delete): refused for a link to a page the
    user may not publish, as the list leaves it out."""

    def get_object(self, *args, **kwargs):
        link = super().get_object(*args, **kwargs)
        if not _may_manage(self.request.user, link):
            raise PermissionDenied
        return link


class PreviewLinkIndexView(IndexView):
    def get_base_queryset(self):
        return (
            _linkable(self.request.user)
            .annotate(opening_count=Count("openings"), last_opened=Max("openings__opened_at"))
            .order_by("-created_at")
        )


class PreviewLinkCreateView(CreateView):
    def get_initial(self):
        initial = super().get_initial()
        if self.request.GET.get("page"):
            initial["page"] = self.request.GET["page"]
        return initial

    def save_instance(self):
        link = self.form.save(commit=False)
        link.created_by = self.request.user
        link.save()
        if self.form.cleaned_data.get("send_email"):
            language = link.page.locale.language_code
            message = mail.preview_link(
                link, embargo.preview_url(link), language, embargo.embargo_end(link.page)
            )
            message.send()
            link.emailed_at = timezone.now()
            link.save(update_fields=["emailed_at"])
        return link

    def get_success_message(self, instance):
        text = _("Preview link for %(name)s: %(url)s") % {
            "name": instance.journalist_name,
            "url": embargo.preview_url(instance),
        }
        if instance.emailed_at:
            text += " " + _("(sent to %(email)s)") % {"email": instance.email}
        return text


class PreviewLinkEditView(ConfinedLinkMixin, EditView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["preview_url"] = embargo.preview_url(self.object)
        context["openings"] = self.object.openings.all()[:50]
        return context


class PreviewLinkHistoryView(ConfinedLinkMixin, HistoryView):
    pass


class PreviewLinkUsageView(ConfinedLinkMixin, UsageView):
    pass


class PreviewLinkDeleteView(ConfinedLinkMixin, DeleteView):
    pass


class PreviewLinkViewSet(ModelViewSet):
    model = PreviewLink
    name = "previewlinks"
    icon = "view"
    menu_label = gettext_lazy("Embargo preview links")
    add_to_admin_menu = False
    copy_view_enabled = False
    index_view_class = PreviewLinkIndexView
    add_view_class = PreviewLinkCreateView
    edit_view_class = PreviewLinkEditView
    history_view_class = PreviewLinkHistoryView
    usage_view_class = PreviewLinkUsageView
    delete_view_class = PreviewLinkDeleteView
    edit_template_name = "subscriptions/admin/preview_link_edit.html"
    list_display = [
        "journalist_name",
        "outlet",
        Column("page", label=gettext_lazy("Press release"), accessor="page"),
        DateColumn("expires_at", label=gettext_lazy("Expires")),
        Column("status", label=gettext_lazy("State"), accessor="state_label"),
        Column("opening_count", label=gettext_lazy("Openings")),
        DateColumn("last_opened", label=gettext_lazy("Last opened")),
    ]

    def get_form_class(self, for_update=False):
        return PreviewLinkEditForm if for_update else PreviewLinkCreateForm


class SubscriptionsViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("Subscriptions")
    menu_icon = "mail"
    menu_order = 250
    items = (SubscriberViewSet, MessageViewSet, PreviewLinkViewSet)


# --- The coordinators' dashboard -------------------------------------------------------------


class RegionSubscribersPanel(Component):
    """How many active subscribers follow each of the coordinator's regions (no address)."""

    template_name = "subscriptions/admin/region_subscribers.html"

    def __init__(self, regions):
        self.regions = regions

    def get_context_data(self, parent_context):
        seen, rows = set(), []
        for region in self.regions:
            if region.translation_key in seen:
                continue
            seen.add(region.translation_key)
            active = Subscriber.objects.filter(state=SubscriberState.ACTIVE)
            rows.append({"region": region, "count": active.following_region(region).count()})
        return {"rows": rows}
