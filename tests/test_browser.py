"""The front end in a real browser: Debian's chromium driven by Playwright.

One demo-like site (French and English) is built once for the module and served by a live
server thread; one browser serves every test. For every page type in both languages:
axe-core finds no WCAG 2.1 A/AA violation, nothing scrolls sideways at 320 px, and a first
visit stays under the weight budget. The keyboard reaches the skip link, the navigation and
the search box; the menu folds on small screens with JavaScript and stays open without it;
the language switcher leads to the other language; print hides the site's chrome.
"""

import datetime
import json
import os
import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.db import connections
from django.db.models.signals import post_save
from django.test.testcases import LiveServerThread
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page, get_page_models
from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save

from subscriptions import embargo
from subscriptions.models import PreviewLink, SignupRequest, Subscriber
from subscriptions.tokens import confirmation_token, preview_token, subscriber_token
from tests.factories import NewsPageFactory, build_demo_like_site, translate_demo_like_site

# django_db sets the test database up; the tests themselves only read it.
pytestmark = [pytest.mark.browser, pytest.mark.django_db, pytest.mark.search_index]

BASE_DIR = Path(settings.BASE_DIR)
AXE = BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGE_TYPES = [
    "home",
    "chantier_index",
    "chantier",
    "regional_chantier",
    "region_index",
    "region",
    "news_index",
    "article",
    "press_release",
    "relay",
    "agenda",
    "event",
    "press_room",
    "standard",
    "accessibility",
    "contact",
    "roadmap",
    "regional_roadmap",
    "library",
    "publication",
    "figures",
    "directory",
    "organisation",
    "project_bank",
    "project",
    "proposal",
    "join",
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo-like site in French and English, served by a live server thread.

    The data is committed (the server thread reads it), so the database is put back as it
    was when the module ends, the way Django's ``serialized_rollback`` does.
    """
    media = tmp_path_factory.mktemp("browser-media")
    old_media_root = settings.MEDIA_ROOT
    settings.MEDIA_ROOT = str(media)
    with django_db_blocker.unblock():
        connection = connections["default"]
        snapshot = connection.creation.serialize_db_to_string()
        tree = build_demo_like_site()
        english = translate_demo_like_site(tree).pages
        urls = {"fr": {}, "en": {}}
        models = set()
        for name in PAGE_TYPES:
            page = getattr(
                tree,
                {"chantier": "chantiers", "region": "region_a", "standard": "about"}.get(
                    name, name
                ),
            )
            if name == "chantier":
                page = page["training"]
            models.add(type(page.specific))
            urls["fr"][name] = page.url
            urls["en"][name] = english[page.pk].url
        reader = Subscriber.objects.create(
            email="lectrice@example.org", language="fr", state="active", national_news=True
        )
        newcomer = Subscriber.objects.create(email="nouvelle@example.org", language="fr")
        signup = SignupRequest.objects.create(
            subscriber=newcomer,
            language="fr",
            choices={"national_news": True, "frequency": "weekly", "language": "fr"},
            source="test",
            wording="",
        )
        for language in ("fr", "en"):
            with translation.override(language):
                urls[language]["search_page"] = reverse("search")
                urls[language]["search"] = reverse("search") + "?q=atelier"
                urls[language]["subscribe"] = reverse("subscriptions:subscribe")
                urls[language]["confirm_subscription"] = reverse(
                    "subscriptions:confirm", args=[confirmation_token(signup)]
                )
                urls[language]["manage_subscription"] = reverse(
                    "subscriptions:manage", args=[subscriber_token(reader)]
                )
                urls[language]["unsubscribe"] = reverse(
                    "subscriptions:unsubscribe", args=[subscriber_token(reader)]
                )
            urls[language]["directory_map"] = urls[language]["directory"] + "?view=map"
        # A journalist's preview of a press release under embargo (the release is French).
        release = NewsPageFactory(
            parent=tree.press_room,
            title="Communiqué sous embargo",
            kind="press_release",
            intro="Annonce à paraître.",
            go_live_at=timezone.now() + datetime.timedelta(days=2),
        )
        link = PreviewLink.objects.create(
            page=release,
            journalist_name="Jeanne Reporter",
            outlet="La Gazette",
            email="jeanne@example.org",
            expires_at=embargo.default_expiry(release),
        )
        with translation.override("fr"):
            urls["fr"]["embargo_preview"] = reverse(
                "subscriptions:preview", args=[preview_token(link)]
            )

        shared = {
            conn.alias: conn
            for conn in connections.all()
            if conn.vendor == "sqlite" and conn.is_in_memory_db()
        }
        for conn in shared.values():
            conn.inc_thread_sharing()
        server = LiveServerThread(
            "localhost", StaticFilesHandler, connections_override=shared, port=0
        )
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        try:
            yield {
                "base": f"http://localhost:{server.port}",
                "urls": urls,
                "tree": tree,
                "models": models,
            }
        finally:
            server.terminate()
            for conn in shared.values():
                conn.dec_thread_sharing()
            from django.core.management import call_command

            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
            # wagtail-localize syncs trees on every LocaleSynchronization save, raw or not:
            # while the snapshot loads, its locales may not be back yet.
            post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
            try:
                connection.creation.deserialize_db_from_string(snapshot)
            finally:
                post_save.connect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
            settings.MEDIA_ROOT = old_media_root
            shutil.rmtree(media, ignore_errors=True)


@pytest.fixture(autouse=True)
def _media_root():
    """Every test of this module reads the module's media folder (overrides conftest's)."""


@pytest.fixture(scope="module")
def browser(demo):
    """Debian's chromium, launched once for the module.

    Playwright's synchronous API keeps an event loop in this thread, so Django would refuse
    the test framework's own transaction bookkeeping around each test; nothing runs
    concurrently (Playwright switches with greenlets), so it is allowed while the browser runs.
    """
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser, demo):
    # axe-core is injected as a script tag, which the site's CSP rightly refuses; the CSP
    # itself is checked on every page by test_no_page_breaks_the_content_security_policy.
    context = browser.new_context(
        base_url=demo["base"], viewport={"width": 1280, "height": 900}, bypass_csp=True
    )
    tab = context.new_page()
    yield tab
    context.close()


def all_pages(demo):
    return [(lang, name, url) for lang in ("fr", "en") for name, url in demo["urls"][lang].items()]


def open_page(tab, url):
    response = tab.goto(url, wait_until="load")
    assert response.status == 200, f"{url}: {response.status}"
    return response


def run_axe(tab):
    tab.add_script_tag(path=str(AXE))
    return tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
        ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))",
        WCAG_TAGS,
    )


@pytest.mark.parametrize("language", ["fr", "en"])
def test_axe_finds_no_wcag_violation_on_any_page_type(page, demo, language):
    found = {}
    for url in demo["urls"][language].values():
        open_page(page, url)
        assert page.locator("html").get_attribute("lang") == language, url
        assert page.locator("h1").count() == 1, f"{url}: one h1"
        violations = run_axe(page)
        if violations:
            found[url] = violations
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)


def test_the_pages_visited_cover_every_page_model(demo):
    """A page type added to the site without a page here would escape every check below."""
    missing = {model for model in get_page_models() if model is not Page} - demo["models"]
    assert not missing, sorted(model._meta.label for model in missing)


def test_no_page_breaks_the_content_security_policy(browser, demo):
    """Every page type, in both languages, runs under the CSP without a refused resource."""
    context = browser.new_context(base_url=demo["base"])
    tab = context.new_page()
    refused = []
    tab.on(
        "console",
        lambda message: refused.append((tab.url, message.text))
        if "Content Security Policy" in message.text
        else None,
    )
    for _language, _name, url in all_pages(demo):
        open_page(tab, url)
    context.close()
    assert not refused, refused


def test_no_horizontal_scrolling_at_320_px(browser, demo):
    context = browser.new_context(base_url=demo["base"], viewport={"width": 320, "height": 640})
    tab = context.new_page()
    too_wide = {}
    for _language, _name, url in all_pages(demo):
        open_page(tab, url)
        width = tab.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide[url] = width
    context.close()
    assert not too_wide, too_wide


def test_first_visit_weighs_under_200_kb_on_the_home_page_and_150_kb_elsewhere(browser, demo):
    """Each page as on a first visit (browser cache off): the page, its styles, scripts,
    the typeface and the images a phone loads at once (below-the-fold ones stay lazy).
    The test server sends files uncompressed: in production whitenoise compresses them.

    The browser's own count (Resource Timing ``transferSize``: headers and body as sent).
    """
    context = browser.new_context(base_url=demo["base"], viewport={"width": 412, "height": 915})
    tab = context.new_page()
    context.new_cdp_session(tab).send("Network.setCacheDisabled", {"cacheDisabled": True})
    heavy = {}
    for _language, name, url in all_pages(demo):
        open_page(tab, url)
        weights = tab.evaluate(
            "(() => { const n = performance.getEntriesByType('navigation')[0];"
            " const r = performance.getEntriesByType('resource');"
            " const images = r.filter(e => e.initiatorType === 'img' || /\\.(avif|webp|jpe?g|png|svg)$/.test(e.name));"
            " const sum = list => list.reduce((total, e) => total + e.transferSize, 0);"
            " return {page: n.transferSize, all: n.transferSize + sum(r), images: sum(images)}; })()"
        )
        assert weights["page"] > 1000, f"{url}: the page itself was counted"
        budget = 200_000 if name == "home" else 150_000
        if weights["all"] > budget:
            heavy[url] = {"total": weights["all"], "images": weights["images"], "budget": budget}
    context.close()
    assert not heavy, heavy


def test_keyboard_reaches_skip_link_navigation_and_search(page, demo):
    urls = demo["urls"]["fr"]
    open_page(page, urls["article"])

    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.get_attribute("class") == "skip-link"
    assert skip.is_visible(), "the skip link shows when focused"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus is visible"
    page.keyboard.press("Enter")
    assert urlparse(page.url).fragment == "main"
    assert page.evaluate("document.activeElement.id") == "main"

    # From the top again: Tab through the header to the navigation and the search box.
    open_page(page, urls["article"])
    reached = []
    for _ in range(30):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate(
                "(() => { const e = document.activeElement;"
                " return {tag: e.tagName, id: e.id, text: e.textContent.trim(), nav: !!e.closest('#main-nav')}; })()"
            )
        )
        if reached[-1]["id"] == "site-search-q":
            break
    assert any(item["nav"] for item in reached), reached
    assert reached[-1]["id"] == "site-search-q", reached

    # Enter on a navigation link follows it.
    open_page(page, urls["article"])
    page.keyboard.press("Tab")
    while not page.evaluate("!!document.activeElement.closest('#main-nav')"):
        page.keyboard.press("Tab")
    target = page.evaluate("document.activeElement.getAttribute('href')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert unquote(urlparse(page.url).path) == unquote(target)

    # Enter in the search box searches.
    page.locator("#site-search-q").focus()
    page.keyboard.type("atelier")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlparse(page.url).path in ("/fr/recherche/", "/en/search/")
    assert page.get_by_role("link", name="Atelier sur les outils coopératifs").count() >= 1


def test_small_screen_menu_folds_and_opens_with_or_without_javascript(browser, demo):
    url = demo["urls"]["fr"]["home"]
    context = browser.new_context(base_url=demo["base"], viewport={"width": 320, "height": 640})
    tab = context.new_page()
    open_page(tab, url)
    nav_link = tab.locator("#site-menu")
    toggle = tab.locator("button.menu-toggle")
    assert toggle.is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert nav_link.bounding_box()["width"] <= 1, "the menu is folded"
    toggle.focus()
    tab.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert nav_link.bounding_box()["width"] > 100
    tab.keyboard.press("Tab")
    assert tab.evaluate("!!document.activeElement.closest('#site-menu')")
    tab.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert tab.evaluate("document.activeElement.classList.contains('menu-toggle')")
    assert nav_link.bounding_box()["width"] <= 1
    context.close()

    context = browser.new_context(
        base_url=demo["base"], viewport={"width": 320, "height": 640}, java_script_enabled=False
    )
    tab = context.new_page()
    open_page(tab, url)
    nav_link = tab.locator("#site-menu")
    assert nav_link.bounding_box()["width"] <= 1
    tab.locator("a.menu-toggle").focus()
    tab.keyboard.press("Enter")
    assert urlparse(tab.url).fragment == "site-menu"
    assert nav_link.bounding_box()["width"] > 100, "the menu opens without JavaScript"
    context.close()


def test_language_switcher_leads_to_the_other_language(page, demo):
    open_page(page, demo["urls"]["fr"]["article"])
    switcher = page.locator(".language-switcher a[hreflang='en']")
    switcher.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("html").get_attribute("lang") == "en"
    assert unquote(urlparse(page.url).path) == unquote(demo["urls"]["en"]["article"])

    with page.expect_navigation():
        page.locator(".language-switcher a[hreflang='fr']").click()
    assert page.locator("html").get_attribute("lang") == "fr"
    assert unquote(urlparse(page.url).path) == unquote(demo["urls"]["fr"]["article"])


@pytest.mark.parametrize("language", ["fr", "en"])
def test_search_box_suggests_pages_and_the_keyboard_picks_one(page, demo, language):
    """Typing offers page titles (an ARIA combobox); arrows choose, Enter opens, Escape closes."""
    urls = demo["urls"][language]
    open_page(page, urls["home"])
    box = page.locator("#site-search-q")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    box.focus()
    page.keyboard.type("Atelier outils")
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    option = listbox.get_by_role("option").first
    option.wait_for(state="visible")
    assert box.get_attribute("aria-expanded") == "true"
    # The English copies of the demo keep their French titles.
    assert option.text_content() == "Atelier sur les outils coopératifs"
    assert "suggestion" in page.locator(".search-suggest [role=status]").text_content()

    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert listbox.is_hidden()

    page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")
    assert option.get_attribute("aria-selected") == "true"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert unquote(urlparse(page.url).path) == unquote(urls["article"])
    assert page.locator("html").get_attribute("lang") == language


def test_print_shows_the_content_without_the_site_chrome(page, demo):
    open_page(page, demo["urls"]["fr"]["press_release"])
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".site-footer").is_visible()
    assert page.locator("h1").is_visible()


def test_region_map_is_coloured_by_chantier_with_a_legend_and_a_list(page, demo):
    open_page(page, demo["urls"]["fr"]["home"])
    area = page.locator(".region-map svg .map-area--training .map-area__shape")
    assert area.count() == 1
    assert (
        page.evaluate(
            "getComputedStyle(document.querySelector('.map-area--training .map-area__shape')).fill"
        )
        == "rgb(154, 69, 0)"
    )
    assert page.locator(".legend li").count() == 4
    listed = page.locator(".region-map .region-list a")
    assert [listed.nth(i).inner_text() for i in range(listed.count())] == ["Bretagne", "Occitanie"]
    # Each region is a link named with its chantier, reachable by the keyboard in the
    # order of the document, with a visible focus.
    links = page.locator(".region-map svg a.map-area")
    names = [links.nth(i).get_attribute("aria-label") for i in range(links.count())]
    assert names[0].startswith("Bretagne, chantier 1 : ")
    links.first.focus()
    focused = []
    for _ in range(links.count()):
        focused.append(page.evaluate("document.activeElement.getAttribute('aria-label')"))
        stroke = page.evaluate(
            "getComputedStyle(document.activeElement.querySelector('.map-area__shape')).strokeWidth"
        )
        assert stroke == "4px", stroke
        page.keyboard.press("Tab")
    assert focused == names


def test_images_are_sized_for_their_slot_in_modern_formats_and_lazy_below_the_fold(page, demo):
    open_page(page, demo["urls"]["fr"]["article"])
    lead, block = page.locator("main picture img").nth(0), page.locator("main picture img").nth(1)
    assert lead.get_attribute("loading") is None, "the lead image loads at once"
    assert block.get_attribute("loading") == "lazy"
    assert page.locator("main picture source[type='image/avif']").count() == 2
    assert page.locator("main picture source[type='image/webp']").count() == 2
    assert "700w" in block.get_attribute("srcset"), "the body image block keeps its widths"
    loaded = page.evaluate("document.querySelector('main picture img').currentSrc")
    assert loaded.endswith(".avif"), loaded
    assert page.evaluate("document.querySelector('main picture img').naturalWidth") <= 1400


WIDTHS = [320, 375, 768, 1280, 1920]
LAYOUT_CHECK = """() => {
    const problems = [];
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth > width) {
        problems.push(`scrolls sideways: ${document.documentElement.scrollWidth} px`);
    }
    const near = (a, b) => Math.abs(a - b) <= 1.5;
    for (const card of document.querySelectorAll('.card')) {
        const box = card.getBoundingClientRect();
        const media = card.querySelector('.card__media');
        const img = media && media.querySelector('img');
        if (!img) { problems.push(`a card without an image: ${card.textContent.trim().slice(0, 40)}`); continue; }
        const m = media.getBoundingClientRect(), i = img.getBoundingClientRect();
        const row = getComputedStyle(card).flexDirection === 'row';
        if (!near(i.width, m.width) || !near(m.left, box.left + 1) && !near(m.left, box.left)
            || (!row && !near(m.width, box.width - 2) && !near(m.width, box.width))) {
            problems.push(`card image ${Math.round(i.width)} px in a ${Math.round(box.width)} px card`);
        }
        for (const el of card.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            // Not drawn (the inside of a closed <details>): nothing to stick out.
            if (r.width <= 1 || r.height <= 1 || el.closest('.visually-hidden') || !el.checkVisibility()) continue;
            if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
                problems.push(`outside its card: <${el.tagName.toLowerCase()} class="${el.className.baseVal ?? el.className}">`);
            }
        }
    }
    for (const container of document.querySelectorAll('.box, .layout__main, .sidebar')) {
        const box = container.getBoundingClientRect();
        for (const el of container.children) {
            const r = el.getBoundingClientRect();
            if (r.width > 1 && (r.left < box.left - 1 || r.right > box.right + 1)) {
                problems.push(`outside its ${container.className}: <${el.tagName.toLowerCase()} class="${el.className}">`);
            }
        }
    }
    const header = document.querySelector('.site-header').getBoundingClientRect().height;
    const h1 = document.querySelector('main h1').getBoundingClientRect();
    return {problems, header, h1Bottom: h1.bottom + window.scrollY, height: window.innerHeight};
}"""


def test_every_page_type_holds_its_layout_at_every_width(browser, demo):
    """At 320 to 1920 px, in both languages: nothing scrolls sideways, every card shows an
    image as wide as the card, nothing sticks out of a card or box, the header stays under
    100 px on phones, the title is on the first screen, and no request leaves the site."""
    found, foreign = {}, set()
    for width in WIDTHS:
        context = browser.new_context(
            base_url=demo["base"], viewport={"width": width, "height": 740 if width < 800 else 900}
        )
        tab = context.new_page()
        tab.on(
            "request",
            lambda request: foreign.add(request.url)
            if urlparse(request.url).hostname not in ("localhost", "127.0.0.1")
            and not request.url.startswith("data:")
            else None,
        )
        for language, name, url in all_pages(demo):
            open_page(tab, url)
            tab.evaluate(
                "document.querySelectorAll('img[loading=lazy]').forEach(i => { i.loading = 'eager'; })"
            )
            result = tab.evaluate(LAYOUT_CHECK)
            problems = result["problems"]
            if width <= 414 and result["header"] >= 100:
                problems.append(f"header {result['header']} px high")
            if result["h1Bottom"] > result["height"]:
                problems.append("the title is below the first screen")
            if problems:
                found[f"{width} {language} {name}"] = sorted(set(problems))[:5]
        context.close()
    assert not foreign, foreign
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)


def test_listing_filters_fold_on_phones_and_stay_open_without_javascript(browser, demo):
    url = demo["urls"]["fr"]["news_index"]
    context = browser.new_context(base_url=demo["base"], viewport={"width": 375, "height": 740})
    tab = context.new_page()
    open_page(tab, url)
    filters = tab.locator("details.filters")
    assert filters.get_attribute("open") is None, "folded on a phone"
    first_card = tab.locator(".card").first.bounding_box()
    assert first_card["y"] < 740, "the first news item is on the first screen"
    tab.locator("details.filters > summary").click()
    assert filters.get_attribute("open") is not None
    assert tab.locator("#id_region, select[name=region]").first.is_visible()
    context.close()

    context = browser.new_context(
        base_url=demo["base"], viewport={"width": 375, "height": 740}, java_script_enabled=False
    )
    tab = context.new_page()
    open_page(tab, url)
    assert tab.locator("details.filters").get_attribute("open") is not None
    context.close()

    context = browser.new_context(base_url=demo["base"], viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    open_page(tab, url)
    assert tab.locator("details.filters").get_attribute("open") is not None, "open on wide screens"
    context.close()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_directory_map_with_the_keyboard_reaches_every_region_and_point(page, demo, language):
    """In the order of the document, Tab goes through every region of the map then every
    organisation's point, each announced by its name (the accessible name of a link), with
    a visible focus; Enter on a point opens the organisation's page."""
    open_page(page, demo["urls"][language]["directory_map"])
    links = page.locator("svg.france-map__svg a")
    names = [links.nth(i).get_attribute("aria-label") for i in range(links.count())]
    points = [
        page.locator("svg a.map-point").nth(i).get_attribute("aria-label")
        for i in range(page.locator("svg a.map-point").count())
    ]
    assert sorted(points) == [
        "Mesurer en Occitanie, Toulouse",
        "Scop des Landes de Lanvaux, Vannes",
    ]
    assert "Bretagne, 2 organisations" in names
    for name in names:  # announced: the name is the link's accessible name
        assert page.get_by_role("link", name=name, exact=True).count() == 1, name
    links.first.focus()
    focused = []
    for _ in range(links.count()):
        focused.append(page.evaluate("document.activeElement.getAttribute('aria-label')"))
        stroke = page.evaluate(
            "getComputedStyle(document.activeElement.querySelector('.map-area__shape, circle'))"
            ".strokeWidth"
        )
        assert stroke == "4px", (focused[-1], stroke)
        page.keyboard.press("Tab")
    assert focused == names
    # The list beside the map names each region with its count, and the organisations abroad.
    assert "CERES Lomé" in page.locator(".directory-abroad").inner_text()
    page.get_by_role("link", name="Scop des Landes de Lanvaux, Vannes", exact=True).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Scop des Landes de Lanvaux"


