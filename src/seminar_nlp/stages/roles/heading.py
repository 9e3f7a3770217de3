"""Roles stated by a verb of leading: "Андрей Варичев возглавляет «Металлоинвест»".

A verb from ``lexicons/heading_verbs.tsv`` ("возглавлять", "руководить") with an
organisation right after it (a name, or a unit named by its words: "кафедру истории
КФУ") gives the person who is its subject (the last person named before it in the
sentence, in the nominative, with no comma or other verb between, or a comma before a
participle) the position the lexicon pairs with the verb ("руководитель"); the role's
span is the verb's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from typing import TYPE_CHECKING

from ...records import Role
from ...resources import read_lexicon
from ...vocab import org_heads
from .cues import CLAUSE_MARKS
from .orgs import common_org

if TYPE_CHECKING:
    from ..view import SentenceView

Org = tuple[int, int, int | None]


@cache
def heading_verbs() -> Mapping[str, str]:
    """Verb lemma -> the position it states."""
    return dict(line.split("\t", 1) for line in read_lexicon("heading_verbs.tsv"))


def subject_before(s: SentenceView, verb: int) -> int | None:
    """The person named last before ``verb`` when no punctuation and no other verb stands
    between them ("Варичев в 2005 году возглавил ..."), if in the nominative."""
    index = verb - 1
    if s.tags[verb].feats.get("VerbForm") == "Part" and s.form(index) == ",":
        index -= 1  # "Любовь Глебова, управлявшая Рособрнадзором"
    while index >= s.first and s.inside.get(index) is None:
        if s.form(index) in CLAUSE_MARKS or s.form(index) in ("(", ")") or \
                s.tags[index].pos in ("VERB", "AUX"):
            return None
        index -= 1
    person = s.inside.get(index)
    if person is None or s.mentions[person].type != "PER":
        return None
    return person if s.tags[index].feats.get("Case") in (None, "Nom") else None


def unit_after(s: SentenceView, index: int) -> Org | None:
    """A lower-case organisation or unit with the words that name it: "(возглавляет)
    кафедру истории КФУ", "лабораторией машинного обучения", not "крупной компанией"."""
    org = common_org(s, index, org_heads())
    if org is None or sum(s.tags[k].pos in ("NOUN", "PROPN") for k in range(*org[:2])) < 2:
        return None
    return org


def verb_roles(s: SentenceView, org_at: Callable[[SentenceView, int], Org | None],
               role: Callable[[SentenceView, int, int, str, Org], Role]) -> list[Role]:
    """The roles the sentence states with a verb of leading."""
    roles = []
    for index in range(s.first, s.last):
        position = heading_verbs().get(s.lemmas[index])
        if position is None or s.tags[index].pos != "VERB":
            continue
        org = org_at(s, index + 1) or unit_after(s, index + 1)
        person = subject_before(s, index) if org is not None else None
        if org is not None and person is not None:
            roles.append(role(s, index, person, position, org))
    return roles
