"""The search page as a reader uses it: per-language URLs, results, facets, sorting,
pagination, promotions, popular searches, autocomplete and the zero-result page."""

import datetime
import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from tests.factories import NewsPageFactory
from tests.helpers import (
    parse,
    result_items,
    result_titles,
    result_urls,
    search_url,
)

pytestmark = [pytest.mark.django_db, pytest.mark.search_index]


def facet_options(response, name):
    """{value: count} of the options of a facet, as links."""
    options = {}
    for link in parse(response).select(f'[data-facet="{name}"] a[data-facet-value]'):
        count = link.select_one(".search-facet__count").get_text(strip=True).strip("()")
        options[link["data-facet-value"]] = (int(count), link["href"])
    return options


def result_types(response):
    return [
        item.select_one("[data-result-type]")["data-result-type"] for item in result_items(response)
    ]


def result_dates(response):
    dates = []
    for item in result_items(response):
        time = item.select_one("time")
        dates.append(datetime.date.fromisoformat(time["datetime"]) if time else None)
    return dates


class TestAddresses:
    def test_each_language_has_its_own_search_address(self):
        with translation.override("fr"):
            assert reverse("search") == "/fr/recherche/"
            assert reverse("search_suggestions") == "/fr/recherche/suggestions/"
        with translation.override("en"):
            assert reverse("search") == "/en/search/"

    def test_the_header_form_of_every_page_leads_to_the_search_page(self, client, search_corpus):
        for page, address in (
            (search_corpus.site.home, "/fr/recherche/"),
            (search_corpus.en.home, "/en/search/"),
        ):
            form = parse(client.get(page.url)).select_one('header form[role="search"]')
            assert form["action"] == address
            assert (
                form.select_one('input[name="q"]')["data-suggest-url"] == address + "suggestions/"
            )

    def test_the_page_is_never_cached_and_has_no_inline_script(self, client, search_corpus):
        response = client.get(search_url("fr", q="coopératives"))
        assert "no-cache" in response["Cache-Control"]
        assert all(script.get("src") for script in parse(response).find_all("script"))
        assert len(parse(response).find_all("h1")) == 1


