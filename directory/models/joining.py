"""Joining the movement ("Adhérer"): a page with a fixed form, its requests kept as
Wagtail form submissions (listed and exported as CSV in the admin's Forms menu) and
e-mailed to the region's coordinators, or to the national team."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import FormMixin
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail.users.models import UserProfile

from core.blocks import BodyBlock
from core.forms import RATE_LIMIT_MESSAGE, caught_by_honeypot, over_rate_limit
from core.models import BasePage
from directory import moderation
from directory.choices import LegalForm
from directory.forms import JoinForm
from directory.sections import sections

logger = logging.getLogger(__name__)

#: The columns of a join request, in the admin's list and its CSV export.
DATA_FIELDS = [
    ("organisation", _("Organisation")),
    ("legal_form", _("Legal form")),
    ("region", _("Region")),
    ("contact_name", _("Contact person")),
    ("email", _("E-mail address")),
    ("message", _("Message")),
    ("consent", _("Agrees to be contacted")),
    ("language", _("Language")),
]


class JoinPage(FormMixin, BasePage):
    """The "Join the movement" page; the header's "Join" link leads here."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("why join"), blank=True)
    thank_you_text = RichTextField(
        _("thank-you message"), blank=True, features=["bold", "italic", "link"]
    )
    fallback_address = models.EmailField(
        _("copy to"),
        blank=True,
        help_text=_("An address that receives every request too (the national secretariat)."),
    )

    base_form_class = WagtailAdminPageForm

    content_panels = BasePage.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("thank_you_text"),
        FieldPanel("fallback_address"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("intro"), APIField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("join page")
        verbose_name_plural = _("join pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = sections(self.locale)
        return context

    # Wagtail's form pages: a fixed form instead of editor-built fields.
    def get_form_fields(self):
        return []

    def get_data_fields(self):
        return [("submit_time", _("Submission date")), *DATA_FIELDS]

    def get_form(self, *args, **kwargs):
        return JoinForm(*args, locale=self.locale, **kwargs)

    def process_form_submission(self, form):
        data = form.cleaned_data
        region = data.get("region")
        with translation.override(settings.LANGUAGE_CODE):
            record = {
                "organisation": data["organisation"],
                "legal_form": str(LegalForm(data["legal_form"]).label),
                "region": region.title if region else str(_("National, or abroad")),
                "contact_name": data["contact_name"],
                "email": data["email"],
                "message": data.get("message", ""),
                "consent": str(_("yes")) if data.get("consent") else str(_("no")),
                "language": translation.get_language_info(self.locale.language_code)["name_local"],
            }
        submission = self.get_submission_class().objects.create(form_data=record, page=self)
        self.send_notification(record, region)
        return submission

    def send_notification(self, record, region):
        """One e-mail per language of the recipients, answered to the applicant."""
        recipients = moderation.join_request_recipients(region)
        by_language = {}
        for user in recipients:
            language = UserProfile.get_for_user(user).get_preferred_language()
            by_language.setdefault(language, []).append(user.email)
        if self.fallback_address:
            by_language.setdefault(settings.LANGUAGE_CODE, []).append(self.fallback_address)
        for language, addresses in by_language.items():
            with translation.override(language):
                subject = _("Join request: %(organisation)s") % {
                    "organisation": record["organisation"]
                }
                body = render_to_string(
                    "directory/join_request_email.txt",
                    {"rows": [(label, record[name]) for name, label in DATA_FIELDS], "page": self},
                )
            message = EmailMessage(
                subject=str(subject),
                body=body,
                to=sorted(set(addresses)),
                reply_to=[record["email"]],
            )
            try:
                message.send()
            except OSError:  # the request is kept in the admin: a mail outage loses nothing
                logger.exception("join request: the notification could not be sent")

    def serve(self, request, *args, **kwargs):
        status = 200
        if request.method == "POST":
            form = self.get_form(request.POST)
            if over_rate_limit(request, scope="join-form"):
                form.is_valid()
                form.add_error(None, RATE_LIMIT_MESSAGE)
                status = 429
            elif form.is_valid():
                if caught_by_honeypot(form):
                    logger.info("join form: honeypot filled, request dropped")
                    submission = None
                else:
                    submission = self.process_form_submission(form)
                response = self.render_landing_page(request, submission, *args, **kwargs)
                add_never_cache_headers(response)
                return response
        else:
            form = self.get_form()
        context = self.get_context(request)
        context["form"] = form
        response = TemplateResponse(request, self.get_template(request), context, status=status)
        add_never_cache_headers(response)
        return response
