"""The chosen event as the card's field readers see it: its noun in its sentence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ...records import Sentence
from ..view import View
from .names import Lexicon

ONLINE = "online"  # the place of an event held online (docs/tables.md)


@dataclass(frozen=True, slots=True)
class Match:
    """The event noun (tokens start..stop) in its sentence."""

    start: int
    stop: int
    event_type: str
    sentence: Sentence


def with_modifiers(view: View, match: Match) -> int:
    """First token of the event noun phrase, its adjectives included."""
    start = match.start
    while (start > match.sentence.token_start and view.depth[start - 1] == 0
           and view.tags[start - 1].pos == "ADJ" and view.is_word(start - 1)):
        start -= 1
    return start


def event_refs(view: View, lex: Lexicon, match: Match) -> frozenset[str]:
    """Lemmas that refer to the event: its own words, one-word types and the anaphors."""
    own = {view.lemmas[k] for k in range(match.start, match.stop)}
    return frozenset(own | {key[0] for key in lex.types if len(key) == 1} | lex.words["anaphor"])


def unique(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(value for value in values if value))
