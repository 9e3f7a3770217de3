"""Roles and entity resolution: (person, position, organisation) extraction and coreference.

Data: factRuEval-2016 dev (Occupation facts: Who / Position / Where; coreference) and NEREL dev
(WORKS_AS PERSON -> PROFESSION, WORKPLACE PERSON -> ORGANIZATION). Systems: seminar-nlp (the
``roles`` and ``mentions`` tables of ``seminar_nlp.analyze``) and PullEnti (evaluation only).

Scoring. A task names the slots it needs: person+role, person+role+org, person+org. Gold facts
and predicted rows are projected onto the task's slots; rows lacking a slot drop out of that task,
and identical projected rows are kept once (on both sides). A predicted row matches a gold fact
when every slot's spans overlap by at least one character. Matches are one-to-one: per document
the number of correct rows is the size of a maximum bipartite matching between rows and facts,
found with augmenting paths (Kuhn's algorithm), which is exact, not greedy. NEREL's WORKPLACE
links a person to an ORGANIZATION, never to a country or city: person+org takes the rows whose
organisation is not a place (ours: not a LOC entity; PullEnti: not a GEO referent), for both
systems alike.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import coref, gold, pullenti_runner
from .common import Settings, pipeline_with, prf, table
from .gold import RoleSpans, Span

if TYPE_CHECKING:
    from seminar_nlp import Pipeline

NAME = "Roles and entity resolution"
OURS = "seminar-nlp"
# task name -> the slots a row needs
TASKS: dict[str, tuple[str, ...]] = {
    "person+role": ("person", "role"),
    "person+role+org": ("person", "role", "org"),
    "person+org": ("person", "workplace"),
}
# data set -> the tasks its gold supports
DATASET_TASKS = {
    "factRuEval dev": ("person+role", "person+role+org"),
    "NEREL dev": ("person+role", "person+org"),
}

Projected = tuple[Span, ...]
Rows = Mapping[str, Sequence[RoleSpans]]


# ---------------------------------------------------------------- scoring


@dataclass(frozen=True)
class Counts:
    """Correct, predicted and gold counts, summed over documents."""

    correct: int = 0
    predicted: int = 0
    gold: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.correct + other.correct, self.predicted + other.predicted,
                      self.gold + other.gold)

    @property
    def prf(self) -> tuple[float, float, float]:
        return prf(self.correct, self.predicted, self.gold)


def overlaps(a: Span, b: Span) -> bool:
    """Two spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1] and a[0] < a[1] and b[0] < b[1]


def project(rows: Iterable[RoleSpans], slots: Sequence[str]) -> list[Projected]:
    """The rows' spans for ``slots``, rows lacking one dropped, duplicates kept once, in order."""
    out: dict[Projected, None] = {}
    for row in rows:
        spans = tuple(getattr(row, slot) for slot in slots)
        if all(span is not None for span in spans):
            out.setdefault(spans, None)
    return list(out)


def matches(predicted: Projected, gold_row: Projected) -> bool:
    return all(overlaps(p, g) for p, g in zip(predicted, gold_row, strict=True))


def max_matching(predicted: Sequence[Projected], gold_rows: Sequence[Projected]) -> int:
    """Size of a maximum one-to-one matching (Kuhn's augmenting paths)."""
    edges = [[g for g, gold_row in enumerate(gold_rows) if matches(row, gold_row)]
             for row in predicted]
    owner: dict[int, int] = {}  # gold index -> predicted index

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = p
                return True
        return False

    return sum(augment(p, set()) for p in range(len(predicted)) if edges[p])


def score_doc(predicted: Iterable[RoleSpans], gold_rows: Iterable[RoleSpans],
              slots: Sequence[str]) -> Counts:
    pred, ref = project(predicted, slots), project(gold_rows, slots)
    return Counts(max_matching(pred, ref), len(pred), len(ref))


def score(predicted: Rows, gold_rows: Rows, slots: Sequence[str]) -> Counts:
    """Counts over the gold documents; predictions for other documents are ignored."""
    total = Counts()
    for doc_id, rows in gold_rows.items():
        total += score_doc(predicted.get(doc_id, ()), rows, slots)
    return total


# ---------------------------------------------------------------- our system


@dataclass(frozen=True)
class OurRun:
    """seminar-nlp on one data set: role rows and PER/ORG mentions per document."""

    rows: dict[str, tuple[RoleSpans, ...]]
    mentions: dict[str, tuple[coref.Mention, ...]]
    n_docs: int
    n_errors: int  # documents whose status is "error"
    seconds: float

    @property
    def docs_per_second(self) -> float:
        return self.n_docs / self.seconds if self.seconds else 0.0


