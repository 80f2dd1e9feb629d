"""How text becomes search terms: the same function for what is indexed and for what a
visitor asks, so that "violences" meets "violence", "migrants" meets "migrantes" and
"الإدماج" meets "إدماج".

Words are cut on `\\w+`, stop words of the text's language dropped, each word stemmed by
its language's Snowball stemmer and the stem folded (website/search_text.fold). Stemming
comes before folding: the stemmers know their accents and Arabic prefixes ("وإدماج" loses
its "و" only while the hamza is there), and folding the stem after makes "intégration"
and a visitor's "integration" one term.
"""

import re
import threading
import unicodedata
from functools import lru_cache

import Stemmer

from .search_text import ARABIC_DIACRITICS, fold

WORD = re.compile(r"\w+")
LONGEST_WORD = 40  # longer "words" are identifiers or garbled PDF text, not vocabulary
# Snowball's stemmers for every language a page or a document can be in.
STEMMERS = {
    "fr": "french",
    "en": "english",
    "ar": "arabic",
    "es": "spanish",
    "pt": "portuguese",
}
# Snowball's lists, less the words that carry meaning in this domain (none of its French
# or English entries did); "since" added. Arabic has no Snowball list: the particles,
# pronouns and demonstratives every sentence has.
STOP_WORDS_TEXT = {
    "fr": """au aux avec ce ces dans de des du elle en et eux il ils je la le les leur
        leurs lui ma mais me même mes moi mon ne nos notre nous on ou où par pas pour qu que
        qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l à m n s t y
        est sont était étaient sera seront être ai as a avons avez ont avait ceci cela ça
        cet cette ici leurs dont lors sans sous entre vers chez tous tout toute toutes""",
    "en": """i me my myself we our ours ourselves you your yours yourself yourselves he
        him his himself she her hers herself it its itself they them their theirs
        themselves what which who whom this that these those am is are was were be been
        being have has had having do does did doing a an the and but if or because as until
        while of at by for with about against between into through during before after
        above below to from up down in out on off over under again further then once here
        there when where why how all any both each few more most other some such no nor not
        only own same so than too very can will just should now since""",
    "ar": """في من إلى الى على عن مع هذا هذه ذلك تلك هؤلاء التي الذي الذين اللذان اللتان
        اللواتي أو او ثم كما قد لقد كان كانت يكون تكون بين حتى منذ عند لدى بعد قبل أن ان
        إن لا لم لن ما ماذا هل هو هي هم هن هما نحن أنا انا أنت انت كل بعض أيضا ايضا و ف
        ب ل ك يا عبر حول خلال ضمن لكن بل إذا اذا حيث كيف متى أي اي التى الى ذات""",
}
STOP_WORDS = {
    language: frozenset(fold(word) for word in text.split())
    for language, text in STOP_WORDS_TEXT.items()
}
ANY_STOP_WORD = frozenset().union(*STOP_WORDS.values())
AGAIN = "اعاد"  # the stem of "إعادة" (re-)
_local = threading.local()


def words(text):
    """The words of `text` in lower case, accents kept (the stemmers read them)."""
    text = unicodedata.normalize("NFC", ARABIC_DIACRITICS.sub("", text or "")).casefold()
    return _compounds([word for word in WORD.findall(text) if len(word) <= LONGEST_WORD])


def _compounds(found):
    """ "إعادة الإدماج" is reintegration, not integration, as "réintégration" is not
    "intégration": "إعادة" and the word after it are one word (joined by a space, which
    stem() keeps out of the term)."""
    joined = []
    for word in found:
        if joined and _is_again(joined[-1]):
            joined[-1] += " " + word
        else:
            joined.append(word)
    return joined


def _is_again(word):
    # "إعادة" with or without a conjunction before it ("وإعادة", "لإعادة").
    if not "\u0600" <= word[0] <= "\u06ff" or " " in word:
        return False
    stemmed = stem(word, "ar")
    return stemmed.endswith(AGAIN) and len(stemmed) <= len(AGAIN) + 1


@lru_cache(maxsize=200_000)
def folded(word):
    return fold(word)


def is_stop_word(word, language=None):
    """A stop word of `language`, or of any language when it is not known (a question)."""
    return folded(word) in (STOP_WORDS.get(language, ()) if language else ANY_STOP_WORD)


@lru_cache(maxsize=200_000)
def stem(word, language):
    """`word` (from words()) as a term of text in `language`."""
    if " " in word:  # "إعادة" and its word (_compounds)
        return AGAIN + stem(word.split(" ", 1)[1], language)
    if language not in STEMMERS:
        return folded(word)
    return fold(_stemmer(language).stemWord(word))


def _stemmer(language):
    # A Stemmer object is not thread-safe: each thread keeps its own.
    stemmers = _local.__dict__.setdefault("stemmers", {})
    if language not in stemmers:
        stemmers[language] = Stemmer.Stemmer(STEMMERS[language])
    return stemmers[language]


def terms(text, language):
    """The terms of `text` written in `language`, in their order, stop words left out."""
    stops = STOP_WORDS.get(language, ())
    return [stem(word, language) for word in words(text) if folded(word) not in stops]


def bigrams(stems):
    """Adjacent terms joined by a space (no term has one): a phrase typed scores higher."""
    return [f"{first} {second}" for first, second in zip(stems, stems[1:], strict=False)]
