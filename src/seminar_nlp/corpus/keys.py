"""Entity resolution: which mentions, within a document and across the corpus, are one entity.

Every mention gets a key; mentions with the same key are one entity.

People: a full name (first name and surname) is the person. A shorter mention
("Абрамов", "М. Абрамов") joins the full name of its document with the same
surname and a compatible first name or initial (one with a patronymic first;
the nearest one before it, else the first), whatever namesakes other documents
have; failing that, the only person of the corpus with that surname and first
initial. A first name alone ("Виктора", "Бориса Николаевича") joins the one person
of its document with that name. Surnames are compared by their last word in the
nominative with ё read as е, so "Ковалёвой" and "Ковалева" meet, while "Абрамов" and
"Абрамова" (a man and a woman) stay apart.

Organisations: a quoted name keys the organisation whatever generic word
stands before it («Росатом», госкорпорация «Росатом»); an acronym joins the
full name it abbreviates, when the text pairs them ("... (СКС)", or the acronym mention right
after the name it spells, as the NER stage splits them; not when it spells only
the name's genitive tail: "Президиум Российской академии наук (РАН)") or when its
letters are the initials of exactly one full name in the corpus ("РАН" =
"Российская академия наук"). Locations: their nominative normal form.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from ..normal.words import ADJECTIVE_ENDINGS as SINGULAR_ADJECTIVE_ENDINGS
from ..resources import read_lexicon
from ..vocab import fold_spaces, is_acronym_name, place_adjectives, spells
from ..vocab import is_acronym as in_capitals

QUOTED = re.compile(r"«([^«»]+)»?")
BRACKETED = re.compile(r"^(.*\S)\s*\(([^()]+)\)$")
NAMESAKE = re.compile(r"\b(им\.|имени)\s")
WORD = re.compile(r"[\w]+(?:-[\w]+)*")


Name = tuple[str, str, str]  # (surname, first name, patronymic initial), folded


@dataclass
class People:
    """The full names of one document's people, where each form stands: found by surname
    or first name without a scan of the document (a scan per mention made one long
    document quadratic)."""

    by_last: dict[str, dict[Name, list[int]]] = field(default_factory=dict)
    by_first: dict[str, set[Name]] = field(default_factory=dict)

    def add(self, name: Name, position: int) -> None:
        self.by_last.setdefault(name[0], {}).setdefault(name, []).append(position)
        self.by_first.setdefault(name[1], set()).add(name)

    def chosen(self, last: str, first: str, middle: str, position: int) -> Name | None:
        """The full name a mention of ``last`` refers to: of the compatible forms (those
        with a patronymic, if any), the one named last before ``position``, else the one
        named first."""
        forms = {name: places for name, places in self.by_last.get(last, {}).items()
                 if compatible(first, name[1]) and compatible(middle, name[2])}
        pool = {name: places for name, places in forms.items() if name[2]} or forms
        if not pool:
            return None
        before = {name: places[bisect_left(places, position) - 1]
                  for name, places in pool.items() if places[0] < position}
        if before:
            return max(before, key=lambda name: before[name])
        return min(pool, key=lambda name: pool[name][0])


def entity_keys(mentions: pd.DataFrame) -> pd.Series:
    """One key per mention; equal keys are one entity."""
    keys = pd.Series(index=mentions.index, dtype="string")
    types = mentions["type"].astype(str)
    for kind, resolver in (("PER", person_keys), ("ORG", org_keys), ("LOC", place_keys)):
        part = mentions[types == kind]
        if not part.empty:
            keys[part.index] = kind + "\t" + resolver(part)
    return keys


def place_keys(mentions: pd.DataFrame) -> pd.Series:
    return mentions["normal"].fillna("").map(fold_spaces)


# People


def name_part(value: object) -> str:
    """A name column's value folded; missing values (None, NA, NaN) are not strings."""
    return fold_spaces(value).rstrip(".") if isinstance(value, str) else ""


def compatible(first: str, other: str) -> bool:
    return not first or not other or first == other or (
        min(len(first), len(other)) == 1 and first[0] == other[0])


