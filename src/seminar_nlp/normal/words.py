"""The small word tests and constants of the normal forms: grammemes of names, endings,
initials, whether an inflected word can be another case of the written one, and joining
words back with the text's spacing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..grammar import grammar
from ..records import Tag, Token

Found = tuple[int, Any]  # (index of the parse in pymorphy3's list, the parse)

NAME_GRAMS = frozenset({"Name", "Surn", "Patr"})
TYPE_GRAMS = {"LOC": frozenset({"Geox"}), "ORG": frozenset({"Orgn"})}
PERSON_POS = frozenset({"NOUN", "ADJF"})
MODIFIER_POS = frozenset({"ADJF", "PRTF", "NUMR"})
STOP_WORDS = frozenset({"им", "им.", "имени"})
OPENERS = frozenset("«\"“„(")
GENDERS = ("masc", "femn", "neut")
FIRST_NAME_CASE = 10  # fit for a first name of a gender in the tagger's case
# An acronym with a case ending: "МИДа", "ВУЗом".
INFLECTED_ACRONYM = re.compile(r"([A-ZА-ЯЁ]{2,})(?:а|у|ом|е|ы|ов|ам|ах|ами)")
ADJECTIVE_ENDINGS = ("ий", "ый", "ой", "ая", "яя")  # in the nominative
# Endings of a surname in -ов/-ин in the plural ("Ивановы", "Ивановых", "Пушкиными").
PLURAL_SURNAME_ENDINGS = ("ы", "ых", "ым", "ыми")


def clean_word(form: str) -> str:
    return form.lower().replace("\u0301", "")


def is_initial(form: str) -> bool:
    letters = form.rstrip(".")
    return len(letters) == 1 and letters.isalpha() and letters.isupper()


def plausible(old: str, new: str, known: bool) -> bool:
    """Whether ``new`` can be another case of ``old``: each part keeps its stem.

    A guessed parse of an unknown word may inflect into something else
    ("Нгуен" -> "нгуйный"), so guesses may only change a short ending.
    """
    olds, news = old.replace("ё", "е").split("-"), new.replace("ё", "е").split("-")
    if len(olds) != len(news):
        return False
    return all(_plausible_part(a, b, known) for a, b in zip(olds, news, strict=True))


def _plausible_part(old: str, new: str, known: bool) -> bool:
    prefix = 0
    for a, b in zip(old, new, strict=False):
        if a != b:
            break
        prefix += 1
    if not known:
        # An adjectival surname changes three letters: "Ратманского" -> "Ратманский".
        changed = 3 if new.endswith(ADJECTIVE_ENDINGS) else 2
        return prefix >= len(old) - changed and len(new) - prefix <= 2
    return prefix >= min(len(old), len(new)) - 3


def apply_shape(word: str, model: str) -> str:
    """Give ``word`` the capitalisation of ``model``, part by part for hyphenated words."""
    parts, shapes = word.split("-"), model.split("-")
    if len(parts) != len(shapes):
        parts, shapes = [word], [model]
    out = []
    for part, shape in zip(parts, shapes, strict=True):
        if shape.isupper() and len(shape) > 1:
            out.append(part.upper())
        elif shape[:1].isupper():
            out.append(part[:1].upper() + part[1:])
        else:
            out.append(part)
    return "-".join(out)


def gender_vote(grams: frozenset[str], gender: str) -> int:
    """+1 if a parse has the gender, -1 if it has another, 0 if it says nothing."""
    if gender in grams:
        return 1
    if "Fixd" in grams or "ms-f" in grams or "plur" in grams:
        return 0
    return -1 if any(other in grams for other in GENDERS) else 0


def same_case(parse: Any, tag: Tag) -> bool:
    """Whether a parse is in the case the tagger gives."""
    case = tag.feats.get("Case")
    return any(value == case for gram in parse.tag.grammemes
               for feat, value in grammar().feats.get(gram, ()) if feat == "Case")


def indeclinable(found: Found, tag: Tag) -> bool:
    """A name the dictionary does not know, read by the tagger as nominative, with no
    nominative reading: a foreign one that does not decline ("Нэнси Пелоси" is not
    "Пелось", "Михаил Хасая" not "Хасай")."""
    parse = found[1]
    return (tag.feats.get("Case") == "Nom" and not parse.is_known
            and "nomn" not in parse.tag.grammemes)


def join(tokens: Sequence[Token], words: Sequence[str]) -> str:
    """Words with the original spacing between tokens (line breaks become spaces).

    A quote the mention opens but does not close is closed: «Голоса Америки»; a straight
    one it closes but does not open is opened: "Движение за демократические перемены" (MDC).
    """
    parts = []
    for index, (token, word) in enumerate(zip(tokens, words, strict=True)):
        if index:
            parts.append(" " if token.start > tokens[index - 1].stop else "")
        parts.append(word)
    text = "".join(parts)
    if text.count("«") > text.count("»"):
        text += "»"
    if text.count('"') % 2:  # a straight quote the mention opens, or one it only closes
        last = text.rindex('"')
        opens = last + 1 < len(text) and text[last + 1].isalnum()
        text = text + '"' if opens else '"' + text
    return text


# Settlement nouns (lemmas: "села Шушенского", "посёлке Светлом"), and the words of them
# that stand between an organisation and its city's name in the genitive ("администрации
# г. Томска", "мэрии города Новосибирска")
SETTLEMENTS = frozenset({"город", "село", "посёлок", "поселок", "деревня", "станица", "хутор",
                         "аул"})
SETTLEMENT_WORDS = frozenset({"г.", "г", "гор.", "города", "пос.", "посёлка", "поселка",
                              "с.", "села", "д.", "деревни", "ст.", "станицы"})


def apposed_name(tokens: Sequence[Token], tags: Sequence[Tag], head: int, lemma: str) -> bool:
    """Whether the word after a settlement noun is its name in the same case ("города
    Новосибирска", "в селе Шушенском"), not a complement ("города мастеров")."""
    after = head + 1
    return lemma.lower() in SETTLEMENTS and after < len(tokens) and \
        tokens[after].form[:1].isupper() and tags[after].pos in ("PROPN", "NOUN", "ADJ") and \
        tags[after].feats.get("Case") is not None and \
        tags[after].feats.get("Case") == tags[head].feats.get("Case")


def bracketed_apposition(tokens: Sequence[Token], tags: Sequence[Tag], head: int) -> int | None:
    """The closing bracket of lower-case words right after the head, the first in its case
    and the bracket ending the name: "института (национального исследовательского
    университета)"; not "Казанского (Приволжского) федерального ..." (before the head)."""
    opening, close = head + 1, len(tokens) - 1
    if close - opening < 2 or tokens[opening].form != "(" or tokens[close].form != ")" or \
            any(token.form in "()" for token in tokens[opening + 1:close]) or \
            not tokens[opening + 1].form[:1].islower() or \
            tags[opening + 1].feats.get("Case") != tags[head].feats.get("Case"):
        return None
    return close
