"""Fit the themes ranker: ``python -m benchmarks.train_themes`` (about 15 minutes).

Data: the training documents of ru_kw_eval (NG documents 301-884, RT 301-999; the Key phrases
section scores the first 300 of each and all of CyberLeninka, which are never fitted on) and
the development part of the golden reports (``tests/data/events_golden.jsonl``, its
``themes``; never the check part). Each candidate of the themes stage (``collect``) is a row
of its named features (``features``); it is positive when its normal form matches a gold key
phrase as the Key phrases section matches (the same set of lemmas).

The model is a logistic regression (scikit-learn) whose features count twice, once for every
document and once more for event reports (``report:<name>``). Its regularisation and the
selection's factors (``repeat``, ``nested``) are chosen by the mean F1@10 over the three
training sources held out by document folds, then the model is fitted on all of them and
written to ``src/seminar_nlp/stages/themes/weights.json``. The selection's factors are chosen
apart for news (by NG and RT) and for reports (by the golden reports, where a piece of a
theme taken is never listed again). Seeded and
deterministic.
"""

from __future__ import annotations

import pickle
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .common import DEFAULT_EVAL, ROOT
from .keyphrases import SETS, TOP, Lemmas, read_set, score
from .reports import read

THEMES_WEIGHTS = ROOT / "src" / "seminar_nlp" / "stages" / "themes" / "weights.json"
START = 300  # the Key phrases section scores documents before this one
FOLDS = 4
C_GRID = (0.3, 1.0)  # regularisation
GOLDEN_GRID = (5.0, 20.0)  # weight of a golden report's rows beside a news item's (71 vs 1283)
REPEAT_GRID = (0.5, 1.0)
NESTED_GRID = (0.0, 0.5)
# In a report a piece of a theme taken is not listed again ("технологии" after "цифровые
# технологии"): complete phrases, as a reader lists them (the golden reports' held-out F1@10
# is within .003 either way).
REPORT_NESTED = 0.0


@dataclass(frozen=True)
class Source:
    """Analysed training documents of one source with their gold phrases."""

    name: str
    docs: list[Any]
    gold: list[tuple[str, ...]]


def analysed(texts: Sequence[str]) -> list[Any]:
    """The documents through the stages the themes read (segment to NER), as the Key
    phrases section runs them."""
    from seminar_nlp.pipeline import Pipeline
    from seminar_nlp.records import Source as Text
    from seminar_nlp.resources import shared
    from seminar_nlp.stages.lemma import Lemma
    from seminar_nlp.stages.morph import Morph
    from seminar_nlp.stages.ner import NER
    from seminar_nlp.stages.segment import Segment

    resources = shared()
    pipeline = Pipeline([Segment(), Morph(resources), Lemma(resources), NER(resources)],
                        resources=resources)
    return list(pipeline.run(Text(f"doc-{n}", "<train>", text) for n, text in enumerate(texts)))


def sources(eval_dir: Path, golden: Path, cache: Path | None) -> list[Source]:
    if cache is not None and cache.exists():
        return list(pickle.loads(cache.read_bytes()))
    found = []
    for label in ("NG", "RT"):
        items = read_set(eval_dir / "ru_kw_eval" / dict(SETS)[label], 10**9)[START:]
        found.append(Source(label, analysed([item.text for item in items]),
                            [item.gold for item in items]))
        print(f"{label}: {len(items)} documents analysed", file=sys.stderr, flush=True)
    reports = read(golden)
    found.append(Source("golden", analysed([item["text"] for item in reports]),
                        [tuple(item["themes"]) for item in reports]))
    if cache is not None:
        cache.write_bytes(pickle.dumps(found))
    return found


@dataclass
class Rows:
    """One row per candidate: its document, features and label."""

    docs: list[int]
    features: list[dict[str, float]]
    labels: list[bool]
    golden: list[bool]


