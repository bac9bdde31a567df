"""The contact form's builder: the editor's fields plus the site's honeypot (``core.forms``)."""

from wagtail.contrib.forms.forms import FormBuilder

from core.forms import HONEYPOT, honeypot_field


class ContactFormBuilder(FormBuilder):
    """The editor's fields plus a honeypot: hidden from people by CSS, filled in by bots."""

    @property
    def formfields(self):
        fields = super().formfields
        fields[HONEYPOT] = honeypot_field()
        return fields
