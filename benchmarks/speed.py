"""Speed and memory: ``seminar-nlp analyze`` beside natasha's full pipeline loop.

Both run on the factRuEval-2016 devset texts, one process, one core's worth of
work. Ours is every stage of the default pipeline plus the tables; natasha's
loop is the one its documentation shows: ``Doc.segment``, ``tag_morph``,
``parse_syntax``, ``tag_ner``, ``lemmatize`` every token, ``normalize`` every
span. Throughput is measured with models already loaded, as the median of
several runs, in tokens (our tokenisation, the same count for both) per
second. The command line is also timed whole, in a child process, with its
peak memory, and the time of each stage is measured in separate runs.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from .common import Settings, Timed, median_time, table
from .natasha_runner import natasha_loop
from .scale import run_command

NAME = "Speed"


def factru_texts(settings: Settings) -> list[tuple[str, str]]:
    folder = settings.eval_dir / "factru" / "devset"
    paths = sorted(folder.glob("*.txt"))
    if settings.limit:
        paths = paths[:settings.limit]
    return [(path.stem, path.read_text(encoding="utf-8")) for path in paths]


def cli_run(folder: Path, out: Path) -> tuple[float, float]:
    """Wall time and peak memory (MB) of the command on ``folder``, in a child process.

    The memory is sampled from the running command (``scale.run_command``): the
    kernel's peak for a child (``wait4``, ``RUSAGE_CHILDREN``) counts the pages it
    shared with this large process between fork and exec.
    """
    stats = run_command(["analyze", str(folder), "-o", str(out), "-q", "--workers", "1"])
    return stats.seconds, stats.peak_total_mb


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
        cli_seconds, cli_peak = cli_run(folder, Path(tmp) / "out")
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
        f"`seminar-nlp analyze --workers 1` as a command on the same folder (start-up, model "
        f"loading, reading, all stages, Parquet output): {cli_seconds:.1f} s wall time, peak "
        f"memory {cli_peak:.0f} MB.", "",
        shares_text(shares),
    ])
