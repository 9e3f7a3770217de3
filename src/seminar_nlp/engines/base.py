"""What every engine is: the protocol, its error, and a call in a thread of this process."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from .work import Batch, Outcome

if TYPE_CHECKING:
    from .parts import Target

T = TypeVar("T")


class EngineError(RuntimeError):
    """An engine could not start: a cluster that cannot be reached, for one."""


class Engine(Protocol):
    def run(self, batches: Iterable[Batch], target: Target) -> Iterator[tuple[Batch, Outcome]]:
        ...

    def call(self, function: Callable[..., T], *args: Any) -> Future[T]:
        """Run one more piece of work (the corpus-level work) beside this process."""
        ...

    def close(self) -> None: ...


def in_thread(function: Callable[..., T], *args: Any) -> Future[T]:
    """``function(*args)`` in a new thread of this process, as a future."""
    future: Future[T] = Future()

    def run() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(function(*args))
        except BaseException as error:  # handed to whoever waits for the result
            future.set_exception(error)

    threading.Thread(target=run, name="seminar-nlp-call", daemon=True).start()
    return future
