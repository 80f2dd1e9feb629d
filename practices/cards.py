"""A practice as a card shows it in a list (the library, the home page, a country or an
event page): read as plain values, two queries for any number of practices, rather than
as page objects. A library page showed 20 cards and spent more time loading them as
pages (every field, stream fields included) than the engine spent choosing them.
"""

from dataclasses import dataclass

from django.db.models import F
from django.utils.text import Truncator
from django.utils.translation import get_language

from website.language_fallback import foreign
from website.page_addresses import addresses
from website.typography import join_names

from .library import country_labels
from .models import PracticeCountry, PracticePage, PracticeStatus

SUMMARY_WORDS = 40
FIELDS = ("pk", "url_path", "title", "summary", "start_year", "end_year", "status")


@dataclass(frozen=True)
class PracticeCard:
    pk: int
    url: str
    title: str
    summary: str  # its first SUMMARY_WORDS words
    countries: str  # their names joined for the reader
    start_year: int
    end_year: int | None
    status: str  # its label
    language: str  # the practice's

    @property
    def foreign(self):
        """Its language and "available in French" mark when not the reader's."""
        return foreign(self.language)


def cards(pks):
    """The cards of the practices `pks`, in that order (those gone are left out)."""
    pks = list(pks)
    found = {
        values["pk"]: values
        for values in PracticePage.objects.filter(pk__in=pks).values(
            *FIELDS, language=F("locale__language_code")
        )
    }
    codes = {pk: [] for pk in found}
    links = PracticeCountry.objects.filter(page_id__in=list(found)).order_by("sort_order", "pk")
    for pk, code in links.values_list("page_id", "country"):
        codes[pk].append(code)
    statuses = dict(PracticeStatus.choices)
    names = country_labels(get_language())
    urls = addresses(values["url_path"] for values in found.values())
    return [
        PracticeCard(
            pk=pk,
            url=urls[found[pk]["url_path"]],
            title=found[pk]["title"],
            summary=Truncator(found[pk]["summary"]).words(SUMMARY_WORDS, truncate=" …"),
            countries=join_names(names.get(code, code) for code in codes[pk]),
            start_year=found[pk]["start_year"],
            end_year=found[pk]["end_year"],
            status=statuses.get(found[pk]["status"], found[pk]["status"]),
            language=found[pk]["language"],
        )
        for pk in pks
        if pk in found
    ]
