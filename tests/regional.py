"""Shared set-up for the regional permission tests: roles, pages in both languages, media.

``build_world()`` extends ``build_site()`` with an English copy of the frame (home, both
regions, a chantier, the national news), news items in each region, an image and a
document in each region's collection, one user per role and a proposal for national
publication waiting for the national team in each language.
"""

from types import SimpleNamespace

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import (
    Collection,
    GroupPagePermission,
    Locale,
    Page,
    PageLogEntry,
    Revision,
    TaskState,
    WorkflowState,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from news.models import NewsPage
from regions.permissions import NATIONAL_GROUP_NAME, PRESS_GROUP_NAME
from tests.builders import build_site, make_news

PASSWORD = "Une-phrase-de-passe-solide-2010"
ROLES = ("coord_a", "coord_b", "national", "press", "nobody", "anonymous")


ENGLISH_SLUGS = {"bretagne": "brittany", "occitanie": "occitania"}


def translate(page, locale):
    """An English (or other) copy of a page, published, as wagtail-localize would make it."""
    copy = page.copy_for_translation(locale, copy_parents=True)
    copy.slug = ENGLISH_SLUGS.get(copy.slug, copy.slug)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy.specific


def english_copy(page, locale):
    existing = page.get_translation_or_none(locale)
    return existing.specific if existing else translate(page, locale)


def news_form(title, slug, **extra):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "kind": "article",
            "date": "2026-01-15",
            "intro": f"Introduction de {title}",
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    data.update(extra)
    return data


def image_upload(name="upload.png"):
    return SimpleUploadedFile(
        name, get_test_image_file(name).file.getvalue(), content_type="image/png"
    )


def make_user(django_user_model, username, *group_names):
    user = django_user_model.objects.create_user(
        username, email=f"{username}@example.org", password=PASSWORD
    )
    user.groups.add(*Group.objects.filter(name__in=group_names))
    return user


def submit_proposal(client, user, news_index, title, slug):
    """A coordinator's draft in the national news, submitted to the national workflow."""
    client.force_login(user)
    response = client.post(
        f"/admin/pages/add/news/newspage/{news_index.pk}/",
        news_form(title, slug, **{"action-submit": "action-submit"}),
    )
    client.logout()
    assert response.status_code == 302, response.content[:2000]
    return NewsPage.objects.get(slug=slug, locale=news_index.locale)


def build_world(client, django_user_model):
    site = build_site()
    fr = site.locale
    en = Locale.objects.get_or_create(language_code="en")[0]
    pages = {"fr": {}, "en": {}}
    frame = {
        "home": site.home,
        "region_a": site.region_a,
        "region_b": site.region_b,
        "region_index": site.region_index,
        "chantier": site.chantiers["training"],
        "news_index": site.news_index,
    }
    for name, page in frame.items():
        pages["fr"][name] = page
        pages["en"][name] = english_copy(page, en)
    for lang in ("fr", "en"):
        p = pages[lang]
        p["news_a"] = make_news(p["region_a"], f"Actu Bretagne {lang}")
        p["leaf_a"] = make_news(p["region_a"], f"À supprimer {lang}")
        p["news_b"] = make_news(p["region_b"], f"Actu Occitanie {lang}")
        p["draft_b"] = make_news(
            p["region_b"], f"Brouillon secret Occitanie {lang}", publish=False, live=False
        )

    collections = {
        "a": Collection.objects.get(name="Bretagne"),
        "b": Collection.objects.get(name="Occitanie"),
    }
    image_b = Image.objects.create(
        title="Photo Occitanie", file=get_test_image_file("b.png"), collection=collections["b"]
    )
    image_a = Image.objects.create(
        title="Photo Bretagne", file=get_test_image_file("a.png"), collection=collections["a"]
    )
    document_b = Document.objects.create(
        title="Rapport Occitanie",
        file=ContentFile(b"%PDF-1.4 rapport", name="rapport-occitanie.pdf"),
        collection=collections["b"],
    )

    users = {
        "coord_a": make_user(django_user_model, "coord-a", "Coordination Bretagne"),
        "coord_b": make_user(django_user_model, "coord-b", "Coordination Occitanie"),
        "national": make_user(django_user_model, "nationale", NATIONAL_GROUP_NAME),
        "press": make_user(django_user_model, "presse", PRESS_GROUP_NAME),
        "nobody": make_user(django_user_model, "lambda"),
        "anonymous": None,
    }
    proposals = {
        lang: submit_proposal(
            client,
            users["coord_a"],
            pages[lang]["news_index"],
            f"Proposition Bretagne {lang}",
            f"proposition-bretagne-{lang}",
        )
        for lang in ("fr", "en")
    }
    return SimpleNamespace(
        site=site,
        fr=fr,
        en=en,
        pages=pages,
        collections=collections,
        image_a=image_a,
        image_b=image_b,
        document_b=document_b,
        users=users,
        proposals=proposals,
    )


def snapshot(images_in=None):
    """Everything a refused request must leave as it was (images: of one collection, if given)."""
    images = (
        Image.objects.all() if images_in is None else Image.objects.filter(collection=images_in)
    )
    return {
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk",
                "path",
                "url_path",
                "title",
                "draft_title",
                "live",
                "locked",
                "latest_revision_id",
                "has_unpublished_changes",
            )
        ),
        "revisions": Revision.objects.count(),
        "page_log": PageLogEntry.objects.count(),
        "images": list(images.order_by("pk").values_list("pk", "title", "collection_id")),
        "documents": list(
            Document.objects.order_by("pk").values_list("pk", "title", "collection_id")
        ),
        "workflow_states": list(WorkflowState.objects.order_by("pk").values_list("pk", "status")),
        "task_states": list(
            TaskState.objects.order_by("pk").values_list("pk", "status", "comment")
        ),
        "page_permissions": GroupPagePermission.objects.count(),
        "view_restrictions": list(
            Page.objects.filter(view_restrictions__isnull=False).values_list("pk")
        ),
    }


def is_refusal(response):
    """Wagtail refuses with a 403, a redirect to the login or to the dashboard, or a 404."""
    if response.status_code in (403, 404):
        return True
    if response.status_code == 302:
        location = response["Location"]
        return location.startswith("/admin/login/") or location == "/admin/"
    return False
