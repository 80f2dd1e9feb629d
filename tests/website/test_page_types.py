"""Every page type: where it may be created, that an administrator can create and publish
it through the admin's form, and that a visitor sees it once published."""

from django.apps import apps
from django.urls import reverse
from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests import factories

# Page types by their model label: this module depends on no application module's path.
HomePage = apps.get_model("website.HomePage")
StandardPage = apps.get_model("website.StandardPage")
PracticeIndexPage = apps.get_model("practices.PracticeIndexPage")
PracticePage = apps.get_model("practices.PracticePage")
EventIndexPage = apps.get_model("events.EventIndexPage")
EventPage = apps.get_model("events.EventPage")
CountryIndexPage = apps.get_model("exchange.CountryIndexPage")
CountryPage = apps.get_model("exchange.CountryPage")
PolicyLibraryPage = apps.get_model("exchange.PolicyLibraryPage")
Theme = apps.get_model("practices.Theme")

PAGE_TYPES = [
    HomePage,
    StandardPage,
    PracticeIndexPage,
    PracticePage,
    EventIndexPage,
    EventPage,
    CountryIndexPage,
    CountryPage,
    PolicyLibraryPage,
]
SECTIONS = {StandardPage, PracticeIndexPage, EventIndexPage, CountryIndexPage, PolicyLibraryPage}


def test_every_page_type_of_the_site_is_tested_here():
    assert set(get_page_models()) - {Page} == set(PAGE_TYPES)


def add_url(parent, model):
    """The admin's form that creates a page of type `model` under `parent`."""
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