def person_keys(mentions: pd.DataFrame) -> pd.Series:
    # A surname is compared by its last word: "Тайип Эрдоган" of "Реджеп Тайип Эрдоган"
    # is Эрдоган's, whose first name is Реджеп.
    names = {index: (last_word(name_part(last)), name_part(first), name_part(middle))
             for index, last, first, middle in zip(
                 mentions.index, mentions["last"].tolist(), mentions["first"].tolist(),
                 mentions["middle"].tolist(), strict=True)}
    normals = dict(zip(mentions.index, mentions["normal"].tolist(), strict=True))
    corpus: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for last, first, middle in names.values():
        if last and len(first) > 1:
            corpus[last, first[0]].add((first, middle[:1]))
    # The same by surname alone: a scan of all of ``corpus`` per surname-only mention
    # grew with the square of the corpus.
    by_last: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for (last, _), found in corpus.items():
        by_last[last] |= found
    keys = {}
    for doc_id, group in mentions.groupby("doc_id", sort=False):
        people = People()
        for n, i in enumerate(group.index):
            if names[i][0] and len(names[i][1]) > 1:
                people.add((names[i][0], names[i][1], names[i][2][:1]), n)
        for position, index in enumerate(group.index):
            keys[index] = person_key(names[index], position, people, corpus, by_last,
                                     f"{doc_id}|{fold_spaces(str(normals[index]))}")
    return pd.Series(keys, dtype="string").reindex(mentions.index)


def last_word(last: str) -> str:
    return last.rsplit(" ", 1)[-1]


def person_key(name: tuple[str, str, str], position: int, people: People,
               corpus: dict[tuple[str, str], set[tuple[str, str]]],
               by_last: dict[str, set[tuple[str, str]]], alone: str) -> str:
    last, first, middle = name[0], name[1], name[2][:1]
    if not last:
        # A first name (and patronymic) alone is the one person of its document with them
        # ("Виктора" of "Виктор Бут", "Бориса Николаевича" of "Борис Николаевич Ельцин").
        same = {found for found in people.by_first.get(first, ()) if len(first) > 1
                and compatible(middle, found[2])}
        if len({found[0] for found in same}) == 1:  # one surname: its fullest form
            fullest = max(same, key=lambda found: (bool(found[2]), found))
            return person_key(fullest, position, people, corpus, by_last, alone)
        return "?" + alone  # else only the same form in the same document
    if len(first) > 1 and middle:
        return f"{last}|{first}|{middle}"
    chosen = people.chosen(last, first, middle, position)
    if chosen is not None:
        # One with a patronymic is the fullest form of the name in the document.
        if chosen[2]:
            return "|".join(chosen)
        # The document's full name without a patronymic: the corpus may know it with one.
        first, middle = chosen[1], middle or chosen[2]
    known = {(f, m) for f, m in corpus.get((last, first[:1]), set())
             if compatible(first, f) and compatible(middle, m)} if first else \
        set(by_last.get(last, ()))
    full = {(f, m) for f, m in known if m}
    if len(full) == 1:
        return "{}|{}|{}".format(last, *full.pop())
    if len(known) == 1:
        return "{}|{}|{}".format(last, *known.pop())
    return f"{last}|{first}|{middle}"


# Organisations


def generic_words() -> frozenset[str]:
    return frozenset(read_lexicon("org_descriptors.txt"))


def quoted_core(normal: str) -> str | None:
    """The quoted name of "госкорпорация «Росатом»", when the rest is a generic descriptor."""
    match = QUOTED.search(normal)
    if match is None:
        return None
    outside = (normal[:match.start()] + " " + normal[match.end():]).split()
    if all(fold_spaces(word) in generic_words() or word.isupper() for word in outside):
        return fold_spaces(match.group(1))
    return None


def initials(name: str) -> str:
    """Initial letters of a full name's words, up to "имени" ("РАН", "СПГУ" for СПбГУ)."""
    name = NAMESAKE.split(name)[0]
    letters: list[str] = []
    for word in WORD.findall(name):
        if word.islower() and len(word) <= 3:
            continue  # и, по, при, для
        letters.extend(part[0] for part in word.split("-") if part)
    return "".join(letters).upper()


def acronym_letters(text: str) -> str:
    return "".join(ch for ch in NAMESAKE.split(text)[0] if ch.isupper())


@lru_cache(maxsize=200_000)  # a corpus names the same organisations again and again
def is_acronym(text: str) -> bool:
    """A name that is an acronym before its "имени ..." ("МГУ им. М. В. Ломоносова")."""
    return is_acronym_name(NAMESAKE.split(text)[0].strip())


def org_keys(mentions: pd.DataFrame) -> pd.Series:
    normals = mentions["normal"].fillna("").astype(str)
    stated = {**adjacent_pairs(mentions), **stated_pairs(normals)}
    bases = {normal: org_base(normal, stated) for normal in set(normals)}
    base = {index: bases[normal] for index, normal in normals.items()}
    by_initials: dict[str, set[str]] = defaultdict(set)
    for index, normal in normals.items():
        if not is_acronym(normal) and base[index] == fold_spaces(normal):
            by_initials[initials(normal)].add(base[index])
    keys = {}
    for index, normal in normals.items():
        key = base[index]
        if is_acronym(normal) and key == fold_spaces(normal):
            tail = fold_spaces(NAMESAKE.split(normal)[-1]) if NAMESAKE.search(normal) else ""
            fulls = {full for full in by_initials.get(acronym_letters(normal), set())
                     if not tail or full.endswith(tail)}
            if len(fulls) == 1:
                key = fulls.pop()
        keys[index] = key
    return pd.Series(keys, dtype="string").reindex(mentions.index)


