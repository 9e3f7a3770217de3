"""The local engine: batches in this process, or over a pool of worker processes.

With one worker, or when the whole input fits in one batch, batches run in
this process with the caller's pipeline (no pool to start), with one BLAS
thread (``engines/threads.py``). Otherwise a
``ProcessPoolExecutor`` with the ``spawn`` context runs them; each worker
builds its pipeline once (``work.init_pool_worker``), uses one thread for the
numerical libraries, and writes its batches' parts itself. At most
``2 * workers`` batches are in flight, so reading stays just ahead of the
analysis and memory does not grow with the corpus; results come back in
batch order. A worker that dies (killed, out of memory) is replaced and its
batch run again once, alone; then its documents are marked ``error`` (``Pool``).
The pool stays up after the batches until ``close``: ``call`` runs the
corpus-level work in one of its workers, whose models are loaded already,
while this process writes the tables that do not wait for it.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain
from typing import TYPE_CHECKING, Any, TypeVar

from .base import EngineError, in_thread
from .process import pool_stopped
from .threads import blas_threads, single_threaded_children
from .work import WORKER_DIED, Batch, Outcome, analyse, failed, init_pool_worker, remote_batch

if TYPE_CHECKING:
    from ..pipeline import Pipeline
    from ..stages.themes import Weights
    from .parts import Target

IN_FLIGHT_PER_WORKER = 2
GIVE_UP = 3  # batches in a row on which workers died
T = TypeVar("T")


class LocalEngine:
    """Run batches in this process (``workers=1``) or over ``workers`` processes."""

    def __init__(self, *, workers: int, batch_size: int, pipeline: Pipeline | None = None,
                 theme_weights: Weights | None = None) -> None:
        self.workers = workers
        self.batch_size = batch_size
        self._pipeline = pipeline
        self.theme_weights = theme_weights
        self._pool: Pool | None = None

    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            from ..pipeline import Pipeline

            self._pipeline = Pipeline(batch_size=self.batch_size,
                                      theme_weights=self.theme_weights)
        return self._pipeline

    def run(self, batches: Iterable[Batch], target: Target) -> Iterator[tuple[Batch, Outcome]]:
        """Each batch with its outcome, in batch order."""
        iterator = iter(batches)
        head = [batch for batch in (next(iterator, None), next(iterator, None)) if batch]
        if self.workers <= 1 or len(head) < 2:
            yield from self.run_here(chain(head, iterator), target)
        else:
            yield from self.run_pool(chain(head, iterator), target)

    def run_here(self, batches: Iterable[Batch], target: Target) -> Iterator[tuple[Batch, Outcome]]:
        pipeline = self.pipeline()
        with blas_threads(1):
            for batch in batches:
                yield batch, analyse(pipeline, batch, target, keep_docs=True)

    def run_pool(self, batches: Iterable[Batch], target: Target) -> Iterator[tuple[Batch, Outcome]]:
        self.close()
        pool = Pool(self.workers, self.batch_size, target, self.theme_weights)
        try:
            yield from pool.ordered(batches, self.workers * IN_FLIGHT_PER_WORKER)
        except BaseException:
            pool.stop()
            raise
        self._pool = pool

    def call(self, function: Callable[..., T], *args: Any) -> Future[T]:
        """``function(*args)`` in a worker of the pool, or in a thread when there is none."""
        if self._pool is None:
            return in_thread(function, *args)
        return self._pool.call(function, *args)

    def close(self) -> None:
        """End the pool's workers (called when their work is done or given up)."""
        if self._pool is not None:
            self._pool.stop()
            self._pool = None


