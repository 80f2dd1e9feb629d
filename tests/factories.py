"""What tests build: users, pages of every type, taxonomy terms, documents, quotas.

The page factories are wagtail_factories factories: `PracticePageFactory(parent=index)`
adds a live page under `index`. The `make_*` builders on top of them also publish a
revision and fill the relations a test usually wants (countries, themes, tags…), as an
editor publishing the page would.

Every import of application code the tests' builders need is made here.
"""

from datetime import date, time

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.models import Locale

from demo.exchange_pdf import pdf_bytes
from demo.site import publish_child, seed
from events.models import EventCountry, EventIndexPage, EventPage
from exchange.models import CountryIndexPage, CountryPage, PolicyDocument, PolicyLibraryPage
from practices.models import PracticeCountry, PracticeIndexPage, PracticePage, PracticeResult
from registrations.models import CountryQuota
from website.models import HomePage, StandardPage


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct horse battery")

    @factory.post_generation
    def groups(self, create, names):
        if create and names:
            self.groups.add(*Group.objects.filter(name__in=names))


def demo_site():
    """The demo tree: the default site's French home page, with its English and Arabic
    translations, an about page and a data-protection page; returns the French home."""
    return seed()


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = factory.Sequence(lambda n: f"Accueil {n}")


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Page {n}")
    introduction = "Une page de contenu éditorial."


class SectionPageFactory(wagtail_factories.PageFactory):
    """A page whose slug Wagtail derives from its title, as the admin does (accents and
    Arabic letters kept, "-2" added when a sibling has it already)."""

    slug = ""


class PracticeIndexPageFactory(SectionPageFactory):
    class Meta:
        model = PracticeIndexPage

    title = factory.Sequence(lambda n: f"Bonnes pratiques {n}")


class PracticePageFactory(SectionPageFactory):
    class Meta:
        model = PracticePage

    title = factory.Sequence(lambda n: f"Pratique {n}")
    summary = factory.LazyAttribute(lambda page: f"Résumé de {page.title}.")
    start_year = 2015
    status = "ongoing"


class EventIndexPageFactory(SectionPageFactory):
    class Meta:
        model = EventIndexPage

    title = factory.Sequence(lambda n: f"Agenda {n}")


class EventPageFactory(SectionPageFactory):
    """A one-day forum in Rabat, from 9:00 in the venue's time zone."""

    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Forum {n}")
    summary = factory.LazyAttribute(lambda page: f"Résumé de {page.title}.")
    event_type = "forum"
    start_date = date(2027, 6, 8)
    start_time = time(9, 0)
    end_date = factory.LazyAttribute(lambda page: page.start_date)
    end_time = None
    all_day = False
    time_zone = "Africa/Casablanca"


class CountryIndexPageFactory(SectionPageFactory):
    class Meta:
        model = CountryIndexPage

    title = factory.Sequence(lambda n: f"Pays {n}")


class CountryPageFactory(SectionPageFactory):
    class Meta:
        model = CountryPage

    title = "Maroc"
    country = "MA"
    summary = factory.LazyAttribute(lambda page: f"{page.title}.")


class PolicyLibraryPageFactory(SectionPageFactory):
    class Meta:
        model = PolicyLibraryPage

    title = factory.Sequence(lambda n: f"Documents de politique {n}")


def standard_page(home, title, body_text, slug):
    """A published standard page whose introduction is `body_text`."""
    page = StandardPageFactory.build(title=title, slug=slug, introduction=body_text)
    return publish_child(home, page)


def term(model, slug, fr, en=None, ar=None, **extra):
    """A taxonomy term (theme, target group, SDG target, organisation) in French, with its
    English and Arabic translations when names are given for them."""
    field = model.facet_field
    source = model.objects.create(
        locale=Locale.objects.get(language_code="fr"), name=fr, **{field: slug}, **extra
    )
    for code, name in (("en", en), ("ar", ar)):
        if name:
            translation = source.copy_for_translation(Locale.objects.get(language_code=code))
            translation.name = name
            translation.save()
    return source


def make_practice(
    index, title, countries=("MA",), themes=(), start_year=2015, status="ongoing", **fields
):
    """A published practice under the library `index`."""
    taxonomy_fields = {
        name: fields.pop(name, ())
        for name in ("target_groups", "sdg_targets", "implementing_organisations", "funders")
    }
    results = fields.pop("results", ())
    tags = fields.pop("tags", ())
    page = PracticePageFactory.build(title=title, start_year=start_year, status=status, **fields)
    page.country_links = [PracticeCountry(country=code) for code in countries]
    page.results = [PracticeResult(value=value, label=label) for value, label in results]
    page.themes = list(themes)
    for name, terms in taxonomy_fields.items():
        setattr(page, name, list(terms))
    index.add_child(instance=page)
    if tags:
        page.tags.add(*tags)
    page.save_revision().publish()
    return page


def at(year, month, day, hour=9, minute=0):
    """A (date, time) pair for `make_event`."""
    return (date(year, month, day), time(hour, minute))


def make_event(index, title, start, end=None, countries=("MA",), themes=(), **fields):
    """A published event under the calendar `index`.

    `start`/`end` are (date, time) pairs in the event's time zone, or dates for all day."""
    all_day = isinstance(start, date) and not isinstance(start, tuple)
    start_date, start_time = (start, None) if all_day else start
    end_date, end_time = (end or start, None) if all_day else (end or (start_date, None))
    page = EventPageFactory.build(
        title=title,
        start_date=start_date,
        start_time=start_time,
        end_date=end_date,
        end_time=end_time,
        all_day=all_day,
        **fields,
    )
    page.country_links = [EventCountry(country=code) for code in countries]
    page.themes = list(themes)
    index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def set_quota(event, country, seats):
    return CountryQuota.objects.create(page=event, country=country, seats=seats)


def make_document(title, lines=("Texte.",), filename="doc.pdf", content=None, **fields):
    """A document saved in its own transaction, so that the extraction task runs after
    the commit as it does after an upload."""
    fields.setdefault("doc_type", "strategy")
    fields.setdefault("country", "MA")
    with transaction.atomic():
        document = PolicyDocument(title=title, **fields)
        document.file.save(filename, ContentFile(content or pdf_bytes([list(lines)])), save=False)
        document.save()
    document.refresh_from_db()
    return document
