"""Positions that refer back: "Выступила Анна Ковалёва. Певица рассказала ...".

A position phrase that is the subject of a sentence naming no one is given to
the one person named in the sentences just before (``antecedent``), when the
genders do not clash (``agrees``) and the document has not already given that
person that position (``stated``). The rules in ``roles.py`` decide which
phrases qualify.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...records import Doc, Role
from ...vocab import fold

if TYPE_CHECKING:
    from ..view import SentenceView


def antecedent(s: SentenceView, back: int = 2) -> int | None:
    """The last mention of the one person named in the ``back`` sentences before, if
    they name exactly one (by surname, else by normal form)."""
    mentions, here = s.mentions, s.tokens[s.first].sent
    sentences = s.doc.need("sentences")
    begin = bisect_left(s.mention_starts, sentences[max(here - back, 0)].token_start)
    found = [index for index in range(begin, bisect_left(s.mention_starts, s.first))
             if mentions[index].type == "PER"]
    if not found:
        return None
    normals = s.doc.need("normals")
    names = {fold(normals[index].last or normals[index].text) for index in found}
    return found[-1] if len(names) == 1 else None


def agrees(s: SentenceView, head: int, person: int) -> bool:
    """A feminine position noun ("актриса", "певица") is no man's."""
    name = s.mentions[person]
    gender = s.tags[name.token_stop - 1].feats.get("Gender")
    return not (s.tags[head].feats.get("Gender") == "Fem" and gender == "Masc")


def stated(doc: Doc, roles: Sequence[Role], role: Role) -> bool:
    """Whether the document already gives this person (by surname) this position, or one
    it begins (of this organisation, if it names one: "возглавляет «Металлоинвест»" and
    "возглавил «Михайловский ГОК»" are two)."""
    normals = doc.need("normals")

    def who(index: int) -> str:
        return fold(normals[index].last or normals[index].text)

    return any(same_position(earlier.role, role.role) and who(earlier.person) == who(role.person)
               and (role.org is None or earlier.org == role.org) for earlier in roles)


def same_position(earlier: str, later: str) -> bool:
    """The same position, or the first words of it: "заместитель министра" after
    "заместитель министра промышленности, торговли и предпринимательства"."""
    return earlier == later or earlier.startswith((later + " ", later + ","))
