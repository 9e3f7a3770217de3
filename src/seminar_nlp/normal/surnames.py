"""Surnames the dictionary reads as something else: a man's surname in -а/-я that
declines like a feminine noun ("Ивана Кваши", "Николаем Зимой"; ``mans_surname_in_a``,
``surname_in_a``), and one it knows only as a place's or an organisation's name.

"Сергея Цуканова" is Сергей Цуканов, but the dictionary reads "Цуканова" only as the
genitive of the village "Цуканово", and "Цуканову" as its dative, so the person's normal
form kept the word as written ("Сергей Цуканова"). The same for any surname the dictionary
lists only as a village or a firm (invented examples of the class: "Ивана Лесногорова",
"Ольги Заречиной", were they villages' names). After a first name, in an
oblique case, such a word in -ов/-ев/-ин/-ын plus a case ending is read as a surname of the
person's gender: a man's "-ова", "-ову", "-овым", "-ове" -> "-ов"; a woman's "-овой",
"-ову" -> "-ова".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..records import Tag
from ..resources import Morphology
from .words import NAME_GRAMS, Found, clean_word, same_case

SURNAME = re.compile(r"(\w+(?:ов|ев|ёв|ин|ын))(ым|ой|а|у|е)", re.IGNORECASE)
PLACE_GRAMS = frozenset({"Geox", "Orgn"})
ENDINGS = {"masc": ("а", "у", "ым", "е"), "femn": ("ой", "у")}


def surname_of_place(word: str, case: str | None, gender: str, parses: Iterable[Any]
                     ) -> str | None:
    """The surname's nominative, when the dictionary reads the word only as a place's or
    an organisation's name and its ending is a surname's in an oblique case."""
    readings = list(parses)
    if case in (None, "Nom") or not readings or \
            any(NAME_GRAMS & parse.tag.grammemes for parse in readings) or \
            not all(PLACE_GRAMS & parse.tag.grammemes for parse in readings):
        return None
    match = SURNAME.fullmatch(word)
    if match is None or match.group(2).lower() not in ENDINGS.get(gender, ()):
        return None
    return match.group(1) + ("а" if gender == "femn" else "")


@dataclass(frozen=True, slots=True)
class Reading:
    """One reading of a person's name words under an assumed gender."""

    gender: str
    fit: int
    found: dict[int, Found]
    clash: frozenset[int]  # words with no parse of that gender


def mans_surname_in_a(found: Found, tag: Tag, reading: Reading,
                      roles: Sequence[str | None], index: int) -> bool:
    """A man's surname that declines like a feminine noun in -а/-я ("Ивана Кваши",
    "с Петром Головнёй", "Алексея Березни"): after his first name, in an oblique case
    that the noun's reading shares with the tagger. It goes to its nominative in -а/-я,
    not to a masculine form; one in the nominative stays as written ("Андреас Кёпке")."""
    parse = found[1]
    return reading.gender == "masc" and "first" in roles[:index] and \
        tag.feats.get("Case") not in (None, "Nom") and same_case(parse, tag) and \
        parse.tag.POS == "NOUN" and "femn" in parse.tag.grammemes and \
        str(parse.normal_form).endswith(("а", "я"))


def surname_in_a(morph: Morphology, word: str, tag: Tag, reading: Reading,
                 roles: Sequence[str | None], index: int) -> Found | None:
    """The feminine noun's reading of a man's surname in -а/-я that read best as
    something else: "Николаем Зимой" (the adverb), "Андреем Жилой" (an adjective),
    "Алексея Березни" (a plural): after his first name, in an oblique case, a noun's
    reading in the tagger's case with its nominative in -а/-я; never when a reading
    is a man's name in that case ("Владимира Путина" is Путин's, not "путина"), nor
    for a hyphenated name, whose parts the dictionary only guesses at ("Мохаммеда
    Эль-Барадеи" is indeclinable)."""
    if reading.gender != "masc" or "first" not in roles[:index] or "-" in word or \
            tag.feats.get("Case") in (None, "Nom"):
        return None
    parses = list(enumerate(morph.parse(clean_word(word))))
    if any(NAME_GRAMS & parse.tag.grammemes and "masc" in parse.tag.grammemes
           and same_case(parse, tag) for _, parse in parses):
        return None
    return next(((number, parse) for number, parse in parses
                 if parse.tag.POS == "NOUN" and {"femn", "sing"} <= parse.tag.grammemes
                 and same_case(parse, tag) and str(parse.normal_form).endswith(("а", "я"))),
                None)
