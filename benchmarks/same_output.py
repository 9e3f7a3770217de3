"""Keep and compare every table of three corpora, to show that a change of code changed no output.

    python -m benchmarks.same_output save DIR      # the tables of the current code into DIR
    python -m benchmarks.same_output compare A B   # exit 1 and list the differences, if any

The corpora: the bundled sample reports, the factRuEval dev texts and the NEREL dev texts (from
``../shared/eval``, or ``--eval PATH``), each analysed as one corpus with one worker. Tables are
compared as data (same columns, dtypes and rows in the same order); the ``documents.source``
column and ``meta`` keep absolute paths, so both runs must read the corpora from the same place.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from .common import DEFAULT_EVAL


def corpora(eval_dir: Path) -> dict[str, list[str]]:
    from seminar_nlp import sample_corpus

    return {"sample": [str(sample_corpus())],
            "factru": sorted(str(p) for p in (eval_dir / "factru" / "devset").glob("*.txt")),
            "nerel": sorted(str(p) for p in (eval_dir / "nerel" / "dev").glob("*.txt"))}


def save(folder: Path, eval_dir: Path) -> None:
    import seminar_nlp

    pipeline = seminar_nlp.Pipeline()
    for name, paths in corpora(eval_dir).items():
        tables = seminar_nlp.analyze(paths, pipeline=pipeline)
        tables.save(folder / name, formats=["parquet"])
        print(f"{name}: {len(tables.documents)} documents", file=sys.stderr)


def differences(first: Path, second: Path) -> list[str]:
    found = []
    for left in sorted(first.rglob("*.parquet")):
        relative = left.relative_to(first)
        right = second / relative
        if not right.exists():
            found.append(f"{relative}: missing in {second}")
            continue
        a, b = pd.read_parquet(left), pd.read_parquet(right)
        try:
            pd.testing.assert_frame_equal(a, b)
        except AssertionError as error:
            found.append(f"{relative}: {str(error).splitlines()[0]}")
    found += [f"{p.relative_to(second)}: missing in {first}" for p in second.rglob("*.parquet")
              if not (first / p.relative_to(second)).exists()]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.same_output", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("save").add_argument("folder", type=Path)
    compare = commands.add_parser("compare")
    compare.add_argument("first", type=Path)
    compare.add_argument("second", type=Path)
    args = parser.parse_args(argv)
    if args.command == "save":
        save(args.folder, args.eval.resolve())
        return 0
    found = differences(args.first, args.second)
    print("\n".join(found) if found else "identical: every table of every corpus")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