def adjacent_pairs(mentions: pd.DataFrame) -> dict[str, str]:
    """Acronym -> full name, from an acronym right after the name it spells, in brackets as
    the NER stage splits them ("Комитет защиты журналистов" + "КЗЖ"): one or two characters
    after the end of the mention before, in one sentence."""
    if not {"start", "stop", "sent_id"} <= set(mentions.columns) or len(mentions) < 2:
        return {}
    data = mentions.sort_values(["doc_id", "start"])
    pairs = {}
    rows = zip(data["doc_id"], data["sent_id"], data["start"], data["stop"],
               data["normal"].fillna("").astype(str), strict=True)
    outer = None  # the mention before that ends last: a name, not a place nested in it
    for row in rows:
        if outer is not None and row[0] == outer[0] and row[1] == outer[1] and \
                1 <= row[2] - outer[3] <= 2 and spells(row[4], outer[4]) and \
                all(in_capitals(word) for word in row[4].split()):
            pairs[fold_spaces(row[4])] = fold_spaces(outer[4])
        if outer is None or row[0] != outer[0] or row[3] > outer[3]:
            outer = row
    return pairs


def stated_pairs(normals: Iterable[str]) -> dict[str, str]:
    """Acronym -> full name, from names written "Full Name (ACRONYM)"."""
    pairs = {}
    for normal in normals:
        match = BRACKETED.match(normal)
        if match and short_name(match.group(1), match.group(2)):
            pairs[fold_spaces(match.group(2))] = fold_spaces(match.group(1))
    return pairs


def bracketed_short(normal: str) -> re.Match[str] | None:
    """"Full Name (SHORT)" where SHORT is its short name or an acronym of a part of it."""
    match = BRACKETED.match(normal)
    if match and (short_name(match.group(1), match.group(2))
                  or is_acronym(match.group(2)) and tail_acronym(match.group(1), match.group(2))):
        return match
    return None


def org_base(normal: str, stated: dict[str, str]) -> str:
    match = bracketed_short(normal)
    if match:
        normal = match.group(1)
    core = quoted_core(normal)
    if core is not None:
        return core
    folded = fold_spaces(normal)
    return stated.get(folded, folded)


def display_name(normal: str) -> str:
    """The name an organisation mention stands for, without a bracketed acronym."""
    match = bracketed_short(normal)
    return match.group(1) if match else normal


# Nominative endings of adjectives, which open a name without being its head.
ADJECTIVE_ENDINGS = (*SINGULAR_ADJECTIVE_ENDINGS, "ое", "ее", "ые", "ие")
STEM = 5  # letters of a word of a short name found in the full name


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Places named by adjectives ("Москва" of "московский"), which no short name is."""
    return frozenset(place_adjectives().values())


def tail_acronym(full: str, short: str) -> bool:
    """Whether an acronym's letters are the initials of the name without its first words,
    which hold a noun ("Клиники", not the adjectives "Национальный исследовательский")."""
    letters, words = acronym_letters(short), WORD.findall(NAMESAKE.split(full)[0])
    return letters != initials(full) and any(
        letters == initials(" ".join(words[start:]))
        and not all(word.lower().endswith(ADJECTIVE_ENDINGS) for word in words[:start])
        for start in range(1, len(words)))


def short_name(full: str, short: str) -> bool:
    """Whether a bracketed name after a full one is its short name: an acronym, or a
    capitalised word or two sharing a stem with it ("Федеральное агентство по делам
    молодёжи (Росмолодёжь)", "... имени И. М. Сеченова (Сеченовский Университет)"),
    not a place ("... Китая (Циндао)"). An acronym of the name's genitive tail only is that
    tail's ("Президиум Российской академии наук (РАН)": РАН is not the presidium)."""
    if is_acronym(short):
        return not tail_acronym(full, short)
    words = short.split()
    if not 1 <= len(words) <= 3 or not short[:1].isupper() or short in places():
        return False
    stems = {word.lower()[start:start + STEM] for word in words if len(word) > STEM
             for start in range(len(word) - STEM + 1)}
    return any(other.startswith(stem) for other in map(str.lower, WORD.findall(full))
               for stem in stems)
