"""Every command the README shows is run here, or by .ci/run, so that none goes stale."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPORTS, ROOT, eval_dir

# Commands run elsewhere, or that cannot run in a test, with the reason. A key ending in
# a space is a prefix; any other key must equal the command.
ELSEWHERE = {
    "python3 -m venv ": ".ci/run installs the project and runs the tests exactly so",
    "pip install ": ".ci/run installs the project with pip",
    "seminar-nlp analyze archive/ ": "needs a Dask cluster (tests/test_engines.py runs one)",
    "python -m benchmarks.run": "the full benchmark takes long; the --limit form runs here",
}


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", text, flags=re.S)
    commands = []
    for block in blocks:
        for line in block.splitlines():
            line = line.split("  #")[0].strip()
            if line and not line.startswith("#"):
                commands.append(line)
    return commands


def runnable(command: str) -> bool:
    return not any(command.startswith(key) if key.endswith(" ") else command == key
                   for key in ELSEWHERE)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("readme")
    shutil.copytree(REPORTS, folder / "reports")
    rows = [{"url": f"https://example.org/{path.stem}", "body": path.read_text("utf-8")}
            for path in sorted(REPORTS.glob("0[1-3]*.txt"))]
    (folder / "news.jsonl").write_text(
        "\n".join(json.dumps(row, ensure_ascii=False) for row in rows), encoding="utf-8")
    return folder


def test_every_readme_command_is_accounted_for() -> None:
    commands = readme_commands()
    assert commands[0].endswith("&& seminar-nlp analyze")
    assert commands[1].endswith("&& pytest")
    for command in commands:
        known = command.split()[0] in ("seminar-nlp", "python", "python3", "pip")
        assert known, f"README command with no test: {command}"


def test_the_main_job_on_the_sample_corpus(workdir: Path) -> None:
    """The first README command's last step: the bundled corpus, default output folder."""
    result = subprocess.run([sys.executable, "-m", "seminar_nlp.cli", "analyze"], cwd=workdir,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "documents: 17 (ok 17, empty 0, error 0)" in result.stdout
    assert (workdir / "seminar-nlp-output" / "roles.parquet").is_file()


@pytest.mark.parametrize("command", [c for c in readme_commands() if runnable(c)])
def test_readme_command_runs(command: str, workdir: Path) -> None:
    if "benchmarks.run" in command and not eval_dir().is_dir():
        pytest.skip("the benchmark needs the gold data")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SEMINAR_NLP_EVAL": str(eval_dir())}
    argv = shlex.split(command)
    if argv[0] == "seminar-nlp":
        argv = [sys.executable, "-m", "seminar_nlp.cli", *argv[1:]]
    elif argv[0] in ("python", "python3"):
        argv = [sys.executable, *argv[1:]]
    if "benchmarks.run" in command:
        argv += ["--eval", str(eval_dir())]
    result = subprocess.run(argv, cwd=workdir, env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
