"""The project bank: projects looking for funding, partners, volunteers or expertise, and
the public form through which an organisation proposes one (a draft, moderated)."""

import logging

from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import BodyBlock
from core.forms import RATE_LIMIT_MESSAGE, caught_by_honeypot, over_rate_limit
from core.fragments import lazy_items, once
from core.models import BasePage, IndexPage, ThemedPageMixin
from directory import filters, proposals
from directory.choices import NEED_FIELDS, ProjectNeed, ProjectStatus
from directory.forms import ProjectProposalForm
from directory.querysets import NeedsField, ProjectQuerySet
from directory.sections import sections

logger = logging.getLogger(__name__)


class ProjectBankPage(IndexPage):
    """The project bank ("Banque de projets"): every project of the site, filtered;
    national projects are its children, with the page of the proposal form."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["directory.ProjectPage", "directory.ProjectProposalPage"]

    class Meta:
        verbose_name = _("project bank")
        verbose_name_plural = _("project banks")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only if the template's fragments render (``core.fragments``).
        context.update(
            lazy_items(
                lambda: filters.project_listing(request, self.locale, ProjectPage.objects, self),
                filters.listing_names("projects"),
            )
        )
        context["proposal_page"] = once(
            lambda: ProjectProposalPage.objects.child_of(self).live().public().first()
        )
        context["sections"] = once(lambda: sections(self.locale))
        return context


def _need_field(need):
    return models.BooleanField(ProjectNeed(need).label, default=False)


class ProjectPage(ThemedPageMixin, BasePage):
    """A project of an organisation, looking for partners of some kind."""

    organisation = models.ForeignKey(
        "directory.OrganisationPage",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
    )
    organisation_name = models.CharField(
        _("organisation's name"),
        max_length=200,
        blank=True,
        help_text=_("For an organisation not in the directory."),
    )
    summary = models.TextField(_("summary"))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    needs_funding = _need_field("funding")
    needs_partners = _need_field("partners")
    needs_volunteers = _need_field("volunteers")
    needs_expertise = _need_field("expertise")
    amount_sought = models.PositiveIntegerField(_("amount sought (euros)"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ProjectStatus.choices, default=ProjectStatus.OPEN
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Who proposed it through the public form: for the moderators, never shown on the site.
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)

    objects = PageManager.from_queryset(ProjectQuerySet)()

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("organisation_name")]),
        FieldPanel("summary"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel(field) for field in NEED_FIELDS.values()]),
                FieldRowPanel(
                    [FieldPanel("amount_sought"), FieldPanel("status"), FieldPanel("deadline")]
                ),
            ],
            heading=_("What it looks for"),
        ),
        FieldPanel("body"),
        FieldPanel("document"),
        *ThemedPageMixin.theme_panels,
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email")],
            heading=_("Proposed by (not shown on the site)"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("organisation_name"),
        index.FilterField("status"),
        index.FilterField("themes"),
    ]
    api_fields = [
        APIField("organisation"),
        APIField("organisation_name"),
        APIField("summary"),
        ThemedPageMixin.theme_api_field,
        APIField("region_slug"),
        APIField("needs", serializer=NeedsField(read_only=True)),
        APIField("amount_sought"),
        APIField("status"),
        APIField("deadline"),
        APIField("image"),
        APIField("document"),
        APIField("body"),
    ]
    # Names of people and organisations are the same in every language.
    override_translatable_fields = [
        SynchronizedField("themes"),
        SynchronizedField("organisation_name"),
        SynchronizedField("contact_name"),
    ]

    parent_page_types = ["directory.ProjectBankPage", "regions.RegionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def clean(self):
        super().clean()
        if self.organisation_id is None and not self.organisation_name:
            raise ValidationError({"organisation": _("Choose the organisation, or give its name.")})

    @property
    def needs(self):
        """What the project looks for: need codes, in their order."""
        return [need for need, field in NEED_FIELDS.items() if getattr(self, field)]

    def get_needs_display(self):
        return [ProjectNeed(need).label for need in self.needs]

    @property
    def organisation_title(self):
        return self.organisation.title if self.organisation_id else self.organisation_name

    @property
    def region_slug(self):
        region = self.region
        return region.slug if region is not None else None

    @property
    def document_is_public(self):
        return proposals.is_public_document(self.document)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = once(lambda: sections(self.locale))
        return context


class ProjectProposalPage(BasePage):
    """The public "propose a project" form: each proposal becomes a draft project under its
    region (or the project bank), sent to the project moderation workflow."""

    intro = models.TextField(_("introduction"), blank=True)
    thank_you_text = RichTextField(
        _("thank-you message"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("thank_you_text"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["directory.ProjectBankPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("project proposal form")
        verbose_name_plural = _("project proposal forms")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = once(lambda: sections(self.locale))
        return context

    def serve(self, request, *args, **kwargs):
        status = 200
        form = ProjectProposalForm(locale=self.locale)
        if request.method == "POST":
            form = ProjectProposalForm(request.POST, request.FILES, locale=self.locale)
            if over_rate_limit(request, scope="project-proposal"):
                form.is_valid()
                form.add_error(None, RATE_LIMIT_MESSAGE)
                status = 429
            elif form.is_valid():
                if caught_by_honeypot(form):
                    logger.info("project proposal: honeypot filled, proposal dropped")
                    project = None
                else:
                    project = proposals.submit(self, form.cleaned_data, ProjectPage)
                context = self.get_context(request)
                context["project"] = project
                response = TemplateResponse(
                    request, "directory/project_proposal_page_landing.html", context
                )
                add_never_cache_headers(response)
                return response
        context = self.get_context(request)
        context["form"] = form
        response = TemplateResponse(request, self.get_template(request), context, status=status)
        add_never_cache_headers(response)
        return response
