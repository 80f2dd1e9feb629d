"""Log records never carry the token of a registration link.

Django logs the path of every response from 400 up ("Not Found: /fr/events/3/registration/
<token>/"): the token in a log file would let whoever reads the logs see and cancel that
registration. Attached to the `django.request` logger in settings (LOGGING), the filter
rewrites the record before any handler, or pytest's caplog, receives it.
"""

import logging
import re

TOKEN = re.compile(r"(/registration/)[^/\s?#]+")


def hide_tokens(text):
    return TOKEN.sub(r"\1[token]", text)


class HideLinkTokens(logging.Filter):
    def filter(self, record):
        record.msg = hide_tokens(record.getMessage())
        record.args = ()
        return True
