"""PullEnti (``pip install pullenti``; evaluation only) as a baseline for role extraction.

PullEnti's PERSON referents carry ATTRIBUTE slots: PERSONPROPERTY referents ("должность") with a
NAME, a REF to the organisation or place they belong to, and a HIGHER position ("заместитель" ->
"директор ..."). Each attribute occurrence inside a person occurrence becomes a row:

- person: PullEnti's PERSON span includes the position ("председателя КНР Ху Цзиньтао"), so the
  person part is the longest stretch of the occurrence not covered by an attribute occurrence,
  trimmed of spaces and punctuation ("Ху Цзиньтао");
- role: the attribute occurrence, cut before its organisation when the organisation ends it
  ("министр торговли Китая" -> "министр торговли");
- org: the occurrence of the REF referent (an ORGANIZATION or a GEO; else the REF of a HIGHER
  position) inside the attribute occurrence, else inside the person occurrence, else the nearest.

Kinship and nationality attributes ("сын", "россиянин") are not positions and give no row.

Offsets: PullEnti's morphology has no entry for characters beyond U+FFFF (it fails on them), so
those are replaced one-for-one by a space before analysis, which keeps every offset; should
PullEnti's own text (``sofa``) still differ from the input, its offsets are mapped back through a
character alignment (difflib), so spans always index the original text.

PullEnti raises on some inputs (its DATE analyser on a date with year 0, its ADDRESS analyser in
a clean-up step): such a document is caught and counted as a crash, then analysed once more by a
processor without the DATE and ADDRESS analysers, which role extraction does not need; a document
that fails that too gives no rows and is counted as failed. Initialisation (a few seconds) is
timed apart; the timings include the retries.
"""

from __future__ import annotations

import difflib
import functools
import importlib.util
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .gold import RoleSpans, Span

ORG_REFS = frozenset({"ORGANIZATION", "GEO"})
SKIP_KINDS = frozenset({"KIN", "NATIONALITY"})
# analysers left out of the retry processor: the ones seen to crash, unused for roles
RETRY_WITHOUT = frozenset({"DATE", "ADDRESS"})
TRIM = " \t\r\n\u00a0,;:.!?()[]{}«»\"'“”„-–—/|"
MAX_CHAR = 0xFFFF
HIGHER_DEPTH = 5


@dataclass(frozen=True)
class PullentiRun:
    """Rows per document, crashes and timings of one PullEnti run."""

    rows: dict[str, tuple[RoleSpans, ...]]
    n_docs: int
    crashed: tuple[str, ...]  # the default processor raised
    failed: tuple[str, ...]  # the retry raised too: no rows
    seconds: float
    init_seconds: float
    version: str

    @property
    def crashes(self) -> int:
        return len(self.crashed)

    @property
    def docs_per_second(self) -> float:
        return self.n_docs / self.seconds if self.seconds else 0.0


def available() -> bool:
    return importlib.util.find_spec("pullenti") is not None


@functools.lru_cache(maxsize=1)
def _initialise() -> tuple[float, str]:
    """Initialise the SDK once per process: (seconds taken, version)."""
    from pullenti.Sdk import Sdk

    started = time.perf_counter()
    Sdk.initialize_all()
    return time.perf_counter() - started, Sdk.get_version()


def _processor(without: Iterable[str] = ()) -> Any:
    """PullEnti's default processor, less the analysers named in ``without``."""
    from pullenti.ner.ProcessorService import ProcessorService

    processor = ProcessorService.create_processor()
    for analyzer in list(processor.analyzers):
        if analyzer.name in without:
            processor.del_analyzer(analyzer)
    return processor


# ---------------------------------------------------------------- offsets


def sanitise(text: str) -> str:
    """Replace characters PullEnti cannot take (beyond U+FFFF) by a space, one for one."""
    if all(ord(char) <= MAX_CHAR for char in text):
        return text
    return "".join(char if ord(char) <= MAX_CHAR else " " for char in text)


def offset_map(original: str, processed: str) -> list[int]:
    """For each index of ``processed`` (and its end), the matching index of ``original``."""
    if original == processed:
        return list(range(len(original) + 1))
    mapping = [0] * (len(processed) + 1)
    matcher = difflib.SequenceMatcher(None, original, processed, autojunk=False)
    for _tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for k in range(j2 - j1):
            mapping[j1 + k] = min(i1 + k, max(i1, i2 - 1))
    mapping[len(processed)] = len(original)
    return mapping


def _occurrences(referent: Any, mapping: list[int]) -> list[Span]:
    """A referent's occurrences as original-text spans (PullEnti's end_char is inclusive)."""
    spans = []
    for occurrence in referent.occurrence:
        start, last = occurrence.begin_char, occurrence.end_char
        if 0 <= start <= last < len(mapping) - 1:
            spans.append((mapping[start], mapping[last] + 1))
    return sorted(set(spans))


# ---------------------------------------------------------------- spans from referents


def inside(inner: Span, outer: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def trim(text: str, span: Span) -> Span | None:
    """The span without leading/trailing spaces and punctuation; None when nothing is left."""
    start, stop = span
    while start < stop and text[start] in TRIM:
        start += 1
    while stop > start and text[stop - 1] in TRIM:
        stop -= 1
    return (start, stop) if start < stop else None


def name_part(text: str, person: Span, attributes: Iterable[Span]) -> Span | None:
    """The longest stretch of ``person`` outside every attribute span that has a letter."""
    covered = [False] * (person[1] - person[0])
    for start, stop in attributes:
        for index in range(max(start, person[0]), min(stop, person[1])):
            covered[index - person[0]] = True
    best: Span | None = None
    index = person[0]
    while index < person[1]:
        if covered[index - person[0]]:
            index += 1
            continue
        run_start = index
        while index < person[1] and not covered[index - person[0]]:
            index += 1
        run = trim(text, (run_start, index))
        if run and any(char.isalpha() for char in text[run[0]:run[1]]):
            if best is None or run[1] - run[0] > best[1] - best[0]:
                best = run
    return best


def _slot_values(referent: Any, name: str) -> list[Any]:
    return [slot.value for slot in referent.slots if slot.type_name == name]


def org_referent(attribute: Any) -> Any | None:
    """The ORGANIZATION or GEO a position refers to, following HIGHER positions."""
    current = attribute
    for _ in range(HIGHER_DEPTH):
        for ref in _slot_values(current, "REF"):
            if getattr(ref, "type_name", None) in ORG_REFS:
                return ref
        higher = _slot_values(current, "HIGHER")
        if not higher or not hasattr(higher[0], "slots"):
            return None
        current = higher[0]
    return None


def _gap(a: Span, b: Span) -> int:
    return max(0, a[0] - b[1], b[0] - a[1])


def org_span(candidates: list[Span], role: Span, person: Span) -> Span | None:
    if not candidates:
        return None
    for outer in (role, person):
        within = [span for span in candidates if inside(span, outer)]
        if within:
            return within[0]
    return min(candidates, key=lambda span: (_gap(span, role), span))


def role_span(text: str, role: Span, org: Span | None) -> Span | None:
    """The attribute span, cut before the organisation when the organisation ends it."""
    if org is not None and inside(org, role) and org[0] > role[0]:
        cut = trim(text, (role[0], org[0]))
        if cut is not None:
            return cut
    return trim(text, role)


def _kind(attribute: Any) -> str:
    try:
        return str(attribute.kind.name)
    except Exception:  # a kind PullEnti cannot tell is no reason to drop a row
        return "UNDEFINED"


def person_rows(text: str, person: Any, mapping: list[int]) -> list[RoleSpans]:
    """Rows for one PERSON referent: one per attribute occurrence inside a person occurrence."""
    attributes = [value for value in _slot_values(person, "ATTRIBUTE")
                  if getattr(value, "type_name", None) == "PERSONPROPERTY"
                  and _kind(value) not in SKIP_KINDS]
    if not attributes:
        return []
    attribute_spans = {id(a): _occurrences(a, mapping) for a in attributes}
    rows = []
    for occurrence in _occurrences(person, mapping):
        local = [(a, span) for a in attributes for span in attribute_spans[id(a)]
                 if inside(span, occurrence)]
        name = name_part(text, occurrence, [span for _, span in local])
        if name is None:
            continue
        for attribute, span in local:
            ref = org_referent(attribute)
            org = org_span(_occurrences(ref, mapping), span, occurrence) if ref else None
            role = role_span(text, span, org)
            if role is not None:
                place = getattr(ref, "type_name", None) == "GEO"
                rows.append(RoleSpans(name, role, org, place))
    return rows


def document_rows(text: str, processor: Any) -> tuple[RoleSpans, ...]:
    """Analyse one text; raises whatever PullEnti raises."""
    from pullenti.ner.SourceOfAnalysis import SourceOfAnalysis

    prepared = sanitise(text)
    result = processor.process(SourceOfAnalysis(prepared), None, None)
    mapping = offset_map(text, result.sofa.text)
    rows: dict[RoleSpans, None] = {}
    for referent in result.entities:
        if referent.type_name == "PERSON":
            rows.update(dict.fromkeys(person_rows(text, referent, mapping)))
    return tuple(rows)


def run(texts: Mapping[str, str]) -> PullentiRun:
    """PullEnti over ``{doc_id: text}``; crashes are caught per document, counted and retried."""
    init_seconds, version = _initialise()
    processor, retry = _processor(), _processor(RETRY_WITHOUT)
    rows: dict[str, tuple[RoleSpans, ...]] = {}
    crashed, failed = [], []
    started = time.perf_counter()
    for doc_id, text in texts.items():
        try:
            rows[doc_id] = document_rows(text, processor)
            continue
        except Exception:  # PullEnti fails on some inputs: count it and retry
            crashed.append(doc_id)
        try:
            rows[doc_id] = document_rows(text, retry)
        except Exception:  # the retry failed too: no rows for this document
            failed.append(doc_id)
            rows[doc_id] = ()
    seconds = time.perf_counter() - started
    return PullentiRun(rows, len(texts), tuple(crashed), tuple(failed), seconds, init_seconds,
                       version)
