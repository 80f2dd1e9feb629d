"""The practice library as a list of the listing engine (website/listing.py): its facets,
sorts and one row per live practice of a locale.

Everything the visitor chose lives in the query string, so a result page can be shared,
bookmarked and subscribed to: the feeds and exports ask the engine with the same one.
"""

import functools

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries as all_countries

from website import listing
from website.cache_versions import PAGES_VERSION, TAXONOMY_VERSION
from website.language_fallback import offered

from .models import PracticeCountry, PracticePage, PracticeStatus
from .taxonomy import Organisation, SDGTarget, TargetGroup, Theme

PAGE_SIZE = 20
FIRST_YEAR, LAST_YEAR = 1950, 2100
# The practice page's many-to-many fields behind the taxonomy facets.
TAXONOMY_FIELDS = {
    "theme": ("themes", Theme),
    "group": ("target_groups", TargetGroup),
    "sdg": ("sdg_targets", SDGTarget),
    "organisation": ("implementing_organisations", Organisation),
    "funder": ("funders", Organisation),
}


@functools.cache
def country_labels(language):
    """Code → name in the language. Kept for the process's life: the names come from the
    compiled catalogues, which a running process never reloads, and building them
    translates 250 names (read twice by every list page that has a country facet)."""
    with translation.override(language):
        return {code: str(name) for code, name in all_countries}


def status_labels(language):
    return dict(PracticeStatus.choices)


def decade_labels(language):
    return {
        str(decade): _("%(start)s–%(end)s") % {"start": decade, "end": decade + 9}
        for decade in range(FIRST_YEAR, LAST_YEAR + 1, 10)
    }


def practices_in(locale):
    """The locale's live practices, and those not translated into it (in French, say)."""
    return offered(PracticePage.objects.live().public(), locale)


def rows(locale):
    """One row per practice offered in the locale, in 2 + one query per taxonomy facet."""
    practices = practices_in(locale)
    ids = practices.values("pk")
    values = {
        pk: {param: [] for param in (*TAXONOMY_FIELDS, "country")}
        for pk in practices.values_list("pk", flat=True)
    }
    links = PracticeCountry.objects.filter(page_id__in=ids).values_list("page_id", "country")
    _collect(values, "country", links)
    for param, (name, taxonomy) in TAXONOMY_FIELDS.items():
        through = getattr(PracticePage, name).through
        related = through._meta.get_field(taxonomy._meta.model_name).name
        pairs = through.objects.filter(practicepage_id__in=ids).values_list(
            "practicepage_id", f"{related}__{taxonomy.facet_field}"
        )
        _collect(values, param, pairs)
    fields = ("pk", "status", "start_year", "first_published_at", "title", "locale__language_code")
    own = locale.language_code
    return [
        listing.Row(
            kind="practice",
            pk=pk,
            title=title,
            values={
                **{param: tuple(found) for param, found in values[pk].items()},
                "status": (status,),
                "decade": (str(start_year // 10 * 10),),
            },
            sort={
                "published": published.timestamp() if published else 0,
                "title": title.casefold(),
                "start_year": start_year,
            },
            language="" if language == own else language,
        )
        for pk, status, start_year, published, title, language in practices.values_list(*fields)
    ]


def _collect(values, param, pairs):
    for pk, value in pairs:
        if pk in values:
            values[pk][param].append(str(value))


LIBRARY = listing.Listing(
    name="practices",
    facets=(
        listing.Facet("country", _("Country"), country_labels, named=True),
        listing.Facet("theme", _("Theme"), Theme.labels, named=True),
        listing.Facet("group", _("Target group"), TargetGroup.labels),
        listing.Facet("sdg", _("SDG target"), SDGTarget.labels),
        listing.Facet("organisation", _("Implementing organisation"), Organisation.labels),
        listing.Facet("funder", _("Funder"), Organisation.labels),
        listing.Facet("status", _("Status"), status_labels),
        listing.Facet("decade", _("Started in"), decade_labels),
    ),
    ranges=(
        listing.Range("since", "until", "start_year", _("Started between"), FIRST_YEAR, LAST_YEAR),
    ),
    sorts={
        "relevance": listing.Sort(_("Relevance")),
        "newest": listing.Sort(_("Newest"), "published", descending=True),
        "title": listing.Sort(_("Title"), "title"),
    },
    default_sort="newest",
    page_size=PAGE_SIZE,
    rows=rows,
    versions=(PAGES_VERSION, TAXONOMY_VERSION),
    kinds=("practice",),
)


def in_order(rows, *related):
    """The practices of `rows`, in their order, with `related` prefetched."""
    ids = [row.pk for row in rows]
    practices = (
        PracticePage.objects.filter(pk__in=ids).select_related("locale").prefetch_related(*related)
    )
    by_id = {practice.pk: practice for practice in practices}
    return [by_id[pk] for pk in ids if pk in by_id]


def run(locale, params):
    from .cards import cards

    state = listing.parse(LIBRARY, params, locale.language_code)
    return listing.run(LIBRARY, locale, state, lambda rows: cards(row.pk for row in rows))
