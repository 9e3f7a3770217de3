"""Engines: the same tables with 1 or 2 worker processes, after a SIGKILL and --resume, on Dask.

Real models, real files, real worker processes and a real LocalCluster; 20-40 s on two cores.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import psutil
import pytest

import seminar_nlp
from helpers import REPORTS
from seminar_nlp import TABLE_NAMES, Tables
from seminar_nlp.api import PARTS, analyze_to
from seminar_nlp.cli import main
from seminar_nlp.engines import EngineError
from seminar_nlp.engines.local import LocalEngine
from seminar_nlp.engines.threads import (
    THREAD_VARIABLES,
    blas_threads,
    openblas_controls,
    single_threaded_children,
)
from seminar_nlp.engines.work import WORKER_DIED, Batch
from seminar_nlp.records import Source

REPORT = "18 марта в Казани прошёл научный семинар. Его открыл ректор КФУ Ильдар Гарипов."
HAS_DASK = importlib.util.find_spec("distributed") is not None


def read_tables(folder: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(folder / f"{name}.parquet") for name in TABLE_NAMES}


def assert_same_files(first: Path, second: Path) -> None:
    left, right = read_tables(first), read_tables(second)
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(left[name], right[name], obj=name)


def assert_same_tables(first: Tables, second: Tables) -> None:
    for name, table in first.items():
        pd.testing.assert_frame_equal(table, getattr(second, name), obj=name)


def big_corpus(folder: Path, size: int = 30) -> Path:
    """``size`` documents: the sample reports, then copies of them under other names."""
    folder.mkdir()
    reports = sorted(REPORTS.glob("*.txt"))
    for number in range(size):
        source = reports[number % len(reports)]
        shutil.copy(source, folder / f"{number:03d}-{source.name}")
    return folder


def test_two_workers_give_the_tables_of_one(tmp_path: Path, sample_tables: Tables) -> None:
    # A pool of 2 processes, small batches so that both get work.
    pooled = seminar_nlp.analyze([REPORTS], workers=2, batch_size=4)
    assert_same_tables(sample_tables, pooled)
    # The command: same files with --workers 1 and --workers 2.
    for workers in ("1", "2"):
        code = main(["analyze", str(REPORTS), "-o", str(tmp_path / workers), "-q",
                     "--workers", workers, "--batch-size", "4"])
        assert code == 0
        assert not (tmp_path / workers / PARTS).exists()
    assert_same_files(tmp_path / "1", tmp_path / "2")
    saved = tmp_path / "saved"
    sample_tables.save(saved)
    assert_same_files(saved, tmp_path / "2")


def test_a_pooled_command_ends_cleanly(tmp_path: Path) -> None:
    # The command skips the interpreter's teardown (engines/process.py): the stopped pool's
    # semaphores must be freed before, or Python's resource tracker warns of leaks.
    corpus = big_corpus(tmp_path / "corpus", size=8)
    done = subprocess.run([sys.executable, "-m", "seminar_nlp.cli", "analyze", str(corpus),
                           "--workers", "2", "--batch-size", "2", "-q", "-o", str(tmp_path / "o")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert len(pd.read_parquet(tmp_path / "o" / "documents.parquet")) == 8


def test_a_killed_run_resumes_to_the_same_tables(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    corpus = big_corpus(tmp_path / "corpus")
    command = ["analyze", str(corpus), "--workers", "1", "--batch-size", "2", "-q"]
    assert main([*command, "-o", str(tmp_path / "clean")]) == 0
    out = tmp_path / "killed"
    child = subprocess.Popen([sys.executable, "-m", "seminar_nlp.cli", *command, "-o", str(out)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while len(batches(out)) < 3:
            assert child.poll() is None, "the run ended before it could be killed"
            assert time.monotonic() < deadline, "no parts written in time"
            time.sleep(0.05)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert not (out / "documents.parquet").exists()
    written = len(batches(out))
    assert 3 <= written < 15
    capsys.readouterr()
    code = main([*command[:-1], "-o", str(out), "--resume"])
    assert code == 0
    assert f"resumed: {written} of 15 batches" in capsys.readouterr().out
    assert_same_files(tmp_path / "clean", out)
    assert not (out / PARTS).exists()


class WorkerKiller:
    """SIGKILLs this process's pool workers from a thread: the first ``times`` it sees once
    ``ready()`` holds, or every one while it runs (``times=None``)."""

    def __init__(self, *, times: int | None, ready: Callable[[], bool] = lambda: True) -> None:
        self.times, self.ready, self.killed = times, ready, 0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self.loop, daemon=True)

    def __enter__(self) -> WorkerKiller:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.done.set()
        self.thread.join()

    def loop(self) -> None:
        while not self.done.is_set() and (self.times is None or self.killed < self.times):
            if self.ready():
                for child in psutil.Process().children(recursive=True):
                    with contextlib.suppress(psutil.Error):
                        if "spawn_main" in " ".join(child.cmdline()):
                            child.kill()
                            self.killed += 1
                            break
            time.sleep(0.05)


def pid_unless_a_worker(parent: int) -> int:
    """This process's id; a worker process (not ``parent``) dies instead."""
    if os.getpid() != parent:
        os._exit(1)
    return os.getpid()