class TestResults:
    def test_a_result_shows_title_type_date_region_and_highlighted_excerpt(
        self, client, search_corpus
    ):
        response = client.get(search_url("fr", q="indicateur sociaux"))
        item = result_items(response)[0]
        assert (
            item.select_one("h3 a").get_text()
            == "Les coopératives bretonnes mesurent leur impact social"
        )
        assert item.select_one("h3 a")["href"] == search_corpus.fr.cooperatives.url
        assert item.select_one("[data-result-type]")["data-result-type"] == "news"
        assert item.select_one("time")["datetime"] == "2024-03-12"
        assert item.select_one(".search-result__region").get_text() == "Bretagne"
        assert [mark.get_text() for mark in item.select(".search-result__excerpt mark")] == [
            "indicateurs",
            "sociaux",
        ]

    def test_excerpts_leave_out_heading_levels_image_descriptions_and_button_labels(
        self, client, search_corpus
    ):
        image = Image.objects.create(title="Jardin", file=get_test_image_file("jardin.png"))
        body = [
            {"type": "heading", "value": {"text": "Des parcelles cultivées", "level": "h2"}},
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": "Vue aérienne", "decorative": False},
            },
            {"type": "paragraph", "value": "<p>Les habitants cultivent ensemble.</p>"},
            {
                "type": "call_to_action",
                "value": {
                    "title": "Rejoindre le jardin",
                    "text": "",
                    "page": None,
                    "url": "https://example.org/",
                    "button_label": "Inscription",
                },
            },
        ]
        NewsPageFactory(
            parent=search_corpus.site.news_index,
            title="Jardins partagés",
            intro="Un reportage.",
            body=body,
        )
        response = client.get(search_url("fr", q="jardins partagés"))
        excerpt = result_items(response)[0].select_one(".search-result__excerpt").get_text()
        assert "Des parcelles cultivées" in excerpt and "cultivent ensemble" in excerpt
        assert "Rejoindre le jardin" in excerpt
        for label in ("Niveau", "Level", "h2", "Vue aérienne", "Inscription"):
            assert label not in excerpt
        for word in ("niveau", "aérienne", "inscription"):
            assert "Jardins partagés" not in result_titles(client.get(search_url("fr", q=word)))

    def test_a_page_without_a_date_of_its_own_shows_its_last_publication(
        self, client, search_corpus
    ):
        page = search_corpus.fr.proof
        Page.objects.filter(pk=page.pk).update(
            first_published_at=timezone.make_aware(datetime.datetime(2020, 1, 6, 10)),
            last_published_at=timezone.make_aware(datetime.datetime(2024, 5, 6, 10)),
        )
        item = result_items(client.get(search_url("fr", q="langue de la preuve")))[0]
        assert item.select_one("h3 a").get_text() == "Une langue de la preuve"
        assert item.select_one("time")["datetime"] == "2024-05-06"

    def test_types_of_results_are_named(self, client, search_corpus):
        assert result_types(client.get(search_url("fr", q="prêt")))[0] == "press_release"
        assert result_types(client.get(search_url("fr", q="rencontres thématiques")))[0] == "event"
        assert (
            result_types(client.get(search_url("fr", q="feuille de route occitanie")))[0]
            == "roadmap"
        )
        assert result_types(client.get(search_url("fr", q="bretagne")))[0] == "region"
        assert result_types(client.get(search_url("fr", q="langue preuve")))[0] == "page"

    def test_markup_in_pages_and_queries_is_shown_as_text(self, client, search_corpus):
        NewsPageFactory(
            parent=search_corpus.site.news_index,
            title="<script>alert('titre')</script> Coopérative piégée",
            intro='<img src=x onerror="alert(1)"> une coopérative <b>en gras</b>',
        )
        response = client.get(search_url("fr", q="coopérative piégée"))
        html = response.content.decode()
        assert response.status_code == 200
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "&lt;script&gt;alert(&#x27;titre&#x27;)&lt;/script&gt; Coopérative piégée" in html
        assert "<mark>coopérative</mark>" in html
        echoed = client.get(search_url("fr", q='<script>alert("q")</script>'))
        assert echoed.status_code == 200
        assert '<script>alert("q")' not in echoed.content.decode()
        assert "&lt;script&gt;alert(&quot;q&quot;)&lt;/script&gt;" in echoed.content.decode()

    def test_results_come_only_from_the_current_language(self, client, search_corpus):
        french = client.get(search_url("fr", q="Dakar"))
        english = client.get(search_url("en", q="Dakar"))
        assert result_titles(french) == ["Atelier à Dakar sur les outils coopératifs de l'OIT"]
        assert result_titles(english) == ["Workshop on ILO cooperative tools in Dakar"]
        assert all(url.startswith("/fr/") for url in result_urls(french))
        assert all(url.startswith("/en/") for url in result_urls(english))

    def test_draft_pages_are_not_found(self, client, search_corpus):
        draft = NewsPageFactory(
            parent=search_corpus.site.news_index,
            title="Brouillon confidentiel",
            intro="Pas encore publié.",
        )
        draft.unpublish()
        assert result_titles(client.get(search_url("fr", q="confidentiel"))) == []


