"""The unit of work every engine runs: one numbered batch of documents to its tables.

``analyse`` runs a pipeline over a batch and either writes the batch's parts
where the store is reachable or hands the tables back. ``remote_batch`` is
the same for a worker process (a local pool or a Dask worker): the process
builds its ``Pipeline`` once and keeps it (``worker_pipeline``).
"""

from __future__ import annotations

import os
import signal
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..records import Doc, Source, Status
from .process import fewer_collections
from .threads import THREAD_VARIABLES, blas_threads

if TYPE_CHECKING:
    import pandas as pd

    from ..pipeline import Pipeline
    from ..stages.themes import Weights
    from .parts import Target

WORKER_DIED = ("a worker process died while analysing this document's batch (killed or out "
               "of memory), also when the batch was run again alone")
WARM_UP_TEXT = "18 марта в Казани прошёл семинар. Его открыл Ильдар Гарипов."

_PIPELINES: dict[tuple[int, Weights | None], Pipeline] = {}
_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class Batch:
    """Documents ``number`` (counting from 0 in input order) of a run."""

    number: int
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What came of a batch: each document's status, and its tables unless already written."""

    number: int
    statuses: tuple[tuple[Status, str | None], ...]  # (status, error) per document
    frames: dict[str, pd.DataFrame] | None = None
    docs: tuple[Doc, ...] | None = None  # the analysed documents, when run in this process

    def progress_docs(self, batch: Batch) -> list[Doc]:
        """Documents for a progress callback: the analysed ones, else their sources."""
        if self.docs is not None:
            return list(self.docs)
        return [Doc(replace(source, status=status, error=error))
                for source, (status, error) in zip(batch.sources, self.statuses, strict=True)]


def analyse(pipeline: Pipeline, batch: Batch, target: Target | None, *,
            keep_docs: bool = False) -> Outcome:
    """Run ``pipeline`` over the batch; write its parts when ``target`` is reachable."""
    return outcome(batch, list(pipeline.run(batch.sources)), target, keep_docs=keep_docs)


def failed(batch: Batch, target: Target | None, reason: str) -> Outcome:
    """The outcome of a batch that could not be analysed: its documents marked ``error``."""
    from ..pipeline import empty_layers

    docs = [empty_layers(Doc(replace(source, status="error", error=reason)
                             if source.status == "ok" else source))
            for source in batch.sources]
    return outcome(batch, docs, target)


def outcome(batch: Batch, docs: list[Doc], target: Target | None, *,
            keep_docs: bool = False) -> Outcome:
    """The batch's documents as tables: written as parts where ``target`` is reachable,
    else handed back."""
    from ..tables.build import doc_frames
    from .parts import write_batch

    frames = doc_frames(docs)
    statuses = tuple((doc.source.status, doc.source.error) for doc in docs)
    kept = tuple(docs) if keep_docs else None
    if target is not None and target.reachable():
        write_batch(Path(target.root), batch.number, frames)
        return Outcome(batch.number, statuses, None, kept)
    return Outcome(batch.number, statuses, frames, kept)


def worker_pipeline(batch_size: int, theme_weights: Weights | None = None) -> Pipeline:
    """This process's pipeline, built on first use and kept (its models load once)."""
    from ..pipeline import Pipeline

    with _LOCK:
        pipeline = _PIPELINES.get((batch_size, theme_weights))
        if pipeline is None:
            pipeline = _PIPELINES[batch_size, theme_weights] = Pipeline(
                batch_size=batch_size, theme_weights=theme_weights)
        return pipeline


def remote_batch(batch: Batch, target: Target | None, batch_size: int,
                 theme_weights: Weights | None = None) -> Outcome:
    """``analyse`` in a worker process, with the worker's own pipeline, one BLAS thread."""
    with blas_threads(1):
        return analyse(worker_pipeline(batch_size, theme_weights), batch, target)


def init_pool_worker(batch_size: int, parent: int, theme_weights: Weights | None = None
                     ) -> None:
    """Initializer of a local pool's worker: one thread, fewer garbage collections
    (``process.py``), models loaded, parent watched.

    Ctrl-C is left to the parent, which stops the pool; a worker whose parent
    died (SIGKILL) exits instead of waiting for work forever.
    """
    for variable in THREAD_VARIABLES:
        os.environ[variable] = "1"
    fewer_collections()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    worker_pipeline(batch_size, theme_weights).process(WARM_UP_TEXT)


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(1)
