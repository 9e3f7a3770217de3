"""The position vocabulary: which words head a position phrase ("директор", "ректор")."""

from __future__ import annotations

from functools import cache

from ..resources import read_lexicon

PREFIXES = ("вице-", "экс-", "зам-")
# Heads that are participles (by the stem of any of their forms: "заведующей") or
# abbreviations, which the tagger does not call nouns or gives a verb's lemma.
PARTICIPLES = ("заведующ", "управляющ", "командующ", "исполняющ", "уполномоченн")
ABBREVIATIONS = frozenset({"зав", "зав.", "и.о.", "и. о.", "врио"})


@cache
def heads() -> frozenset[str]:
    return frozenset(read_lexicon("positions.txt"))


def is_head(*words: str) -> bool:
    """Whether a lemma (or the word itself: "заведующий" has a verb lemma) heads a position."""
    for word in words:
        word = word.lower()
        if word in heads() or any(word.startswith(prefix) and word[len(prefix):] in heads()
                                  for prefix in PREFIXES):
            return True
        if "-" in word and (word.rsplit("-", 1)[1] in heads() or
                            word.split("-", 1)[0] in heads()):
            return True  # "хип-хоп-исполнитель", "экс-министр", "писатель-фронтовик"
    return False


def heads_phrase(lemma: str, form: str, pos: str, next_form: str = "") -> bool:
    """Whether a token heads a position phrase: a listed noun, or a listed participle
    that is not just the adjective of a listed noun ("управляющий директор")."""
    if not_noun(form) or not_noun(lemma):
        return not is_head(next_form)
    if pos in ("NOUN", "PROPN"):
        return is_head(lemma, form)
    # The tagger calls some capitalised or prefixed nouns adjectives ("Экс-председатель").
    return pos == "ADJ" and "-" in form and is_head(lemma)


def not_noun(word: str) -> bool:
    """A participle or abbreviation that heads a position ("заведующей", "и.о.")."""
    word = word.lower()
    return word in ABBREVIATIONS or word.startswith(PARTICIPLES)
