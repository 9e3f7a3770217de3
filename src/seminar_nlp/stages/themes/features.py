"""Features of a theme candidate, for the fitted ranker (``model``).

Each is cheap and named; the model's weights say how much each counts:

- where it is said: its first sentence (``first``, and relative to the length, ``late``), in
  the title or first sentence (``title``), the spread of its occurrences (``spread``);
- how often: occurrences (``count``, and relative to the document's commonest candidate,
  ``share``) and a weighted count (``weighted``: an occurrence weighs more early in the text,
  after a cue word of its sentence such as "обсудили", most right after a strong one such as
  "особое внимание уделено", saturated for long documents);
- cue words: the strongest cue an occurrence follows (``cue``), the first phrase after a
  strong cue (``focus``);
- how rare its words are in Russian at large (wordfreq's Zipf frequency): the mean
  (``rarity``) and the commonest word's (``common``), the head's Zipf frequency
  (``head_zipf``: "вопрос", "система" are general), words wordfreq does not know
  (``unknown``);
- its lemmas in the first sentence when it is not there itself (``echo``);
- nesting: occurrences inside a longer candidate's (``inside``: "интеллект" of
  "искусственный интеллект"), cut short of their chain of complements (``cut``: "система
  поддержки" of "система поддержки принятия решений") or a tail of one (``tail``);
- what it is: length in words (``words2``, ``words3``), the kind of head (``person``,
  ``place``, ``organisation``, ``proper``), an event type or a piece of one (``event_type``,
  and ``genre`` when it is said in the first two sentences: the genre of a report, not its
  theme), a head of the genre's own words other than an event type (``weak``:
  "участник", "мероприятие"), a lemma written with a capital inside a sentence (``capital``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ...frequency import zipf
from .phrases import Candidates, Key, Span, rules

POSITION = 3.0  # an occurrence in sentence s weighs 1 + POSITION / (1 + s) ...
CUE = 1.0  # ... times 1 + CUE * strength after a cue word of its sentence ...
FOCUS = 2.0  # ... times 1 + FOCUS in the first phrase after a strong cue
SATURATION = 20.0  # k: a weight F counts F (k + 1) / (F + k * tokens / TYPICAL)
TYPICAL = 1000  # tokens of a typical document, for the saturation
COMMON = 9.0  # Zipf frequency at which a word carries no information
UNKNOWN = 5.0  # information of a word wordfreq does not know
KINDS = ("person", "place", "organisation", "proper")
OPENING = 2  # sentences in which an event type names the genre of a report


# The features in the order the model reads them: those of the occurrences left to a candidate,
# then those of the phrase itself (``what``).
DYNAMIC = ("count", "share", "weighted", "heavy", "first", "late", "title", "spread", "cue",
           "focus", "echo", "inside", "cut", "tail", "genre")
STATIC = ("rarity", "common", "head_zipf", "unknown", "words2", "words3", "event_type", "weak",
          "capital", *KINDS)
NAMES = DYNAMIC + STATIC

Static = dict[tuple[Key, str], tuple[float, ...]]  # (key, head lemma) -> the phrase's features


@dataclass(frozen=True, slots=True)
class Context:
    """What the features read of the whole document, computed once."""

    inside: frozenset[Span]  # occurrences inside a longer candidate's occurrence
    most: int  # occurrences of the commonest candidate
    heaviest: float  # the highest weighted count of a candidate
    weights: Mapping[Key, float] = field(default_factory=dict)  # weighted count, all occurrences


def context(candidates: Candidates) -> Context:
    inside = nested(candidates)
    most = max((len(found) for found in candidates.occurrences.values()), default=1)
    weights = {key: weighted(dict.fromkeys(found, 1.0), candidates)
               for key, found in candidates.occurrences.items()}
    return Context(inside, most, max(weights.values(), default=1.0), weights)


def nested(candidates: Candidates) -> frozenset[Span]:
    """The occurrences inside a longer candidate's occurrence (of one sentence, as no two
    occurrences cover the same tokens)."""
    by_range = {(span.start, span.stop): span for occurrences in candidates.occurrences.values()
                for span in occurrences}
    inside = set()
    for start, stop in by_range:
        for first in range(start, stop):
            for last in range(first + 1, stop + 1):
                if (first, last) != (start, stop) and (first, last) in by_range:
                    inside.add(by_range[first, last])
    return frozenset(inside)


def features(key: Key, shares: Mapping[Span, float], candidates: Candidates,
             found: Context) -> dict[str, float]:
    """The features of a candidate from its occurrences, each counting with its share (less
    than 1 inside a theme already taken), by name."""
    return dict(zip(NAMES, vector(key, shares, candidates, found, {}), strict=True))


def vector(key: Key, shares: Mapping[Span, float] | None, candidates: Candidates,
           found: Context, memo: Static) -> tuple[float, ...]:
    """The features of ``NAMES`` in order; ``shares`` None for every occurrence counting 1,
    ``memo`` keeps the phrase's own features across calls."""
    spans = list(shares) if shares is not None else candidates.occurrences[key]
    head = candidates.keys[spans[0].head]
    static = memo.get((key, head))
    if static is None:
        static = memo[key, head] = what(key, head, candidates)
    return occurrences(key, spans, shares, candidates, found) + static


