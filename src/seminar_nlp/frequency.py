"""How common a Russian word is at large: wordfreq's Zipf frequency, memoised.

The themes weigh a phrase by how rare its words are; lemmatisation and normal forms
break a tie between dictionary readings of equal probability by the commoner lemma
("большим" is "большой" more often than "больший"). wordfreq reads its word list on
first use, not at import.

``zipf`` gives ``wordfreq.zipf_frequency(word, "ru")``, computed as wordfreq's
``word_frequency`` computes it, with shortcuts: wordfreq's Russian list (its cBpack file,
read as ``wordfreq.read_cBpack`` reads it) becomes a dict of each word's centibel band,
built a band at a time once a run has looked up more than a few words (``Bands``); and a
word of lower-case Russian or Latin letters, which wordfreq's tokenizer keeps whole, or of
such parts joined by hyphens, which it splits at each hyphen ("кое-как", "pr-служба"), or
such a word with a full stop after it, which it drops ("др."), is looked up without the
tokenizer (most of the time of a look-up), so that wordfreq itself (0.1-0.3 s to import)
is imported only for other words (digits, apostrophes, other signs).
``tests/test_frequency.py`` checks the values.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

LANG = "ru"
SIMPLE = re.compile("[а-яёa-z]+")
HYPHENATED = re.compile("[а-яёa-z]+(?:-[а-яёa-z]+)+")


def list_path() -> Path:
    """wordfreq's "best" Russian list: the large one if it is shipped, else the small one."""
    from importlib.util import find_spec

    spec = find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("wordfreq is not installed")
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    large = folder / f"large_{LANG}.msgpack.gz"
    return large if large.exists() else folder / f"small_{LANG}.msgpack.gz"


# Look-ups by bisection (about 0.4 ms each) before all words are put in a dict (about
# 0.24 s): a short document never makes it, a long run loses < 0.03 s.
INDEX_AFTER = 64


class Bands:
    """wordfreq's list: a word's centibel band (its frequency is ``band_frequency(band)``).

    The first ``INDEX_AFTER`` look-ups bisect each band (wordfreq keeps a band's words in
    order), so a short run does not wait for a dict of 700,000 words; then the dict is made
    (a band at a time). A word is in one band; were it in more, the last would win, as in
    ``wordfreq.get_frequency_dict``, and were a band out of order, the dict is made at once.
    """

    def __init__(self, lists: list[list[str]]) -> None:
        self.lists = lists
        self.filled = [(band, words) for band, words in enumerate(lists) if words]
        self.lookups = 0
        ordered = all(words == sorted(words) for words in lists)
        self.index: dict[str, int] | None = None if ordered else self.indexed()

    def indexed(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for band, words in enumerate(self.lists):
            found.update(dict.fromkeys(words, band))
        return found

    def get(self, word: str) -> int | None:
        if self.index is None:
            self.lookups += 1
            if self.lookups <= INDEX_AFTER:
                return self.search(word)
            self.index = self.indexed()
        return self.index.get(word)

    def search(self, word: str) -> int | None:
        found = None
        for band, words in self.filled:
            at = bisect_left(words, word)
            if at < len(words) and words[at] == word:
                found = band
        return found


@cache
def bands() -> Bands:
    """wordfreq's Russian list, read as ``wordfreq.read_cBpack`` reads it."""
    import gzip

    import msgpack

    with gzip.open(list_path(), "rb") as infile:
        data = msgpack.load(infile, raw=False)
    header = data[0]
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"Unexpected header: {header!r}")
    return Bands(data[1:])


def band_frequency(band: int) -> float:
    """``wordfreq.cB_to_freq(-band)``."""
    centibels = -band
    return float(10 ** (centibels / 100))


def word_frequency(word: str, minimum: float) -> float:
    """``wordfreq.word_frequency(word, "ru", "best", minimum)``."""
    tokens = simple_tokens(word)
    if tokens is None:
        from wordfreq import lossy_tokenize

        tokens = lossy_tokenize(word, LANG)
    if not tokens:
        return minimum
    listed = bands()
    one_over_result = 0.0
    for token in tokens:
        smashed = smash_numbers(token) if not SIMPLE.fullmatch(token) else token
        band = listed.get(smashed)
        if band is None:
            return minimum
        freq = band_frequency(band)
        if smashed != token:
            from wordfreq import digit_freq

            freq *= digit_freq(token)
        one_over_result += 1.0 / freq
    unrounded = max(1.0 / one_over_result, minimum)
    if unrounded == 0.0:
        return 0.0
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    return float(round(unrounded, leading_zeroes + 3))


def simple_tokens(word: str) -> list[str] | None:
    """wordfreq's tokens of a word of lower-case letters (a-z, а-я, ё), of such parts
    joined by hyphens, or of such a word and a full stop; None for any other word."""
    if SIMPLE.fullmatch(word):
        return [word]
    if HYPHENATED.fullmatch(word):
        return word.split("-")
    if word.endswith(".") and SIMPLE.fullmatch(word[:-1]):
        return [word[:-1]]
    return None


def smash_numbers(token: str) -> str:
    from wordfreq import smash_numbers

    return str(smash_numbers(token))


@lru_cache(maxsize=500_000)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of a Russian word (0 when unknown), memoised; as
    ``zipf_frequency`` computes it (``zipf_to_freq``, ``freq_to_zipf``)."""
    minimum = 10**0.0 / 1e9
    return float(round(math.log(word_frequency(word, minimum), 10) + 9, 2))


def lemma_frequency(parse: Any) -> float:
    """The Zipf frequency of a pymorphy3 parse's normal form, for breaking ties."""
    return zipf(str(parse.normal_form))
