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
            "benchmarks.keyphrases", "benchmarks.scale", "benchmarks.robustness",
            "benchmarks.faults")


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
    for name in args.only or SECTIONS:
        module = importlib.import_module(name if "." in name else f"benchmarks.{name}")
        started = time.perf_counter()
        print(f"[benchmarks] {module.NAME} ...", file=sys.stderr, flush=True)
        parts += ["", module.section(settings)]
        print(f"[benchmarks] {module.NAME} done in {time.perf_counter() - started:.0f} s",
              file=sys.stderr, flush=True)
    args.out.write_text("\n".join(parts) + "\n", encoding="utf-8")
    print(f"[benchmarks] wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
