"""What the exchange pages show: a country's profile with what is listed automatically
(its agreements, practices, events and documents), the country index with its map, and
one policy document."""

from django.utils import timezone
from django.utils.translation import get_language

from events.models import EventCountry, EventPage
from practices.models import PracticeCountry, PracticePage
from practices.taxonomy import Theme

from .agreements import BilateralAgreement
from .documents import PolicyDocument
from .map import MAP_SHAPES

LISTED = 6


def country_index_context(index):
    countries = list(
        index.get_children().live().specific().order_by("-countrypage__featured", "title")
    )
    shapes = {page.country.code: page for page in countries if page.featured}
    return {
        "countries": countries,
        "map_shapes": [
            {**shape, "page": shapes[code]} for code, shape in MAP_SHAPES.items() if code in shapes
        ],
    }


def country_context(page, request):
    code = page.country.code
    locale = page.locale
    practices = (
        PracticePage.objects.live()
        .public()
        .filter(
            locale=locale,
            pk__in=PracticeCountry.objects.filter(country=code).values("page_id"),
        )
    )
    events = (
        EventPage.objects.live()
        .public()
        .filter(locale=locale, pk__in=EventCountry.objects.filter(country=code).values("page_id"))
    )
    return {
        "agreements": BilateralAgreement.objects.filter(
            locale=locale, parties__contains=code
        ).select_related("document"),
        "practices": practices.order_by("-first_published_at")[:LISTED],
        "practice_count": practices.count(),
        "events": events.filter(ends_at__gte=timezone.now()).order_by("starts_at")[:LISTED],
        "documents": PolicyDocument.objects.exclude(doc_type="")
        .filter(country=code)
        .order_by("-adoption_date")[:LISTED],
        "library": _policy_library(locale),
        "breadcrumbs": page.get_ancestors().filter(depth__gt=1),
    }


def _policy_library(locale):
    from .pages import PolicyLibraryPage

    return PolicyLibraryPage.objects.live().filter(locale=locale).first()


def document_context(library, document_id):
    document = PolicyDocument.objects.exclude(doc_type="").filter(pk=document_id).first()
    if document is None:
        return None
    labels = Theme.labels(get_language())
    return {
        "document": document,
        "themes": [labels.get(theme.slug, theme.name) for theme in document.themes.all()],
        "other_languages": document.other_languages.order_by("language"),
        "library_url": library.url,
    }
