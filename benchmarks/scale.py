"""Scale: throughput with 1 and 2 worker processes, memory as the corpus grows, start-up, Dask.

The corpus is the sample reports and the factRuEval-2016 devset texts,
repeated under distinct names up to the size wanted, written to a temporary
folder. Every run of ours is the command (``python -m seminar_nlp.cli
analyze``) in a child process, timed whole: start-up, model loading in every
worker, reading, all stages, corpus-level work and Parquet output. natasha's
documented full loop (``Doc.segment``, ``tag_morph``, ``parse_syntax``,
``tag_ner``, ``lemmatize``, ``normalize``; see ``benchmarks/speed.py``) runs
in this process on the same texts with its models already loaded, so the
comparison is conservative for us. Memory is the peak of the summed resident
memory of the command and all its child processes (sampled every 0.1 s with
psutil), and the peak of the largest single process.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .common import ROOT, Settings, compile_bytecode, table
from .natasha_runner import natasha_loop

NAME = "Scale"
THROUGHPUT_DOCS = 4_000
SHORT_DOCS = 2_000  # one round more, to show what the fixed costs weigh in a shorter run
MEMORY_DOCS = (1_000, 10_000)
SAMPLE_EVERY = 0.1
TARGETS = {"one worker vs natasha": 1.2, "two workers vs one": 1.8, "memory growth": 1.2,
           "memory per worker (MB)": 800.0, "start-up (s)": 5.0}


@dataclass(frozen=True)
class RunStats:
    """One command run: wall time and peak memory."""

    seconds: float
    peak_total_mb: float  # the command and all its children, summed
    peak_process_mb: float  # the largest single process
    processes: int  # most processes seen at once
    cpu_seconds: float = 0.0  # user and system time of the command and its children


def log(message: str) -> None:
    print(f"[scale] {message}", file=sys.stderr, flush=True)


def distinct_texts(settings: Settings) -> list[tuple[str, bytes]]:
    """(name, file content) of the sample reports and the factRuEval devset texts."""
    paths = sorted((ROOT / "data" / "reports").glob("*.txt"))
    factru = sorted((settings.eval_dir / "factru" / "devset").glob("*.txt"))
    paths += factru[:settings.limit] if settings.limit else factru
    return [(path.stem, path.read_bytes()) for path in paths]


def write_corpus(folder: Path, texts: Sequence[tuple[str, bytes]], size: int) -> Path:
    folder.mkdir(parents=True)
    for number in range(size):
        name, data = texts[number % len(texts)]
        (folder / f"{number:05d}-{name}.txt").write_bytes(data)
    return folder


def run_command(args: Sequence[str]) -> RunStats:
    """Run ``seminar-nlp`` with ``args`` in a child process, sampling its memory."""
    stats = run_process([sys.executable, "-m", "seminar_nlp.cli", *args])
    if stats.exit not in (0, 1):
        raise RuntimeError(f"seminar-nlp {' '.join(args)} exited with {stats.exit}")
    return stats.run


@dataclass(frozen=True)
class Finished:
    run: RunStats
    exit: int


def run_process(argv: Sequence[str]) -> Finished:
    """Run ``argv`` in a child process (in the repository), sampling its memory; its CPU
    time from the kernel."""
    import resource

    import psutil

    compile_bytecode()  # not timed: as an installed package has it
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    child = subprocess.Popen(list(argv), stdout=subprocess.DEVNULL, cwd=ROOT)
    peak_total = peak_process = 0
    most = 0
    parent = psutil.Process(child.pid)
    while child.poll() is None:
        try:
            processes = [parent, *parent.children(recursive=True)]
            sizes = [process.memory_info().rss for process in processes]
        except psutil.Error:
            sizes = []
        if sizes:
            peak_total = max(peak_total, sum(sizes))
            peak_process = max(peak_process, max(sizes))
            most = max(most, len(sizes))
        time.sleep(SAMPLE_EVERY)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return Finished(RunStats(seconds, peak_total / 2**20, peak_process / 2**20, most, cpu),
                    child.returncode)


def analyze_args(corpus: Path, out: Path, *extra: str) -> list[str]:
    return ["analyze", str(corpus), "-o", str(out), "-q", *extra]


def counts(out: Path) -> tuple[int, int]:
    """(documents, tokens) written in ``out``."""
    import pyarrow.parquet as pq

    def rows(name: str) -> int:
        return int(pq.ParquetFile(out / f"{name}.parquet").metadata.num_rows)

    return rows("documents"), rows("tokens")


def same_tables(first: Path, second: Path) -> str:
    """"yes", or the tables (and columns) that differ."""
    import pandas as pd

    from seminar_nlp import TABLE_NAMES

    differ = []
    for name in TABLE_NAMES:
        left = pd.read_parquet(first / f"{name}.parquet")
        right = pd.read_parquet(second / f"{name}.parquet")
        if left.shape != right.shape or list(left.columns) != list(right.columns):
            differ.append(f"{name} ({len(left)} vs {len(right)} rows)")
        elif not left.equals(right):
            columns = [column for column in left.columns
                       if not left[column].equals(right[column])]
            differ.append(f"{name} ({', '.join(columns) or 'dtypes'})")
    return "yes" if not differ else "no: " + "; ".join(differ)


def median(runs: Sequence[RunStats]) -> RunStats:
    middle = statistics.median(run.seconds for run in runs)
    return min(runs, key=lambda run: abs(run.seconds - middle))


def alternating(corpus: Path, folder: Path, configs: dict[str, list[str]],
                repeats: int) -> dict[str, RunStats]:
    """The median run of each configuration, run in turn so that load changes hit all alike.

    The outputs of the last round stay in ``folder/<name>``.
    """
    runs: dict[str, list[RunStats]] = {name: [] for name in configs}
    for _ in range(repeats):
        for name, extra in configs.items():
            shutil.rmtree(folder / name, ignore_errors=True)
            runs[name].append(run_command(analyze_args(corpus, folder / name, *extra)))
    return {name: median(found) for name, found in runs.items()}


def natasha_seconds(corpus: Path, repeats: int) -> float:
    from seminar_nlp.readers import iter_sources

    texts = [source.text for source in iter_sources([corpus])]
    loop = natasha_loop()
    loop(texts[:2])  # loads its models
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        loop(texts)  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def startup(folder: Path, repeats: int) -> tuple[RunStats, str]:
    """The command on one short document, and where its time goes."""
    text = folder / "one" / "kazan.txt"
    text.parent.mkdir()
    text.write_text("18 марта в Казани прошёл научный семинар. Его открыл ректор КФУ "
                    "Ильдар Гарипов.", encoding="utf-8")
    stats = alternating(text.parent, folder, {"one-out": []}, repeats)["one-out"]
    probe = ("import time; t0 = time.perf_counter(); import seminar_nlp.cli, seminar_nlp.api; "
             "t1 = time.perf_counter(); from seminar_nlp import Pipeline; p = Pipeline(); "
             "p.process('Москва.'); t2 = time.perf_counter(); "
             "print(f'{t1 - t0:.2f} {t2 - t1:.2f}')")
    started = time.perf_counter()
    output = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True).stdout.split()
    total = time.perf_counter() - started
    imports, models = float(output[0]), float(output[1])
    interpreter = total - imports - models
    return stats, (f"Python start-up {interpreter:.2f} s, imports {imports:.2f} s, "
                   f"pipeline models (loaded on first use) {models:.2f} s")


def met(value: float, target: float, *, below: bool = False) -> str:
    return "met" if (value < target if below else value >= target) else "**not met**"


def section(settings: Settings) -> str:
    texts = distinct_texts(settings)
    repeats = max(1, settings.repeats)
    with tempfile.TemporaryDirectory(prefix="seminar-nlp-scale-") as tmp:
        folder = Path(tmp)
        corpus = write_corpus(folder / "throughput", texts, THROUGHPUT_DOCS)
        log(f"throughput on {THROUGHPUT_DOCS} documents, median of {repeats} runs")
        runs = alternating(corpus, folder, {
            "w1": ["--workers", "1"], "w2": ["--workers", "2"],
            "dask": ["--engine", "dask", "--workers", "2"]}, repeats)
        one, two, dask = runs["w1"], runs["w2"], runs["dask"]
        docs, tokens = counts(folder / "w2")
        log(f"1 and 2 workers on {SHORT_DOCS} documents, one round")
        short = write_corpus(folder / f"c{SHORT_DOCS}", texts, SHORT_DOCS)
        shorter = alternating(short, folder, {"s1": ["--workers", "1"],
                                              "s2": ["--workers", "2"]}, 1)
        same_workers = same_tables(folder / "w1", folder / "w2")
        same_dask = same_tables(folder / "w2", folder / "dask")
        log("natasha loop")
        theirs = natasha_seconds(corpus, repeats)
        memory = {}
        for size in MEMORY_DOCS:
            log(f"memory at {size} documents")
            big = write_corpus(folder / f"c{size}", texts, size)
            memory[size] = run_command(analyze_args(big, folder / f"m{size}", "--workers", "2"))
            shutil.rmtree(big)
            shutil.rmtree(folder / f"m{size}")
        log("start-up")
        start, breakdown = startup(folder, repeats)
    return report(settings, len(texts), docs, tokens, one, two, theirs, dask, memory, start,
                  breakdown, same_workers, same_dask, repeats, (shorter["s1"], shorter["s2"]))


def report(settings: Settings, distinct: int, docs: int, tokens: int, one: RunStats,
           two: RunStats, theirs: float, dask: RunStats, memory: dict[int, RunStats],
           start: RunStats, breakdown: str, same_workers: str, same_dask: str,
           repeats: int, short: tuple[RunStats, RunStats]) -> str:
    def speed(seconds: float) -> tuple[str, str, str]:
        return f"{seconds:.1f}", f"{docs / seconds:,.1f}", f"{tokens / seconds:,.0f}"

    rows = [
        ("seminar-nlp analyze --workers 1", *speed(one.seconds), f"{theirs / one.seconds:.2f}"),
        ("seminar-nlp analyze --workers 2", *speed(two.seconds), f"{theirs / two.seconds:.2f}"),
        ("seminar-nlp analyze --engine dask --workers 2", *speed(dask.seconds),
         f"{theirs / dask.seconds:.2f}"),
        ("natasha full loop (models loaded, in process)", *speed(theirs), "1.00"),
    ]
    small, large = memory[MEMORY_DOCS[0]], memory[MEMORY_DOCS[-1]]
    memory_rows = [(f"{size:,}", f"{run.seconds:.0f}", f"{run.peak_total_mb:.0f}",
                    f"{run.peak_process_mb:.0f}", run.processes)
                   for size, run in memory.items()]
    growth = large.peak_total_mb / small.peak_total_mb
    extra_docs = MEMORY_DOCS[-1] - MEMORY_DOCS[0]
    marginal = extra_docs / max(large.seconds - small.seconds, 1e-9)
    vs_natasha, vs_one = theirs / one.seconds, one.seconds / two.seconds
    targets = [
        ("1 worker vs natasha's loop", f">= {TARGETS['one worker vs natasha']}x",
         f"{vs_natasha:.2f}x", met(vs_natasha, TARGETS["one worker vs natasha"])),
        ("2 workers vs 1", f">= {TARGETS['two workers vs one']}x", f"{vs_one:.2f}x",
         met(vs_one, TARGETS["two workers vs one"])),
        (f"memory at {MEMORY_DOCS[-1]:,} vs {MEMORY_DOCS[0]:,} documents",
         f"< {TARGETS['memory growth']}x", f"{growth:.2f}x",
         met(growth, TARGETS["memory growth"], below=True)),
        ("largest process", f"< {TARGETS['memory per worker (MB)']:.0f} MB",
         f"{large.peak_process_mb:.0f} MB",
         met(large.peak_process_mb, TARGETS["memory per worker (MB)"], below=True)),
        ("start-up, one short document", f"< {TARGETS['start-up (s)']:.0f} s",
         f"{start.seconds:.1f} s", met(start.seconds, TARGETS["start-up (s)"], below=True)),
    ]
    return "\n".join([
        f"## {NAME}", "", __doc__.split("\n\n", 1)[1].strip(), "",
        f"Data: {docs:,} documents ({distinct} distinct texts repeated), {tokens:,} tokens; "
        f"wall time, median of {repeats} runs each (our three configurations run in turn, "
        "round by round, so that other load on the machine hits them alike).", "",
        table(["system", "seconds", "documents/s", "tokens/s", "speed vs natasha"], rows), "",
        f"Tables identical (last round) with 1 and 2 workers: {same_workers}; Dask "
        f"(LocalCluster, 2 worker processes, 1 thread each) vs the local pool: {same_dask}.",
        "",
        f"On {SHORT_DOCS:,} of these documents (one round): 1 worker {short[0].seconds:.1f} s, "
        f"2 workers {short[1].seconds:.1f} s, {short[0].seconds / short[1].seconds:.2f}x. "
        "What does not divide among the workers (Python and imports, model loading, the "
        "corpus-level work and the writing of the final tables, a few seconds in all) weighs "
        "more in a shorter run.", "",
        "Peak memory, `--workers 2` (one run each):", "",
        table(["documents", "seconds", "peak MB, all processes", "peak MB, largest process",
               "processes"], memory_rows), "",
        f"From these two runs, the {extra_docs:,} documents more took "
        f"{large.seconds - small.seconds:.0f} s: {marginal:,.1f} documents/s with 2 workers "
        f"once started (start-up, model loading and the corpus-level work left out; "
        f"{docs / one.seconds:,.1f} documents/s for 1 worker above, start-up included).", "",
        f"Start-up: `seminar-nlp analyze` on one short document, {start.seconds:.1f} s wall "
        f"time (median of {repeats}; one batch runs in the command's own process, no pool), "
        f"peak {start.peak_total_mb:.0f} MB. Where the time goes: {breakdown}.", "",
        table(["target", "wanted", "measured", ""], targets),
    ])
