"""Read the tables of an output folder back, from any of the formats it was written in."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from ..output.commit import MANIFEST, current_files
from . import Tables
from .schema import TABLE_NAMES, conform, frame
from .write import DATABASE, WORKBOOK


class NoTables(FileNotFoundError):
    """The folder holds none of the tables written by ``seminar-nlp analyze``."""


def read_table(files: dict[str, Path], name: str) -> pd.DataFrame | None:
    """``<name>.parquet``, else ``<name>.csv``, of the current set; None if neither."""
    parquet, csv = files.get(f"{name}.parquet"), files.get(f"{name}.csv")
    if parquet is not None:
        return pd.read_parquet(parquet)
    if csv is not None:
        return pd.read_csv(csv, dtype=str, keep_default_na=False, na_values=[""])
    return None


def read_database(path: Path) -> dict[str, pd.DataFrame | None]:
    """The tables of a ``seminar-nlp.duckdb`` file."""
    import duckdb

    with duckdb.connect(str(path), read_only=True) as database:
        present = {row[0] for row in database.execute("SHOW TABLES").fetchall()}
        return {name: database.execute(f'SELECT * FROM "{name}"').df() if name in present
                else None for name in TABLE_NAMES}


def read_workbook(path: Path) -> dict[str, pd.DataFrame | None]:
    """The sheets of a ``seminar-nlp.xlsx`` workbook."""
    sheets = pd.read_excel(path, sheet_name=None, dtype=str)
    return {name: sheets.get(name) for name in TABLE_NAMES}


def read_folder(folder: Path) -> dict[str, pd.DataFrame | None]:
    """The current set of an output folder, as its manifest names it: Parquet or CSV files,
    else the DuckDB database, else the Excel workbook."""
    try:
        files = current_files(folder)
    except FileNotFoundError:
        raise NoTables(f"no tables in {folder}: it has no {MANIFEST} (written by "
                       "seminar-nlp analyze or Tables.save)") from None
    found = {name: read_table(files, name) for name in TABLE_NAMES}
    if any(data is not None for data in found.values()):
        return found
    if DATABASE in files:
        return read_database(files[DATABASE])
    if WORKBOOK in files:
        return read_workbook(files[WORKBOOK])
    return found


def load_tables(folder: str | os.PathLike[str]) -> Tables:
    """The tables of an output folder of ``seminar-nlp analyze`` (any of its formats)."""
    path = Path(folder)
    if not path.is_dir():
        raise NoTables(f"no such folder: {path}")
    found = read_folder(path)
    if all(data is None for data in found.values()):
        raise NoTables(f"no tables (<table>.parquet, <table>.csv, {DATABASE} or {WORKBOOK}) "
                       f"in {path}")
    return Tables(**{name: conform(name, (frame(name, []) if data is None else data)
                                   .reset_index(drop=True))
                     for name, data in found.items()})
