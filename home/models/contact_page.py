import logging

from django.db import models
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from core.forms import RATE_LIMIT_MESSAGE, caught_by_honeypot, over_rate_limit
from core.models import BasePage
from home.forms import ContactFormBuilder

logger = logging.getLogger(__name__)


class ContactFormField(AbstractFormField):
    page = ParentalKey("home.ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactPage(AbstractEmailForm, BasePage):
    """The contact page: a form built by editors, kept in the admin and e-mailed."""

    intro = models.TextField(_("introduction"), blank=True)
    thank_you_text = RichTextField(
        _("thank-you message"), blank=True, features=["bold", "italic", "link"]
    )

    form_builder = ContactFormBuilder

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail notification"),
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")

    def sidebar_links(self):
        """The regions and the press room, for the "other ways to reach us" box."""
        sections = {
            child.content_type.model: child
            for child in self.get_parent()
            .get_children()
            .live()
            .public()
            .select_related("content_type")
        }
        return {
            "regions_index": sections.get("regionindexpage"),
            "press_room": sections.get("pressroompage"),
        }

    def serve(self, request, *args, **kwargs):
        status = 200
        if request.method == "POST":
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            if over_rate_limit(request):
                form.is_valid()
                form.add_error(None, RATE_LIMIT_MESSAGE)
                status = 429
            elif form.is_valid():
                if caught_by_honeypot(form):
                    logger.info("contact form: honeypot filled, message dropped")
                    response = self.render_landing_page(request, None, *args, **kwargs)
                else:
                    submission = self.process_form_submission(form)
                    response = self.render_landing_page(request, submission, *args, **kwargs)
                add_never_cache_headers(response)
                return response
        else:
            form = self.get_form(page=self, user=request.user)
        context = self.get_context(request)
        context["form"] = form
        context.update(self.sidebar_links())
        response = TemplateResponse(request, self.get_template(request), context, status=status)
        add_never_cache_headers(response)
        return response
