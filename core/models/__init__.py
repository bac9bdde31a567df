"""Abstract pages and the theme vocabulary (the one concrete model: ``Theme``)."""

from .pages import BasePage, IndexPage, LocalizedPageQuerySet
from .themes import THEME_SHORT_LABELS, Theme, ThemeCode, ThemeCodesField, ThemedPageMixin

__all__ = [
    "THEME_SHORT_LABELS",
    "BasePage",
    "IndexPage",
    "LocalizedPageQuerySet",
    "Theme",
    "ThemeCode",
    "ThemeCodesField",
    "ThemedPageMixin",
]
