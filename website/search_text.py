"""Text folded for search: lower case, no accents, Arabic letter variants unified and the
definite article set apart.

Applied to indexed text and to queries alike, so matching is the same on SQLite,
PostgreSQL and Elasticsearch whatever their own analysers do.
"""

import re
import unicodedata

ARABIC_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")  # short vowels, tatweel
ARABIC_VARIANTS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})
# "ال" (the), alone or after و/ف/ب/ك (and, so, with, like), or "لل" (for the), written
# joined to the noun: "الإدماج" must match a query for "إدماج". Only words long enough
# to keep a root of three letters lose it.
ARABIC_ARTICLE = re.compile(r"\b(?:[وفبك]?ال|لل)(?=\w{3,})")


def fold(text):
    text = ARABIC_DIACRITICS.sub("", text or "").translate(ARABIC_VARIANTS)
    text = ARABIC_ARTICLE.sub("", text)
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
