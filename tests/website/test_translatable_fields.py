"""What wagtail-localize offers for translation: text, not identifiers; one line at a time."""

from datetime import date

import pytest
from wagtail.models import Locale
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.ingest import ingest_segments

from exchange.models import BilateralAgreement
from tests.factories import make_practice

pytestmark = pytest.mark.django_db


def strings(instance):
    return {
        s.path: s.render_text()
        for s in extract_segments(instance)
        if isinstance(s, StringSegmentValue)
    }


def test_a_practice_offers_its_text_and_result_labels_but_not_its_identifiers(library):
    practice = make_practice(
        library, "Guichet unique", results=[("1 855", "entrepreneurs conseillés")]
    )
    offered = strings(practice)
    assert "title" in offered
    assert "entrepreneurs conseillés" in offered.values()
    assert not {"slug", "external_id"} & set(offered)
    assert "1 855" not in offered.values()


def test_fields_of_cooperation_are_translated_line_by_line(locales):
    agreement = BilateralAgreement.objects.create(
        title="Accord",
        parties=["MA", "SN"],
        date_signed=date(2020, 1, 1),
        subject="Migration",
        fields_of_cooperation="Formation\n\nEmploi des jeunes\n",
    )
    lines = {
        path: text for path, text in strings(agreement).items() if "fields_of_cooperation" in path
    }
    assert sorted(lines.values()) == ["Emploi des jeunes", "Formation"]

    translated = [
        StringSegmentValue(path, {"Formation": "Training", "Emploi des jeunes": "Youth jobs"}[text])
        for path, text in lines.items()
    ]
    copy = BilateralAgreement(locale=locales["en"])
    ingest_segments(
        agreement, copy, locales["fr"], Locale.objects.get(language_code="en"), translated
    )
    assert copy.fields_list == ["Training", "Youth jobs"]
