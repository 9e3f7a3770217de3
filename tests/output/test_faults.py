"""The output folder as a transaction, tried with real processes: two runs into one folder,
a kill at every step of the final write, a dead holder's lock, and what the next run does.

Each defect here was reproduced on the code before the output folder had a lock and a
commit: the second run deleted the first's parts, and a kill mid-write left a mixed set."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from helpers import REPORTS
from seminar_nlp import TABLE_NAMES, Pipeline, Tables, load
from seminar_nlp.api import analyze_to
from seminar_nlp.output.commit import MANIFEST, PENDING, STAGING, TablesMismatch

COMMAND = [sys.executable, "-m", "seminar_nlp.cli", "analyze", "--workers", "1", "-q"]
# The steps of the final write of a parquet run, in order (api._fault_step): the kill
# comes as each starts.
STEPS = ["stage", "commit", *(f"move {name}.parquet" for name in TABLE_NAMES), "manifest",
         "clean"]


def corpus(folder: Path, names: list[str]) -> Path:
    folder.mkdir(parents=True)
    reports = sorted(REPORTS.glob("*.txt"))
    for number, name in enumerate(names):
        shutil.copy(reports[number % len(reports)], folder / f"{name}.txt")
    return folder


def same(first: Tables, second: Tables) -> bool:
    try:
        for name, table in first.items():
            pd.testing.assert_frame_equal(table, getattr(second, name), obj=name)
    except AssertionError:
        return False
    return True


@pytest.fixture(scope="module")
def sets(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> dict[str, Path]:
    """An output folder of corpus "old", the inputs of corpus "new", and its clean tables."""
    root = tmp_path_factory.mktemp("faults")
    old = corpus(root / "old-in", ["a1", "a2"])
    new = corpus(root / "new-in", ["b1", "b2", "b3"])
    analyze_to(root / "old-out", [old], pipeline=pipeline)
    analyze_to(root / "new-out", [new], pipeline=pipeline)
    return {"old": root / "old-out", "new-in": new, "new": root / "new-out"}


@pytest.mark.parametrize("step", STEPS)
def test_a_kill_at_any_step_leaves_one_whole_set(tmp_path: Path, sets: dict[str, Path],
                                                pipeline: Pipeline, step: str) -> None:
    out = tmp_path / "out"
    shutil.copytree(sets["old"], out)
    child = subprocess.run([*COMMAND, str(sets["new-in"]), "-o", str(out)],
                           env={**os.environ, "SEMINAR_NLP_KILL_AT": step},
                           capture_output=True, timeout=300)
    assert child.returncode == -signal.SIGKILL
    old, new, found = load(sets["old"]), load(sets["new"]), load(out)
    # Killed before the commit record is written, the old set is current; after, the new one.
    assert same(found, old if step in ("stage", "commit") else new)
    # The next run finishes or removes what the killed one left, and writes its own.
    analyze_to(out, [sets["new-in"]], pipeline=pipeline)
    assert same(load(out), new)
    assert not (out / STAGING).exists() and not (out / PENDING).exists()
    assert not list(out.glob(".*.tmp"))


def test_files_that_disagree_with_the_manifest_are_refused(tmp_path: Path,
                                                           sets: dict[str, Path]) -> None:
    out = tmp_path / "out"
    shutil.copytree(sets["old"], out)
    shutil.copy(sets["new"] / "mentions.parquet", out / "mentions.parquet")  # a mixed set
    with pytest.raises(TablesMismatch, match="mentions.parquet"):
        load(out)


def test_a_second_run_into_a_held_folder_exits_2_naming_the_holder(
        tmp_path: Path, sets: dict[str, Path]) -> None:
    big = corpus(tmp_path / "big", [f"c{number:02d}" for number in range(40)])
    out = tmp_path / "out"
    first = subprocess.Popen([*COMMAND, str(big), "-o", str(out)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not (out / ".seminar-nlp.lock").exists() or \
                not (out / ".seminar-nlp.lock").read_text().strip():
            assert first.poll() is None and time.monotonic() < deadline
            time.sleep(0.02)
        second = subprocess.run([*COMMAND, str(sets["new-in"]), "-o", str(out)],
                                capture_output=True, text=True, timeout=120)
        assert first.poll() is None, "the first run ended before the second one tried"
    finally:
        first.wait(timeout=300)
    assert second.returncode == 2
    assert str(out) in second.stderr and f"pid {first.pid}" in second.stderr
    assert first.returncode == 0
    documents = load(out).documents
    assert sorted(documents["doc_id"]) == sorted(p.stem for p in big.glob("*.txt"))


def test_the_lock_of_a_killed_run_is_taken_over(tmp_path: Path, sets: dict[str, Path],
                                                pipeline: Pipeline) -> None:
    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from seminar_nlp.output.lock import locked\n"
        "with locked(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(600)"),
        str(out)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        holder.send_signal(signal.SIGKILL)
    finally:
        holder.wait(timeout=30)
    assert (out / ".seminar-nlp.lock").read_text().strip() == str(holder.pid)
    analyze_to(out, [sets["new-in"]], pipeline=pipeline)
    assert same(load(out), load(sets["new"]))
    assert (out / MANIFEST).is_file()
