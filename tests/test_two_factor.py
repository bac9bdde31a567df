"""Optional two-factor authentication (TOTP) for the admin's editors."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail.users.models import UserProfile

PASSWORD = "Ch4ntier-Bretagne-2010"
SETUP = "/admin/two-factor/"
VERIFY = "/admin/two-factor/verify/"
DISABLE = "/admin/two-factor/disable/"


def make_editor(username="coordinatrice", language="en"):
    user = get_user_model().objects.create_superuser(username, f"{username}@example.org", PASSWORD)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def code(device, wrong=False):
    token = totp(device.bin_key)
    return f"{(token + 1) % 1_000_000:06d}" if wrong else f"{token:06d}"


def password_login(client):
    """A fresh session through the admin's login form (django-axes sees the request)."""
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "coordinatrice", "password": PASSWORD},
        REMOTE_ADDR="203.0.113.7",
    )
    assert response.status_code == 302


@pytest.fixture
def editor(db):
    return make_editor()


@pytest.fixture
def enrolled(editor):
    return TOTPDevice.objects.create(user=editor, name="default", confirmed=True)


def test_an_editor_without_an_authenticator_reaches_the_admin(client, editor):
    password_login(client)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pages/").status_code == 200
    account = client.get(reverse("wagtailadmin_account"))
    assert SETUP in account.text


def test_enrolment_shows_a_qr_code_and_the_secret_and_a_valid_code_confirms_it(client, editor):
    client.force_login(editor)
    page = client.get(SETUP)
    assert page.status_code == 200
    assert 'src="data:image/svg+xml' in page.text
    device = TOTPDevice.objects.get(user=editor)
    assert not device.confirmed
    assert page.context["secret_key"].replace(" ", "") in page.text.replace(" ", "")
    assert "<script>" not in page.text.split('id="main"')[-1]

    wrong = client.post(SETUP, {"token": code(device, wrong=True)})
    assert wrong.status_code == 200
    assert "This code is wrong or has expired" in wrong.text
    device.refresh_from_db()
    assert not device.confirmed

    device.throttle_reset()
    right = client.post(SETUP, {"token": code(device)})
    assert right.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    # The session that enrolled is verified: the admin opens.
    assert client.get("/admin/").status_code == 200
    assert "Two-factor authentication is on" in client.get(SETUP).text


def test_a_code_that_is_not_six_digits_is_refused(client, editor):
    client.force_login(editor)
    client.get(SETUP)
    response = client.post(SETUP, {"token": "abc"})
    assert "Enter the 6 digits shown by your authenticator app." in response.text
    assert not TOTPDevice.objects.get(user=editor).confirmed


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/"])
def test_after_enrolment_a_new_session_must_enter_its_code(client, enrolled, path):
    password_login(client)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)
    assert f"next={path.replace('/', '%2F')}" in response["Location"]
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Enter your code" in page.text


def test_a_wrong_code_is_refused_and_a_valid_one_opens_the_admin(client, settings, enrolled):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    password_login(client)
    wrong = client.post(VERIFY, {"token": code(enrolled, wrong=True), "next": "/admin/pages/"})
    assert wrong.status_code == 200
    assert "This code is wrong or has expired" in wrong.text
    assert client.get("/admin/").status_code == 302

    right = client.post(VERIFY, {"token": code(enrolled), "next": "/admin/pages/"})
    assert right.status_code == 302
    assert right["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pages/").status_code == 200


def test_verify_refuses_to_send_the_editor_to_another_site(client, enrolled):
    password_login(client)
    response = client.post(VERIFY, {"token": code(enrolled), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_the_public_site_login_and_static_files_are_not_asked_for_a_code(client, enrolled):
    password_login(client)
    assert client.get(reverse("wagtailadmin_login")).status_code in (200, 302)
    assert client.get(reverse("wagtailadmin_javascript_catalog")).status_code == 200
    assert client.post(reverse("wagtailadmin_logout")).status_code == 302
    assert client.get("/admin/").status_code == 302
    assert client.get("/admin/").url.startswith(reverse("wagtailadmin_login"))


def test_an_editor_can_turn_two_factor_off_with_a_valid_code(client, settings, enrolled):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    password_login(client)
    client.post(VERIFY, {"token": code(enrolled)})
    enrolled.refresh_from_db()
    enrolled.last_t = -1  # the code of this time step was just used to verify
    enrolled.save()

    refused = client.post(DISABLE, {"token": code(enrolled, wrong=True)}, follow=True)
    assert "This code is wrong or has expired" in refused.text
    assert TOTPDevice.objects.filter(user=enrolled.user, confirmed=True).exists()

    client.post(DISABLE, {"token": code(enrolled)})
    assert not TOTPDevice.objects.filter(user=enrolled.user).exists()
    client.logout()
    password_login(client)
    assert client.get("/admin/").status_code == 200


def test_when_required_an_editor_without_an_authenticator_is_sent_to_set_one_up(
    client, settings, editor
):
    settings.ADMIN_2FA_REQUIRED = True
    password_login(client)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(SETUP)
    page = client.get(response["Location"])
    assert "This site requires two-factor authentication" in page.text
    device = TOTPDevice.objects.get(user=editor)
    client.post(SETUP, {"token": code(device)})
    assert client.get("/admin/pages/").status_code == 200


def test_the_two_factor_pages_are_in_french_for_a_french_editor(client, settings, db):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    editor = make_editor(language="fr")
    client.force_login(editor)
    setup = client.get(SETUP)
    assert "Authentification à deux facteurs" in setup.text
    assert "Ou saisissez cette clé secrète dans l’application" in setup.text
    device = TOTPDevice.objects.get(user=editor)
    wrong = client.post(SETUP, {"token": code(device, wrong=True)})
    assert "Ce code est erroné ou a expiré" in wrong.text

    device.confirmed = True
    device.save()
    client.logout()
    client.force_login(editor)
    verify = client.get(client.get("/admin/")["Location"])
    assert "Saisissez votre code" in verify.text
    assert "Code de votre application d’authentification" in verify.text


def test_a_verified_editor_edits_and_previews_pages(client, settings, site_tree, enrolled):
    password_login(client)
    client.post(VERIFY, {"token": code(enrolled)})
    about = site_tree.about
    assert client.get(reverse("wagtailadmin_pages:edit", args=[about.pk])).status_code == 200
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[about.pk])
    data = nested_form_data(
        {
            "title": "À propos (brouillon)",
            "slug": about.slug,
            "intro": "Qui",
            "body": streamfield([]),
        }
    )
    assert client.post(preview_url, data).json()["is_valid"] is True
    preview = client.get(preview_url)
    assert preview.status_code == 200
    assert "À propos (brouillon)" in preview.text
