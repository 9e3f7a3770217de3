"""Feed a run: number the batches in input order, skip those already written, store the rest.

Sources are read lazily, one batch at a time, as the engine asks for work. Before a batch is
analysed, what it is made from is recorded (each document's id, origin and content hash). A
batch that an interrupted run already wrote is not analysed again when its documents are
the same now; when an input was edited, removed or added, the batches it changes are
analysed again, so a resumed run gives the tables of a clean run on the inputs as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..pipeline import batched
from ..records import Doc, Source
from .base import Engine
from .parts import PartStore, identities
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
            made_of = identities(chunk)
            if number in done and store.identities(number) == made_of:
                counts["resumed"] += 1
                report(Doc(source) for source in chunk)
                continue
            store.expect(number, made_of)
            yield Batch(number, tuple(chunk))

    for batch, outcome in engine.run(todo(), store.target):
        if outcome.frames is not None:
            store.write(batch.number, outcome.frames)
        report(outcome.progress_docs(batch))
    for number in done:
        if number >= counts["batches"]:  # the inputs give fewer batches now
            store.forget(number)
    return Filled(tuple(range(counts["batches"])), counts["resumed"])
