"""Choose ``Weights.news()`` on news documents that the Key phrases section does not score.

    python -m benchmarks.tune_themes            # gold from ../shared/eval, about 15 minutes

The Key phrases section scores the first 300 documents of each ru_kw_eval dev set. This
script tunes on the rest of the NG and RT sets (documents 301-884 and 301-999): a
coordinate search from the current preset (``Weights.news()``), two rounds over a grid of
each weight, keeping a change when the mean F1@10 of the two sets rises. It prints the
weights found and the preset with their mean F1@10 on the tuning documents, names the
better one, and gives its F1@10 on the scored documents, for the record; the preset in
``seminar_nlp.stages.themes.ranker`` is copied from the better one. (The first preset came from
a search that started at the defaults, which are made for event reports.)
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .common import DEFAULT_EVAL
from .keyphrases import DOCS, SETS, TOP, Item, Lemmas, ours, read_set, score

TUNING_SETS = ("NG", "RT")
ROUNDS = 2
GRID: dict[str, tuple[float, ...]] = {
    "position": (2, 4, 6, 9, 12), "cue": (0, 0.25, 0.5, 1), "focus": (0, 0.5, 1, 2),
    "saturation": (0, 5, 10, 20, 40), "power": (0.8, 1, 1.2, 1.5), "spread": (0, 0.5, 1, 2),
    "common": (7, 8, 9, 10), "unknown": (2, 3, 4, 5, 6), "sharp": (1, 1.5, 2, 2.5),
    "length": (0, 0.3, 0.5, 0.8, 1.0), "title": (0, 0.25, 0.5, 1), "repeat": (0.3, 0.5, 0.8, 1.0),
    "genre": (0.2, 0.5, 1.0), "nested": (0, 0.25, 0.5, 0.75),
}
KIND_GRID = (0.5, 1, 1.5, 2, 3)


@dataclasses.dataclass
class Part:
    """Analysed documents of one set, with their candidates collected once."""

    items: list[Item]
    docs: list[Any]
    candidates: list[Any]


def load(eval_dir: Path, label: str, start: int, stop: int | None) -> Part:
    from seminar_nlp.resources import shared
    from seminar_nlp.stages.themes.ranker import collect

    items = read_set(eval_dir / "ru_kw_eval" / dict(SETS)[label], stop or 10**9)[start:]
    _, docs, _ = ours([item.text for item in items])
    morph = shared().morph
    return Part(items, docs, [collect(doc, morph, 3) for doc in docs])


def f1(part: Part, weights: Any, lemmas: Lemmas) -> float:
    from seminar_nlp.resources import shared
    from seminar_nlp.stages.themes.forms import Phrases
    from seminar_nlp.stages.themes.ranker import select

    phrases = Phrases(shared().morph)
    predicted = [[phrases(doc, key, found) for key, _ in select(found, weights)[:TOP]]
                 for doc, found in zip(part.docs, part.candidates, strict=True)]
    return score(predicted, [item.gold for item in part.items], lemmas).f10


def tune(parts: Sequence[Part], start: Any, lemmas: Lemmas) -> Any:
    def objective(weights: Any) -> float:
        return statistics.fmean(f1(part, weights, lemmas) for part in parts)

    best, weights = objective(start), start
    for _ in range(ROUNDS):
        for name, values in GRID.items():
            for value in values:
                trial = dataclasses.replace(weights, **{name: value})
                if (found := objective(trial)) > best + 1e-4:
                    best, weights = found, trial
        for kind, _ in start.kinds:
            for value in KIND_GRID:
                kinds = tuple((k, value if k == kind else f) for k, f in weights.kinds)
                trial = dataclasses.replace(weights, kinds=kinds)
                if (found := objective(trial)) > best + 1e-4:
                    best, weights = found, trial
        print(f"round: mean F1@10 {best:.4f} on the tuning documents", flush=True)
    return weights


def main(argv: list[str] | None = None) -> int:
    from seminar_nlp.stages.themes import Weights

    parser = argparse.ArgumentParser(prog="python -m benchmarks.tune_themes", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    args = parser.parse_args(argv)
    lemmas = Lemmas()
    tuning = [load(args.eval, label, DOCS, None) for label in TUNING_SETS]
    scored = [load(args.eval, label, 0, DOCS) for label in TUNING_SETS]
    found = tune(tuning, Weights.news(), lemmas)
    candidates = {"found": found, "preset": Weights.news()}
    means = {name: statistics.fmean(f1(part, weights, lemmas) for part in tuning)
             for name, weights in candidates.items()}
    for name, weights in candidates.items():
        print(f"{name}: mean F1@10 {means[name]:.4f} on the tuning documents: {weights}")
    best = max(means, key=lambda name: means[name])
    print(f"best: {best}")
    for label, part in zip(TUNING_SETS, scored, strict=True):
        print(f"{label} first {DOCS}: F1@10 {f1(part, candidates[best], lemmas):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
