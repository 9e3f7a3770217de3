"""How common a Russian word is at large: wordfreq's Zipf frequency, memoised.

The themes weigh a phrase by how rare its words are; lemmatisation and normal forms
break a tie between dictionary readings of equal probability by the commoner lemma
("большим" is "большой" more often than "больший"). wordfreq reads its word list on
first use, not at import.

``zipf`` gives ``wordfreq.zipf_frequency(word, "ru")``, computed as wordfreq's
``word_frequency`` computes it, with two shortcuts: the list is read into a dict of each
word's centibel band (built a band at a time, not a word at a time), and a word of
lower-case Russian letters only, which wordfreq's tokenizer keeps whole, skips the
tokenizer (most of the time of a look-up). ``tests/test_frequency.py`` checks the values.
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache
from typing import Any

LANG, WORDLIST = "ru", "best"
SIMPLE = re.compile("[а-яё]+")


@cache
def bands() -> dict[str, int]:
    """Each listed word's band (its frequency is ``cB_to_freq(-band)``), later bands winning
    as in ``wordfreq.get_frequency_dict``."""
    from wordfreq import get_frequency_list

    found: dict[str, int] = {}
    for band, words in enumerate(get_frequency_list(LANG, WORDLIST)):
        found.update(dict.fromkeys(words, band))
    return found


def word_frequency(word: str, minimum: float) -> float:
    """``wordfreq.word_frequency(word, "ru", "best", minimum)``."""
    from wordfreq import cB_to_freq, digit_freq, lossy_tokenize, smash_numbers

    tokens = [word] if SIMPLE.fullmatch(word) else lossy_tokenize(word, LANG)
    if not tokens:
        return minimum
    listed = bands()
    one_over_result = 0.0
    for token in tokens:
        smashed = smash_numbers(token)
        band = listed.get(smashed)
        if band is None:
            return minimum
        freq = cB_to_freq(-band)
        if smashed != token:
            freq *= digit_freq(token)
        one_over_result += 1.0 / freq
    unrounded = max(1.0 / one_over_result, minimum)
    if unrounded == 0.0:
        return 0.0
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    return float(round(unrounded, leading_zeroes + 3))


@lru_cache(maxsize=500_000)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of a Russian word (0 when unknown), memoised."""
    from wordfreq import freq_to_zipf, zipf_to_freq

    return float(round(freq_to_zipf(word_frequency(word, zipf_to_freq(0.0))), 2))


def lemma_frequency(parse: Any) -> float:
    """The Zipf frequency of a pymorphy3 parse's normal form, for breaking ties."""
    return zipf(str(parse.normal_form))