class TestFacets:
    QUERY = "sociale"

    def test_each_facet_value_gives_as_many_results_as_its_count(self, client, search_corpus):
        response = client.get(search_url("fr", q=self.QUERY))
        checked = 0
        for facet in ("type", "region", "theme", "year"):
            options = facet_options(response, facet)
            assert options, facet
            for _value, (count, href) in options.items():
                narrowed = client.get(search_url("fr") + href)
                assert len(result_items(narrowed)) == min(count, 10), (facet, href)
                checked += 1
        assert checked >= 8

    def test_type_facet_counts_and_filters(self, client, search_corpus):
        response = client.get(search_url("fr", q=self.QUERY))
        types = facet_options(response, "type")
        assert set(types) >= {"news", "press_release", "event", "page"}
        assert sum(count for count, _href in types.values()) == len(result_items(response))
        press = client.get(search_url("fr") + types["press_release"][1])
        assert result_titles(press) == ["Lancement du prêt de 100 M€ pour l'entrepreneuriat social"]
        selected = parse(press).select_one('[data-facet="type"] [aria-current="true"]')
        assert selected is not None

    def test_region_theme_and_year_filters(self, client, search_corpus):
        regions = client.get(search_url("fr", q=self.QUERY, region=search_corpus.site.region_a.pk))
        assert set(result_titles(regions)) == {
            "Les coopératives bretonnes mesurent leur impact social",
            "Sensibilisation des étudiants à l'économie sociale",
        }
        themes = client.get(search_url("fr", q=self.QUERY, theme="impact"))
        assert "Les coopératives bretonnes mesurent leur impact social" in result_titles(themes)
        assert "Sensibilisation des étudiants à l'économie sociale" not in result_titles(themes)
        years = client.get(search_url("fr", q=self.QUERY, year=2011))
        assert result_titles(years) == [
            "Rencontres nationales thématiques sur l'innovation sociale"
        ]

    def test_invalid_filter_values_are_ignored(self, client, search_corpus):
        plain = client.get(search_url("fr", q=self.QUERY))
        odd = client.get(
            search_url(
                "fr", q=self.QUERY, type="bogus", region="abc", theme="x", year="99999", sort="up"
            )
        )
        assert odd.status_code == 200
        assert result_titles(odd) == result_titles(plain)


class TestSortingAndPagination:
    def test_sort_by_date_puts_the_newest_first(self, client, search_corpus):
        by_date = client.get(search_url("fr", q="sociale", sort="date"))
        dates = [d for d in result_dates(by_date) if d]
        assert dates == sorted(dates, reverse=True)
        assert len(dates) >= 5
        by_relevance = client.get(search_url("fr", q="sociale"))
        assert result_titles(by_relevance) != result_titles(by_date)

    def test_results_are_paginated(self, client, search_corpus):
        for number in range(23):
            NewsPageFactory(
                parent=search_corpus.site.news_index,
                title=f"Permanence juridique numéro {number}",
                intro="Conseils aux porteurs de projets.",
                date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number),
            )
        first = client.get(search_url("fr", q="permanence"))
        second = client.get(search_url("fr", q="permanence", page=2))
        third = client.get(search_url("fr", q="permanence", page=3))
        assert len(result_items(first)) == 10
        assert len(result_items(second)) == 10
        assert len(result_items(third)) == 3
        assert not set(result_titles(first)) & set(result_titles(second))
        assert parse(first).select_one('a[rel="next"]')["href"].endswith("page=2")
        assert result_titles(
            client.get(search_url("fr", q="permanence", page=99))
        ) == result_titles(third)
        assert result_titles(
            client.get(search_url("fr", q="permanence", page="x"))
        ) == result_titles(first)


