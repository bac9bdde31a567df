"""Page models of the site's frame: the home page and standard pages, and their base."""

from .base import BasePage, LocalizedPageQuerySet
from .contact_page import ContactFormField, ContactPage
from .home_page import HomePage
from .standard_page import StandardPage

__all__ = [
    "BasePage",
    "ContactFormField",
    "ContactPage",
    "HomePage",
    "LocalizedPageQuerySet",
    "StandardPage",
]
