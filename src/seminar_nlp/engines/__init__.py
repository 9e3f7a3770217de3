"""Engines: where the batches of a run are analysed.

``local`` runs them in this process or over a local process pool
(``engines/local.py``); ``dask`` over a dask.distributed cluster
(``engines/dask.py``). Every engine takes numbered batches and yields each
with its outcome in batch order, so the tables are the same whatever the
engine, the number of workers or the order in which batches finish.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import Engine, EngineError, in_thread
from .work import Batch, Outcome

if TYPE_CHECKING:
    from ..pipeline import Pipeline
    from ..stages.themes import Weights

ENGINES = ("local", "dask")


def check_engine(name: str) -> str:
    if name not in ENGINES:
        raise ValueError(f"unknown engine {name!r}; choose from: {', '.join(ENGINES)}")
    return name


def check_options(name: str, *, workers: int, pipeline: Pipeline | None = None,
                  scheduler: str | None = None) -> None:
    """Refuse, before any work, options that do not go together."""
    check_engine(name)
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if scheduler is not None and name != "dask":
        raise ValueError("a scheduler address needs the dask engine (engine='dask')")
    if pipeline is not None and (workers > 1 or name == "dask"):
        raise ValueError("pipeline= runs in this process only: use it with workers=1 and the "
                         "local engine (worker processes build their own default pipeline)")


def make_engine(name: str, *, workers: int, batch_size: int, pipeline: Pipeline | None = None,
                scheduler: str | None = None, theme_weights: Weights | None = None) -> Engine:
    """The engine ``name`` ("local" or "dask"); close it when done."""
    check_options(name, workers=workers, pipeline=pipeline, scheduler=scheduler)
    if name == "dask":
        from .dask import DaskEngine

        return DaskEngine(workers=workers, batch_size=batch_size, scheduler=scheduler,
                          theme_weights=theme_weights)
    from .local import LocalEngine

    return LocalEngine(workers=workers, batch_size=batch_size, pipeline=pipeline,
                       theme_weights=theme_weights)


__all__ = ["ENGINES", "Batch", "Engine", "EngineError", "Outcome", "check_engine",
           "check_options", "in_thread", "make_engine"]
