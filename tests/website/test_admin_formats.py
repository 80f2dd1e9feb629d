"""Dates in the Arabic admin read day first, as in the French one."""

import datetime

from django.utils import formats, translation


def test_arabic_dates_read_day_first_and_typed_dates_are_day_first():
    moment = datetime.datetime(2026, 12, 1, 14, 30)
    with translation.override("ar"):
        shown = formats.date_format(moment, "SHORT_DATETIME_FORMAT")
        assert shown.replace("\u200f", "").startswith("01/12/2026")
        assert "2026" in formats.date_format(moment, "DATETIME_FORMAT")
        assert formats.get_format("DATE_INPUT_FORMATS")[0] == "%d/%m/%Y"
    with translation.override("fr"):
        assert formats.date_format(moment, "SHORT_DATETIME_FORMAT") == "01/12/2026 14:30"
