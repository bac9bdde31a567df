"""Paginating a listing from the ``page`` GET parameter, without an error page.

A page number that is not a number (or below 1) gives no page and a message; a number past
the end shows the last page (``Paginator.get_page``). Each listed page gets its region
(``core.tree.attach_regions``: one query for the whole page of items). The number of
items is counted once per change of the site (``remembered_count``): counting every
news item of a language costs 100 ms at 100,000 pages, and only a change alters it.
"""

import datetime

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from core.cache import remember
from core.tree import attach_regions


def remembered_count(items):
    """``items.count()``, kept until the next change (``core.cache.remember``), keyed by
    the query's SQL and parameters. Anything but a queryset, and a count that depends on
    the time of the request (upcoming events), is counted each time: its key would be
    new on every request."""
    if not isinstance(items, QuerySet):
        return items.count() if hasattr(items, "count") else len(items)
    try:
        sql, params = items.query.sql_with_params()
    except EmptyResultSet:  # a filter that can match nothing (``pk__in=[]``)
        return 0
    if any(isinstance(param, datetime.datetime) for param in params):
        return items.count()
    return remember(f"count:{items.db}:{sql}:{params!r}", items.count)


class RememberedCountPaginator(Paginator):
    """A paginator whose count of a queryset is ``remembered_count``."""

    @cached_property
    def count(self):
        if isinstance(self.object_list, QuerySet):
            return remembered_count(self.object_list)
        return super().count


def paginate(request, items, per_page):
    """A page of ``items`` and an error message (or None) for the ``page`` parameter."""
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except ValueError:
        number = 0
    if number < 1:
        return None, _("This page number does not exist.")
    page_obj = RememberedCountPaginator(items, per_page).get_page(number)
    page_obj.object_list = attach_regions(page_obj.object_list)
    return page_obj, None
