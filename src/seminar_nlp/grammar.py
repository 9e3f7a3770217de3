"""How a pymorphy3 parse fits the tagger's UD part of speech and features.

The OpenCorpora -> UD correspondence is data (``lexicons/opencorpora_ud.tsv``, with the
lemma overrides of ``lemma_overrides.tsv``). The lemma stage picks parses by it, and the
normal forms read names and phrases by it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, TypeVar

from .resources import read_lexicon

# Features whose agreement decides between parses; others (animacy, voice) are
# too unreliable in either system to vote.
VOTING = frozenset({"Case", "Gender", "Number", "Aspect", "Tense", "Person", "VerbForm", "Degree"})
OWN_LEMMA_POS = frozenset({"PUNCT", "SYM", "NUM", "X"})
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Grammar:
    """The OpenCorpora -> UD correspondence read from ``opencorpora_ud.tsv``."""

    pos: Mapping[str, frozenset[str]]
    feats: Mapping[str, tuple[tuple[str, str], ...]]
    overrides: Mapping[tuple[str, str], str]


@cache
def grammar() -> Grammar:
    pos: dict[str, frozenset[str]] = {}
    feats: dict[str, list[tuple[str, str]]] = {}
    for line in read_lexicon("opencorpora_ud.tsv"):
        kind, gram, *values = line.split("\t")
        if kind == "pos":
            pos[gram] = frozenset(values[0].split())
        else:
            feats.setdefault(gram, []).append((values[0], values[1]))
    overrides = {}
    for line in read_lexicon("lemma_overrides.tsv"):
        upos, word, lemma = line.split("\t")
        overrides[(upos, word)] = lemma
    return Grammar(pos, {key: tuple(value) for key, value in feats.items()}, overrides)


def agreement(parse: Any, upos: str, feats: Mapping[str, str]) -> tuple[int, int, float]:
    """How well one pymorphy3 parse fits a UD POS and features (higher is better)."""
    return (*fit(parse.tag, upos, frozenset(feats.items())), parse.score)


@lru_cache(maxsize=100_000)
def fit(tag: Any, upos: str, feats_items: frozenset[tuple[str, str]]) -> tuple[int, int]:
    """Whether a pymorphy3 tag's part of speech can stand for ``upos``, and its votes for
    and against the tagger's features; memoised (a run meets a few thousand pairs)."""
    rules = grammar()
    feats = dict(feats_items)
    pos_ok = int(upos in rules.pos.get(tag.POS or "", ()))
    votes = 0
    grams = tag.grammemes
    for gram in grams:
        for feat, value in rules.feats.get(gram, ()):
            if feat in VOTING and feat in feats:
                votes += 1 if feats[feat] == value else -1
    # OpenCorpora leaves the positive degree unmarked: a superlative or
    # comparative parse ("больший") disagrees with a tagger's Degree=Pos.
    if feats.get("Degree") == "Pos" and grams & {"Supr", "COMP", "Cmp2"}:
        votes -= 1
    return pos_ok, votes


def best_of(items: Sequence[T], key: Callable[[T], tuple[Any, ...]],
            tie: Callable[[T], float]) -> T:
    """``max(items, key=lambda item: (*key(item), tie(item)))``, with ``tie`` asked only of
    the items whose ``key`` is highest: a reading's lemma frequency (a word-list look-up)
    breaks a tie of agreement, which few words have."""
    keys = [key(item) for item in items]
    top = max(keys)
    tied = [item for item, found in zip(items, keys, strict=True) if found == top]
    return tied[0] if len(tied) == 1 else max(tied, key=tie)
