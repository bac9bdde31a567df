"""Joining the movement: the form stores the request, e-mails the region's coordinators (or
the national team), and the national team lists and exports the requests as CSV."""

import csv
import io

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission

from tests.factories import JoinPageFactory, translate
from tests.helpers import is_refusal

pytestmark = [pytest.mark.region_provisioning]

GOOD = {
    "organisation": "Coopérative du Léon",
    "legal_form": "cooperative",
    "region": "bretagne",
    "contact_name": "Yann Le Goff",
    "email": "yann@example.org",
    "message": "Nous voulons rejoindre le chantier formation.",
    "consent": "on",
}


@pytest.fixture
def join(world):
    return JoinPageFactory(parent=world.site.home, fallback_address="adhesions@example.org")


def post(client, page, data, ip="198.51.100.30"):
    return client.post(page.url, data, REMOTE_ADDR=ip)


def test_a_request_is_stored_and_e_mailed_to_the_regions_coordinators(client, world, join):
    response = post(client, join, GOOD)
    assert response.status_code == 200
    assert "Merci" in response.text
    submission = FormSubmission.objects.get(page=join)
    data = submission.get_data()
    assert data["organisation"] == "Coopérative du Léon"
    assert data["legal_form"] == "Coopérative"
    assert data["region"] == "Bretagne"
    assert data["consent"] == "oui"
    assert "website-url" not in submission.form_data
    # Bretagne's coordinator, and the page's copy address; not the national team.
    addresses = sorted(address for message in mail.outbox for address in message.to)
    assert addresses == ["adhesions@example.org", "coord-a@example.org"]
    message = mail.outbox[0]
    assert message.subject == "Demande d'adhésion : Coopérative du Léon"
    assert message.reply_to == ["yann@example.org"]
    assert "Nous voulons rejoindre le chantier formation." in message.body


def test_without_a_region_the_national_team_is_told(client, world, join):
    post(client, join, {**GOOD, "region": ""})
    addresses = sorted(address for message in mail.outbox for address in message.to)
    assert addresses == ["adhesions@example.org", "nationale@example.org"]
    assert FormSubmission.objects.get(page=join).get_data()["region"] == "National, ou à l'étranger"


def test_the_national_team_lists_and_exports_the_requests(client, world, join):
    post(client, join, GOOD)
    post(client, join, {**GOOD, "organisation": "Mutuelle d'Occitanie", "region": "occitanie"})
    client.force_login(world.users["national"])
    listing = client.get(reverse("wagtailforms:list_submissions", args=[join.pk]))
    assert listing.status_code == 200
    text = listing.text.replace("&#x27;", "'")
    assert "Coopérative du Léon" in text and "Mutuelle d'Occitanie" in text
    export = client.get(reverse("wagtailforms:list_submissions", args=[join.pk]), {"export": "csv"})
    assert export.status_code == 200
    assert export["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert rows[0][1:] == [
        "Organisation",
        "Forme juridique",
        "Région",
        "Personne à contacter",
        "Adresse e-mail",
        "Message",
        "Accepte d'être contacté·e",
        "Langue",
    ]
    organisations = sorted(row[1] for row in rows[1:])
    assert organisations == ["Coopérative du Léon", "Mutuelle d'Occitanie"]
    # A coordinator sees neither the list nor the export.
    client.force_login(world.users["coord_a"])
    refused = client.get(
        reverse("wagtailforms:list_submissions", args=[join.pk]), {"export": "csv"}
    )
    assert is_refusal(refused)


def test_the_honeypot_drops_a_bot_and_the_rate_limit_holds(client, world, join, settings):
    response = post(client, join, {**GOOD, "website-url": "http://spam.example"})
    assert response.status_code == 200
    assert not FormSubmission.objects.exists() and mail.outbox == []
    settings.CONTACT_FORM_RATE_LIMIT = 1
    assert post(client, join, GOOD, ip="198.51.100.40").status_code == 200
    assert post(client, join, GOOD, ip="198.51.100.40").status_code == 429
    assert FormSubmission.objects.count() == 1


def test_posting_without_the_csrf_token_is_refused(world, join):
    assert Client(enforce_csrf_checks=True).post(join.url, GOOD).status_code == 403
    assert not FormSubmission.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "message", "language"),
    [
        ({"email": "yann@"}, "email", "Saisissez une adresse e-mail valide.", "fr"),
        ({"organisation": ""}, "organisation", "Champ requis.", "fr"),
        ({"legal_form": "kolkhoze"}, "legal_form", None, "fr"),
        ({"consent": ""}, "consent", "Tick this box so that we may answer you.", "en"),
        ({"email": "yann@"}, "email", "Enter a valid email address.", "en"),
    ],
)
def test_bad_input_is_refused_in_the_visitors_language_and_kept(
    client, world, join, changes, field, message, language
):
    page = join if language == "fr" else translate(join, slug="join")
    response = post(client, page, {**GOOD, **changes})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors
    if message:
        assert errors[field] == [message]
    assert 'value="Yann Le Goff"' in response.text
    assert not FormSubmission.objects.exists() and mail.outbox == []
