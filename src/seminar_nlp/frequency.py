"""How common a Russian word is at large: wordfreq's Zipf frequency, memoised.

The themes weigh a phrase by how rare its words are; lemmatisation and normal forms
break a tie between dictionary readings of equal probability by the commoner lemma
("большим" is "большой" more often than "больший"). wordfreq reads its word list on
first use, not at import.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=500_000)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of a Russian word (0 when unknown), memoised."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "ru"))


def lemma_frequency(parse: Any) -> float:
    """The Zipf frequency of a pymorphy3 parse's normal form, for breaking ties."""
    return zipf(str(parse.normal_form))
