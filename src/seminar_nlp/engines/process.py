"""Settings for a process this package owns: the command's, and a pool's workers'.

Two costs of CPython's defaults that the analysis does not need, each measured on the
factRuEval dev texts with ``seminar-nlp analyze --workers 1`` (122 texts, 31,000 tokens):

- The cyclic garbage collector. Its first generation is collected after every 700 new
  container objects, and the analysis makes millions of them (records, tuples, the
  memoised parses) that live until their batch is written: 813 collections took 0.48 s
  of a 5 s run. With ``THRESHOLDS`` 9 collections took 0.12 s; the peak memory was the
  same (cycles are rare in what the stages make, so little waits longer to be freed).
- The interpreter's teardown after the work is done: freeing every object of the models
  and caches one by one took 0.3-0.4 s. The command ends with ``os._exit`` once its
  output is written, its streams flushed and its pool and threads stopped (``finish``).
  After a pool of workers, the command's process held no models and its teardown is
  short; it then exits as usual, which also unlinks the named semaphores of the pool's
  queues (skipping that left Python's resource tracker warning of leaks in 4 runs of 8).

A library user's process keeps its own settings: only ``cli.run`` and
``work.init_pool_worker`` call these.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import threading
from typing import NoReturn

THRESHOLDS = (50_000, 10, 10)
_POOLS = threading.Event()  # set once a pool of worker processes has been stopped


def fewer_collections() -> None:
    """Collect the first generation after ``THRESHOLDS[0]`` new objects, not 700."""
    gc.set_threshold(*THRESHOLDS)


def pool_stopped() -> None:
    """Note that this process stopped a pool (``finish`` then exits with the teardown)."""
    _POOLS.set()


def finish(code: int) -> NoReturn:
    """End this process with ``code`` without the interpreter's teardown (with it after a
    pool of workers).

    Everything the command writes is closed before it returns (tables, parts, the
    manifest, the report); what is left to do here is to flush the standard streams and
    logging's handlers.
    """
    if _POOLS.is_set():
        sys.exit(code)  # the pool's semaphores are unlinked in the teardown
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe, a closed stream: nothing to flush to
            pass
    os._exit(code)
