"""The page tree editors can build: each page type under its allowed parents only.

Model-level rules (``assertCanCreateAt`` and friends) for every pair of page types, and
creation through the admin's real forms (``assertCanCreate``) under each allowed parent.
"""

from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from chantiers.models import ChantierIndexPage, ChantierPage, RoadmapPage
from home.models import ContactPage, HomePage, StandardPage
from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage, PressRoomPage
from regions.models import RegionIndexPage, RegionPage
from tests.factories import build_site_tree

ALLOWED_PARENTS = {
    HomePage: {Page},
    StandardPage: {HomePage, StandardPage},
    ChantierIndexPage: {HomePage},
    ChantierPage: {ChantierIndexPage, RegionPage},
    RoadmapPage: {HomePage, RegionPage},
    RegionIndexPage: {HomePage},
    RegionPage: {RegionIndexPage},
    NewsIndexPage: {HomePage},
    NewsPage: {NewsIndexPage, RegionPage, PressRoomPage},
    EventIndexPage: {HomePage},
    EventPage: {EventIndexPage, RegionPage},
    PressRoomPage: {HomePage},
    ContactPage: {HomePage},
}
PAGE_TYPES = list(ALLOWED_PARENTS)
ALL_PARENTS = [Page, *PAGE_TYPES]


def _body(text="Un paragraphe de démonstration."):
    return streamfield([("paragraph", rich_text(f"<p>{text}</p>"))])


def _no_comments():
    return inline_formset([])


def form_data(model, title):
    """Admin form data that creates a valid page of ``model``."""
    data = {"title": title, "comments": _no_comments()}
    if model is HomePage:
        data.update(
            hero_title="Entreprendre autrement", hero_text="", figures=streamfield([]), body=_body()
        )
    elif model is StandardPage:
        data.update(intro="Une page simple.", body=_body())
    elif model in (ChantierIndexPage, RegionIndexPage, NewsIndexPage, EventIndexPage):
        data.update(intro="Une page d'index.")
    elif model is ChantierPage:
        data.update(theme="cooperation", intro="Coopérer entre entreprises sociales.", body=_body())
    elif model is RoadmapPage:
        data.update(
            intro="Feuille de route.",
            objectives=rich_text("<p>Avancer ensemble.</p>"),
            themes=["impact"],
            milestones=inline_formset(
                [{"title": "Congrès", "date": "14/10/2010", "status": "done", "description": ""}]
            ),
            body=_body(),
        )
    elif model is RegionPage:
        data.update(
            theme="training",
            intro="Une région mobilisée.",
            contacts=inline_formset(
                [{"name": "Alice Martin", "role": "Coordinatrice", "email": "alice@example.org"}]
            ),
            body=_body(),
        )
    elif model is NewsPage:
        data.update(
            kind="relay",
            date="15/06/2010",
            intro="Une actualité relayée.",
            body=_body(),
            themes=["training", "impact"],
            tags="coopératives",
            source_name="Rencontres Sociales",
            source_url="https://example.org/article",
            source_date="15/06/2010",
            image="",
            pdf="",
            press_contact="",
        )
    elif model is EventPage:
        data.update(
            kind="workshop",
            start="10/03/2027 09:30",
            end="10/03/2027 12:00",
            place_name="Maison des associations",
            address="1 rue de l'Exemple",
            city="Dijon",
            online_url="",
            registration_url="https://example.org/inscription",
            intro="Un atelier.",
            body=_body(),
            themes=["cooperation"],
            image="",
        )
    elif model is PressRoomPage:
        data.update(intro="Pour les journalistes.", press_kit=inline_formset([]), body=_body())
    themes = data.pop("themes", None)
    flat = nested_form_data(data)
    if themes is not None:
        flat["themes"] = themes  # a multiple choice: one key, several values
    return flat


class PageTreeRulesTests(WagtailPageTestCase):
    """The rules themselves, for every pair of page types (no database content needed)."""

    def test_each_type_has_exactly_its_allowed_parents(self):
        for child, parents in ALLOWED_PARENTS.items():
            with self.subTest(child=child.__name__):
                self.assertAllowedParentPageTypes(child, parents)

    def test_each_type_allows_exactly_its_subpage_types(self):
        for parent in ALL_PARENTS:
            children = {child for child, parents in ALLOWED_PARENTS.items() if parent in parents}
            if parent is Page:
                children.add(Page)  # Wagtail's own root accepts its base page type
            with self.subTest(parent=parent.__name__):
                self.assertAllowedSubpageTypes(parent, children)

    def test_can_create_under_allowed_parents_and_nowhere_else(self):
        for child, parents in ALLOWED_PARENTS.items():
            for parent in ALL_PARENTS:
                with self.subTest(child=child.__name__, parent=parent.__name__):
                    if parent in parents:
                        self.assertCanCreateAt(parent, child)
                    else:
                        self.assertCanNotCreateAt(parent, child)


