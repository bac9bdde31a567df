"""The directory of organisations through real requests: filters and facet counts, the
map, an organisation's page, bad input, the admin's coordinates check, the API, the
sitemap, search, structured data, and the key figures that count themselves."""

import copy
import json
import re
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from bench.sitebuilder import bulk_add_pages, bulk_set_themes
from directory.models import OrganisationPage, ProjectPage
from tests.factories import (
    EventPageFactory,
    JoinPageFactory,
    NewsPageFactory,
    OrganisationPageFactory,
    ProjectPageFactory,
    RegionPageFactory,
    build_directory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _module_directory(_module_site_tree, django_db_blocker):
    # Inside the module's transaction (``_module_site_tree``): rolled back with it.
    with django_db_blocker.unblock():
        return build_directory(_module_site_tree)


@pytest.fixture
def d(_module_directory, site_tree):
    return copy.deepcopy(_module_directory)


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def listed_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".card__title a")]


def option_labels(response, name):
    return {
        option["value"]: option.get_text(strip=True)
        for option in soup(response).select(f'select[name="{name}"] option')
    }


# --- Filters and facets -----------------------------------------------------------------


def test_the_directory_lists_every_organisation_by_name(client, d):
    response = client.get(d.directory.url)
    assert response.status_code == 200
    assert listed_titles(response) == [
        "CERES Lomé",
        "Fondation nationale d'amorçage",
        "Mesurer en Occitanie",
        "Mutuelle armoricaine",
        "Scop des Landes de Lanvaux",
    ]
    assert "5 organisations" in response.text


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"legal_form": "association"}, ["CERES Lomé", "Mesurer en Occitanie"]),
        ({"region": "bretagne"}, ["Mutuelle armoricaine", "Scop des Landes de Lanvaux"]),
        ({"region": "national"}, ["CERES Lomé", "Fondation nationale d'amorçage"]),
        ({"theme": "impact"}, ["Mesurer en Occitanie"]),
        ({"membership": "partner"}, ["CERES Lomé", "Fondation nationale d'amorçage"]),
        ({"region": "bretagne", "legal_form": "mutual"}, ["Mutuelle armoricaine"]),
        ({"region": "occitanie", "legal_form": "mutual"}, []),
    ],
)
def test_filters_combine(client, d, params, expected):
    response = client.get(d.directory.url, params)
    assert response.status_code == 200
    assert listed_titles(response) == expected
    if not expected:
        assert "Aucune organisation ne correspond à ces filtres." in response.text


def test_each_facet_counts_what_choosing_it_would_give(client, d):
    response = client.get(d.directory.url, {"region": "bretagne"})
    legal = option_labels(response, "legal_form")
    # The other facets are counted within Bretagne...
    assert legal["cooperative"] == "Coopérative (1)"
    assert legal["mutual"] == "Mutuelle (1)"
    assert legal["association"] == "Association (0)"
    # ... the region facet over every region, as choosing another would give.
    regions = option_labels(response, "region")
    assert regions["bretagne"] == "Bretagne (2)"
    assert regions["occitanie"] == "Occitanie (1)"
    assert regions["national"] == "National, ou à l'étranger (2)"
    themes = option_labels(response, "theme")
    assert themes["cooperation"].endswith("(1)") and themes["impact"].endswith("(0)")
    membership = option_labels(response, "membership")
    assert membership["member"] == "Adhérent (2)" and membership["partner"] == "Partenaire (0)"


@pytest.mark.search_index
def test_the_text_filter_goes_through_the_search_backend(client, d):
    directory = d.directory
    OrganisationPageFactory(
        parent=directory, title="Ressourcerie du littoral", description="Réemploi et réparation"
    )
    OrganisationPageFactory(parent=directory, title="Coopérative boulangère")
    response = client.get(directory.url, {"q": "réparations"})
    assert listed_titles(response) == ["Ressourcerie du littoral"]


