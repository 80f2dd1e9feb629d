"""Search fields that carry an object's text once per language, so that Elasticsearch
analyses French text with its French analyser, English with English (stemming) and
Arabic with Arabic, and searches them with the same analyser plus the editors' synonyms
(website/elasticsearch_synonyms.py); on the database backends they are plain text like
the others.

Every searchable model also indexes `folded_text` (website/search_text.py): accents,
case, Arabic letter variants and the article folded away, the same on every backend.
"""

from django.utils.html import strip_tags
from wagtail.search import index

from .search_text import fold

ANALYZERS = {"fr": "french", "en": "english", "ar": "arabic"}


def language_search_fields():
    return [
        index.SearchField("folded_text"),
        *(
            index.SearchField(
                f"text_{code}",
                es_extra={"analyzer": analyzer, "search_analyzer": f"text_{code}_search"},
            )
            for code, analyzer in ANALYZERS.items()
        ),
    ]


class LanguageSearchMixin:
    """For models with `search_text()` (their words) and `search_language()`."""

    def __init_subclass__(cls, **kwargs):
        # Elasticsearch names a field after the model class that defines it; a method
        # found only on this mixin would have no model, so each subclass gets its own.
        super().__init_subclass__(**kwargs)
        for name in ("folded_text", "text_fr", "text_en", "text_ar"):
            if name not in cls.__dict__:
                setattr(cls, name, getattr(LanguageSearchMixin, name))

    def plain_search_text(self):
        return strip_tags(self.search_text())

    def folded_text(self):
        return fold(self.plain_search_text())

    def _text_in(self, code):
        return self.plain_search_text() if self.search_language() == code else ""

    def text_fr(self):
        return self._text_in("fr")

    def text_en(self):
        return self._text_in("en")

    def text_ar(self):
        return self._text_in("ar")


class PageLanguageSearchMixin(LanguageSearchMixin):
    def search_language(self):
        return self.locale.language_code
