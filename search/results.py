"""How each kind of result reads: its type, title, link, excerpt and key facts."""

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from events.models import EventPage
from events.presentation import when, where
from exchange.models import CountryPage, PolicyDocument, PolicyLibraryPage
from practices.models import PracticePage
from website.cache_versions import PAGES_VERSION, cached
from website.language_fallback import direction, foreign
from website.models import StandardPage
from website.typography import join_names

from .excerpts import excerpt


def present(rows, words):
    """The results for the site search's rows (website.listing.Row), in their order."""
    by_kind = {}
    for row in rows:
        by_kind.setdefault(row.kind, []).append(row.pk)
    loaded = {}
    for kind, ids in by_kind.items():
        for obj in LOADERS[kind](ids):
            loaded[(kind, obj.pk)] = obj
    library_url = _library_url() if "document" in by_kind else None
    results = []
    for row in rows:
        obj = loaded.get((row.kind, row.pk))
        if obj is not None:
            results.append(DESCRIBE[row.kind](obj, words, library_url))
    return results


def _library_url():
    """The policy library's address in the reader's language, where a document is shown
    (kept until a page changes: two queries, a tenth of a search)."""
    language = get_language()

    def find():
        library = PolicyLibraryPage.objects.live().filter(locale__language_code=language).first()
        return library.url if library else ""

    return cached(PAGES_VERSION, f"policy-library-url:{language}", find)


LOADERS = {
    "practice": lambda ids: (
        PracticePage.objects.filter(pk__in=ids)
        .select_related("locale")
        .prefetch_related("country_links")
    ),
    "event": lambda ids: EventPage.objects.filter(pk__in=ids).select_related("locale"),
    "country": lambda ids: CountryPage.objects.filter(pk__in=ids).select_related("locale"),
    "page": lambda ids: StandardPage.objects.filter(pk__in=ids).select_related("locale"),
    "document": lambda ids: PolicyDocument.objects.filter(pk__in=ids),
}


def _practice(page, words, _library):
    countries = join_names(link.country.name for link in page.country_links.all())
    period = f"{page.start_year}–{page.end_year or ''}" if page.start_year else ""
    return _result(
        "practice",
        _("Practice"),
        page.title,
        page.url,
        excerpt(page.summary, words),
        [countries, period],
        page=page,
    )


def _event(page, words, _library):
    return _result(
        "event",
        page.get_event_type_display(),
        page.title,
        page.url,
        excerpt(page.summary, words),
        [when(page), where(page)],
        page=page,
    )


def _country(page, words, _library):
    text = " ".join([page.summary, page.migration_context, page.migration_policy])
    return _result(
        "country", _("Country"), page.title, page.url, excerpt(text, words), [], page=page
    )


def _page(page, words, _library):
    text = " ".join([page.introduction, str(page.body or "")])
    return _result("page", _("Page"), page.title, page.url, excerpt(text, words), [], page=page)


def _document(document, words, library_url):
    url = f"{library_url}document/{document.pk}/" if library_url else document.url
    text = " ".join([document.summary, document.extracted_text[:20000]])
    facts = [
        str(document.country.name) if document.country else "",
        str(document.year or ""),
        document.get_language_display(),
    ]
    return _result(
        "document",
        document.get_doc_type_display(),
        document.title,
        url,
        excerpt(text, words),
        facts,
        language=document.language,
    )


def _result(kind, label, title, url, text, facts, language=None, page=None):
    """A page not in the reader's language says so ("Available in French"); a document
    carries its own language among its facts."""
    shown_in = foreign(page.locale.language_code) if page is not None else None
    if shown_in is not None:
        language = shown_in.code
    return {
        "kind": kind,
        "label": label,
        "title": title,
        "url": url,
        "excerpt": text,
        "facts": [fact for fact in facts if fact],
        "language": language,
        "direction": direction(language) if language else "",
        "mark": shown_in.mark if shown_in else "",
    }


DESCRIBE = {
    "practice": _practice,
    "event": _event,
    "country": _country,
    "page": _page,
    "document": _document,
}