class PageTypeTestCase(WagtailPageTestCase):
    """The demo site (French home, English and Arabic translations) to add pages to."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.home = factories.demo_site()

    def assertAdminCanCreate(self, parent, model, data, **fields):
        """Post the admin's create form under `parent` and publish, as an administrator
        does: the page then exists there, live. `fields` are posted as they are (several
        values of a multiple choice), the rest through `nested_form_data`."""
        self.client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
        self.assertCanCreate(parent, model, {**nested_form_data(data), **fields})
        self.client.logout()
        page = model.objects.child_of(parent).get(title=data["title"])
        self.assertTrue(page.live)
        self.assertEqual(page.locale, parent.locale)
        return page

    def assertAdminCannotCreateAnother(self, parent, model, data):
        """One of this type exists under `parent` already: the admin refuses a second."""
        self.assertFalse(model.can_create_at(parent))
        self.client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
        response = self.client.post(
            add_url(parent, model),
            {**nested_form_data(data), "slug": "autre", "action-publish": "action-publish"},
        )
        self.client.logout()
        self.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
        self.assertFalse(model.objects.filter(title=data["title"]).exists())

    def assertVisitorSees(self, page):
        """The published page renders for a visitor, with its title."""
        self.assertPageIsRenderable(page)
        response = self.client.get(page.url)
        self.assertContains(response, f"<h1>{page.title}</h1>", html=True)


class HomePageTests(PageTypeTestCase):
    def test_is_created_at_the_root_of_the_tree_and_holds_the_sections(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, SECTIONS)

    def test_admin_can_create(self):
        root = Page.get_first_root_node()
        page = self.assertAdminCanCreate(
            root,
            HomePage,
            {"title": "Nouvel accueil", "introduction": "Un second site de l’échange."},
        )
        self.assertEqual(page.introduction, "Un second site de l’échange.")

    def test_renders(self):
        self.assertVisitorSees(self.home)


class StandardPageTests(PageTypeTestCase):
    def test_is_created_under_the_home_or_another_standard_page(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_admin_can_create(self):
        page = self.assertAdminCanCreate(
            self.home,
            StandardPage,
            {
                "title": "Nos partenaires",
                "introduction": "Les institutions qui portent la coopération.",
                "body": streamfield(
                    [
                        ("heading", {"text": "Bailleurs", "level": "h2"}),
                        ("paragraph", rich_text("<p>L’Union <b>européenne</b>.</p>")),
                        ("quote", {"text": "Apprendre les uns des autres.", "attribution": ""}),
                    ]
                ),
            },
        )
        self.assertEqual(
            [block.block_type for block in page.body], ["heading", "paragraph", "quote"]
        )

    def test_renders(self):
        page = factories.StandardPageFactory(
            parent=self.home,
            title="Nos partenaires",
            body=[{"type": "paragraph", "value": "<p>La GIZ et Expertise France.</p>"}],
        )
        self.assertVisitorSees(page)
        self.assertContains(self.client.get(page.url), "La GIZ et Expertise France.")


class PracticeIndexPageTests(PageTypeTestCase):
    def test_is_created_once_under_a_home_and_holds_practices(self):
        self.assertCanCreateAt(HomePage, PracticeIndexPage)
        self.assertAllowedParentPageTypes(PracticeIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(PracticeIndexPage, {PracticePage})

    def test_admin_can_create(self):
        self.assertAdminCanCreate(
            self.home,
            PracticeIndexPage,
            {"title": "Bonnes pratiques", "introduction": "Ce que font les pays partenaires."},
        )

    def test_admin_cannot_create_a_second_one_under_the_same_home(self):
        factories.PracticeIndexPageFactory(parent=self.home)
        self.assertAdminCannotCreateAnother(
            self.home, PracticeIndexPage, {"title": "Autres pratiques", "introduction": ""}
        )

    def test_renders(self):
        self.assertVisitorSees(
            factories.PracticeIndexPageFactory(parent=self.home, title="Bonnes pratiques")
        )


class PracticePageTests(PageTypeTestCase):
    def test_is_created_only_in_a_practice_library_and_has_no_children(self):
        self.assertCanCreateAt(PracticeIndexPage, PracticePage)
        self.assertCanNotCreateAt(HomePage, PracticePage)
        self.assertAllowedParentPageTypes(PracticePage, {PracticeIndexPage})
        self.assertAllowedSubpageTypes(PracticePage, set())

    def test_admin_can_create(self):
        index = factories.PracticeIndexPageFactory(parent=self.home)
        theme = factories.term(Theme, "diaspora", "Diaspora", "Diaspora", "الجالية")
        page = self.assertAdminCanCreate(
            index,
            PracticePage,
            {
                "title": "Centre d’accueil des migrants d’Oujda",
                "summary": "Accueil, orientation et accompagnement des migrants.",
                "country_links": inline_formset([{"country": "MA"}], min=1),
                "place": "Oujda",
                "start_year": "2016",
                "end_year": "",
                "status": "ongoing",
                "tags": "accueil, oriental",
                "body": streamfield([("paragraph", rich_text("<p>Un guichet unique.</p>"))]),
                "results": inline_formset([{"value": "1 855", "label": "personnes accueillies"}]),
                "lessons": rich_text("<p>Associer les communes dès le début.</p>"),
                "contact": "",
                "related_documents": streamfield([]),
                "external_id": "",
            },
            themes=[theme.pk],
        )
        self.assertEqual([link.country.code for link in page.country_links.all()], ["MA"])
        self.assertEqual(list(page.themes.all()), [theme])
        self.assertEqual(page.results.get().value, "1 855")
        self.assertEqual(sorted(page.tags.names()), ["accueil", "oriental"])

    def test_admin_cannot_create_one_without_a_country(self):
        index = factories.PracticeIndexPageFactory(parent=self.home)
        data = {
            "title": "Pratique sans pays",
            "summary": "Un résumé.",
            "country_links": inline_formset([], min=1),
            "start_year": "2016",
            "status": "ongoing",
            "body": streamfield([]),
            "results": inline_formset([]),
            "related_documents": streamfield([]),
        }
        self.client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
        response = self.client.post(
            add_url(index, PracticePage),
            {**nested_form_data(data), "slug": "sans-pays", "action-publish": "action-publish"},
        )
        self.assertEqual(response.status_code, 200, "the form again, with its errors")
        self.assertTrue(response.context["form"].formsets["country_links"].non_form_errors())
        self.assertFalse(PracticePage.objects.exists())

    def test_renders(self):
        index = factories.PracticeIndexPageFactory(parent=self.home)
        page = factories.make_practice(index, "Centre d’accueil des migrants d’Oujda")
        self.assertVisitorSees(page)


class EventIndexPageTests(PageTypeTestCase):
    def test_is_created_once_under_a_home_and_holds_events(self):
        self.assertCanCreateAt(HomePage, EventIndexPage)
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})

    def test_admin_can_create(self):
        self.assertAdminCanCreate(
            self.home,
            EventIndexPage,
            {"title": "Agenda", "introduction": "Les forums de dialogue et les ateliers."},
        )

    def test_admin_cannot_create_a_second_one_under_the_same_home(self):
        factories.EventIndexPageFactory(parent=self.home)
        self.assertAdminCannotCreateAnother(
            self.home, EventIndexPage, {"title": "Autre agenda", "introduction": ""}
        )

    def test_renders(self):
        self.assertVisitorSees(factories.EventIndexPageFactory(parent=self.home, title="Agenda"))


class EventPageTests(PageTypeTestCase):
    def test_is_created_only_in_a_calendar_and_has_no_children(self):
        self.assertCanCreateAt(EventIndexPage, EventPage)
        self.assertCanNotCreateAt(HomePage, EventPage)
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())

    def test_admin_can_create(self):
        index = factories.EventIndexPageFactory(parent=self.home)
        page = self.assertAdminCanCreate(
            index,
            EventPage,
            {
                "title": "Forum de Dakar sur la diaspora",
                "event_type": "forum",
                "status": "scheduled",
                "summary": "Deux jours d’échanges entre administrations et associations.",
                "start_date": "2027-06-08",
                "start_time": "09:30",
                "end_date": "2027-06-09",
                "end_time": "17:00",
                "time_zone": "Africa/Dakar",
                "venue": "Centre international de conférences",
                "city": "Dakar",
                "country": "SN",
                "online_url": "",
                "country_links": inline_formset([{"country": "SN"}, {"country": "MA"}]),
                "body": streamfield([]),
                "agenda": streamfield(
                    [
                        (
                            "session",
                            {
                                "date": "2027-06-08",
                                "start": "09:30",
                                "end": "11:00",
                                "title": "Ouverture",
                                "speakers": "",
                            },
                        )
                    ]
                ),
                "documents": streamfield([]),
                "capacity": "120",
                "reminder_days_before": "3",
                "waitlist_enabled": "on",
                "country_quotas": inline_formset([]),
            },
            interpretation_languages=["fr", "ar"],
        )
        self.assertEqual(page.interpretation_languages, ["fr", "ar"])
        self.assertEqual(page.starts_at.isoformat(), "2027-06-08T09:30:00+00:00")
        self.assertEqual(page.agenda[0].value["title"], "Ouverture")

    def test_renders(self):
        index = factories.EventIndexPageFactory(parent=self.home)
        page = factories.make_event(
            index, "Forum de Dakar sur la diaspora", factories.at(2027, 6, 8)
        )
        self.assertVisitorSees(page)


class CountryIndexPageTests(PageTypeTestCase):
    def test_is_created_once_under_a_home_and_holds_country_profiles(self):
        self.assertCanCreateAt(HomePage, CountryIndexPage)
        self.assertAllowedParentPageTypes(CountryIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CountryIndexPage, {CountryPage})

    def test_admin_can_create(self):
        self.assertAdminCanCreate(
            self.home,
            CountryIndexPage,
            {"title": "Pays", "introduction": "Les pays partenaires de l’échange."},
        )

    def test_admin_cannot_create_a_second_one_under_the_same_home(self):
        factories.CountryIndexPageFactory(parent=self.home)
        self.assertAdminCannotCreateAnother(
            self.home, CountryIndexPage, {"title": "Autres pays", "introduction": ""}
        )

    def test_renders(self):
        self.assertVisitorSees(factories.CountryIndexPageFactory(parent=self.home, title="Pays"))


class CountryPageTests(PageTypeTestCase):
    def test_is_created_only_in_the_country_index_and_has_no_children(self):
        self.assertCanCreateAt(CountryIndexPage, CountryPage)
        self.assertCanNotCreateAt(HomePage, CountryPage)
        self.assertAllowedParentPageTypes(CountryPage, {CountryIndexPage})
        self.assertAllowedSubpageTypes(CountryPage, set())

    def test_admin_can_create(self):
        index = factories.CountryIndexPageFactory(parent=self.home)
        page = self.assertAdminCanCreate(
            index,
            CountryPage,
            {
                "title": "Côte d’Ivoire",
                "country": "CI",
                "featured": "on",
                "summary": "Pays d’origine, de transit et de destination.",
                "migration_context": rich_text("<p>Une diaspora nombreuse.</p>"),
                "migration_policy": rich_text("<p>Une stratégie nationale.</p>"),
                "institutions": inline_formset(
                    [{"name": "Direction des Ivoiriens de l’extérieur", "role": "", "url": ""}]
                ),
                "focal_points": inline_formset(
                    [
                        {
                            "name": "Point focal CI",
                            "role": "",
                            "institution": "",
                            "email": "focal.ci@example.org",
                            "phone": "",
                            "user": "",
                        }
                    ]
                ),
                "gfmd_engagements": inline_formset(
                    [{"year": "2019", "role": "Table ronde", "meeting": ""}]
                ),
            },
        )
        self.assertEqual(page.country.code, "CI")
        self.assertEqual(page.focal_points.get().email, "focal.ci@example.org")
        self.assertEqual(page.gfmd_engagements.get().year, 2019)

    def test_renders(self):
        index = factories.CountryIndexPageFactory(parent=self.home)
        self.assertVisitorSees(factories.CountryPageFactory(parent=index, title="Maroc"))


class PolicyLibraryPageTests(PageTypeTestCase):
    def test_is_created_once_under_a_home_and_has_no_children(self):
        self.assertCanCreateAt(HomePage, PolicyLibraryPage)
        self.assertAllowedParentPageTypes(PolicyLibraryPage, {HomePage})
        self.assertAllowedSubpageTypes(PolicyLibraryPage, set())

    def test_admin_can_create(self):
        self.assertAdminCanCreate(
            self.home,
            PolicyLibraryPage,
            {"title": "Documents de politique", "introduction": "Stratégies, lois et accords."},
        )

    def test_admin_cannot_create_a_second_one_under_the_same_home(self):
        factories.PolicyLibraryPageFactory(parent=self.home)
        self.assertAdminCannotCreateAnother(
            self.home, PolicyLibraryPage, {"title": "Autres documents", "introduction": ""}
        )

    def test_renders(self):
        self.assertVisitorSees(
            factories.PolicyLibraryPageFactory(parent=self.home, title="Documents de politique")
        )
