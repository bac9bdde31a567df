"""The resource library through real requests: a phrase found only inside a PDF finds its
publication (on SQLite or PostgreSQL, and on the search engine when SEARCH_URL names one),
the library's filters and facets, bad filter values, the publication page, the API, the
sitemap, the key figures (chart, table, CSV) and the feeds with their enclosures.
"""

import csv
import datetime
import io
import json
import re

import feedparser
import pytest
from defusedxml import ElementTree
from django.urls import reverse
from django.utils import translation

from library.factories import (
    FiguresPageFactory,
    LibraryPageFactory,
    PdfDocumentFactory,
    PublicationPageFactory,
)
from library.tasks import read_and_store
from tests.factories import NewsPageFactory, build_site_tree
from tests.helpers import parse, result_items, rolled_back, search_url
from tests.search_engine import ENGINE, SEARCH_BACKENDS, engine_indexed

pytestmark = [pytest.mark.search_index]

#: On page 7 of the study's PDF, and nowhere else.
PHRASE = "vanniers du marais poitevin"
PAGES = [
    "Le département compte de nombreuses associations d'aide à domicile.",
    "Les coopératives agricoles structurent les filières locales.",
    "Les mutuelles de santé couvrent une large part des habitants.",
    "Les fondations soutiennent la recherche et la culture.",
    "Les sociétés commerciales de l'ESS restent peu nombreuses.",
    f"Les {PHRASE} ont fondé une coopérative pour vendre leurs paniers.",
    "Les collectivités peuvent s'appuyer sur ces résultats.",
]


def _library():
    site = build_site_tree()
    library = LibraryPageFactory(parent=site.home, intro="Études et guides.")
    study_pdf = PdfDocumentFactory(title="Étude du territoire (PDF)", paragraphs=PAGES)
    guide_pdf = PdfDocumentFactory(
        title="Training guide (PDF)", paragraphs=["How to train young social entrepreneurs."]
    )
    report_pdf = PdfDocumentFactory(
        title="Rapport Occitanie (PDF)", paragraphs=["Les achats entre structures."]
    )
    for document in (study_pdf, guide_pdf, report_pdf):
        read_and_store(document.pk)
    study = PublicationPageFactory(
        parent=library,
        title="Le poids de l'économie sociale dans le territoire",
        kind="study",
        date=datetime.date(2021, 5, 3),
        document=study_pdf,
        themes=["impact"],
        authors="Dupont, Anne; Martin, Louis",
        summary="Emplois et établissements de l'ESS.",
    )
    guide = PublicationPageFactory(
        parent=site.region_a,
        title="Former les entrepreneurs sociaux",
        kind="guide",
        date=datetime.date(2019, 2, 1),
        document=guide_pdf,
        document_language="en",
        themes=["training"],
        summary="Un guide pour les formateurs.",
    )
    report = PublicationPageFactory(
        parent=site.region_b,
        title="Les achats entre entrepreneurs sociaux",
        kind="report",
        date=datetime.date(2021, 9, 1),
        document=report_pdf,
        themes=["cooperation", "impact"],
        summary="Un rapport sur les flux d'affaires.",
    )
    study.related_publications.set([report])
    study.save_revision().publish()
    figures = FiguresPageFactory(
        parent=library,
        title="Chiffres clés",
        indicators=json.dumps(
            [
                {
                    "type": "indicator",
                    "value": {
                        "title": "Part de l'ESS dans l'emploi privé",
                        "unit": "%",
                        "source": "Observatoire régional, 2012",
                        "note": "",
                        "values": [
                            {"area": "Orne", "region": None, "year": 2012, "value": "14.6"},
                            {"area": "France", "region": None, "year": 2012, "value": "10.3"},
                            {
                                "area": "",
                                "region": site.region_a.pk,
                                "year": 2012,
                                "value": "9",
                            },
                        ],
                    },
                }
            ]
        ),
    )
    press_pdf = PdfDocumentFactory(title="Communiqué (PDF)", paragraphs=["Un communiqué."])
    NewsPageFactory(parent=site.press_room, title="Communiqué", kind="press_release", pdf=press_pdf)
    return site, library, study, guide, report, figures


