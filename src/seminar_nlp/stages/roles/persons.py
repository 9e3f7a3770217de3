"""Who holds a position phrase: an ordered registry of small named rules.

Each rule reads the sentence around a position phrase and either passes (None) or decides:
the people who hold it, or no one. The first rule that decides wins, and its name goes with
the roles it makes (``RoleFinder(trace=...)``, ``seminar-nlp explain``). ``AFTER``, the
people named right after the phrase, is worked out once and read by several rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ...vocab import is_acronym
from ..view import SentenceView
from .cues import object_before, person_by_cue, sought, subject_of_predicate, taker_of
from .degrees import degree_before, skip_degree
from .holders import complement_of, family, family_members, holder_after
from .links import (
    apposed,
    dash_after,
    joined,
    list_start,
    one_of,
    signed,
    skip_brackets,
    skip_remark,
)
from .phrase import Phrase

LINKS = frozenset({",", "—", "–", "-", "("})
AGE = re.compile(r"\d+-(?:летн|лет)\w*")  # "89-летний", "36-летнего"
Previous = tuple[int, Phrase] | None  # the last person given a role in the sentence, and how


def persons_after(s: SentenceView, phrase: Phrase) -> list[int]:
    """The people named right after the phrase (past a remark in brackets, an age)."""
    index = skip_degree(s, skip_remark(s, phrase.end))  # "профессор, д.м.н. Анна Смирнова"
    if phrase.begin > s.first and index < s.last and complement_of(s, phrase, index):
        return []  # "муж актрисы Сергей Сенин": the name is the husband's
    if s.plural(phrase.head):
        index = list_start(s, index)
    if AGE.fullmatch(s.form(index)):
        index += 1  # "президент 89-летний Роберт Мугабе"
    return names_at(s, phrase, index)


def names_at(s: SentenceView, phrase: Phrase, index: int) -> list[int]:
    """The person named at ``index``; for a plural position, the list of them."""
    found: list[int] = []
    while (person := s.mention_at(index, "PER")) is not None and \
            not is_acronym(s.form(index)):  # the model's "КубГАУ" is no person
        holder = holder_after(s, phrase, person)
        if holder is None:
            break
        person = holder
        if family(s, person):  # "учителя-супруги Ивановы из села Ш. — Светлана и Михаил Ивановы"
            return found + family_members(s, person)
        found.append(person)
        index = skip_brackets(s, s.mentions[person].token_stop)
        if not s.plural(phrase.head) or s.form(index) not in (",", "и"):
            break
        index += 1
    return found


def person_before(s: SentenceView, start: int) -> int | None:
    start = degree_before(s, start)  # "Иван Петров, доктор технических наук, профессор"
    if start - 1 < s.first or s.form(start - 1) not in LINKS:
        return None
    end = start - 1
    if s.form(end - 1) == ")" and (org := s.inside.get(end - 2)) is not None and \
            s.form(s.mentions[org].token_start - 1) == "(":
        end = s.mentions[org].token_start - 1  # "Олег Кравцов (РГГУ), профессор кафедры"
    return s.mention_ending_at(end, "PER")


@dataclass(frozen=True, slots=True)
class Context:
    """A position phrase, the person and phrase before it, and the people right after it."""

    s: SentenceView
    phrase: Phrase
    previous: Previous
    after: Sequence[int]


def one(person: int | None) -> list[int]:
    return [] if person is None else [person]


def is_sought(c: Context) -> list[int] | None:
    """"Компания ищет директора": a position wanted is held by no one."""
    return [] if sought(c.s, c.phrase.begin) else None


def one_of_them(c: Context) -> list[int] | None:
    """"Игорь Малашенко — один из основателей НТВ": one person."""
    start = one_of(c.s, c.phrase.begin)
    if start is None:
        return None
    return [c.after[0]] if c.after else one(person_before(c.s, start))


def plural_holders(c: Context) -> list[int] | None:
    """"ректоры КФУ и КНИТУ А и Б", "Операторами выступили А и Б": a plural position is
    held by a list of people, or by no one."""
    if not c.s.plural(c.phrase.head):
        return None
    found = list(c.after)
    subject = subject_of_predicate(c.s, c.phrase.begin, c.phrase.head, c.phrase.end)
    if not found and subject is not None:
        found = names_at(c.s, c.phrase, c.s.mentions[subject].token_start)
    return found if len(found) > 1 else []


def name_after(c: Context) -> list[int] | None:
    """"ректор ТГУ Эдуард Галкин"."""
    return list(c.after) or None


def name_after_dash(c: Context) -> list[int] | None:
    """"Модератор — Иван Петров"."""
    dash = dash_after(c.s, c.phrase)
    return None if dash is None else names_at(c.s, c.phrase, dash)


def subject(c: Context) -> list[int] | None:
    """"Вместо Оливера Кана капитаном стал Михаель Баллак": the subject of the predicate."""
    found = subject_of_predicate(c.s, c.phrase.begin, c.phrase.head, c.phrase.end)
    return None if found is None else [found]


def object_before_it(c: Context) -> list[int] | None:
    """"Ивана Петрова назначили директором"."""
    found = object_before(c.s, c.phrase.begin, c.phrase.head)
    return None if found is None else [found]


def name_before(c: Context) -> list[int] | None:
    """"Максим Абрамов, руководитель ..." across a comma, dash or bracket."""
    found = person_before(c.s, c.phrase.begin)
    return None if found is None else [found]


def signature(c: Context) -> list[int] | None:
    """"Кирсан Илюмжинов Президент ФИДЕ": the name alone on its line before the post."""
    found = signed(c.s, c.phrase)
    return None if found is None else [found]


def cue(c: Context) -> list[int] | None:
    """"в должности ...", "в качестве ...", "Главой ... назначен X"."""
    found = person_by_cue(c.s, c.phrase.begin, c.phrase.end)
    return None if found is None else [found]


def taker(c: Context) -> list[int] | None:
    """"Пост министра занял X"."""
    found = taker_of(c.s, c.phrase.begin, c.phrase.end)
    return None if found is None else [found]


def shared_with_previous(c: Context) -> list[int] | None:
    """"X, ректор ТГУ и председатель совета ...": the person of the position before."""
    if c.previous is None:
        return None
    person, before = c.previous
    if joined(c.s, before.end, c.phrase.begin) or apposed(c.s, before, c.phrase):
        return [person]
    return None


Rule = Callable[[Context], "list[int] | None"]
RULES: tuple[tuple[str, Rule], ...] = (
    ("sought", is_sought),
    ("one of", one_of_them),
    ("plural holders", plural_holders),
    ("name after", name_after),
    ("name after a dash", name_after_dash),
    ("subject", subject),
    ("object before", object_before_it),
    ("name before", name_before),
    ("signature", signature),
    ("cue", cue),
    ("taker", taker),
    ("shared with the position before", shared_with_previous),
)
NO_ONE = "no holder"


def holders(s: SentenceView, phrase: Phrase, previous: Previous) -> tuple[list[int], str]:
    """The people who hold ``phrase``, and the name of the rule that decided."""
    context = Context(s, phrase, previous, persons_after(s, phrase))
    for name, rule in RULES:
        found = rule(context)
        if found is not None:
            return found, name
    return [], NO_ONE
