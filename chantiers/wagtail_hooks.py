from wagtail import hooks

from chantiers.models import ChantierPage
from core.hooks import LISTING_PAGES_HOOK


@hooks.register(LISTING_PAGES_HOOK)
def national_chantiers_of_language(page):
    """A national chantier page lists its theme's content from the whole site."""
    return ChantierPage.objects.live().national().filter(locale_id=page.locale_id)
