"""Write tables as Parquet, CSV, an Excel workbook or a DuckDB database, atomically.

Each file is written under a temporary name in the output folder and moved
into place when complete, so an interrupted run leaves the previous outputs
as they were. A table comes as a stream of chunks (``write_streams``), so
Parquet, CSV and DuckDB outputs are written a chunk at a time and a large
corpus never has to be in memory whole; an Excel workbook is built in memory
(one table at a time) whatever its source.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from .schema import TABLE_NAMES

FORMATS = ("parquet", "csv", "xlsx", "duckdb")
WORKBOOK = "seminar-nlp.xlsx"
DATABASE = "seminar-nlp.duckdb"
EXCEL_CELL_LIMIT = 32_767
REPLACEMENT = "\ufffd"
# Characters a format cannot carry: NUL in CSV; in a workbook every control character but
# tab, line feed and carriage return (what openpyxl refuses).
CSV_CANNOT_CARRY = re.compile("\x00")
XLSX_CANNOT_CARRY = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")

# A table as chunks of rows: called once per file written, it yields at least one
# chunk (an empty one with the columns when the table has no rows). A chunk is a
# DataFrame, or an Arrow table written from one (its pandas metadata gives the
# DataFrame back).
Chunk = Any  # pd.DataFrame | pyarrow.Table
Stream = Callable[[], Iterator[Chunk]]
Streams = Mapping[str, Stream]


def table_files(formats: Sequence[str]) -> list[str]:
    """The names of the files that tables in these formats take in the output folder."""
    names: list[str] = []
    for kind in formats:
        if kind in ("parquet", "csv"):
            names += [f"{name}.{kind}" for name in TABLE_NAMES]
        else:
            names.append(WORKBOOK if kind == "xlsx" else DATABASE)
    return names


def check_formats(formats: Sequence[str]) -> list[str]:
    chosen = [item.strip().lower() for item in formats if item.strip()]
    unknown = [item for item in chosen if item not in FORMATS]
    if unknown or not chosen:
        raise ValueError(f"unknown output format {', '.join(unknown) or '(none)'}; "
                         f"choose from: {', '.join(FORMATS)}")
    return list(dict.fromkeys(chosen))


@cache
def umask() -> int:
    """The process's umask (read by setting it, so once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def atomic(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it to ``path`` on success."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    # mkstemp makes the file private (0600); tables get the mode any new file gets.
    temporary.chmod(0o666 & ~umask())
    try:
        yield temporary
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def write_parquet(streams: Streams, folder: Path) -> list[Path]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    paths = []
    for name, stream in streams.items():
        path = folder / f"{name}.parquet"
        with atomic(path) as temporary:
            writer = None
            try:
                for data in stream():
                    table = (pa.Table.from_pandas(data, preserve_index=False)
                             if isinstance(data, pd.DataFrame) else data)
                    if writer is None:
                        writer = pq.ParquetWriter(temporary, table.schema)
                    writer.write_table(table.cast(writer.schema))
            finally:
                if writer is not None:
                    writer.close()
            if writer is None:
                raise ValueError(f"table {name!r} came with no chunk, not even an empty one")
        paths.append(path)
    return paths


def write_csv(streams: Streams, folder: Path) -> list[Path]:
    paths = []
    for name, stream in streams.items():
        path = folder / f"{name}.csv"
        with atomic(path) as temporary:
            with open(temporary, "w", encoding="utf-8", newline="") as handle:
                for number, chunk in enumerate(stream()):
                    carried(as_frame(chunk), CSV_CANNOT_CARRY).to_csv(
                        handle, index=False, header=number == 0, lineterminator="\n")
        paths.append(path)
    return paths


def as_frame(chunk: Chunk) -> pd.DataFrame:
    return chunk if isinstance(chunk, pd.DataFrame) else chunk.to_pandas()


def _whole(stream: Stream) -> pd.DataFrame:
    chunks = [as_frame(chunk) for chunk in stream()]
    if len(chunks) == 1:
        return chunks[0]
    return pd.concat([chunk for chunk in chunks if not chunk.empty] or chunks[:1],
                     ignore_index=True)


