"""Positions given by a cue: "в должности ...", "в качестве ...", "занимающий пост ...".

The cue words are ``lexicons/role_cues.txt``. The position goes to the subject
named right after it ("в качестве модератора выступил Иван Петров"), else to
the last person named before the cue ("Петров работает в должности ректора"),
else to a nominative name after the phrase in the same clause. After an active verb
of appointing (``lexicons/appointing_verbs.txt``: "Медведев назначил руководителем службы
и.о. главы ведомства Ивана Муравьева") it goes to the object only, never to the subject.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from ...resources import read_lexicon
from .degrees import MAX_DEGREE, degree_before
from .readings import instrumental

if TYPE_CHECKING:
    from ..view import SentenceView

CLAUSE_MARKS = frozenset({",", ";", ":", "—", "–"})
# A name before one of these speaks or is spoken of; it is not the cue's subject:
# "По словам аналитика Романа Коноплева, ...: «Турция является стратегическим партнёром»".
SPEECH_MARKS = frozenset({":", ";", "«", "»", '"', "“", "”", "„"})
MAX_OBJECT_GAP = 5  # words between the phrase and the object of a verb of appointing
MAX_TAKING_GAP = 4  # words between a taken post and its verb ("в новом составе")


@cache
def cues() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(line.split()) for line in read_lexicon("role_cues.txt"))


@cache
def cue_nouns() -> frozenset[str]:
    """The nouns that end a cue and take a position in the genitive ("пост", "должность")."""
    return frozenset(cue[-1] for cue in cues() if len(cue) > 1)


@cache
def appointing_verbs() -> frozenset[str]:
    return frozenset(read_lexicon("appointing_verbs.txt"))


def appointing(s: SentenceView, begin: int) -> bool:
    """An active finite verb of appointing is the cue or stands right before it."""
    for index in (begin, begin - 1):
        tag = s.tags[index] if index >= s.first else None
        if tag is not None and s.lemmas[index] in appointing_verbs() and \
                tag.feats.get("VerbForm") == "Fin" and tag.feats.get("Voice") != "Pass":
            return True
    return False


def cue_before(s: SentenceView, start: int) -> int | None:
    """Where the cue that stands right before ``start`` begins, if one does."""
    return next((start - len(cue) for cue in cues() if start - len(cue) >= s.first
                 and tuple(s.lemmas[start - len(cue):start]) == cue), None)


@cache
def candidacy() -> frozenset[str]:
    return frozenset(read_lexicon("candidacy.txt"))


def sought(s: SentenceView, start: int) -> bool:
    """A post someone stands for, not one held: "стала кандидатом на пост главы Франции",
    "претендует на должность ректора" (``lexicons/candidacy.txt``)."""
    begin = cue_before(s, start)
    return begin is not None and begin > s.first and s.lemmas[begin - 1] in candidacy()


def after_cue(s: SentenceView, start: int) -> bool:
    return cue_before(s, start) is not None


def person_by_cue(s: SentenceView, start: int, end: int) -> int | None:
    """The person a cue ("в должности", "в качестве") gives the position to: the
    subject right after it ("в качестве модератора выступил X") or the object after
    it in its clause ("назначил на пост главы ФБР Джеймса Коми"), else the last named
    before the cue, else a subject named after the phrase in the same clause."""
    begin = cue_before(s, start)
    if begin is None:
        return None
    people = sorted({m for m in s.inside.values() if s.mentions[m].type == "PER"},
                    key=lambda m: s.mentions[m].token_start)
    before = [m for m in people if s.mentions[m].token_stop <= begin
              and not SPEECH_MARKS & {s.form(i) for i in range(s.mentions[m].token_stop, begin)}]
    after = [m for m in people if s.mentions[m].token_start >= end]
    appointed = appointing(s, begin)
    if after and (subject_after(s, end, after[0])
                  or object_after(s, end, after[0], MAX_OBJECT_GAP if appointed else 2)):
        return after[0]
    if appointed:
        return None  # "Медведев назначил руководителем ...": not Medvedev
    if before:
        return before[-1]
    if after and nominative(s, after[0]) and same_clause(s, end, after[0]):
        return after[0]  # not "он стал пилотом Формулы-1, а Марк Уэббер выиграл"
    return None


@cache
def taken_posts() -> frozenset[tuple[str, str]]:
    return frozenset((noun, verb) for noun, verb in
                     (line.split() for line in read_lexicon("taken_posts.txt")))


def taker_of(s: SentenceView, start: int, end: int) -> int | None:
    """The subject who takes a post named before the position: "Пост министра финансов
    занял Антон Силуанов", "Место спикера ... занял республиканец Джон Бенер"
    (``lexicons/taken_posts.txt``)."""
    if start - 1 < s.first:
        return None
    noun = s.lemmas[start - 1]
    for verb in range(end, min(end + MAX_TAKING_GAP + 1, s.last)):
        if (noun, s.lemmas[verb]) in taken_posts():
            break
        if not s.form(verb)[:1].islower():
            return None  # "в новом составе" may stand between, not a comma or a name
    else:
        return None
    for index in range(verb + 1, min(verb + 4, s.last)):
        person = s.mention_at(index, "PER")
        if person is not None:
            return person if nominative(s, person) else None
        if not s.form(index)[:1].islower():
            return None
    return None


def same_clause(s: SentenceView, end: int, person: int) -> bool:
    """No comma, colon or dash between the phrase and the name."""
    return not CLAUSE_MARKS & {s.form(i) for i in range(end, s.mentions[person].token_start)}


def object_after(s: SentenceView, end: int, person: int, gap_words: int) -> bool:
    """The object named after the phrase in the same clause, at most ``gap_words`` on:
    "выдвинул на пост главы ФБР республиканца Джеймса Коми", "назначил руководителем
    службы Ивана Муравьева" (the tagger often reads such an animate object as genitive)."""
    gap = range(end, s.mentions[person].token_start)
    return (len(gap) <= gap_words and accusative(s, person) and same_clause(s, end, person)
            and not any(s.tags[i].pos in ("VERB", "AUX") for i in gap))


