"""Admin hooks of the bottom layer: the translation rules' per-row facts read with the
listings that test every row's permissions (the explorer and the page chooser)."""

from wagtail import hooks

from core.permissions import with_translation_flags


@hooks.register("construct_explorer_page_queryset")
def explorer_rows_know_their_translations(parent_page, pages, request):
    return with_translation_flags(pages)


@hooks.register("construct_page_chooser_queryset")
def chooser_rows_know_their_translations(pages, request):
    return with_translation_flags(pages)
