"""One run at a time in an output folder: an advisory lock held for the whole run.

The lock is ``fcntl.flock`` on ``OUTPUT/.seminar-nlp.lock``, which holds the holder's pid. The
system releases it when the holding process ends, however it ends, so a lock file left by a
killed run is no obstacle: the next run takes it over.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .folder import OutputError

LOCK = ".seminar-nlp.lock"


class OutputBusy(OutputError):
    """Another run holds the output folder."""


@contextmanager
def locked(folder: Path) -> Iterator[Path]:
    """Hold ``folder``'s lock for the block; ``OutputBusy`` at once if another run holds it."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputBusy(f"{folder} is in use by another seminar-nlp run "
                             f"(pid {holder(descriptor)}); wait for it to end or choose "
                             "another output folder") from None
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, f"{os.getpid()}\n".encode(), 0)
        yield path
    finally:
        os.close(descriptor)  # releases the lock


def holder(descriptor: int) -> str:
    """The pid the holder wrote into the lock file, as text ("unknown" if it wrote none)."""
    text = os.pread(descriptor, 32, 0).decode("ascii", "replace").strip()
    return text if text.isdigit() else "unknown"
