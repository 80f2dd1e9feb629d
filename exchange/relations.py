"""What the exchange adds to other apps' pages (website/relations.py), and what a policy
document's page lists: the practices and events that use it.

A practice or an event names its documents in a StreamField; Wagtail's reference index
(the admin's "usage" of a document) reads those choices back from the document's side.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import IntegerField
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import ReferenceIndex

from events.models import EventPage
from practices.cards import cards
from practices.models import PracticePage
from website import relations

from .models import CountryPage


def country_pages(page):
    """The live country profiles, in the page's language, of a practice's or an event's
    countries (read as a list: a preview's countries exist only in memory)."""
    codes = [link.country.code for link in page.country_links.all()]
    return list(
        CountryPage.objects.live()
        .public()
        .filter(locale_id=page.locale_id, country__in=codes)
        .order_by("title")
    )


def pages_using(model, document, locale):
    """The live pages of `model` in `locale` whose fields choose the document."""
    references = ReferenceIndex.get_references_to(document).filter(
        content_type=ContentType.objects.get_for_model(model)
    )
    ids = references.annotate(page_id=Cast("object_id", IntegerField())).values("page_id")
    return model.objects.live().public().filter(locale=locale, pk__in=ids)


def practices_using(document, locale):
    practices = pages_using(PracticePage, document, locale)
    return cards(practices.order_by("title").values_list("pk", flat=True))


def events_using(document, locale):
    return list(pages_using(EventPage, document, locale).order_by("-starts_at"))


def register():
    countries = relations.Relation(
        key="countries",
        heading=_("Country profiles"),
        find=country_pages,
        template="exchange/includes/country_card.html",
        item_name="country",
    )
    relations.register("practices.PracticePage", countries)
    relations.register("events.EventPage", countries)
