"""Numbers and words read from a request's parameters, for every listing, feed, export
and admin form.

Anyone can type, truncate or forge a query string: a value that is not one the page can
use reads as absent (the default), never as an error.
"""

import re

# At most 18 ASCII digits: fits a 64-bit database integer, and stays far below the
# 4,300 digits past which int() refuses a string. "\d", str.isdigit() and int() all
# take other digits too ("²" passes isdigit() and fails int()).
DIGITS = re.compile(r"[0-9]{1,18}")
# Unicode's control characters (category Cc), read as spaces.
CONTROLS = dict.fromkeys([*range(0x20), *range(0x7F, 0xA0)], " ")


def integer(value, default=None, minimum=None, maximum=None):
    """`value` as an int if it is plain ASCII digits within [minimum, maximum], else
    `default`."""
    if not isinstance(value, str) or not DIGITS.fullmatch(value):
        return default
    number = int(value)
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        return default
    return number


def text(value, max_length):
    """Free text on one line with single spaces, cut at `max_length`. Control characters
    become spaces: PostgreSQL refuses a NUL in a query."""
    if not isinstance(value, str):
        return ""
    return " ".join(value.translate(CONTROLS).split())[:max_length]
