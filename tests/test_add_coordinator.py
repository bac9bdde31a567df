"""``add_coordinator``: an account for a regional coordinator, and nothing on bad input."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page

from tests.helpers import news_form, snapshot

pytestmark = [pytest.mark.region_provisioning]

GOOD_PASSWORD = "Coopérative-Bretonne-2010!"


def add_coordinator(*args, stdin=None, **options):
    out = StringIO()
    call_command("add_coordinator", *args, stdout=out, stdin=stdin, **options)
    return out.getvalue()


def accounts():
    from django.contrib.auth import get_user_model

    return (
        list(get_user_model().objects.values_list("username", "email")),
        sorted(Group.objects.values_list("name", flat=True)),
        snapshot(),
    )


def test_a_coordinator_created_with_a_password_works_in_their_region_only(client, site_tree):
    out = add_coordinator(
        "anne", region="bretagne", email="anne@example.org", password_stdin=True,
        stdin=StringIO(GOOD_PASSWORD + "\n"),
    )  # fmt: skip
    assert "anne" in out and "Coordination Bretagne" in out

    response = client.post("/admin/login/", {"username": "anne", "password": GOOD_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{site_tree.region_a.pk}/"
    assert client.get("/admin/").status_code == 200
    assert client.get(f"/admin/pages/{site_tree.region_a.pk}/edit/").status_code == 200
    client.post(
        f"/admin/pages/add/news/newspage/{site_tree.region_a.pk}/",
        news_form("Rencontre à Rennes", "rencontre-rennes"),
    )
    assert Page.objects.child_of(site_tree.region_a).filter(slug="rencontre-rennes").exists()

    before = snapshot()
    for method, url in (
        ("get", f"/admin/pages/{site_tree.region_b.pk}/edit/"),
        ("get", f"/admin/pages/{site_tree.home.pk}/edit/"),
        ("post", f"/admin/pages/{site_tree.region_a.pk}/delete/"),
    ):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and response["Location"] == "/admin/", url
    assert snapshot() == before


def test_without_a_password_a_reset_link_is_printed(client, site_tree, django_user_model):
    out = add_coordinator("marc", region="occitanie", email="marc@example.org")
    user = django_user_model.objects.get(username="marc")
    assert not user.has_usable_password()
    assert user.groups.filter(name="Coordination Occitanie").exists()
    link = next(word for word in out.split() if "/password_reset/" in word)
    path = link.split("://", 1)[1].split("/", 1)[1]
    response = client.get("/" + path, follow=True)
    assert response.status_code == 200
    assert b'name="new_password1"' in response.content


def test_an_existing_account_is_updated(site_tree, django_user_model):
    user = django_user_model.objects.create_user("anne", email="old@example.org")
    add_coordinator("anne", region="bretagne", email="anne@example.org")
    user.refresh_from_db()
    assert user.email == "anne@example.org"
    assert user.groups.filter(name="Coordination Bretagne").exists()
    assert django_user_model.objects.count() == 1


@pytest.mark.parametrize(
    "options, stdin, expected",
    [
        (
            {"region": "bourgogne", "email": "a@example.org"},
            None,
            ["bourgogne", "bretagne, occitanie"],
        ),
        ({"region": "bretagne", "email": "pas-une-adresse"}, None, ["pas-une-adresse"]),
        ({"region": "bretagne", "email": "a@example.org", "password_stdin": True}, "\n", []),
        ({"region": "bretagne", "email": "a@example.org", "password_stdin": True}, "123\n", []),
    ],
    ids=["unknown-region", "bad-email", "empty-password", "weak-password"],
)
def test_bad_input_exits_non_zero_and_creates_nothing(site_tree, options, stdin, expected):
    before = accounts()
    with pytest.raises(CommandError) as error:
        add_coordinator("anne", stdin=StringIO(stdin) if stdin is not None else None, **options)
    assert error.value.returncode != 0
    for text in expected:
        assert text in str(error.value)
    assert accounts() == before
