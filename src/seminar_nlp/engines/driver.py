"""Feed a run: number the batches in input order, skip those already written, store the rest.

Sources are read lazily, one batch at a time, as the engine asks for work. A
batch that an interrupted run already wrote is not analysed again, but its
documents must be the ones recorded in its parts: otherwise the inputs
changed and the run is refused rather than silently mixed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..pipeline import batched
from ..records import Doc, Source
from .base import Engine
from .parts import PartStore, ResumeError
from .work import Batch

Progress = Callable[[Doc], None]


@dataclass(frozen=True, slots=True)
class Filled:
    """The batches of a complete run, and how many came from an earlier one."""

    numbers: tuple[int, ...]
    resumed: int


def fill(store: PartStore, sources: Iterable[Source], engine: Engine, *, batch_size: int,
         progress: Progress | None = None) -> Filled:
    """Analyse every batch not yet in ``store`` and write its parts there."""
    done = store.done()
    counts = {"batches": 0, "resumed": 0}

    def report(docs: Iterable[Doc]) -> None:
        if progress is not None:
            for doc in docs:
                progress(doc)

    def todo() -> Iterator[Batch]:
        for number, chunk in enumerate(batched(sources, batch_size)):
            counts["batches"] = number + 1
            if number in done:
                check_batch(store, number, chunk)
                counts["resumed"] += 1
                report(Doc(source) for source in chunk)
                continue
            yield Batch(number, tuple(chunk))

    for batch, outcome in engine.run(todo(), store.target):
        if outcome.frames is not None:
            store.write(batch.number, outcome.frames)
        report(outcome.progress_docs(batch))
    extra = sorted(number for number in done if number >= counts["batches"])
    if extra:
        raise ResumeError(f"cannot resume: the interrupted run in {store.root} had more "
                          f"batches ({max(extra) + 1}) than the inputs give now "
                          f"({counts['batches']}); the inputs changed")
    return Filled(tuple(range(counts["batches"])), counts["resumed"])


def check_batch(store: PartStore, number: int, sources: list[Source]) -> None:
    before = store.doc_ids(number)
    now = [source.doc_id for source in sources]
    if before != now:
        raise ResumeError(f"cannot resume: batch {number} of the interrupted run in "
                          f"{store.root} held documents {before[:3]}..., the inputs now give "
                          f"{now[:3]}...; the inputs changed")
