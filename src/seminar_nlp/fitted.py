"""Fitted linear scorers shipped as package data: a logistic regression per decision, its
bias, a weight per named feature and a threshold, read from a JSON file beside the stage
that uses it (fitted by ``benchmarks/train.py``; the model cards are in docs/models.md).
Scoring is a dot product over the candidate's named features; no library is needed to
apply them."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Model:
    """One fitted logistic regression: bias, a weight per feature name, a threshold."""

    bias: float
    weights: Mapping[str, float]
    threshold: float = 0.5

    def score(self, features: Mapping[str, float]) -> float:
        total = self.bias + sum(self.weights.get(name, 0.0) * value
                                for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(total, 50.0), -50.0)))

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Model:
        return cls(float(data["bias"]), dict(data["weights"]), float(data.get("threshold", .5)))


@cache
def load(package: str, name: str = "weights.json") -> dict[str, Model]:
    """The models of a package's weights file, by decision name."""
    text = (resources.files(package) / name).read_text(encoding="utf-8")
    return {key: Model.of(data) for key, data in json.loads(text)["models"].items()}


def best(model: Model, candidates: Sequence[tuple[T, Mapping[str, float]]]
         ) -> tuple[T, float] | None:
    """The candidate with the highest score, if that score reaches the threshold."""
    scored = [(model.score(features), index) for index, (_, features) in enumerate(candidates)]
    if not scored:
        return None
    score, index = max(scored, key=lambda pair: (pair[0], -pair[1]))
    return (candidates[index][0], score) if score >= model.threshold else None


def strongest(model: Model, features: Mapping[str, float], count: int
              ) -> list[tuple[float, str]]:
    """The ``count`` features that weigh most in a candidate's score, as (weight times value,
    name), largest first by size: what a trace shows of a decision."""
    parts = sorted(((model.weights.get(name, 0.0) * value, name)
                    for name, value in features.items()), key=lambda item: -abs(item[0]))
    return parts[:count]
