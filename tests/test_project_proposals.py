"""The public "propose a project" form: a proposal becomes a draft under the right region,
e-mails the right people, stays invisible until a moderator publishes it; spam, bad input
and bad files are refused with what was typed kept."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Page, WorkflowState

from directory.models import ProjectPage
from directory.proposals import PRIVATE_COLLECTION, PUBLIC_COLLECTION, is_public_document
from tests.factories import ProjectBankPageFactory, ProjectProposalPageFactory, translate
from tests.helpers import is_refusal, snapshot

pytestmark = [pytest.mark.region_provisioning]

GOOD = {
    "title": "Une recyclerie de quartier",
    "organisation_name": "Association Réemploi breton",
    "region": "bretagne",
    "contact_name": "Awa Diop",
    "contact_email": "awa@example.org",
    "summary": "Collecter, réparer et revendre les objets du quartier.",
    "description": "Nous cherchons un local.\n\nEt des bénévoles pour les ateliers.",
    "needs": ["partners", "volunteers"],
    "amount_sought": "15000",
    "deadline": "",
    "themes": ["cooperation"],
    "consent": "on",
}


@pytest.fixture
def bank(world):
    bank = ProjectBankPageFactory(parent=world.site.home)
    form = ProjectProposalPageFactory(parent=bank)
    return bank, form


def propose(client, form_page, data=None, ip="198.51.100.7", **files):
    return client.post(form_page.url, {**GOOD, **(data or {}), **files}, REMOTE_ADDR=ip)


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_a_proposal_becomes_a_draft_under_its_region_and_reaches_its_moderators(
    client, world, bank
):
    project_bank, form_page = bank
    response = propose(client, form_page)
    assert response.status_code == 200
    assert "Merci" in response.text
    assert "no-cache" in response["Cache-Control"]

    project = ProjectPage.objects.get(title=GOOD["title"])
    region_a = world.pages["fr"]["region_a"]
    assert project.get_parent().pk == region_a.pk
    assert not project.live and project.has_unpublished_changes
    assert project.contact_email == "awa@example.org"
    assert project.needs == ["partners", "volunteers"]
    assert project.amount_sought == 15000
    revision = project.get_latest_revision_as_object()
    assert [t.code for t in revision.themes.all()] == ["cooperation"]
    assert "Et des bénévoles pour les ateliers." in str(revision.body)
    state = WorkflowState.objects.get(object_id=str(project.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Banque de projets"

    # Bretagne's coordinators and the national team are told; nobody else.
    assert recipients() == ["coord-a@example.org", "nationale@example.org"]
    message = next(m for m in mail.outbox if "coord-a@example.org" in m.to)
    assert "Une recyclerie de quartier" in message.subject
    assert "Association Réemploi breton" in message.body
    assert f"/admin/pages/{project.pk}/edit/" in message.body

    # Invisible to visitors until published: its URL, the bank, the API.
    assert client.get(region_a.url + project.slug + "/").status_code == 404
    assert GOOD["title"] not in client.get(project_bank.url).text
    api = client.get("/api/v2/pages/", {"type": "directory.ProjectPage"}).json()
    assert api["meta"]["total_count"] == 0

    # The national team approves it through the workflow: it is published.
    client.force_login(world.users["national"])
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[project.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": ""},
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.live
    client.logout()
    assert GOOD["title"] in client.get(project_bank.url).text


def test_another_regions_coordinator_cannot_moderate_it_and_changes_nothing(client, world, bank):
    _project_bank, form_page = bank
    propose(client, form_page)
    project = ProjectPage.objects.get(title=GOOD["title"])
    task_state = WorkflowState.objects.get(object_id=str(project.pk)).current_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[project.pk, "approve", task_state.pk]
    )
    for role in ("coord_b", "press", "nobody", "anonymous"):
        client.logout()
        if world.users[role] is not None:
            client.force_login(world.users[role])
        before = snapshot()
        for method, url in (
            ("post", approve_url),
            ("get", f"/admin/pages/{project.pk}/edit/"),
            ("post", f"/admin/pages/{project.pk}/delete/"),
        ):
            response = getattr(client, method)(url, {"comment": "ok"})
            assert is_refusal(response), (role, url, response.status_code)
        assert snapshot() == before, role
        project.refresh_from_db()
        assert not project.live
    # Bretagne's coordinator may, and publishes it.
    client.force_login(world.users["coord_a"])
    dashboard = client.get("/admin/").content.decode()
    assert GOOD["title"] in dashboard  # awaiting their review
    client.post(approve_url, {"comment": ""})
    project.refresh_from_db()
    assert project.live


def test_a_national_or_foreign_proposal_goes_under_the_project_bank_to_the_national_team(
    client, world, bank
):
    project_bank, form_page = bank
    propose(client, form_page, {"region": "", "title": "Un incubateur à Lomé"})
    project = ProjectPage.objects.get(title="Un incubateur à Lomé")
    assert project.get_parent().pk == project_bank.pk
    assert recipients() == ["nationale@example.org"]


def test_the_english_form_files_the_proposal_in_the_english_tree(client, world, bank):
    project_bank, form_page = bank
    en_bank = translate(project_bank, slug="project-bank")
    en_form = translate(form_page, slug="propose")
    response = propose(client, en_form, {"region": "brittany", "contact_email": "not-an-address"})
    assert "Enter a valid email address." in response.text
    propose(client, en_form, {"region": "brittany", "title": "A repair café"})
    project = ProjectPage.objects.get(title="A repair café")
    assert project.locale.language_code == "en"
    assert project.get_parent().pk == world.pages["en"]["region_a"].pk
    assert en_bank.pk != project_bank.pk
    assert "coord-a@example.org" in recipients()


def test_the_honeypot_drops_a_bot_quietly(client, world, bank):
    _bank, form_page = bank
    response = propose(client, form_page, {"website-url": "http://spam.example"})
    assert response.status_code == 200 and "Merci" in response.text
    assert not ProjectPage.objects.exists()
    assert mail.outbox == []


def test_too_many_proposals_from_one_address_are_refused(client, world, bank, settings):
    settings.CONTACT_FORM_RATE_LIMIT = 2
    _bank, form_page = bank
    for n in range(2):
        assert propose(client, form_page, {"title": f"Projet {n}"}).status_code == 200
    refused = propose(client, form_page, {"title": "Projet de trop"})
    assert refused.status_code == 429
    assert "Trop de messages" in refused.text
    assert not ProjectPage.objects.filter(title="Projet de trop").exists()
    assert (
        propose(client, form_page, {"title": "Autre adresse"}, ip="198.51.100.99").status_code
        == 200
    )


def test_posting_without_the_csrf_token_is_refused(world, bank):
    _bank, form_page = bank
    response = Client(enforce_csrf_checks=True).post(form_page.url, GOOD)
    assert response.status_code == 403
    assert not ProjectPage.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "title", "Champ requis."),
        ({"contact_email": "awa@"}, "contact_email", "Saisissez une adresse e-mail valide."),
        ({"needs": []}, "needs", "Choisissez au moins une chose que le projet recherche."),
        (
            {"consent": ""},
            "consent",
            "Cochez cette case pour que nous puissions publier le projet et vous répondre.",
        ),
        ({"region": "atlantide"}, "region", None),
        ({"deadline": "2001-01-01"}, "deadline", "L'échéance ne peut pas être passée."),
        ({"amount_sought": "-5"}, "amount_sought", None),
    ],
)
def test_bad_input_keeps_what_was_typed_and_says_what_to_fix(
    client, world, bank, changes, field, message
):
    _bank, form_page = bank
    before = Page.objects.count()
    response = propose(client, form_page, changes)
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    if message:
        assert form.errors[field] == [message]
    html = BeautifulSoup(response.content.decode(), "html.parser")
    summary = html.select_one("#form-errors")
    assert summary is not None and summary["role"] == "alert"
    assert summary.select_one(f'a[href="#id_{field}"]') is not None
    # What was typed is still there.
    if field != "summary":
        assert html.select_one("#id_summary").get_text().strip() == GOOD["summary"]
    if field != "organisation_name":
        assert html.select_one("#id_organisation_name")["value"] == GOOD["organisation_name"]
    if field != "needs":
        assert html.select_one('input[name="needs"][value="volunteers"]').has_attr("checked")
    assert Page.objects.count() == before
    assert mail.outbox == []


def pdf(name="projet.pdf", size=None, content=b"%PDF-1.4\n%%EOF\n"):
    if size is not None:
        content = b"%PDF-1.4\n" + b"0" * size
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (pdf(size=1024 * 1024 + 10), "Ce fichier est trop volumineux"),
        (
            SimpleUploadedFile("page.html", b"<html><script>alert(1)</script>", "text/html"),
            "Les fichiers de type « html » ne sont pas acceptés.",
        ),
        (SimpleUploadedFile("faux.pdf", b"<html>not a pdf</html>", "application/pdf"), "pdf"),
    ],
)
def test_a_bad_file_is_refused_and_nothing_is_stored(
    client, world, bank, settings, upload, message
):
    settings.PUBLIC_UPLOAD_MAX_MB = 1
    _bank, form_page = bank
    documents = get_document_model().objects.count()
    response = propose(client, form_page, document=upload)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["document"])
    assert message in errors
    assert "Choisissez de nouveau le fichier" in errors
    assert not ProjectPage.objects.exists()
    assert get_document_model().objects.count() == documents
    assert (
        BeautifulSoup(response.content.decode(), "html.parser").select_one("#id_title")["value"]
        == GOOD["title"]
    )


def test_an_attached_document_stays_private_until_the_project_is_published(client, world, bank):
    _bank, form_page = bank
    propose(client, form_page, document=pdf())
    project = ProjectPage.objects.get(title=GOOD["title"])
    document = project.document
    assert document.collection.name == PRIVATE_COLLECTION
    assert not is_public_document(document)
    assert client.get(document.url).status_code in (302, 403)  # asks visitors to sign in
    project.get_latest_revision().publish()
    document.refresh_from_db()
    assert document.collection.name == PUBLIC_COLLECTION
    assert is_public_document(document)
    assert client.get(document.url).status_code == 200
    assert document.url in client.get(project.url).text
