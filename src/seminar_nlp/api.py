"""The library entry points: inputs in, ``Tables`` (``analyze``) or files (``analyze_to``) out.

Both read the inputs lazily and analyse them in numbered batches, on the
chosen engine (``local``: this process or a pool of ``workers`` processes;
``dask``: a dask.distributed cluster). Each batch's per-document tables are
written as Parquet parts as they come (under ``OUTPUT/.parts/``, or a
temporary folder for ``analyze``); the corpus-level work (entities, links,
corpus themes) then reads the parts back, in a worker of the engine when it
has one (its models are loaded), while this process writes the tables that do
not need it. The tables are the same whatever the engine, the number of
workers or an interruption and ``resume``.
"""

from __future__ import annotations

import os
import signal
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, replace
from importlib import resources
from pathlib import Path
from typing import Any

from .engines import Engine, check_options, make_engine
from .engines.driver import Filled, fill
from .engines.final import Corpus, resolve_corpus, streams, tables
from .engines.parts import PartStore, ResumeError, describe_inputs
from .engines.summary import Summary, overview, with_corpus
from .output.commit import check_targets, publish, recover
from .output.folder import check_output
from .output.lock import LOCK, locked
from .pipeline import DEFAULT_BATCH, Pipeline
from .readers import ReadOptions, iter_sources
from .records import Doc
from .stages.themes import Weights
from .tables import Tables
from .tables.write import check_formats, table_files, write_streams
from .version import __version__

Progress = Callable[[Doc], None]
Inputs = Iterable[str | os.PathLike[str]] | str | os.PathLike[str] | None
PARTS = ".parts"

__all__ = ["PARTS", "Progress", "ResumeError", "Summary", "analyze", "analyze_to",
           "sample_corpus"]


def sample_corpus() -> Path:
    """The bundled sample reports (``data/reports`` of the repository)."""
    packaged = Path(str(resources.files("seminar_nlp"))) / "sample_data" / "reports"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "data" / "reports"


def analyze(inputs: Inputs = None, *, text_column: str = "text", id_column: str = "id",
            batch_size: int = DEFAULT_BATCH, pipeline: Pipeline | None = None,
            progress: Progress | None = None, workers: int = 1, engine: str = "local",
            scheduler: str | None = None, theme_weights: Weights | None = None) -> Tables:
    """Analyse paths (files, folders, globs) or plain strings of text into tables.

    With no inputs, the bundled sample corpus is analysed. ``workers`` > 1
    runs batches in that many processes; ``engine="dask"`` on a new local
    Dask cluster of ``workers`` processes, or on the one at ``scheduler``.
    ``pipeline`` (models already loaded) is used with one local worker only.
    ``progress`` is called once per document, in input order (with worker
    processes, with a Doc that carries only its source). ``theme_weights``: the
    themes stage's settings (``Weights(entities="keep")`` lists every place and
    person among the themes; see ``docs/tables.md``), when ``pipeline`` is not given.
    """
    with tempfile.TemporaryDirectory(prefix="seminar-nlp-") as folder:
        with _running(Path(folder) / PARTS, _inputs(inputs), resume=False,
                      options=ReadOptions(text_column, id_column), batch_size=batch_size,
                      pipeline=pipeline, progress=progress, workers=workers, engine=engine,
                      scheduler=scheduler, theme_weights=theme_weights) as (store, filled, _):
            return tables(store, filled.numbers)


def analyze_to(output: str | os.PathLike[str], inputs: Inputs = None, *,
               formats: Sequence[str] = ("parquet",), resume: bool = False,
               text_column: str = "text", id_column: str = "id",
               batch_size: int = DEFAULT_BATCH, pipeline: Pipeline | None = None,
               progress: Progress | None = None, workers: int = 1, engine: str = "local",
               scheduler: str | None = None, strict: bool = False,
               follow_links: bool = False, theme_weights: Weights | None = None) -> Summary:
    """Analyse the inputs and write the tables into ``output``, with flat memory.

    Parts go to ``output/.parts`` as batches finish; the final tables are then
    written from them, a batch at a time, each file atomically, and the parts
    are removed. After an interruption, ``resume=True`` with the same inputs
    and options analyses only the batches not yet written (other inputs raise
    ``ResumeError``). When no document could be read, nothing is written and
    ``Summary.nothing_read`` is true. With ``strict=True``, a run in which any
    document failed writes no tables either (``Summary.written`` is false); its
    parts stay in ``output/.parts``, so ``resume=True`` without ``strict`` writes
    the tables without analysing anything again. ``theme_weights`` as for ``analyze``.
    """
    formats = check_formats(formats)
    folder = check_output(Path(output))
    created = not folder.exists()
    with locked(folder):
        recover(folder)
        check_targets(folder, table_files(formats))
        summary, corpus, paths = _analyse_and_publish(
            folder, inputs, formats=formats, resume=resume, options=ReadOptions(
                text_column, id_column, follow_links=follow_links, exclude=(str(folder),)),
            batch_size=batch_size, pipeline=pipeline, progress=progress, workers=workers,
            engine=engine, scheduler=scheduler, strict=strict, theme_weights=theme_weights)
    if summary.nothing_read and created:
        (folder / LOCK).unlink(missing_ok=True)
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    if corpus is None:
        return summary
    return with_corpus(summary, corpus, [str(path) for path in paths])


