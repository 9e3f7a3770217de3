"""Speed and memory: ``seminar-nlp analyze`` beside natasha's full pipeline loop.

Both run on the factRuEval-2016 devset texts, one process, one core's worth of
work. Ours is every stage of the default pipeline plus the tables; natasha's
loop is the one its documentation shows: ``Doc.segment``, ``tag_morph``,
``parse_syntax``, ``tag_ner``, ``lemmatize`` every token, ``normalize`` every
span. Throughput is measured with models already loaded, as the median of
several runs, in tokens (our tokenisation, the same count for both) per
second. Then both are timed as whole processes, run in turn ``WHOLE_RUNS`` times
(median): ``seminar-nlp analyze --workers 1`` on the folder of texts, and natasha's
loop as a script on the same folder (``python -m benchmarks.natasha_runner``, one BLAS
thread as the command has), start-up and model loading included, with the modules of
both compiled to bytecode first, as ``pip install`` leaves them. The time of each
stage is measured in separate runs, and the whole command once more with a clock on
each of its parts (``benchmarks/command_profile.py``).
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .common import ROOT, Settings, Timed, compile_bytecode, median_time, table
from .natasha_runner import natasha_loop
from .scale import RunStats, median, run_command, run_process

NAME = "Speed"
WHOLE_RUNS = 5


def factru_texts(settings: Settings) -> list[tuple[str, str]]:
    folder = settings.eval_dir / "factru" / "devset"
    paths = sorted(folder.glob("*.txt"))
    if settings.limit:
        paths = paths[:settings.limit]
    return [(path.stem, path.read_text(encoding="utf-8")) for path in paths]


def whole_processes(folder: Path, out: Path, runs: int) -> tuple[RunStats, RunStats]:
    """The median runs of the command (one worker) and of natasha's loop as a script, each a
    whole process, run in turn so that other load on the machine hits both alike.

    The memory is sampled from the running process (``scale.run_process``): the
    kernel's peak for a child (``wait4``, ``RUSAGE_CHILDREN``) counts the pages it
    shared with this large process between fork and exec.
    """
    ours, theirs = [], []
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        ours.append(run_command(["analyze", str(folder), "-o", str(out), "-q", "--workers", "1"]))
        done = run_process([sys.executable, "-m", "benchmarks.natasha_runner", str(folder)])
        if done.exit != 0:
            raise RuntimeError(f"natasha's loop exited with {done.exit}")
        theirs.append(done.run)
    return median(ours), median(theirs)


def nerel_texts(settings: Settings) -> list[tuple[str, str]]:
    folder = settings.eval_dir / "nerel" / "dev"
    paths = sorted(folder.glob("*.txt"))
    if settings.limit:
        paths = paths[:settings.limit]
    return [(f"nerel-{path.stem}", path.read_text(encoding="utf-8")) for path in paths]


def workers_compared(folder: Path, out: Path, runs: int) -> tuple[RunStats, RunStats]:
    """The median runs of the command with one worker and with two, in turn."""
    one, two = [], []
    for _ in range(runs):
        for workers, found in (("1", one), ("2", two)):
            shutil.rmtree(out, ignore_errors=True)
            found.append(run_command(["analyze", str(folder), "-o", str(out), "-q",
                                      "--workers", workers]))
    return median(one), median(two)


def fixed_share(parts: list[tuple[str, float]]) -> float:
    """The share of the one-worker command that two workers cannot divide: start-up, imports,
    model loading and the writing of the tables (which waits for the corpus-level work)."""
    fixed = sum(seconds for name, seconds in parts
                if name in ("Python start-up", "imports", "writing the tables")
                or name.startswith("load: "))
    return fixed / parts[-1][1]


def workers_text(n_docs: int, one: RunStats, two: RunStats, fixed: float) -> str:
    return "\n".join([
        f"One worker and two on the factRuEval and NEREL dev texts together ({n_docs} "
        f"documents), whole processes run in turn, median of {WHOLE_RUNS} each:", "",
        table(["process", "wall s", "CPU s", "speed vs one worker"], [
            ("seminar-nlp analyze --workers 1", f"{one.seconds:.2f}", f"{one.cpu_seconds:.2f}",
             "1.00"),
            ("seminar-nlp analyze --workers 2", f"{two.seconds:.2f}", f"{two.cpu_seconds:.2f}",
             f"{one.seconds / two.seconds:.2f}")]), "",
        "With two workers each worker process starts Python, imports and loads its models "
        "(the CPU seconds above count them twice), and the corpus-level work and the final "
        "write wait for the last batch. In the one-worker profile above (the factRuEval texts "
        "alone), start-up, imports, model loading and the writing of the tables are "
        f"{fixed:.0%} of the run; were all of the rest divided in two, two workers would be "
        f"{1 / (fixed + (1 - fixed) / 2):.2f}x one worker at most there (a little more on "
        "the longer corpus, whose divisible part is larger).",
    ])


def command_parts(folder: Path, out: Path) -> list[tuple[str, float]]:
    """Seconds of each part of one whole command (``benchmarks/command_profile.py``)."""
    shutil.rmtree(out, ignore_errors=True)
    compile_bytecode()
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "benchmarks.command_profile", "analyze",
                           str(folder), "-o", str(out), "-q", "--workers", "1"],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    wall = time.perf_counter() - started
    spent = json.loads(done.stdout.strip().splitlines()[-1])
    total = spent.pop("total")
    spent.pop("exit")
    corpus = spent.pop("corpus-level work", 0.0)  # in a thread, beside the writing
    rest = total - sum(spent.values())
    return [("Python start-up", wall - total), *spent.items(),
            ("reading, batches and the rest", rest), ("(corpus-level work, in a thread)", corpus),
            ("whole command", wall)]


def parts_text(parts: list[tuple[str, float]]) -> str:
    wall = parts[-1][1]
    return "\n".join([
        "The whole command once more (`--workers 1`, same folder), a clock on each part: "
        "imports, each stage (without the models it loads first), each model's loading, "
        "the writing of the tables (which waits for the corpus-level work where it needs it; "
        "that work runs in a thread beside it and is shown apart, not in the sum):", "",
        table(["part", "seconds", "share"],
              [(name, f"{seconds:.2f}", f"{seconds / wall:.1%}") for name, seconds in parts]),
    ])


def stage_shares(folder: Path, repeats: int) -> list[tuple[str, float]]:
    """Seconds in each stage of the default pipeline, in entity resolution and in the rest of
    ``analyze`` (reading, corpus themes, tables), medians of the runs."""
    import seminar_nlp
    from seminar_nlp.corpus.entities import resolve
    from seminar_nlp.engines.final import RESOLVE_COLUMNS
    from seminar_nlp.pipeline import default_stages
    from seminar_nlp.resources import shared

    runs: list[list[tuple[str, float]]] = []
    for _ in range(repeats + 1):  # the first run loads the models and is not counted
        stages = [Timed(stage) for stage in default_stages(shared())]
        pipeline = seminar_nlp.Pipeline(stages)
        started = time.perf_counter()
        tables = seminar_nlp.analyze([folder], pipeline=pipeline)
        total = time.perf_counter() - started
        # analyze resolved the entities once in the rest; timed again here on its own
        mentions = tables.mentions[list(RESOLVE_COLUMNS)]
        started = time.perf_counter()
        resolve(mentions)
        resolution = time.perf_counter() - started
        rest = total - sum(stage.seconds for stage in stages) - resolution
        runs.append([(stage.name, stage.seconds) for stage in stages]
                    + [("entity resolution", resolution), ("rest", rest)])
    return [(name, statistics.median(run[i][1] for run in runs[1:]))
            for i, (name, _) in enumerate(runs[0])]


def shares_text(shares: list[tuple[str, float]]) -> str:
    total = sum(seconds for _, seconds in shares)
    part = dict(shares)
    roles = part["roles"] + part["entity resolution"]
    themes = part["events"] + part["quotes"] + part["themes"]
    return "\n".join([
        "Where the time goes (the same texts through `analyze`, each stage timed; entity "
        "resolution across the corpus timed on its own on the mentions table the run made; "
        "rest = reading, corpus themes and building the tables; medians of the runs):", "",
        table(["part", "seconds", "share"],
              [(name, f"{seconds:.2f}", f"{seconds / total:.1%}") for name, seconds in shares]),
        "",
        f"Roles plus entity resolution: {roles / total:.1%} of the time; events, quotes and "
        f"themes together: {themes / total:.1%}.",
    ])


def section(settings: Settings) -> str:
    import seminar_nlp

    documents = factru_texts(settings)
    texts = [text for _, text in documents]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "factru"
        folder.mkdir()
        for doc_id, text in documents:
            (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        pipeline = seminar_nlp.Pipeline()
        warm = seminar_nlp.analyze([folder], pipeline=pipeline)  # loads the models
        n_tokens = len(warm.tokens)
        ours, _ = median_time(lambda: seminar_nlp.analyze([folder], pipeline=pipeline),
                              settings.repeats)
        shares = stage_shares(folder, settings.repeats)
        loop = natasha_loop()
        loop(texts[:2])  # loads its models
        theirs, _ = median_time(lambda: loop(texts), settings.repeats)
        command, script = whole_processes(folder, Path(tmp) / "out", WHOLE_RUNS)
        parts = command_parts(folder, Path(tmp) / "profiled")
        for doc_id, text in nerel_texts(settings):
            (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        n_both = len(list(folder.glob("*.txt")))
        one, two = workers_compared(folder, Path(tmp) / "out", WHOLE_RUNS)
    rows = [
        ("seminar-nlp analyze (API, models loaded)", f"{ours:.2f}", f"{n_tokens / ours:,.0f}",
         f"{theirs / ours:.2f}"),
        ("natasha full loop (with syntax)", f"{theirs:.2f}", f"{n_tokens / theirs:,.0f}", "1.00"),
    ]
    return "\n".join([
        f"## {NAME}", "", __doc__.split("\n\n", 1)[1].strip(), "",
        f"Data: {len(documents)} factRuEval devset texts, {n_tokens:,} tokens; median of "
        f"{settings.repeats} runs.", "",
        table(["system", "seconds", "tokens/s", "speed vs natasha"], rows), "",
        "Whole processes, run in turn, median of "
        f"{WHOLE_RUNS} each (start-up, model loading, reading, all stages; ours also the "
        "corpus-level work and the Parquet output):", "",
        table(["process", "wall s", "CPU s", "peak MB", "speed vs natasha (wall)"], [
            ("seminar-nlp analyze --workers 1", f"{command.seconds:.2f}",
             f"{command.cpu_seconds:.2f}", f"{command.peak_total_mb:.0f}",
             f"{script.seconds / command.seconds:.2f}"),
            ("natasha full loop as a script", f"{script.seconds:.2f}",
             f"{script.cpu_seconds:.2f}", f"{script.peak_total_mb:.0f}", "1.00")]), "",
        parts_text(parts), "",
        shares_text(shares), "",
        workers_text(n_both, one, two, fixed_share(parts)),
    ])
