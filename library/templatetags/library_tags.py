"""Template tags of the library: a download's label, a citation, a figure's value."""

from django import template
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from library.charts import format_value

register = template.Library()


@register.simple_tag
def download_label(document):
    """ "PDF, 2,1 Mo": the format and size a download button shows."""
    label = document.file_extension.upper()
    if document.file_size:
        return _("%(format)s, %(size)s") % {
            "format": label,
            "size": filesizeformat(document.file_size),
        }
    return label


@register.simple_tag(takes_context=True)
def citation(context, page):
    """The publication's citation line, with its absolute URL."""
    request = context.get("request")
    return page.citation_text(page.get_full_url(request) if request is not None else None)


@register.simple_tag
def figure_value(value):
    return format_value(value)