def _isna(value: Any) -> bool:
    return value is None or bool(pd.isna(value))


def _span(start: object, stop: object) -> Span | None:
    if _isna(start) or _isna(stop):
        return None
    return int(str(start)), int(str(stop))


def _role_rows(roles: pd.DataFrame, places: set[str]) -> dict[str, tuple[RoleSpans, ...]]:
    out: dict[str, list[RoleSpans]] = {}
    for record in roles.to_dict("records"):
        person = _span(record["person_start"], record["person_stop"])
        if person is None:
            continue
        row = RoleSpans(person, _span(record["role_start"], record["role_stop"]),
                        _span(record["org_start"], record["org_stop"]),
                        not _isna(record["org_id"]) and str(record["org_id"]) in places)
        out.setdefault(str(record["doc_id"]), []).append(row)
    return {doc_id: tuple(rows) for doc_id, rows in out.items()}


def _mention_rows(mentions: pd.DataFrame) -> dict[str, tuple[coref.Mention, ...]]:
    out: dict[str, list[coref.Mention]] = {}
    for record in mentions.to_dict("records"):
        normal = record["normal"] if not _isna(record["normal"]) else record["text"]
        entity = record["entity_id"] if not _isna(record["entity_id"]) else None
        out.setdefault(str(record["doc_id"]), []).append(coref.Mention(
            int(record["start"]), int(record["stop"]), str(record["type"]), str(normal),
            None if entity is None else str(entity)))
    return {doc_id: tuple(rows) for doc_id, rows in out.items()}


