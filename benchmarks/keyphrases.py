"""Key phrases: our themes stage beside YAKE, rutermextract and TF-IDF on ru_kw_eval.

Every system reads the same text (the title as the first sentence, then the
article) of the first documents of each dev set and returns its best phrases;
one scorer, with one lemmatiser, judges them all. The gold data is read from
``settings.eval_dir / "ru_kw_eval"`` and never copied.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from seminar_nlp.cleaning import clean

from .common import Settings, Timed, table

NAME = "Key phrases"
SETS = (("NG", "ng_dev.jsonl.gz"), ("RT", "russia_today_dev.jsonl.gz"),
        ("CyberLeninka", "cyberleninka_dev.jsonl.gz"))
DOCS = 300  # per set, unless settings.limit says otherwise
TOP = 10
WORD = re.compile(r"\w+(?:-\w+)*")
PHRASE_POS = frozenset({"NOUN", "PROPN"})

LemmaSet = frozenset[str]


@dataclass(frozen=True)
class Item:
    """One gold document: the text every system reads and the gold key phrases."""

    doc_id: str
    text: str
    gold: tuple[str, ...]


@dataclass(frozen=True)
class Scores:
    p5: float
    r10: float
    f10: float


def read_set(path: Path, limit: int) -> list[Item]:
    items = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number >= limit:
                break
            record = json.loads(line)
            title = " ".join((record.get("title") or "").split())
            if title and title[-1] not in ".!?…":
                title += "."
            text = clean(f"{title}\n{record.get('content') or ''}")
            items.append(Item(f"{path.stem}-{number}", text, tuple(record["keywords"])))
    return items


class Lemmas:
    """The scorer's lemmatiser: each word's first pymorphy3 parse, lower case, ё as е."""

    def __init__(self) -> None:
        from seminar_nlp.resources import shared

        self.morph = shared().morph
        self.word = lru_cache(maxsize=200_000)(self._word)

    def _word(self, word: str) -> str:
        parses = self.morph.parse(word)
        lemma = str(parses[0].normal_form) if parses else word
        return lemma.replace("ё", "е")

    def __call__(self, phrase: str) -> LemmaSet:
        return frozenset(self.word(word) for word in WORD.findall(phrase.lower()))


def unique(sets: Iterable[LemmaSet]) -> list[LemmaSet]:
    out: list[LemmaSet] = []
    for item in sets:
        if item and item not in out:
            out.append(item)
    return out


def score(predicted: Sequence[Sequence[str]], gold: Sequence[Sequence[str]],
          lemmas: Lemmas) -> Scores:
    """Macro averages over documents of P@5, R@10 and the per-document F1@10."""
    p5, r10, f10 = [], [], []
    for guess, truth in zip(predicted, gold, strict=True):
        guesses = unique(lemmas(phrase) for phrase in guess)[:TOP]
        golds = unique(lemmas(phrase) for phrase in truth)
        hits = [item in golds for item in guesses]
        precision = sum(hits) / TOP
        recall = sum(hits) / len(golds) if golds else 0.0
        p5.append(sum(hits[:5]) / 5)
        r10.append(recall)
        f10.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return Scores(statistics.fmean(p5), statistics.fmean(r10), statistics.fmean(f10))


# The systems: each maps the texts of one set to lists of phrases, best first.

def ours(texts: Sequence[str]) -> tuple[list[list[str]], list[Any], dict[str, float]]:
    """Our pipeline (default weights); the phrases, the documents and seconds per stage."""
    from seminar_nlp.pipeline import Pipeline
    from seminar_nlp.records import Source
    from seminar_nlp.resources import shared
    from seminar_nlp.stages.lemma import Lemma
    from seminar_nlp.stages.morph import Morph
    from seminar_nlp.stages.ner import NER
    from seminar_nlp.stages.segment import Segment
    from seminar_nlp.stages.themes import Themes

    resources = shared()
    timed = [Timed(stage) for stage in (Segment(), Morph(resources), Lemma(resources),
                                        NER(resources), Themes(resources))]
    pipeline = Pipeline(timed, resources=resources)
    pipeline.process("Модели загружаются до замеров времени.")  # load models and word lists
    for stage in timed:
        stage.seconds = 0.0
    sources = [Source(f"doc-{number}", "<kw>", text) for number, text in enumerate(texts)]
    docs = list(pipeline.run(sources))
    phrases = [[theme.theme for theme in doc.themes or ()] for doc in docs]
    return phrases, docs, {stage.name: stage.seconds for stage in timed}


def news_phrases(docs: Sequence[Any]) -> list[list[str]]:
    """The themes stage again on the same analysed documents, with ``Weights.news()``."""
    from seminar_nlp.resources import shared
    from seminar_nlp.stages.themes import Themes, Weights

    stage = Themes(shared(), Weights.news())
    return [[theme.theme for theme in doc.themes or ()] for doc in stage(docs)]


def hand_set(docs: Sequence[Any], news: bool) -> list[list[str]]:
    """The hand-set ranking before the fitted one, its defaults or its news preset."""
    from .themes_v1 import Weights, themes_v1

    return themes_v1(docs, Weights.news() if news else Weights())


def yake_phrases(texts: Sequence[str]) -> list[list[str]]:
    import yake

    extractor = yake.KeywordExtractor(lan="ru", n=3, top=TOP)
    return [[phrase for phrase, _ in extractor.extract_keywords(text)] for text in texts]


def rutermextract_phrases(texts: Sequence[str]) -> list[list[str]]:
    """rutermextract as published, with pymorphy3 in place of pymorphy2 (broken on 3.11)."""
    import pymorphy3
    from rutermextract import TermExtractor
    from rutermextract.parser import Parser

    parser = Parser.__new__(Parser)
    parser.morph = pymorphy3.MorphAnalyzer()
    extractor = TermExtractor(parser=parser)
    return [list(extractor(text, limit=TOP, strings=True)) for text in texts]


def noun_phrases(doc: Any) -> list[tuple[str, ...]]:
    """Lemmatised noun phrases of our pipeline's output: up to two adjectives and a noun."""
    tokens, tags, lemmas = doc.need("tokens"), doc.need("tags"), doc.need("lemmas")
    out = []
    for index, tag in enumerate(tags):
        if tag.pos not in PHRASE_POS or not WORD.fullmatch(tokens[index].form):
            continue
        out.append((lemmas[index].lower(),))
        start = index
        while (start > index - 2 and start > 0 and tags[start - 1].pos == "ADJ"
               and tokens[start - 1].sent == tokens[index].sent):
            start -= 1
            out.append(tuple(lemma.lower() for lemma in lemmas[start:index + 1]))
    return out


