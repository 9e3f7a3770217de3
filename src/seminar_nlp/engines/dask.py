"""The Dask engine: batches over a dask.distributed cluster.

Without a scheduler address a ``LocalCluster`` is started (worker processes,
one thread each; Dask's nanny already sets ``OMP_NUM_THREADS`` and the like to
1 in them, and here leaves glibc's memory trimming at its default) and closed
at the end; with one, the engine connects to that cluster and leaves it
running. Each worker builds its pipeline once per process
(``work.worker_pipeline``). A worker that sees the parts folder (same machine,
or a shared file system) writes the batch's parts itself; one that does not
sends the tables back and this process writes them. Dask is an optional
dependency, imported only here and only when the engine is used.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, TypeVar

from .base import EngineError, in_thread
from .work import WORKER_DIED, Batch, Outcome, failed, remote_batch

if TYPE_CHECKING:
    from ..stages.themes import Weights
    from .parts import Target

INSTALL_HINT = "pip install 'seminar-nlp[dask]'"
IN_FLIGHT_PER_WORKER = 2
T = TypeVar("T")


def import_distributed() -> Any:
    """The ``distributed`` module, or an ImportError that says how to install it."""
    try:
        import distributed
    except ImportError as error:
        raise ImportError(f"the dask engine needs dask.distributed, which is not installed: "
                          f"{INSTALL_HINT}") from error
    return distributed


class DaskEngine:
    """Run batches on a Dask cluster: a new LocalCluster, or the one at ``scheduler``."""

    def __init__(self, *, workers: int, batch_size: int, scheduler: str | None = None,
                 theme_weights: Weights | None = None) -> None:
        distributed = import_distributed()
        self.batch_size = batch_size
        self.theme_weights = theme_weights
        self.cluster: Any = None
        if scheduler is None:
            import dask

            # Dask's nannies set MALLOC_TRIM_THRESHOLD_=65536 in their workers, which
            # makes glibc hand memory back after every small free: a batch took a third
            # longer than in the local pool. None unsets it (the workers' memory stays flat
            # anyway: their models are loaded once and batches are small).
            with dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_":
                                  None}):
                self.cluster = distributed.LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True,
                    dashboard_address=None, silence_logs=logging.ERROR)
            self.client: Any = distributed.Client(self.cluster)
        else:
            try:
                self.client = distributed.Client(scheduler)
            except (OSError, ValueError) as error:
                raise EngineError(f"cannot connect to the Dask scheduler at {scheduler}: "
                                  f"{error}") from error

    def n_workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def run(self, batches: Iterable[Batch], target: Target) -> Iterator[tuple[Batch, Outcome]]:
        """Each batch with its outcome, in batch order, at most 2 per worker in flight."""
        in_flight = self.n_workers() * IN_FLIGHT_PER_WORKER
        pending: deque[tuple[Batch, Any]] = deque()
        try:
            for batch in batches:
                future = self.client.submit(remote_batch, batch, target, self.batch_size,
                                            self.theme_weights,
                                            key=f"seminar-nlp-{target.token}-{batch.number}",
                                            pure=False)
                pending.append((batch, future))
                if len(pending) >= in_flight:
                    yield self.result(pending, target)
            while pending:
                yield self.result(pending, target)
        finally:
            if pending:
                self.client.cancel([future for _, future in pending])

    def result(self, pending: deque[tuple[Batch, Any]], target: Target) -> tuple[Batch, Outcome]:
        """The oldest batch's outcome; its documents marked ``error`` when the workers that
        ran it kept dying (Dask retries a task a few times first, then raises KilledWorker)."""
        batch, future = pending.popleft()
        try:
            return batch, future.result()
        except import_distributed().KilledWorker:
            return batch, failed(batch, target, WORKER_DIED)

    def call(self, function: Callable[..., T], *args: Any) -> Future[T]:
        """In a thread here: the cluster's workers may not see the parts folder."""
        return in_thread(function, *args)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
