"""Theme candidates of a document, for the themes stage (their normal forms are in
``forms``).

Candidates. In a sentence, a noun group is a noun (or a run of proper names in
one case, "Дональд Трамп") with the modifiers before it that agree in case;
groups in the genitive attach to the group before them ("внедрение | технологий
| искусственного интеллекта"). Each piece of such a chain that opens at a group
(or inside its modifiers) and ends at a noun is a candidate, keyed by its
lemmas. An acronym of a candidate's initials ("ИИ") and a surname alone
("Трамп") count as occurrences of the longer candidate.

Word lists are ``lexicons/themes.tsv``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ...normal.words import NAME_GRAMS
from ...records import Doc, Tag, Token
from ...resources import Morphology, read_lexicon
from ...vocab import fold, is_acronym

Key = tuple[str, ...]
WORD = re.compile(r"[^\W\d_]+(?:-[^\W_]+)*")
PERSON_GRAMS = NAME_GRAMS
OPENERS = frozenset("«\"“„([—–-:")
ENDINGS = frozenset({".", "!", "?", "…", ";"})
MAX_NAME = 3  # tokens in a run of names
# Classes of neighbouring proper names that make one name ("Реджеп Эрдоган", "Нью Эйдж");
# an acronym, a place or an organisation never joins ("МИД РФ Сергей Лавров" is three).
JOINING = frozenset({frozenset({"person"}), frozenset({"person", "other"}), frozenset({"other"}),
                     frozenset({"word"}), frozenset({"word", "other"})})


@dataclass(frozen=True, slots=True)
class Rules:
    """Word lists of ``lexicons/themes.tsv`` by kind (see its header), with their numbers."""

    lists: Mapping[str, frozenset[str]]
    numbers: Mapping[str, Mapping[str, float]]  # "weak" and "cue" weights

    def __getitem__(self, kind: str) -> frozenset[str]:
        return self.lists.get(kind, frozenset())


@cache
def rules() -> Rules:
    lists: dict[str, set[str]] = defaultdict(set)
    numbers: dict[str, dict[str, float]] = defaultdict(dict)
    for line in read_lexicon("themes.tsv"):
        kind, lemma, *rest = line.split("\t")
        lists[kind].add(lemma)
        if rest:
            numbers[kind][lemma] = float(rest[0])
    return Rules({kind: frozenset(words) for kind, words in lists.items()}, dict(numbers))


# Candidates

@dataclass(frozen=True, slots=True)
class Words:
    """What the chunker needs of each token of a document."""

    kinds: tuple[str, ...]  # "mod", "noun", "name", or "" for a word that ends a group
    cases: tuple[str, ...]
    keys: tuple[str, ...]  # lemmas in lower case, ё as е
    names: tuple[str, ...]  # class of each name (see name_class), "" for other words
    capital: tuple[bool, ...]  # capitalised inside a sentence


def analyse(doc: Doc, morph: Morphology, lexicon: Rules) -> Words:
    tokens, tags = doc.need("tokens"), doc.need("tags")
    keys = tuple(fold(lemma) for lemma in doc.need("lemmas"))
    cases = [tag.feats.get("Case", "") for tag in tags]
    kinds, names = [], []
    modifiers, stop = lexicon["modifier"], lexicon["stop"]
    for index, (token, tag, key) in enumerate(zip(tokens, tags, keys, strict=True)):
        form, kind = token.form, ""
        if not wordlike(morph, form):
            pass
        elif tag.pos == "ADJ" and "Case" in tag.feats and only_noun(morph, form) and \
                (form[:1].islower() or initial(doc, index)):
            kind = "noun"  # "Улавливание углерода", "извлечение": a rare noun tagged ADJ
            # (not a capitalised name: "Никитинский суд")
        elif tag.pos == "ADJ" or tag.pos == "VERB" and tag.feats.get("VerbForm") == "Part":
            kind = "" if key in modifiers or "Case" not in tag.feats else "mod"
        elif tag.pos == "NOUN" and key not in stop and "Case" in tag.feats:
            kind = "noun"
            if (case := adjective(morph, form, tags[index + 1:index + 4])) is not None:
                kind, cases[index] = "mod", case  # "нейросетевых моделей" tagged as two nouns
        elif tag.pos == "PROPN" and key not in stop:
            kind = "noun" if form.rsplit("-", 1)[-1].islower() else "name"  # "ИИ-решений"
        kinds.append(kind)
        names.append(name_of(morph, form) if kind == "name" else "")
    capital = tuple(token.form[:1].isupper() and not initial(doc, index)
                    for index, token in enumerate(tokens))
    return Words(tuple(kinds), tuple(cases), keys, tuple(names), capital)


@lru_cache(maxsize=100_000)
def wordlike(morph: Morphology, form: str) -> bool:
    """Whether a token may be a word of a candidate (memoised by form)."""
    return len(form) >= 2 and WORD.fullmatch(form) is not None and \
        not shouted(morph, form) and not no_word(morph, form)


@lru_cache(maxsize=100_000)
def name_of(morph: Morphology, form: str) -> str:
    """``name_class``, memoised by form."""
    return name_class(morph, form)


@lru_cache(maxsize=100_000)
def only_noun(morph: Morphology, form: str) -> bool:
    """Whether the dictionary knows the word, as written, only as a noun (memoised)."""
    parses = morph.parse(form.lower())
    return bool(parses) and all(parse.tag.POS == "NOUN" and parse.is_known
                                and "Fixd" not in parse.tag.grammemes for parse in parses)


def adjective(morph: Morphology, form: str, after: Sequence[Tag]) -> str | None:
    """The case of the noun after a word tagged as a noun that is in fact its adjective."""
    noun = next((tag for tag in after if tag.pos != "ADJ"), None)
    if noun is None or noun.pos not in ("NOUN", "PROPN") or form[:1].isupper():
        return None
    parses = morph.parse(form.lower())
    return noun.feats.get("Case", "") if parses and parses[0].tag.POS in ("ADJF", "PRTF") else None


def no_word(morph: Morphology, form: str) -> bool:
    """A unit, a formula or a broken word, not a theme: "мДж", "logP", "Cn", and the
    "ние" of a word hyphenated across lines."""
    if any(char.isupper() for char in form[1:]) and form[:1].islower():
        return True  # "мДж", "кПа", "logP"
    if len(form) <= 2 and form.isascii():
        return True  # "Cn", "Op"
    return len(form) <= 3 and form.islower() and not morph.parse(form)[0].is_known


def shouted(morph: Morphology, form: str) -> bool:
    """A dictionary word in capitals ("БЮЛЛЕТЕНЬ", a running header), unlike "НАТО"."""
    if len(form) < 5 or not form.isupper():
        return False
    parses = morph.parse(form.lower())
    return bool(parses) and parses[0].is_known and "Abbr" not in parses[0].tag.grammemes


def name_class(morph: Morphology, form: str) -> str:
    """"place", "organisation", "acronym", "person", "word" (a known word) or "other"."""
    parses = morph.parse(form.lower())
    grams = parses[0].tag.grammemes if parses else frozenset()
    if ("Geox" in grams or "Orgn" in grams) and parses[0].is_known:
        return "place" if "Geox" in grams else "organisation"
    if is_acronym(form):
        return "acronym"
    if any(PERSON_GRAMS & parse.tag.grammemes for parse in parses[:2]):
        return "person"
    return "word" if parses and parses[0].is_known else "other"


@dataclass(frozen=True, slots=True)
class Group:
    """Modifiers [start, head) and a noun or run of names [head, stop)."""

    start: int
    head: int
    stop: int


@dataclass(frozen=True, slots=True)
class Span:
    """One occurrence of a candidate: tokens [start, stop), its first group's noun at head."""

    start: int
    stop: int
    head: int
    sent: int


