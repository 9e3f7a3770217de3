"""Surnames the dictionary knows only as a place's or an organisation's name.

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
from collections.abc import Iterable
from typing import Any

from .words import NAME_GRAMS

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
