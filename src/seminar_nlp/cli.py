"""The ``seminar-nlp`` command: a thin shell over ``seminar_nlp.api.analyze_to`` and
``seminar_nlp.report.write_report``; all argument parsing of the command is here.

Exit status: 0 when every input was processed, 1 when some inputs failed
(their ``documents`` rows say why; with ``--strict`` nothing is written
then), 2 for a usage error, when no input could
be read or when ``--resume`` cannot continue the interrupted run, 130 when
interrupted (Ctrl-C; run the same command with ``--resume`` to continue), 3 when the tables
are written but the HTML report could not be made (``report``: 2 when the folder holds no
tables or tables that disagree with its manifest, 3 when the report could not be made).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import report
from .engines import ENGINES, EngineError
from .output.commit import TablesMismatch
from .output.folder import OutputError
from .stages.themes.model import ENTITIES, Weights
from .tables.read import NoTables
from .tables.write import FORMATS, check_formats

if TYPE_CHECKING:
    from .engines.summary import Summary

DEFAULT_OUTPUT = "seminar-nlp-output"
TYPES = ("PER", "ORG", "LOC")
INTERRUPTED = 130
REPORT_FAILED = 3


@dataclass(frozen=True)
class RunOptions:
    """How to run: batches, workers, engine, resume."""

    batch_size: int = 32
    workers: int = 1
    engine: str = "local"
    scheduler: str | None = None
    resume: bool = False
    strict: bool = False


def default_workers() -> int:
    return os.cpu_count() or 1


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
    run.add_argument("-w", "--workers", type=int, default=None,
                     help="worker processes (default: the number of cores, "
                          f"{default_workers()} here; 1 runs in this process)")
    run.add_argument("--engine", choices=ENGINES, default=None,
                     help="where batches run: local (this machine, a process pool) or dask "
                          "(a dask.distributed cluster; needs pip install 'seminar-nlp[dask]'); "
                          "default: local")
    run.add_argument("--scheduler", metavar="ADDRESS", default=None,
                     help="address of a running Dask scheduler (tcp://HOST:PORT) to use "
                          "instead of a new local cluster; implies --engine dask")
    run.add_argument("--resume", action="store_true",
                     help="continue an interrupted run with the same inputs and options: "
                          "only the batches not yet written are analysed")
    run.add_argument("--strict", action="store_true",
                     help="write no tables when any input fails (exit status 1); the "
                          "analysed parts are kept: --resume without --strict writes them")
    run.add_argument("--report", nargs="?", const="", default=None, metavar="HTML",
                     help="also write the HTML report (default file: OUTPUT/report.html)")
    run.add_argument("--follow-links", action="store_true",
                     help="read links found in input folders that lead outside them, and "
                          "follow linked folders (by default they get an error row)")
    run.add_argument("--entity-themes", choices=ENTITIES, default="about",
                     help="places, people and organisations among a document's themes: 'about' "
                          "(default) a place or person only when the document is about it (in "
                          "its first sentence, or twice as a subject), 'keep' all, 'drop' none")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    add_report_arguments(commands.add_parser("report",
                                             help="write an HTML report of an output folder"))
    explain = commands.add_parser("explain", help="show how the event card, the roles and the "
                                                  "quotes' speakers of one text file were "
                                                  "chosen: the candidates, the rules and the "
                                                  "scores")
    explain.add_argument("file", metavar="FILE", help="a text file (read as analyze reads it)")
    explain.add_argument("--date", help="the document's date (ISO), as metadata would give it")
    return parser


def explain_command(args: argparse.Namespace) -> int:
    """``seminar-nlp explain FILE``: the traces of the event card, the roles and the quotes
    of one document."""
    from dataclasses import replace

    from .pipeline import Pipeline
    from .readers import iter_sources
    from .records import Doc
    from .stages.events.trace import trace
    from .stages.quotes.trace import trace as quotes_trace
    from .stages.roles.trace import trace as roles_trace

    sources = list(iter_sources([args.file]))
    if not sources or sources[0].status != "ok":
        reason = sources[0].error if sources else "nothing to read"
        print(f"seminar-nlp explain: {args.file}: {reason}", file=sys.stderr)
        return 2
    pipeline = Pipeline()
    source = replace(sources[0], date=args.date or sources[0].date)
    doc = pipeline.run_batch([Doc(source)])[0]
    print(trace(doc, pipeline.resources))
    print()
    print(roles_trace(doc, pipeline.resources))
    print()
    print(quotes_trace(doc))
    return 0


def add_report_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options of ``seminar-nlp report``."""
    parser.add_argument("tables", metavar="OUTPUT_DIR",
                        help="folder written by 'seminar-nlp analyze' (any of its formats)")
    parser.add_argument("-o", "--output", metavar="HTML",
                        help=f"report file (default: OUTPUT_DIR/{report.DEFAULT_NAME})")
    parser.add_argument("--title", default=report.TITLE, help="page title")
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    return parser


def report_command(args: argparse.Namespace) -> int:
    """Run ``seminar-nlp report`` from parsed arguments: 0 on success, 2 without tables."""
    output = Path(args.output) if args.output else Path(args.tables) / report.DEFAULT_NAME
    try:
        path = report.write_report(args.tables, output, title=args.title)
    except (NoTables, TablesMismatch) as error:
        print(f"seminar-nlp report: {error}", file=sys.stderr)
        return 2
    except Exception as error:  # noqa: BLE001 - a report that cannot be made has its own status
        print(f"seminar-nlp report: the report could not be made: {type(error).__name__}: "
              f"{error}", file=sys.stderr)
        return REPORT_FAILED
    if not args.quiet:
        print(f"report: {path} ({path.stat().st_size // 1024} KB)")
    return 0


