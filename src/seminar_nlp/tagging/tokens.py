"""razdel's tokens of a text, each run of words looked up once.

razdel cuts a text into atoms (runs of letters or digits, single other characters) and
never joins two atoms with a space between them; whether it joins two touching atoms
depends on them and, only through its dash, underscore, decimal and fraction rules
(``razdel.segmenters.tokenize.Rule2112``), on the atom before or after them, which may
lie across a space when the touching pair starts or ends a word with one of ``COUPLING``.
So the text is cut at every space that no such character touches, and each piece
(usually one word with its punctuation) is tokenised by razdel once and remembered.
The tokens are razdel's (``tests/tagging/test_tokens.py`` compares them).
"""

from __future__ import annotations

import re

from razdel import tokenize
from razdel.segmenters.punct import DASHES

COUPLING = frozenset(DASHES + "_.,/\\")
WORDS = re.compile(r"\S+")
KEEP = 100_000  # distinct pieces remembered; the memo is emptied when full

_known: dict[str, tuple[tuple[int, int], ...]] = {}


def pieces(text: str) -> list[tuple[int, int]]:
    """Spans of the text that razdel tokenises independently of each other."""
    out: list[tuple[int, int]] = []
    for match in WORDS.finditer(text):
        start, stop = match.span()
        if out and (text[start] in COUPLING or text[out[-1][1] - 1] in COUPLING):
            out[-1] = (out[-1][0], stop)
        else:
            out.append((start, stop))
    return out


def piece_tokens(piece: str) -> tuple[tuple[int, int], ...]:
    found = _known.get(piece)
    if found is None:
        if len(_known) >= KEEP:
            _known.clear()
        found = _known[piece] = tuple((token.start, token.stop) for token in tokenize(piece))
    return found


def token_spans(text: str) -> list[tuple[int, int]]:
    """razdel's tokens of ``text``: ``[(t.start, t.stop) for t in razdel.tokenize(text)]``."""
    return [(start + first, start + stop) for start, stop in pieces(text)
            for first, stop in piece_tokens(text[start:stop])]
