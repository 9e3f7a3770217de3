"""The roles stage's link model, fitted on NEREL train: ``python -m benchmarks.train links``.

The pipeline runs over the training texts with the link model off and its ``Linker``
recording every candidate: each position phrase the rules gave no one, paired with each
person named in its sentence or the two before (``stages/roles/linker.py``). A pair is
right when a WORKS_AS relation joins a PERSON overlapping the name and a PROFESSION
overlapping the phrase's position words. A logistic regression (``fitting.fit``: balanced
classes, document folds for held-out scores) weighs the features; the threshold on a
phrase's best candidate is the one that gives the best F1 of the phrases' links on the
held-out scores (a right best candidate kept is right, a wrong one kept is wrong, a phrase
with a right candidate and none kept is missed). Deterministic; about a minute for NEREL
train on one core. Never NEREL dev or factRuEval.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .common import ROOT
from .fitting import fit
from .gold import Span, _nerel_relations

WEIGHTS = ROOT / "src" / "seminar_nlp" / "stages" / "roles" / "links.json"
C = 1.0


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def candidate_rows(folder: Path) -> tuple[list[tuple], list[int], int]:
    """(document, features, right) per candidate, the phrase number of each, and the gold
    WORKS_AS relations counted."""
    from seminar_nlp.pipeline import Pipeline
    from seminar_nlp.stages.roles.finder import RoleFinder
    from seminar_nlp.stages.roles.linker import Linker

    pipeline = Pipeline()
    stage = next(stage for stage in pipeline.stages if stage.name == "roles")
    record: list[Any] = []
    stage.__dict__["finder"] = RoleFinder(stage.normalizer, linker=Linker(None, record))
    data: list[tuple] = []
    phrases: list[int] = []
    relations = 0
    for number, path in enumerate(sorted(folder.glob("*.txt"))):
        text = path.read_text(encoding="utf-8")
        gold = [(rel.arg1, rel.arg2) for rel in _nerel_relations(path.with_suffix(".ann"))
                if rel.kind == "WORKS_AS"]
        relations += len(gold)
        record.clear()
        doc = pipeline.process(text, doc_id=path.stem)
        seen: dict[tuple[int, int], int] = {}
        for s, phrase, person, features in record:
            mention = doc.need("mentions")[person]
            span = (s.tokens[phrase.start].start, s.tokens[phrase.stop - 1].stop)
            right = any(overlaps((mention.start, mention.stop), who) and overlaps(span, what)
                        for who, what in gold)
            data.append((number, features, right))
            phrases.append(seen.setdefault((number, phrase.start), len(seen) + 10**6 * number))
    return data, phrases, relations


def best_threshold(data: Sequence[tuple], phrases: Sequence[int], held: Sequence[float]
                   ) -> tuple[float, dict[str, float]]:
    """The cut on a phrase's best held-out score with the best F1 of its links."""
    best: dict[int, tuple[float, bool]] = {}
    has: dict[int, bool] = {}
    for (_, _, right), phrase, score in zip(data, phrases, held, strict=True):
        has[phrase] = has.get(phrase, False) or right
        if phrase not in best or score > best[phrase][0]:
            best[phrase] = (score, right)
    gold = sum(has.values())

    def at(cut: float) -> dict[str, float]:
        kept = [right for score, right in best.values() if score >= cut]
        correct = sum(kept)
        p = correct / len(kept) if kept else 0.0
        r = correct / gold if gold else 0.0
        return {"P": round(p, 3), "R": round(r, 3),
                "F1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "kept": len(kept)}

    cuts = [round(0.05 * step, 2) for step in range(2, 20)]
    chosen = max(cuts, key=lambda cut: (at(cut)["F1"], -cut))
    return chosen, at(chosen)


def train_links(folder: Path, out: Path = WEIGHTS) -> dict[str, Any]:
    data, phrases, relations = candidate_rows(folder)
    weights, held = fit(data, C)
    cut, scores = best_threshold(data, phrases, held)
    fitted = {"trained_on": f"NEREL train ({folder.name})" if "nerel" in str(folder)
              else folder.name, "candidates": len(data),
              "right_candidates": sum(row[2] for row in data), "works_as": relations,
              "held_out_at_threshold": scores,
              "models": {"holder": {**weights, "threshold": cut}}}
    out.write_text(json.dumps(fitted, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                   encoding="utf-8")
    print(json.dumps({k: v for k, v in fitted.items() if k != "models"}, indent=1),
          file=sys.stderr)
    return fitted
