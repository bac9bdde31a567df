"""Front-end behaviour that needs no browser: the image block's text alternative in the
admin, the map of the regions, the accessibility statement in the footer, pages sent
compressed."""

import gzip

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.models import StandardPage
from tests.factories import ImageFactory, RegionPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, site_tree):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    return client


def add_page_with_image(client, parent, slug, image_value):
    data = nested_form_data(
        {
            "title": f"Page {slug}",
            "slug": slug,
            "intro": "",
            "body": streamfield([("image", image_value)]),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    return client.post(f"/admin/pages/add/home/standardpage/{parent.pk}/", data)


def test_image_block_requires_a_text_alternative_unless_marked_decorative(admin_client, site_tree):
    image = ImageFactory(title="Atelier", size=(200, 120))

    response = add_page_with_image(
        admin_client, site_tree.home, "sans-alt", {"image": image.pk, "alt_text": ""}
    )
    assert response.status_code == 200, "the form comes back with an error"
    assert not StandardPage.objects.filter(slug="sans-alt").exists()
    assert "alt" in response.content.decode().lower()

    response = add_page_with_image(
        admin_client,
        site_tree.home,
        "decorative",
        {"image": image.pk, "alt_text": "", "decorative": "on"},
    )
    assert response.status_code == 302
    page = StandardPage.objects.get(slug="decorative", locale__language_code="fr")
    assert page.live and page.body[0].value.decorative is True

    response = add_page_with_image(
        admin_client, site_tree.home, "avec-alt", {"image": image.pk, "alt_text": "Un atelier"}
    )
    assert response.status_code == 302
    page = StandardPage.objects.get(slug="avec-alt", locale__language_code="fr")
    assert page.live and page.body[0].value.contextual_alt_text == "Un atelier"


def test_image_block_renders_its_alt_text_or_an_empty_one_when_decorative(client, site_tree):
    photo = ImageFactory(title="Photo", description="Texte par défaut", size=(300, 200))
    ornament = ImageFactory(title="Ornement", description="Texte par défaut", size=(300, 200))
    page = StandardPageFactory(
        parent=site_tree.home,
        title="Images",
        body=[
            ("image", {"image": photo, "alt_text": "Une rencontre", "decorative": False}),
            ("image", {"image": ornament, "alt_text": "", "decorative": True}),
        ],
    )
    html = client.get(page.url).content.decode()
    assert 'alt="Une rencontre"' in html
    assert 'alt=""' in html
    assert "Texte par défaut" not in html
    assert 'loading="lazy"' in html
    assert 'type="image/avif"' in html and 'type="image/webp"' in html


def test_home_and_region_index_show_the_map_with_its_legend_and_list(client, site_tree):
    for url in (site_tree.home.url, site_tree.region_index.url):
        html = client.get(url).content.decode()
        # Each region drawn from its real outline, coloured by its chantier, linked, named
        # with its chantier for screen readers; the rest of France drawn faintly.
        assert 'class="map-area map-area--training"' in html, url
        assert 'class="map-area map-area--impact"' in html, url
        assert 'aria-label="Bretagne, chantier 1 : ' in html
        assert 'data-map-key="occitanie"' in html and 'data-map-key="bretagne"' in html
        assert 'class="map-ground"' in html
        assert 'class="legend"' in html
        assert html.count('class="swatch swatch--') == 4
        assert ">Bretagne</a>" in html and ">Occitanie</a>" in html
        assert "style=" not in html, "no inline style (the CSP forbids it)"


def test_region_the_map_does_not_know_is_listed_beside_it(client, site_tree):
    RegionPageFactory(
        parent=site_tree.region_index, title="Guadeloupe", slug="guadeloupe", theme="cooperation"
    )
    html = client.get(site_tree.region_index.url).content.decode()
    beside = html[html.index('class="region-map__elsewhere"') :]
    assert ">Guadeloupe</a>" in beside[: beside.index("</ul>")]
    assert 'data-map-key="guadeloupe"' not in html
    # It is in the list of all regions too.
    listed = html[html.index('class="region-list"') :]
    assert ">Guadeloupe</a>" in listed


def test_accessibility_statement_is_linked_from_every_page_footer(client, site_tree):
    statement = StandardPageFactory(
        parent=site_tree.home,
        title="Déclaration d'accessibilité",
        slug="accessibilite",
        show_in_footer=True,
    )
    html = client.get(site_tree.news_index.url).content.decode()
    footer = html[html.index('class="site-footer"') :]
    assert f'href="{statement.url}"' in footer


def test_pages_go_out_compressed_to_a_browser_that_accepts_gzip(client, site_tree):
    """A phone's first visit: the page's HTML in gzip, the same page once unpacked."""
    url = site_tree.home.url
    plain = client.get(url)
    assert "Content-Encoding" not in plain
    packed = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    html = gzip.decompress(packed.content)
    assert html.count(b"<h1") == 1 and b"</html>" in html
    assert len(packed.content) < len(plain.content) / 2
