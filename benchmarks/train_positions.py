"""The position-span CRF of the roles stage (``python -m benchmarks.train positions``).

Reads brat-annotated texts (``NNN.txt`` beside ``NNN.ann``; by default NEREL train, never its
dev, which is the measure), analyses them with the pipeline up to the NER stage, labels each
token B, I or O of a PROFESSION span, and fits a linear-chain CRF (python-crfsuite, L-BFGS with
L1 and L2 penalties) over the features of ``seminar_nlp.stages.roles.learned``. Deterministic:
no sampling, the documents in file-name order.

NEREL nests PROFESSION spans: "гендиректор" inside "гендиректор ОАО «Башкирэнерго»",
"начальника управления президента РФ" inside "заместителя начальника управления президента
РФ". A flat tagger learns one layer (``flat``): of the spans that start at one token the
shortest (the position without its named organisation, as the roles stage cuts it), then of
those the outermost (the nested position of someone else is dropped).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .common import DEFAULT_EVAL, ROOT

NEREL_TRAIN = DEFAULT_EVAL / "nerel" / "train"
MODEL_OUT = ROOT / "src" / "seminar_nlp" / "stages" / "roles" / "positions.crfsuite"
ENTITY = "PROFESSION"
# L1 keeps the model small (features with no weight are left out of the file)
PARAMS = {"c1": 0.1, "c2": 0.05, "max_iterations": 150, "feature.minfreq": 1.0,
          "feature.possible_transitions": True}

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class BratDoc:
    doc_id: str
    text: str
    spans: tuple[Span, ...]  # character spans of the entity, every nesting level


def entity_spans(ann: str, entity: str = ENTITY) -> tuple[Span, ...]:
    """The character extents of one entity type's ``T`` lines of a brat ``.ann`` text."""
    found: set[Span] = set()
    for line in ann.splitlines():
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0].startswith("T"):
            continue
        head = fields[1].split(" ", 1)
        if head[0] != entity or len(head) != 2:
            continue
        bounds = [int(b) for piece in head[1].split(";") for b in piece.split() if b.isdigit()]
        if len(bounds) >= 2:
            found.add((min(bounds), max(bounds)))
    return tuple(sorted(found))


def read_brat(folder: Path, limit: int | None = None) -> list[BratDoc]:
    """The ``.txt`` files of a folder that have an ``.ann`` beside them, in name order."""
    paths = sorted(path for path in Path(folder).glob("*.txt")
                   if path.with_suffix(".ann").exists())
    return [BratDoc(path.stem, path.read_text(encoding="utf-8"),
                    entity_spans(path.with_suffix(".ann").read_text(encoding="utf-8")))
            for path in paths[:limit]]


def flat(spans: Iterable[Span]) -> list[Span]:
    """One layer of nested spans: per start the shortest, then the outermost of those."""
    shortest: dict[int, Span] = {}
    for span in sorted(spans, key=lambda s: (s[0], s[1] - s[0])):
        shortest.setdefault(span[0], span)
    kept = sorted(shortest.values(), key=lambda s: (s[0], -s[1]))
    return [span for span in kept
            if not any(o != span and o[0] <= span[0] and span[1] <= o[1] for o in kept)]


def analysed(docs: Sequence[BratDoc]) -> list[Any]:
    """The texts through the stages the features read (tokens, tags, lemmas, mentions)."""
    from seminar_nlp.pipeline import Pipeline, default_stages
    from seminar_nlp.records import Doc, Source
    from seminar_nlp.resources import shared

    stages = [stage for stage in default_stages(shared())
              if stage.name in ("segment", "morph", "lemma", "ner")]
    pipeline = Pipeline(stages)
    out: list[Any] = []
    for start in range(0, len(docs), 32):
        out += pipeline.run_batch([Doc(Source(d.doc_id, "<text>", d.text))
                                   for d in docs[start:start + 32]])
    return out


def token_span(doc: Any, span: Span) -> Span | None:
    """The tokens a character span covers (those it overlaps), or None."""
    inside = [i for i, t in enumerate(doc.need("tokens")) if t.start < span[1] and span[0] < t.stop]
    return (inside[0], inside[-1] + 1) if inside else None


def token_labels(doc: Any, spans: Iterable[Span]) -> list[str]:
    """B / I / O per token for one flat layer of character spans."""
    labels = ["O"] * len(doc.need("tokens"))
    for span in flat(spans):
        tokens = token_span(doc, span)
        if tokens is None or any(labels[i] != "O" for i in range(*tokens)):
            continue
        labels[tokens[0]] = "B"
        for index in range(tokens[0] + 1, tokens[1]):
            labels[index] = "I"
    return labels


def sequences(docs: Sequence[BratDoc], analysed_docs: Sequence[Any]
              ) -> list[tuple[list[list[str]], list[str]]]:
    """(features, labels) per sentence of the analysed documents."""
    from seminar_nlp.stages.roles.learned import doc_features

    out = []
    for brat, doc in zip(docs, analysed_docs, strict=True):
        if doc.source.status != "ok":
            continue
        labels = token_labels(doc, brat.spans)
        out += [(features, labels[first:first + len(features)])
                for first, features in doc_features(doc)]
    return out


def train_positions(folder: Path, out: Path, params: dict[str, Any] | None = None) -> dict:
    """Fit the CRF on a brat folder and write it to ``out``; what it saw and how long."""
    import pycrfsuite

    started = time.perf_counter()
    docs = read_brat(folder)
    if not docs:
        raise SystemExit(f"no .txt with an .ann beside it in {folder}")
    data = sequences(docs, analysed(docs))
    analysed_in = time.perf_counter() - started
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for features, labels in data:
        trainer.append(features, labels)
    trainer.set_params({**PARAMS, **(params or {})})
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    report = {"documents": len(docs), "sentences": len(data),
              "tokens": sum(len(labels) for _, labels in data),
              "spans": sum(labels.count("B") for _, labels in data),
              "analysis_seconds": round(analysed_in, 1),
              "training_seconds": round(time.perf_counter() - started - analysed_in, 1),
              "bytes": out.stat().st_size}
    print(report, file=sys.stderr)
    return report
