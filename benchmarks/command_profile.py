"""Where the time of one whole ``seminar-nlp analyze`` command goes, by wall clock.

    python -m benchmarks.command_profile analyze FOLDER -o OUT -q --workers 1

Runs the command in this process with clocks around its parts and prints them as JSON
(seconds): the imports of the command, each pipeline stage, the loading of each model
(``Resources``' properties and wordfreq's word list, ``frequency.bands``, taken out of the
stage that first used it), the corpus-level work (in a thread beside the writing of the tables), the
writing of the tables (``publish``, which waits for the corpus-level work where it needs
it), and the total. Each clock counts its own time, not that of the clocks inside it.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import cached_property, wraps
from typing import Any


class Clocks:
    """Exclusive wall time by label, per thread (a clock inside another is not counted
    twice)."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)
        self.local = threading.local()
        self.lock = threading.Lock()

    def wrap(self, label: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            stack: list[float] = self.local.__dict__.setdefault("stack", [])
            started = time.perf_counter()
            stack.append(0.0)
            try:
                return function(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - started
                inner = stack.pop()
                with self.lock:
                    self.spent[label] += elapsed - inner
                if stack:
                    stack[-1] += elapsed

        return timed


class TimedStage:
    def __init__(self, stage: Any, clocks: Clocks) -> None:
        self.name, self.needs, self.provides = stage.name, stage.needs, stage.provides
        self.run = clocks.wrap(f"stage: {stage.name}", stage)

    def __call__(self, docs: Sequence[Any]) -> Any:
        return self.run(docs)


def instrument(clocks: Clocks) -> None:
    import seminar_nlp.api as api
    import seminar_nlp.frequency as frequency
    import seminar_nlp.pipeline as pipeline
    from seminar_nlp.resources import Resources

    plain_stages = pipeline.default_stages

    def stages(*args: Any, **kwargs: Any) -> list[Any]:
        return [TimedStage(stage, clocks) for stage in plain_stages(*args, **kwargs)]

    pipeline.default_stages = stages  # type: ignore[assignment]
    for name, value in list(vars(Resources).items()):
        if isinstance(value, cached_property):
            timed = cached_property(clocks.wrap(f"load: {name}", value.func))
            timed.__set_name__(Resources, name)
            setattr(Resources, name, timed)
    frequency.bands = clocks.wrap(  # type: ignore[assignment]
        "load: wordfreq word list", frequency.bands)
    api.resolve_corpus = clocks.wrap("corpus-level work", api.resolve_corpus)  # type: ignore
    api.publish = clocks.wrap("writing the tables", api.publish)  # type: ignore[assignment]


def main(argv: Sequence[str]) -> int:
    started = time.perf_counter()
    import seminar_nlp.api  # noqa: F401 - timed: the imports of the command
    import seminar_nlp.cli as cli
    from seminar_nlp.engines.process import fewer_collections

    imports = time.perf_counter() - started
    fewer_collections()  # as ``cli.run`` does
    clocks = Clocks()
    instrument(clocks)
    code = cli.main(list(argv))
    total = time.perf_counter() - started
    print(json.dumps({"imports": imports, **clocks.spent, "total": total, "exit": code}))
    return 0 if code in (0, 1) else code


if __name__ == "__main__":
    code = main(sys.argv[1:])
    from seminar_nlp.engines.process import finish  # imported after the clocks: not timed

    finish(code)  # as ``cli.run`` ends