@pytest.mark.parametrize(
    "params",
    [
        {"legal_form": "kolkhoze"},
        {"region": "atlantide"},
        {"theme": "astrology"},
        {"membership": "honorary"},
        {"page": "abc"},
        {"page": "-3"},
        {"q": "x" * 500},
    ],
)
def test_unknown_filter_values_give_an_empty_list_and_a_message(client, d, params):
    response = client.get(d.directory.url, params)
    assert response.status_code == 200
    assert listed_titles(response) == []
    message = soup(response).select_one("#directory-results .listing-message")
    assert message is not None and message["role"] == "status"
    assert message.get_text(strip=True) in (
        "Ces filtres ne sont pas valides : aucun contenu n’y correspond.",
        "Ce numéro de page n’existe pas.",
    )


def test_an_unknown_view_shows_the_list(client, d):
    response = client.get(d.directory.url, {"view": "<script>"})
    assert response.status_code == 200
    assert len(listed_titles(response)) == 5
    assert "<script>" not in response.text.split("<main", 1)[1]


def test_the_english_directory_speaks_english(client, d):
    from tests.factories import translate

    en_home = translate(d.tree.home)
    en_directory = translate(d.directory, slug="directory", title="Directory")
    translate(d.orgs.foundation, description="A national seed-funding foundation")
    response = client.get(en_directory.url, {"legal_form": "kolkhoze"})
    assert en_home.url == "/en/"
    assert "These filters are not valid: nothing matches them." in response.text
    response = client.get(en_directory.url)
    assert listed_titles(response) == ["Fondation nationale d'amorçage"]
    assert option_labels(response, "legal_form")["foundation"] == "Foundation (1)"


# --- Fixed queries at 3 and 300 organisations -------------------------------------------


def add_organisations(tree, directory, count, start):
    regional = bulk_add_pages(
        tree.region_a,
        [
            OrganisationPage(
                title=f"Organisation bretonne {n}",
                slug=f"bretonne-{n}",
                legal_form=["cooperative", "mutual", "association"][n % 3],
                membership="member" if n % 4 else "partner",
                town="Rennes",
                country="FR",
                latitude=Decimal("48.11") if n % 2 else None,
                longitude=Decimal("-1.68") if n % 2 else None,
            )
            for n in range(start, start + count)
        ],
    )
    national = bulk_add_pages(
        directory,
        [
            OrganisationPage(
                title=f"Organisation étrangère {n}",
                slug=f"etrangere-{n}",
                legal_form="foundation",
                membership="partner",
                country="SN",
                town="Dakar",
            )
            for n in range(start, start + count)
        ],
    )
    bulk_set_themes(regional + national, lambda page: ["training", "impact"])


def count_queries(client, url):
    assert client.get(url).status_code == 200  # one-off work (renditions, site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries), response


#: The directory's queries, the same at every size (pinned on SQLite): the page and its
#: frame, the regions of the filters, one grouped count per facet (4), then the page of
#: cards with their count, themes and regions (list) or the count and every match's point
#: (map), and the boxes that lead to the other sections.
DIRECTORY_QUERIES = {"list": 23, "list, filtered": 23, "map": 22, "map, filtered": 22}


def test_filters_and_facets_cost_the_same_queries_with_3_and_300_organisations(client, d, settings):
    settings.CACHE_MIDDLEWARE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0
    urls = {
        "list": d.directory.url,
        "list, filtered": d.directory.url + "?legal_form=cooperative&theme=training&page=2",
        "map": d.directory.url + "?view=map",
        "map, filtered": d.directory.url + "?view=map&membership=member&region=bretagne",
    }
    add_organisations(d.tree, d.directory, 3, 0)
    small = {name: count_queries(client, url)[0] for name, url in urls.items()}
    add_organisations(d.tree, d.directory, 297, 3)
    large = {}
    for name, url in urls.items():
        large[name], response = count_queries(client, url)
        if name == "list":
            assert "605 organisations" in response.text
    assert small == large, (small, large)
    if connection.vendor == "sqlite":
        assert small == DIRECTORY_QUERIES, json.dumps(small)


