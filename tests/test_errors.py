"""Error pages: a missing URL gives the site's own 404 page, in French."""

import pytest
from django.template.loader import render_to_string

pytestmark = pytest.mark.django_db


def test_a_missing_page_gives_the_french_404_page(client, site_tree):
    response = client.get("/fr/cette-page-n-existe-pas/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert "Page introuvable" in html
    assert "Aller au contenu" in html  # the site's base template, translated
    assert 'href="/fr/chantiers/"' in html  # with its main navigation


def test_a_missing_url_without_language_prefix_ends_on_the_404_page(client, site_tree):
    response = client.get("/nulle-part/", follow=True)
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_a_missing_child_of_a_real_page_is_a_404(client, site_tree):
    response = client.get(site_tree.news_index.url + "absente/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_the_500_page_stands_alone_in_both_languages():
    html = render_to_string("500.html")
    assert "Une erreur est survenue" in html and "Something went wrong" in html
    assert "{%" not in html
