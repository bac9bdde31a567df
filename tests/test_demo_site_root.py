"""Where the demo puts its home: the default site's root, replacing Wagtail's placeholder
only while that placeholder is untouched."""

import pytest
from wagtail.models import Page, Site

from home.demo import builder
from home.models import HomePage

pytestmark = pytest.mark.django_db

PLACEHOLDER = "Welcome to your new Wagtail site!"


def build_home_only():
    demo = builder.new_demo_site()
    for step in (builder.build_locale, builder.build_media, builder.build_home):
        step(demo)
    return demo


def test_the_untouched_placeholder_is_replaced_by_the_demo_home(settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    placeholder = Page.objects.get(depth=2)
    assert placeholder.title == PLACEHOLDER and placeholder.specific_class is Page
    demo = build_home_only()
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific == demo.home
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
    assert not Page.objects.filter(pk=placeholder.pk).exists()


def test_an_edited_placeholder_is_kept():
    placeholder = Page.objects.get(depth=2)
    placeholder.title = "Notre ancien site"
    placeholder.save_revision().publish()
    demo = build_home_only()
    assert Page.objects.filter(pk=placeholder.pk, title="Notre ancien site").exists()
    assert Site.objects.get(is_default_site=True).root_page.pk == demo.home.pk


def test_an_existing_home_page_is_reused_and_its_site_left_alone(site_tree):
    site = Site.objects.get(is_default_site=True)
    demo = build_home_only()
    assert demo.home.pk == site_tree.home.pk
    assert demo.created == [] or all(not isinstance(o, HomePage) for o in demo.created)
    assert Site.objects.get(is_default_site=True) == site
    assert HomePage.objects.count() == 1
