"""The themes stage's hand-set ranking before the fitted ranker (``seminar_nlp.stages.themes``
ranks with a model fitted by ``benchmarks/train_themes.py``), kept as a baseline for the Key
phrases section: the same candidates, ranked by the weights set by hand (the defaults, made
for event reports) and by the news preset that the retired ``benchmarks/tune_themes.py``
chose by a grid search on the training documents of ru_kw_eval.

Ranking. Occurrences weigh more early in the text, after a cue word of their sentence and
most right after a strong one; their weighted count is saturated (BM25-like) and rewarded for
spread, then multiplied by how rare the lemmas are in Russian at large, by a bonus for sharing
lemmas with the first sentence, and by a factor for the kind of head.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from seminar_nlp.frequency import zipf
from seminar_nlp.stages.themes.features import cued, echo
from seminar_nlp.stages.themes.phrases import Candidates, Key, Span, rules
from seminar_nlp.stages.themes.ranker import discount

TYPICAL = 1000  # tokens of a typical document, for the saturation


@dataclass(frozen=True, slots=True)
class Weights:
    """The ranking's parameters; the defaults suit event reports (``news()`` suits news)."""

    max_themes: int = 10
    max_words: int = 3
    position: float = 3.0  # an occurrence in sentence s weighs 1 + position / (1 + s) ...
    cue: float = 1.0  # ... times 1 + cue * strength after a cue word of its sentence ...
    focus: float = 2.0  # ... times 1 + focus in the first phrase after a strong cue
    saturation: float = 20.0  # k: a weight F counts F (k + 1) / (F + k * tokens / TYPICAL)
    power: float = 1.2  # exponent of the saturated weight
    spread: float = 0.5  # bonus for occurrences spread over the whole document
    common: float = 9.0  # Zipf frequency at which a word carries no information
    unknown: float = 5.0  # information of a word wordfreq does not know
    sharp: float = 1.0  # exponent of a word's information
    length: float = 0.3  # a phrase's information = sum over its words / words ** length
    title: float = 0.5  # bonus for the share of a candidate's lemmas in the first sentence
    repeat: float = 0.5  # factor for a candidate that contains or overlaps a theme taken
    nested: float = 0.0  # weight left to an occurrence inside a theme taken ("интеллект")
    genre: float = 0.2  # factor for an event type ("круглый стол", "форум") or a piece of one
    # Factors by kind of head: people and organisations are entities, rarely themes.
    kinds: tuple[tuple[str, float], ...] = (("person", 0.3), ("place", 1.0),
                                            ("organisation", 0.3), ("proper", 1.0))

    @classmethod
    def news(cls) -> Weights:
        """For news, whose key phrases are mostly names and single words: chosen by the
        retired ``benchmarks/tune_themes.py`` on ru_kw_eval news that its benchmark does not
        score."""
        return cls(position=4.0, cue=0.25, focus=0.0, saturation=40.0, power=1.5, spread=0.5,
                   common=10.0, unknown=5.0, sharp=1.0, length=0.8, title=0.25, repeat=0.5,
                   nested=0.5, genre=1.0, kinds=(("person", 1.5), ("place", 3.0),
                                                 ("organisation", 2.0), ("proper", 1.0)))



def information(key: Key, weights: Weights) -> float:
    total = sum((weights.unknown if (frequency := zipf(lemma)) == 0
                 else max(0.1, weights.common - frequency)) ** weights.sharp for lemma in key)
    return total / len(key) ** weights.length


def weight(occurrences: Mapping[Span, float], candidates: Candidates, weights: Weights
           ) -> float:
    """Saturated, position- and cue-weighted frequency, with a bonus for spread; each
    occurrence counts with its share (less than 1 inside a theme taken)."""
    if not occurrences:
        return 0.0
    sents = [span.sent for span in occurrences]
    frequency = sum(share * (1 + weights.position / (1 + span.sent))
                    * (1 + weights.cue * cued(span, candidates.cues))
                    * (1 + weights.focus * (span in candidates.focused))
                    for span, share in occurrences.items())
    if weights.saturation:
        k = weights.saturation
        frequency *= (k + 1) / (frequency + k * len(candidates.keys) / TYPICAL)
    spread = (max(sents) - min(sents)) / max(candidates.sentences, 1)
    return frequency ** weights.power * (1 + weights.spread * spread)


def select(candidates: Candidates, weights: Weights) -> list[tuple[Key, float]]:
    """The best candidates, each taken in turn and discounting the ones it overlaps."""
    found, keys, by_kind = candidates.occurrences, candidates.keys, dict(weights.kinds)
    weak = rules().numbers.get("weak", {})
    factor = {key: (weak.get(keys[occurrences[0].head], 1.0) * information(key, weights)
                    * by_kind.get(candidates.kinds[key], 1.0)
                    * (weights.genre if key in candidates.genre else 1.0)
                    * (1 + weights.title * echo(key, occurrences, candidates.title)))
              for key, occurrences in found.items()}
    free = {key: dict.fromkeys(occurrences, 1.0) for key, occurrences in found.items()}
    by_sent: dict[int, list[tuple[Key, Span]]] = defaultdict(list)
    for key, occurrences in found.items():
        for span in occurrences:
            by_sent[span.sent].append((key, span))
    scores = {key: factor[key] * weight(free[key], candidates, weights) for key in found}
    chosen: list[tuple[Key, float]] = []
    while scores and len(chosen) < weights.max_themes:
        best = max(scores, key=lambda key: (scores[key], key))
        if scores[best] <= 0:
            break
        chosen.append((best, scores.pop(best)))
        inside: set[Key] = set()
        overlapping: set[Key] = set()
        for taken in found[best]:
            for key, span in by_sent[taken.sent]:
                if key in scores and taken.start <= span.start and span.stop <= taken.stop:
                    discount(free[key], span, weights.nested)
                    inside.add(key)
                elif key in scores and span.start < taken.stop and taken.start < span.stop:
                    overlapping.add(key)
        for key in overlapping:
            factor[key] *= weights.repeat
        for key in inside | overlapping:
            scores[key] = factor[key] * weight(free[key], candidates, weights)
    return chosen


def themes_v1(docs: Sequence[Any], weights: Weights) -> list[list[str]]:
    """The themes of analysed documents (up to NER) by the hand-set ranking."""
    from seminar_nlp.resources import shared
    from seminar_nlp.stages.themes.collect import collect
    from seminar_nlp.stages.themes.forms import Phrases

    phrases = Phrases(shared().morph)
    out = []
    for doc in docs:
        candidates = collect(doc, phrases.morph, weights.max_words)
        out.append([phrases(doc, key, candidates) for key, _ in select(candidates, weights)])
    return out
