"""Lemmas: the pymorphy3 parse that agrees best with the tagger's POS and features.

Each pymorphy3 parse is scored by whether its part of speech can stand for the
tagger's UD part of speech, then by how many of its grammemes agree with the
tagger's features, then by pymorphy3's own probability. Results are memoised
per (word, POS, features). Forms without letters are their own lemma.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import cache, lru_cache
from typing import Any

from ..frequency import lemma_frequency
from ..grammar import OWN_LEMMA_POS, agreement, best_of, grammar
from ..records import Doc, Tag, Token
from ..resources import Morphology, Resources, read_lexicon


def best_parse(morph: Morphology, word: str, upos: str, feats: Mapping[str, str]) -> Any:
    parses = morph.parse(word)
    if not parses:
        return None
    # Readings that fit the tagger equally: the commoner lemma ("большим": большой).
    return best_of(parses, lambda parse: agreement(parse, upos, feats), lemma_frequency)


def own_lemma(parse: Any, upos: str, feats: Mapping[str, str]) -> bool:
    """A name the dictionary only guesses at, in the nominative singular, is its own lemma."""
    return (upos == "PROPN" and feats.get("Case") == "Nom" and feats.get("Number") != "Plur"
            and not parse.is_known and parse.tag.POS != "ADJF")


class Lemmatizer:
    def __init__(self, morph: Morphology) -> None:
        self.morph = morph
        self._cached = lru_cache(maxsize=300_000)(self._lemma)

    def __call__(self, form: str, tag: Tag) -> str:
        return self._cached(form, tag.pos, tuple(sorted(tag.feats.items())))

    def _lemma(self, form: str, upos: str, feats_items: tuple[tuple[str, str], ...]) -> str:
        word = form.lower()
        if len(form) == 2 and form[1] == "." and form[0].isupper():
            return form[0]  # an initial: "А." -> "А"
        overrides = grammar().overrides
        override = overrides.get((upos, word), overrides.get(("*", word)))
        if override is not None:
            return override
        if not any(ch.isalpha() for ch in word) or upos in OWN_LEMMA_POS and not word.isalpha():
            return form
        if len(form) > 1 and form.isupper():
            return form  # acronyms ("ИИ", "РАН") are their own lemma
        feats = dict(feats_items)
        parse = best_parse(self.morph, word, upos, feats)
        if parse is None or own_lemma(parse, upos, feats):
            return form
        lemma = self.dictionary_form(word, parse, upos)
        if upos == "PROPN" and form[:1].isupper():
            lemma = "-".join(part[:1].upper() + part[1:] for part in lemma.split("-"))
        return lemma


    def dictionary_form(self, word: str, found: Any, upos: str) -> str:
        grams = found.tag.grammemes
        # UD lemmas keep a woman's surname and patronymic feminine, and give an
        # adjective-like participle its own masculine form ("соединённый").
        if "femn" in grams and grams & {"Surn", "Patr"}:
            wanted = {"nomn", "sing"}
        elif upos == "ADJ" and found.tag.POS == "PRTF":
            wanted = {"PRTF", "nomn", "masc", "sing"}
        else:
            return str(found.normal_form)
        index = next(i for i, p in enumerate(self.morph.parse(word)) if p == found)
        return self.morph.inflect(word, index, frozenset(wanted)) or str(found.normal_form)


@cache
def lemma_pairs() -> dict[tuple[str, str], tuple[str, str]]:
    rows = (line.split("\t") for line in read_lexicon("lemma_pairs.tsv"))
    return {(a.lower(), b.lower()): (c, d) for a, b, c, d in rows}


def with_pairs(tokens: Sequence[Token], lemmas: list[str]) -> list[str]:
    """Lemmas of two-word abbreviations ("т. д." -> "так далее")."""
    pairs = lemma_pairs()
    for index in range(len(tokens) - 1):
        found = pairs.get((tokens[index].form.lower(), tokens[index + 1].form.lower()))
        if found is not None:
            lemmas[index], lemmas[index + 1] = found
    return lemmas


class Lemma:
    name = "lemma"
    needs: tuple[str, ...] = ("tokens", "tags")
    provides: tuple[str, ...] = ("lemmas",)

    def __init__(self, resources: Resources) -> None:
        self.lemmatizer = Lemmatizer(resources.morph)

    def __call__(self, docs: Sequence[Doc]) -> list[Doc]:
        out = []
        for doc in docs:
            tokens = doc.need("tokens")
            pairs = zip(tokens, doc.need("tags"), strict=True)
            lemmas = [self.lemmatizer(token.form, tag) for token, tag in pairs]
            out.append(replace(doc, lemmas=tuple(with_pairs(tokens, lemmas))))
        return out