@pytest.fixture(scope="module", params=SEARCH_BACKENDS)
def _module_library(request, django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        built = _library()
        if request.param == ENGINE:
            with engine_indexed(django_db_blocker):
                yield request.param, built
        else:
            yield request.param, built


@pytest.fixture
def library_site(_module_library, db):
    backend, (site, library, study, guide, report, figures) = _module_library
    return dict(
        backend=backend,
        site=site,
        library=library,
        study=study,
        guide=guide,
        report=report,
        figures=figures,
    )


def cards(response):
    return [a.get_text(strip=True) for a in parse(response).select(".card__title a")]


def test_a_phrase_found_only_inside_a_pdf_finds_its_publication(client, library_site):
    study = library_site["study"]
    # The phrase is on page 7 of the document and nowhere in the page's own fields.
    assert PHRASE not in study.summary + study.title
    assert study.number_of_pages == 8
    response = client.get(search_url("fr", q=f'"{PHRASE}"'))
    assert response.status_code == 200
    items = result_items(response)
    assert [item.select_one("h3 a")["href"] for item in items] == [study.url]
    excerpt = items[0].select_one(".search-result__excerpt")
    # The snippet quotes the matching passage of the document, the words marked.
    assert "vanniers" in excerpt.get_text() and "paniers" in excerpt.get_text()
    assert {mark.get_text().lower() for mark in excerpt.select("mark")} >= {"vanniers", "marais"}
    # The library's own keyword field finds it too.
    response = client.get(library_site["library"].url, {"q": "vanniers poitevin"})
    assert cards(response) == [study.title]


def test_the_search_page_offers_publications_as_a_type(client, library_site):
    response = client.get(search_url("fr", q="entrepreneurs sociaux", type="publication"))
    titles = {item.select_one("h3 a").get_text(strip=True) for item in result_items(response)}
    assert titles == {library_site["guide"].title, library_site["report"].title}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["report", "study", "guide"]),
        ({"kind": "guide"}, ["guide"]),
        ({"theme": "impact"}, ["report", "study"]),
        ({"region": "bretagne"}, ["guide"]),
        ({"region": "national"}, ["study"]),
        ({"year": "2021"}, ["report", "study"]),
        ({"language": "en"}, ["guide"]),
        ({"theme": "impact", "year": "2021", "sort": "date"}, ["report", "study"]),
        ({"q": "achats entre structures"}, ["report"]),
        ({"kind": "toolkit"}, []),
    ],
)
def test_library_filters(client, library_site, params, expected):
    response = client.get(library_site["library"].url, params)
    assert response.status_code == 200
    assert cards(response) == [library_site[name].title for name in expected]
    if not expected:
        assert parse(response).select_one(".listing-message")


def test_library_facets_count_what_each_choice_would_list(client, library_site):
    response = client.get(library_site["library"].url, {"theme": "impact"})
    page = parse(response)
    options = {
        (select["name"], option["value"]): option.get_text()
        for select in page.select(".listing-filters select")
        for option in select.select("option")
    }
    # Counted with the other filters (theme=impact), not the facet's own.
    assert options[("kind", "study")].endswith("(1)")
    assert options[("kind", "guide")].endswith("(0)")
    assert options[("region", "occitanie")].endswith("(1)")
    assert options[("year", "2021")].endswith("(2)")
    # The theme facet ignores its own filter: every theme shows its count.
    assert options[("theme", "training")].endswith("(1)")
    assert options[("theme", "impact")].endswith("(2)")


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "nope"},
        {"theme": "astrology"},
        {"region": "atlantis"},
        {"year": "1850"},
        {"year": "abc"},
        {"language": "klingon"},
        {"sort": "price"},
        {"page": "x"},
        {"page": "-3"},
    ],
)
def test_unknown_filter_values_give_an_empty_list_and_a_message(client, library_site, params):
    response = client.get(library_site["library"].url, params)
    assert response.status_code == 200
    assert cards(response) == []
    message = parse(response).select_one(".listing-message")
    assert message is not None and message.get_text(strip=True)


def test_a_page_past_the_end_shows_the_last_one(client, library_site):
    response = client.get(library_site["library"].url, {"page": "99"})
    assert len(cards(response)) == 3


