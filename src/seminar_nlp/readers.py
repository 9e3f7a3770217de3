"""Inputs to ``Source`` records, lazily, one per document.

Paths (files, folders searched recursively, glob patterns) and plain strings
of text. ``.html`` goes through trafilatura (the article text a news reader
shows), ``.csv``/``.jsonl`` give one document per row, and any other file that
decodes as text (``.txt``, ``.md``, ...) is read as it is. Whatever cannot be
read still yields a ``Source`` with status ``error`` and a one-line reason, so
every input is accounted for: a named pipe, socket or device is refused without
being read (a pipe would block the run), a file gone between the listing of its
folder and its reading is reported as such, and a table file with no rows
still gets its row.
"""

from __future__ import annotations

import csv
import errno
import glob
import io
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .cleaning import clean, is_blank, without_surrogates
from .decoding import DecodeError, decode, replaced
from .records import Source, Status
from .walk import walk

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + TABLE_SUFFIXES
METADATA_COLUMNS = ("title", "date", "source")
CONTINUED_LINE = re.compile(r"\n(?=[a-zа-яё])")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    text_column: str = "text"
    id_column: str = "id"
    follow_links: bool = False  # read links that lead out of the input folders, and linked folders
    exclude: tuple[str, ...] = ()  # output folders: the files the tool writes there are no inputs


def iter_sources(inputs: Iterable[str | os.PathLike[str]], *,
                 options: ReadOptions = ReadOptions()) -> Iterator[Source]:
    """Yield a Source for every document of every input, in input order."""
    seen: dict[str, int] = {}  # every doc_id given so far -> the last suffix tried for it
    texts = 0
    for item in inputs:
        if isinstance(item, str) and not _looks_like_path(item):
            texts += 1
            sources: Iterable[Source] = [_text_source(f"text-{texts}", "<text>", item)]
        else:
            sources = _path_sources(os.fspath(item), options)
        for source in sources:
            yield _unique(encodable(source), seen)


def encodable(source: Source) -> Source:
    """The source with every string encodable: no lone surrogates in its id, path, text,
    title, date or metadata (they would stop the writing of the tables)."""
    fix = without_surrogates
    fixed = replace(source, doc_id=fix(source.doc_id), source=fix(source.source),
                    text=fix(source.text), title=source.title and fix(source.title),
                    date=source.date and fix(source.date),
                    error=source.error and fix(source.error),
                    meta=_encodable_value(source.meta) if source.meta else source.meta)
    return source if fixed == source else fixed


def _encodable_value(value: Any) -> Any:
    if isinstance(value, str):
        return without_surrogates(value)
    if isinstance(value, dict):
        return {_encodable_value(key): _encodable_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_encodable_value(item) for item in value]
    return value


def _looks_like_path(item: str) -> bool:
    """A string names a file when it exists, is a glob, or reads like a path to one of our
    file types; anything else is a text ("Привет." is a text, "reports/a.txt" a path)."""
    if "\n" in item or len(item) > 4096:
        return False
    if os.path.exists(item) or glob.has_magic(item) and glob.glob(item):
        return True
    return not any(ch.isspace() for ch in item) and (
        os.sep in item or Path(item).suffix.lower() in SUFFIXES)


def _unique(source: Source, seen: dict[str, int]) -> Source:
    """The source, or under ``<doc_id>~<n>`` (n = 2, 3, ...) when its id was given before.

    A renamed id never takes one that an input gave itself: ids "a", "a", "a~2" come
    out as "a", "a~2", "a~2~2".
    """
    if source.doc_id not in seen:
        seen[source.doc_id] = 1
        return source
    count = seen[source.doc_id]
    while True:
        count += 1
        new_id = f"{source.doc_id}~{count}"
        if new_id not in seen:
            break
    seen[source.doc_id] = count
    seen[new_id] = 1
    meta = {**source.meta, "renamed_from": source.doc_id}
    return replace(source, doc_id=new_id, meta=meta)


