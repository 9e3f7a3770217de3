"""Organisations the news model missed or made up.

Three classes of the model's mistakes, with lexicons counted from NEREL train
(``benchmarks/train_orgs.py``), words compared by their dictionary normal form:

- a body of a place, of which the model found only the place: "[правительства] Израиля",
  "[сборной] России", "[посольство] США" (the lexicon ``place_bodies.txt``). The body and the
  place become one organisation; the place stays a location of its own, as in a joined name.
  The same for the body of a person: "[правительство] Медведева", "[администрации] Трампа"
  (``person_bodies.txt``).
- a name that is an organisation, not a place: "ЕС", "Евросоюза", "Кремль"
  (``org_names.txt``).
- a common name it calls an organisation that annotators seldom do: "СМИ", "интернет",
  "YouTube" (``not_orgs.txt``): no mention at all.

A name followed by its acronym in brackets is two mentions, the name and the acronym, when
the acronym spells the name ("Комитет защиты журналистов (КЗЖ)"; the corpus joins them as one
organisation, ``corpus/keys.py``); others stay whole ("... ООН (ФАО)"), for the corpus to
read the pair from the normal form.

And a body named by its place's adjective, which the model does not take for a name at all:
"израильские власти", "шведского посольства", "чешской сборной" (``place_adjectives.tsv``
beside ``place_bodies.txt``, by the lemma stage's lemmas; in NEREL train 35 of the 40 such
pairs are organisations).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from ...records import Mention, Tag, Token
from ...resources import Morphology, read_lexicon
from ...vocab import is_acronym, place_adjectives, spells

WORD = re.compile(r"\w+(?:[-.]\w+)*")


@cache
def word_list(name: str) -> frozenset[str]:
    """One of the lists of ``lexicons/``: "place_bodies.txt", "person_bodies.txt",
    "org_names.txt", "not_orgs.txt"."""
    return frozenset(read_lexicon(name))


def name_key(text: str, morph: Morphology) -> str:
    """Normal forms of a name's words, as the lexicons were counted."""
    return " ".join(morph.normal(word) for word in WORD.findall(text))


def named_org(mention: Mention, text: str, morph: Morphology) -> Mention:
    """A "place" whose name is an organisation's: "ЕС", "Кремля"."""
    if mention.type != "LOC" or name_key(text[mention.start:mention.stop], morph) \
            not in word_list("org_names.txt"):
        return mention
    return replace(mention, type="ORG")


def body_of_place(mention: Mention, before: Mention | None, tokens: Sequence[Token],
                  tags: Sequence[Tag], morph: Morphology) -> tuple[Mention, ...]:
    """A place (or a person) in the genitive right after a noun of its bodies, outside any
    other name, is that body's, and the two are one organisation: "правительства Израиля" (a
    body) and "Израиля" (a place), "правительство Медведева"; not "в парламенте Грузия",
    "правительство и Израиль"."""
    at = mention.token_start - 1
    nouns = word_list("place_bodies.txt") if mention.type == "LOC" else \
        word_list("person_bodies.txt") if mention.type == "PER" else frozenset()
    if not nouns or at < 0 or tokens[at].sent != mention.sent or \
            before is not None and before.token_stop > at or \
            tags[mention.token_start].feats.get("Case") != "Gen" or \
            morph.normal(tokens[at].form) not in nouns:
        return (mention,)
    body = replace(mention, type="ORG", start=tokens[at].start, token_start=at)
    return body, mention


def adjective_bodies(mentions: Sequence[Mention], tokens: Sequence[Token],
                     lemmas: Sequence[str]) -> list[Mention]:
    """Bodies named by a place's adjective right before them, outside any name."""
    taken = {index for mention in mentions
             for index in range(mention.token_start, mention.token_stop)}
    return [Mention(tokens[at - 1].start, tokens[at].stop, "ORG", tokens[at].sent, at - 1, at + 1)
            for at in range(1, len(tokens))
            if lemmas[at] in word_list("place_bodies.txt") and lemmas[at - 1] in place_adjectives()
            and tokens[at - 1].sent == tokens[at].sent and tokens[at].form.islower()
            and (tokens[at - 1].form.islower() or opens_sentence(tokens, at - 1))
            and not {at - 1, at} & taken]


def opens_sentence(tokens: Sequence[Token], at: int) -> bool:
    return at == 0 or tokens[at - 1].sent != tokens[at].sent


def bracketed_acronym(mention: Mention, tokens: Sequence[Token], text: str
                      ) -> tuple[Mention, ...]:
    """"Name (ACRONYM)" as the name and the acronym, when the acronym spells the name."""
    forms = [token.form for token in tokens[mention.token_start:mention.token_stop]]
    if mention.type != "ORG" or forms[-1] != ")" or "(" not in forms[1:-2]:
        return (mention,)
    opening = mention.token_start + len(forms) - 1 - forms[::-1].index("(")
    inner = tokens[opening + 1:mention.token_stop - 1]
    name = text[mention.start:tokens[opening - 1].stop]
    short = text[inner[0].start:inner[-1].stop]
    if not all(is_acronym(token.form) for token in inner) or not spells(short, name):
        return (mention,)
    return (replace(mention, stop=tokens[opening - 1].stop, token_stop=opening),
            replace(mention, start=inner[0].start, stop=inner[-1].stop,
                    token_start=opening + 1, token_stop=mention.token_stop - 1))


def split_acronyms(mentions: Sequence[Mention], tokens: Sequence[Token], text: str
                   ) -> list[Mention]:
    """Each "Name (ACRONYM)" as two mentions, after the names are joined."""
    found = [part for mention in mentions for part in bracketed_acronym(mention, tokens, text)]
    return sorted(found, key=lambda m: (m.start, -m.stop))


def org_mentions(mentions: Sequence[Mention], text: str, tokens: Sequence[Token],
                 tags: Sequence[Tag], lemmas: Sequence[str], morph: Morphology,
                 made_up: frozenset[str] | None = None) -> list[Mention]:
    """The mentions after the word lists and the place adjectives (``made_up``: the names
    that are no organisation, by default ``not_orgs.txt``)."""
    made_up = word_list("not_orgs.txt") if made_up is None else made_up
    named = [named_org(mention, text, morph) for mention in mentions
             if mention.type != "ORG" or not made_up
             or name_key(text[mention.start:mention.stop], morph) not in made_up]
    found = [part for index, mention in enumerate(named)
             for part in body_of_place(mention, named[index - 1] if index else None,
                                       tokens, tags, morph)]
    found += adjective_bodies(found, tokens, lemmas)
    return sorted(found, key=lambda m: (m.start, -m.stop))
