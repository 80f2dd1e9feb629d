"""The questions of issue 14, asked of the demo content as an official would type them.

Marked `sweep` with the relevance set: the demo is seeded once per module, so CI asks
these once, on PostgreSQL; tests/search/test_text_search.py covers both databases."""

import pytest

from website.text_search import search

pytestmark = [pytest.mark.usefixtures("demo_content"), pytest.mark.sweep]
EVERYTHING = ["practice", "event", "country", "page", "document"]


def titles(found, kind="practice"):
    from practices.models import PracticePage

    pages = PracticePage.objects.in_bulk(found.ids(kind))
    return [pages[pk].title for pk in found.ids(kind)]


@pytest.mark.django_db
def test_a_question_with_words_nobody_wrote_together_still_finds():
    found = search("diaspora investment support in Senegal since 2015", "en", EVERYTHING)
    assert found.matches
    assert "since" not in found.unmatched and "in" not in found.unmatched


@pytest.mark.django_db
def test_plurals_and_feminines_meet():
    found = search("femmes migrantes violence", "fr", ["practice"])
    top = " ".join(titles(found)[:3])
    assert "Oujda" in top and "Tamkine" in top


@pytest.mark.django_db
def test_integration_ranks_above_reintegration_in_arabic():
    from practices.models import PracticePage

    found = search("إدماج المهاجرين", "ar", ["practice"])
    themes = [
        {theme.slug for theme in PracticePage.objects.get(pk=pk).themes.all()}
        for pk in found.ids("practice")[:3]
    ]
    assert all("integration" in slugs for slugs in themes)