def run_ours(texts: Mapping[str, str], pipeline: Pipeline | None = None) -> OurRun:
    """Analyse the texts as ``<doc_id>.txt`` files of a temporary folder (doc_id = file stem)."""
    import seminar_nlp

    with tempfile.TemporaryDirectory(prefix="seminar-nlp-roles-") as folder:
        for doc_id, text in texts.items():
            (Path(folder) / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        started = time.perf_counter()
        tables = seminar_nlp.analyze([folder], pipeline=pipeline)
        seconds = time.perf_counter() - started
    errors = int((tables.documents["status"] == "error").sum())
    places = set(tables.entities.loc[tables.entities["type"] == "LOC", "entity_id"].astype(str))
    return OurRun(_role_rows(tables.roles, places), _mention_rows(tables.mentions), len(texts),
                  errors, seconds)


def _warm_pipeline() -> Pipeline:
    """A pipeline with its models loaded, so that timings leave model loading out."""
    import seminar_nlp

    pipeline = seminar_nlp.Pipeline()
    pipeline.process("Директор института Иван Петров открыл семинар в Казани.")
    return pipeline


# ---------------------------------------------------------------- the section


@dataclass(frozen=True)
class Dataset:
    name: str
    texts: dict[str, str]
    gold: dict[str, list[RoleSpans]]


def load_datasets(eval_dir: Path, limit: int | None) -> list[Dataset]:
    factru = gold.factru_occupations(eval_dir, limit)
    nerel = gold.nerel_docs(eval_dir, limit)
    return [
        Dataset("factRuEval dev", {d.doc_id: d.text for d in factru},
                {d.doc_id: gold.factru_roles(d) for d in factru}),
        Dataset("NEREL dev", {d.doc_id: d.text for d in nerel},
                {d.doc_id: gold.nerel_roles(d) for d in nerel}),
    ]


def _score_rows(dataset: Dataset, predicted: Rows) -> list[list[object]]:
    rows: list[list[object]] = []
    for task in DATASET_TASKS[dataset.name]:
        counts = score(predicted, dataset.gold, TASKS[task])
        rows.append([dataset.name, task, counts.gold, counts.predicted, counts.correct,
                     *counts.prf])
    return rows


SCORE_HEADER = ("data set", "task", "gold", "predicted", "correct", "P", "R", "F1")
SPEED_HEADER = ("system", "data set", "documents", "crashes", "failed (no rows)", "seconds",
                "docs/s")


def _pullenti_part(datasets: list[Dataset]) -> tuple[list[str], list[list[object]]]:
    """PullEnti's score table (Markdown lines) and its speed rows."""
    if not pullenti_runner.available():
        return ["PullEnti is not installed (`pip install pullenti`): not run."], []
    runs = [pullenti_runner.run(dataset.texts) for dataset in datasets]
    scores = [row for dataset, run_ in zip(datasets, runs, strict=True)
              for row in _score_rows(dataset, run_.rows)]
    speed = [[f"PullEnti {run_.version}", dataset.name, run_.n_docs, run_.crashes,
              len(run_.failed), run_.seconds, run_.docs_per_second]
             for dataset, run_ in zip(datasets, runs, strict=True)]
    crashed = [f"{dataset.name}: {', '.join(run_.crashed) or 'none'}"
               for dataset, run_ in zip(datasets, runs, strict=True)]
    lines = [f"#### PullEnti {runs[0].version}", "", table(SCORE_HEADER, scores), "",
             f"PullEnti initialisation: {runs[0].init_seconds:.1f} s (not in the timings). "
             f"Documents its default processor crashed on: {'; '.join(crashed)}; they were "
             "analysed again without its DATE and ADDRESS analysers (see the speed table for "
             "the ones that failed that too and gave no rows)."]
    return lines, speed


def _ours_part(datasets: list[Dataset]) -> tuple[list[str], list[list[object]], OurRun]:
    pipeline = _warm_pipeline()
    runs = [run_ours(dataset.texts, pipeline) for dataset in datasets]
    scores = [row for dataset, run_ in zip(datasets, runs, strict=True)
              for row in _score_rows(dataset, run_.rows)]
    speed = [[OURS, dataset.name, run_.n_docs, run_.n_errors, run_.n_errors, run_.seconds,
              run_.docs_per_second]
             for dataset, run_ in zip(datasets, runs, strict=True)]
    lines = [f"#### {OURS}", "", table(SCORE_HEADER, scores)]
    if not any(run_.rows for run_ in runs):
        lines += ["", "The `roles` table was empty on every document: zeros until the roles "
                  "stage lands."]
    return lines, speed, runs[0]


def _linked_part(datasets: list[Dataset]) -> list[str]:
    """The same, with the link model on (``Roles(linked=True)``; off by default)."""
    from seminar_nlp.stages.roles import Roles

    pipeline = pipeline_with(lambda resources: Roles(resources, linked=True))
    scores = [row for dataset in datasets
              for row in _score_rows(dataset, run_ours(dataset.texts, pipeline).rows)]
    return [f"#### {OURS} with the link model (`Roles(linked=True)`, not the default)", "",
            "The link model (`stages/roles/linker.py`, fitted on NEREL train's WORKS_AS) "
            "gives a holder among the sentence's persons to each position phrase the rules "
            "gave no one.", "", table(SCORE_HEADER, scores)]


def _coref_part(eval_dir: Path, limit: int | None, factru_run: OurRun) -> list[str]:
    docs = gold.factru_coref(eval_dir, limit)
    rows = coref.evaluate(docs, factru_run.mentions)
    return ["### Entity resolution within a document (factRuEval dev coreference)", "",
            coref.DESCRIPTION, "", table(coref.HEADER, rows)]


def section(settings: Settings) -> str:
    """The Markdown section: role scores per system, speed, coreference scores."""
    limit = settings.limit
    datasets = load_datasets(settings.eval_dir, limit)
    sizes = ", ".join(f"{d.name} {len(d.texts)} documents" for d in datasets)
    pullenti_lines, pullenti_speed = _pullenti_part(datasets)
    ours_lines, ours_speed, factru_run = _ours_part(datasets)
    parts = [
        f"## {NAME}", "",
        f"Documents: {sizes}" + (f" (the first {limit} per set in file-name order)"
                                 if limit else "") + ".",
        "A predicted row is correct when its person, role and organisation spans (those the "
        "task needs) each overlap the gold fact's by at least one character; matching is "
        "one-to-one (maximum bipartite matching), identical rows count once. factRuEval: "
        "person+role uses the Occupation facts with a Position, person+role+org those with a "
        "Position and a Where. NEREL: person+role = WORKS_AS, person+org = WORKPLACE between a "
        "PERSON and an ORGANIZATION; as WORKPLACE never points to a country or a city, rows "
        "whose organisation is a place (ours: a LOC entity; PullEnti: a GEO referent) are "
        "left out of person+org, for both systems. A factRuEval fact names entities; its Who "
        "and Where are "
        "the entity mentions nearest its Position. PullEnti's rows come from its PERSON "
        "referents and their position attributes, the person span cut down to the name "
        "(`benchmarks/pullenti_runner.py`).", "",
        "### Person, role, organisation", "",
        *pullenti_lines, "",
        *ours_lines, "",
        *_linked_part(datasets), "",
        "#### Speed", "",
        table(SPEED_HEADER, [*pullenti_speed, *ours_speed]), "",
        "Wall time of the analysis alone, models already loaded: seminar-nlp runs its whole "
        "pipeline, PullEnti its default processor plus the retries. A crash is a document the "
        "system raised an exception on (for seminar-nlp: a `documents` row with status "
        "`error`); failed = no rows for it.", "",
        *_coref_part(settings.eval_dir, limit, factru_run),
    ]
    return "\n".join(parts)
