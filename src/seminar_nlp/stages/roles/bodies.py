"""A position's organisation as a reader names it, once the rules have linked them.

- The body a position belongs to, built in the nominative when the text names it only through
  the position and a region or country: "заместитель министра здравоохранения Новосибирской
  области" works at "Министерство здравоохранения Новосибирской области", "министр
  просвещения РФ" at "Министерство просвещения РФ", "первый заместитель председателя
  правительства Вологодской области" at "Правительство Вологодской области" (the role
  keeping "правительства": the chairman of the government is one post).
- An acronym in brackets is no part of the name: "Институт цитологии и генетики СО РАН
  (ИЦиГ СО РАН)" is "Институт цитологии и генетики СО РАН".

Only the organisation's name changes: its span stays the text's ("Новосибирской области").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ...records import Doc, Role

MINISTER = frozenset({"министр", "министра"})
GOVERNMENT = frozenset({"правительства"})
REGIONS = ("област", "края", "край", "республик", "округ")
BRACKETED = re.compile(r"\s*\([^()]*\)$")


def body(doc: Doc, role: Role) -> Role:
    """A ministry or a government named through a minister's or chairman's post and a
    region: the organisation is that body, of the region as written."""
    if role.org is None or role.org_start is None or role.org_stop is None:
        return role
    region = doc.text[role.org_start:role.org_stop]
    if not any(part in region.lower() for part in REGIONS) and not a_place(doc, role):
        return role
    chairman = chairman_of_government(doc, role, region)
    if chairman is not None:
        return chairman
    words = role.role.split()
    for index, word in enumerate(words):
        if word in MINISTER and index + 1 < len(words):
            name = f"Министерство {' '.join(words[index + 1:])} {region}"
            return replace(role, org=name, org_mention=None)
        if word in GOVERNMENT:
            return replace(role, org=f"Правительство {region}", org_mention=None)
    return role


def a_place(doc: Doc, role: Role) -> bool:
    """Whether the role's organisation is a place the NER found, a country or a city:
    "министр просвещения [РФ]", "министр иностранных дел [Франции]"."""
    return role.org_mention is not None and \
        doc.need("mentions")[role.org_mention].type == "LOC"


def chairman_of_government(doc: Doc, role: Role, org: str) -> Role | None:
    """"заместитель председателя | правительства Липецкой области": the chairman of the
    government is one post, so the role keeps "правительства" and the body is
    "Правительство Липецкой области"."""
    first, _, rest = org.partition(" ")
    start = role.org_start
    if start is None or first.lower() not in GOVERNMENT or not rest or \
            not role.role.split()[-1].startswith("председател") or \
            doc.text[role.role_stop:start].strip():
        return None
    return replace(role, role=f"{role.role} {first.lower()}", role_stop=start + len(first),
                   org=f"Правительство {rest}", org_mention=None)


def without_acronym(role: Role) -> Role:
    if role.org is None or not role.org.endswith(")") or " (" not in role.org:
        return role
    return replace(role, org=BRACKETED.sub("", role.org))


def tidy(doc: Doc, roles: Sequence[Role]) -> tuple[Role, ...]:
    return tuple(without_acronym(body(doc, role)) for role in roles)