class Pool:
    """A process pool that replaces itself when a worker dies.

    A dead worker (killed, out of memory) breaks the whole executor: every
    batch in flight fails with it. The batch whose turn it is then runs again
    alone in a new pool; if that kills a worker too, its documents are marked
    ``error``. The other batches in flight are submitted again. When workers
    die on ``GIVE_UP`` batches in a row, whatever they run, the cause is not in
    the documents: the run stops with an ``EngineError`` (and can be resumed).
    """

    def __init__(self, workers: int, batch_size: int, target: Target,
                 theme_weights: Weights | None = None) -> None:
        self.workers, self.batch_size, self.target = workers, batch_size, target
        self.theme_weights = theme_weights
        self.executor = self.start()
        self.failed_in_a_row = 0

    def start(self) -> ProcessPoolExecutor:
        with single_threaded_children():
            return ProcessPoolExecutor(max_workers=self.workers,
                                       mp_context=multiprocessing.get_context("spawn"),
                                       initializer=init_pool_worker,
                                       initargs=(self.batch_size, os.getpid(),
                                                 self.theme_weights))

    def submit(self, batch: Batch) -> Future[Outcome]:
        """The batch's future; one already failed when the pool broke before it was sent
        (its turn then comes to ``result``, which runs it again)."""
        try:
            return self.executor.submit(remote_batch, batch, self.target, self.batch_size,
                                        self.theme_weights)
        except BrokenProcessPool as error:
            future: Future[Outcome] = Future()
            future.set_exception(error)
            return future

    def call(self, function: Callable[..., T], *args: Any) -> Future[T]:
        """``function(*args)`` in a worker; in a thread of this process if the pool breaks."""
        out: Future[T] = Future()

        def settle(remote: Future[T]) -> None:
            try:
                out.set_result(remote.result())
            except BrokenProcessPool:
                in_thread(function, *args).add_done_callback(lambda local: relay(local, out))
            except BaseException as error:  # handed to whoever waits for the result
                out.set_exception(error)

        try:
            self.executor.submit(function, *args).add_done_callback(settle)
        except BrokenProcessPool:
            return in_thread(function, *args)
        return out

    def ordered(self, batches: Iterable[Batch], in_flight: int) -> Iterator[tuple[Batch, Outcome]]:
        """Submit batches, at most ``in_flight`` at a time; yield outcomes in batch order."""
        pending: deque[tuple[Batch, Future[Outcome]]] = deque()
        for batch in batches:
            pending.append((batch, self.submit(batch)))
            if len(pending) >= in_flight:
                yield self.result(pending)
        while pending:
            yield self.result(pending)

    def result(self, pending: deque[tuple[Batch, Future[Outcome]]]) -> tuple[Batch, Outcome]:
        batch, future = pending.popleft()
        try:
            outcome = future.result()
            self.failed_in_a_row = 0
            return batch, outcome
        except BrokenProcessPool:
            outcome = self.retry_alone(batch)
            self.resubmit(pending)
            return batch, outcome

    def retry_alone(self, batch: Batch) -> Outcome:
        self.replace()
        try:
            outcome = self.submit(batch).result()
            self.failed_in_a_row = 0
            return outcome
        except BrokenProcessPool as error:
            self.failed_in_a_row += 1
            if self.failed_in_a_row >= GIVE_UP:
                self.stop()
                raise EngineError(f"worker processes died on {GIVE_UP} batches in a row, each "
                                  f"run alone ({error}); the finished batches are kept") from error
            self.replace()
            return failed(batch, self.target, WORKER_DIED)

    def resubmit(self, pending: deque[tuple[Batch, Future[Outcome]]]) -> None:
        """Submit again the batches in flight that the broken pool took down with it."""
        for index, (batch, future) in enumerate(pending):
            if not future.done() or future.exception() is not None:
                pending[index] = (batch, self.submit(batch))

    def replace(self) -> None:
        stop(self.executor)
        self.executor = self.start()

    def stop(self) -> None:
        stop(self.executor)


def relay(source: Future[T], target: Future[T]) -> None:
    error = source.exception()
    if error is None:
        target.set_result(source.result())
    else:
        target.set_exception(error)


def stop(pool: ProcessPoolExecutor) -> None:
    """Stop at once: cancel what has not started and end the workers.

    A batch cut short leaves no parts behind (they are renamed into place only
    when complete), so the run can be resumed.
    """
    # The executor forgets its processes on shutdown: take them first (taken after, none
    # were ever terminated: each finished its batch, then exited, models and all).
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)
    pool_stopped()
