"""The home page, standard pages and the contact page (their base is ``core.models``)."""

from .contact_page import ContactFormField, ContactPage
from .home_page import HomePage
from .standard_page import StandardPage

__all__ = [
    "ContactFormField",
    "ContactPage",
    "HomePage",
    "StandardPage",
]
