"""The output tables: their contract (``schema``), how they are built from documents
(``build``), written (``write``) and read back (``read``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd

from ..output.commit import check_targets, publish
from ..output.folder import check_output
from ..output.lock import locked
from .schema import COLUMNS, PER_DOC_TABLES, TABLE_NAMES, frame
from .write import check_formats, table_files, write_tables

__all__ = ["COLUMNS", "PER_DOC_TABLES", "TABLE_NAMES", "Tables"]


@dataclass
class Tables:
    """The output tables of one analysis, as pandas DataFrames."""

    documents: pd.DataFrame
    sentences: pd.DataFrame
    tokens: pd.DataFrame
    mentions: pd.DataFrame
    entities: pd.DataFrame
    roles: pd.DataFrame
    themes: pd.DataFrame
    corpus_themes: pd.DataFrame
    corpus_topics: pd.DataFrame
    events: pd.DataFrame
    quotes: pd.DataFrame

    def items(self) -> list[tuple[str, pd.DataFrame]]:
        return [(field.name, getattr(self, field.name)) for field in fields(self)]

    def save(self, folder: str | Path, *, formats: Sequence[str] = ("parquet",)) -> list[Path]:
        """Write every table in each format; returns the paths written."""

        target = check_output(Path(folder))
        with locked(target):
            check_targets(target, table_files(check_formats(formats)))
            return publish(target, lambda staging: write_tables(self.items(), staging,
                                                                formats=formats),
                           {"source": "Tables.save"})

    @classmethod
    def empty(cls) -> Tables:
        return cls(**{name: frame(name, []) for name in TABLE_NAMES})
