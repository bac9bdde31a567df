"""Bring the archive of an old site over from its RSS 2.0 or Atom feed.

    python manage.py import_feed SOURCE --parent PAGE_ID --kind KIND [--dry-run]

Each entry becomes a published news item under the parent page: title, date, summary (the
introduction), content (HTML cleaned into Wagtail rich text, keeping only what the editor
allows), and the entry's link as the source of a relay. The entry's id (else its link) is
remembered in ``ImportedEntry``: running the command again updates what changed and never
creates a copy.

An entry without id and link, title or date is reported with its id and skipped. A feed
that cannot be read, an unknown parent page, a parent that cannot hold news, or an unknown
kind stops the command with an error before anything is written. The whole import is one
transaction; ``--dry-run`` runs it and rolls it back.
"""

import datetime
import hashlib
import html
import json
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.models import Page
from wagtail.rich_text import RichText

from news.models import ImportedEntry, NewsKind, NewsPage

PARIS = ZoneInfo("Europe/Paris")
# Elements whose content is never text to keep: dropped whole before cleaning.
DROPPED_ELEMENTS = ["script", "style", "iframe", "object", "embed", "form", "noscript", "template"]
TITLE_LENGTH = NewsPage._meta.get_field("title").max_length
URL_LENGTH = NewsPage._meta.get_field("source_url").max_length


class MalformedEntry(Exception):
    """An entry that cannot become a news item; the message says why."""


def clean_rich_text(raw_html):
    """HTML from a feed, reduced to what Wagtail's rich text editor stores."""
    if not raw_html:
        return ""
    soup = BeautifulSoup(raw_html, "html.parser")
    for element in soup.find_all(DROPPED_ELEMENTS):
        element.decompose()
    cleaned = EditorHTMLConverter().to_database_format(str(soup))
    if not strip_tags(cleaned).strip():
        return ""
    # Loose text at the top level goes into a paragraph.
    if not re.match(r"\s*<(p|h[1-6]|ul|ol|blockquote)\b", cleaned):
        cleaned = f"<p>{cleaned}</p>"
    return cleaned


def plain_text(raw_html):
    return " ".join(html.unescape(strip_tags(raw_html or "")).split())


def _valid_url(url):
    if not url or len(url) > URL_LENGTH:
        return ""
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        return ""
    return url


def _entry_date(entry):
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    moment = datetime.datetime(*parsed[:6], tzinfo=datetime.UTC)
    return moment.astimezone(PARIS).date()


