"""A self-contained HTML report of the tables: one file, viewable without a network.

Usage::

    from seminar_nlp import analyze
    from seminar_nlp.report import write_report

    write_report(analyze(), "report.html")                # from Tables
    write_report("seminar-nlp-output", "report.html")     # from an output folder

The page (Russian interface) has the summary numbers, people with their roles,
organisations, places, events on a timeline, corpus themes as a bar chart and
every document with its entities highlighted. CSS and script are inline
(``report_template.html``), charts are inline SVG: nothing is fetched when the
file is opened. From the command line: ``seminar-nlp report OUTPUT_DIR -o
report.html`` (``report_main``), or ``python -m seminar_nlp.report``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from html import escape
from importlib import resources
from pathlib import Path

import pandas as pd

from .report_charts import events, themes
from .report_docs import documents
from .report_html import Context, organisations, people, summary
from .tables import COLUMNS, FLOAT_COLUMNS, INTEGER_COLUMNS, TABLE_NAMES, Tables, frame
from .writers import DATABASE, WORKBOOK, atomic

TITLE = "Отчёт seminar-nlp"
TEMPLATE = "report_template.html"
DEFAULT_NAME = "report.html"

Source = Tables | str | os.PathLike[str]


class NoTables(FileNotFoundError):
    """The folder holds none of the tables written by ``seminar-nlp analyze``."""


def read_table(folder: Path, name: str) -> pd.DataFrame | None:
    """``<name>.parquet``, else ``<name>.csv``, from an output folder; None if neither."""
    parquet, csv = folder / f"{name}.parquet", folder / f"{name}.csv"
    if parquet.is_file():
        return pd.read_parquet(parquet)
    if csv.is_file():
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
    """Parquet or CSV files, else the DuckDB database, else the Excel workbook."""
    found = {name: read_table(folder, name) for name in TABLE_NAMES}
    if any(data is not None for data in found.values()):
        return found
    if (folder / DATABASE).is_file():
        return read_database(folder / DATABASE)
    if (folder / WORKBOOK).is_file():
        return read_workbook(folder / WORKBOOK)
    return found


def conform(name: str, data: pd.DataFrame) -> pd.DataFrame:
    """Contract columns present, with the contract's dtypes (CSV reads everything as text)."""
    data = data.reset_index(drop=True)
    for column in COLUMNS[name]:
        if column not in data.columns:
            data[column] = pd.NA
        if column in INTEGER_COLUMNS:
            data[column] = pd.to_numeric(data[column], errors="coerce").astype("Int64")
        elif column in FLOAT_COLUMNS:
            data[column] = pd.to_numeric(data[column], errors="coerce").astype("Float64")
        elif data[column].dtype != "string":
            data[column] = data[column].astype("string")
    return data


def load_tables(folder: str | os.PathLike[str]) -> Tables:
    """The tables of an output folder of ``seminar-nlp analyze`` (any of its formats)."""
    path = Path(folder)
    if not path.is_dir():
        raise NoTables(f"no such folder: {path}")
    found = read_folder(path)
    if all(data is None for data in found.values()):
        raise NoTables(f"no tables (<table>.parquet, <table>.csv, {DATABASE} or {WORKBOOK}) "
                       f"in {path}")
    return Tables(**{name: conform(name, frame(name, []) if data is None else data)
                     for name, data in found.items()})


def as_tables(source: Source) -> tuple[Tables, str]:
    """The tables and a label saying where they come from."""
    if isinstance(source, Tables):
        conformed = {name: conform(name, data) for name, data in source.items()}
        return Tables(**conformed), "таблицы из seminar_nlp.analyze()"
    return load_tables(source), f"папка {Path(source)}"


def template() -> str:
    return (resources.files("seminar_nlp") / TEMPLATE).read_text(encoding="utf-8")


def render(tables: Tables, *, title: str = TITLE, origin: str = "") -> str:
    """The report's HTML as one string."""
    ctx = Context.build(tables)
    stamp = datetime.now().strftime("%d.%m.%Y %H:%M")
    subtitle = " · ".join(part for part in (origin, f"создан {stamp}") if part)
    timeline, chart = events(ctx), themes(ctx)
    if 'id="themes-chart"' in chart:  # side by side; a lone note goes under the timeline
        timeline, chart = f'<div class="grid2">{timeline}{chart}</div>', ""
    body = "".join([summary(tables), people(ctx), organisations(ctx, "ORG"), timeline, chart,
                    organisations(ctx, "LOC"), documents(ctx)])
    page = template().replace("<!--TITLE-->", escape(title)).replace("<!--SUBTITLE-->",
                                                                     escape(subtitle))
    return page.replace("<!--BODY-->", body)


def write_report(source: Source, path: str | os.PathLike[str], *, title: str = TITLE) -> Path:
    """Write the report of ``Tables`` or of an output folder to ``path``; returns the path."""
    tables, origin = as_tables(source)
    html = render(tables, title=title, origin=origin)
    target = Path(path)
    with atomic(target) as temporary:
        temporary.write_text(html, encoding="utf-8")
        temporary.chmod(0o644)  # a page to share, not a private temporary file
    return target


def add_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options of ``seminar-nlp report``."""
    parser.add_argument("tables", metavar="OUTPUT_DIR",
                        help="folder written by 'seminar-nlp analyze' (any of its formats)")
    parser.add_argument("-o", "--output", metavar="HTML",
                        help=f"report file (default: OUTPUT_DIR/{DEFAULT_NAME})")
    parser.add_argument("--title", default=TITLE, help="page title")
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    return parser


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``report`` among the subcommands of the ``seminar-nlp`` parser."""
    add_arguments(commands.add_parser("report", help="write an HTML report of an output folder"))


def report_command(args: argparse.Namespace) -> int:
    """Run ``seminar-nlp report`` from parsed arguments: 0 on success, 2 without tables."""
    output = Path(args.output) if args.output else Path(args.tables) / DEFAULT_NAME
    try:
        path = write_report(args.tables, output, title=args.title)
    except NoTables as error:
        print(f"seminar-nlp report: {error}", file=sys.stderr)
        return 2
    if not args.quiet:
        print(f"report: {path} ({path.stat().st_size // 1024} KB)")
    return 0


def report_main(argv: Sequence[str] | None = None) -> int:
    """``seminar-nlp report OUTPUT_DIR [-o report.html]`` as a function."""
    parser = add_arguments(argparse.ArgumentParser(
        prog="seminar-nlp report", description="Write a self-contained HTML report."))
    return report_command(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(report_main())
