"""Abstract pages, the theme vocabulary (``Theme``) and translation rights and freshness."""

from .pages import BasePage, IndexPage, LocalizedPageQuerySet
from .themes import THEME_SHORT_LABELS, Theme, ThemeCode, ThemeCodesField, ThemedPageMixin
from .translation import OutdatedTranslation, TranslationPermission

__all__ = [
    "THEME_SHORT_LABELS",
    "BasePage",
    "IndexPage",
    "LocalizedPageQuerySet",
    "OutdatedTranslation",
    "Theme",
    "ThemeCode",
    "ThemeCodesField",
    "ThemedPageMixin",
    "TranslationPermission",
]
