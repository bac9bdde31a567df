from wagtail import hooks

from core.hooks import DEMO_HOOK
from home.demo.translations import translate_demo


@hooks.register(DEMO_HOOK)
def add_english_translations(demo):
    """The demo in English, through wagtail-localize's translation records."""
    translate_demo(demo)
