"""What search engines and social networks read in a page's ``<head>``.

``page_metadata`` gathers, for any page, its description (the promote tab's, else its
introduction), its canonical URL, the image to share (the page's own, else the site's
default), and its structured data: a BreadcrumbList everywhere, plus NewsArticle for a news
item, Event for an event, Organization on the home page and on an organisation's page, and
Project on a project's. Structured data is built as
Python dicts and serialised with ``json.dumps``; ``includes/metadata.html`` only prints it.
"""

import json

from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _

from directory.models import OrganisationPage, ProjectPage
from home.models import HomePage
from news.models import EventPage, NewsPage

DESCRIPTION_LENGTH = 160
SHARE_RENDITION = "fill-1200x630"
DEFAULT_SHARE_IMAGE_SIZE = (1200, 630)
# The image shared for a page without one of its own: one per page type, drawn by the
# project (scripts/build_brand.py); a chantier page gets its chantier's.
SHARE_IMAGES = {
    "homepage": "home",
    "chantierindexpage": "chantiers",
    "regionindexpage": "regions",
    "regionpage": "regions",
    "newsindexpage": "news",
    "newspage": "news",
    "pressroompage": "press",
    "eventindexpage": "agenda",
    "eventpage": "agenda",
    "roadmappage": "roadmap",
    "standardpage": "page",
    "contactpage": "page",
    "directorypage": "regions",
    "organisationpage": "regions",
    "projectbankpage": "default",
    "projectpage": "default",
    "projectproposalpage": "page",
    "joinpage": "home",
}


def default_share_image(page):
    """The static path of the page type's sharing image (``img/og/<type>.png``)."""
    name = "default"
    if page is not None:
        model = page._meta.model_name
        name = SHARE_IMAGES.get(model, "default")
        if model == "chantierpage":
            name = page.theme
        elif model == "newspage" and page.is_press_release:
            name = "press"
    return f"img/og/{name}.png"


OG_LOCALES = {"fr": "fr_FR", "en": "en_GB"}

# Characters that must not appear raw inside a <script> data block.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data):
    """Serialise ``data`` for a ``<script type="application/ld+json">`` data block."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False).translate(_JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def page_description(page):
    text = page.search_description or ""
    if not text:
        for field in ("intro", "summary", "description", "hero_text"):
            text = getattr(page, field, "") or ""
            if text:
                break
    text = " ".join(strip_tags(str(text)).split())
    return shorten(text, DESCRIPTION_LENGTH)


def shorten(text, length):
    """``text`` cut to at most ``length`` characters at a word's end, with an ellipsis
    (Django's ``Truncator.chars`` cuts inside a word: "young entre…")."""
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if text[length - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.–-") + "…"


def _page_image(page):
    for field in ("image", "hero_image", "logo"):
        image = getattr(page, field, None)
        if image is not None:
            return image
    return None


def share_image(page, request):
    """URL, width, height and text alternative of the image shown when the page is shared."""
    image = _page_image(page) if page is not None else None
    if image is not None:
        rendition = image.get_rendition(SHARE_RENDITION)
        return {
            "url": request.build_absolute_uri(rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": getattr(page, "image_alt", "") or image.default_alt_text or "",
        }
    width, height = DEFAULT_SHARE_IMAGE_SIZE
    return {
        "url": request.build_absolute_uri(static(default_share_image(page))),
        "width": width,
        "height": height,
        "alt": _("ESS Movement"),
    }


def organization(request, home=None):
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": _("ESS Movement"),
        "logo": request.build_absolute_uri(static("img/brand/logo.svg")),
    }
    data["url"] = (
        home.get_full_url(request) if home is not None else request.build_absolute_uri("/")
    )
    return data


def breadcrumb_list(page, request):
    trail = list(page.get_ancestors().filter(depth__gte=2).specific(defer=True)) + [page]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": crumb.get_full_url(request),
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }


def news_article(page, request, description, image):
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": shorten(page.title, 110),
        "description": description,
        "datePublished": page.date.isoformat(),
        "image": [image["url"]],
        "url": page.get_full_url(request),
        "mainEntityOfPage": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        "author": {"@type": "Organization", "name": _("ESS Movement")},
        "publisher": organization(request),
    }
    data["publisher"].pop("@context")
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    if page.is_relay and page.source_url:
        data["isBasedOn"] = page.source_url
    return data


