"""Resume after the inputs changed: an edited input is analysed again, a removed one is
dropped, an added one analysed, and the tables equal a clean run on the inputs as they are
now, with one worker and with two. (Before, resume kept the old text and old rows of an
edited input, with exit status 0 and no warning.)"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from helpers import REPORTS
from seminar_nlp import Pipeline, load
from seminar_nlp.api import PARTS, analyze_to
from seminar_nlp.cli import main

NAMES = [f"d{number}" for number in range(6)]  # batches of 2: (d0 d1) (d2 d3) (d4 d5)
EDITED = "15 мая в Томске прошёл круглый стол «Новая тема». Его открыл ректор ТГУ Эдуард Галкин."


def fill(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    reports = sorted(REPORTS.glob("*.txt"))
    for number, name in enumerate(NAMES):
        shutil.copy(reports[number], folder / f"{name}.txt")


def edit(folder: Path) -> None:
    (folder / "d5.txt").write_text(EDITED, encoding="utf-8")


def remove(folder: Path) -> None:
    (folder / "d3.txt").unlink()


def add(folder: Path) -> None:
    (folder / "d6.txt").write_text(EDITED, encoding="utf-8")


CASES = {"edit": (edit, "resumed: 2 of 3 batches"), "remove": (remove, "resumed: 1 of 3 batches"),
         "add": (add, "resumed: 3 of 4 batches")}


@pytest.fixture(scope="module")
def killed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A run over six inputs killed once all its parts were written, before the tables."""
    root = tmp_path_factory.mktemp("resume")
    inputs, out = root / "in", root / "killed"
    fill(inputs)
    child = subprocess.run([sys.executable, "-m", "seminar_nlp.cli", "analyze", str(inputs),
                            "-o", str(out), "--workers", "1", "--batch-size", "2", "-q"],
                           env={**os.environ, "SEMINAR_NLP_KILL_AT": "stage"},
                           capture_output=True, timeout=300)
    assert child.returncode == -signal.SIGKILL
    assert len([path for path in (out / PARTS).glob("b*") if path.is_dir()]) == 3
    return inputs, out


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize("case", list(CASES))
def test_resume_after_a_change_equals_a_clean_run(tmp_path: Path, killed: tuple[Path, Path],
                                                  pipeline: Pipeline, case: str, workers: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    inputs, parts = killed
    fill(inputs)
    change, said = CASES[case]
    change(inputs)
    out = tmp_path / "out"
    shutil.copytree(parts, out)
    capsys.readouterr()
    assert main(["analyze", str(inputs), "-o", str(out), "--resume", "--workers", workers,
                 "--batch-size", "2"]) == 0
    assert said in capsys.readouterr().out
    analyze_to(tmp_path / "clean", [inputs], batch_size=2, pipeline=pipeline)
    resumed, clean = load(out), load(tmp_path / "clean")
    for name, table in clean.items():
        pd.testing.assert_frame_equal(getattr(resumed, name), table, obj=name)
