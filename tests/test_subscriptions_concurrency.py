"""Two ``send_digests`` at once (two threads, each with its own database connection, as two
cron jobs would be) send each subscriber's e-mail once, through a real SMTP server."""

import datetime
import threading
from unittest import mock

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.db.models.signals import post_save
from django.utils import timezone
from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save

from subscriptions.models import Message, MessageStatus, Subscriber, SubscriberState
from tests.factories import NewsPageFactory, build_site_tree
from tests.smtp_server import running_smtp_server, smtp_settings

pytestmark = [pytest.mark.server]


@pytest.fixture
def committed(django_db_setup, django_db_blocker):
    """The database as the threads see it: what the test writes is committed, then the
    database is put back as it was (as test_browser's live server does)."""
    with django_db_blocker.unblock():
        snapshot = connection.creation.serialize_db_to_string()
        try:
            yield
        finally:
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
            # wagtail-localize syncs trees on every LocaleSynchronization save, raw or not.
            post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
            try:
                connection.creation.deserialize_db_from_string(snapshot)
            finally:
                post_save.connect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
            # flush restarted PostgreSQL's sequences under the rows just put back: move them
            # past those rows, or the next test's first page would take id 1 again.
            with connection.cursor() as cursor:
                for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                    cursor.execute(statement)


def test_two_runs_at_once_send_each_e_mail_once(committed):
    site = build_site_tree()
    now = timezone.now()
    addresses = [f"abonne{number}@example.org" for number in range(12)]
    for address in addresses:
        Subscriber.objects.create(
            email=address,
            language="fr",
            state=SubscriberState.ACTIVE,
            national_news=True,
            confirmed_at=now,
            digest_since=now,
            alerts_since=now,
        )
    NewsPageFactory(parent=site.news_index, title="Pour tout le monde")
    later = now + datetime.timedelta(days=8)

    errors = []

    def run():
        try:
            call_command("send_digests", batch_size=3, pause=0)
        except Exception as error:  # the assertion below reports it
            errors.append(error)
        finally:
            connection.close()

    with running_smtp_server() as (mailbox, port), smtp_settings(port):
        with mock.patch("django.utils.timezone.now", return_value=later):
            threads = [threading.Thread(target=run) for _ in range(2)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=120)
            # Whatever one run left to the other (a subscriber it found taken) is sent by
            # the next run, and only that.
            call_command("send_digests")
        assert not errors, errors
        assert sorted(m["To"] for m in mailbox.messages) == sorted(addresses)
    assert Message.objects.filter(status=MessageStatus.SENT).count() == len(addresses)
