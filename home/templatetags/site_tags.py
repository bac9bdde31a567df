"""Template tags for what every page shows: navigation, footer, breadcrumbs, languages."""

from django import template
from django.utils.translation import get_language
from wagtail.models import Locale, Page

register = template.Library()


def _home_for_active_locale(request):
    """The home page of the active language, falling back to the default language's."""
    cache_attr = "_site_home_page"
    if request is not None and hasattr(request, cache_attr):
        return getattr(request, cache_attr)
    from home.models import HomePage

    homes = {h.locale.language_code: h for h in HomePage.objects.live().select_related("locale")}
    home = homes.get(get_language()) or homes.get(Locale.get_default().language_code)
    if home is None and homes:
        home = next(iter(homes.values()))
    if request is not None:
        setattr(request, cache_attr, home)
    return home


@register.simple_tag(takes_context=True)
def site_home(context):
    return _home_for_active_locale(context.get("request"))


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    request = context.get("request")
    home = _home_for_active_locale(request)
    items = []
    if home is not None:
        # An untranslated item (an alias of another language's page) carries its source's
        # language: the template marks its title with ``lang``.
        items = list(
            home.get_children().live().public().in_menu().select_related("alias_of__locale")
        )
    current = context.get("page")
    return {
        "request": request,
        "home": home,
        "items": items,
        "current_path": getattr(current, "path", ""),
    }


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context):
    from home.models import ContactPage, StandardPage

    home = _home_for_active_locale(context.get("request"))
    pages = []
    contact_page = None
    if home is not None:
        pages = (
            StandardPage.objects.child_of(home)
            .live()
            .public()
            .filter(show_in_footer=True)
            .select_related("alias_of__locale")
        )
        contact_page = (
            ContactPage.objects.child_of(home)
            .live()
            .public()
            .select_related("alias_of__locale")
            .first()
        )
    return {"pages": pages, "contact_page": contact_page}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": [], "page": page, "request": request}
    # Titles and URLs only: plain pages, one query whatever the depth.
    ancestors = page.get_ancestors().filter(depth__gte=2).select_related("alias_of__locale")
    return {"ancestors": ancestors, "page": page, "request": request}
