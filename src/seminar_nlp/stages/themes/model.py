"""The fitted ranker of theme candidates and the stage's settings.

A logistic regression over the named features of ``features``, fitted by
``python -m benchmarks.train themes`` on the training documents of ru_kw_eval (news) and the
development part of the golden reports, and shipped as ``weights.json`` (the model card is
docs/models.md). Every feature has a second weight that counts in event reports only
(``report:<name>``): what makes a theme of a report (a topic, not a place it was held in) is
not what makes a news item's tag (its places and people). Whether a document is a report is
read from it (an event type in its first two sentences: "прошёл круглый стол") unless the
settings say. Scoring is a dot product: no library is needed to apply it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from operator import mul
from typing import Any, Literal

from .features import OPENING
from .phrases import Candidates, Key

WEIGHTS = "weights.json"
REPORT = "report:"  # prefix of the weights that count in event reports only

Genre = Literal["auto", "report", "news"]
Entities = Literal["about", "keep", "drop"]
ENTITIES: tuple[Entities, ...] = ("about", "keep", "drop")
# The kinds of candidate each ``entities`` setting leaves out: "about" places and people an event
# report merely mentions, "drop" every name of these kinds in every document.
LEFT_OUT: Mapping[str, frozenset[str]] = {
    "about": frozenset({"place", "person"}), "keep": frozenset(),
    "drop": frozenset({"place", "person", "organisation"})}


@dataclass(frozen=True, slots=True)
class Weights:
    """The stage's settings: how many themes, of how many words, for which genre ("auto":
    read from each document; ``news()`` for news, ``reports()`` for event reports), and which
    names of entities may be themes: "about" (default) in an event report a place or person
    only when the report is about it (said in its first sentence, or at least twice as a
    subject, in the nominative), organisations always, and in news every name (a news item's
    key phrases are mostly its places and people); "keep" every one; "drop" no place, person
    or organisation in any document."""

    max_themes: int = 10
    max_words: int = 3
    genre: Genre = "auto"
    entities: Entities = "about"

    def __post_init__(self) -> None:
        if self.entities not in LEFT_OUT:
            raise ValueError(f"entities must be one of {', '.join(ENTITIES)}, "
                             f"not {self.entities!r}")

    @classmethod
    def news(cls, entities: Entities = "about") -> Weights:
        return cls(genre="news", entities=entities)

    @classmethod
    def reports(cls, entities: Entities = "about") -> Weights:
        return cls(genre="report", entities=entities)


@dataclass(frozen=True, slots=True)
class Selection:
    """How a theme taken discounts the candidates it overlaps."""

    repeat: float = 0.5  # factor for a candidate that contains or overlaps a theme taken
    nested: float = 0.0  # share left to an occurrence inside a theme taken ("интеллект")


@dataclass(frozen=True, slots=True)
class Model:
    """The fitted weights, and the selection's factors for news and for reports, chosen by
    the same fit."""

    bias: float
    weights: Mapping[str, float]
    news: Selection = Selection()
    report: Selection = Selection()

    def selection(self, report: bool) -> Selection:
        return self.report if report else self.news

    def linear(self, names: Sequence[str], report: bool) -> Linear:
        """The weights of the named features in order, to score vectors of them."""
        weights = self.weights
        extra = tuple(weights.get(REPORT + name, 0.0) for name in names) if report else None
        return Linear(self.bias, tuple(weights.get(name, 0.0) for name in names),
                      weights.get("report", 0.0), extra)

    def score(self, features: Mapping[str, float], report: bool) -> float:
        """The probability that a candidate is a key phrase."""
        total = self.bias + sum(self.weights.get(name, 0.0) * value
                                for name, value in features.items())
        if report:
            total += self.weights.get("report", 0.0) + sum(
                self.weights.get(REPORT + name, 0.0) * value for name, value in features.items())
        return logistic(total)

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Model:
        selection = data.get("selection", {})
        return cls(float(data["bias"]), dict(data["weights"]),
                   Selection(**selection.get("news", {})), Selection(**selection.get("report", {})))


@dataclass(frozen=True, slots=True)
class Linear:
    """A model's weights for a vector of features in a known order: the same sums as
    ``Model.score``, term by term, without looking names up."""

    bias: float
    weights: tuple[float, ...]
    report: float  # the weight of being a report, when ``extra`` is given
    extra: tuple[float, ...] | None  # the ``report:`` weights, for a report

    def score(self, values: Sequence[float]) -> float:
        total = self.bias + sum(map(mul, self.weights, values))
        if self.extra is not None:
            total += self.report + sum(map(mul, self.extra, values))
        return logistic(total)


def logistic(total: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(total, 50.0), -50.0)))


@cache
def model() -> Model:
    """The shipped model (read once per process)."""
    text = (resources.files("seminar_nlp.stages.themes") / WEIGHTS).read_text(encoding="utf-8")
    return Model.of(json.loads(text)["model"])


def is_report(candidates: Candidates, genre: Genre = "auto") -> bool:
    """Whether to rank as for an event report: an event type ("семинар", "круглый стол")
    in the first two sentences, unless the genre is given."""
    if genre != "auto":
        return genre == "report"
    return any(span.sent < OPENING for key in candidates.genre
               for span in candidates.occurrences.get(key, ()))


def left_out(candidates: Candidates, entities: Entities, report: bool) -> frozenset[Key]:
    """The candidates that the ``entities`` setting keeps from being themes of a document
    (ranked as an event report or not)."""
    kinds = LEFT_OUT[entities]
    if not kinds or entities == "about" and not report:
        return frozenset()
    return frozenset(key for key, kind in candidates.kinds.items()
                     if (candidates.entities.get(key) in kinds or kind in kinds)
                     and (entities == "drop" or key not in candidates.about))