class Command(BaseCommand):
    help = _("Import an RSS 2.0 or Atom feed as news items under a page.")

    def add_arguments(self, parser):
        parser.add_argument("source", help=_("Path or URL of the feed."))
        parser.add_argument(
            "--parent", required=True, help=_("Id of the page that receives the news items.")
        )
        parser.add_argument(
            "--kind",
            required=True,
            help=_("Kind of the news items: %(kinds)s.") % {"kinds": ", ".join(NewsKind.values)},
        )
        parser.add_argument(
            "--dry-run", action="store_true", help=_("Report what would be done, write nothing.")
        )

    def handle(self, *args, **options):
        # Messages in the site's first language, whatever the shell's locale.
        with translation.override(settings.LANGUAGE_CODE):
            self.run(**options)

    def run(self, *, source, parent, kind, dry_run, **options):
        parent_page = self.get_parent(parent)
        if kind not in NewsKind.values:
            raise CommandError(
                _("Unknown kind %(kind)r. Choose one of: %(kinds)s.")
                % {"kind": kind, "kinds": ", ".join(NewsKind.values)}
            )
        feed = self.read_feed(source)
        source_name = plain_text(feed.feed.get("title")) or source
        counts = {"created": 0, "updated": 0, "unchanged": 0, "skipped": 0}

        with transaction.atomic():
            for index, entry in enumerate(feed.entries, start=1):
                label = entry.get("id") or entry.get("link") or f"#{index}"
                try:
                    with transaction.atomic():
                        outcome = self.import_entry(entry, parent_page, kind, source, source_name)
                except (MalformedEntry, ValidationError) as error:
                    counts["skipped"] += 1
                    self.stderr.write(
                        _("Skipped entry %(entry)s: %(reason)s")
                        % {"entry": label, "reason": self.reason(error)}
                    )
                    continue
                counts[outcome] += 1
                self.stdout.write(f"{outcome}: {label}", self.style.SUCCESS)
            if dry_run:
                transaction.set_rollback(True)

        summary = (
            _(
                "%(created)d created, %(updated)d updated, %(unchanged)d unchanged, %(skipped)d skipped."
            )
            % counts
        )
        if dry_run:
            summary += " " + _("Dry run: nothing was written.")
        self.stdout.write(summary)

    @staticmethod
    def reason(error):
        if isinstance(error, ValidationError):
            return " ".join(error.messages)
        return str(error)

    def get_parent(self, parent_id):
        try:
            page = Page.objects.filter(pk=int(parent_id)).first()
        except ValueError:
            page = None
        if page is None:
            raise CommandError(_("No page has the id %(id)s.") % {"id": parent_id})
        page = page.specific
        if not NewsPage.can_exist_under(page):
            raise CommandError(
                _("The page %(title)r (%(type)s) cannot hold news items.")
                % {"title": page.title, "type": page.specific_class._meta.verbose_name}
            )
        return page

    def read_feed(self, source):
        if re.match(r"^https?://", source):
            feed = feedparser.parse(source)
        else:
            path = Path(source)
            if not path.is_file():
                raise CommandError(_("No feed file at %(path)s.") % {"path": source})
            feed = feedparser.parse(path.read_bytes())
        if not feed.entries and (feed.bozo or not feed.version):
            problem = feed.get("bozo_exception") or _("not an RSS or Atom feed")
            raise CommandError(
                _("The feed %(source)s cannot be read: %(problem)s")
                % {"source": source, "problem": problem}
            )
        return feed

    def entry_fields(self, entry, kind, source_name):
        key = (entry.get("id") or entry.get("link") or "").strip()
        if not key:
            raise MalformedEntry(_("it has neither an id nor a link"))
        if len(key) > ImportedEntry._meta.get_field("key").max_length:
            raise MalformedEntry(_("its id is too long"))
        title = plain_text(entry.get("title"))
        if not title:
            raise MalformedEntry(_("it has no title"))
        date = _entry_date(entry)
        if date is None:
            raise MalformedEntry(_("it has no valid date"))
        link = _valid_url((entry.get("link") or "").strip())
        if kind == NewsKind.RELAY and not link:
            raise MalformedEntry(_("a relayed news item needs a valid link"))
        summary_html = entry.get("summary", "")
        content_html = entry.content[0].get("value", "") if entry.get("content") else ""
        body = clean_rich_text(content_html or summary_html)
        return key, {
            "title": title[:TITLE_LENGTH],
            "kind": kind,
            "date": date,
            "intro": plain_text(summary_html) if summary_html else "",
            "body_html": body,
            "source_name": source_name[:200] if link else "",
            "source_url": link,
            "source_date": date if link else None,
        }

    def import_entry(self, entry, parent, kind, source, source_name):
        key, fields = self.entry_fields(entry, kind, source_name)
        checksum = hashlib.sha256(
            json.dumps(fields, sort_keys=True, default=str).encode()
        ).hexdigest()
        record = ImportedEntry.objects.select_related("page").filter(key=key).first()
        if record is not None and record.checksum == checksum:
            return "unchanged"

        page = record.page if record is not None else NewsPage(locale=parent.locale)
        body_html = fields.pop("body_html")
        for name, value in fields.items():
            setattr(page, name, value)
        page.body = [("paragraph", RichText(body_html))] if body_html else []
        if record is None:
            parent.add_child(instance=page)
        page.save_revision().publish()

        if record is None:
            ImportedEntry.objects.create(key=key, page=page, source=source[:500], checksum=checksum)
            return "created"
        record.checksum = checksum
        record.source = source[:500]
        record.save(update_fields=["checksum", "source", "updated_at"])
        return "updated"
