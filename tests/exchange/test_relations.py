"""Practices, events, policy documents and country pages link to what relates to them,
both ways, live and in the reader's language only, in a number of queries that does
not grow with the links."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.site import ensure_translation
from tests.factories import at, make_document, make_event, make_practice

pytestmark = pytest.mark.django_db


def linked(page, **fields):
    """Publish the page with its fields choosing these practices or documents."""
    for name, chosen in fields.items():
        if name == "related_practices":
            setattr(page, name, chosen)
        else:
            setattr(page, name, [("document", document) for document in chosen])
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def document_url(policy_library, document):
    return f"{policy_library.url}document/{document.pk}/"


@pytest.fixture
def linked_pages(library, calendar_page, policy_library, countries):
    _index, country_pages = countries
    strategy = make_document("Stratégie nationale d'immigration", country="MA")
    practice = make_practice(library, "Guichets migrants de Rabat", countries=["MA", "SN"])
    linked(practice, related_documents=[strategy])
    event = make_event(calendar_page, "Forum de Rabat", at(2027, 2, 24), countries=["MA"])
    linked(event, related_practices=[practice], documents=[strategy])
    return {
        "practice": practice,
        "event": event,
        "document": strategy,
        "countries": country_pages,
    }


def test_a_practice_and_the_event_that_presents_it_link_to_each_other(client, linked_pages):
    practice, event = linked_pages["practice"], linked_pages["event"]
    practice_page = html(client, practice.url)
    assert 'id="related-events"' in practice_page
    assert f'href="{event.url}"' in practice_page
    assert f'href="{practice.url}"' in html(client, event.url)


def test_practices_and_events_link_to_their_countries_profiles(client, linked_pages):
    practice, event, countries = (linked_pages[key] for key in ("practice", "event", "countries"))
    practice_page = html(client, practice.url)
    assert 'id="related-countries"' in practice_page
    assert f'href="{countries["MA"].url}"' in practice_page
    assert f'href="{countries["SN"].url}"' in practice_page
    event_page = html(client, event.url)
    assert f'href="{countries["MA"].url}"' in event_page
    assert f'href="{countries["SN"].url}"' not in event_page
    assert f'href="{practice.url}"' in html(client, countries["SN"].url)


def test_a_policy_document_lists_the_practices_and_events_that_use_it(
    client, linked_pages, policy_library
):
    practice, event, document = (linked_pages[key] for key in ("practice", "event", "document"))
    assert document.url in html(client, practice.url)
    assert document.url in html(client, event.url)
    page = html(client, document_url(policy_library, document))
    assert f'href="{practice.url}"' in page and f'href="{event.url}"' in page
    other = make_document("Loi sur la migration", country="MA")
    page = html(client, document_url(policy_library, other))
    assert f'href="{practice.url}"' not in page and 'id="practices"' not in page
    assert 'id="events"' not in page


def test_only_live_pages_in_the_readers_language_are_listed(client, linked_pages, policy_library):
    practice, event, document = (linked_pages[key] for key in ("practice", "event", "document"))
    english = ensure_translation(practice, "en", {"title": "Rabat help desks", "slug": "desks"})
    # The event is not in English yet: the English practice lists no event.
    assert 'id="related-events"' not in html(client, english.url)
    # Its translation still names the French practice: matched on the translation key.
    english_event = ensure_translation(event, "en", {"title": "Rabat forum", "slug": "forum"})
    assert f'href="{english_event.url}"' in html(client, english.url)
    assert f'href="{english.url}"' in html(client, english_event.url)
    english_document = html(client, f"/en/documents/document/{document.pk}/")
    assert f'href="{english.url}"' in english_document
    assert f'href="{practice.url}"' not in english_document

    event.unpublish()
    french = html(client, practice.url)
    assert 'id="related-events"' not in french and f'href="{event.url}"' not in french
    assert f'href="{event.url}"' not in html(client, document_url(policy_library, document))


def test_a_page_without_relations_shows_no_empty_section(client, library, countries):
    practice = make_practice(library, "Pratique sans lien", countries=["ML"])
    page = html(client, practice.url)
    assert "related-" not in page.replace('id="related"', "")


def test_a_country_page_links_to_all_its_practices_in_the_library(client, library, countries):
    _index, pages = countries
    for number in range(8):
        make_practice(library, f"Pratique marocaine {number}", countries=["MA"])
    make_practice(library, "Pratique sénégalaise", countries=["SN"])
    morocco = html(client, pages["MA"].url)
    assert f'href="{library.url}?country=MA"' in morocco
    assert "8" in morocco.split(f'href="{library.url}?country=MA"')[1].split("</a>")[0]
    assert "?country=SN" not in html(client, pages["SN"].url)


def queries(client, url):
    cache.clear()
    client.get(url)  # fills the per-process caches (site, labels)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_query_counts_do_not_grow_with_the_links(
    session_client, linked_pages, library, calendar_page, policy_library
):
    practice, event, document = (linked_pages[key] for key in ("practice", "event", "document"))
    urls = [practice.url, event.url, document_url(policy_library, document)]
    make_practice(library, "Pratique voisine", countries=["MA"])  # every section shows one
    few = [queries(session_client, url) for url in urls]

    more_practices = [
        make_practice(library, f"Pratique {n}", countries=["MA", "SN"]) for n in range(4)
    ]
    more_documents = [make_document(f"Plan {n}", country="MA") for n in range(4)]
    linked(practice, related_documents=[document, *more_documents])
    linked(event, related_practices=[practice, *more_practices], documents=[document])
    for number in range(4):
        other = make_event(calendar_page, f"Atelier {number}", at(2027, 3, 1 + number))
        linked(other, related_practices=[practice], documents=[document])
    for other in more_practices:
        linked(other, related_documents=[document])

    assert [queries(session_client, url) for url in urls] == few