def carried(data: pd.DataFrame, cannot: re.Pattern[str]) -> pd.DataFrame:
    """The one rule for characters a format cannot carry: each becomes U+FFFD, one character
    for one, so offsets into ``documents.text`` still hold (docs/tables.md)."""
    out = None
    for column in data.columns:
        if data[column].dtype == "string" and data[column].str.contains(cannot).any():
            out = data.copy() if out is None else out
            out[column] = out[column].str.replace(cannot, REPLACEMENT, regex=True)
    return data if out is None else out


def _excel_safe(data: pd.DataFrame) -> pd.DataFrame:
    # Excel refuses control characters (the rule above) and cells over 32,767 characters
    # (long texts are cut, with a mark).
    out = carried(data, XLSX_CANNOT_CARRY)
    for column in out.columns:
        if out[column].dtype == "string":
            long = out[column].str.len() > EXCEL_CELL_LIMIT
            if long.fillna(False).any():
                out = out.copy() if out is data else out
                cut = out.loc[long, column].str.slice(0, EXCEL_CELL_LIMIT - 20) + " …[cut]"
                out.loc[long, column] = cut
    return out


def _cell(sheet: Any, value: Any) -> Any:
    """A value as a cell: text always as text, never as a formula ("=HYPERLINK(...)")."""
    from openpyxl.cell import WriteOnlyCell

    if value is None or value is pd.NA or isinstance(value, float) and value != value:
        return None
    if isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def in_contract_order(streams: Streams) -> list[tuple[str, Stream]]:
    """The tables in the order of TABLES.md (the streams may come in another)."""
    rank = {name: index for index, name in enumerate(TABLE_NAMES)}
    return sorted(streams.items(), key=lambda item: rank.get(item[0], len(rank)))


def write_xlsx(streams: Streams, folder: Path) -> list[Path]:
    from openpyxl import Workbook

    path = folder / WORKBOOK
    with atomic(path) as temporary:
        book = Workbook(write_only=True)
        for name, stream in in_contract_order(streams):
            data, sheet = _excel_safe(_whole(stream)), book.create_sheet(name)
            sheet.append(list(data.columns))
            for row in data.astype(object).itertuples(index=False, name=None):
                sheet.append([_cell(sheet, value) for value in row])
        book.save(temporary)
    return [path]


def write_duckdb(streams: Streams, folder: Path) -> list[Path]:
    import duckdb

    path = folder / DATABASE
    with atomic(path) as temporary:
        temporary.unlink()  # duckdb creates the file itself
        connection = duckdb.connect(str(temporary))
        try:
            for name, stream in streams.items():
                for number, chunk in enumerate(stream()):
                    connection.register("frame", as_frame(chunk))
                    connection.execute(f'CREATE TABLE "{name}" AS SELECT * FROM frame'
                                       if number == 0 else
                                       f'INSERT INTO "{name}" SELECT * FROM frame')
                    connection.unregister("frame")
        finally:
            connection.close()
    return [path]


WRITERS: dict[str, Callable[[Streams, Path], list[Path]]] = {
    "parquet": write_parquet, "csv": write_csv, "xlsx": write_xlsx, "duckdb": write_duckdb,
}


def write_streams(streams: Streams, folder: Path, *, formats: Sequence[str]) -> list[Path]:
    """Write every table, chunk by chunk, in each format; returns the paths written."""
    paths = []
    for name in check_formats(formats):
        paths.extend(WRITERS[name](streams, folder))
    return paths


def write_tables(tables: Iterable[tuple[str, pd.DataFrame]], folder: Path, *,
                 formats: Sequence[str]) -> list[Path]:
    """Write tables held in memory (each one chunk) in each format."""
    streams = {name: one_chunk(data) for name, data in tables}
    return write_streams(streams, folder, formats=formats)


def one_chunk(data: pd.DataFrame) -> Stream:
    """A table held in memory as a stream of one chunk."""
    return lambda: iter([data])