def add_projects(tree, count, start):
    """Regional projects (a page of national ones would spare the query for their regions)."""
    pages = bulk_add_pages(
        tree.region_a,
        [
            ProjectPage(
                title=f"Projet breton {n}",
                slug=f"projet-breton-{n}",
                summary=f"Résumé du projet {n}",
                organisation_name="Coopérative du coin",
                status=["open", "in_progress", "completed"][n % 3],
                needs_funding=bool(n % 2),
                needs_partners=not n % 2,
                needs_volunteers=n % 5 == 0,
                amount_sought=1000 * n if n % 2 else None,
            )
            for n in range(start, start + count)
        ],
    )
    bulk_set_themes(pages, lambda page: ["cooperation"])


#: The project bank's queries, the same at every size (pinned on SQLite): as the
#: directory's, with the bank's four facets (region, theme, need, status).
PROJECT_BANK_QUERIES = {"list": 24, "list, filtered": 24}


def test_the_project_banks_filters_cost_the_same_queries_with_3_and_300_projects(
    client, d, settings
):
    settings.CACHE_MIDDLEWARE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0
    urls = {
        "list": d.bank.url,
        "list, filtered": d.bank.url + "?status=open&need=partners&theme=cooperation",
    }
    add_projects(d.tree, 3, 0)
    for url in urls.values():  # one-off work that one listing's request does for the other
        client.get(url)
    small = {name: count_queries(client, url)[0] for name, url in urls.items()}
    add_projects(d.tree, 297, 3)
    for url in urls.values():
        client.get(url)
    large = {}
    for name, url in urls.items():
        large[name], response = count_queries(client, url)
        if name == "list":
            assert "300 projets" in response.text
    assert small == large, (small, large)
    if connection.vendor == "sqlite":
        assert small == PROJECT_BANK_QUERIES, json.dumps(small)


# --- The map ---------------------------------------------------------------------------


def test_the_map_lists_every_region_with_its_count_and_its_points(client, d):
    RegionPageFactory(parent=d.tree.region_index, title="Picardie", slug="picardie")
    response = client.get(d.directory.url, {"view": "map"})
    assert response.status_code == 200
    page = soup(response)
    svg = page.select_one("svg.france-map__svg")
    assert svg is not None and svg["role"] == "group"
    assert svg.select_one("title").get_text() == "Carte des organisations par région"
    areas = {a["data-map-key"]: a for a in svg.select("a.map-area")}
    assert areas["bretagne"]["aria-label"] == "Bretagne, 2 organisations"
    assert areas["occitanie"]["aria-label"] == "Occitanie, 1 organisation"
    assert areas["picardie"]["aria-label"] == "Picardie, 0 organisation"
    assert "map-area--density-0" in areas["picardie"]["class"]
    assert areas["bretagne"]["href"] == "?view=map&region=bretagne"
    # Points: organisations in France with coordinates, by their name and town.
    points = {a["aria-label"]: a["href"] for a in svg.select("a.map-point")}
    assert points == {
        "Mesurer en Occitanie, Toulouse": d.orgs.asso.url,
        "Scop des Landes de Lanvaux, Vannes": d.orgs.scop.url,
    }
    # Beside the map: each region's count, and the organisations abroad by country.
    region_list = page.select_one("ul.region-list").get_text(" ", strip=True)
    assert "Bretagne 2 organisations" in region_list
    assert "National, ou à l'étranger 2 organisations" in region_list
    abroad = page.select_one(".directory-abroad").get_text(" ", strip=True)
    assert "Togo" in abroad and "CERES Lomé" in abroad
    assert "2 organisations sans position sur cette carte figurent dans la liste." in response.text
    assert "style=" not in response.text


def test_the_map_follows_the_filters(client, d):
    response = client.get(d.directory.url, {"view": "map", "legal_form": "mutual"})
    svg = soup(response).select_one("svg.france-map__svg")
    assert svg.select("a.map-point") == []
    bretagne = svg.select_one('a[data-map-key="bretagne"]')
    assert bretagne["aria-label"] == "Bretagne, 1 organisation"
    assert bretagne["href"] == "?view=map&legal_form=mutual&region=bretagne"


