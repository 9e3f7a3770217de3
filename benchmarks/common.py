"""Shared pieces of the benchmarks: gold data location, machine facts, timing, tables."""

from __future__ import annotations

import os
import platform
import resource
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"


@dataclass(frozen=True)
class Settings:
    """What every section gets: where the gold is and how much of it to use."""

    eval_dir: Path
    limit: int | None = None  # documents (or sentences) per data set; None = all
    repeats: int = 3  # timed runs, the median is reported


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB RAM; {platform.system()} "
            f"{platform.release()}; Python {sys.version.split()[0]}")


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def median_time(run: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    """Median wall time of ``repeats`` runs, and the last run's result."""
    times, result = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def prf(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    def cell(value: object) -> str:
        if isinstance(value, float):
            return f"{value:.3f}"
        return str(value)

    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines)


class Timed:
    """A pipeline stage that keeps the time spent in it."""

    def __init__(self, stage: Any) -> None:
        self.stage, self.seconds = stage, 0.0
        self.name, self.needs, self.provides = stage.name, stage.needs, stage.provides

    def __call__(self, docs: Sequence[Any]) -> list[Any]:
        started = time.perf_counter()
        try:
            return list(self.stage(docs))
        finally:
            self.seconds += time.perf_counter() - started


def compile_bytecode() -> None:
    """Compile the package's and the benchmarks' modules to bytecode, as ``pip install .``
    compiles an installed package's (and those of natasha and every other dependency).

    Without it a tree installed in editable mode, where ``PYTHONDONTWRITEBYTECODE`` is
    set (as on our machines), compiles every module of ours again in each timed process.
    """
    import compileall

    import seminar_nlp

    for folder in (Path(seminar_nlp.__file__).parent, Path(__file__).resolve().parent):
        compileall.compile_dir(str(folder), quiet=1)


def pipeline_with(make: Callable[[Any], Any]) -> Any:
    """The default pipeline with one stage replaced by ``make(resources)`` (a stage of the
    same name): the roles stage with its link model, the quotes stage with its rules."""
    import seminar_nlp
    from seminar_nlp.pipeline import default_stages
    from seminar_nlp.resources import shared

    replacement = make(shared())
    return seminar_nlp.Pipeline([replacement if stage.name == replacement.name else stage
                                 for stage in default_stages(shared())])
