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
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class Context:
    """What the features read of the whole document, computed once."""

    inside: frozenset[Span]  # occurrences inside a longer candidate's occurrence
    most: int  # occurrences of the commonest candidate
    heaviest: float  # the highest weighted count of a candidate


def context(candidates: Candidates) -> Context:
    by_sent: dict[int, list[Span]] = defaultdict(list)
    for occurrences in candidates.occurrences.values():
        for span in occurrences:
            by_sent[span.sent].append(span)
    inside = {span for spans in by_sent.values() for span in spans
              if any(other.start <= span.start and span.stop <= other.stop and other != span
                     for other in spans)}
    most = max((len(found) for found in candidates.occurrences.values()), default=1)
    heaviest = max((weighted(dict.fromkeys(found, 1.0), candidates)
                    for found in candidates.occurrences.values()), default=1.0)
    return Context(frozenset(inside), most, heaviest)


def features(key: Key, shares: Mapping[Span, float], candidates: Candidates,
             found: Context) -> dict[str, float]:
    """The features of a candidate from its occurrences, each counting with its share (less
    than 1 inside a theme already taken)."""
    spans = list(shares)
    total = sum(shares.values())
    sents = [span.sent for span in spans]
    length = max(candidates.sentences, 1)
    weight = weighted(shares, candidates)
    out = {"count": math.log1p(total), "share": total / found.most,
           "weighted": math.log1p(weight), "heavy": weight / found.heaviest,
           "first": 1 / (1 + min(sents)), "late": min(sents) / length,
           "title": float(min(sents) == 0), "spread": (max(sents) - min(sents)) / length,
           "cue": max(cued(span, candidates.cues) for span in spans),
           "focus": float(any(span in candidates.focused for span in spans)),
           "echo": echo(key, spans, candidates.title),
           "inside": mean(span in found.inside for span in spans),
           "cut": mean(span.stop < candidates.links.get(span, (0, 0))[1] for span in spans),
           "tail": mean(span.start > candidates.links.get(span, (span.start, 0))[0]
                        for span in spans),
           "genre": float(key in candidates.genre and min(sents) < OPENING)}
    out.update(what(key, spans[0], candidates))
    return out


def what(key: Key, span: Span, candidates: Candidates) -> dict[str, float]:
    """The features of the phrase itself: its words and its kind."""
    lexicon = rules()
    head = candidates.keys[span.head]
    frequencies = [zipf(lemma) for lemma in key]
    rarity = [UNKNOWN if value == 0 else max(0.0, COMMON - value) for value in frequencies]
    kind = candidates.kinds.get(key, "")
    out = {"rarity": sum(rarity) / len(rarity), "common": min(rarity),
           "head_zipf": zipf(head), "unknown": mean(value == 0 for value in frequencies),
           "words2": float(len(key) == 2), "words3": float(len(key) >= 3),
           "event_type": float(key in candidates.genre),
           "weak": 0.0 if key in candidates.genre else
           1 - lexicon.numbers.get("weak", {}).get(head, 1.0),
           "capital": float(any(lemma in candidates.capital for lemma in key))}
    out.update({name: float(kind == name) for name in KINDS})
    return out


def mean(values: Iterable[bool]) -> float:
    items = list(values)
    return sum(items) / len(items) if items else 0.0


def cued(span: Span, cues: Mapping[int, tuple[int, float]]) -> float:
    """The strength of the cue word that the occurrence follows in its sentence, or 0."""
    index, strength = cues.get(span.sent, (span.start, 0.0))
    return strength if span.start > index else 0.0


def weighted(shares: Mapping[Span, float], candidates: Candidates) -> float:
    """The position- and cue-weighted count, saturated for long documents."""
    frequency = sum(share * (1 + POSITION / (1 + span.sent))
                    * (1 + CUE * cued(span, candidates.cues))
                    * (1 + FOCUS * (span in candidates.focused))
                    for span, share in shares.items())
    return frequency * (SATURATION + 1) / (frequency + SATURATION * len(candidates.keys)
                                           / TYPICAL)


def echo(key: Key, occurrences: Sequence[Span], title: frozenset[str]) -> float:
    """The share of a candidate's lemmas in the first sentence, if it is not there itself."""
    if any(span.sent == 0 for span in occurrences):
        return 0.0
    return sum(lemma in title for lemma in key) / len(key)
