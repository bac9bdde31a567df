"""``{% fragment "name" value... %}…{% endfragment %}``: a part of a page kept rendered.

The block renders once per generation of the site and per ``value``s (with the language,
scheme and host, and day: ``core.fragments.fragment_key``), for anonymous visitors; everything the
block reads must be named by ``name`` and the values (the page, the query string). The
first value names the object the block shows (``page.pk``); without one (an error page,
a view of its own) the block renders every time.
"""

from django import template
from django.utils.safestring import mark_safe

from core.fragments import cached_render

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, values):
        self.nodelist = nodelist
        self.name = name
        self.values = values

    def render(self, context):
        name = self.name.resolve(context)
        values = [value.resolve(context) for value in self.values]
        request = context.get("request")
        if values and values[0] in (None, ""):  # no page (an error page, a view): render
            return self.nodelist.render(context)
        return mark_safe(
            cached_render(request, name, values, lambda: self.nodelist.render(context))
        )


@register.tag("fragment")
def do_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("'fragment' takes a name and the values it varies on.")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )
