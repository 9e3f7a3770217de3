"""Robustness benchmark: the runs, the accounting of inputs, the comparisons."""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..common import peak_rss_mb
from .corpus import Corpus, cut
from .kinds import (
    BOILERPLATE,
    COMPARED,
    CORPUS_NAMES,
    DOCUMENT_COLUMNS,
    ID_COLUMNS,
    INVISIBLE,
    MB,
    NUMBER,
    WORKERS,
)

# ---------------------------------------------------------------- the runs


@dataclass(frozen=True)
class Run:
    out: Path
    seconds: float
    summary: Any  # seminar_nlp.api.Summary


def log(message: str) -> None:
    print(f"[robustness] {message}", file=sys.stderr, flush=True)


def analyse(folder: Path, out: Path) -> Run:
    """The run under test: nothing here catches an exception."""
    from seminar_nlp.api import analyze_to

    started = time.perf_counter()
    summary = analyze_to(out, [folder], workers=WORKERS, formats=("parquet",))
    return Run(out, time.perf_counter() - started, summary)


def code_fingerprint() -> str:
    """A digest of the installed seminar_nlp sources: the runs compared must share them."""
    import hashlib

    import seminar_nlp

    digest = hashlib.sha256()
    for path in sorted(Path(seminar_nlp.__file__).parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def read(out: Path, name: str) -> Any:
    import pandas as pd

    return pd.read_parquet(out / f"{name}.parquet")


def row_key(source: str, doc_id: str, meta: Any) -> tuple[str, str]:
    """(source, id as the input gave it): a repeated id is matched through ``renamed_from``."""
    renamed = json.loads(meta).get("renamed_from") if isinstance(meta, str) else None
    return source, renamed or doc_id


@dataclass(frozen=True)
class Accounting:
    by_id: int  # inputs matched to a row by (source path, contract id)
    by_path: Counter[str]  # by kind: inputs matched only to a row of their file, other id
    examples: dict[str, tuple[str, str]]  # by kind: (contract id, the row's id)
    missing: Counter[str]  # by kind: inputs without a row
    unexpected: Counter[str]  # by kind: rows that match no input
    unique_ids: bool


def account(corpus: Corpus, documents: Any) -> Accounting:
    """Match inputs to rows by (source, id); what is left, by source path alone."""
    want = Counter((item.source, item.doc_id) for item in corpus.expected)
    got = Counter(row_key(source, doc_id, meta) for source, doc_id, meta in
                  zip(documents["source"], documents["doc_id"], documents["meta"], strict=True))
    left_want, left_got = want - got, got - want
    by_path: Counter[str] = Counter()
    examples: dict[str, tuple[str, str]] = {}
    rows_left: dict[str, list[str]] = {}
    for source, doc_id in left_got.elements():
        rows_left.setdefault(source, []).append(doc_id)
    missing: Counter[str] = Counter()
    for source, doc_id in sorted(left_want.elements()):
        kind = corpus.kinds.get(source, "?")
        if rows_left.get(source):
            found = rows_left[source].pop(0)
            by_path[kind] += 1
            examples.setdefault(kind, (doc_id, found))
        else:
            missing[kind] += 1
    unexpected = Counter(corpus.kinds.get(source, "?") for source, ids in rows_left.items()
                         for _ in ids)
    return Accounting(sum((want & got).values()), by_path, examples, missing, unexpected,
                      bool(documents["doc_id"].is_unique))


@dataclass
class KindStats:
    inputs: int = 0
    rows: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    kept: int = 0  # ok rows of single-text files whose text is the file's, cleaned
    checked: int = 0


def by_kind(corpus: Corpus, documents: Any) -> dict[str, KindStats]:
    from seminar_nlp.cleaning import clean

    stats: dict[str, KindStats] = {}
    for item in corpus.expected:
        stats.setdefault(item.kind, KindStats()).inputs += 1
    texts = {item.source: item.text for item in corpus.expected if item.text is not None}
    for source, status, error, text in zip(documents["source"], documents["status"],
                                           documents["error"], documents["text"], strict=True):
        kind = stats.setdefault(corpus.kinds.get(source, "(unknown source)"), KindStats())
        kind.rows += 1
        kind.statuses[status] += 1
        if isinstance(error, str):
            kind.errors[NUMBER.sub("N", error)] += 1
        if status == "ok" and source in texts:
            kind.checked += 1
            kind.kept += text == clean(texts[source])
    return stats


def boilerplate_leaks(corpus: Corpus, documents: Any) -> dict[str, tuple[int, int]]:
    """By HTML kind: (rows whose text holds page furniture, rows with text)."""
    found: dict[str, tuple[int, int]] = {}
    for source, text in zip(documents["source"], documents["text"], strict=True):
        kind = corpus.kinds.get(source, "")
        if kind.startswith("html") and isinstance(text, str) and text.strip():
            leaked, rows = found.get(kind, (0, 0))
            found[kind] = (leaked + any(marker in text for marker in BOILERPLATE), rows + 1)
    return found


def content(out: Path, name: str, doc_ids: set[str], names: dict[str, str] | None) -> Any:
    """Table ``name`` for ``doc_ids``: without the corpus-level columns (entity ids, and the
    names roles and quotes take from the entity), or with the ids mapped through ``names``."""
    data = read(out, name)
    data = data[data["doc_id"].isin(doc_ids)].reset_index(drop=True)
    if name == "documents":
        data = data[list(DOCUMENT_COLUMNS)]
    if names is None:
        return data.drop(columns=[*ID_COLUMNS.get(name, ()), *CORPUS_NAMES.get(name, ())])
    for column in ID_COLUMNS.get(name, ()):
        data[column] = [names.get(value) if isinstance(value, str) else None
                        for value in data[column]]
    return data


def entity_names(out: Path) -> dict[str, str]:
    entities = read(out, "entities")
    return {entity_id: f"{kind}:{name}" for entity_id, kind, name in
            zip(entities["entity_id"], entities["type"], entities["name"], strict=True)}


def rows_of(data: Any) -> list[tuple[object, ...]]:
    import pandas as pd

    return [tuple(None if value is pd.NA or value is None else value for value in row)
            for row in data.itertuples(index=False)]


def differing_rows(left: Any, right: Any) -> int:
    """Rows of either table with no equal row in the other (as multisets)."""
    a, b = Counter(rows_of(left)), Counter(rows_of(right))
    return sum(((a - b) + (b - a)).values())


def differing_columns(left: Any, right: Any) -> list[str]:
    """Where the tables differ, document by document, rows paired in table order."""
    found: Counter[str] = Counter()
    groups = dict(tuple(right.groupby("doc_id", sort=False)))
    for doc_id, mine in left.groupby("doc_id", sort=False):
        theirs = groups.pop(doc_id, None)
        if theirs is None or len(theirs) != len(mine):
            found["number of rows"] += 1
            continue
        for column in left.columns:
            a, b = rows_of(mine[[column]]), rows_of(theirs[[column]])
            found[column] += a != b
    found["number of rows"] += len(groups)
    return [f"{column} ({count} docs)" for column, count in found.most_common() if count]


@dataclass(frozen=True)
class Comparison:
    name: str
    rows_alone: int
    rows_mixed: int
    differ_without_ids: int
    differ_with_names: int
    where: list[str]
    examples: list[str] = field(default_factory=list)


def renamed(alone: Any, mixed: Any, count: int = 5) -> list[str]:
    """Mentions whose entity has another name in the mixed run: the first ``count`` pairs."""
    found: dict[tuple[str, str], str] = {}
    if len(alone) != len(mixed):
        return []
    for text, before, after in zip(alone["text"], alone["entity_id"], mixed["entity_id"],
                                   strict=True):
        if before != after and (before, after) not in found and len(found) < count:
            found[before, after] = f"`{cell(text)}`: `{cell(str(before))}` -> `{cell(str(after))}`"
    return list(found.values())


def compare(good: Path, mixed: Path, doc_ids: set[str]) -> list[Comparison]:
    good_names, mixed_names = entity_names(good), entity_names(mixed)
    found = []
    for name in COMPARED:
        alone, together = (content(good, name, doc_ids, None),
                           content(mixed, name, doc_ids, None))
        named_alone = content(good, name, doc_ids, good_names)
        named_together = content(mixed, name, doc_ids, mixed_names)
        where = differing_columns(named_alone, named_together)
        examples = renamed(named_alone, named_together) if name == "mentions" else []
        found.append(Comparison(name, len(alone), len(together),
                                differing_rows(alone, together),
                                differing_rows(named_alone, named_together), where, examples))
    return found


# ---------------------------------------------------------------- inputs run alone


def bad_name(folder: Path) -> None:
    with open(os.fsencode(folder) + b"/name-\xff\xfe.txt", "wb") as file:
        file.write("Москва — столица России.".encode())


def lone_surrogate(folder: Path) -> None:
    (folder / "surrogate.jsonl").write_text(
        '{"id": "s1", "text": "Смайлик \\ud83d обрезан: Москва — столица России."}\n',
        encoding="utf-8")


PROBES: dict[str, Callable[[Path], None]] = {
    "a file whose name is not UTF-8 (`name-\\xff\\xfe.txt`)": bad_name,
    "a JSONL row whose text holds a lone surrogate (`\"\\ud83d\"`)": lone_surrogate,
}


def probe(folder: Path, write: Callable[[Path], None]) -> str:
    """Run one odd input beside a good text; the outcome, exception included."""
    from seminar_nlp.api import analyze_to

    (folder / "in").mkdir(parents=True)
    (folder / "in" / "good.txt").write_text("18 марта в Казани прошёл семинар.", encoding="utf-8")
    try:
        write(folder / "in")
    except OSError as error:
        return f"could not be made here ({error.strerror})"
    try:
        summary = analyze_to(folder / "out", [folder / "in"], workers=1)
    except Exception as error:  # noqa: BLE001 - the outcome being measured
        return f"**uncaught {type(error).__name__}**: {str(error)[:120]}"
    statuses = ", ".join(f"{key} {value}" for key, value in sorted(summary.statuses.items()))
    return f"returned: {summary.n_documents} rows ({statuses})"


def probes(folder: Path) -> list[tuple[str, str]]:
    return [(label, probe(folder / f"p{number}", write))
            for number, (label, write) in enumerate(PROBES.items())]


# ---------------------------------------------------------------- large documents


@dataclass(frozen=True)
class Large:
    n_bytes: int
    n_chars: int
    n_tokens: int
    status: str
    seconds: float
    peak_mb: float

    @property
    def per_mb(self) -> float:
        return self.seconds / (self.n_bytes / MB)


def repeated(texts: Sequence[str], size: int) -> str:
    parts: list[str] = []
    total = 0
    while total < size:
        text = texts[len(parts) % len(texts)]
        parts.append(text)
        total += len(text.encode("utf-8")) + 2
    return cut("\n\n".join(parts), size)


def large_documents(sizes: Sequence[int], texts: Sequence[str]) -> list[Large]:
    from seminar_nlp.pipeline import Pipeline

    pipeline = Pipeline()
    pipeline.process(texts[0])  # warm-up: the models load on first use
    found = []
    for size in sizes:
        text = repeated(texts, size)
        log(f"one document of {len(text.encode('utf-8')):,} bytes")
        started = time.perf_counter()
        doc = pipeline.process(text)
        seconds = time.perf_counter() - started
        found.append(Large(len(text.encode("utf-8")), len(text), len(doc.tokens or ()),
                           doc.source.status, seconds, peak_rss_mb()))
    return found

def cell(text: str) -> str:
    """Text for a Markdown table cell: pipes escaped, invisible characters shown as \\uXXXX."""
    import unicodedata

    shown = "".join(f"\\u{ord(char):04x}" if unicodedata.category(char) in INVISIBLE else char
                    for char in text.replace("\n", " "))
    return shown.replace("|", "\\|")
