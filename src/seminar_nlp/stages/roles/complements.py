"""What follows a position in the text and belongs to it rather than naming its employer:
a body named only by common nouns ("директор музея", "старший тренер сборной области") and a
place inside a unit's name ("заведующая кафедрой истории России"). Both join the role as the
text has them (the golden files' convention: a position with its genitive complements).
"""

from __future__ import annotations

from dataclasses import replace

from ...records import Doc, Role
from ...vocab import fold


def unnamed(role: Role) -> bool:
    """Whether the role's organisation is only common nouns: no name, no capital, no
    number, no quote ("музей", "сборная области", "управление образования"; not "школа №
    14", "Министерство образования ...", "ТГУ")."""
    return role.org is not None and role.org_mention is None and \
        all(ch.islower() or ch in " -" for ch in role.org)


def joins(doc: Doc, role: Role) -> bool:
    """Whether the organisation follows the position with nothing between."""
    return role.org_start is not None and not doc.text[role.role_stop:role.org_start].strip()


# Units whose names hold a field, where a place is part of the field: "кафедра истории
# России", "лаборатория экологии Байкала", "отдел истории Сибири".
UNITS = ("кафедр", "лаборатор", "отдел", "сектор", "факультет")


def place_in_unit(doc: Doc, role: Role) -> bool:
    """A place right after a unit and its field: "заведующая кафедрой истории | России"."""
    if role.org_mention is None or not joins(doc, role):
        return False
    mention = doc.need("mentions")[role.org_mention]
    words = fold(role.role).split()
    return mention.type == "LOC" and len(words) >= 3 and \
        any(word.startswith(UNITS) for word in words[1:-1])


def with_complement(doc: Doc, role: Role) -> Role:
    """A body named only by common nouns right after the position joins it as its
    complement, as the text has it: "директор музея", "старший тренер сборной области",
    "начальник управления образования"."""
    if role.org is None or role.org_stop is None or not joins(doc, role):
        return role
    if place_in_unit(doc, role):
        return joined(doc, role, role.org_stop, None)
    if not unnamed(role):
        return role
    return joined(doc, role, role.org_stop, fold(role.org.split()[0]))


def joined(doc: Doc, role: Role, stop: int, noun: str | None) -> Role:
    """The role with its organisation's words (up to ``stop``) as its own, and ``noun`` as
    ``org_noun``."""
    return replace(role, role=f"{role.role} {doc.text[role.org_start:stop]}", role_stop=stop,
                   org=None, org_mention=None, org_start=None, org_stop=None, org_noun=noun)