# --- An organisation's page ------------------------------------------------------------


def test_an_organisations_page_shows_its_region_themes_projects_and_news(client, d):
    org = d.orgs.scop
    ProjectPageFactory(
        parent=d.tree.region_a, title="Un atelier partagé", organisation=org, themes=["cooperation"]
    )
    ProjectPageFactory(
        parent=d.tree.region_a, title="Projet d'un autre", organisation=d.orgs.mutual
    )
    body = [("paragraph", f'<p>Visite de la <a linktype="page" id="{org.pk}">Scop</a>.</p>')]
    NewsPageFactory(parent=d.tree.news_index, title="Reportage chez la Scop", body=body)
    NewsPageFactory(parent=d.tree.news_index, title="Sans rapport")
    response = client.get(org.url)
    assert response.status_code == 200
    page = soup(response)
    assert page.select_one("h1").get_text(strip=True) == org.title
    facts = page.select_one(".facts").get_text(" ", strip=True)
    assert "Bretagne" in facts and "Vannes" in facts
    assert "Coopération économique" in page.select_one(".meta-list").get_text(" ")
    projects = [
        a.get_text(strip=True) for a in page.select("#organisation-projects ~ * .card__title a")
    ]
    assert projects == ["Un atelier partagé"]
    news = [a.get_text(strip=True) for a in page.select("#organisation-news ~ * .card__title a")]
    assert news == ["Reportage chez la Scop"]
    # Its contact address only with its consent.
    assert "contact@" not in response.text
    org.contact_email, org.show_contact_email = "contact@scop.example.org", True
    org.save_revision().publish()
    assert 'href="mailto:contact@scop.example.org"' in client.get(org.url).text


def test_structured_data_marks_organisations_and_projects(client, d):
    project = ProjectPageFactory(
        parent=d.tree.region_a,
        title="Un atelier partagé",
        organisation=d.orgs.scop,
        needs_funding=True,
        amount_sought=12000,
    )

    def json_ld(url):
        scripts = soup(client.get(url)).select('script[type="application/ld+json"]')
        return [json.loads(script.string) for script in scripts]

    organisation = json_ld(d.orgs.scop.url)[0]
    assert organisation["@type"] == "Organization"
    assert organisation["name"] == "Scop des Landes de Lanvaux"
    assert organisation["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Vannes",
        "addressCountry": "FR",
    }
    assert organisation["geo"]["latitude"] == pytest.approx(47.658)
    assert organisation["memberOf"]["@type"] == "Organization"
    assert "email" not in organisation
    data = json_ld(project.url)[0]
    assert data["@type"] == "Project"
    assert data["parentOrganization"]["name"] == "Scop des Landes de Lanvaux"
    assert {need["name"] for need in data["seeks"]} == {"Financement", "Partenaires"}
    assert data["funding"]["amount"]["value"] == 12000


# --- The admin's check of coordinates ----------------------------------------------------


def organisation_form(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "legal_form": page.legal_form,
        "membership": page.membership,
        "description": page.description,
        "town": page.town,
        "postcode": page.postcode,
        "country": "FR",
        "latitude": str(page.latitude or ""),
        "longitude": str(page.longitude or ""),
        "website": "",
        "contact_email": "",
        "body": streamfield([]),
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    }
    data.update(changes)
    return nested_form_data(data)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"latitude": "95"}, "latitude", "Une latitude est comprise entre -90 et 90 degrés."),
        (
            {"longitude": "-181"},
            "longitude",
            "Une longitude est comprise entre -180 et 180 degrés.",
        ),
        (
            {"latitude": "47.6", "longitude": ""},
            "longitude",
            "Indiquez la latitude et la longitude, ou aucune des deux.",
        ),
    ],
)
def test_coordinates_out_of_range_are_refused_in_the_admin(client, d, changes, field, message):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(admin)
    org = d.orgs.scop
    response = client.post(f"/admin/pages/{org.pk}/edit/", organisation_form(org, **changes))
    assert response.status_code == 200
    assert message in response.content.decode().replace("&#x27;", "'")
    org.refresh_from_db()
    assert org.latitude == Decimal("47.658000") and org.longitude == Decimal("-2.760000")
    # A right pair is saved.
    response = client.post(
        f"/admin/pages/{org.pk}/edit/", organisation_form(org, latitude="47.5", longitude="-2.5")
    )
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.latitude == Decimal("47.5")


