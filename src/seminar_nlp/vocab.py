"""Words and word tests that several stages share, imported downward by all of them.

Folding (lower case, ё as е), quote marks and dashes, the two acronym tests, the position
vocabulary (which words head a position phrase: "директор", "ректор"), the nouns that head
an organisation's name, and the event types. Lexicons are read from ``lexicons/`` once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache, lru_cache

from .resources import Morphology, read_lexicon

# Opening quote mark -> its closing mark; a straight quote closes itself.
QUOTE_PAIRS = {"«": "»", '"': '"', "„": "“", "“": "”"}
# The pairs that tell their opening mark from their closing one, matched like brackets.
PAIRED_QUOTES = {opening: closing for opening, closing in QUOTE_PAIRS.items()
                 if opening != closing}
QUOTE_MARKS = frozenset(QUOTE_PAIRS) | frozenset(QUOTE_PAIRS.values())
DASHES = frozenset({"—", "–", "-"})


def fold(word: str) -> str:
    """Lower case, ё as е: how words are compared with lexicons."""
    return word.lower().replace("ё", "е")


def fold_spaces(text: str) -> str:
    """``fold`` with runs of white space made one space."""
    return " ".join(fold(text).split())


# Acronyms


def is_acronym(word: str) -> bool:
    """A word of capitals: two or more, at least half of its letters ("МГУ", "СПбГУ")."""
    letters = [ch for ch in word if ch.isalpha()]
    upper = sum(ch.isupper() for ch in letters)
    return upper >= 2 and 2 * upper >= len(letters)


def is_acronym_name(core: str) -> bool:
    """A name that is one word with two or more capitals ("МГУ", "НИУ-ВШЭ", "ТюмГУ"),
    not a phrase that has capitals ("Московский университет")."""
    letters = [ch for ch in core if ch.isalpha()]
    return len(letters) >= 2 and " " not in core and sum(ch.isupper() for ch in letters) >= 2


NAME_WORD = re.compile(r"\w+(?:-\w+)*")


@lru_cache(maxsize=20_000)
def spells(acronym: str, name: str) -> bool:
    """Whether an acronym's capitals are, in order, the initials of words of a name: a word
    in capitals gives all its letters, a hyphenated word its parts' initials, and words may
    be left out ("КЗЖ": "Комитет защиты журналистов"; "НДОА": "Туарегское Национальное
    движение за освобождение Азавада"; "ИВТ СО РАН": "Институт вычислительных технологий СО
    РАН"; not "WBC": "Всемирный боксёрский совет")."""
    letters = "".join(ch for ch in acronym if ch.isupper()).replace("Ё", "Е")
    pieces = ["".join(part[0] for part in word.split("-") if part) if not is_acronym(word)
              else "".join(ch for ch in word if ch.isupper())
              for word in NAME_WORD.findall(name)]
    pieces = [piece.upper().replace("Ё", "Е") for piece in pieces if piece]
    return len(letters) >= 2 and _spelled(letters, tuple(pieces))


def _spelled(letters: str, pieces: tuple[str, ...]) -> bool:
    if not letters:
        return True
    return any(letters.startswith(piece) and _spelled(letters[len(piece):], pieces[at + 1:])
               for at, piece in enumerate(pieces))


# Positions

PREFIXES = ("вице-", "экс-", "зам-")
# Heads that are participles (by the stem of any of their forms: "заведующей") or
# abbreviations, which the tagger does not call nouns or gives a verb's lemma.
PARTICIPLES = ("заведующ", "управляющ", "командующ", "исполняющ", "уполномоченн")
ABBREVIATIONS = frozenset({"зав", "зав.", "и.о.", "и. о.", "врио"})


@cache
def position_heads() -> frozenset[str]:
    """Nouns that head a position phrase (``lexicons/positions.txt``)."""
    return frozenset(read_lexicon("positions.txt"))


def is_head(*words: str) -> bool:
    """Whether a lemma (or the word itself: "заведующий" has a verb lemma) heads a position."""
    heads = position_heads()
    for word in words:
        word = word.lower()
        if word in heads or any(word.startswith(prefix) and word[len(prefix):] in heads
                                for prefix in PREFIXES):
            return True
        if "-" in word and (word.rsplit("-", 1)[1] in heads or word.split("-", 1)[0] in heads):
            return True  # "хип-хоп-исполнитель", "экс-министр", "писатель-фронтовик"
    return False


def heads_phrase(lemma: str, form: str, pos: str, next_form: str = "") -> bool:
    """Whether a token heads a position phrase: a listed noun, or a listed participle
    that is not just the adjective of a listed noun ("управляющий директор")."""
    if not_noun(form) or not_noun(lemma):
        return not is_head(next_form)
    if pos in ("NOUN", "PROPN"):
        return is_head(lemma, form)
    # The tagger calls some capitalised or prefixed nouns adjectives ("Экс-председатель").
    return pos == "ADJ" and "-" in form and is_head(lemma)


def not_noun(word: str) -> bool:
    """A participle or abbreviation that heads a position ("заведующей", "и.о.")."""
    word = word.lower()
    return word in ABBREVIATIONS or word.startswith(PARTICIPLES)


# Organisations and events


@cache
def org_heads() -> frozenset[str]:
    """Nouns that head an organisation's name or a unit of one (``lexicons/org_heads.txt``)."""
    return frozenset(read_lexicon("org_heads.txt"))


@cache
def place_adjectives() -> dict[str, str]:
    """Adjectives of places and the place each names ("британский" -> "Великобритания",
    ``lexicons/place_adjectives.tsv``)."""
    return dict(line.split("\t", 1) for line in read_lexicon("place_adjectives.tsv"))


@cache
def institutions() -> frozenset[str]:
    """Nouns of institutions that, alone and in lower case, refer back to the one a report
    named: the organisation heads and ``lexicons/institutions.txt`` ("галерея", "больница")."""
    return org_heads() | frozenset(read_lexicon("institutions.txt"))


@cache  # one per analyser: the Events and Themes stages share it
def event_types(morph: Morphology) -> Mapping[tuple[str, ...], str]:
    """The folded lemmas of each entry of ``lexicons/event_types.txt`` -> its event type."""
    types: dict[tuple[str, ...], str] = {}
    for line in read_lexicon("event_types.txt"):
        entry, _, normal = line.partition("\t")
        key = tuple(fold(str(morph.parse(word)[0].normal_form)) for word in entry.split())
        types[key] = normal.strip() or entry
    return types
