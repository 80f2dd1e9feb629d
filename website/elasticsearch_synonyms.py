"""The editors' synonyms in Elasticsearch's (or OpenSearch's) analysers.

Each language field (website/search_fields.py) is indexed with the built-in french,
english or arabic analyser and searched with `text_<code>_search`: the same analyser
rebuilt filter by filter, with a `synonym_graph` filter of that language's groups
(website/synonyms.py) before the stop words and the stemmer. Only the search analyser
holds synonyms, so a change of the table needs no reindexing: `push_synonyms` replaces
the analysis settings of each index, which Elasticsearch accepts only on a closed index;
it is closed for the moment this takes, and the database backend answers meanwhile
(website/search_backends.py).

The backend: WAGTAILSEARCH_BACKENDS' "BACKEND" names this module and "SERVER" the
Wagtail backend it extends (elasticsearch7/8/9, opensearch2/3); indexes are created
with the synonyms of the moment.
"""

from copy import deepcopy
from functools import cache

from modelsearch.backends import import_backend
from modelsearch.index import get_indexed_models
from modelsearch.utils import deep_update

from .search_fields import ANALYZERS
from .synonyms import synonym_groups

# Elasticsearch's language analysers, rebuilt as its documentation gives them, with
# "{synonyms}" where the synonym filter goes: after lower-casing (the rules are folded
# like the query, website/search_text.py) and before the stop words, which would
# otherwise leave holes in multi-word rules.
FILTERS = {
    "french_elision": {
        "type": "elision",
        "articles_case": True,
        "articles": ["l", "m", "t", "qu", "n", "s", "j", "d", "c"]
        + ["jusqu", "quoiqu", "lorsqu", "puisqu"],
    },
    "french_stop": {"type": "stop", "stopwords": "_french_"},
    "french_stemmer": {"type": "stemmer", "language": "light_french"},
    "english_possessive_stemmer": {"type": "stemmer", "language": "possessive_english"},
    "english_stop": {"type": "stop", "stopwords": "_english_"},
    "english_stemmer": {"type": "stemmer", "language": "english"},
    "arabic_stop": {"type": "stop", "stopwords": "_arabic_"},
    "arabic_stemmer": {"type": "stemmer", "language": "arabic"},
}
CHAINS = {
    "fr": ["french_elision", "lowercase", "{synonyms}", "french_stop", "french_stemmer"],
    "en": [
        "english_possessive_stemmer",
        "lowercase",
        "{synonyms}",
        "english_stop",
        "english_stemmer",
    ],
    "ar": [
        "lowercase",
        "decimal_digit",
        "{synonyms}",
        "arabic_stop",
        "arabic_normalization",
        "arabic_stemmer",
    ],
}


def search_analyzer(code):
    return f"text_{code}_search"


def analysis(groups_by_language):
    """The "analysis" settings for {language code: [group of folded phrases]}: a search
    analyser per language, with a synonym filter when that language has groups."""
    filters = dict(FILTERS)
    analyzers = {}
    for code in ANALYZERS:
        rules = [", ".join(group) for group in groups_by_language.get(code, [])]
        if rules:
            filters[f"synonyms_{code}"] = {"type": "synonym_graph", "synonyms": rules}
        chain = [
            name.format(synonyms=f"synonyms_{code}")
            for name in CHAINS[code]
            if rules or name != "{synonyms}"
        ]
        analyzers[search_analyzer(code)] = {
            "type": "custom",
            "tokenizer": "standard",
            "filter": chain,
        }
    return {"analyzer": analyzers, "filter": filters}


def current_analysis():
    return analysis({code: synonym_groups(code) for code in ANALYZERS})


def index_settings(plain):
    """The backend's index settings with the analysers of the moment added."""
    return deep_update(deepcopy(plain), {"settings": {"analysis": current_analysis()}})


class SynonymIndexMixin:
    def put(self):
        settings = index_settings(self.backend.settings)
        if self.backend.use_new_elasticsearch_api:
            self.es.indices.create(index=self.name, **settings)
        else:
            self.es.indices.create(self.name, settings)


@cache
def backend_class(server):
    base = import_backend(server)
    index_class = type(base.index_class.__name__, (SynonymIndexMixin, base.index_class), {})
    return type(base.__name__, (base,), {"index_class": index_class, "__module__": __name__})


def SearchBackend(params):  # noqa: N802 -- the name Wagtail looks for in a backend module
    params = dict(params)
    return backend_class(params.pop("SERVER"))(params)


def push_synonyms(backend):
    """Give every existing index of `backend` the analysers of the moment."""
    settings = {"analysis": current_analysis()}
    for name in _concrete_indexes(backend):
        backend.es.indices.close(index=name)
        try:
            if backend.use_new_elasticsearch_api:
                backend.es.indices.put_settings(index=name, settings=settings)
            else:
                backend.es.indices.put_settings(index=name, body=settings)
        finally:
            backend.es.indices.open(index=name)


def _concrete_indexes(backend):
    """The indexes behind the aliases of an atomic rebuild; none for an index not built
    yet (rebuild_search_index creates it with the synonyms)."""
    names = set()
    for alias in {backend.get_index_for_model(model).name for model in get_indexed_models()}:
        try:
            names.update(backend.es.indices.get_settings(index=alias))
        except backend.NotFoundError:
            continue
    return sorted(names)
