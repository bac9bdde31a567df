"""The ``regions.Organisation`` snippets become organisation pages under a directory page.

Each snippet becomes an ``OrganisationPage``, live, under the directory page of its
language (made under that language's home page when there is none), keeping its
translation key so that a snippet's translations stay translations of one another. The
country, typed as text, becomes its ISO code where django-countries knows the name (in
English or French). ``regions/0003`` then deletes the snippet model. Pages are written
with the historical models (no tree methods in migrations): each path is its parent's plus
the next free step, as Wagtail's treebeard numbers them.
"""

import uuid

from django.conf import settings
from django.db import migrations
from django.utils import timezone
from django.utils.text import slugify
from django_countries import countries

STEPLEN = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DIRECTORY_TITLE = {"fr": "Annuaire", "en": "Directory"}
DIRECTORY_SLUG = {"fr": "annuaire", "en": "directory"}


def _step(number):
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEPLEN, "0")


def _next_child_path(Page, parent):
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    number = int(last[-STEPLEN:], len(ALPHABET)) + 1 if last else 1
    return parent.path + _step(number)


def _free_slug(Page, parent, base):
    taken = set(
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).values_list(
            "slug", flat=True
        )
    )
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


def _add_child(apps, model, parent, **fields):
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label=model._meta.app_label, model=model._meta.model_name
    )
    now = timezone.now()
    fields["slug"] = _free_slug(Page, parent, fields["slug"])
    page = model.objects.create(
        path=_next_child_path(Page, parent),
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{fields['slug']}/",
        content_type=content_type,
        draft_title=fields["title"],
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
        **fields,
    )
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + 1)
    parent.numchild += 1
    return page


def _country_code(text):
    text = (text or "").strip()
    if not text:
        return ""
    if len(text) == 2 and text.upper() in dict(countries):
        return text.upper()
    for language in ("en", "fr"):
        code = countries.by_name(text, language=language)
        if code:
            return code
    return ""


def forwards(apps, schema_editor):
    Organisation = apps.get_model("regions", "Organisation")
    if not Organisation.objects.exists():
        return
    Page = apps.get_model("wagtailcore", "Page")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("home", "HomePage")
    DirectoryPage = apps.get_model("directory", "DirectoryPage")
    OrganisationPage = apps.get_model("directory", "OrganisationPage")

    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if default is None or not HomePage.objects.filter(locale=default).exists():
        raise RuntimeError(
            "regions.Organisation rows exist but there is no home page in the default "
            "language to put the directory under: create the home page, then migrate again."
        )
    directory_key = uuid.uuid4()
    existing = DirectoryPage.objects.filter(locale=default).first()
    if existing is not None:
        directory_key = existing.translation_key

    def directory_of(locale):
        directory = DirectoryPage.objects.filter(locale=locale).first()
        if directory is not None:
            return directory
        home = HomePage.objects.filter(locale=locale).order_by("path").first()
        if home is None:
            return None
        code = locale.language_code
        return _add_child(
            apps,
            DirectoryPage,
            Page.objects.get(pk=home.pk),
            title=DIRECTORY_TITLE.get(code, DIRECTORY_TITLE["en"]),
            slug=DIRECTORY_SLUG.get(code, DIRECTORY_SLUG["en"]),
            locale=locale,
            translation_key=directory_key,
            show_in_menus=True,
        )

    # The default language first: its pages are the sources of the translations.
    rows = sorted(Organisation.objects.all(), key=lambda o: (o.locale_id != default.pk, o.pk))
    for organisation in rows:
        if OrganisationPage.objects.filter(
            translation_key=organisation.translation_key, locale_id=organisation.locale_id
        ).exists():
            continue
        directory = directory_of(organisation.locale)
        if directory is None:
            continue  # a translation into a language without a home page: nowhere to go
        _add_child(
            apps,
            OrganisationPage,
            Page.objects.get(pk=directory.pk),
            title=organisation.name[:255],
            slug=slugify(organisation.name)[:80] or "organisation",
            locale_id=organisation.locale_id,
            translation_key=organisation.translation_key,
            legal_form=organisation.legal_form,
            membership="member" if organisation.is_member else "partner",
            country=_country_code(organisation.country),
            website=organisation.website,
            description=organisation.description,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0001_initial"),
        ("home", "0002_contact_page"),
        ("regions", "0002_translatable_region_contacts"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