def _text_source(doc_id: str, origin: str, text: str, **fields: Any) -> Source:
    text = clean(text)
    status: Status = "empty" if is_blank(text) else "ok"
    error = None if status == "ok" else "no text"
    return Source(doc_id, origin, text, status, error, **fields)


def _error(doc_id: str, origin: str, reason: str) -> Source:
    return Source(doc_id, origin, "", "error", reason)


def _path_sources(item: str, options: ReadOptions) -> Iterator[Source]:
    if glob.has_magic(item) and not os.path.exists(item):
        matches = sorted(glob.glob(item, recursive=True))
        if not matches:
            yield _error(Path(item).name, item, "no file matches this pattern")
        for match in matches:
            yield from _path_sources(match, options)
        return
    path = Path(item)
    if path.is_dir():
        found = sorted(walk(path, follow_links=options.follow_links, exclude=options.exclude),
                       key=lambda pair: str(pair[0]))
        if not found:
            yield _error(path.name or str(path), item, "folder holds no files to read")
        for file, problem in found:
            if problem is None:
                yield from _file_sources(file, options)
            else:
                yield _error(file.stem or file.name, str(file), problem)
    elif path.exists() or path.is_symlink():
        yield from _file_sources(path, options)  # a path the user named is read as given
    else:
        yield _error(path.stem or item, item, "no such file or folder")


def _file_sources(path: Path, options: ReadOptions) -> Iterator[Source]:
    origin = str(path)
    suffix = path.suffix.lower()
    try:
        data = _read_bytes(path)
    except OSError as error:
        yield _error(path.stem, origin, f"cannot read: {_read_problem(path, error)}")
        return
    try:
        text, encoding = decode(data)
    except DecodeError as error:
        yield _error(path.stem, origin, str(error))
        return
    if suffix in TABLE_SUFFIXES:
        yield from _table_sources(path, text, options)
    elif suffix in HTML_SUFFIXES:
        yield _html_source(path, text)
    else:
        meta: dict[str, Any] = {"encoding": encoding}
        if encoding == "utf-8-replaced":  # the bytes that were no UTF-8, each now U+FFFD
            meta["replaced_bytes"] = replaced(text, data)
        yield _text_source(path.stem, origin, text, meta=meta)


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"))


class NotRegularFile(OSError):
    """The path is a pipe, socket, device or folder: nothing to read as a document."""


def _read_bytes(path: Path) -> bytes:
    """The content of a regular file; anything else raises ``OSError`` before it is read.

    Opening without blocking and checking the opened file again closes the gap between
    the check and the open (a pipe put in the file's place would block the run).
    """
    _check_regular(os.stat(path).st_mode)
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                         | getattr(os, "O_BINARY", 0))
    with open(descriptor, "rb") as file:
        _check_regular(os.fstat(file.fileno()).st_mode)
        return file.read()


def _check_regular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "a special file")
        raise NotRegularFile(f"not a regular file ({kind})")


def _read_problem(path: Path, error: OSError) -> str:
    if isinstance(error, NotRegularFile):
        return str(error)
    if error.errno == errno.ENOENT:
        if path.is_symlink():
            return "broken symbolic link"
        return "the file disappeared before it could be read"
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return error.strerror or str(error)


def _html_source(path: Path, html: str) -> Source:
    import trafilatura

    extracted = trafilatura.extract(html, output_format="json", with_metadata=True,
                                    include_comments=False, include_tables=True)
    if not extracted:
        return Source(path.stem, str(path), "", "empty", "no article text found in the HTML")
    record = json.loads(extracted)
    # A line break of the page's source inside a sentence is no break in the text: the
    # sentence continues in lower case ("чтобы сайт работал\nлучше").
    text = CONTINUED_LINE.sub(" ", record.get("text") or "")
    return _text_source(path.stem, str(path), text,
                        title=record.get("title") or None, date=record.get("date") or None)