def rows(source: Source, lemmas: Lemmas, first: int) -> Rows:
    """The candidates of a source's documents (numbered from ``first``), labelled."""
    from seminar_nlp.resources import shared
    from seminar_nlp.stages.themes.collect import collect
    from seminar_nlp.stages.themes.features import context, features
    from seminar_nlp.stages.themes.forms import Phrases
    from seminar_nlp.stages.themes.model import is_report

    phrases = Phrases(shared().morph)
    out = Rows([], [], [], [])
    for number, (doc, gold) in enumerate(zip(source.docs, source.gold, strict=True)):
        candidates = collect(doc, phrases.morph, 3)
        found = context(candidates)
        report = is_report(candidates)
        golds = {lemmas(phrase) for phrase in gold}
        words = set().union(*golds) if golds else set()
        for key, occurrences in candidates.occurrences.items():
            label = bool(words & {lemmas.word(word) for word in key} | words & set(key)) and \
                lemmas(phrases(doc, key, candidates)) in golds
            out.docs.append(first + number)
            out.features.append(with_genre(features(key, dict.fromkeys(occurrences, 1.0),
                                                    candidates, found), report))
            out.labels.append(label)
            out.golden.append(source.name == "golden")
    return out


def with_genre(features: dict[str, float], report: bool) -> dict[str, float]:
    """The features, and for a report each once more under ``report:`` (see ``model``)."""
    if not report:
        return features
    return {**features, "report": 1.0, **{f"report:{name}": value
                                          for name, value in features.items()}}


