"""One live page of each public page type, per language, for `make audit` and `make screenshots`.

A page type is a page model, told apart further where one model has layouts of its own:
a news item by its kind (article, press release, relay), a chantier page or roadmap by
whether it sits in a region; the directory's map view, search and its results, and the
subscription pages (sign-up, confirmation, manage, unsubscribe, a refused link, a
journalist's embargo preview) come after the pages of each language.
"""

import datetime

#: Pages that tell search engines not to index them (``noindex``), on purpose: a link to a
#: made-up query or a personal link from an e-mail must not end up in their index.
NOINDEX = {
    "search-results",
    "subscribe-confirm",
    "subscribe-manage",
    "subscribe-unsubscribe",
    "subscribe-refused-link",
    "embargo-preview",
}


def page_name(page):
    """The page type of a specific page: its model, or model and variant."""
    from news.models import NewsPage

    name = page.content_type.model if hasattr(page, "content_type") else type(page).__name__
    if isinstance(page, NewsPage):
        return f"newspage-{page.kind}"
    if name in ("chantierpage", "roadmappage"):
        return name + ("-regional" if page.region else "-national")
    return name


def subscription_links(create):
    """Paths of the subscription pages that need a token: {name: path}.

    ``create``: make what is missing (a pending sign-up of a fictional address, an embargoed
    press release with a journalist's link); without it, only what the database holds.
    """
    from django.urls import reverse
    from django.utils import timezone

    from news.models import NewsPage, PressRoomPage
    from subscriptions import embargo, tokens
    from subscriptions.models import PreviewLink, SignupRequest, Subscriber, SubscriberState

    links = {}
    subscriber = Subscriber.objects.filter(state=SubscriberState.ACTIVE).order_by("pk").first()
    if subscriber:
        token = tokens.subscriber_token(subscriber)
        links["subscribe-manage"] = reverse("subscriptions:manage", args=[token])
        links["subscribe-unsubscribe"] = reverse("subscriptions:unsubscribe", args=[token])
    recent = timezone.now() - tokens.CONFIRMATION_MAX_AGE + datetime.timedelta(hours=1)
    pending = SignupRequest.objects.filter(used_at=None, created_at__gt=recent).first()
    if pending is None and create:
        reader, _created = Subscriber.objects.get_or_create(
            email="lectrice.apercu@example.org", defaults={"language": "fr"}
        )
        pending = SignupRequest.objects.create(
            subscriber=reader,
            language="fr",
            choices={"national_news": True, "frequency": "weekly", "language": "fr"},
            source="demo",
            wording="",
        )
    if pending:
        token = tokens.confirmation_token(pending)
        links["subscribe-confirm"] = reverse("subscriptions:confirm", args=[token])
    links["subscribe-refused-link"] = reverse("subscriptions:confirm", args=["not-a-token"])

    link = PreviewLink.objects.usable().select_related("page").first()
    if link is not None and not embargo.is_embargoed(link.page):
        link = None
    room = PressRoomPage.objects.live().filter(locale__language_code="fr").first()
    if link is None and create and room is not None:
        release = room.add_child(
            instance=NewsPage(
                title="Communiqué sous embargo",
                kind="press_release",
                intro="Annonce à paraître : le programme des rencontres nationales.",
                live=False,
                go_live_at=timezone.now() + datetime.timedelta(days=30),
                locale=room.locale,
            )
        )
        release.save_revision().publish()
        link = PreviewLink.objects.create(
            page=release,
            journalist_name="Jeanne Reporter",
            outlet="La Gazette",
            email="jeanne@example.org",
            expires_at=embargo.default_expiry(release),
        )
    if link is not None:
        links["embargo-preview"] = reverse(
            "subscriptions:preview", args=[tokens.preview_token(link)]
        )
    return links


def public_pages(languages, *, create=False):
    """[(language, name, path)]: one page per page type and language, in tree order."""
    from django.urls import reverse
    from django.utils import translation
    from wagtail.models import Page

    found = []
    for language in languages:
        pages = (
            Page.objects.live()
            .public()
            .filter(locale__language_code=language, depth__gte=2)
            .select_related("content_type")
            .order_by("path")
        )
        seen = set()
        for page in pages:
            specific = page.specific
            name = page_name(specific)
            if name in seen:
                continue
            seen.add(name)
            found.append((language, name, specific.url))
            if name == "directorypage":
                found.append((language, f"{name}-map", specific.url + "?view=map"))
        with translation.override(language):
            found.append((language, "search", reverse("search")))
            found.append((language, "search-results", reverse("search") + "?q=atelier"))
            found.append((language, "subscribe", reverse("subscriptions:subscribe")))
            for name, path in subscription_links(create).items():
                found.append((language, name, path))
    return found
