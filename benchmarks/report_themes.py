"""The Themes on reports section: the themes of the golden reports against each report's gold
``themes``, development and check parts side by side, as totals only (no per-report output
of the check part is printed anywhere)."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from typing import Any

from .common import Settings, table
from .keyphrases import Lemmas
from .reports import check, development, norm

NAME = "Themes on reports"
TOP = 10
FIRST = 5


def analysed(items: Sequence[dict[str, Any]]) -> list[Any]:
    """The reports through the stages the themes read (segment to NER)."""
    from seminar_nlp.pipeline import Pipeline
    from seminar_nlp.records import Source
    from seminar_nlp.resources import shared
    from seminar_nlp.stages.lemma import Lemma
    from seminar_nlp.stages.morph import Morph
    from seminar_nlp.stages.ner import NER
    from seminar_nlp.stages.segment import Segment

    resources = shared()
    pipeline = Pipeline([Segment(), Morph(resources), Lemma(resources), NER(resources)],
                        resources=resources)
    return list(pipeline.run(Source(item["id"], "<text>", item["text"]) for item in items))


def fitted(docs: Sequence[Any]) -> list[list[str]]:
    """Each report's themes, best first, by the themes stage with its default settings."""
    from seminar_nlp.resources import shared
    from seminar_nlp.stages.themes import Themes

    return [[theme.theme for theme in doc.themes or ()] for doc in Themes(shared())(docs)]


def hand_set(docs: Sequence[Any]) -> list[list[str]]:
    from .themes_v1 import Weights, themes_v1

    return themes_v1(docs, Weights())


def measures(items: Sequence[dict[str, Any]], found: Sequence[Sequence[str]],
             same: Callable[[str], object]) -> tuple[float, float]:
    """Means over reports of R@10 (gold themes among the first 10) and P@5 (the first 5 that
    are gold themes), each phrase compared by ``same``."""
    recall, precision = [], []
    for item, themes in zip(items, found, strict=True):
        gold = {same(theme) for theme in item["themes"]}
        guesses = [same(theme) for theme in themes]
        recall.append(len(gold & set(guesses[:TOP])) / len(gold) if gold else 0.0)
        precision.append(sum(guess in gold for guess in guesses[:FIRST]) / FIRST)
    return statistics.fmean(recall), statistics.fmean(precision)


LONGEST = 8  # words in a gold theme looked for in the text


def in_text(items: Sequence[dict[str, Any]], docs: Sequence[Any], lemmas: Lemmas) -> float:
    """The share of gold themes that the report says as a run of words (the same set of
    lemmas as some run of up to ``LONGEST`` tokens): what a ranker of the text's own phrases
    can find at most; the others are a reader's words for what it is about ("цифровая
    трансформация здравоохранения" of a report that never says it)."""
    said = total = 0
    for item, doc in zip(items, docs, strict=True):
        words = [lemmas.word(token.form.lower()) for token in doc.tokens]
        runs = {frozenset(words[start:stop]) for start in range(len(words))
                for stop in range(start + 1, min(len(words), start + LONGEST) + 1)}
        total += len(item["themes"])
        said += sum(lemmas(theme) in runs for theme in item["themes"])
    return said / total if total else 0.0


def section(settings: Settings) -> str:
    lemmas = Lemmas()
    rows, ceilings = [], []
    for label, items in (("check", check()), ("development", development())):
        docs = analysed(items)
        ceilings.append(f"{label} {in_text(items, docs, lemmas):.3f}")
        for system, ranked in (("fitted ranker", fitted), ("hand-set ranker before it",
                                                           hand_set)):
            found = ranked(docs)
            rows.append((label, system, len(items), sum(len(item["themes"]) for item in items),
                         *measures(items, found, norm), *measures(items, found, lemmas)))
    return "\n".join([
        f"## {NAME}", "",
        "The themes of the golden reports (`tests/data/`) against each report's gold `themes` "
        "(5 or 6 a report, mostly), with the stage's default settings, beside the hand-set "
        "ranker it replaced (its defaults, made for event reports): R@10 = gold themes among "
        "the first 10 / gold themes, P@5 = gold themes among the first 5 / 5, means over "
        "reports. A theme matches as written (case, ё, quote marks and spacing aside, as the "
        "Events section compares) or, in the last two columns, as the Key phrases section "
        "matches (the same set of lemmas). The development part's themes are among the "
        "ranker's training data; the check part is never fitted on.", "",
        table(["part", "system", "reports", "gold themes", "R@10", "P@5", "R@10 (lemmas)",
               "P@5 (lemmas)"], rows),
        "", "Gold themes the report itself says as a run of words (the same set of lemmas as "
        f"some run of up to {LONGEST} tokens), the most R@10 (lemmas) a ranker of the text's "
        "own phrases can reach: " + ", ".join(ceilings) + ". The others are a reader's words "
        "for what a report is about.",
        "", "Targets on the check part (issue 21): R@10 >= .60, P@5 >= .50.",
    ])
