"""The one reader of numbers and words in request parameters."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from website.query_params import integer, text


@pytest.mark.parametrize(
    "value",
    [
        "²",  # str.isdigit() says yes, int() refuses it
        "٢٠٢٧",  # int() reads Arabic-Indic digits; the links the site writes never hold them
        "２０２７",
        " 7",
        "7\n",
        "+7",
        "-7",
        "7.0",
        "1_000",
        "0x1f",
        "9" * 19,  # beyond a 64-bit database integer
        "9" * 5000,  # beyond what int() reads from a string
        "",
        None,
    ],
)
def test_anything_but_plain_ascii_digits_is_the_default(value):
    assert integer(value, default=1) == 1


def test_numbers_outside_the_range_are_the_default():
    assert integer("1989", minimum=1990, maximum=2100) is None
    assert integer("2101", minimum=1990, maximum=2100) is None
    assert integer("1990", minimum=1990, maximum=2100) == 1990
    assert integer("0042", default=1, minimum=1) == 42


@given(st.one_of(st.none(), st.text()), st.integers(-10, 10), st.integers(-10, 10))
def test_the_answer_is_the_default_or_a_number_in_range(value, low, high):
    number = integer(value, default="default", minimum=low, maximum=high)
    assert number == "default" or low <= number <= high


def test_text_is_one_line_of_single_spaces_without_control_characters():
    assert text("  a\x00b\tc\r\nd\x85e\u00a0f  ", 100) == "a b c d e f"
    assert text("x" * 500, 200) == "x" * 200
    assert text(None, 200) == ""


def test_text_keeps_joiners_and_direction_marks_of_arabic_and_persian():
    assert text("می\u200cخواهم \u200fمرحبا", 100) == "می\u200cخواهم \u200fمرحبا"
