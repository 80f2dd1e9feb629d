"""The site's vocabulary: synonyms and acronyms editors maintain (GFMD ↔ FMMD ...).

INTERFACE STUB for issue 14: the synonyms helper replaces this with the model-backed
version.
"""


def synonym_groups(language):
    """Each group of interchangeable phrases for `language` (and for every language),
    folded (website/search_text.fold): [("gfmd", "fmmd", "forum mondial ..."), ...]."""
    return []
