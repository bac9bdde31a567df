"""The library lists, filters, counts its facets and pages in a fixed number of queries.

The same URLs (the library, filtered on every facet, a text query, page 2, a kind's feed,
the API listing) are counted with 3 publications, then with 300: the counts must be the
same, and equal to the pinned budget on SQLite. A card that fetches its document, its
cover's rendition, its themes or its region one by one makes the 300-item count grow.
The whole-response cache is off, and each URL is fetched once before counting (one-off
work: renditions, the site's root paths, the site chrome).
"""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from bench.sitebuilder import bulk_add_pages, bulk_set_themes
from library.factories import LibraryPageFactory, PdfDocumentFactory
from library.models import PublicationPage
from library.tasks import read_and_store
from tests.factories import ImageFactory

pytestmark = [pytest.mark.query_budget, pytest.mark.django_db, pytest.mark.search_index]

KINDS = ["study", "guide", "report", "observatory_note", "toolkit", "presentation"]
THEMES = ["training", "impact", "cooperation"]

#: Queries per URL, the same with 3 and with 300 publications (measured on SQLite).
BUDGET = {
    "library": 22,
    "library, every filter": 22,
    "library, text query": 23,
    "library, page 2": 22,
    "kind feed (RSS)": 7,
    "API listing": 10,
}


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.CACHE_MIDDLEWARE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0


class Shelf:
    """Adds publications to a library and to a region, numbering them as it goes."""

    def __init__(self, tree):
        self.tree = tree
        self.library = LibraryPageFactory(parent=tree.home)
        self.cover = ImageFactory(title="Couverture", size=(640, 360))
        self.documents = [
            PdfDocumentFactory(title=f"Document {n}", paragraphs=[f"Texte du document {n}."])
            for n in range(3)
        ]
        for document in self.documents:
            read_and_store(document.pk)
        self.count = 0

    def fill_to(self, total):
        numbers = range(self.count + 1, total + 1)

        def publication(n):
            return PublicationPage(
                title=f"Étude numéro {n}",
                slug=f"etude-{n}",
                kind=KINDS[n % len(KINDS)],
                date=datetime.date(2010, 1, 1) + datetime.timedelta(days=7 * n),
                publisher="Observatoire régional",
                authors="Dupont, Anne; Martin, Louis",
                summary=f"Résumé de l'étude {n} sur l'emploi.",
                document=self.documents[n % len(self.documents)],
                document_language="en" if n % 4 == 0 else "fr",
                cover=self.cover if n % 2 else None,
            )

        national = [publication(n) for n in numbers if n % 3]
        regional = [publication(n) for n in numbers if not n % 3]
        pages = bulk_add_pages(self.library, national, index=True)
        pages += bulk_add_pages(self.tree.region_a, regional, index=True)
        bulk_set_themes(pages, lambda page: THEMES[: 1 + page.pk % len(THEMES)])
        self.count = total


def urls(shelf):
    with translation.override("fr"):
        kind_feed = reverse("feeds:library_kind_rss", kwargs={"kind": "guide"})
    library = shelf.library.url
    return {
        "library": library,
        "library, every filter": (
            f"{library}?kind=observatory_note&theme=training&region={shelf.tree.region_a.slug}"
            "&year=2010&language=fr"
        ),
        # Ranked by the search backend, shown newest first: the page shown holds regional
        # publications and covers whatever the ranking of equal scores.
        # Ranked by the search backend, shown newest first: the page shown holds regional
        # publications and covers, whatever the order of equal scores.
        "library, text query": f"{library}?q=emploi&sort=date",
        "library, page 2": f"{library}?page=2",
        "kind feed (RSS)": kind_feed,
        "API listing": (
            "/api/v2/pages/?type=library.PublicationPage&locale=fr"
            "&fields=kind,date,authors,publisher,download,themes,cover&limit=20"
        ),
    }


def count_queries(client, pages):
    counts = {}
    for name, url in pages.items():
        assert client.get(url).status_code == 200, url  # one-off work happens here
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[name] = len(queries.captured_queries)
    return counts


def test_the_library_lists_filters_and_counts_in_a_fixed_number_of_queries(client, site_tree):
    shelf = Shelf(site_tree)
    shelf.fill_to(3)
    pages = urls(shelf)
    with_3 = count_queries(client, pages)

    shelf.fill_to(300)
    with_300 = count_queries(client, pages)
    # The listing, its facets and the API do show the 300 publications.
    listing = client.get(pages["library"]).text
    assert "300 publications" in listing
    assert "Étude numéro 300" in listing
    assert f"Étude ({sum(1 for n in range(1, 301) if n % 6 == 0)})" in listing
    # Observatory notes of the region, in French, of 2010: n = 3, 9, ..., 51.
    assert "9 publications" in client.get(pages["library, every filter"]).text
    assert "Étude numéro 288" in client.get(pages["library, page 2"]).text
    assert client.get(pages["API listing"]).json()["meta"]["total_count"] == 300
    assert "300 publications" in client.get(pages["library, text query"]).text

    assert with_300 == with_3, (with_3, with_300)
    if connection.vendor == "sqlite":
        assert with_3 == BUDGET, json.dumps(with_3, ensure_ascii=False)