# --- API, sitemap, search -----------------------------------------------------------------


def test_the_api_exposes_organisations_with_their_fields_and_filters(client, d):
    fields = "legal_form,membership,themes,region_slug,town,country,latitude,longitude,public_email"
    payload = client.get(
        "/api/v2/pages/",
        {"type": "directory.OrganisationPage", "fields": fields, "order": "title"},
    ).json()
    assert payload["meta"]["total_count"] == 5
    ceres, _foundation, asso, _mutual, scop = payload["items"]
    assert ceres["country"] == "TG" and ceres["region_slug"] is None
    assert asso["region_slug"] == "occitanie" and asso["themes"] == ["impact"]
    assert scop["latitude"] == pytest.approx(47.658) and scop["public_email"] == ""

    def titles(**params):
        response = client.get(
            "/api/v2/pages/", {"type": "directory.OrganisationPage", "order": "title", **params}
        )
        assert response.status_code == 200, response.content
        return [item["title"] for item in response.json()["items"]]

    assert titles(region="bretagne") == ["Mutuelle armoricaine", "Scop des Landes de Lanvaux"]
    assert titles(legal_form="association") == ["CERES Lomé", "Mesurer en Occitanie"]
    assert titles(theme="cooperation") == ["Scop des Landes de Lanvaux"]
    assert titles(region="bretagne", theme="social_innovation") == ["Mutuelle armoricaine"]
    for params in ({"legal_form": "kolkhoze"}, {"theme": "astrology"}, {"region": "atlantide"}):
        response = client.get("/api/v2/pages/", {"type": "directory.OrganisationPage", **params})
        assert response.status_code == 400
        assert response.json()["message"]


def test_the_api_exposes_projects(client, d):
    ProjectPageFactory(
        parent=d.tree.region_b,
        title="Mesurer ensemble",
        organisation=d.orgs.asso,
        needs_expertise=True,
        needs_partners=False,
        status="in_progress",
    )
    payload = client.get(
        "/api/v2/pages/",
        {
            "type": "directory.ProjectPage",
            "fields": "organisation,needs,status,region_slug,amount_sought,deadline",
            "region": "occitanie",
            "status": "in_progress",
        },
    ).json()
    (project,) = payload["items"]
    assert project["needs"] == ["expertise"]
    assert project["organisation"]["title"] == "Mesurer en Occitanie"
    assert project["region_slug"] == "occitanie"
    assert "contact_email" not in project
    response = client.get(
        "/api/v2/pages/", {"type": "directory.ProjectPage", "fields": "contact_email"}
    )
    assert response.status_code == 400  # the proposer's address is never exposed


def test_the_sitemap_lists_organisations_and_projects(client, d):
    project = ProjectPageFactory(parent=d.tree.region_a, title="Un atelier partagé")
    draft = ProjectPageFactory(parent=d.tree.region_a, title="Proposé", publish=False)
    sitemap = client.get("/sitemap.xml").content.decode()
    for page in (d.directory, d.bank, d.orgs.scop, d.orgs.ceres, project):
        assert page.get_full_url() in sitemap
    assert draft.slug not in sitemap


