"""Nominative normal forms of mentions, built with pymorphy3 inflection.

People: every name word goes to the nominative, keeping the person's gender
and number ("Максима Абрамова" -> "Максим Абрамов", "Ивановых" -> "Ивановы");
initials stay. Organisations and locations: the head phrase (adjectives and
the first noun) goes to the nominative and agrees with the head; genitive
complements, quoted names, acronyms and everything after "им."/"имени" stay
as written ("Санкт-Петербургского федерального исследовательского центра
РАН" -> "Санкт-Петербургский федеральный исследовательский центр РАН").
Spacing and punctuation between tokens are kept; each word keeps its shape.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..records import Doc, Mention, Normal, Tag, Token
from ..resources import Morphology, Resources
from .lemma import agreement

NAME_GRAMS = frozenset({"Name", "Surn", "Patr"})
TYPE_GRAMS = {"PER": NAME_GRAMS, "LOC": frozenset({"Geox"}), "ORG": frozenset({"Orgn"})}
STOP_WORDS = frozenset({"им", "им.", "имени"})
OPENERS = frozenset("«\"“„(")
MODIFIER_POS = frozenset({"ADJF", "PRTF", "NUMR"})
GENDERS = ("masc", "femn", "neut")


def is_initial(form: str) -> bool:
    letters = form.rstrip(".")
    return len(letters) == 1 and letters.isalpha() and letters.isupper()


def is_acronym(form: str) -> bool:
    letters = [ch for ch in form if ch.isalpha()]
    return len(letters) >= 2 and sum(ch.isupper() for ch in letters) >= 2 and not form.istitle()


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


class Normalizer:
    def __init__(self, morph: Morphology) -> None:
        self.morph = morph

    def parse(self, form: str, tag: Tag, kind: str) -> tuple[int, Any] | None:
        """(index, parse) of the best pymorphy3 parse for a token of a mention."""
        word = form.lower().replace("\u0301", "")
        parses = self.morph.parse(word)
        if not parses:
            return None
        preferred = TYPE_GRAMS.get(kind, frozenset())

        def key(item: tuple[int, Any]) -> tuple[int, int, int, float]:
            pos_ok, votes, score = agreement(item[1], tag.pos, tag.feats)
            return pos_ok, votes, int(bool(preferred & item[1].tag.grammemes)), score

        return max(enumerate(parses), key=key)

    def inflect(self, form: str, found: tuple[int, Any], grams: set[str]) -> str:
        index, parse = found
        if "nomn" in parse.tag.grammemes and grams <= parse.tag.grammemes:
            return form
        word = self.morph.inflect(form.lower().replace("\u0301", ""), index, frozenset(grams))
        return form if word is None else apply_shape(word, form)

    def person(self, tokens: Sequence[Token], tags: Sequence[Tag]) -> Normal:
        words: list[str] = []
        roles: list[str | None] = []
        for token, tag in zip(tokens, tags, strict=True):
            if not any(ch.isalpha() for ch in token.form) or is_initial(token.form):
                words.append(token.form)
                roles.append("initial" if is_initial(token.form) else None)
                continue
            found = self.parse(token.form, tag, "PER")
            if found is None:
                words.append(token.form)
                roles.append("last")
                continue
            grams = found[1].tag.grammemes
            number = "plur" if "plur" in grams else "sing"
            words.append(self.inflect(token.form, found, {"nomn", number}))
            roles.append("first" if "Name" in grams else "middle" if "Patr" in grams else "last")
        return Normal(join(tokens, words), *name_parts(words, roles))

    def phrase(self, tokens: Sequence[Token], tags: Sequence[Tag], kind: str) -> Normal:
        words = [token.form for token in tokens]
        head = None
        found_parses = []
        for index, (token, tag) in enumerate(zip(tokens, tags, strict=True)):
            form = token.form
            if form.lower() in STOP_WORDS or form[:1] in OPENERS or is_acronym(form):
                break
            found = self.parse(form, tag, kind)
            if found is None or not any(ch.isalpha() for ch in form):
                break
            found_parses.append(found)
            pos = found[1].tag.POS
            if pos == "NOUN":
                head = index
                break
            if pos not in MODIFIER_POS:
                break
        if head is None:
            return Normal(join(tokens, words))
        head_parse = found_parses[head][1]
        if "nomn" in head_parse.tag.grammemes:
            return Normal(join(tokens, words))
        number = "plur" if "plur" in head_parse.tag.grammemes else "sing"
        words[head] = self.inflect(words[head], found_parses[head], {"nomn", number})
        gender = self.nominative_gender(words[head])
        for index in range(head):
            grams = {"nomn", number} if number == "plur" else {"nomn", gender or "masc", "sing"}
            words[index] = self.inflect(words[index], found_parses[index], grams)
        return Normal(join(tokens, words))

    def nominative_gender(self, word: str) -> str | None:
        for parse in self.morph.parse(word.lower()):
            if "nomn" in parse.tag.grammemes and parse.tag.POS == "NOUN":
                for gender in GENDERS:
                    if gender in parse.tag.grammemes:
                        return gender
        return None

    def __call__(self, mention: Mention, tokens: Sequence[Token], tags: Sequence[Tag]) -> Normal:
        span = slice(mention.token_start, mention.token_stop)
        if mention.type == "PER":
            return self.person(tokens[span], tags[span])
        return self.phrase(tokens[span], tags[span], mention.type)


def join(tokens: Sequence[Token], words: Sequence[str]) -> str:
    """Words with the original spacing between tokens (line breaks become spaces)."""
    parts = []
    for index, (token, word) in enumerate(zip(tokens, words, strict=True)):
        if index:
            parts.append(" " if token.start > tokens[index - 1].stop else "")
        parts.append(word)
    return "".join(parts)


def name_parts(words: Sequence[str], roles: Sequence[str | None]
               ) -> tuple[str | None, str | None, str | None]:
    first = middle = last = None
    initials = [word for word, role in zip(words, roles, strict=True) if role == "initial"]
    for word, role in zip(words, roles, strict=True):
        if role == "first" and first is None:
            first = word
        elif role == "middle" and middle is None:
            middle = word
        elif role == "last":
            last = word if last is None else f"{last} {word}"
    if initials and first is None:
        first = initials[0]
        if len(initials) > 1 and middle is None:
            middle = initials[1]
    return first, middle, last


class Normalize:
    name = "normal"
    needs = ("tokens", "tags", "mentions")
    provides = ("normals",)

    def __init__(self, resources: Resources) -> None:
        self.normalizer = Normalizer(resources.morph)

    def __call__(self, docs: Sequence[Doc]) -> list[Doc]:
        out = []
        for doc in docs:
            tokens, tags = doc.need("tokens"), doc.need("tags")
            normals = tuple(self.normalizer(mention, tokens, tags)
                            for mention in doc.need("mentions"))
            out.append(replace(doc, normals=normals))
        return out
