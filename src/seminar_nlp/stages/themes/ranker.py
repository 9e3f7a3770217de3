"""Key themes of a document: noun-phrase candidates (``collect``) ranked by a fitted model
(``model``, over the features of ``features``), then selected.

Selection, best first: an occurrence inside a theme taken counts ``nested`` of what it did
for the shorter candidate ("интеллект" in "искусственный интеллект"; in a report it stops
counting), and a candidate that contains or overlaps a taken theme weighs ``repeat`` times
less; both factors are chosen by the fit, for news and for reports. A candidate is scored
again from the occurrences it has left.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ...records import Doc, Theme
from ...resources import Resources
from .collect import collect
from .features import NAMES, Static, context, vector
from .forms import Phrases
from .model import Model, Weights, is_report, left_out, model
from .phrases import Candidates, Key, Span, rules

__all__ = ["Themes", "Weights", "collect", "rules", "select"]


def select(candidates: Candidates, weights: Weights, fitted: Model) -> list[tuple[Key, float]]:
    """The best candidates, each taken in turn and discounting the ones it overlaps."""
    found = candidates.occurrences
    found_context = context(candidates)
    report = is_report(candidates, weights.genre)
    selection = fitted.selection(report)
    free: dict[Key, dict[Span, float]] = {}  # the shares left, once a theme taken cut them
    factor = dict.fromkeys(found, 1.0)
    linear = fitted.linear(NAMES, report)
    memo: Static = {}

    def rate(key: Key) -> float:
        shares = free[key]
        if not shares:
            return 0.0
        return factor[key] * linear.score(vector(key, shares, candidates, found_context, memo))

    by_sent: dict[int, list[tuple[Key, Span]]] = defaultdict(list)
    for key, occurrences in found.items():
        for span in occurrences:
            by_sent[span.sent].append((key, span))
    out = left_out(candidates, weights.entities, report)
    scores = {key: linear.score(vector(key, None, candidates, found_context, memo))
              for key in found if key not in out}
    chosen: list[tuple[Key, float]] = []
    while scores and len(chosen) < weights.max_themes:
        top, best = max(zip(scores.values(), scores.keys(), strict=True))
        if top <= 0:
            break
        chosen.append((best, scores.pop(best)))
        inside: set[Key] = set()
        overlapping: set[Key] = set()
        for taken in found[best]:
            for key, span in by_sent[taken.sent]:
                if key in scores and taken.start <= span.start and span.stop <= taken.stop:
                    if key not in free:
                        free[key] = dict.fromkeys(found[key], 1.0)
                    discount(free[key], span, selection.nested)
                    inside.add(key)
                elif key in scores and span.start < taken.stop and taken.start < span.stop:
                    overlapping.add(key)
        for key in overlapping:
            factor[key] *= selection.repeat
        for key in inside | overlapping:
            if key not in free:
                free[key] = dict.fromkeys(found[key], 1.0)
            scores[key] = rate(key)
    return chosen


def discount(shares: dict[Span, float], span: Span, nested: float) -> None:
    """An occurrence inside a theme taken counts ``nested`` of what it did, or not at all."""
    if span in shares:
        if nested:
            shares[span] *= nested
        else:
            del shares[span]


class Themes:
    """The stage: up to ``max_themes`` themes per document, best first, scored 1 at the top."""

    name = "themes"
    needs: tuple[str, ...] = ("sentences", "tokens", "tags", "lemmas", "mentions")
    provides: tuple[str, ...] = ("themes",)

    def __init__(self, resources: Resources, weights: Weights | None = None,
                 fitted: Model | None = None) -> None:
        self.resources = resources
        self.weights = weights or Weights()
        self.fitted = fitted

    def __call__(self, docs: Sequence[Doc]) -> list[Doc]:
        phrases = Phrases(self.resources.morph)
        return [replace(doc, themes=self.themes(doc, phrases)) for doc in docs]

    def themes(self, doc: Doc, phrases: Phrases) -> tuple[Theme, ...]:
        candidates = collect(doc, phrases.morph, self.weights.max_words)
        chosen = select(candidates, self.weights, self.fitted or model())
        top = chosen[0][1] if chosen else 1.0
        return tuple(Theme(phrases(doc, key, candidates), round(score / top, 4), key)
                     for key, score in chosen)
