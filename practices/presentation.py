"""What a practice shows: key facts in the visitor's language, related practices,
structured data for search engines."""

import heapq
import json
from collections import Counter

from django.utils.translation import get_language

from website import listing
from website.cache_versions import PAGES_VERSION, cached

from .cards import cards
from .taxonomy import Organisation, SDGTarget, TargetGroup, Theme

RELATED_COUNT = 3


def labelled(terms, taxonomy):
    labels = taxonomy.labels(get_language())
    return [labels.get(term.facet_value, str(term)) for term in terms]


def practice_context(page):
    return {
        "countries": [link.country for link in page.country_links.all()],
        "themes": labelled(page.themes.all(), Theme),
        "target_groups": labelled(page.target_groups.all(), TargetGroup),
        "sdg_targets": _sdg_labels(page.sdg_targets.all()),
        "implementers": labelled(page.implementing_organisations.all(), Organisation),
        "funders": labelled(page.funders.all(), Organisation),
        "related_practices": related_practices(page),
        "structured_data": structured_data(page),
        "breadcrumbs": page.get_ancestors().filter(depth__gt=1),
        "library_page": page.get_parent().specific,
    }


def _sdg_labels(targets):
    labels = SDGTarget.labels(get_language())
    return [f"{target.code} {labels.get(target.code, target.name)}" for target in targets]


def related_practices(page):
    """Practices of the same locale sharing themes or a country, most shared themes
    first, then the newest. Found in the library's rows, which every process keeps: the
    same question asked of the database joined every practice's themes and countries
    (70 ms at 10,000 practices, half of the page)."""
    from .library import LIBRARY

    rowset = listing.rows_of(LIBRARY, page.locale)
    # Read as lists: a previewed revision's relations exist only in memory.
    themes = {theme.facet_value for theme in page.themes.all()}
    countries = {link.country.code for link in page.country_links.all()}
    shared = Counter(row.pk for theme in themes for row in rowset.having("theme", theme))
    candidates = {
        row.pk: row
        for param, values in (("theme", themes), ("country", countries))
        for value in values
        for row in rowset.having(param, value)
        if row.pk != page.pk and not row.language
    }
    best = heapq.nsmallest(
        RELATED_COUNT,
        candidates.values(),
        key=lambda row: (-shared[row.pk], -row.sort["published"], row.pk),
    )
    return cards(row.pk for row in best)


def structured_data(page):
    """schema.org description of the practice, as JSON-LD."""
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": page.title,
        "description": page.summary,
        "inLanguage": page.locale.language_code,
        "temporalCoverage": f"{page.start_year}/{page.end_year or '..'}",
        "spatialCoverage": [
            {"@type": "Country", "name": link.country.name} for link in page.country_links.all()
        ],
        "keywords": [tag.name for tag in page.tags.all()],
    }
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    # Escaped so that no text can close the <script> element that carries it.
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


def featured_practices(locale_id, count=4):
    """For the home page: the newest practices editors marked as featured (kept until a
    page changes: the query reads every practice of the language)."""
    from .models import PracticePage

    def load():
        featured = (
            PracticePage.objects.live()
            .public()
            .filter(locale_id=locale_id, featured=True)
            .order_by("-first_published_at")
        )
        return cards(featured.values_list("pk", flat=True)[:count])

    return cached(PAGES_VERSION, f"featured:{locale_id}:{count}", load)
