"""The permission matrix of the directory and the project bank, through the real admin.

Organisations and projects of a region sit under its region page, national and foreign
ones under the directory and the project bank: a coordinator of A edits A's only, the
national team everywhere. Each cell is one real admin request in French and in English,
in a savepoint rolled back afterwards; a refused request leaves the database as it was.
"""

import copy

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from directory.models import OrganisationPage, ProjectPage
from tests.factories import (
    ROLES,
    DirectoryPageFactory,
    OrganisationPageFactory,
    ProjectBankPageFactory,
    ProjectPageFactory,
)
from tests.helpers import matrix_mismatches, rolled_back

pytestmark = [pytest.mark.region_provisioning]


@pytest.fixture(scope="module")
def _module_directory_world(_module_world, django_db_blocker):
    with rolled_back(django_db_blocker):
        for lang in ("fr", "en"):
            p = _module_world.pages[lang]
            p["directory"] = DirectoryPageFactory(parent=p["home"], slug=f"annuaire-{lang}")
            p["bank"] = ProjectBankPageFactory(parent=p["home"], slug=f"projets-{lang}")
            p["org_a"] = OrganisationPageFactory(parent=p["region_a"], title=f"Scop A {lang}")
            p["org_b"] = OrganisationPageFactory(parent=p["region_b"], title=f"Asso B {lang}")
            p["org_national"] = OrganisationPageFactory(
                parent=p["directory"], title=f"CERES {lang}", country="TG", town="Lomé"
            )
            p["project_a"] = ProjectPageFactory(parent=p["region_a"], title=f"Projet A {lang}")
            p["project_b"] = ProjectPageFactory(parent=p["region_b"], title=f"Projet B {lang}")
            p["project_national"] = ProjectPageFactory(
                parent=p["bank"], title=f"Projet national {lang}"
            )
        yield _module_world


@pytest.fixture
def dworld(_module_directory_world, db):
    return copy.deepcopy(_module_directory_world)


def organisation_form(title, slug, **extra):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "legal_form": "cooperative",
            "membership": "member",
            "description": f"Présentation de {title}",
            "town": "Rennes",
            "postcode": "35000",
            "country": "FR",
            "latitude": "",
            "longitude": "",
            "website": "",
            "contact_email": "",
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    data.update(extra)
    return data


def project_form(title, slug, **extra):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "organisation": "",
            "organisation_name": "Coopérative du coin",
            "summary": f"Résumé de {title}",
            "amount_sought": "",
            "status": "open",
            "deadline": "",
            "needs_partners": "on",
            "body": streamfield([]),
            "contact_name": "",
            "contact_email": "",
            "comments": inline_formset([]),
        }
    )
    data.update(extra)
    return data


FORMS = {OrganisationPage: organisation_form, ProjectPage: project_form}
PUBLISH = {"action-publish": "action-publish"}


# The actions: each makes its request and says whether the action took place. ------------


def open_edit(name):
    def action(client, w, lang):
        response = client.get(f"/admin/pages/{w.pages[lang][name].pk}/edit/")
        return response, response.status_code == 200 and b"page-edit-form" in response.content

    return action


def publish(name):
    def action(client, w, lang):
        page = w.pages[lang][name]
        form = FORMS[type(page)]
        response = client.post(
            f"/admin/pages/{page.pk}/edit/", form("Titre publié", page.slug, **PUBLISH)
        )
        return response, Page.objects.get(pk=page.pk).title == "Titre publié"

    return action


def add_under(parent_name, model):
    def action(client, w, lang):
        parent = w.pages[lang][parent_name]
        before = model.objects.child_of(parent).count()
        response = client.post(
            f"/admin/pages/add/directory/{model._meta.model_name}/{parent.pk}/",
            FORMS[model]("Nouvelle fiche", f"nouvelle-fiche-{lang}", **PUBLISH),
        )
        return response, model.objects.child_of(parent).count() == before + 1

    return action


def delete(name):
    def action(client, w, lang):
        page = w.pages[lang][name]
        response = client.post(f"/admin/pages/{page.pk}/delete/")
        return response, not Page.objects.filter(pk=page.pk).exists()

    return action


def move_to_b(name):
    def action(client, w, lang):
        page = w.pages[lang][name]
        target = w.pages[lang]["region_b"]
        response = client.post(f"/admin/pages/{page.pk}/move/{target.pk}/confirm/")
        return response, Page.objects.get(pk=page.pk).get_parent().pk == target.pk

    return action


