"""Which files below an input folder are read, and why the others are not.

Hidden files and folders are passed over, and so is what seminar-nlp writes itself: an
output folder below the input (it has a manifest or a lock), or, in an input folder that is
itself the output folder, the tables and the report. Links are read only where they lead to a
regular file inside the input folder; linked folders are not followed. ``follow_links`` lifts
both rules (link loops and folders reached twice are still passed over).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from .tables.schema import TABLE_NAMES

# What seminar-nlp writes into an output folder (beside its dot files): never an input.
OUTPUT_MARKS = ("seminar-nlp.manifest.json", ".seminar-nlp.lock")
OUTPUT_NAMES = frozenset({"seminar-nlp.manifest.json", "seminar-nlp.xlsx", "seminar-nlp.duckdb",
                          "report.html"})


def is_output(folder: Path, exclude: Iterable[str]) -> bool:
    return any((folder / mark).exists() for mark in OUTPUT_MARKS) or \
        os.path.realpath(folder) in {os.path.realpath(item) for item in exclude}


def output_file(name: str) -> bool:
    stem, _, suffix = name.rpartition(".")
    return name in OUTPUT_NAMES or suffix in ("parquet", "csv") and stem in TABLE_NAMES


def walk(folder: Path, *, follow_links: bool = False, exclude: Iterable[str] = ()
         ) -> Iterator[tuple[Path, str | None]]:
    """The files below ``folder`` with, for each, why it is not read (None: it is read).

    Hidden files and folders are passed over. An output folder of the tool below the input
    is passed over whole; in an input folder that is itself one, the tables and the
    report are. A link is read only when it leads to a regular file inside the input folder,
    unless ``follow_links``; a linked folder is followed only then."""
    root = os.path.realpath(folder)
    seen = {root}
    for top, dirs, files in os.walk(folder, followlinks=follow_links):
        here = Path(top)
        if here != folder and is_output(here, exclude):
            dirs[:] = []
            continue
        own_output = is_output(here, exclude)
        for name in sorted(dirs):
            path = here / name
            if name.startswith("."):
                dirs.remove(name)
            elif path.is_symlink() and not follow_links:
                dirs.remove(name)
                yield path, "a linked folder: not followed (--follow-links follows it)"
            elif (real := os.path.realpath(path)) in seen:
                dirs.remove(name)  # a link loop, or a folder reached twice
            else:
                seen.add(real)
        for name in files:
            if name.startswith(".") or own_output and output_file(name):
                continue
            path = here / name
            yield path, None if follow_links else link_problem(path, root)


def link_problem(path: Path, root: str) -> str | None:
    """Why a link found while walking a folder is not read; None for a plain file."""
    if not path.is_symlink() or not os.path.exists(path):
        return None  # a broken link or a loop: reading it says which
    target = os.path.realpath(path)
    if os.path.commonpath([root, target]) != root:
        return "a link to a file outside the input folder: not read (--follow-links reads it)"
    if not os.path.isfile(target) or not stat.S_ISREG(os.stat(target).st_mode):
        return "a link to something that is not a regular file: not read"
    return None