def fit(data: Rows, setting: tuple[float, float], keep: Sequence[int] | None = None
        ) -> dict[str, Any]:
    """A logistic regression on the rows (those of the documents in ``keep``) with a
    regularisation C and a weight for the rows of golden reports."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    index = np.arange(len(data.labels)) if keep is None else np.flatnonzero(
        np.isin(np.array(data.docs), np.array(keep)))
    vectorizer = DictVectorizer(sort=True, sparse=False)
    matrix = vectorizer.fit_transform([data.features[i] for i in index])
    labels = np.array(data.labels)[index]
    weights = np.where(np.array(data.golden)[index], setting[1], 1.0)
    model = LogisticRegression(C=setting[0], solver="liblinear", random_state=0, max_iter=3000)
    model.fit(matrix, labels, sample_weight=weights)
    found = {name: round(float(value), 6) for name, value in
             zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
             if abs(value) > 1e-9}
    return {"bias": round(float(model.intercept_[0]), 6), "weights": found}


def f1(source: Source, numbers: Sequence[int], fitted: Any, lemmas: Lemmas) -> float:
    """F1@10 of the themes on some documents of a source, as the Key phrases section scores."""
    from seminar_nlp.resources import shared
    from seminar_nlp.stages.themes.collect import collect
    from seminar_nlp.stages.themes.forms import Phrases
    from seminar_nlp.stages.themes.model import Weights
    from seminar_nlp.stages.themes.ranker import select

    phrases, weights = Phrases(shared().morph), Weights()
    predicted, gold = [], []
    for number in numbers:
        doc = source.docs[number]
        candidates = collect(doc, phrases.morph, weights.max_words)
        predicted.append([phrases(doc, key, candidates)
                          for key, _ in select(candidates, weights, fitted)[:TOP]])
        gold.append(source.gold[number])
    return score(predicted, gold, lemmas).f10


def selection(news: Sequence[float], report: Sequence[float]) -> dict[str, dict[str, float]]:
    return {"news": {"repeat": news[0], "nested": news[1]},
            "report": {"repeat": report[0], "nested": report[1]}}


def held_out(parts: Sequence[Source], data: Rows, offsets: Sequence[int],
             setting: tuple[float, float], choices: Sequence[Any], lemmas: Lemmas,
             both: bool = False) -> dict[Any, dict[str, float]]:
    """F1@10 of each source for each (repeat, nested) (or with ``both``, each pair of them
    for news and for reports), every document scored by the model fitted on the folds that
    leave it out."""
    from seminar_nlp.stages.themes.model import Model

    total = offsets[-1]
    sums = {choice: [0.0 for _ in parts] for choice in choices}
    for fold in range(FOLDS):
        test = [n for n in range(total) if n % FOLDS == fold]
        fitted = fit(data, setting, [n for n in range(total) if n % FOLDS != fold])
        for choice in choices:
            model = Model.of({**fitted, "selection": selection(*choice) if both
                              else selection(choice, choice)})
            for which, part in enumerate(parts):
                mine = [n - offsets[which] for n in test
                        if offsets[which] <= n < offsets[which + 1]]
                if mine:
                    sums[choice][which] += f1(part, mine, model, lemmas) * len(mine)
    return {choice: {part.name: round(found / len(part.docs), 4)
                     for part, found in zip(parts, by_part, strict=True)}
            for choice, by_part in sums.items()}


def train_themes(eval_dir: Path, golden: Path, cache: Path | None) -> dict[str, Any]:
    lemmas = Lemmas()
    parts = sources(eval_dir, golden, cache)
    offsets = [0]
    data = Rows([], [], [], [])
    for part in parts:
        found = rows(part, lemmas, offsets[-1])
        data.docs += found.docs
        data.features += found.features
        data.labels += found.labels
        data.golden += found.golden
        offsets.append(offsets[-1] + len(part.docs))
    print(f"{len(data.labels)} candidates, {sum(data.labels)} positive", file=sys.stderr)
    settings = {}
    for setting in [(c, golden) for c in C_GRID for golden in GOLDEN_GRID]:
        settings[setting] = held_out(parts, data, offsets, setting, [(0.5, 0.0)],
                                     lemmas)[(0.5, 0.0)]
        print(f"C, golden weight = {setting}: held-out F1@10 {settings[setting]}",
              file=sys.stderr, flush=True)
    best = max(settings, key=lambda setting: statistics.fmean(settings[setting].values()))
    choices = [(repeat, nested) for repeat in REPEAT_GRID for nested in NESTED_GRID]
    held = held_out(parts, data, offsets, best, choices, lemmas)
    for choice, scores in held.items():
        print(f"repeat, nested = {choice}: held-out F1@10 {scores}", file=sys.stderr)
    news = max(choices, key=lambda choice: statistics.fmean(
        [held[choice]["NG"], held[choice]["RT"]]))
    report = max([choice for choice in choices if choice[1] == REPORT_NESTED],
                 key=lambda choice: held[choice]["golden"])
    per_part = held_out(parts, data, offsets, best, [(news, report)], lemmas,
                        both=True)[(news, report)]
    print(f"news {news}, reports {report}: held-out F1@10 {per_part}", file=sys.stderr)
    model = {**fit(data, best), "selection": selection(news, report)}
    return {"trained_on": ["ru_kw_eval ng_dev 301-884", "ru_kw_eval russia_today_dev 301-999",
                           golden.name],
            "candidates": len(data.labels), "positive": sum(data.labels), "C": best[0],
            "golden_weight": best[1],
            "folds": FOLDS, "held_out_f1_at_10": per_part, "model": model}


def main(argv: list[str] | None = None) -> int:
    import argparse
    import json

    parser = argparse.ArgumentParser(prog="python -m benchmarks.train_themes", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL,
                        help="the gold data folder holding ru_kw_eval")
    parser.add_argument("--data", type=Path, default=ROOT / "tests" / "data" /
                        "events_golden.jsonl", help="golden reports to fit on (JSON lines)")
    parser.add_argument("--out", type=Path, default=THEMES_WEIGHTS)
    parser.add_argument("--cache", type=Path, default=None,
                        help="keep the analysed training documents in this file (pickle)")
    args = parser.parse_args(argv)
    if "events_check" in str(args.data):
        parser.error("the check part is never fitted on")
    fitted = train_themes(args.eval, args.data, args.cache)
    args.out.write_text(json.dumps(fitted, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                        encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
