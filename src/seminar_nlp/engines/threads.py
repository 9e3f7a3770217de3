"""One thread per process for the numerical libraries (OpenBLAS under numpy).

The models multiply small matrices (a batch of sentences by a few hundred
dimensions): a BLAS thread pool then costs more than it gains, and with one
worker process per core it oversubscribes the cores (on two busy cores, a
run in one process took twice as long with OpenBLAS's default threads).
Worker processes get the usual environment variables before they start
(``single_threaded_children``); a process whose numpy is already loaded is
limited at run time (``blas_threads``), with threadpoolctl when it is
installed, else through OpenBLAS's own ``*_set_num_threads`` function.
"""

from __future__ import annotations

import ctypes
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
PREFIXES = ("scipy_", "")
SUFFIXES = ("64_", "")


@contextmanager
def single_threaded_children() -> Iterator[None]:
    """Set the thread variables while child processes are started, then restore them."""
    saved = {variable: os.environ.get(variable) for variable in THREAD_VARIABLES}
    os.environ.update({variable: "1" for variable in THREAD_VARIABLES})
    try:
        yield
    finally:
        for variable, value in saved.items():
            if value is None:
                os.environ.pop(variable, None)
            else:
                os.environ[variable] = value


@contextmanager
def blas_threads(count: int) -> Iterator[None]:
    """Run the block with ``count`` BLAS threads in this process, then restore."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        pass
    else:
        with threadpool_limits(limits=count, user_api="blas"):
            yield
        return
    controls = openblas_controls()
    saved = [get() for get, _ in controls]
    for _, set_threads in controls:
        set_threads(count)
    try:
        yield
    finally:
        for (_, set_threads), value in zip(controls, saved, strict=True):
            set_threads(value)


@cache
def openblas_controls() -> tuple[tuple[Any, Any], ...]:
    """(get, set) thread-count functions of the OpenBLAS libraries loaded in this process."""
    controls = []
    for path in loaded_libraries():
        try:
            library = ctypes.CDLL(path)
        except OSError:
            continue
        for prefix in PREFIXES:
            for suffix in SUFFIXES:
                get = getattr(library, f"{prefix}openblas_get_num_threads{suffix}", None)
                set_threads = getattr(library, f"{prefix}openblas_set_num_threads{suffix}", None)
                if get is not None and set_threads is not None:
                    controls.append((get, set_threads))
    return tuple(controls)


def loaded_libraries() -> list[str]:
    """Paths of the shared libraries with "blas" in their name mapped into this process."""
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            paths = {line.split()[-1] for line in maps if "blas" in line.lower()}
    except OSError:  # not Linux: leave the threads as they are
        return []
    return sorted(path for path in paths if path.startswith("/"))
