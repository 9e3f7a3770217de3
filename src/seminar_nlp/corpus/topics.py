"""Topics across the corpus: the corpus themes (``corpus.themes``) that speak of one subject,
grouped, each topic with the documents it is found in.

Two corpus themes are linked when

- their lemmas overlap: the shared lemmas carry at least ``OVERLAP`` of the information of
  all their lemmas (a lemma's information is how rare it is in Russian at large: 7 minus its
  wordfreq Zipf frequency, floored at ``FLOOR``), so that "цифровая экономика" and "экономика"
  are linked (0.41) and "система образования" and "система здравоохранения" are not (0.23),
  the shared "система" being a common word; or
- the words they do not share are close in navec: the cosine of the information-weighted
  means of those words' unit vectors is at least ``SIMILAR`` ("экспорт" and "импорт", 0.72;
  "мониторинг пациентов" and "мониторинг больных"), which countries ("Италия" and "Япония",
  0.55), the two sides of a name ("Нижний" and "Великий Новгород", 0.28) or a school and a
  university ("школьник" and "студент", 0.59) do not reach. A theme that is all in the other
  ("Европа" and "чемпионат Европы") is judged by the overlap alone, and so is a name (a
  theme written with a capital letter): navec puts the names of one kind together, and
  single links would make one topic of every country of Europe.

A topic is a connected group of linked themes (single link, by our own code: a union-find over
the links, which are found through an index of lemmas and one product of the vector matrix a
block at a time; scikit-learn's AgglomerativeClustering with single linkage gives the same
groups but would make scikit-learn and SciPy runtime dependencies for ten lines of work and
needs the full distance matrix). Only the ``MAX_THEMES`` best corpus themes take part, and a
topic is kept when its themes are found in at least ``MIN_DOCS`` documents.

Each topic is labelled by its theme found in the most documents (the higher score, then the
name, breaking ties); ``phrases`` lists its themes, most widespread first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import numpy as np
import pandas as pd

from ..frequency import zipf
from ..resources import Resources, shared

OVERLAP = 0.4  # share of the information of two themes' lemmas that they share, to link
SIMILAR = 0.6  # navec cosine of the words two themes do not share, to link
TOP = 7.0  # Zipf frequency above which a word carries no information ...
FLOOR = 0.5  # ... but counts at least this much
MAX_THEMES = 5000  # corpus themes that take part, best first
MAX_POSTING = 300  # themes sharing one lemma that are compared by it (commoner: too general)
MIN_DOCS = 2  # documents a topic's themes are found in, to be kept
BLOCK = 1024  # rows of the vector matrix multiplied at a time
COLUMNS = ("topic_id", "label", "n_docs", "phrases", "doc_ids")


@dataclass(frozen=True, slots=True)
class Theme:
    """One corpus theme: its name, lemmas, documents and score."""

    name: str
    lemmas: tuple[str, ...]
    docs: frozenset[str]
    score: float

    @property
    def named(self) -> bool:
        return any(char.isupper() for char in self.name)


def corpus_topics(groups: pd.DataFrame, *, resources: Resources | None = None) -> pd.DataFrame:
    """Topics of the corpus themes (``corpus.themes.corpus_themes``: theme, n_docs, score,
    lemmas, doc_ids), as a table of ``COLUMNS``."""
    themes = read(groups)[:MAX_THEMES]
    if not themes:
        return table([])
    words = Words((resources or shared()).embedding)
    links = [*lemma_links(themes, words), *vector_links(themes, words)]
    return table(topics(themes, components(len(themes), links)))


def read(groups: pd.DataFrame) -> list[Theme]:
    if groups.empty:
        return []
    out = []
    for name, lemmas, doc_ids, score in zip(groups["theme"].astype(str),
                                            groups["lemmas"].fillna("").astype(str),
                                            groups["doc_ids"].fillna("").astype(str),
                                            groups["score"].astype(float), strict=True):
        docs = frozenset(doc for doc in doc_ids.split("; ") if doc)
        out.append(Theme(name, tuple(lemmas.split()) or (name.lower(),), docs, float(score)))
    return out


def information(lemma: str) -> float:
    """How much a lemma tells: 7 minus its Zipf frequency, at least ``FLOOR``."""
    value = zipf(lemma)
    return TOP if value == 0 else max(FLOOR, TOP - value)


def overlap(first: Sequence[str], second: Sequence[str]) -> float:
    """The share of the two themes' lemma information in the lemmas they share."""
    left, right = set(first), set(second)
    union = sum(information(lemma) for lemma in left | right)
    return sum(information(lemma) for lemma in left & right) / union if union else 0.0