def tfidf_phrases(docs: Sequence[Any]) -> list[list[str]]:
    """TF-IDF of lemmatised noun phrases, the IDF fitted on the same documents."""
    counts = [Counter(noun_phrases(doc)) for doc in docs]
    df = Counter(phrase for count in counts for phrase in count)
    total = len(docs)
    out = []
    for count in counts:
        weight = {phrase: tf * (math.log((1 + total) / (1 + df[phrase])) + 1)
                  for phrase, tf in count.items()}
        best = sorted(weight, key=lambda phrase: -weight[phrase])[:TOP]
        out.append([" ".join(phrase) for phrase in best])
    return out


def timed(run: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = run()
    return time.perf_counter() - started, result


def section(settings: Settings) -> str:
    limit = settings.limit or DOCS
    lemmas = Lemmas()
    rows: list[list[object]] = []
    timing: list[str] = []
    for label, file in SETS:
        items = read_set(settings.eval_dir / "ru_kw_eval" / file, limit)
        texts = [item.text for item in items]
        gold = [item.gold for item in items]
        ours_time, (mine, docs, stages) = timed(lambda texts=texts: ours(texts))
        systems: list[tuple[str, float, list[list[str]]]] = [("seminar-nlp themes", ours_time,
                                                              mine)]
        seconds, phrases = timed(lambda docs=docs: news_phrases(docs))
        systems.append(("seminar-nlp themes, Weights.news()", seconds + ours_time
                        - stages["themes"], phrases))
        for news, name in ((False, "defaults"), (True, "news preset")):
            seconds, phrases = timed(lambda docs=docs, news=news: hand_set(docs, news))
            systems.append((f"hand-set ranker before it, {name}", seconds + ours_time
                            - stages["themes"], phrases))
        seconds, phrases = timed(lambda texts=texts: yake_phrases(texts))
        systems.append(("YAKE (ru, n=3)", seconds, phrases))
        seconds, phrases = timed(lambda texts=texts: rutermextract_phrases(texts))
        systems.append(("rutermextract", seconds, phrases))
        seconds, phrases = timed(lambda docs=docs: tfidf_phrases(docs))
        systems.append(("TF-IDF, noun phrases",
                        seconds + ours_time - stages["themes"] - stages["ner"], phrases))
        for system, seconds, phrases in systems:
            result = score(phrases, gold, lemmas)
            rows.append([label, system, len(items), result.p5, result.r10, result.f10,
                         f"{1000 * seconds / len(items):.0f}"])
        rest = sum(value for name, value in stages.items() if name not in ("themes", "ner"))
        n_tokens = sum(len(doc.tokens or ()) for doc in docs)
        timing.append(f"{label}: themes {1000 * stages['themes'] / len(items):.1f} ms/doc, "
                      f"segment + morph + lemma {1000 * rest / len(items):.0f} ms/doc, "
                      f"names (NER, which the themes need) "
                      f"{1000 * stages['ner'] / len(items):.0f} ms/doc "
                      f"({n_tokens / len(items):.0f} tokens/doc)")
    return "\n".join([
        f"## {NAME}",
        "",
        "Data: ru_kw_eval dev sets (NG = Независимая газета, RT = Russia Today, "
        f"CyberLeninka = scientific papers), the first {limit} documents of each. Every system "
        "reads the title as the first sentence followed by the article text, and returns its "
        f"best {TOP} phrases.",
        "",
        "Matching: each phrase, predicted or gold, becomes the set of lemmas of its words (the "
        "first pymorphy3 parse of each lower-cased word, ё read as е); a predicted phrase matches "
        "a gold phrase when the two sets are equal. Repeated sets count once on either side. "
        "Per document, P@5 = matches among the first 5 / 5, P@10 = matches among the first 10 / "
        "10, R@10 = gold phrases matched by the first 10 / gold phrases, F1@10 = the harmonic "
        "mean of P@10 and R@10; the table gives their means over documents. Time is wall time "
        "per document in this process (for TF-IDF and ours it includes our segmentation, "
        "tagging and lemmatisation, which TF-IDF's noun phrases come from, and for ours the "
        "names, whose organisations' inner words are no themes).",
        "",
        "Systems: seminar-nlp themes (segment, morph, lemma, NER, themes stages, default "
        "settings: the fitted ranker, reading from each document whether it is an event "
        "report); the same stage with `Weights.news()` (the ranker's news weights for every "
        "document). The ranker was fitted by `python -m benchmarks.train_themes` on documents "
        "301-884 of NG and 301-999 of RT, which this table does not score, and on the "
        "development part of the golden reports; nothing was fitted or chosen on CyberLeninka. "
        "The hand-set ranker before it (`benchmarks/themes_v1.py`, the same candidates): its "
        "defaults, made for event reports, and its news preset, chosen by a grid search on "
        "the same NG and RT documents. YAKE "
        "(`yake.KeywordExtractor(lan='ru', n=3)`); rutermextract (`TermExtractor`, with a "
        "pymorphy3 analyser); TF-IDF over lemmatised noun phrases (up to two adjectives and a "
        "noun from our tagger, IDF = ln((1 + N) / (1 + df)) + 1 fitted on the same documents).",
        "",
        table(["set", "system", "docs", "P@5", "R@10", "F1@10", "ms/doc"], rows),
        "",
        "Themes stage time: " + "; ".join(timing) + ".",
    ])
