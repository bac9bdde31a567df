"""The admin's login: lockout after repeated failures, password validators, base URL."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

PASSWORD = "Ch4ntier-Bretagne-2010"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("coordinatrice", "c@example.org", PASSWORD)


def login(client, password, username="coordinatrice"):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR="203.0.113.7",
    )


def is_logged_in(client):
    return client.get(reverse("wagtailadmin_home")).status_code == 200


def test_failed_logins_lock_the_account_out_even_with_the_right_password(client, editor):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _attempt in range(4):
        response = login(client, "wrong-password")
        assert response.status_code == 200
        assert response.context["form"].errors
    fifth = login(client, "wrong-password")
    sixth = login(client, "wrong-password")
    for refused in (fifth, sixth):
        assert refused.status_code == 429
        assert "Trop de tentatives de connexion échouées" in refused.text
    right = login(client, PASSWORD)
    assert right.status_code == 429
    assert not is_logged_in(client)


def test_a_correct_login_before_the_limit_resets_the_count(client, editor):
    for _attempt in range(4):
        login(client, "wrong-password")
    response = login(client, PASSWORD)
    assert response.status_code == 302
    assert is_logged_in(client)
    client.logout()
    for _attempt in range(4):
        assert login(client, "wrong-password").status_code == 200


def test_lockout_is_per_account_and_address(client, editor):
    other = get_user_model().objects.create_superuser("presse", "p@example.org", PASSWORD)
    for _attempt in range(5):
        login(client, "wrong-password")
    response = login(client, PASSWORD, username=other.username)
    assert response.status_code == 302


def test_password_validators_refuse_weak_passwords(editor):
    for weak in ("12345678", "password", "coordinatrice", "abc"):
        with pytest.raises(ValidationError):
            validate_password(weak, user=editor)
    validate_password(PASSWORD, user=editor)


def test_admin_base_url_is_set():
    assert settings.WAGTAILADMIN_BASE_URL.startswith("http")


def test_rich_text_from_the_editor_keeps_only_allowed_elements():
    """Draftail sends content state, not HTML: markup typed or pasted arrives as text."""
    import json

    from wagtail.admin.rich_text import DraftailRichTextArea

    widget = DraftailRichTextArea(features=["bold", "italic", "link"])
    contentstate = {
        "blocks": [
            {
                "key": "a1",
                "type": "unstyled",
                "depth": 0,
                "text": '<script>alert(1)</script><img src=x onerror="alert(2)">',
                "inlineStyleRanges": [{"offset": 0, "length": 8, "style": "BOLD"}],
                "entityRanges": [],
            },
            {
                "key": "b2",
                "type": "atomic",  # an embed or image block the field's features do not allow
                "depth": 0,
                "text": " ",
                "inlineStyleRanges": [],
                "entityRanges": [],
            },
        ],
        "entityMap": {},
    }
    html = widget.value_from_datadict({"body": json.dumps(contentstate)}, {}, "body")
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_no_page_body_accepts_raw_html():
    from wagtail import blocks
    from wagtail.fields import StreamField
    from wagtail.models import get_page_models

    def walk(block):
        yield block
        for child in getattr(block, "child_blocks", {}).values():
            yield from walk(child)
        if hasattr(block, "child_block"):
            yield from walk(block.child_block)

    for model in get_page_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                for block in walk(field.stream_block):
                    assert not isinstance(block, blocks.RawHTMLBlock), (model, field.name)
