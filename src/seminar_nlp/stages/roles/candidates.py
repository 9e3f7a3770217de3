"""Where position phrases start: the lexicon's heads and the learned model's spans.

The lexicon proposes a head where a token's lemma is a listed position
(``vocab.heads_phrase``, ``readings.capital_head``). The CRF of ``learned.py`` proposes spans
of its own; one that holds no lexicon head proposes its first noun as a head (a position no
lexicon lists: "дальнобойщик", "пресс-атташе"), and ``phrase.find_phrase`` then grows the
phrase around it as around any other head.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ...vocab import heads_phrase
from .degrees import degree_end
from .phrase import Phrase, find_phrase
from .readings import capital_head

if TYPE_CHECKING:
    from ..view import SentenceView

NAMES = ("PER", "ORG", "LOC")
# A lexicon head that the model gives at least this probability of being outside any
# position heads none ("Совет директоров", "Президентский"); chosen, with proposing heads,
# on the last fifth of NEREL train with a model fitted on the rest (person+role .650 ->
# .653 by the veto alone, .663 by proposing alone).
VETO = 0.9
HEAD_TAGS = ("NOUN", "PROPN")


def lexicon_head(s: SentenceView, index: int) -> bool:
    """Whether the lexicon makes the token at ``index`` a position's head."""
    return (heads_phrase(s.lemmas[index], s.form(index), s.tags[index].pos, s.form(index + 1))
            or capital_head(s, index)) and not s.in_mention(index, *NAMES)


def lexicon_phrases(s: SentenceView) -> list[Phrase]:
    """The position phrases the lexicon finds in a sentence, left to right (each from its
    head on, as the roles stage reads them)."""
    found: list[Phrase] = []
    index = s.first
    while index < s.last:
        if not lexicon_head(s, index):
            index += 1
            continue
        phrase = find_phrase(s, index)
        found.append(phrase)
        index = max(phrase.end, index + 1)
    return found


def learned_heads(s: SentenceView, spans: Iterable[tuple[int, int]]) -> frozenset[int]:
    """The heads the model's spans in this sentence propose where the lexicon has none: the
    first noun of a span that holds no lexicon head and no name, and is no academic degree
    ("кандидат экономических наук", which the rules step over on purpose)."""
    heads: set[int] = set()
    for start, stop in spans:
        if start < s.first or stop > s.last or degree_end(s, start) is not None or \
                any(lexicon_head(s, i) or s.in_mention(i, *NAMES) for i in range(start, stop)):
            continue
        head = next((i for i in range(start, stop) if s.tags[i].pos in HEAD_TAGS
                     and s.form(i)[:1].isalpha()), None)
        if head is not None:
            heads.add(head)
    return frozenset(heads)


def in_sentence(spans: Sequence[tuple[int, int]], first: int, last: int
                ) -> list[tuple[int, int]]:
    return [span for span in spans if first <= span[0] and span[1] <= last]
