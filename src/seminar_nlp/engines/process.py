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
  A stopped pool's queues hold named semaphores, unlinked when the queues are freed: after
  a pool, ``finish`` waits for the pool's thread and frees them (a full collection, cheap
  in a process that held no models), or Python's resource tracker would warn of leaks.

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
    """Note that this process stopped a pool (``finish`` then frees its semaphores)."""
    _POOLS.set()


def finish(code: int) -> NoReturn:
    """End this process with ``code`` without the interpreter's teardown.

    Everything the command writes is closed before it returns (tables, parts, the
    manifest, the report); what is left to do here is to flush the standard streams and
    logging's handlers.
    """
    if _POOLS.is_set():
        for thread in threading.enumerate():
            if thread is not threading.current_thread() and not thread.daemon:
                thread.join()
        gc.collect()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe, a closed stream: nothing to flush to
            pass
    os._exit(code)