def event(page, request, description, image):
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": description,
        "startDate": page.start.isoformat(),
        "image": [image["url"]],
        "url": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        "eventStatus": "https://schema.org/EventScheduled",
        "organizer": {"@type": "Organization", "name": _("ESS Movement")},
    }
    if page.end:
        data["endDate"] = page.end.isoformat()
    locations = []
    if page.place_name or page.city or page.address:
        locations.append(
            {
                "@type": "Place",
                "name": page.place_name or page.city,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": page.address,
                    "addressLocality": page.city,
                },
            }
        )
    if page.online_url:
        locations.append({"@type": "VirtualLocation", "url": page.online_url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if page.online_url and len(locations) > 1:
        mode = "MixedEventAttendanceMode"
    elif page.online_url:
        mode = "OnlineEventAttendanceMode"
    else:
        mode = "OfflineEventAttendanceMode"
    data["eventAttendanceMode"] = f"https://schema.org/{mode}"
    if page.registration_url:
        data["offers"] = {"@type": "Offer", "url": page.registration_url}
    return data


def organisation_data(page, request, description):
    """schema.org Organization: name, address, position, contact, and the movement it is
    a member or partner of."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": page.title,
        "url": page.get_full_url(request),
    }
    if description:
        data["description"] = description
    if page.website:
        data["sameAs"] = [page.website]
    if page.logo_id:
        data["logo"] = request.build_absolute_uri(page.logo.get_rendition("max-480x270").url)
    address = {
        key: value
        for key, value in (
            ("addressLocality", page.town),
            ("postalCode", page.postcode),
            ("addressCountry", page.country.code if page.country else ""),
        )
        if value
    }
    if address:
        data["address"] = {"@type": "PostalAddress", **address}
    if page.has_coordinates:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(page.latitude),
            "longitude": float(page.longitude),
        }
    if page.public_email:
        data["email"] = page.public_email
    if page.is_member:
        movement = organization(request)
        movement.pop("@context")
        data["memberOf"] = movement
    return data


def project_data(page, request, description):
    """schema.org Project: what it is, who carries it, what it seeks, until when."""
    data = {
        "@context": "https://schema.org",
        "@type": "Project",
        "name": page.title,
        "description": description,
        "url": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        "seeks": [{"@type": "Demand", "name": str(label)} for label in page.get_needs_display()],
    }
    if page.organisation_title:
        carrier = {"@type": "Organization", "name": page.organisation_title}
        if page.organisation_id and page.organisation.live:
            carrier["url"] = page.organisation.get_full_url(request)
        data["parentOrganization"] = carrier
    if page.deadline:
        data["endDate"] = page.deadline.isoformat()
    if page.amount_sought:
        data["funding"] = {
            "@type": "MonetaryGrant",
            "amount": {"@type": "MonetaryAmount", "value": page.amount_sought, "currency": "EUR"},
        }
    return data


def page_metadata(page, request):
    """Everything ``includes/metadata.html`` prints, for a page or for a view without one."""
    language = get_language() or "fr"
    meta = {
        "site_name": _("ESS Movement"),
        "og_locale": OG_LOCALES.get(language, to_locale(language)),
        "og_type": "website",
        "json_ld": [],
    }
    if page is None:
        meta.update(
            {
                "title": "",
                "description": "",
                "canonical": request.build_absolute_uri(request.path),
                "image": share_image(None, request),
            }
        )
        return meta

    page = page.specific
    description = page_description(page)
    image = share_image(page, request)
    meta.update(
        {
            "title": page.seo_title or page.title,
            "description": description,
            "canonical": page.get_full_url(request),
            "image": image,
        }
    )
    structured = []
    if isinstance(page, HomePage):
        structured.append(organization(request, home=page))
    elif isinstance(page, NewsPage):
        meta["og_type"] = "article"
        meta["published_time"] = page.date.isoformat()
        structured.append(news_article(page, request, description, image))
    elif isinstance(page, EventPage):
        structured.append(event(page, request, description, image))
    elif isinstance(page, OrganisationPage):
        structured.append(organisation_data(page, request, description))
    elif isinstance(page, ProjectPage):
        structured.append(project_data(page, request, description))
    structured.append(breadcrumb_list(page, request))
    meta["json_ld"] = [json_ld_script(data) for data in structured]
    return meta
