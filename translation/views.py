"""wagtail-localize's views, behind the translation rights of ``core.permissions``.

wagtail-localize lets anyone with its one global permission submit or sync a translation
into any language, and checks snippets by model only. Each view here is wagtail-localize's
own, routed at the same address (``wagtail_hooks.py``) with the check it lacks: the
languages a user may translate an object into, and edit rights on a translation's target
(a page's permission tester, a snippet's permission policy) for every view that reads or
writes one.
"""

import functools
import logging

import requests
from django import forms
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Locale, Page
from wagtail.permissions import policy_registry
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation, snippets_api, submit_translations
from wagtail_localize.views import update_translations as localize_update

from core.i18n import refresh_source
from core.permissions import may_translate


def may_edit_target(user, translation):
    """Whether the user may edit the object a translation writes into."""
    try:
        instance = translation.get_target_instance()
    except ObjectDoesNotExist:
        return False
    if isinstance(instance, Page):
        return instance.specific_deferred.permissions_for_user(user).can_edit()
    policy = policy_registry.get_by_type(type(instance))
    return policy.user_has_permission_for_instance(user, "change", instance)


def may_publish_target(user, translation):
    instance = translation.get_target_instance()
    if isinstance(instance, Page):
        return instance.specific_deferred.permissions_for_user(user).can_publish()
    return may_edit_target(user, translation)


def translation_target_required(view):
    """A wagtail-localize view taking ``translation_id``, refused (403) unless the user may
    edit that translation's target."""

    @functools.wraps(view)
    def checked(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(Translation, pk=translation_id)
        if not may_edit_target(request.user, translation):
            raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    checked.translation_rights = True
    return checked


edit_string_translation = translation_target_required(edit_translation.edit_string_translation)
edit_override = translation_target_required(edit_translation.edit_override)
download_pofile = translation_target_required(edit_translation.download_pofile)
upload_pofile = translation_target_required(edit_translation.upload_pofile)
logger = logging.getLogger(__name__)


def _machine_translate(request, translation_id):
    """wagtail-localize's view; a translator that fails (refused key, no answer) gives the
    translator a message and leaves the strings as they were."""
    try:
        with transaction.atomic():
            return edit_translation.machine_translate(request, translation_id)
    except requests.RequestException as error:
        logger.warning("Machine translation failed: %s", error)
        messages.error(
            request,
            _("The machine translator did not translate anything: %(error)s")
            % {"error": error.__class__.__name__},
        )
        return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")


machine_translate = translation_target_required(_machine_translate)
preview_translation = translation_target_required(edit_translation.preview_translation)
stop_translation = translation_target_required(edit_translation.stop_translation)


# --- Submitting a translation ------------------------------------------------------------


class LanguagesMixin:
    """Only the languages the user may translate the object into are offered, and a form
    naming another is refused (the form's error, nothing saved)."""

    def allowed_locales(self, obj):
        """Every language but the object's own that the user may translate it into
        (wagtail-localize's form then leaves out those already translated)."""
        candidates = Locale.objects.exclude(pk=obj.locale_id)
        return [locale for locale in candidates if may_translate(self.request.user, obj, locale)]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            raise PermissionDenied
        self.allowed = self.allowed_locales(self.get_object())
        if not self.allowed:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        form = super().get_form()
        field = form.fields["locales"]
        field.queryset = field.queryset.filter(pk__in=[locale.pk for locale in self.allowed])
        if len(self.allowed) < 2:
            form.fields["select_all"].widget = forms.HiddenInput()
        return form

    def form_valid(self, form):
        obj = self.object
        if isinstance(obj, Page) and form.cleaned_data["include_subtree"]:
            user = self.request.user
            refused = [
                page
                for page in obj.get_descendants().specific()
                for locale in form.cleaned_data["locales"]
                if not may_translate(user, page, locale)
            ]
            if refused:
                form.add_error(
                    "include_subtree",
                    _("You may not translate every page below this one: %(title)s.")
                    % {"title": refused[0].get_admin_display_title()},
                )
                return self.render_to_response(self.get_context_data())
        return super().form_valid(form)


class SubmitPageTranslationView(LanguagesMixin, submit_translations.SubmitPageTranslationView):
    pass


class SubmitSnippetTranslationView(
    LanguagesMixin, submit_translations.SubmitSnippetTranslationView
):
    pass


# --- Syncing translations with their source ---------------------------------------------


class UpdateTranslationsForm(localize_update.UpdateTranslationsForm):
    def clean(self):
        cleaned = super().clean()
        if cleaned.get("use_machine_translation") and cleaned.get("publish_translations"):
            raise ValidationError(
                _(
                    "Machine translations are drafts: review them in the editor before "
                    "publishing. Untick one of the two options."
                )
            )
        return cleaned


class UpdateTranslationsView(localize_update.UpdateTranslationsView):
    """Syncs (and publishes, when asked) only the translations whose target the user may
    edit (publish); the others are left as they are."""

    template_name = "translation/update_translations.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            raise PermissionDenied
        source = self.get_object()
        self.allowed = [
            translation
            for translation in source.translations.filter(enabled=True).select_related(
                "source", "target_locale"
            )
            if may_edit_target(request.user, translation)
        ]
        if not self.allowed:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        return UpdateTranslationsForm(self.request.POST if self.request.method == "POST" else None)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        allowed = {translation.target_locale_id for translation in self.allowed}
        context["translations"] = [
            item for item in context["translations"] if item["locale"].pk in allowed
        ]
        return context

    @transaction.atomic
    def form_valid(self, form):
        refresh_source(self.object)
        user = self.request.user
        if form.cleaned_data.get("use_machine_translation"):
            translator = get_machine_translator()
            for translation in self.allowed:
                edit_translation.apply_machine_translation(translation.id, user, translator)
        for translation in self.allowed:
            try:
                if form.cleaned_data["publish_translations"] and may_publish_target(
                    user, translation
                ):
                    translation.save_target(user=user, publish=True)
                else:
                    translation.source.update_target_view_restrictions(translation.target_locale)
            except ValidationError:
                continue
        self.components.save(self.object, sources_and_translations={self.object: self.allowed})
        messages.success(self.request, self.get_success_message())
        return redirect(self.get_success_url() or self.get_default_success_url())


# --- What the editor reads -----------------------------------------------------------------


class SnippetViewSet(snippets_api.SnippetViewSet):
    """The snippets the translation editor offers, for those who may see that snippet type."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        policy = policy_registry.get_by_type(self.get_model())
        if not policy.user_has_any_permission(request.user, {"add", "change", "delete", "view"}):
            raise PermissionDenied
