"""Themes across the corpus: the same theme in different documents, counted once per document.

Themes of the ``themes`` table are grouped in four steps:

1. Same lemmas: themes whose sets of lemmas are equal are one theme, whatever
   their written form ("цифровые технологии", "цифровая технология").
2. Acronyms: a theme written as one acronym joins the theme whose words it
   spells ("ИИ" -> "искусственный интеллект").
3. Related words: groups, largest first, take in the smaller groups that say
   the same with related words. Two themes of as many words are related when
   their words pair off one to one, each pair the same lemma or one stem
   ("цифровая экономика", "цифровизация экономики"; "российская наука", "наука
   России"), except for at most one pair of near-synonyms: navec vectors with
   a cosine of at least ``SYNONYM``. navec puts words of one field close
   whatever their meaning: "экспорт" and "импорт" have a cosine of 0.72,
   "школьник" and "подросток" 0.75, while the synonyms "вуз" and "университет"
   have 0.61 and "беспилотник" and "дрон" 0.66; so the bar is set above the
   antonyms and co-hyponyms, and few pairs clear it.
4. Narrower phrases: a theme of three words or more that contains all the
   lemmas of a theme of two words or more joins it ("технологии искусственного
   интеллекта" -> "искусственный интеллект"); a single word takes in nothing
   ("медицинское образование" stays apart from "образование").

Each group is named by its most widespread written form. ``n_docs`` counts the
documents it appears in; ``score`` adds up, per document, the best score of
the group's themes there (stage scores are relative to the document's top
theme, so a theme on top of three documents scores 3).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..resources import Resources, shared
from ..vocab import fold

SYNONYM = 0.76  # navec cosine of two words that may stand for each other
STEM = 5  # letters two words of one stem share at least ...
STEM_SHARE = 0.7  # ... and at least this share of the shorter word
COLUMNS = ("theme", "n_docs", "score", "variants", "lemmas", "doc_ids")

Row = tuple[str, str, float, tuple[str, ...]]  # doc_id, theme, score, lemmas


@dataclass(frozen=True, slots=True)
class Group:
    """Themes that are one theme: lemmas of its first form, written forms and documents.

    Frozen, but its counters fill up as groups are merged into it.
    """

    words: tuple[str, ...]
    forms: Counter[str] = field(default_factory=Counter)  # written form -> documents
    docs: dict[str, float] = field(default_factory=dict)  # doc_id -> best score there
    narrower: Counter[str] = field(default_factory=Counter)  # forms of narrower phrases

    def size(self) -> tuple[int, float]:
        return len(self.docs), sum(self.docs.values())

    def absorb(self, other: Group, *, narrower: bool = False) -> None:
        (self.narrower if narrower else self.forms).update(other.forms)
        self.narrower.update(other.narrower)
        for doc_id, score in other.docs.items():
            self.docs[doc_id] = max(score, self.docs.get(doc_id, 0.0))


def corpus_themes(themes: pd.DataFrame, *, resources: Resources | None = None) -> pd.DataFrame:
    """Group the ``themes`` table (doc_id, rank, theme, score[, lemmas]) across documents.

    ``lemmas`` holds each theme's lemmas joined by spaces; without it, each word
    of the theme is lemmatised with pymorphy3's first parse.
    """
    if themes.empty:
        return table([])
    resources = resources or shared()
    groups = exact_groups(rows(themes, resources))
    groups = merge_acronyms(groups)
    return table(merge_narrower(merge_related(groups, resources.embedding)))


def rows(themes: pd.DataFrame, resources: Resources) -> Iterable[Row]:
    doc_ids = themes["doc_id"].astype(str).tolist()
    names = themes["theme"].astype(str).tolist()
    scores = pd.to_numeric(themes["score"], errors="coerce").astype(float).fillna(0.0).tolist()
    given = themes["lemmas"].tolist() if "lemmas" in themes.columns else [None] * len(names)
    for doc_id, theme, score, raw in zip(doc_ids, names, scores, given, strict=True):
        words = (str(raw).split() if isinstance(raw, str) and raw.strip()
                 else lemmatise(theme, resources))
        yield doc_id, theme, float(score), tuple(fold(word) for word in words)


def lemmatise(theme: str, resources: Resources) -> list[str]:
    out = []
    for word in theme.split():
        parses = resources.morph.parse(word.lower())
        out.append(str(parses[0].normal_form) if parses else word.lower())
    return out


def exact_groups(items: Iterable[Row]) -> list[Group]:
    groups: dict[frozenset[str], Group] = {}
    seen: set[tuple[str, str]] = set()
    for doc_id, theme, score, words in items:
        group = groups.setdefault(frozenset(words), Group(words))
        if (doc_id, theme) not in seen or not group.forms:
            seen.add((doc_id, theme))
            group.forms[theme] += 1
        group.docs[doc_id] = max(score, group.docs.get(doc_id, 0.0))
    return list(groups.values())


def merge_acronyms(groups: Sequence[Group]) -> list[Group]:
    """"ИИ" joins "искусственный интеллект" when its letters are the phrase's initials."""
    by_initials: dict[str, list[Group]] = defaultdict(list)
    for group in groups:
        if len(group.words) > 1:
            by_initials["".join(word[:1] for word in group.words)].append(group)
    gone: set[int] = set()
    for group in groups:
        form = group.forms.most_common(1)[0][0]
        if len(group.words) != 1 or not form.isupper() or len(form) < 2 or id(group) in gone:
            continue
        targets = [other for other in by_initials.get(group.words[0], []) if id(other) not in gone]
        if targets:
            max(targets, key=Group.size).absorb(group)
            gone.add(id(group))
    return [group for group in groups if id(group) not in gone]


