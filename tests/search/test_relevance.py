"""The relevance test set asked through the site search page, on the demo content.

Marked `sweep`: it drives the same view on either database, so CI runs it once. The
same set, with the mean reciprocal rank per language, is `bench/relevance.py`.
"""

import json

import pytest
from django.test import Client, override_settings

from .relevance_set import (
    DEMO_DATA,
    QUESTIONS,
    TOP,
    ask,
    content_words,
    describe_miss,
    hits_at_top,
    uses_content_words,
)

REQUIRED_HITS = 0.9


@pytest.fixture(scope="module")
def outcomes(demo_content, django_db_blocker):
    """Each question asked once, as a visitor asks it, for the module's tests to read."""
    client = Client(HTTP_HOST="localhost")
    # One visitor asks dozens of questions in a few seconds: measure, do not throttle.
    with django_db_blocker.unblock(), override_settings(SEARCH_REQUESTS_PER_MINUTE=10**6):
        return [ask(client, question) for question in QUESTIONS]


@pytest.mark.sweep
@pytest.mark.django_db
def test_an_expected_answer_is_in_the_top_three_for_nine_questions_in_ten(outcomes):
    misses = [describe_miss(outcome) for outcome in outcomes if not outcome.hit]
    assert hits_at_top(outcomes) >= REQUIRED_HITS, (
        f"hits@{TOP} {hits_at_top(outcomes):.0%} < {REQUIRED_HITS:.0%}; missed:\n"
        + "\n".join(misses)
    )


@pytest.mark.sweep
@pytest.mark.django_db
def test_no_question_with_a_word_of_the_content_finds_nothing(outcomes):
    words = content_words()
    empty = [
        f"[{outcome.question.language}] {outcome.question.q!r}"
        for outcome in outcomes
        if not outcome.titles and uses_content_words(outcome.question, words)
    ]
    assert not empty, "found nothing:\n" + "\n".join(empty)


def test_every_expected_answer_is_a_title_of_the_demo_content():
    """A typo in the set would make a question unanswerable, not the engine wrong."""
    titles = set()
    for name in ("practices", "events", "documents"):
        for entry in json.loads((DEMO_DATA / f"{name}.json").read_text(encoding="utf-8")):
            title = entry["title"]
            titles.update(title.values() if isinstance(title, dict) else [title])
    unknown = {answer for question in QUESTIONS for answer in question.answers} - titles
    assert not unknown
    for language in ("fr", "en", "ar"):
        assert sum(question.language == language for question in QUESTIONS) >= 12