def occurrences(key: Key, spans: Sequence[Span], shares: Mapping[Span, float] | None,
                candidates: Candidates, found: Context) -> tuple[float, ...]:
    """The features of ``DYNAMIC``: where and how often the occurrences left are said, in one
    pass over them (``shares`` None for every occurrence counting 1)."""
    links, inside, cues, focused = candidates.links, found.inside, candidates.cues, \
        candidates.focused
    first = last = spans[0].sent
    cue: float | None = None
    within = cut = tail = 0
    terms = []
    for span in spans:
        sent = span.sent
        first, last = min(first, sent), max(last, sent)
        strength = cued(span, cues)
        cue = strength if cue is None or strength > cue else cue
        within += span in inside
        if (link := links.get(span)) is not None:
            cut += span.stop < link[1]
            tail += span.start > link[0]
        if shares is not None:
            terms.append(shares[span] * (1 + POSITION / (1 + sent)) * (1 + CUE * strength)
                         * (1 + FOCUS * (span in focused)))
    total = sum(shares.values()) if shares is not None else float(len(spans))
    weight = saturated(sum(terms), candidates) if shares is not None else found.weights[key]
    count, length = len(spans), max(candidates.sentences, 1)
    return (math.log1p(total), total / found.most, math.log1p(weight), weight / found.heaviest,
            1 / (1 + first), first / length, float(first == 0), (last - first) / length,
            cue or 0.0, float(not focused.isdisjoint(spans)),
            0.0 if first == 0 else echo(key, spans, candidates.title),
            within / count, cut / count, tail / count,
            float(key in candidates.genre and first < OPENING))


def what(key: Key, head: str, candidates: Candidates) -> tuple[float, ...]:
    """The features of ``STATIC``: the phrase's words and its kind."""
    kind = candidates.kinds.get(key, "")
    genre = key in candidates.genre
    rarity, common, unknown = wordfreq_features(key)
    return (rarity, common, zipf(head), unknown, *lengths(key), float(genre),
            0.0 if genre else 1 - rules().numbers.get("weak", {}).get(head, 1.0),
            float(any(lemma in candidates.capital for lemma in key)),
            *(float(kind == name) for name in KINDS))


@lru_cache(maxsize=100_000)
def wordfreq_features(key: Key) -> tuple[float, float, float]:
    """``rarity``, ``common`` and ``unknown`` of a phrase (memoised)."""
    frequencies = [zipf(lemma) for lemma in key]
    rarity = [UNKNOWN if value == 0 else max(0.0, COMMON - value) for value in frequencies]
    return sum(rarity) / len(rarity), min(rarity), mean(value == 0 for value in frequencies)


def lengths(key: Key) -> tuple[float, float]:
    return float(len(key) == 2), float(len(key) >= 3)


def mean(values: Iterable[bool]) -> float:
    items = list(values)
    return sum(items) / len(items) if items else 0.0


def cued(span: Span, cues: Mapping[int, tuple[int, float]]) -> float:
    """The strength of the cue word that the occurrence follows in its sentence, or 0."""
    index, strength = cues.get(span.sent, (span.start, 0.0))
    return strength if span.start > index else 0.0


def weighted(shares: Mapping[Span, float], candidates: Candidates) -> float:
    """The position- and cue-weighted count, saturated for long documents."""
    return saturated(sum(share * (1 + POSITION / (1 + span.sent))
                         * (1 + CUE * cued(span, candidates.cues))
                         * (1 + FOCUS * (span in candidates.focused))
                         for span, share in shares.items()), candidates)


def saturated(frequency: float, candidates: Candidates) -> float:
    return frequency * (SATURATION + 1) / (frequency + SATURATION * len(candidates.keys)
                                           / TYPICAL)


def echo(key: Key, occurrences: Sequence[Span], title: frozenset[str]) -> float:
    """The share of a candidate's lemmas in the first sentence, if it is not there itself."""
    if any(span.sent == 0 for span in occurrences):
        return 0.0
    return sum(lemma in title for lemma in key) / len(key)
