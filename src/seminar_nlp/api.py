"""The library entry point: inputs in, ``Tables`` out."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path

import pandas as pd

from .corpus import link_entities, resolve
from .pipeline import DEFAULT_BATCH, Pipeline, batched
from .readers import ReadOptions, iter_sources
from .records import Doc
from .tables import PER_DOC_TABLES, TABLE_NAMES, Tables, doc_frames, frame

Progress = Callable[[Doc], None]


def sample_corpus() -> Path:
    """The bundled sample reports (``data/reports`` of the repository)."""
    packaged = Path(str(resources.files("seminar_nlp"))) / "sample_data" / "reports"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "data" / "reports"


def analyze(inputs: Iterable[str | os.PathLike[str]] | str | os.PathLike[str] | None = None,
            *, text_column: str = "text", id_column: str = "id",
            batch_size: int = DEFAULT_BATCH, pipeline: Pipeline | None = None,
            progress: Progress | None = None) -> Tables:
    """Analyse paths (files, folders, globs) or plain strings of text into tables.

    With no inputs, the bundled sample corpus is analysed.
    """
    if inputs is None:
        inputs = [sample_corpus()]
    elif isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    pipeline = pipeline or Pipeline(batch_size=batch_size)
    sources = iter_sources(inputs, options=ReadOptions(text_column, id_column))
    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in PER_DOC_TABLES}
    for chunk in batched(pipeline.run(sources), batch_size):
        for name, data in doc_frames(chunk).items():
            parts[name].append(data)
        if progress is not None:
            for doc in chunk:
                progress(doc)
    tables = {name: _concat(name, parts[name]) for name in PER_DOC_TABLES}
    tables["mentions"], tables["entities"] = resolve(tables["mentions"])
    link_entities(tables)
    for name in TABLE_NAMES:
        tables.setdefault(name, frame(name, []))
    return Tables(**tables)


def _concat(name: str, frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [data for data in frames if not data.empty]
    if not frames:
        return frame(name, [])
    return pd.concat(frames, ignore_index=True)
