"""The contact form: good, spammy and malformed input."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission

from tests.factories import ContactPageFactory

GOOD = {
    "nom": "Awa Diop",
    "adresse_e_mail": "awa@example.org",
    "message": "Notre coopérative souhaite rejoindre le chantier formation.",
}


@pytest.fixture
def contact(site_tree):
    return ContactPageFactory(parent=site_tree.home)


def post(client, page, data, ip="198.51.100.20"):
    return client.post(page.url, data, REMOTE_ADDR=ip)


def test_contact_page_renders_a_labelled_form_with_csrf_and_a_hidden_honeypot(client, contact):
    response = client.get(contact.url)
    assert response.status_code == 200
    html = response.text
    assert 'name="csrfmiddlewaretoken"' in html
    assert '<label for="id_nom">Nom' in html
    assert '<div class="form-honeypot" aria-hidden="true">' in html
    assert 'name="website-url"' in html
    assert "style=" not in html
    assert "no-cache" in response["Cache-Control"]


def test_good_input_is_stored_and_e_mailed(client, contact):
    response = post(client, contact, GOOD)
    assert response.status_code == 200
    assert "Merci" in response.text
    submission = FormSubmission.objects.get(page=contact)
    assert submission.get_data()["nom"] == "Awa Diop"
    assert "website-url" not in submission.form_data
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["contact@ess.example.org"]
    assert message.subject == "Message du site"
    assert "Awa Diop" in message.body and "chantier formation" in message.body


def test_submissions_are_kept_in_the_admin(client, contact):
    post(client, contact, GOOD)
    admin = get_user_model().objects.create_superuser("national", "n@example.org", "pw-Ess-2010!x")
    client.force_login(admin)
    response = client.get(reverse("wagtailforms:list_submissions", args=[contact.pk]))
    assert response.status_code == 200
    assert "Awa Diop" in response.text


def test_honeypot_filled_is_dropped_silently(client, contact):
    response = post(client, contact, {**GOOD, "website-url": "http://spam.example"})
    assert response.status_code == 200
    assert "Merci" in response.text
    assert not FormSubmission.objects.exists()
    assert mail.outbox == []


def test_too_many_posts_from_one_address_are_refused(client, contact, settings):
    settings.CONTACT_FORM_RATE_LIMIT = 3
    for _n in range(3):
        assert post(client, contact, GOOD).status_code == 200
    refused = post(client, contact, GOOD)
    assert refused.status_code == 429
    assert "Trop de messages" in refused.text
    assert FormSubmission.objects.count() == 3
    assert len(mail.outbox) == 3
    assert post(client, contact, GOOD, ip="198.51.100.99").status_code == 200


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({**GOOD, "nom": ""}, "nom", "Champ requis."),
        (
            {**GOOD, "adresse_e_mail": "pas-une-adresse"},
            "adresse_e_mail",
            "Saisissez une adresse e-mail valide.",
        ),
        ({k: v for k, v in GOOD.items() if k != "message"}, "message", "Champ requis."),
    ],
)
def test_malformed_input_is_refused_with_its_message(client, contact, data, field, message):
    response = post(client, contact, data)
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert message in response.text.replace("&#x27;", "'")
    assert not FormSubmission.objects.exists()
    assert mail.outbox == []


def test_posting_without_the_csrf_token_is_refused(contact):
    client = Client(enforce_csrf_checks=True)
    response = client.post(contact.url, GOOD)
    assert response.status_code == 403
    assert not FormSubmission.objects.exists()


def test_the_footer_links_to_the_contact_page(client, contact, site_tree):
    response = client.get(site_tree.home.url)
    assert f'<a href="{contact.url}">Contact</a>' in response.text
