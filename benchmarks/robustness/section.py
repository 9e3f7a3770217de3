"""Robustness: bad and odd inputs mixed with good ones, analysed in one run.

The script writes a corpus into a temporary folder, the same for a given seed:
the sample reports and the factRuEval-2016 devset texts copied as they are
(the good documents), and many inputs of each bad or odd kind listed below,
in one folder, their names shuffled so that every batch mixes kinds. One
``analyze_to(out, [folder], workers=2, formats=("parquet",))`` runs over all
of it and nothing around it catches an exception: a table here means it
returned. The good documents then run alone with the same options and their
per-document tables are compared with the mixed run's, by content (entity ids
are corpus-level and depend on the other documents). Then one large document
of about 1 MB and one of about 4 MB (sample reports repeated) go through
``Pipeline().process`` with the models already loaded. Last, inputs known to
have ended a whole run run alone, each beside one good text, so that they
cannot hide the rest.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..common import Settings, table
from .corpus import Corpus, build, copy_goods, good_texts
from .kinds import FAILURES, KINDS, MB, NAME, SEED, WORKERS, Plan, plan_for
from .runs import (
    Accounting,
    Comparison,
    KindStats,
    Large,
    Run,
    account,
    analyse,
    boilerplate_leaks,
    by_kind,
    cell,
    code_fingerprint,
    compare,
    large_documents,
    log,
    probes,
    read,
)

# ---------------------------------------------------------------- the section


@dataclass(frozen=True)
class Results:
    corpus: Corpus
    files: int
    mixed: Run
    good: Run
    documents: int
    accounting: Accounting
    kinds: dict[str, KindStats]
    leaks: dict[str, tuple[int, int]]  # by HTML kind: (rows with page furniture, rows)
    comparison: list[Comparison]
    probes: list[tuple[str, str]]
    large: list[Large]
    code: list[str]  # source fingerprints: mixed run start, good run end, section end


def section(settings: Settings) -> str:
    plan = plan_for(settings)
    with tempfile.TemporaryDirectory(prefix="seminar-nlp-robustness-") as tmp:
        folder = Path(tmp)
        log("writing the corpus")
        corpus, goods = build(folder / "corpus", settings, plan)
        files = sum(1 for _ in (folder / "corpus").iterdir())
        alone = copy_goods(goods, folder / "good")
        log(f"mixed run: {len(corpus.expected):,} inputs in {files:,} files")
        code = [code_fingerprint()]
        mixed = analyse(folder / "corpus", folder / "out-mixed")
        log("the good documents alone")
        good = analyse(alone, folder / "out-good")
        code.append(code_fingerprint())
        documents = read(mixed.out, "documents")
        log("comparing; then the inputs kept out, each alone")
        comparison = compare(good.out, mixed.out, {path.stem for path in goods})
        accounting = account(corpus, documents)
        kinds, leaks = by_kind(corpus, documents), boilerplate_leaks(corpus, documents)
        alone_outcomes = probes(folder / "probes")
    samples, _ = good_texts(settings, 0)
    large = large_documents(plan.long_docs, [sample.text for sample in samples])
    code.append(code_fingerprint())
    return report(settings, plan, Results(corpus, files, mixed, good, len(documents), accounting,
                                          kinds, leaks, comparison, alone_outcomes, large, code))




def statuses(counts: dict[str, int]) -> str:
    return ", ".join(f"{status} {counts.get(status, 0):,}" for status in ("ok", "empty", "error"))


def kind_rows(results: Results) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for kind in [*KINDS, *(kind for kind in results.kinds if kind not in KINDS)]:
        stats = results.kinds.get(kind)
        if stats is None:
            continue
        error = ""
        if stats.errors:
            message, count = stats.errors.most_common(1)[0]
            error = f"`{cell(message[:90])}` ({count})"
        kept = f"{stats.kept}/{stats.checked}" if stats.checked else ""
        rows.append((kind, stats.inputs, stats.rows, stats.statuses["ok"],
                     stats.statuses["empty"], stats.statuses["error"], kept,
                     cell(KINDS.get(kind, "")), error))
    return rows


def accounting_lines(results: Results) -> list[str]:
    found = results.accounting
    inputs = len(results.corpus.expected)
    by_path, lost = sum(found.by_path.values()), sum(found.missing.values())
    extra = sum(found.unexpected.values())
    verdict = "yes" if by_path + found.by_id == inputs and not extra else "**no**"

    def kinds(counts: Counter[str]) -> str:
        return ", ".join(f"{kind} {count:,}" for kind, count in counts.most_common()) or "none"

    lines = [f"Count in = count out: {verdict}. Of {inputs:,} inputs, {found.by_id:,} have their "
             f"row by source path and id, {by_path:,} a row of their file under another id "
             f"({kinds(found.by_path)}), {lost:,} no row ({kinds(found.missing)}); rows that "
             f"match no input: {extra:,} ({kinds(found.unexpected)}). doc_ids unique: "
             f"{'yes' if found.unique_ids else '**no**'}."]
    if found.examples:
        lines.append("Ids not as the contract gives them, one example per kind (expected -> "
                     "found): " + "; ".join(f"{kind}: `{want}` -> `{got}`" for kind, (want, got)
                                           in sorted(found.examples.items())) + ".")
    return lines


def comparison_rows(results: Results) -> list[tuple[object, ...]]:
    return [(found.name, f"{found.rows_alone:,}", f"{found.rows_mixed:,}",
             found.differ_without_ids, found.differ_with_names,
             "; ".join(found.where) or "identical")
            for found in results.comparison]


def large_rows(results: Results) -> list[tuple[object, ...]]:
    return [(f"{found.n_bytes / MB:.2f} MB", f"{found.n_bytes:,}", f"{found.n_chars:,}",
             f"{found.n_tokens:,}", found.status, f"{found.seconds:.1f}",
             f"{found.per_mb:.1f}", f"{found.peak_mb:,.0f}")
            for found in results.large]


def corpus_part(settings: Settings, plan: Plan, results: Results) -> list[str]:
    corpus, summary = results.corpus, results.mixed.summary
    totals: Counter[str] = Counter()
    for stats in results.kinds.values():
        totals.update(stats.statuses)
    limited = (f" `--limit {settings.limit}`: {settings.limit} factRuEval text(s), "
               f"{plan.copies} to {2 * plan.copies} inputs of each kind, "
               f"{plan.line_bytes:,}-byte long lines." if settings.limit else "")
    leaks = "; ".join(f"{kind} {leaked} of {rows}"
                      for kind, (leaked, rows) in sorted(results.leaks.items())) or "no rows"
    return [
        f"Corpus: seed {SEED}, {results.files:,} entries in one folder "
        f"({corpus.folder_links} of them links to folders, `up -> ..` and `self -> .`, each an "
        f"input whose row says it is not followed), {len(corpus.expected):,} inputs, "
        f"{good_count(results)} of them good "
        "documents. How inputs are counted: a file is one input, except a CSV or JSONL file, "
        "whose rows are each one input (blank lines are not rows); a table file with no row at "
        "all, and a CSV without a text column, count as one input (one `documents` row should "
        "say what became of it)." + limited, "",
        f"`analyze_to(out, [folder], workers={WORKERS}, formats=(\"parquet\",))` returned (no "
        f"uncaught exception) in {results.mixed.seconds:.1f} s wall time. `documents`: "
        f"{results.documents:,} rows ({statuses(totals)}); the run's summary: "
        f"{summary.n_documents:,} documents ({statuses(summary.statuses)}).", "",
        *accounting_lines(results), "",
        "How: each input is matched to a `documents` row by (source path, doc_id). A file's "
        "row carries its path and its name without extension; a CSV/JSONL row carries the "
        "file's path and its `id` cell, or `<file stem>:<row number>` where it has none or "
        "cannot be read (CSV rows counted from 1 after the header, JSONL lines from 1); a "
        "repeated id, renamed `id~2`, is matched through `meta.renamed_from`. Both sides are "
        "counted as multisets; inputs and rows left over are then paired by source path alone.",
        "",
        table(["kind", "inputs", "rows", "ok", "empty", "error", "text kept", "what it is",
               "most frequent error (count)"], kind_rows(results)), "",
        "*text kept*: of the `ok` rows of a file that is one text, those whose `documents.text` "
        "is exactly the file's text (as written, decoded) after the documented clean-up "
        "(`seminar_nlp.cleaning.clean`, which replaces characters one for one). Error messages "
        "are shown with numbers as N.", "",
        *failure_lines(results), "",
        f"HTML rows with text that still hold page furniture (cookie banner, nav, script, "
        f"style, aside), by kind: {leaks}.",
    ]


def failure_lines(results: Results) -> list[str]:
    """Documents read fine that a stage (or a worker process) then failed on."""
    by_kind: Counter[str] = Counter()
    messages: Counter[str] = Counter()
    for kind, stats in results.kinds.items():
        for message, count in stats.errors.items():
            if message.startswith(FAILURES):
                by_kind[kind] += count
                messages[message[:120]] += count
    if not by_kind:
        return ["Documents that were read but failed in the analysis (`analysis failed: ...` "
                "or a worker process that died): none."]
    return [f"Documents that were read but failed in the analysis: {sum(by_kind.values()):,} "
            "(" + ", ".join(f"{kind} {count}" for kind, count in by_kind.most_common()) + "); "
            + "; ".join(f"`{cell(message)}` ({count})" for message, count
                        in messages.most_common()) + "."]


def good_count(results: Results) -> int:
    return sum(results.kinds[kind].inputs for kind in ("good-sample", "good-factru")
               if kind in results.kinds)


def comparison_part(results: Results) -> list[str]:
    code = results.code
    same = ("the seminar_nlp sources were the same for both runs (digest "
            f"`{code[0]}`)." if code[0] == code[1] else
            f"**the seminar_nlp sources changed between the two runs** (`{code[0]}` -> "
            f"`{code[1]}`): they may have run different code, so differences below may come "
            "from the change.")
    examples = [example for found in results.comparison for example in found.examples]
    return [
        "### Good documents alone vs mixed", "",
        f"The {good_count(results)} good documents alone, same options: "
        f"{results.good.seconds:.1f} s; {same} Their per-document tables against their rows "
        "in the mixed run, compared as multisets of rows, once with the corpus-level columns "
        "left out (`entity_id`, `person_id`, `org_id`, `speaker_id`, and `roles.person`, "
        "`quotes.speaker`, which are the entity's name across the corpus) and once with every "
        "column, each id replaced by its entity's type and name. `documents` is compared on "
        "every column but `source` (the folders differ). *where* pairs the rows of each "
        "document in table order and names the columns that differ (with ids as names).", "",
        table(["table", "rows alone", "rows mixed", "rows differing, corpus-level left out",
               "rows differing, ids as names", "where"], comparison_rows(results)), "",
        *(["Mentions whose entity is named otherwise in the mixed run (first ones; mention: "
           "alone -> mixed): " + "; ".join(examples) + ".", ""] if examples else []),
    ]


def large_part(results: Results) -> list[str]:
    first, *rest = results.large
    ratio = ("; ".join(f"{large.n_bytes / MB:.2f} MB {large.per_mb / first.per_mb:.2f}"
                       for large in rest)
             + f" (seconds per MB over seconds per MB at {first.n_bytes / MB:.2f} MB; "
             "1.00 = linear)") if rest else "n/a"
    return [
        "### Large documents", "",
        "Sample reports repeated (joined by a blank line) up to the size, one "
        "`Pipeline().process(text)` each in this process, models loaded and warmed up first; "
        "one run each. Peak RSS is this process's peak so far.", "",
        table(["document", "bytes", "characters", "tokens", "status", "seconds",
               "seconds per MB", "peak RSS MB"], large_rows(results)), "",
        f"Ratios: {ratio}.",
    ]


def probes_part(results: Results) -> list[str]:
    changed = ("" if results.code[0] == results.code[-1] else
               f" The seminar_nlp sources changed while this section ran (`{results.code[0]}` "
               f"-> `{results.code[-1]}`).")
    return [
        "### Inputs kept out of the mixed corpus", "",
        "An input that ends a whole run with an uncaught exception would hide every other "
        "result above, so each of these runs alone beside one good text, in its own "
        "`analyze_to(..., workers=1)`, and the outcome is reported whatever it is." + changed,
        "",
        table(["input", "outcome"], results.probes),
    ]


def report(settings: Settings, plan: Plan, results: Results) -> str:
    return "\n".join([
        f"## {NAME}", "", __doc__.split("\n\n", 1)[1].strip(), "",
        *corpus_part(settings, plan, results), "",
        *comparison_part(results),
        *large_part(results), "",
        *probes_part(results),
    ])
