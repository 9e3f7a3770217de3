"""The position vocabulary: which words head a position phrase ("директор", "ректор")."""

from __future__ import annotations

from functools import cache

from ..resources import read_lexicon

PREFIXES = ("вице-", "экс-", "зам-")


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
    return False
