"""Paginating a listing from the ``page`` GET parameter, without an error page.

A page number that is not a number (or below 1) gives no page and a message; a number past
the end shows the last page (``Paginator.get_page``). Each listed page gets its region
(``core.tree.attach_regions``: one query for the whole page of items).
"""

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from core.tree import attach_regions


def paginate(request, items, per_page):
    """A page of ``items`` and an error message (or None) for the ``page`` parameter."""
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except ValueError:
        number = 0
    if number < 1:
        return None, _("This page number does not exist.")
    page_obj = Paginator(items, per_page).get_page(number)
    page_obj.object_list = attach_regions(page_obj.object_list)
    return page_obj, None
