"""Faults: what the output folder holds after concurrent runs, kills at every step of the
final write, resumes after the inputs changed, hostile links and formula-like texts; and the
whole command on single long documents and on large corpora, timed as a user runs it.

Every case runs real ``seminar-nlp`` processes on real files and says "held" (the folder
holds one whole set of tables, the one expected) or "lost".
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from .common import Settings, table

NAME = "Faults"
COMMAND = [sys.executable, "-m", "seminar_nlp.cli", "analyze", "-q"]
SIZES_MB = (1, 4, 20)
CORPUS_SIZES = (1_000, 10_000)


def log(message: str) -> None:
    print(f"[faults] {message}", file=sys.stderr, flush=True)


def texts() -> list[str]:
    from seminar_nlp import sample_corpus
    from seminar_nlp.decoding import decode

    return [decode(path.read_bytes())[0] for path in sorted(sample_corpus().glob("*.txt"))]


def corpus(folder: Path, count: int, offset: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    found = texts()
    for number in range(count):
        (folder / f"r{offset + number:05d}.txt").write_text(found[number % len(found)],
                                                           encoding="utf-8")
    return folder


def run(inputs: Path, out: Path, *extra: str, kill_at: str | None = None
        ) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **({"SEMINAR_NLP_KILL_AT": kill_at} if kill_at else {})}
    return subprocess.run([*COMMAND, str(inputs), "-o", str(out), "--workers", "1", *extra],
                          env=env, capture_output=True, text=True, timeout=3600)


def same(first: Path, second: Path) -> bool:
    from seminar_nlp import load

    try:
        left, right = load(first), load(second)
        for name, data in left.items():
            pd.testing.assert_frame_equal(data, getattr(right, name), obj=name)
    except (AssertionError, Exception):  # noqa: BLE001 - any failure to read is "lost"
        return False
    return True


def clean_after(out: Path) -> bool:
    from seminar_nlp.output.commit import PENDING, STAGING

    return not (out / STAGING).exists() and not (out / PENDING).exists()


def concurrent(root: Path) -> tuple[str, str, str]:
    big, small, out = corpus(root / "big", 60), corpus(root / "small", 3, 100), root / "out"
    first = subprocess.Popen([*COMMAND, str(big), "-o", str(out), "--workers", "1"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while not (out / ".seminar-nlp.lock").exists() or \
            not (out / ".seminar-nlp.lock").read_text().strip():
        time.sleep(0.02)
    second = run(small, out)
    first.wait()
    run(big, root / "alone")
    held = second.returncode == 2 and f"pid {first.pid}" in second.stderr and \
        first.returncode == 0 and same(out, root / "alone")
    return ("two runs into one folder", f"second exits {second.returncode} at once; first "
            f"exits {first.returncode}, its tables as when run alone", verdict(held))


def kills(root: Path) -> list[tuple[str, str, str]]:
    from seminar_nlp import TABLE_NAMES

    old, new = corpus(root / "old", 3), corpus(root / "new", 4, 50)
    run(old, root / "old-out")
    run(new, root / "new-out")
    steps = ["stage", "commit", *(f"move {name}.parquet" for name in TABLE_NAMES),
             "manifest", "clean"]
    rows = []
    for step in steps:
        out = root / f"kill-{step.replace(' ', '-')}"
        shutil.copytree(root / "old-out", out)
        killed = run(new, out, kill_at=step)
        expected = root / ("old-out" if step in ("stage", "commit") else "new-out")
        whole = same(out, expected)
        again = run(new, out)
        held = killed.returncode == -signal.SIGKILL and whole and again.returncode == 0 and \
            same(out, root / "new-out") and clean_after(out)
        rows.append((f"kill at '{step}'", f"after the kill: the {expected.name[:3]} set, "
                     "whole; the next run finishes or removes the rest", verdict(held)))
    return rows


def resumes(root: Path) -> list[tuple[str, str, str]]:
    changes: dict[str, Callable[[Path], None]] = {
        "edited": lambda folder: (folder / "r00005.txt").write_text("Новый текст.",
                                                                    encoding="utf-8"),
        "removed": lambda folder: (folder / "r00003.txt").unlink(),
        "added": lambda folder: corpus(folder, 1, 6) and None,
    }
    rows = []
    for workers in ("1", "2"):
        for name, change in changes.items():
            base = root / f"resume-{name}-{workers}"
            inputs = corpus(base / "in", 6)
            killed = run(inputs, base / "out", "--batch-size", "2", kill_at="stage")
            change(inputs)
            resumed = subprocess.run([*COMMAND, str(inputs), "-o", str(base / "out"),
                                      "--workers", workers, "--batch-size", "2", "--resume"],
                                     capture_output=True, text=True, timeout=3600)
            run(inputs, base / "clean", "--batch-size", "2")
            held = killed.returncode == -signal.SIGKILL and resumed.returncode == 0 and \
                same(base / "out", base / "clean")
            rows.append((f"resume after an input was {name}, {workers} worker(s)",
                         "tables equal a clean run on the inputs as they are now",
                         verdict(held)))
    return rows


def links(root: Path) -> tuple[str, str, str]:
    from seminar_nlp import load

    inputs = corpus(root / "links", 2)
    (inputs / "environ.txt").symlink_to("/proc/self/environ")
    (inputs / "passwd.txt").symlink_to("/etc/passwd")
    run(inputs, root / "links-out", "--report")
    documents = load(root / "links-out").documents
    page = (root / "links-out" / "report.html").read_text(encoding="utf-8")
    leaked = any(word in " ".join(documents["text"].dropna()) + page
                 for word in ("PATH=", "root:x:"))
    rows = documents.set_index("doc_id")["status"].to_dict()
    held = not leaked and rows.get("environ") == "error" and rows.get("passwd") == "error"
    return ("links to /proc/self/environ and /etc/passwd in the input folder",
            "not read: an error row each says why; nothing of them in the tables or report",
            verdict(held))


def formulas(root: Path) -> tuple[str, str, str]:
    from seminar_nlp import TABLE_NAMES
    from seminar_nlp.tables.schema import conform

    inputs = root / "formulas"
    inputs.mkdir()
    (inputs / "f.csv").write_text('id,title,text\n=1+1,"=HYPERLINK(""http://x"",""y"")",'
                                  '"=CMD() 18 марта в Казани прошёл семинар."\n',
                                  encoding="utf-8")
    run(inputs, root / "formulas-out", "--format", "parquet,xlsx")
    sheets = pd.read_excel(root / "formulas-out" / "seminar-nlp.xlsx", sheet_name=None, dtype=str)
    equal = True
    for name in TABLE_NAMES:
        parquet = pd.read_parquet(root / "formulas-out" / f"{name}.parquet")
        try:
            pd.testing.assert_frame_equal(conform(name, sheets[name]), parquet)
        except AssertionError:
            equal = False
    return ("texts starting with '=' through the workbook",
            "every sheet equals its Parquet table, cell by cell", verdict(equal))


def verdict(held: bool) -> str:
    return "held" if held else "**lost**"


def long_documents(root: Path, sizes: tuple[int, ...]) -> list[tuple[str, str, str]]:
    found = texts()
    rows = []
    for size in sizes:
        folder = root / f"long-{size}"
        folder.mkdir()
        parts, total, index = [], 0, 0
        while total < size * 1_000_000:
            parts.append(found[index % len(found)])
            total += len(found[index % len(found)].encode("utf-8")) + 2
            index += 1
        (folder / "one.txt").write_text("\n\n".join(parts), encoding="utf-8")
        log(f"one document of {size} MB")
        started = time.perf_counter()
        done = run(folder, root / f"long-{size}-out")
        seconds = time.perf_counter() - started
        rows.append((f"{size} MB", f"{seconds:.1f} s", f"{seconds / size:.1f} s/MB, exit "
                     f"{done.returncode}"))
    return rows


def corpora(root: Path, sizes: tuple[int, ...]) -> list[tuple[str, str, str]]:
    rows = []
    for size in sizes:
        inputs = corpus(root / f"corpus-{size}", size)
        log(f"{size} documents, 2 workers")
        started = time.perf_counter()
        done = subprocess.run([*COMMAND, str(inputs), "-o", str(root / f"corpus-{size}-out"),
                               "--workers", "2"], capture_output=True, timeout=7200)
        seconds = time.perf_counter() - started
        rows.append((f"{size:,} documents", f"{seconds:.1f} s",
                     f"{1000 * seconds / size:.1f} ms per document, exit {done.returncode}"))
    return rows


def section(settings: Settings) -> str:
    small = settings.limit is not None
    with tempfile.TemporaryDirectory(prefix="seminar-nlp-faults-") as tmp:
        root = Path(tmp)
        log("concurrent runs")
        cases = [concurrent(root / "concurrent")]
        log("kills at every step of the final write")
        cases += kills(root / "kills")
        log("resumes")
        cases += resumes(root / "resumes")
        cases += [links(root), formulas(root)]
        sizes = SIZES_MB[:1] if small else SIZES_MB
        longs = long_documents(root, sizes)
        big = corpora(root, (100, 400) if small else CORPUS_SIZES)
    lost = sum(case[2] != "held" for case in cases)
    return "\n".join([
        f"## {NAME}", "",
        "Real `seminar-nlp analyze` processes on real files (`benchmarks/faults.py`). A kill "
        "is a SIGKILL the process sends itself as a step of the final write starts "
        "(`SEMINAR_NLP_KILL_AT`, the fault tests' hook); 'held' means the folder then holds "
        "one whole set of tables, the expected one, and the next run leaves no debris.", "",
        table(["case", "outcome", "verdict"], cases), "",
        f"{len(cases) - lost} of {len(cases)} cases held, {lost} lost.", "",
        "The whole command, from reading to the final tables, one worker, on one long "
        "document (the sample reports repeated):", "",
        table(["document", "wall time", "per MB"], longs), "",
        "The whole command with two workers on many short documents:", "",
        table(["corpus", "wall time", "per document"], big),
    ])