class TestPromotionsAndPopularSearches:
    def test_a_promoted_page_comes_first(self, client, search_corpus):
        query = Query.get("prêt")
        SearchPromotion.objects.create(
            query=query,
            page=search_corpus.fr.togo,
            description="Le centre de ressources.",
            sort_order=0,
        )
        SearchPromotion.objects.create(
            query=query, page=search_corpus.en.loan, description="English page", sort_order=1
        )
        response = client.get(search_url("fr", q="Prêt"))
        items = result_items(response)
        assert items[0].has_attr("data-promoted")
        assert items[0].select_one("h3 a")["href"] == search_corpus.fr.togo.url
        assert "English page" not in response.content.decode()
        assert (
            "Lancement du prêt de 100 M€ pour l'entrepreneuriat social"
            in result_titles(response)[1:]
        )
        assert (
            result_titles(response).count(
                "Un centre de ressources pour l'entrepreneuriat social au Togo"
            )
            == 1
        )

    def test_queries_are_counted_on_the_first_page_only(self, client, search_corpus):
        client.get(search_url("fr", q="Coopératives"))
        client.get(search_url("fr", q="coopératives"))
        client.get(search_url("fr", q="coopératives", page=2))
        client.get(search_url("fr", q=""))
        assert Query.get("coopératives").hits == 2
        assert not Query.objects.filter(query_string="").exists()

    def test_popular_searches_are_listed_in_the_admin_for_the_national_team(
        self, client, search_corpus, django_user_model
    ):
        for _ in range(3):
            client.get(search_url("fr", q="financement"))
        client.get(search_url("fr", q="atelier"))
        team = Group.objects.create(name="Équipe nationale (test)")
        team.permissions.add(
            Permission.objects.get(codename="access_admin"),
            Permission.objects.get(codename="change_searchpromotion"),
        )
        member = django_user_model.objects.create_user("nationale", password="pw")
        member.groups.add(team)
        client.force_login(member)
        response = client.get(reverse("search_popular"))
        assert response.status_code == 200
        rows = [
            [cell.get_text(strip=True) for cell in row.find_all("td")]
            for row in parse(response).select("tbody tr")
        ]
        assert rows[:2] == [["financement", "3"], ["atelier", "1"]]
        reader = django_user_model.objects.create_user("lecteur", password="pw")
        reader.groups.add(Group.objects.create(name="Admin only"))
        reader.groups.get().permissions.add(Permission.objects.get(codename="access_admin"))
        client.force_login(reader)
        assert client.get(reverse("search_popular")).status_code in (302, 403)


class TestAutocomplete:
    def suggest(self, client, language, q):
        with translation.override(language):
            url = reverse("search_suggestions")
        response = client.get(url, {"q": q})
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        return json.loads(response.content)["results"]

    def test_titles_starting_with_the_words_typed(self, client, search_corpus):
        titles = [r["title"] for r in self.suggest(client, "fr", "coop")]
        assert "Les coopératives bretonnes mesurent leur impact social" in titles
        urls = [r["url"] for r in self.suggest(client, "fr", "coop")]
        assert all(url.startswith("/fr/") for url in urls)

    def test_accents_are_optional(self, client, search_corpus):
        titles = [r["title"] for r in self.suggest(client, "fr", "econ")]
        assert "Sensibilisation des étudiants à l'économie sociale" in titles

    def test_suggestions_come_from_the_current_language(self, client, search_corpus):
        titles = [r["title"] for r in self.suggest(client, "en", "coop")]
        assert "Cooperatives measure their social impact" in titles
        assert "Les coopératives bretonnes mesurent leur impact social" not in titles

    def test_too_short_or_empty_input_suggests_nothing(self, client, search_corpus):
        assert self.suggest(client, "fr", "") == []
        assert self.suggest(client, "fr", "c") == []
        assert self.suggest(client, "fr", '"*:') == []

    def test_the_script_is_an_enhancement_loaded_with_defer(self, client, search_corpus):
        scripts = parse(client.get(search_url("fr"))).select('script[src$="search-suggest.js"]')
        assert len(scripts) == 1 and scripts[0].has_attr("defer")


class TestNothingFound:
    def test_zero_results_say_so_and_suggest_where_to_go(self, client, search_corpus):
        response = client.get(search_url("fr", q="xylophone"))
        assert response.status_code == 200
        empty = parse(response).select_one("[data-search-empty]")
        assert "xylophone" in empty.get_text()
        links = {a.get_text(strip=True) for a in empty.find_all("a")}
        assert {"Chantier training", "Chantier impact", "Actualités", "Espace presse"} <= links
        assert result_items(response) == []

    def test_an_empty_query_invites_to_type(self, client, search_corpus):
        response = client.get(search_url("fr"))
        assert response.status_code == 200
        assert parse(response).select_one("ol[data-search-results]") is None
        assert not Query.objects.exists()

    def test_a_language_without_pages_answers_empty(self, client, search_corpus):
        Page.objects.filter(locale=search_corpus.en.locale).update(live=False)
        response = client.get(search_url("en", q="cooperative"))
        assert response.status_code == 200
        assert result_items(response) == []