MAP_LABEL_CHECK = """() => {
    const problems = [];
    for (const svg of document.querySelectorAll('svg.france-map__svg')) {
        const circles = [...svg.querySelectorAll('circle')];
        for (const area of svg.querySelectorAll('a.map-area')) {
            const shape = area.querySelector('.map-area__shape');
            for (const label of area.querySelectorAll('text.map-label')) {
                if (getComputedStyle(label).display === 'none') continue;
                const b = label.getBBox();
                const inside = [[b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height],
                    [b.x + b.width, b.y + b.height]].every(([x, y]) => shape.isPointInFill(new DOMPoint(x, y)));
                if (!inside) problems.push(`${label.textContent} sticks out of its region`);
                for (const c of circles) {
                    const x = c.cx.baseVal.value, y = c.cy.baseVal.value, r = c.r.baseVal.value;
                    if (x + r > b.x && x - r < b.x + b.width && y + r > b.y && y - r < b.y + b.height) {
                        problems.push(`${label.textContent} covers a point`);
                    }
                }
            }
        }
    }
    return problems;
}"""


@pytest.mark.parametrize("width", [375, 1280])
def test_map_labels_stay_inside_their_region_and_leave_the_points_visible(browser, demo, width):
    """White on its region's colour, never on the ground around it, and never over a point."""
    context = browser.new_context(base_url=demo["base"], viewport={"width": width, "height": 900})
    tab = context.new_page()
    found = {}
    for language in ("fr", "en"):
        for name in ("home", "region_index", "directory_map"):
            open_page(tab, demo["urls"][language][name])
            problems = tab.evaluate(MAP_LABEL_CHECK)
            if problems:
                found[f"{language} {name}"] = problems
    context.close()
    assert not found, found