def accusative(s: SentenceView, person: int) -> bool:
    """A name the tagger reads as an object: accusative, or an animate genitive."""
    feats = s.tags[s.mentions[person].token_start].feats
    return feats.get("Case") == "Acc" or \
        feats.get("Case") == "Gen" and feats.get("Animacy") == "Anim"


def object_before(s: SentenceView, begin: int, head: int) -> int | None:
    """The object between a verb of appointing and a position in the instrumental:
    "назначил Ивана Петрова министром финансов", "избрал Анну Смирнову председателем"."""
    if not instrumental(s, head):
        return None
    person = s.mention_ending_at(begin, "PER")
    if person is None:
        return None
    start = s.mentions[person].token_start
    return person if accusative(s, person) and start > s.first and appointing(s, start) else None


def nominative(s: SentenceView, person: int) -> bool:
    """Whether a name can be a subject (not "стал первым представителем США ... после
    ликвидации лидера Усамы бин Ладена")."""
    return s.case_of(person) == "Nom"


def subject_after(s: SentenceView, end: int, person: int) -> bool:
    """A nominative name right after a verb that follows the phrase: "в качестве
    модератора выступил Иван Петров", "..., в качестве заместителя, входит Петров"."""
    # "Модератором выступил доктор экономических наук Иван Петров": past the degree.
    gap = range(end, degree_before(s, s.mentions[person].token_start, comma=False))
    between = {s.tags[i].pos for i in gap}
    return (len(gap) <= 3 and nominative(s, person) and not {"NOUN", "PROPN"} & between
            and bool({"VERB", "AUX"} & between))


def subject_of_predicate(s: SentenceView, start: int, head: int, end: int) -> int | None:
    """The subject named after a position in the instrumental and a verb: "Главой
    Рособрнадзора назначен Сергей Кравцов", "Новым ректором избран Иван Петров" (not
    "с президентом приехали ...")."""
    if not instrumental(s, head) or \
            start > s.first and s.tags[start - 1].pos == "ADP":
        return None
    after = next((s.starts[index] for index in range(end, min(end + 4 + MAX_DEGREE, s.last))
                  if index in s.starts), None)
    if after is None or s.mentions[after].type != "PER" or not subject_after(s, end, after):
        return None
    return after

