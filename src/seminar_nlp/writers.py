"""Write tables as Parquet, CSV, an Excel workbook or a DuckDB database, atomically.

Each file is written under a temporary name in the output folder and moved
into place when complete, so an interrupted run leaves the previous outputs
as they were.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from .tables import Tables

FORMATS = ("parquet", "csv", "xlsx", "duckdb")
WORKBOOK = "seminar-nlp.xlsx"
DATABASE = "seminar-nlp.duckdb"
EXCEL_CELL_LIMIT = 32_767


def check_formats(formats: Sequence[str]) -> list[str]:
    chosen = [item.strip().lower() for item in formats if item.strip()]
    unknown = [item for item in chosen if item not in FORMATS]
    if unknown or not chosen:
        raise ValueError(f"unknown output format {', '.join(unknown) or '(none)'}; "
                         f"choose from: {', '.join(FORMATS)}")
    return list(dict.fromkeys(chosen))


@contextmanager
def atomic(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it to ``path`` on success."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def write_parquet(tables: Tables, folder: Path) -> list[Path]:
    paths = []
    for name, data in tables.items():
        path = folder / f"{name}.parquet"
        with atomic(path) as temporary:
            data.to_parquet(temporary, index=False)
        paths.append(path)
    return paths


def write_csv(tables: Tables, folder: Path) -> list[Path]:
    paths = []
    for name, data in tables.items():
        path = folder / f"{name}.csv"
        with atomic(path) as temporary:
            data.to_csv(temporary, index=False, encoding="utf-8", lineterminator="\n")
        paths.append(path)
    return paths


def _excel_safe(data: pd.DataFrame) -> pd.DataFrame:
    # Excel refuses cells over 32,767 characters: long texts are cut, with a mark.
    out = data.copy()
    for column in out.columns:
        if out[column].dtype == "string":
            long = out[column].str.len() > EXCEL_CELL_LIMIT
            if long.fillna(False).any():
                cut = out.loc[long, column].str.slice(0, EXCEL_CELL_LIMIT - 20) + " …[cut]"
                out.loc[long, column] = cut
    return out


def write_xlsx(tables: Tables, folder: Path) -> list[Path]:
    path = folder / WORKBOOK
    with atomic(path) as temporary:
        with pd.ExcelWriter(temporary, engine="openpyxl") as book:
            for name, data in tables.items():
                _excel_safe(data).to_excel(book, sheet_name=name, index=False)
    return [path]


def write_duckdb(tables: Tables, folder: Path) -> list[Path]:
    import duckdb

    path = folder / DATABASE
    with atomic(path) as temporary:
        temporary.unlink()  # duckdb creates the file itself
        connection = duckdb.connect(str(temporary))
        try:
            for name, data in tables.items():
                connection.register("frame", data)
                connection.execute(f'CREATE TABLE "{name}" AS SELECT * FROM frame')
                connection.unregister("frame")
        finally:
            connection.close()
    return [path]


WRITERS: dict[str, Callable[[Tables, Path], list[Path]]] = {
    "parquet": write_parquet, "csv": write_csv, "xlsx": write_xlsx, "duckdb": write_duckdb,
}


def write_tables(tables: Tables, folder: Path, *, formats: Sequence[str]) -> list[Path]:
    paths = []
    for name in check_formats(formats):
        paths.extend(WRITERS[name](tables, folder))
    return paths
