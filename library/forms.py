"""The publication's admin form: a document or cover is chosen from the editor's own
collections.

Wagtail's choosers list only the collections an editor may choose from, but the page
form accepts any document or image key posted to it: a coordinator could attach another
region's (possibly private) document by its number. This form refuses a new choice the
editor may not make; a choice already saved on the page is kept as it is.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

CHOSEN_MEDIA = {
    "document": (
        get_document_model,
        _("You cannot use this document: it is in a collection you do not have access to."),
    ),
    "cover": (
        get_image_model,
        _("You cannot use this image: it is in a collection you do not have access to."),
    ),
}


class PublicationPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        user = getattr(self, "for_user", None)
        if user is None:
            return cleaned
        for name, (model, message) in CHOSEN_MEDIA.items():
            chosen = cleaned.get(name)
            if chosen is None or chosen.pk == getattr(self.instance, f"{name}_id"):
                continue
            policy = policy_registry.get_by_type(model())
            if not policy.user_has_permission_for_instance(user, "choose", chosen):
                self.add_error(name, message)
        return cleaned
