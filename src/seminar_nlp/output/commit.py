"""Publish the tables of a run together, or not at all, as output committers do.

1. ``stage``: the run writes every table file into ``.seminar-nlp.staging/<run>/``.
2. Commit: ``.seminar-nlp.pending.json`` names the run and each staged file with its SHA-256;
   it is written under a temporary name and renamed, so it is there whole or not at all.
3. The staged files move into the folder, then ``seminar-nlp.manifest.json`` (the same record)
   replaces the old manifest and the commit record and the staging folder are removed.

A run killed before step 2 leaves the old tables and their manifest as they were; killed
after it, the commit record says where each file of the new set is (staged or moved), so
readers read the complete new set, and the next run finishes the moves (``recover``). A file
the tool did not write (named by no manifest) is never overwritten: ``check_targets`` refuses.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from .folder import OutputError

MANIFEST = "seminar-nlp.manifest.json"
PENDING = ".seminar-nlp.pending.json"
STAGING = ".seminar-nlp.staging"
MANIFEST_FORMAT = 1


class ForeignFile(OutputError):
    """A file the run would overwrite was not written by seminar-nlp."""


class TablesMismatch(RuntimeError):
    """The files of an output folder disagree with its manifest."""


def digest(path: Path) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def read_record(path: Path) -> dict[str, Any] | None:
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) and isinstance(found.get("files"), dict) else None


def write_record(path: Path, record: Mapping[str, Any]) -> None:
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    temporary.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temporary, path)


def owned(folder: Path) -> set[str]:
    """The file names the folder's manifest (and a pending commit) say the tool wrote."""
    names: set[str] = set()
    for record in (read_record(folder / MANIFEST), read_record(folder / PENDING)):
        if record is not None:
            names.update(record["files"])
    return names


def check_targets(folder: Path, names: Iterable[str]) -> None:
    """Refuse before any work when a file to be written exists and is not the tool's."""
    mine = owned(folder)
    foreign = [name for name in names if (folder / name).exists() and name not in mine]
    if foreign:
        raise ForeignFile(f"{folder / foreign[0]} exists and was not written by seminar-nlp "
                          "(no manifest names it); it is not overwritten: move it or choose "
                          "another output folder")


def recover(folder: Path) -> str | None:
    """Finish a committed write that a killed run left, or remove an uncommitted one.

    Returns what was done ("finished" / "removed"), None when there was nothing to do."""
    pending = read_record(folder / PENDING)
    done = None
    if pending is not None:
        staged = folder / STAGING / str(pending["run_id"])
        for name in pending["files"]:
            if (staged / name).exists():
                os.replace(staged / name, folder / name)
        write_record(folder / MANIFEST, pending)
        (folder / PENDING).unlink()
        done = "finished"
    if (folder / STAGING).exists():
        shutil.rmtree(folder / STAGING, ignore_errors=True)
        done = done or "removed"
    for leftover in folder.glob(".*.tmp"):
        leftover.unlink(missing_ok=True)
    return done


def publish(folder: Path, write: Callable[[Path], list[Path]], run: Mapping[str, Any],
            step: Callable[[str], None] | None = None) -> list[Path]:
    """Write the tables with ``write(staging_folder)`` and make them current together.

    ``run``: what the manifest records besides the files (inputs, version). ``step`` is
    called with the name of each step as it starts (the fault tests kill the run there)."""
    say = step or (lambda name: None)
    folder.mkdir(parents=True, exist_ok=True)
    recover(folder)
    run_id = uuid.uuid4().hex
    staged = folder / STAGING / run_id
    staged.mkdir(parents=True)
    say("stage")
    paths = write(staged)
    files = {path.name: {"sha256": digest(path), "size": path.stat().st_size} for path in paths}
    record = {"format": MANIFEST_FORMAT, "run_id": run_id,
              "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"), **run, "files": files}
    say("commit")
    write_record(folder / PENDING, record)
    for path in paths:
        say(f"move {path.name}")
        os.replace(path, folder / path.name)
    say("manifest")
    write_record(folder / MANIFEST, record)
    (folder / PENDING).unlink()
    say("clean")
    shutil.rmtree(folder / STAGING, ignore_errors=True)
    return [folder / path.name for path in paths]


def current_files(folder: Path) -> dict[str, Path]:
    """The files of the current set, by name, each checked against its recorded hash.

    With a committed write unfinished, the current set is the committed one (each file
    staged or already moved). Raises ``TablesMismatch`` when a file is missing or differs,
    ``FileNotFoundError`` when the folder has no manifest."""
    pending = read_record(folder / PENDING)
    record = pending or read_record(folder / MANIFEST)
    if record is None:
        raise FileNotFoundError(f"no {MANIFEST} in {folder}")
    staged = folder / STAGING / str(record["run_id"])
    found = {}
    for name, facts in record["files"].items():
        path = staged / name if pending is not None and (staged / name).exists() else folder / name
        if not path.is_file() or digest(path) != facts["sha256"]:
            raise TablesMismatch(f"{folder / name} differs from what {MANIFEST} records "
                                 f"(run {record['run_id']}): the folder was changed after the run "
                                 "or a run was interrupted; run seminar-nlp analyze again")
        found[name] = path
    return found
