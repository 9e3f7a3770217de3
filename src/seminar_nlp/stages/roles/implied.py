"""The organisation a common noun of a role refers to: "директор музея" in a report that has
named "Омский областной музей изобразительных искусств имени М. А. Врубеля", "президент
федерации" after "Федерация шахмат Москвы", "генеральный директор компании" after
"компания «Волга Дата»". A body named only by common nouns is part of the position, as the
text states it (``role`` "директор музея", ``org`` empty, ``org_noun`` "музей"); the named
one goes to ``org_implied``, never mixed with a stated one.

A position with no organisation names its institution by a complement ("директор лицея",
"главный врач диспансера": ``complement_noun``). The referent is the last organisation or
place named before the role whose name is of that noun (its first institution word), else the
first one named after it. A role that states no organisation at all takes the
host of the report's event (``with_host``, a stage after the event card).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from ...records import Doc, Mention, Normal, Role
from ...resources import read_lexicon
from ...vocab import fold, institutions, is_acronym_name, spells
from .complements import UNITS, with_complement


def common_noun(role: Role) -> str | None:
    """The organisation's word when the role states it only as a common noun: the last
    institution of the words it joined ("начальник отдела организации отдыха детей
    министерства": the ministry, not the "организация" of rest), else their first."""
    if role.org_noun is not None:
        return complement_noun(role) or role.org_noun
    if role.org is None:
        return complement_noun(role)
    if role.org is None or role.org_mention is not None or " " in role.org.strip() or \
            not role.org[:1].islower():
        return None
    return fold(role.org)


def name_words(name: str) -> list[str]:
    """The folded words of a name, its quote marks aside, the parts of a hyphened word too
    ("музей-заповедник" holds "музей")."""
    words = fold(name).replace("«", " ").replace("»", " ").split()
    return words + [part for word in words if "-" in word for part in word.split("-")]


def inflected(word: str, noun: str) -> bool:
    """Whether a word is a case form of a noun, by its stem: "лицея", "галереи",
    "библиотеки", "завода" of "лицей", "галерея", "библиотека", "завод"."""
    stem = noun[:-1] if noun[-1] in "аяйоеь" else noun
    return len(noun) >= 4 and word.startswith(stem) and len(word) - len(stem) <= 2


# parts of an institution, not it ("отдел", "приёмная комиссия", "направление" of a
# foundation's work)
PARTS = (*UNITS, "служб", "комисси", "совет", "направлени")


def complement_noun(role: Role) -> str | None:
    """The institution a position names as its complement, when no organisation is stated:
    "директор лицея" -> "лицей", "главный врач диспансера" -> "диспансер"."""
    if role.org is not None:
        return None
    words = fold(role.role).split()
    for word in reversed(words[1:]):
        part = word.split("-")[0]
        if part.startswith(PARTS):
            continue  # "заведующий отделением": a part, not the institution
        noun = next((n for n in institution_words() if inflected(part, n)), None)
        if noun is not None:
            return noun
    return None


def holds(normal: Normal, word: str) -> bool:
    """Whether a name is that of an institution of this noun: the noun is the first
    institution word of the name ("МАОУ «Лицей № 7»" for "лицей"; not "совет
    старшеклассников МАОУ «Лицей № 7»", a council of it)."""
    words = name_words(normal.text)
    first = next((w for w in words if w in institution_words()), None)
    return word in words and first in (None, word)


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
        role = with_complement(doc, role)
        word = common_noun(role)
        named = None if word is None else referent(mentions, normals, word, role.role_start)
        out.append(role if named is None else replace(role, org_implied=named))
    return tuple(out)


# The host: a role that states no organisation, in a report of one organisation's own event,
# is that organisation's when its post is a staff post ("проректор по научной работе" in a
# report of a university's conference, "куратор проекта" in a museum's): the event's one
# organiser, else the venue when it is an institution ("Уральский государственный горный
# университет").


@cache
def staff_posts() -> frozenset[str]:
    """First words of posts an organisation's own staff hold (``lexicons/staff_posts.txt``)."""
    return frozenset(read_lexicon("staff_posts.txt"))


def host(doc: Doc) -> str | None:
    events = doc.events or ()
    if not events:
        return None
    event = events[0]
    if len(event.organizers) == 1:
        return institution_of(doc, event.organizers[0])
    venue = (event.place or "").split(", ")[0]
    if event.organizers or not venue or venue == "online":
        return None
    words = set(fold(venue).split())
    return venue if words & institution_words() else None


def institution_of(doc: Doc, organizer: str) -> str:
    """The institution an organiser that is a part of one belongs to: "кафедра истории
    России ... Томского государственного университета" -> "Томский государственный
    университет", "совет старшеклассников МАОУ «Лицей № 7»" -> "МАОУ «Лицей № 7»"; an acronym
    as the report's name it spells ("приёмная комиссия ПГНИУ" -> "Пермский государственный
    национальный исследовательский университет")."""
    if not any(word.startswith(PARTS) for word in fold(organizer).split()[:2]):
        return organizer
    mentions, normals = doc.need("mentions"), doc.need("normals")
    inside = [normal.text for mention, normal in zip(mentions, normals, strict=True)
              if mention.type == "ORG" and len(doc.text[mention.start:mention.stop]) > 1
              and doc.text[mention.start:mention.stop] in organizer
              and not organizer.startswith(doc.text[mention.start:mention.stop])]
    if not inside:
        return organizer
    named = inside[-1]
    full = [normal.text for mention, normal in zip(mentions, normals, strict=True)
            if mention.type == "ORG" and " " in normal.text and spells(named, normal.text)]
    return full[0] if is_acronym_name(named) and full else named


@cache
def institution_words() -> frozenset[str]:
    return frozenset(fold(word) for word in institutions())


# Teaching posts, which are also academic titles ("профессор А. Н. Сковорода"): the host's
# only with a unit of it after them ("профессор кафедры геологии").
TEACHING = frozenset({"профессор", "доцент", "преподаватель", "ассистент"})


def staff_post(role: Role) -> bool:
    """A staff post with nothing after its head but a "по ..." phrase, a unit of the host or
    the post it assists: "проректор по научной работе", "директор", "главный хранитель",
    "заведующий кафедрой алгебры", "старший научный сотрудник отдела истории", "профессор
    кафедры геологии", "заместитель директора по научной работе" (not "председатель жюри",
    "директор школы", "начальник отдела министерства": a body or organisation of its own)."""
    words = fold(role.role).split()
    head = next((k for k, word in enumerate(words)
                 if word in staff_posts() or word in TEACHING), None)
    if head is None:
        return False
    while head + 1 < len(words) and words[head + 1] in staff_posts():
        head += 1  # "главный хранитель", "старший научный сотрудник"
    rest = words[head + 1:]
    if words[head] in TEACHING:
        return of_unit(rest)
    return not rest or rest[0] == "по" or of_unit(rest) or of_post(rest)


def of_unit(rest: Sequence[str]) -> bool:
    """A unit and its field, of no institution named after it: "кафедрой алгебры", "отдела
    истории", "приёмной комиссии" (not "отдела ... министерства")."""
    unit = next((k for k, word in enumerate(rest[:2]) if word.startswith(PARTS)), None)
    return unit is not None and not any(
        inflected(word, noun) for word in rest[unit + 1:] for noun in institution_words())


def of_post(rest: Sequence[str]) -> bool:
    """The post a deputy or an assistant serves, and perhaps its field: "директора",
    "ректора по науке"."""
    return any(inflected(rest[0], post) for post in ("директор", "ректор", "декан")) and \
        (len(rest) == 1 or rest[1] == "по")


def with_host(doc: Doc) -> tuple[Role, ...]:
    """The roles: those of staff posts with no organisation take the host as implied, and a
    common noun the host's name holds refers to the host ("директор музея" in a museum's
    report, though another museum was named last)."""
    roles, named = doc.roles or (), host(doc)
    if named is None:
        return tuple(roles)
    out = []
    for role in roles:
        word = common_noun(role)
        if role.org is None and role.org_noun is None and staff_post(role) or \
                word is not None and holds(Normal(named), word):
            role = replace(role, org_implied=named)
        out.append(role)
    return tuple(out)


class Hosts:
    """After the event card: the roles' implied host organisation (``with_host``)."""

    name = "hosts"
    needs: tuple[str, ...] = ("roles", "events")
    provides: tuple[str, ...] = ("roles",)

    def __call__(self, docs: Sequence[Doc]) -> list[Doc]:
        return [replace(doc, roles=with_host(doc)) for doc in docs]
