"""Run every benchmark section and write BENCHMARKS.md.

    python -m benchmarks.run                      # gold from ../shared/eval
    python -m benchmarks.run --eval PATH --limit 2 --out /tmp/smoke.md

Each section module has ``NAME`` and ``section(settings) -> str`` (Markdown) and runs our
system and its baselines on the same data in the same process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import sys
import time
from pathlib import Path

from .common import DEFAULT_EVAL, ROOT, Settings, machine

SECTIONS = ("benchmarks.lemmas", "benchmarks.ner", "benchmarks.speed", "benchmarks.roles",
            "benchmarks.positions",
            "benchmarks.keyphrases", "benchmarks.scale", "benchmarks.robustness",
            "benchmarks.faults", "benchmarks.reports", "benchmarks.quotes",
            "benchmarks.report_roles", "benchmarks.report_themes")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL,
                        help=f"gold data folder (default: {DEFAULT_EVAL})")
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--limit", type=int, default=None,
                        help="documents or sentences per data set (default: all)")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per measurement")
    parser.add_argument("--only", nargs="*", default=None,
                        help=f"sections to run (default: all of {', '.join(SECTIONS)})")
    parser.add_argument("--merge", action="store_true",
                        help="replace only the sections run in an existing --out file, keep "
                             "the others, and say in the header when each was made")
    args = parser.parse_args(argv)
    if not args.eval.is_dir():
        parser.error(f"no gold data at {args.eval}; give --eval PATH")
    settings = Settings(args.eval.resolve(), args.limit, args.repeats)
    parts = [
        "# Benchmarks",
        "",
        f"Made by `python -m benchmarks.run` on {dt.date.today().isoformat()}.",
        f"Machine: {machine()}.",
        f"Gold data: `{args.eval}`" + (f", first {args.limit} items per set" if args.limit
                                        else "") + ".",
        "All systems in a table ran in the same process, on the same data, in the same run.",
    ]
    made = {}
    for name in args.only or SECTIONS:
        module = importlib.import_module(name if "." in name else f"benchmarks.{name}")
        started = time.perf_counter()
        print(f"[benchmarks] {module.NAME} ...", file=sys.stderr, flush=True)
        made[module.NAME] = module.section(settings)
        print(f"[benchmarks] {module.NAME} done in {time.perf_counter() - started:.0f} s",
              file=sys.stderr, flush=True)
    if args.merge and args.out.exists():
        parts = merged(args.out.read_text(encoding="utf-8"), made, parts)
    else:
        parts += [part for text in made.values() for part in ("", text)]
    args.out.write_text("\n".join(parts) + "\n", encoding="utf-8")
    print(f"[benchmarks] wrote {args.out}", file=sys.stderr)
    return 0


def merged(old: str, made: dict[str, str], header: list[str]) -> list[str]:
    """The sections of ``old`` with those in ``made`` replaced (or added at the end); the
    header says which sections this run made and keeps the older header's lines."""
    sections: dict[str, str] = {}
    for chunk in old.split("\n## ")[1:]:
        title = chunk.split("\n", 1)[0].strip()
        sections[title] = "## " + chunk.rstrip()
    earlier = [line for line in old.split("\n## ")[0].splitlines()[1:] if line.strip()
               and not line.startswith("Sections made")]
    today = dt.date.today().isoformat()
    note = (f"Sections made by `python -m benchmarks.run --only ... --merge` on {today}: "
            f"{', '.join(made)}; the other sections are from the run the older header lines "
            "below describe, on the same machine kind.")
    for title, text in made.items():
        sections[title] = text.rstrip()
    this_run = [line.replace("Made by", "This run: made by", 1) for line in header[2:]]
    return [header[0], "", note, "", *this_run, "", "The earlier run's header:", "", *earlier,
            *[part for text in sections.values() for part in ("", text)]]


if __name__ == "__main__":
    sys.exit(main())
