"""The directory's demo step (``load_demo_content``)."""

from wagtail import hooks

from core.hooks import DEMO_HOOK, DEMO_TEXTS_HOOK
from directory.demo import english
from directory.demo.build import build


@hooks.register(DEMO_HOOK)
def add_directory(demo):
    """The directory, the project bank, the join page, 44 organisations, 12 projects, and
    their English translations."""
    build(demo)


@hooks.register(DEMO_TEXTS_HOOK)
def directory_demo_texts():
    return english.texts()
