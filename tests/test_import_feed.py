"""import_feed: the archive of the old sites comes over from their RSS and Atom feeds.

The command speaks the site's first language (French): its messages are asserted in French.
"""

import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from news.models import ImportedEntry, NewsPage

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
RSS = str(DATA / "archive_rss.xml")
ATOM = str(DATA / "archive_atom.xml")
MALFORMED = str(DATA / "malformed_feed.xml")


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_feed", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def snapshot():
    return (NewsPage.objects.count(), ImportedEntry.objects.count())


def test_rss_import_creates_news_with_cleaned_rich_text_and_skips_the_bad_entry(site_tree, client):
    out, err = run(RSS, "--parent", str(site_tree.news_index.pk), "--kind", "relay")

    assert "2 créées, 0 mises à jour, 0 inchangées, 1 ignorées." in out
    # The entry without a title is named by its guid in the report.
    assert "ancien-site-article-103" in err and "pas de titre" in err
    roadmap = NewsPage.objects.get(title__startswith="Une Région, un Chantier")
    assert roadmap.live and roadmap.get_parent().pk == site_tree.news_index.pk
    assert roadmap.kind == "relay"
    assert roadmap.date == datetime.date(2010, 6, 15)
    assert roadmap.source_url == "https://ancien.example.org/2010/06/feuille-de-route"
    assert roadmap.source_name == "Ancien site du Mouvement ESS"
    assert roadmap.source_date == datetime.date(2010, 6, 15)
    assert roadmap.intro == "Chaque région choisit l'un des quatre chantiers du mouvement."
    body = roadmap.body[0].value.source
    assert "<h2>Quatre chantiers</h2>" in body and "<em>mesurer l&#x27;impact</em>" in body
    for unsafe in ("script", "alert", "iframe", "onclick", "style=", "<img"):
        assert unsafe not in body
    assert '<a href="https://ancien.example.org/congres">' in body
    # An entry without guid is matched by its link.
    assert ImportedEntry.objects.filter(key="https://ancien.example.org/2010/02/lancement").exists()

    response = client.get(roadmap.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Quatre chantiers" in html and "alert(" not in html
    assert 'href="https://ancien.example.org/2010/06/feuille-de-route"' in html


def test_atom_import_twice_updates_without_duplicates(site_tree, tmp_path):
    args = (ATOM, "--parent", str(site_tree.press_room.pk), "--kind", "press_release")
    out, err = run(*args)
    assert "2 créées, 0 mises à jour, 0 inchangées, 1 ignorées." in out
    assert "urn:uuid:0b7a1f3e-1c2d-4e5f-8a9b-000000000003" in err and "pas de date valide" in err
    bank = NewsPage.objects.get(title="Une banque de projets pour les organisations de l'ESS")
    assert bank.kind == "press_release"
    assert bank.date == datetime.date(2016, 11, 30)
    assert "<ul><li>financement participatif</li>" in bank.body[0].value.source
    # Only an updated date is given: it is the item's date.
    workshop = NewsPage.objects.get(title="Atelier sur les outils coopératifs de l'OIT")
    assert workshop.date == datetime.date(2025, 9, 29)
    assert workshop.intro == "Trois jours autour de Think.Coop, Start.Coop et My.Coop."
    before = snapshot()

    out, _ = run(*args)
    assert "0 créées, 0 mises à jour, 2 inchangées, 1 ignorées." in out
    assert snapshot() == before

    # An edit on the old site is brought over to the same page.
    edited_path = tmp_path / "edited.xml"
    edited_path.write_text(
        Path(ATOM).read_text().replace("Une banque de projets", "La banque de projets")
    )
    out, _ = run(
        str(edited_path), "--parent", str(site_tree.press_room.pk), "--kind", "press_release"
    )
    assert "0 créées, 1 mises à jour, 1 inchangées, 1 ignorées." in out
    assert snapshot() == before
    bank.refresh_from_db()
    assert bank.title == "La banque de projets pour les organisations de l'ESS"


def test_dry_run_writes_nothing(site_tree):
    before = snapshot()
    out, _ = run(RSS, "--parent", str(site_tree.news_index.pk), "--kind", "article", "--dry-run")
    assert "2 créées" in out and "Essai à blanc : rien n’a été écrit." in out
    assert snapshot() == before


@pytest.mark.parametrize(
    "args, message",
    [
        ((MALFORMED, "--kind", "article"), "est illisible"),
        ((str(DATA / "missing.xml"), "--kind", "article"), "Aucun fichier de flux"),
        ((RSS, "--kind", "opinion"), "Type inconnu"),
    ],
)
def test_bad_feed_or_kind_is_refused_with_nothing_written(site_tree, args, message):
    before = snapshot()
    source, *rest = args
    with pytest.raises(CommandError, match=message):
        run(source, "--parent", str(site_tree.news_index.pk), *rest)
    assert snapshot() == before


@pytest.mark.parametrize("parent", ["999999", "abc", "agenda"])
def test_unknown_or_unfit_parent_is_refused(site_tree, parent):
    parent_id = str(site_tree.agenda.pk) if parent == "agenda" else parent
    before = snapshot()
    with pytest.raises(
        CommandError, match="Aucune page n’a l’identifiant|ne peut pas recevoir d’actualités"
    ):
        run(RSS, "--parent", parent_id, "--kind", "article")
    assert snapshot() == before