def same_stem(first: str, second: str) -> bool:
    if first == second:
        return True
    common = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        common += 1
    return common >= STEM and common >= STEM_SHARE * min(len(first), len(second))


def cosine(first: str, second: str, embedding: Any) -> float:
    if first not in embedding or second not in embedding:
        return 0.0
    a, b = np.asarray(embedding[first]), np.asarray(embedding[second])
    norm = float(np.linalg.norm(a) * np.linalg.norm(b))
    return float(a @ b) / norm if norm else 0.0


def related(first: Sequence[str], second: Sequence[str], embedding: Any) -> bool:
    """Words pair off by lemma or stem, with at most one pair of navec near-synonyms."""
    if len(first) != len(second):
        return False
    left = list(second)
    unmatched = []
    for word in first:
        match = next((other for other in left if same_stem(word, other)), None)
        if match is None:
            unmatched.append(word)
        else:
            left.remove(match)
    if not unmatched:
        return True
    return len(unmatched) == 1 and cosine(unmatched[0], left[0], embedding) >= SYNONYM


def stem_keys(words: Sequence[str]) -> set[str]:
    return {word[:STEM] for word in words}


class Singles:
    """One-word leaders with their unit navec vectors, searched by one matrix product."""

    def __init__(self, embedding: Any) -> None:
        self.embedding = embedding
        self.groups: list[Group] = []
        self.vectors = np.zeros((0, 0), dtype=np.float32)

    def unit(self, word: str) -> np.ndarray | None:
        if word not in self.embedding:
            return None
        vector = np.asarray(self.embedding[word], dtype=np.float32)
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm else None

    def close(self, word: str) -> list[Group]:
        vector = self.unit(word)
        if vector is None or not self.groups:
            return []
        similarity = self.vectors[:len(self.groups)] @ vector
        return [self.groups[index] for index in np.flatnonzero(similarity >= SYNONYM)]

    def add(self, group: Group) -> None:
        vector = self.unit(group.words[0])
        if vector is None:
            return
        if len(self.groups) == len(self.vectors):  # grow by doubling
            grown = np.zeros((max(16, 2 * len(self.groups)), len(vector)), dtype=np.float32)
            if self.groups:
                grown[:len(self.groups)] = self.vectors[:len(self.groups)]
            self.vectors = grown
        self.vectors[len(self.groups)] = vector
        self.groups.append(group)


def merge_related(groups: Sequence[Group], embedding: Any) -> list[Group]:
    """Leader clustering, largest groups first: each group joins the first related leader."""
    leaders: list[Group] = []
    by_stem: dict[str, list[Group]] = defaultdict(list)
    singles = Singles(embedding)
    for group in sorted(groups, key=Group.size, reverse=True):
        pool = [leader for key in stem_keys(group.words) for leader in by_stem[key]]
        if len(group.words) == 1:
            pool += singles.close(group.words[0])
        leader = next((leader for leader in pool
                       if related(group.words, leader.words, embedding)), None)
        if leader is not None:
            leader.absorb(group)
            continue
        leaders.append(group)
        for key in stem_keys(group.words):
            by_stem[key].append(group)
        if len(group.words) == 1:
            singles.add(group)
    return leaders


def merge_narrower(groups: Sequence[Group]) -> list[Group]:
    """"технологии искусственного интеллекта" joins "искусственный интеллект"."""
    by_lemma: dict[str, list[Group]] = defaultdict(list)
    for group in groups:
        if len(set(group.words)) >= 2:
            for word in set(group.words):
                by_lemma[word].append(group)
    gone: set[int] = set()
    for group in sorted(groups, key=lambda group: -len(set(group.words))):
        lemmas = set(group.words)
        if len(lemmas) < 3:
            continue
        broader = [other for word in lemmas for other in by_lemma[word]
                   if set(other.words) < lemmas and id(other) not in gone]
        if broader:
            max(broader, key=Group.size).absorb(group, narrower=True)
            gone.add(id(group))
    return [group for group in groups if id(group) not in gone]


def table(groups: Sequence[Group]) -> pd.DataFrame:
    records = []
    for group in groups:
        forms = sorted(group.forms, key=lambda form: (-group.forms[form], -len(form)))
        forms += [form for form, _ in group.narrower.most_common()]
        records.append((forms[0], len(group.docs), round(sum(group.docs.values()), 4),
                        "; ".join(forms[1:]) or None, " ".join(group.words),
                        "; ".join(sorted(group.docs))))
    frame = pd.DataFrame.from_records(records, columns=list(COLUMNS))
    frame = frame.sort_values(["score", "n_docs", "theme"], ascending=[False, False, True],
                              kind="stable").reset_index(drop=True)
    for column in COLUMNS:
        frame[column] = frame[column].astype("Int64" if column == "n_docs" else
                                             "Float64" if column == "score" else "string")
    return frame
