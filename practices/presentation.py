"""What a practice shows: key facts in the visitor's language, related practices,
structured data for search engines."""

import json

from django.db.models import Count, Q
from django.utils.translation import get_language

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
    """Practices of the same locale sharing themes or a country, most shared first."""
    from .models import PracticePage

    # Lists, not values_list(): a previewed revision's relations exist only in memory.
    theme_ids = [theme.pk for theme in page.themes.all()]
    countries = [link.country for link in page.country_links.all()]
    related = (
        PracticePage.objects.live()
        .public()
        .filter(locale_id=page.locale_id)
        .exclude(pk=page.pk)
        .filter(Q(themes__in=theme_ids) | Q(country_links__country__in=countries))
        .annotate(shared=Count("themes", filter=Q(themes__in=theme_ids), distinct=True))
        .order_by("-shared", "-first_published_at")
        .distinct()
    )
    return cards(related.values_list("pk", flat=True)[:RELATED_COUNT])


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