def test_the_corpus_work_runs_in_a_pool_worker_or_here() -> None:
    engine = LocalEngine(workers=2, batch_size=1)
    batches = [Batch(number, (Source(f"d{number}", "test", "Москва.", "ok", None),))
               for number in range(2)]
    try:
        done = engine.run(batches, None)  # type: ignore[arg-type]  # no parts: tables come back
        assert [batch.number for batch, _ in done] == [0, 1]
        assert engine.call(os.getpid).result() != os.getpid()
        # The worker dies: the work runs in this process instead.
        assert engine.call(pid_unless_a_worker, os.getpid()).result() == os.getpid()
    finally:
        engine.close()
    assert engine.call(os.getpid).result() == os.getpid()  # no pool: a thread here


def test_a_dead_worker_is_replaced_and_its_batch_run_again(tmp_path: Path) -> None:
    corpus = big_corpus(tmp_path / "corpus", size=12)
    analyze_to(tmp_path / "clean", [corpus], batch_size=2)
    out = tmp_path / "out"
    with WorkerKiller(times=1, ready=lambda: any((out / PARTS).glob("b*"))) as killer:
        summary = analyze_to(out, [corpus], batch_size=2, workers=2)
    assert killer.killed == 1
    assert summary.statuses == {"ok": 12}
    assert_same_files(tmp_path / "clean", out)


def test_documents_whose_workers_keep_dying_are_marked_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a", "b"):
        (corpus / f"{name}.txt").write_text(REPORT, encoding="utf-8")
    (corpus / "c.txt").write_bytes(b"")
    command = ["analyze", str(corpus), "--workers", "2", "--batch-size", "2", "-q"]
    out = tmp_path / "out"
    with WorkerKiller(times=None):
        assert main([*command, "-o", str(out), "--strict"]) == 1
    refusal = capsys.readouterr().err
    assert "--strict: 2 of 3 documents failed; no tables written" in refusal
    assert not (out / "documents.parquet").exists()
    # The parts are kept: --resume (without --strict) writes the tables, analysing nothing.
    assert main([*command, "-o", str(out), "--resume"]) == 1
    documents = pd.read_parquet(out / "documents.parquet")
    assert documents["status"].tolist() == ["error", "error", "empty"]
    assert documents["error"].tolist()[:2] == [WORKER_DIED] * 2
    assert pd.read_parquet(out / "tokens.parquet").empty
    # Workers that die on every batch, three in a row: the cause is not a document.
    with WorkerKiller(times=None), pytest.raises(EngineError, match="3 batches in a row"):
        analyze_to(tmp_path / "again", [corpus], batch_size=1, workers=2)


