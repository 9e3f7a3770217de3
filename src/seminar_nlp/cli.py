"""The ``seminar-nlp`` command: a thin shell over ``seminar_nlp.analyze``.

Exit status: 0 when every input was processed, 1 when some inputs failed
(their ``documents`` rows say why), 2 for a usage error or when no input could
be read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .writers import FORMATS, check_formats

if TYPE_CHECKING:
    from .tables import Tables

DEFAULT_OUTPUT = "seminar-nlp-output"
TYPES = ("PER", "ORG", "LOC")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="seminar-nlp",
                                     description="Russian event reports to tables.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = commands.add_parser("analyze", help="analyse a corpus and write the tables")
    run.add_argument("inputs", nargs="*", metavar="INPUT",
                     help="files, folders or glob patterns (default: the bundled sample corpus)")
    run.add_argument("-o", "--output", default=DEFAULT_OUTPUT,
                     help=f"output folder (default: {DEFAULT_OUTPUT})")
    run.add_argument("-f", "--format", default="parquet",
                     help=f"comma-separated output formats from: {', '.join(FORMATS)} "
                          "(default: parquet)")
    run.add_argument("--text-column", default="text", help="text column of CSV/JSONL inputs")
    run.add_argument("--id-column", default="id", help="id column of CSV/JSONL inputs")
    run.add_argument("--batch-size", type=int, default=32, help="documents per batch")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        formats = check_formats(args.format.split(","))
    except ValueError as error:
        parser.error(str(error))
    if args.batch_size < 1:
        parser.error("--batch-size must be at least 1")
    return analyze_command(args.inputs, output=Path(args.output), formats=formats,
                           text_column=args.text_column, id_column=args.id_column,
                           batch_size=args.batch_size, quiet=args.quiet)


def analyze_command(inputs: Sequence[str], *, output: Path, formats: Sequence[str],
                    text_column: str = "text", id_column: str = "id", batch_size: int = 32,
                    quiet: bool = False) -> int:
    from tqdm import tqdm

    from . import api

    paths = [Path(item) for item in inputs] or None
    with tqdm(desc="documents", unit="doc", disable=True if quiet else None,
              file=sys.stderr) as bar:
        tables = api.analyze(paths, text_column=text_column, id_column=id_column,
                             batch_size=batch_size, progress=lambda doc: bar.update())
    documents = tables.documents
    failed = documents[documents["status"] == "error"]
    if len(failed) == len(documents):
        print("seminar-nlp: no input could be read:", file=sys.stderr)
        for row in failed.itertuples():
            print(f"  {row.source}: {row.error}", file=sys.stderr)
        return 2
    written = tables.save(output, formats=formats)
    if not quiet:
        print(summary(tables, output, len(written)))
    return 1 if len(failed) else 0


def summary(tables: Tables, output: Path, n_files: int) -> str:
    documents, mentions = tables.documents, tables.mentions
    statuses = documents["status"].value_counts()
    by_type = mentions["type"].value_counts()
    lines = [
        f"documents: {len(documents)} (ok {statuses.get('ok', 0)}, empty "
        f"{statuses.get('empty', 0)}, error {statuses.get('error', 0)})",
        f"sentences: {len(tables.sentences)}, tokens: {len(tables.tokens)}",
        "mentions: " + ", ".join(f"{kind} {by_type.get(kind, 0)}" for kind in TYPES),
        f"entities: {len(tables.entities)}",
    ]
    for row in documents[documents["status"] != "ok"].itertuples():
        lines.append(f"  {row.status}: {row.source}: {row.error}")
    lines.append(f"output: {output}/ ({n_files} files)")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
