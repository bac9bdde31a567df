"""The freshness report, its dashboard panel and its CSV export, through the admin.

A French page translated into English reads "up to date"; once its French source is
republished with a changed paragraph it reads "out of date" (one string, since then) on the
report and the dashboard; the translator translates the string ("waiting for review") and
publishes ("up to date" again). Each role sees its own part: the national team everything,
the English translators English only, a coordinator their region. The admin speaks French
to these users (the site's language).
"""

import csv
import datetime
import io
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from core import i18n
from core.models import OutdatedTranslation
from tests.factories import NewsPageFactory, UserFactory
from translation.provisioning import sync_translators

pytestmark = [pytest.mark.region_provisioning]

BODY = [("paragraph", RichText("<p>Les coopératives bretonnes se réunissent à Rennes.</p>"))]
CHANGED = [("paragraph", RichText("<p>Les coopératives bretonnes se réunissent à Brest.</p>"))]


def translate_every_string(page, language_code, texts):
    """``core.i18n.translate`` with every string of the page translated (``texts`` first)."""
    source, _ = TranslationSource.update_or_create_from_instance(page)
    every = {
        segment.string.data: f"[{language_code}] {segment.string.data}"
        for segment in StringSegment.objects.filter(source=source).select_related("string")
    }
    every.update(texts)
    return i18n.translate(page, language_code, every)


@pytest.fixture
def scene(world, django_capture_on_commit_callbacks):
    sync_translators()
    fr = NewsPageFactory(
        parent=world.pages["fr"]["region_a"], title="Rencontre des coopératives", body=BODY
    )
    # wagtail-localize publishes a translation once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        translate_every_string(
            fr,
            "en",
            {
                "title": "Cooperatives meet",
                "Les coopératives bretonnes se réunissent à Rennes.": (
                    "Breton cooperatives meet in Rennes."
                ),
            },
        )
    other = NewsPageFactory(parent=world.pages["fr"]["region_b"], title="Actu occitane seule")
    translator = UserFactory(username="trad-en", groups=["Traduction EN"])
    return fr, other, translator


def time_machine(moment):
    """``timezone.now()`` answers ``moment`` for the digest."""
    return mock.patch("translation.digest.timezone.now", return_value=moment)


def report(client, user, **params):
    client.force_login(user)
    response = client.get(reverse("translation_freshness"), params)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def row_of(html, title):
    """The report's table row of a title (its HTML), or None."""
    start = html.find(title)
    if start < 0:
        return None
    return html[html.rfind("<tr", 0, start) : html.find("</tr>", start)]


def test_out_of_date_after_the_source_changes_up_to_date_once_published(
    client, world, scene, django_capture_on_commit_callbacks
):
    fr, _other, translator = scene
    html = report(client, translator, language="en", title="Rencontre")
    assert "À jour" in row_of(html, "Rencontre des coopératives")

    # The French source is republished with a changed paragraph.
    fr.body = CHANGED
    fr.save_revision().publish()
    translation = Translation.objects.get(
        source__object_id=fr.translation_key, target_locale=world.en
    )
    assert OutdatedTranslation.objects.filter(translation=translation).exists()

    html = report(client, translator, language="en", title="Rencontre")
    row = row_of(html, "Rencontre des coopératives")
    assert "À mettre à jour" in row, row
    assert "1 texte à traduire" in row, row

    client.force_login(translator)
    dashboard = client.get("/admin/").content.decode()
    panel = dashboard[dashboard.index('id="translation-freshness"') :]
    assert 'language=en&amp;status=outdated">1<' in panel

    # The translator translates the changed string: waiting for review.
    segment = StringSegment.objects.get(
        source=translation.source, string__data="Les coopératives bretonnes se réunissent à Brest."
    )
    response = client.put(
        reverse(
            "wagtail_localize:edit_string_translation",
            kwargs={"translation_id": translation.pk, "string_segment_id": segment.pk},
        ),
        "value=Breton+cooperatives+meet+in+Brest.",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201)
    row = row_of(
        report(client, translator, language="en", title="Rencontre"), "Rencontre des coopératives"
    )
    assert "En attente de relecture" in row, row

    # Published from the translation editor: up to date again.
    english = fr.get_translation(world.en)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[english.pk]), {"action": "publish"}
        )
    assert response.status_code == 302
    english.refresh_from_db()
    assert "Brest" in str(english.specific.body)
    row = row_of(
        report(client, translator, language="en", title="Rencontre"), "Rencontre des coopératives"
    )
    assert "À jour" in row, row
    assert not OutdatedTranslation.objects.filter(translation=translation).exists()


def test_each_role_sees_its_part(client, world, scene):
    fr, other, translator = scene
    national = report(client, world.users["national"])
    assert row_of(national, "Rencontre des coopératives") and row_of(
        national, "Actu occitane seule"
    )

    english = report(client, translator)
    assert row_of(english, "Actu occitane seule"), "translators see every page of their language"

    coordinator = report(client, world.users["coord_a"])
    assert row_of(coordinator, "Rencontre des coopératives")
    assert row_of(coordinator, "Actu occitane seule") is None, "another region's page"

    client.force_login(world.users["nobody"])
    assert client.get(reverse("translation_freshness")).status_code in (302, 403)


def test_filters_and_csv_export(client, world, scene):
    _fr, _other, translator = scene
    client.force_login(world.users["national"])
    response = client.get(
        reverse("translation_freshness"), {"status": "missing", "export": "csv", "language": "en"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    titles = [row[0] for row in rows[1:]]
    assert "Actu occitane seule" in titles
    assert "Rencontre des coopératives" not in titles, "translated: not in the missing filter"
    assert all(row[4] == "Non traduit" for row in rows[1:]), rows[:3]


def test_weekly_digest_to_the_translators_of_the_language(client, world, scene):
    fr, _other, translator = scene
    UserFactory(username="trad-en-sans-adresse", email="", groups=["Traduction EN"])
    out = io.StringIO()
    call_command("send_translation_digest", stdout=out)
    assert mail.outbox == [], "nothing went out of date: no digest"
    assert "0 digest" in out.getvalue()

    fr.body = CHANGED
    fr.save_revision().publish()
    call_command("send_translation_digest", stdout=out)
    assert [message.to for message in mail.outbox] == [[translator.email]]
    message = mail.outbox[0]
    assert message.subject == "Traductions à mettre à jour (English) : 1 cette semaine"
    assert (
        "- Rencontre des coopératives (actualité, Bretagne)\n  1 texte à traduire\n" in message.body
    )
    english = fr.get_translation(world.en)
    assert f"http://testserver/admin/pages/{english.pk}/edit/" in message.body

    # A week later, it is old news: no digest, though it is still out of date.
    mail.outbox.clear()
    with time_machine(timezone.now() + datetime.timedelta(days=8)):
        call_command("send_translation_digest", stdout=out)
    assert mail.outbox == []