def name_run(words: Words, index: int, hi: int) -> int:
    """End of the run of names from index: in one case, of classes that go together."""
    stop = index + 1
    while (stop < hi and stop - index < MAX_NAME and words.kinds[stop] == "name"
           and words.cases[stop] == words.cases[index]
           and frozenset((words.names[stop - 1], words.names[stop])) in JOINING):
        stop += 1
    return stop


def chains(words: Words, lo: int, hi: int) -> list[list[Group]]:
    """Noun groups of tokens [lo, hi) in chains of genitive complements (a person stands alone)."""
    out: list[list[Group]] = []
    chain: list[Group] = []
    mods, index = 0, lo  # mods: modifiers just before index
    while index < hi:
        kind = words.kinds[index]
        if kind == "mod":
            mods, index = mods + 1, index + 1
            continue
        if not kind:
            out.append(chain)
            chain, mods, index = [], 0, index + 1
            continue
        stop = name_run(words, index, hi) if kind == "name" else index + 1
        start = index
        while start > index - mods and words.cases[start - 1] == words.cases[index]:
            start -= 1
        group = Group(start, index, stop)
        if (chain and words.cases[index] == "Gen" and start == chain[-1].stop
                and "person" not in words.names[chain[-1].head:stop]):
            chain.append(group)
        else:
            out.append(chain)
            chain = [group]
        mods, index = 0, stop
    out.append(chain)
    return [chain for chain in out if chain]