def run_options(parser: argparse.ArgumentParser, args: argparse.Namespace) -> RunOptions:
    if args.batch_size < 1:
        parser.error("--batch-size must be at least 1")
    workers = default_workers() if args.workers is None else args.workers
    if workers < 1:
        parser.error("--workers must be at least 1")
    engine = args.engine or ("dask" if args.scheduler else "local")
    if args.scheduler and engine != "dask":
        parser.error("--scheduler needs --engine dask")
    return RunOptions(args.batch_size, workers, engine, args.scheduler, args.resume,
                      args.strict)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "report":
        return report_command(args)
    if args.command == "explain":
        return explain_command(args)
    try:
        formats = check_formats(args.format.split(","))
    except ValueError as error:
        parser.error(str(error))
    code = analyze_command(args.inputs, output=Path(args.output), formats=formats,
                           text_column=args.text_column, id_column=args.id_column,
                           quiet=args.quiet, options=run_options(parser, args),
                           follow_links=args.follow_links,
                           theme_weights=Weights(entities=args.entity_themes))
    # A strict run that saw a failure (exit 1) wrote no tables to report on.
    if args.report is not None and (code == 0 or code == 1 and not args.strict):
        path = Path(args.report) if args.report else Path(args.output) / report.DEFAULT_NAME
        try:
            written = report.write_report(Path(args.output), path)
        except Exception as error:  # noqa: BLE001 - the tables are written; say why, exit 3
            print(f"seminar-nlp: the tables are written, but the report could not be made: "
                  f"{type(error).__name__}: {error}", file=sys.stderr)
            return REPORT_FAILED
        if not args.quiet:
            print(f"report: {written}")
    return code


def analyze_command(inputs: Sequence[str], *, output: Path, formats: Sequence[str],
                    text_column: str = "text", id_column: str = "id", batch_size: int = 32,
                    quiet: bool = False, options: RunOptions | None = None,
                    follow_links: bool = False, theme_weights: Weights | None = None) -> int:
    from tqdm import tqdm

    from . import api

    options = options or RunOptions(batch_size=batch_size)
    paths = [Path(item) for item in inputs] or None
    if not options.resume and not quiet and (output / api.PARTS / "manifest.json").exists():
        print(f"seminar-nlp: starting over; the parts of an interrupted run in "
              f"{output / api.PARTS} are discarded (--resume continues it)", file=sys.stderr)
    try:
        with tqdm(desc="documents", unit="doc", disable=True if quiet else None,
                  file=sys.stderr) as bar:
            result = api.analyze_to(output, paths, formats=formats, resume=options.resume,
                                    text_column=text_column, id_column=id_column,
                                    batch_size=options.batch_size, workers=options.workers,
                                    engine=options.engine, scheduler=options.scheduler,
                                    strict=options.strict, progress=lambda doc: bar.update(),
                                    follow_links=follow_links, theme_weights=theme_weights)
    except (api.ResumeError, EngineError, OutputError) as error:
        print(f"seminar-nlp: {error}", file=sys.stderr)
        return 2
    except ImportError as error:  # the dask engine without dask installed
        print(f"seminar-nlp: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"\nseminar-nlp: interrupted; the finished batches are kept in "
              f"{output / api.PARTS}: run the same command with --resume to continue",
              file=sys.stderr)
        return INTERRUPTED
    if result.nothing_read:
        print("seminar-nlp: no input could be read:", file=sys.stderr)
        for _, source, reason in result.failures:
            print(f"  {source}: {reason}", file=sys.stderr)
        return 2
    if not result.written:
        print(refusal(result, output), file=sys.stderr)
        return 1
    if not quiet:
        print(summary(result, output))
    return 1 if result.statuses.get("error", 0) else 0


def refusal(result: Summary, output: Path) -> str:
    """Why a --strict run wrote nothing, and how to write the tables anyway."""
    failed = [f"  {status}: {source}: {error}" for status, source, error in result.failures
              if status == "error"]
    return "\n".join([f"seminar-nlp: --strict: {len(failed)} of {result.n_documents} "
                      "documents failed; no tables written:", *failed,
                      f"the analysed parts are kept in {output / '.parts'}: run the same "
                      "command with --resume instead of --strict to write the tables"])


def summary(result: Summary, output: Path) -> str:
    statuses = result.statuses
    lines = [
        f"documents: {result.n_documents} (ok {statuses.get('ok', 0)}, empty "
        f"{statuses.get('empty', 0)}, error {statuses.get('error', 0)})",
        f"sentences: {result.n_sentences}, tokens: {result.n_tokens}",
        "mentions: " + ", ".join(f"{kind} {(result.mentions or {}).get(kind, 0)}"
                                 for kind in TYPES),
        f"entities: {result.n_entities}",
    ]
    for status, source, error in result.failures:
        lines.append(f"  {status}: {source}: {error}")
    if result.resumed:
        lines.append(f"resumed: {result.resumed} of {result.n_batches} batches were written "
                     "by the interrupted run")
    lines.append(f"output: {output}/ ({len(result.paths)} files)")
    return "\n".join(lines)


def run() -> None:
    """The ``seminar-nlp`` command: ``main`` in a process of its own (``engines/process.py``)."""
    from .engines.process import fewer_collections, finish

    fewer_collections()
    finish(main())


if __name__ == "__main__":
    run()