def test_publication_page_shows_its_download_citation_and_facts(client, library_site):
    study = library_site["study"]
    response = client.get(study.url)
    assert response.status_code == 200
    page = parse(response)
    download = page.select_one(".publication .button")
    assert download["href"] == study.document.url
    assert download["type"] == "application/pdf"
    assert "PDF, " in download.get_text() and "Kio" in download.get_text()
    citation = page.select_one("#citation-text").get_text()
    assert citation.startswith("Dupont, Anne; Martin, Louis (2021). Le poids de l")
    assert citation.endswith(study.get_full_url())
    assert "8 pages" in page.select_one(".facts").get_text()
    assert page.select_one('a[rel~="license"]')["href"].startswith("https://creativecommons")
    assert library_site["report"].title in page.select_one(".related").get_text()
    # Feeds announced: the publication's kind and the whole library.
    alternates = [link["href"] for link in page.select('link[rel="alternate"]')]
    assert "/fr/feeds/library/kind/study/rss/" in alternates


def test_english_document_is_marked_with_its_language(client, library_site):
    page = parse(client.get(library_site["library"].url, {"language": "en"}))
    assert page.select_one(".card__actions a")["hreflang"] == "en"


def test_api_lists_publications_with_their_download(client, library_site):
    response = client.get(
        "/api/v2/pages/",
        {
            "type": "library.PublicationPage",
            "locale": "fr",
            "fields": "kind,date,authors,publisher,document_language,themes,download,"
            "number_of_pages,licence,citation",
        },
    )
    assert response.status_code == 200
    items = {item["title"]: item for item in response.json()["items"]}
    study = items[library_site["study"].title]
    assert study["kind"] == "study" and study["themes"] == ["impact"]
    assert study["download"]["url"] == f"http://testserver{library_site['study'].document.url}"
    assert study["download"]["format"] == "PDF"
    assert study["download"]["size"] == library_site["study"].document.file_size > 0
    assert study["download"]["content_type"] == "application/pdf"
    assert study["number_of_pages"] == 8
    assert study["citation"].startswith("Dupont, Anne; Martin, Louis (2021).")
    assert items[library_site["guide"].title]["document_language"] == "en"


def test_sitemap_lists_the_library_and_its_publications(client, library_site):
    content = client.get("/sitemap.xml").content.decode()
    for name in ("library", "study", "guide", "report", "figures"):
        assert library_site[name].url in content, name