def copy_into_b(name):
    def action(client, w, lang):
        page = w.pages[lang][name]
        target = w.pages[lang]["region_b"]
        before = Page.objects.child_of(target).count()
        response = client.post(
            f"/admin/pages/{page.pk}/copy/",
            {
                "new_title": "Copie",
                "new_slug": f"copie-{lang}",
                "new_parent_page": target.pk,
                "publish_copies": "",
            },
        )
        return response, Page.objects.child_of(target).count() == before + 1

    return action


def view_history(name):
    def action(client, w, lang):
        page = w.pages[lang][name]
        response = client.get(f"/admin/pages/{page.pk}/history/")
        return response, response.status_code == 200 and page.title in response.text

    return action


def preview(name):
    """The edit view's preview: a POST of the form, then the rendered page."""

    def action(client, w, lang):
        page = w.pages[lang][name]
        url = f"/admin/pages/{page.pk}/edit/preview/"
        form = FORMS[type(page)]
        response = client.post(url, form("Aperçu secret", page.slug))
        if response.status_code != 200:
            return response, False
        rendered = client.get(url)
        return rendered, rendered.status_code == 200 and b"Aper\xc3\xa7u secret" in rendered.content

    return action


def view_revision(name):
    def action(client, w, lang):
        page = w.pages[lang][name]
        revision = page.latest_revision
        response = client.get(f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/")
        return response, response.status_code == 200 and page.title.encode() in response.content

    return action


def translate(name):
    """wagtail-localize's "Translate this page" into the other language."""

    def action(client, w, lang):
        page = w.pages[lang][name]
        target = w.en if lang == "fr" else w.fr
        url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        response = client.post(url, {"locales": [target.pk]})
        return response, page.get_translation_or_none(target) is not None

    return action


ACTIONS = {
    "open the edit view of an organisation of A": open_edit("org_a"),
    "add an organisation under A": add_under("region_a", OrganisationPage),
    "publish an organisation of A": publish("org_a"),
    "delete an organisation of A": delete("org_a"),
    "open the edit view of an organisation of B": open_edit("org_b"),
    "publish an organisation of B": publish("org_b"),
    "preview an organisation of B": preview("org_b"),
    "read the history of an organisation of B": view_history("org_b"),
    "view a revision of an organisation of B": view_revision("org_b"),
    "translate an organisation of A": translate("org_a"),
    "move an organisation of A to B": move_to_b("org_a"),
    "copy an organisation of A into B": copy_into_b("org_a"),
    "publish a national organisation": publish("org_national"),
    "add an organisation under the directory": add_under("directory", OrganisationPage),
    "open the edit view of a project of A": open_edit("project_a"),
    "add a project under A": add_under("region_a", ProjectPage),
    "publish a project of A": publish("project_a"),
    "publish a project of B": publish("project_b"),
    "delete a project of B": delete("project_b"),
    "preview a project of B": preview("project_b"),
    "translate a project of A": translate("project_a"),
    "publish a national project": publish("project_national"),
}

Y, N = True, False
# Columns in the order of ACTIONS: organisations (14), then projects (8).
#                edA addA pubA delA edB pubB preB hisB revB trA  movB copB pubN addN  edA addA pubA pubB delB preB trA  pubN
MATRIX = {
    "coord_a":   [Y,  Y,   Y,   Y,   N,  N,   N,   N,   N,   N,   N,   N,   N,   N,    Y,  Y,   Y,   N,   N,   N,   N,   N],
    "coord_b":   [N,  N,   N,   N,   Y,  Y,   Y,   Y,   Y,   N,   N,   N,   N,   N,    N,  N,   N,   Y,   Y,   Y,   N,   N],
    "national":  [Y,  Y,   Y,   Y,   Y,  Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,    Y,  Y,   Y,   Y,   Y,   Y,   Y,   Y],
    "press":     [N,  N,   N,   N,   N,  N,   N,   N,   N,   N,   N,   N,   N,   N,    N,  N,   N,   N,   N,   N,   N,   N],
    "nobody":    [N,  N,   N,   N,   N,  N,   N,   N,   N,   N,   N,   N,   N,   N,    N,  N,   N,   N,   N,   N,   N,   N],
    "anonymous": [N,  N,   N,   N,   N,  N,   N,   N,   N,   N,   N,   N,   N,   N,    N,  N,   N,   N,   N,   N,   N,   N],
}  # fmt: skip


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("role", ROLES)
def test_directory_permission_matrix(client, dworld, role, lang):
    """Every cell: the expected answer, and a refusal changes nothing."""
    mismatches = matrix_mismatches(client, dworld, role, lang, ACTIONS, MATRIX[role])
    assert not mismatches, "\n".join(mismatches)