def lemma_links(themes: Sequence[Theme], words: Words) -> Iterable[tuple[int, int]]:
    """Pairs of themes that share a lemma and are linked (``linked``), through a lemma index."""
    index: dict[str, list[int]] = defaultdict(list)
    for number, theme in enumerate(themes):
        for lemma in set(theme.lemmas):
            index[lemma].append(number)
    seen: set[tuple[int, int]] = set()
    for numbers in index.values():
        if len(numbers) > MAX_POSTING:
            continue
        for pair in combinations(numbers, 2):
            if pair not in seen:
                seen.add(pair)
                if linked(themes[pair[0]], themes[pair[1]], words):
                    yield pair


def linked(first: Theme, second: Theme, words: Words) -> bool:
    """Whether two themes that share a lemma are linked: by the overlap, or (neither a name)
    by the words they do not share."""
    if overlap(first.lemmas, second.lemmas) >= OVERLAP:
        return True
    left, right = set(first.lemmas) - set(second.lemmas), set(second.lemmas) - set(first.lemmas)
    if not left or not right or first.named or second.named:
        return False
    return float(words.mean(left) @ words.mean(right)) >= SIMILAR


class Words:
    """Unit navec vectors of lemmas, memoised, and the information-weighted means of them."""

    def __init__(self, embedding: Any) -> None:
        self.embedding = embedding
        self.known: dict[str, np.ndarray | None] = {}
        self.size = len(np.asarray(embedding["и"])) if "и" in embedding else 300

    def unit(self, lemma: str) -> np.ndarray | None:
        if lemma not in self.known:
            vector = (np.asarray(self.embedding[lemma], dtype=np.float32)
                      if lemma in self.embedding else None)
            norm = float(np.linalg.norm(vector)) if vector is not None else 0.0
            self.known[lemma] = vector / norm if vector is not None and norm else None
        return self.known[lemma]

    def mean(self, lemmas: Iterable[str]) -> np.ndarray:
        """The information-weighted mean of the unit vectors, unit length (or zero)."""
        out = np.zeros(self.size, dtype=np.float32)
        for lemma in lemmas:
            vector = self.unit(lemma)
            if vector is not None:
                out += information(lemma) * vector
        norm = float(np.linalg.norm(out))
        return out / norm if norm else out


def vector_links(themes: Sequence[Theme], words: Words) -> Iterable[tuple[int, int]]:
    """Pairs of themes, neither a name, that share no lemma and whose vectors are close
    (``SIMILAR``), a block of rows of their matrix at a time."""
    matrix = np.stack([np.zeros(words.size, dtype=np.float32) if theme.named
                       else words.mean(theme.lemmas) for theme in themes])
    for begin in range(0, len(themes), BLOCK):
        similarity = matrix[begin:begin + BLOCK] @ matrix.T
        for row, column in zip(*np.nonzero(similarity >= SIMILAR), strict=True):
            first, second = int(begin + row), int(column)
            if first < second and set(themes[first].lemmas).isdisjoint(themes[second].lemmas):
                yield first, second


def components(size: int, links: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The connected groups of ``size`` items under the links (union-find), each in item
    order, in the order of their first items."""
    parent = list(range(size))

    def root(item: int) -> int:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for first, second in links:
        a, b = root(first), root(second)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for item in range(size):
        groups[root(item)].append(item)
    return sorted(groups.values(), key=lambda group: group[0])


@dataclass(frozen=True, slots=True)
class Topic:
    label: str
    docs: frozenset[str]
    phrases: tuple[str, ...]
    weight: float  # the sum of its themes' scores


def topics(themes: Sequence[Theme], groups: Iterable[Sequence[int]]) -> list[Topic]:
    """The topics found in ``MIN_DOCS`` documents or more, most widespread first."""
    out = []
    for group in groups:
        members = sorted((themes[number] for number in group),
                         key=lambda theme: (-len(theme.docs), -theme.score, theme.name))
        docs = frozenset().union(*(theme.docs for theme in members))
        if len(docs) >= MIN_DOCS:
            out.append(Topic(members[0].name, docs, tuple(theme.name for theme in members),
                             sum(theme.score for theme in members)))
    return sorted(out, key=lambda topic: (-len(topic.docs), -topic.weight, topic.label))


def table(found: Sequence[Topic]) -> pd.DataFrame:
    records = [(f"T{number:04d}", topic.label, len(topic.docs), "; ".join(topic.phrases),
                "; ".join(sorted(topic.docs))) for number, topic in enumerate(found, 1)]
    frame = pd.DataFrame.from_records(records, columns=list(COLUMNS))
    for column in COLUMNS:
        frame[column] = frame[column].astype("Int64" if column == "n_docs" else "string")
    return frame