@pytest.mark.parametrize(
    ("language", "described"),
    [
        ("fr", "Cherchez dans les actualités"),
        ("en", "Search the news, press releases"),
    ],
)
def test_the_search_page_is_indexable_and_its_results_are_not(
    client, site_tree, language, described
):
    """Search engines may list the search page; results of any query stay out of them, so a
    link to a made-up query cannot put its words on the site's pages in their index."""
    with translation.override(language):
        url = reverse("search")
    landing = client.get(url).text
    assert described in landing
    assert 'name="robots"' not in landing

    results = client.get(url, {"q": "achetez ici"}).text
    assert '<meta name="robots" content="noindex, follow">' in results
    assert "achetez ici" in results  # in the description, in the visitor's language
    expected = "qui répondent à « achetez ici »" if language == "fr" else "that match “achetez ici”"
    assert expected in results


class TestApiSearch:
    """``/api/v2/pages/?search=`` with any type or none, in each language, on each backend."""

    def titles(self, client, **params):
        response = client.get("/api/v2/pages/", params)
        assert response.status_code == 200, response.content
        return [item["title"] for item in response.json()["items"]]

    def test_search_without_a_type_answers_in_each_language(self, client, search_corpus):
        french = self.titles(client, search="coopératives bretonnes", locale="fr")
        assert french == ["Les coopératives bretonnes mesurent leur impact social"]
        english = self.titles(client, search="cooperatives", locale="en")
        assert english[0] == "Cooperatives measure their social impact"
        assert "Les coopératives bretonnes mesurent leur impact social" not in english
        assert "Les coopératives bretonnes mesurent leur impact social" in self.titles(
            client, search="coopératives"
        )

    def test_search_with_one_type_its_fields_and_several_types(self, client, search_corpus):
        assert self.titles(
            client, type="news.NewsPage", kind="press_release", search="prêt", locale="fr"
        ) == ["Lancement du prêt de 100 M€ pour l'entrepreneuriat social"]
        both = self.titles(client, type="news.NewsPage,news.EventPage", search="atelier")
        assert {
            "Atelier à Dakar sur les outils coopératifs de l'OIT",
            "Atelier d'évaluation de l'utilité sociale",
        } <= set(both)

    def test_search_in_a_given_order_and_paginated(self, client, search_corpus):
        ordered = self.titles(client, search="sociale", locale="fr", order="title")
        assert len(ordered) >= 2 and ordered == sorted(ordered)
        response = client.get("/api/v2/pages/", {"search": "sociale", "locale": "fr", "limit": 1})
        assert response.json()["meta"]["total_count"] >= 2
        assert len(response.json()["items"]) == 1

    @pytest.mark.parametrize("typed", ["", "\x00", '"*:', "x" * 10_000, "title:x AND (*)"])
    def test_hostile_searches_answer_normally(self, client, search_corpus, typed):
        assert isinstance(self.titles(client, search=typed, locale="fr"), list)

    def test_every_word_is_required_unless_the_operator_says_or(self, client, search_corpus):
        assert self.titles(client, search="coopératives Togo", locale="fr") == []
        either = self.titles(client, search="coopératives Togo", locale="fr", search_operator="or")
        assert "Un centre de ressources pour l'entrepreneuriat social au Togo" in either
        assert "Les coopératives bretonnes mesurent leur impact social" in either

    def test_an_unknown_operator_is_a_clear_error(self, client, search_corpus):
        response = client.get("/api/v2/pages/", {"search": "prêt", "search_operator": "xor"})
        assert response.status_code == 400
        assert "search_operator" in response.json()["message"]