def _analyse_and_publish(folder: Path, inputs: Inputs, *, formats: Sequence[str], resume: bool,
                         options: ReadOptions, batch_size: int, pipeline: Pipeline | None,
                         progress: Progress | None, workers: int, engine: str,
                         scheduler: str | None, strict: bool, theme_weights: Weights | None
                         ) -> tuple[Summary, Corpus | None, list[Path]]:
    """The run inside the locked folder: parts, then the tables published together."""
    given = _inputs(inputs)
    with _running(folder / PARTS, given, resume=resume, options=options,
                  batch_size=batch_size, pipeline=pipeline, progress=progress,
                  workers=workers, engine=engine, scheduler=scheduler,
                  theme_weights=theme_weights) as (store, filled, runner):
        summary = overview(store, filled.numbers, resumed=filled.resumed)
        if summary.nothing_read:
            store.remove()
            return summary, None, []
        if strict and summary.statuses.get("error", 0):
            return replace(summary, written=False), None, []
        # The corpus-level work runs beside the writing of the tables that do not need it.
        corpus = runner.call(resolve_corpus, store, filled.numbers)
        paths = publish(folder, lambda staging: write_streams(
            streams(store, filled.numbers, corpus.result), staging, formats=formats),
            {"version": __version__, "inputs": describe_inputs(given)}, step=_fault_step)
        store.remove()
        return summary, corpus.result(), paths


def _fault_step(name: str) -> None:
    """The fault tests' hook: with ``SEMINAR_NLP_KILL_AT`` set to a step of the final write,
    the process kills itself there, as a power cut would (tests/output/test_faults.py)."""
    if os.environ.get("SEMINAR_NLP_KILL_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


def _inputs(inputs: Inputs) -> list[str | os.PathLike[str]]:
    if inputs is None:
        return [sample_corpus()]
    if isinstance(inputs, (str, os.PathLike)):
        return [inputs]
    return list(inputs)


def _settings(inputs: list[str | os.PathLike[str]], options: ReadOptions, batch_size: int,
              pipeline: Pipeline | None, theme_weights: Weights | None) -> dict[str, Any]:
    stages = [stage.name for stage in (pipeline or Pipeline(batch_size=batch_size)).stages]
    settings = {"version": __version__, "inputs": describe_inputs(inputs),
                "text_column": options.text_column, "id_column": options.id_column,
                "batch_size": batch_size, "stages": stages}
    if theme_weights is not None and theme_weights != Weights():
        settings["themes"] = asdict(theme_weights)  # a resumed run keeps them
    return settings


@contextmanager
def _running(root: Path, inputs: list[str | os.PathLike[str]], *, resume: bool,
             options: ReadOptions, batch_size: int, pipeline: Pipeline | None,
             progress: Progress | None, workers: int, engine: str,
             scheduler: str | None, theme_weights: Weights | None = None
             ) -> Iterator[tuple[PartStore, Filled, Engine]]:
    """Analyse every batch into parts; the engine stays up for the corpus-level work."""
    check_options(engine, workers=workers, pipeline=pipeline, scheduler=scheduler)
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    if pipeline is not None and theme_weights is not None:
        raise ValueError("theme_weights= sets up the default pipeline: give it to Pipeline() "
                         "with pipeline=")
    runner = make_engine(engine, workers=workers, batch_size=batch_size, pipeline=pipeline,
                         scheduler=scheduler, theme_weights=theme_weights)
    try:
        store = PartStore.open(root, _settings(inputs, options, batch_size, pipeline,
                                               theme_weights), resume=resume)
        filled = fill(store, iter_sources(inputs, options=options), runner,
                      batch_size=batch_size, progress=progress)
        yield store, filled, runner
    finally:
        runner.close()
