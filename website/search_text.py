"""Text folded for search: lower case, no accents, Arabic letter variants unified.

Applied to indexed text and to queries alike, so matching is the same on SQLite,
PostgreSQL and Elasticsearch whatever their own analysers do.
"""

import re
import unicodedata

ARABIC_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")  # short vowels, tatweel
ARABIC_VARIANTS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})


def fold(text):
    text = ARABIC_DIACRITICS.sub("", text or "").translate(ARABIC_VARIANTS)
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
