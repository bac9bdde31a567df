"""iCalendar feeds of the agenda: the whole agenda, a region's, a chantier's, one event.

Times are written in Europe/Paris with their ``TZID`` and the matching ``VTIMEZONE``
component, so that calendar applications abroad show the right hour. An event's ``UID``
comes from its translation key and language: it stays the same when the event is edited,
so a subscribed calendar updates the event instead of adding a copy.
"""

import datetime
from zoneinfo import ZoneInfo

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from icalendar import Calendar, Event
from wagtail.models import Locale, Site

from news.models import EventPage
from syndication.feeds import region_for_slug, site_name, theme_for_code

PARIS = ZoneInfo("Europe/Paris")
# Subscribed calendars keep a year of past events, then every upcoming one.
CALENDAR_HISTORY = datetime.timedelta(days=365)


def _uid_domain(request):
    site = Site.find_for_request(request)
    return site.hostname if site else request.get_host().split(":")[0]


def event_uid(event, domain):
    return f"event-{event.translation_key}-{event.locale.language_code}@{domain}"


def _vevent(event, request, domain, stamp):
    vevent = Event()
    vevent.add("uid", event_uid(event, domain))
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", event.start.astimezone(PARIS))
    if event.end:
        vevent.add("dtend", event.end.astimezone(PARIS))
    vevent.add("summary", event.title)
    url = event.get_full_url(request)
    description = strip_tags(event.intro or "").strip()
    vevent.add("description", f"{description}\n\n{url}".strip())
    location = ", ".join(part for part in (event.place_name, event.address, event.city) if part)
    if location:
        vevent.add("location", location)
    elif event.online_url:
        vevent.add("location", event.online_url)
    vevent.add("url", url)
    if event.last_published_at:
        vevent.add("last-modified", event.last_published_at)
    categories = [str(theme.short_label) for theme in event.themes.all()]
    if categories:
        vevent.add("categories", categories)
    return vevent


def calendar_response(request, title, events, filename):
    calendar = Calendar()
    calendar.add("prodid", "-//ESS Movement//Agenda//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", title)
    calendar.add("x-wr-timezone", "Europe/Paris")
    domain = _uid_domain(request)
    stamp = timezone.now()
    for event in events:
        calendar.add_component(_vevent(event, request, domain, stamp))
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _events(locale, region=None, theme=None):
    return EventPage.objects.for_calendar(
        locale=locale, region=region, theme=theme, since=timezone.now() - CALENDAR_HISTORY
    )


def agenda_calendar(request):
    title = _("%(site)s: agenda") % {"site": site_name()}
    return calendar_response(request, title, _events(Locale.get_active()), "agenda.ics")


def region_calendar(request, slug):
    locale = Locale.get_active()
    region = region_for_slug(slug, locale)
    title = _("%(site)s: agenda of %(region)s") % {"site": site_name(), "region": region.title}
    return calendar_response(
        request, title, _events(locale, region=region), f"agenda-{region.slug}.ics"
    )


def theme_calendar(request, code):
    theme = theme_for_code(code)
    title = _("%(site)s: agenda of the chantier %(theme)s") % {
        "site": site_name(),
        "theme": theme.label,
    }
    return calendar_response(
        request, title, _events(Locale.get_active(), theme=theme.value), f"agenda-{code}.ics"
    )


def event_calendar(request, pk):
    """One event, for "add to my calendar"."""
    event = (
        EventPage.objects.live()
        .public()
        .filter(pk=pk)
        .select_related("locale")
        .prefetch_related("themes")
        .first()
    )
    if event is None:
        raise Http404(_("No such event."))
    response = calendar_response(request, event.title, [event], f"event-{event.pk}.ics")
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    return response