def spans(chain: Sequence[Group], words: Words, sent: int, lexicon: Rules,
          max_words: int) -> list[Span]:
    """Every candidate of a chain: opens at a group, ends at a noun."""
    out = []
    lights, generic = lexicon["light"], lexicon["generic"]
    for first, group in enumerate(chain):
        light = words.keys[group.head] in lights
        for start in range(group.start, group.head + 1):
            if light and not words.capital[start]:
                continue  # "в области медицины"; a light noun heads only "Курская область"
            for last in chain[first:]:
                if last.stop - start > max_words:
                    break
                if last.stop - start > 1 or words.keys[start] not in generic:
                    out.append(Span(start, last.stop, group.head, sent))
    return out


@dataclass(frozen=True, slots=True)
class Candidates:
    """The candidates of one document and what their ranking needs of it."""

    occurrences: Mapping[Key, list[Span]]
    kinds: Mapping[Key, str]  # "person", "place", "organisation", "proper" or ""
    cues: Mapping[int, tuple[int, float]]  # sentence -> its first cue word, its strength
    focused: frozenset[Span]  # occurrences in the first phrase after a strong cue
    capital: frozenset[str]  # lemmas capitalised inside a sentence somewhere
    keys: tuple[str, ...]  # lemma of each token
    title: frozenset[str]  # lemmas of the first sentence
    sentences: int
    genre: frozenset[Key] = frozenset()  # candidates that are event types
    # occurrence -> the token range of its chain of genitive complements ("система поддержки"
    # in "система поддержки принятия решений" is cut short of its chain's end)
    links: Mapping[Span, tuple[int, int]] = field(default_factory=dict)
    # candidates the document is about: said in its first sentence or at least twice as a
    # subject (in the nominative)
    about: frozenset[Key] = frozenset()
    # the kind of entity an occurrence names, where it is a whole name the NER found
    # ("Сбербанк": "organisation"), for the ``entities`` setting
    entities: Mapping[Key, str] = field(default_factory=dict)


def kind_of(words: Words, span: Span, lexicon: Rules) -> str:
    classes = set(words.names[span.start:span.stop])
    if "person" in classes and classes <= {"person", "other"}:
        return "person"
    head = words.names[span.head]
    if head in ("organisation", "acronym") or words.keys[span.head] in lexicon["institution"]:
        return "organisation"
    return "place" if head == "place" else "proper" if head else ""


def merge_aliases(found: dict[Key, list[Span]], kinds: Mapping[Key, str],
                  tokens: Sequence[Token], words: Words) -> None:
    """Count "Трамп" as "Дональд Трамп", an acronym with its expansion ("ИИ"), and the
    names of ``lexicons/theme_aliases.tsv`` as one ("РФ" as "Россия")."""
    longer = [key for key in found if len(key) > 1]
    for key in [key for key in found if len(key) == 1]:
        form = tokens[found[key][0].start].form
        if kinds[key] == "person":
            targets = [other for other in longer
                       if kinds[other] == "person" and other in found and other[-1] == key[0]]
        elif is_acronym(form) and form.isalpha() and len(form) <= 6:
            targets = [other for other in longer if other in found and len(other) == len(key[0])
                       and "".join(word[0] for word in other) == key[0]]
        else:
            continue
        if targets:
            target = max(targets, key=lambda other: len(found[other]))
            # "США" said more often than "Соединённые Штаты" is kept, but an acronym that only
            # the text defines ("МС" of "мехатронные системы") gives way to what it stands for.
            known = words.names[found[key][0].head] != "acronym"
            if kinds[key] in ("place", "organisation") and len(found[key]) > len(found[target]) \
                    and (known or named(found[target], words)):
                target, key = key, target
            found[target].extend(found.pop(key))
    for names in aliases():
        present = [name for name in names if name in found]
        if len(present) > 1:  # "Россия" and "РФ": the commoner is shown
            kept = max(present, key=lambda name: len(found[name]))
            for name in present:
                if name != kept:
                    found[kept].extend(found.pop(name))


def named(occurrences: Sequence[Span], words: Words) -> bool:
    """Whether a phrase is written as a name somewhere: a capital inside a sentence."""
    return any(words.capital[span.start] or words.names[span.head] for span in occurrences)


@cache
def aliases() -> tuple[tuple[Key, ...], ...]:
    """Keys that name one place or organisation (``lexicons/theme_aliases.tsv``), by name."""
    groups: dict[Key, list[Key]] = defaultdict(list)
    for line in read_lexicon("theme_aliases.tsv"):
        name, other = line.split("\t")
        groups[tuple(name.split())].append(tuple(other.split()))
    return tuple((name, *others) for name, others in groups.items())


def initial(doc: Doc, index: int) -> bool:
    """Whether a capital letter at this token may be the sentence's rather than the word's."""
    tokens = doc.need("tokens")
    token, before = tokens[index], tokens[index - 1] if index else None
    if before is None or doc.need("sentences")[token.sent].token_start == index:
        return True
    return (before.form in OPENERS or before.form in ENDINGS or before.form.isdigit()
            or "\n" in doc.text[before.stop:token.start])