@pytest.mark.search_index
def test_search_finds_organisations_and_projects_under_their_type(client, d):
    OrganisationPageFactory(
        parent=d.directory, title="Ressourcerie du littoral", description="Réemploi solidaire"
    )
    ProjectPageFactory(
        parent=d.tree.region_a, title="Une ressourcerie mobile", summary="Réemploi solidaire"
    )
    with translation.override("fr"):
        url = reverse("search")
    response = client.get(url, {"q": "réemploi"})
    assert response.status_code == 200
    facet = soup(response).get_text(" ", strip=True)
    assert "Organisation" in facet and "Projet" in facet
    only = client.get(url, {"q": "réemploi", "type": "organisation"})
    titles = [a.get_text(strip=True) for a in soup(only).select("ol[data-search-results] h3 a")]
    assert titles == ["Ressourcerie du littoral"]
    projects = client.get(url, {"q": "réemploi", "type": "project"})
    titles = [a.get_text(strip=True) for a in soup(projects).select("ol[data-search-results] h3 a")]
    assert titles == ["Une ressourcerie mobile"]


# --- Key figures and the header's join link -----------------------------------------------


def figures(response):
    return {
        li["data-metric"]: li.select_one(".key-figure__number").get_text(strip=True)
        for li in soup(response).select(".key-figure[data-metric]")
    }


def test_key_figures_count_themselves_and_follow_every_publication(client, d, settings):
    settings.CACHE_MIDDLEWARE_SECONDS = 300
    EventPageFactory(parent=d.tree.region_a, title="Atelier de l'année")
    ProjectPageFactory(parent=d.tree.region_a, title="Un atelier partagé")
    home = client.get(d.tree.home.url)
    assert figures(home) == {
        "regions": "2",
        "member_organisations": "3",
        "projects": "1",
        "events_this_year": "1",
    }
    assert "2 régions mobilisées" in home.text.replace("\n", " ").replace("  ", " ") or (
        "régions mobilisées" in home.text
    )
    assert client.get(d.tree.home.url)["X-Page-Cache"] == "hit"
    # A new member organisation is counted at once, through the page cache and the figures'.
    OrganisationPageFactory(parent=d.tree.region_b, title="Nouvelle coopérative")
    assert figures(client.get(d.tree.home.url))["member_organisations"] == "4"
    d.orgs.scop.unpublish()
    assert figures(client.get(d.tree.home.url))["member_organisations"] == "3"
    # A region counts its own.
    region = figures(client.get(d.tree.region_a.url))
    assert region == {"member_organisations": "1", "projects": "1", "events_this_year": "1"}


def test_editors_choose_the_figures_and_may_label_them(client, d):
    home = d.tree.home
    home.figures = [
        (
            "figures",
            {
                "title": "En chiffres",
                "figures": [
                    {
                        "metric": "regions",
                        "number": "",
                        "label": "régions mobilisées",
                        "source": "",
                    },
                    {"metric": "projects", "number": "", "label": "", "source": ""},
                    {"metric": "", "number": "1 325", "label": "entrepreneurs", "source": "CERES"},
                ],
            },
        )
    ]
    home.save_revision().publish()
    page = soup(client.get(home.url))
    items = [li.get_text(" ", strip=True) for li in page.select(".key-figure")]
    assert items == [
        "2 régions mobilisées",
        "0 projet dans la banque de projets",
        "1 325 entrepreneurs CERES",
    ]
    api = client.get(f"/api/v2/pages/{home.pk}/").json()
    assert api["key_figures"][0] == {
        "number": 2,
        "label": "régions mobilisées",
        "source": "",
        "metric": "regions",
    }


def test_the_header_links_to_the_join_page_on_every_page(client, d):
    join = JoinPageFactory(parent=d.tree.home)
    for url in (d.tree.home.url, d.directory.url, d.orgs.scop.url, d.tree.news_index.url, join.url):
        link = soup(client.get(url)).select_one(".site-header a.site-join")
        assert link is not None, url
        assert link["href"] == join.url
        assert link.get_text(strip=True) == "Adhérer"
    current = soup(client.get(join.url)).select_one(".site-header a.site-join")
    assert current["aria-current"] == "page"


def test_without_a_join_page_the_header_has_no_join_link(client, d):
    assert soup(client.get(d.tree.home.url)).select_one("a.site-join") is None
    assert re.search(r"site-join", client.get(d.directory.url).text) is None