def _table_sources(path: Path, text: str, options: ReadOptions) -> Iterator[Source]:
    """One Source a row; a file that gives no row at all still gets one, saying why."""
    jsonl = path.suffix.lower() in (".jsonl", ".ndjson")
    rows = _jsonl_sources(path, text, options) if jsonl else _csv_sources(path, text, options)
    given = False
    for source in rows:
        given = True
        yield source
    if not given:
        yield Source(path.stem, str(path), "", "empty", "no rows")


def _missing_column(path: Path, options: ReadOptions, columns: Iterable[Any]) -> Source:
    found = ", ".join(map(str, columns)) or "(none)"
    return _error(path.stem, str(path),
                  f"no text column {options.text_column!r}; columns found: {found}")


def _csv_sources(path: Path, text: str, options: ReadOptions) -> Iterator[Source]:
    """The header decides: without the text column, the whole file is one error."""
    header, rows = _csv_rows(text)
    if header is None:
        return
    if options.text_column not in header:
        yield _missing_column(path, options, header)
        return
    for number, row, problem in rows:
        row_id = f"{path.stem}:{number}"
        if problem is not None:
            yield _error(row_id, str(path), problem)
        else:
            assert row is not None
            yield _row_source(row, row_id, str(path), options)


def _jsonl_sources(path: Path, text: str, options: ReadOptions) -> Iterator[Source]:
    """Each line its own object: a line without the text field is that row's error.

    Only when no object holds the text field is the file one error, naming the
    fields found (rows are held back until the first object that has it).
    """
    held: list[Source] = []
    fields: dict[str, None] = {}  # of the objects without the text field, in order
    objects = seen_text = False
    for number, row, problem in _jsonl_rows(text):
        row_id = f"{path.stem}:{number}"
        if problem is not None:
            source = _error(row_id, str(path), problem)
        else:
            assert row is not None
            objects = True
            if options.text_column in row:
                seen_text = True
                source = _row_source(row, row_id, str(path), options)
            else:
                fields.update(dict.fromkeys(map(str, row)))
                found = ", ".join(map(str, row)) or "(none)"
                given = row.get(options.id_column)
                source = _error(str(given).strip() if given not in (None, "") else row_id,
                                str(path), f"line {number}: no text field "
                                f"{options.text_column!r}; fields found: {found}")
        if seen_text:
            yield from held
            held.clear()
            yield source
        else:
            held.append(source)
    if objects and not seen_text:
        yield _missing_column(path, options, fields)
    else:
        yield from held


def _row_source(row: dict[str, Any], row_id: str, origin: str, options: ReadOptions) -> Source:
    value = row.get(options.id_column)
    doc_id = str(value).strip() if value not in (None, "") else row_id
    fields = {key: _text_or_none(row.get(key)) for key in METADATA_COLUMNS}
    meta = {key: value for key, value in row.items()
            if key not in (options.text_column, options.id_column, *METADATA_COLUMNS)}
    text = row.get(options.text_column)
    return _text_source(doc_id, fields.pop("source") or origin, "" if text is None else str(text),
                        title=fields["title"], date=fields["date"], meta=meta)


def _text_or_none(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


Row = tuple[int, dict[str, Any] | None, str | None]


def _jsonl_rows(text: str) -> Iterator[Row]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            yield number, None, f"line {number}: malformed JSON ({error.msg})"
            continue
        if not isinstance(row, dict):
            yield number, None, f"line {number}: a JSON object was expected"
            continue
        yield number, row, None


def _csv_rows(text: str) -> tuple[list[str] | None, Iterator[Row]]:
    """The header (None when the file has none) and the data rows after it."""
    # A report is often longer than the csv module's default cell limit (128 KiB).
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        return None, iter(())

    def records() -> Iterator[Row]:
        rows = enumerate(reader, 1)
        while True:
            try:
                number, cells = next(rows)
            except StopIteration:
                return
            except csv.Error as error:
                yield reader.line_num, None, f"line {reader.line_num}: unreadable CSV ({error})"
                return
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(header):
                yield number, None, (f"row {number} (line {reader.line_num}): {len(cells)} "
                                     f"cells where the header has {len(header)}")
                continue
            yield number, dict(zip(header, cells, strict=True)), None

    return header, records()
