"""The organisation a common noun of a role refers to: "директор музея" in a report that has
named "Омский областной музей изобразительных искусств имени М. А. Врубеля", "президент
федерации" after "Федерация шахмат Москвы", "генеральный директор компании" after
"компания «Волга Дата»". The role keeps the organisation as the text states it (``org``:
"музей"); the named one goes to ``org_implied``, never mixed with a stated one.

The referent is the last organisation or place named before the role whose name holds that
noun, else the first one named after it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ...records import Doc, Mention, Normal, Role
from ...vocab import fold


def common_noun(role: Role) -> str | None:
    """The organisation's word when the role states it only as a common noun."""
    if role.org is None or role.org_mention is not None or " " in role.org.strip() or \
            not role.org[:1].islower():
        return None
    return fold(role.org)


def holds(normal: Normal, word: str) -> bool:
    return word in fold(normal.text).replace("«", " ").replace("»", " ").split()


def referent(mentions: Sequence[Mention], normals: Sequence[Normal], word: str, at: int
             ) -> str | None:
    named = [(m, n) for m, n in zip(mentions, normals, strict=True)
             if m.type != "PER" and " " in n.text and holds(n, word)]
    before = [n for m, n in named if m.start < at]
    after = [n for m, n in named if m.start >= at]
    found = before[-1] if before else after[0] if after else None
    return None if found is None else found.text


def with_implied(doc: Doc, roles: Sequence[Role]) -> tuple[Role, ...]:
    mentions, normals = doc.need("mentions"), doc.need("normals")
    out = []
    for role in roles:
        word = common_noun(role)
        named = None if word is None else referent(mentions, normals, word, role.role_start)
        out.append(role if named is None else replace(role, org_implied=named))
    return tuple(out)