def test_key_figures_as_a_chart_a_table_and_csv(client, library_site):
    figures = library_site["figures"]
    response = client.get(figures.url)
    assert response.status_code == 200
    page = parse(response)
    chart = page.select_one("svg.chart")
    assert chart["role"] == "img"
    label = chart["aria-label"]
    assert "Part de l'ESS dans l'emploi privé" in label and "Orne" in label
    assert len(chart.select("rect.chart__bar")) == 3
    assert "style" not in str(chart)
    rows = [
        [cell.get_text(strip=True) for cell in row.select("th, td")]
        for row in page.select(".indicator tbody tr")
    ]
    assert rows == [
        ["Orne", "2012", "14,6"],
        ["France", "2012", "10,3"],
        ["Bretagne", "2012", "9"],
    ]
    # As the source gives it: one decimal, in French.
    assert page.select_one(".key-figure__number").get_text(strip=True).startswith("14,6")
    assert "14,60" not in str(page)

    download = client.get(figures.csv_url)
    assert download["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in download["Content-Disposition"]
    lines = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
    assert len(lines) == 4
    assert lines[1] == [
        "Part de l'ESS dans l'emploi privé",
        "Orne",
        "2012",
        "14.6",
        "%",
        "Observatoire régional, 2012",
    ]
    assert lines[3][1] == "Bretagne"


ATOM = "{http://www.w3.org/2005/Atom}"
MIME_TYPE = re.compile(r"^[a-z]+/[a-z0-9.+-]+$")


def feed_problems(content):
    """What RSS 2.0 and Atom (RFC 4287) require of a feed and of its enclosures, checked on
    the XML itself (feedvalidator, the reference validator, is not packaged for Python 3)."""
    root = ElementTree.fromstring(content)
    problems = []

    def need(element, path, where):
        found = element.find(path)
        if found is None or not ((found.text or "").strip() or found.attrib):
            problems.append(f"{where}: no {path}")

    def enclosure_problems(url, length, mime, where):
        if not (url or "").startswith(("http://", "https://")):
            problems.append(f"{where}: enclosure URL {url!r} is not absolute")
        if not (length or "").isdigit() or int(length) == 0:
            problems.append(f"{where}: enclosure length {length!r}")
        if not MIME_TYPE.match(mime or ""):
            problems.append(f"{where}: enclosure type {mime!r}")

    if root.tag == "rss":
        if root.get("version") != "2.0":
            problems.append("rss: version is not 2.0")
        channel = root.find("channel")
        for path in ("title", "link", "description"):
            need(channel, path, "channel")
        for item in channel.findall("item"):
            where = f"item {item.findtext('title')!r}"
            need(item, "title", where)
            need(item, "guid", where)
            enclosures = item.findall("enclosure")
            if len(enclosures) > 1:
                problems.append(f"{where}: RSS 2.0 allows one enclosure")
            for enclosure in enclosures:
                enclosure_problems(*map(enclosure.get, ("url", "length", "type")), where)
    elif root.tag == f"{ATOM}feed":
        for path in ("id", "title", "updated", f"author/{ATOM}name"):
            need(root, ATOM + path, "feed")
        for entry in root.findall(f"{ATOM}entry"):
            where = f"entry {entry.findtext(ATOM + 'title')!r}"
            for path in ("id", "title", "updated"):
                need(entry, ATOM + path, where)
            if entry.find(f"{ATOM}link[@rel='alternate']") is None:
                problems.append(f"{where}: no alternate link")
            for link in entry.findall(f"{ATOM}link[@rel='enclosure']"):
                enclosure_problems(*map(link.get, ("href", "length", "type")), where)
    else:
        problems.append(f"not a feed: {root.tag}")
    return problems


def feed(client, name, **kwargs):
    with translation.override("fr"):
        url = reverse(f"feeds:{name}", kwargs=kwargs)
    response = client.get(url)
    assert response.status_code == 200, url
    assert not feed_problems(response.content), feed_problems(response.content)
    return feedparser.parse(response.content)


@pytest.mark.parametrize(
    ("name", "kwargs", "expected"),
    [
        ("library_rss", {}, ["report", "study", "guide"]),
        ("library_atom", {}, ["report", "study", "guide"]),
        ("library_kind_rss", {"kind": "guide"}, ["guide"]),
        ("library_kind_atom", {"kind": "study"}, ["study"]),
        ("library_theme_rss", {"code": "impact"}, ["report", "study"]),
        ("library_theme_atom", {"code": "cooperation"}, ["report"]),
    ],
)
def test_library_feeds_carry_each_document_as_an_enclosure(
    client, library_site, name, kwargs, expected
):
    parsed = feed(client, name, **kwargs)
    assert not parsed.bozo, parsed.bozo_exception
    assert [entry.title for entry in parsed.entries] == [
        library_site[key].title for key in expected
    ]
    for entry, key in zip(parsed.entries, expected, strict=True):
        document = library_site[key].document
        (enclosure,) = entry.enclosures
        assert enclosure.href == f"http://testserver{document.url}"
        assert int(enclosure.length) == document.file_size
        assert enclosure.type == "application/pdf"
    if name.endswith("atom"):
        assert parsed.feed.author == "Mouvement ESS"
        assert all(entry.get("author") for entry in parsed.entries)


def test_the_feed_check_finds_a_broken_enclosure_and_a_missing_author():
    rss = (
        b'<rss version="2.0"><channel><title>T</title><link>http://x/</link>'
        b"<description>D</description><item><title>I</title><guid>1</guid>"
        b'<enclosure url="/doc.pdf" length="" type="application/pdf"/></item></channel></rss>'
    )
    assert feed_problems(rss) == [
        "item 'I': enclosure URL '/doc.pdf' is not absolute",
        "item 'I': enclosure length ''",
    ]
    atom = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><id>x</id><title>T</title>'
        b"<updated>2024-01-01T00:00:00Z</updated></feed>"
    )
    assert feed_problems(atom) == [
        "feed: no {http://www.w3.org/2005/Atom}author/{http://www.w3.org/2005/Atom}name"
    ]


def test_press_feeds_carry_their_releases_pdfs(client, library_site):
    for name in ("press_rss", "press_atom"):
        parsed = feed(client, name)
        (entry,) = parsed.entries
        (enclosure,) = entry.enclosures
        assert enclosure.type == "application/pdf" and int(enclosure.length) > 1000
        assert enclosure.href.startswith("http://testserver/documents/")
    assert feed(client, "news_atom").feed.author == "Mouvement ESS"


def test_unknown_kind_or_theme_feed_is_a_404(client, library_site):
    assert client.get("/fr/feeds/library/kind/poem/rss/").status_code == 404
    assert client.get("/fr/feeds/library/theme/astrology/atom/").status_code == 404
