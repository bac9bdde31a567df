"""Page models of the site's frame: the home page and standard pages, and their base."""

from .base import BasePage, LocalizedPageQuerySet
from .home_page import HomePage
from .standard_page import StandardPage

__all__ = ["BasePage", "LocalizedPageQuerySet", "HomePage", "StandardPage"]