def batches(out: Path) -> list[Path]:
    """The complete batches of the parts of a run in ``out``."""
    return [path for path in (out / PARTS).glob("b*") if path.is_dir()]


def test_resume_refuses_other_options_and_keeps_previous_outputs(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        folder.mkdir()
        for name in ("a", "b", "c"):
            (folder / f"{folder.name}-{name}.txt").write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out"
    analyze_to(out, [first], batch_size=1)
    before = (out / "documents.parquet").read_bytes()

    def interrupt(doc: seminar_nlp.Doc) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        analyze_to(out, [first], batch_size=1, progress=interrupt)
    assert (out / "documents.parquet").read_bytes() == before
    assert len(batches(out)) == 1
    assert main(["analyze", str(first), "-o", str(out), "--resume", "--batch-size", "2",
                 "--workers", "1"]) == 2
    assert "cannot resume" in capsys.readouterr().err
    assert main(["analyze", str(first), "-o", str(out), "--resume", "--batch-size", "1",
                 "--workers", "1"]) == 0
    assert "resumed: 1 of 3 batches" in capsys.readouterr().out
    assert (out / "documents.parquet").read_bytes() == before


@pytest.mark.skipif(not HAS_DASK, reason="dask.distributed is not installed "
                                         "(pip install 'seminar-nlp[dask]')")
def test_dask_gives_the_tables_of_the_local_engine(tmp_path: Path,
                                                   sample_tables: Tables) -> None:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        tables = seminar_nlp.analyze([REPORTS], engine="dask", batch_size=4,
                                     scheduler=cluster.scheduler_address)
    assert_same_tables(sample_tables, tables)
    # The command starts (and stops) its own LocalCluster.
    code = main(["analyze", str(REPORTS), "-o", str(tmp_path / "dask"), "-q",
                 "--engine", "dask", "--workers", "2", "--batch-size", "4"])
    assert code == 0
    sample_tables.save(tmp_path / "local")
    assert_same_files(tmp_path / "local", tmp_path / "dask")


def test_the_dask_engine_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(ImportError, match=r"pip install 'seminar-nlp\[dask\]'"):
        seminar_nlp.analyze([REPORT], engine="dask")
    assert main(["analyze", str(REPORTS), "-o", str(tmp_path / "out"), "--engine", "dask"]) == 2
    assert "pip install 'seminar-nlp[dask]'" in capsys.readouterr().err


def test_engine_and_option_errors_name_the_choices(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ValueError, match="unknown engine 'spark'; choose from: local, dask"):
        seminar_nlp.analyze([REPORT], engine="spark")
    with pytest.raises(ValueError, match="workers must be at least 1"):
        seminar_nlp.analyze([REPORT], workers=0)
    with pytest.raises(SystemExit):
        main(["analyze", "--engine", "spark"])
    assert "invalid choice: 'spark' (choose from local, dask)" in capsys.readouterr().err.replace(
        "'local', 'dask'", "local, dask")
    with pytest.raises(SystemExit):
        main(["analyze", "--workers", "0"])
    assert "--workers must be at least 1" in capsys.readouterr().err


def test_worker_processes_start_single_threaded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OMP_NUM_THREADS", "8")
    monkeypatch.delenv("MKL_NUM_THREADS", raising=False)
    with single_threaded_children():
        assert all(os.environ[variable] == "1" for variable in THREAD_VARIABLES)
    assert os.environ["OMP_NUM_THREADS"] == "8"
    assert "MKL_NUM_THREADS" not in os.environ


def test_blas_threads_are_limited_and_restored() -> None:
    controls = openblas_controls()
    if not controls:
        pytest.skip("no OpenBLAS with a thread-count function is loaded")
    get = controls[0][0]
    before = get()
    with blas_threads(1):
        assert get() == 1
    assert get() == before
