from wagtail import hooks

from core.hooks import DEMO_HOOK
from home.demo.translations import translate_demo


@hooks.register(DEMO_HOOK, order=1000)  # last: it translates the other steps' pages too
def add_english_translations(demo):
    """The demo in English, through wagtail-localize's translation records."""
    translate_demo(demo)