class PageCreationThroughAdminTests(WagtailPageTestCase):
    """An editor creates each page type under each allowed parent with the admin's forms."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = build_site_tree()

    def setUp(self):
        self.user = self.login()

    def _create(self, parent, model, title):
        self.assertCanCreate(parent, model, form_data(model, title))
        page = model.objects.child_of(parent).get(title=title)
        self.assertTrue(page.live)
        response = self.client.get(page.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, title)
        return page

    def test_home_page_under_the_root(self):
        root = Page.get_first_root_node()
        self.tree.home.delete()  # only one home per parent: make room for a new one
        self.assertCanCreate(root, HomePage, form_data(HomePage, "Nouvel accueil"))
        self.assertTrue(HomePage.objects.filter(title="Nouvel accueil", depth=2).exists())

    def test_standard_pages_under_home_and_under_a_standard_page(self):
        about = self._create(self.tree.home, StandardPage, "Nos valeurs")
        self._create(about, StandardPage, "Notre histoire")

    def test_index_pages_under_home(self):
        for index in ("chantier_index", "region_index", "news_index", "agenda", "press_room"):
            getattr(self.tree, index).delete()  # one index of each kind per home
        for model in (
            ChantierIndexPage,
            RegionIndexPage,
            NewsIndexPage,
            EventIndexPage,
            PressRoomPage,
        ):
            with self.subTest(model=model.__name__):
                self._create(self.tree.home, model, f"Nouvel index {model.__name__}")

    def test_chantier_pages_national_and_regional(self):
        national = self._create(self.tree.chantier_index, ChantierPage, "Chantier national test")
        regional = self._create(self.tree.region_a, ChantierPage, "Chantier breton")
        self.assertTrue(national.is_national)
        self.assertFalse(regional.is_national)
        self.assertEqual(regional.region.pk, self.tree.region_a.pk)

    def test_roadmaps_under_home_and_a_region(self):
        for parent in (self.tree.home, self.tree.region_b):
            roadmap = self._create(parent, RoadmapPage, f"Feuille de route {parent.title}")
            self.assertEqual([m.title for m in roadmap.milestones.all()], ["Congrès"])
            self.assertEqual([t.code for t in roadmap.themes.all()], ["impact"])

    def test_region_under_the_region_index(self):
        region = self._create(self.tree.region_index, RegionPage, "Normandie")
        self.assertEqual([c.name for c in region.contacts.all()], ["Alice Martin"])

    def test_news_under_news_index_region_and_press_room(self):
        for parent in (self.tree.news_index, self.tree.region_a, self.tree.press_room):
            news = self._create(parent, NewsPage, f"Actualité sous {parent.title}")
            self.assertEqual(news.source_name, "Rencontres Sociales")
            self.assertEqual(sorted(t.code for t in news.themes.all()), ["impact", "training"])

    def test_events_under_agenda_and_a_region(self):
        for parent in (self.tree.agenda, self.tree.region_b):
            event = self._create(parent, EventPage, f"Atelier sous {parent.title}")
            self.assertEqual(event.city, "Dijon")

    def test_the_admin_refuses_a_page_type_under_a_wrong_parent(self):
        refused = [
            (self.tree.chantier_index, NewsPage),
            (self.tree.news_index, EventPage),
            (self.tree.home, RegionPage),
            (self.tree.region_a, StandardPage),
            (self.tree.agenda, ChantierPage),
        ]
        for parent, model in refused:
            with self.subTest(parent=parent.title, model=model.__name__):
                self.assertCanNotCreateAt(parent.specific_class, model)
                url = reverse(
                    "wagtailadmin_pages:add",
                    args=[model._meta.app_label, model._meta.model_name, parent.pk],
                )
                before = Page.objects.count()
                response = self.client.post(url, form_data(model, "Refusée"))
                self.assertIn(response.status_code, (302, 403))
                self.assertEqual(Page.objects.count(), before)

    def test_a_second_index_of_a_kind_is_refused(self):
        self.assertFalse(NewsIndexPage.can_create_at(self.tree.home))
        self.assertFalse(ChantierIndexPage.can_create_at(self.tree.home))


class AdminLanguageTests(WagtailPageTestCase):
    def test_the_admin_speaks_french_to_a_french_editor(self):
        from wagtail.users.models import UserProfile

        profile = UserProfile.get_for_user(self.login())
        profile.preferred_language = "fr"
        profile.save()
        response = self.client.get(reverse("wagtailadmin_home"))
        html = response.content.decode()
        self.assertEqual(response.status_code, 200)
        self.assertIn('lang="fr"', html)
        self.assertIn("Tableau de bord", html)

    def test_our_page_types_are_named_in_french_in_the_admin(self):
        self.login()
        tree = build_site_tree()
        url = reverse("wagtailadmin_pages:add_subpage", args=[tree.region_a.pk])
        response = self.client.get(url, HTTP_ACCEPT_LANGUAGE="fr")
        html = response.content.decode()
        self.assertEqual(response.status_code, 200)
        for name in ("Actualité", "Événement", "Feuille de route", "Chantier"):
            self.assertIn(name, html)


# The contact page (tests/test_contact_form.py tests its form).


class TestContactPagePlacement(WagtailPageTestCase):
    def test_only_under_the_home_page(self):
        self.assertAllowedParentPageTypes(ContactPage, {HomePage})
        self.assertCanNotCreateAt(StandardPage, ContactPage)


class TestContactPageInTheAdmin(WagtailPageTestCase):
    def setUp(self):
        self.tree = build_site_tree()
        self.login()

    def test_an_editor_creates_the_contact_page_and_opens_its_editor(self):
        self.assertCanCreate(
            self.tree.home,
            ContactPage,
            nested_form_data(
                {
                    "title": "Nous écrire",
                    "slug": "nous-ecrire",
                    "intro": "Une question ?",
                    "thank_you_text": rich_text("<p>Merci !</p>"),
                    "to_address": "contact@ess.example.org",
                    "from_address": "",
                    "subject": "Contact",
                    "comments": inline_formset([]),
                    "form_fields": inline_formset(
                        [
                            {
                                "label": "Nom",
                                "field_type": "singleline",
                                "required": "on",
                                "choices": "",
                                "default_value": "",
                                "help_text": "",
                            },
                        ]
                    ),
                }
            ),
        )
        page = ContactPage.objects.get(slug="nous-ecrire", locale__language_code="fr")
        self.assertEqual([f.label for f in page.form_fields.all()], ["Nom"])
        edit = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        self.assertEqual(edit.status_code, 200)
        self.assertContains(edit, "Nom")
