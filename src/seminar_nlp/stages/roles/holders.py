"""Whose a position is when a name follows it: the name's own, a genitive name's holder
("пресс-секретарь Путина Дмитрий Песков"), no one's when the phrase is the complement of
a noun before it ("муж актрисы Сергей Сенин"), or a family's members listed after a dash
("учителя-супруги Ивановы — Светлана и Михаил Ивановы")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...normal.words import PLURAL_SURNAME_ENDINGS, clean_word
from ...vocab import ABBREVIATIONS, DASHES
from .cues import cue_nouns
from .links import skip_brackets

if TYPE_CHECKING:
    from ..view import SentenceView
    from .phrase import Phrase

MAX_FAMILY_GAP = 6  # words between a family's name and the dash before its members
# A kin noun before a position in the genitive takes the name after it for itself, unless
# the name agrees with the position ("внучка вице-президента Лукойла Ралифа Сафина"); any
# other noun does when the name can only be nominative (``complement_of``).
KIN = frozenset({"муж", "жена", "супруг", "супруга", "вдова", "вдовец", "сын", "дочь", "отец",
                 "мать", "брат", "сестра", "внук", "внучка", "племянник", "племянница"})


def complement_of(s: SentenceView, phrase: Phrase, name: int) -> bool:
    """Whether the phrase is the genitive of the noun before it, and the name after it is
    that noun's: "муж актрисы Сергей Сенин", "охранник президента Иван Петров"."""
    before, case = phrase.begin - 1, s.tags[phrase.head].feats.get("Case")
    if s.tags[name].feats.get("Case") == case or s.form(phrase.begin).lower() in ABBREVIATIONS:
        return False  # "встречу и.о. ректора Анна Белова": "и.о. ректора" is no genitive
    if s.lemmas[before] in KIN:
        return True
    # "Пост главы правительства Мали Кейта занимал ...": a cue's noun takes the position.
    return case == "Gen" and s.tags[before].pos == "NOUN" and \
        (s.form(before)[:1].islower() or before == s.first) and \
        s.lemmas[before].lower() not in cue_nouns() and \
        not s.in_mention(before, "PER", "ORG", "LOC") and only_nominative(s, name)


def only_nominative(s: SentenceView, index: int) -> bool:
    """A word the tagger calls nominative that the dictionary cannot read as a genitive
    ("Иван", not "Фолькера" or an indeclinable "Кэрри")."""
    if s.tags[index].feats.get("Case") != "Nom":
        return False
    return not s.morph.can_be(s.form(index), "gent")


def family(s: SentenceView, person: int) -> bool:
    """A surname in the plural alone ("Ивановы"): a family, no one person."""
    normal = s.doc.need("normals")[person]
    return normal.first is None and normal.last is not None and \
        clean_word(normal.last).endswith(PLURAL_SURNAME_ENDINGS)


def family_members(s: SentenceView, person: int) -> list[int]:
    """The people a family name stands for, listed after a dash in its sentence."""
    index = s.mentions[person].token_stop
    while index < min(s.last, s.mentions[person].token_stop + MAX_FAMILY_GAP) and \
            s.form(index) not in DASHES:
        index += 1
    found: list[int] = []
    while s.form(index) in DASHES | {",", "и"} and \
            (member := s.mention_at(index + 1, "PER")) is not None:
        found.append(member)
        index = s.mentions[member].token_stop
    return found


def holder_after(s: SentenceView, phrase: Phrase, person: int) -> int | None:
    """The name after a genitive one, which is whose the position is: "адвокат
    Александра Кокорина Андрей Ромашов", "пресс-секретарь Путина Дмитрий Песков"; a
    name the position's "по ..." follows is whose it is, and the holder comes after
    that, if anyone: "советник президента Владимира Путина по вопросам культуры Иван
    Петров", "помощник Хиллари Клинтон по европейским делам, который ..."."""
    mention = s.mentions[person]
    after = skip_brackets(s, mention.token_stop)
    # "Директор Иван Петров по традиции открыл ...": a nominative name holds it itself;
    # "сенатора от штата Вермонт Берни Сандерса по числу делегатов": a phrase ended by
    # its organisation has no more words after the name.
    own = only_nominative(s, mention.token_start) or bool(phrase.orgs)
    tail = after if own else tail_after(s, after)
    holder = s.mention_at(tail, "PER")
    if tail > after:
        return holder if holder is not None and s.case_of(holder) == "Nom" else None
    if holder is None or s.plural(phrase.head) or s.case_of(person) != "Gen" or \
            s.case_of(holder) != "Nom":
        return person
    return holder


def tail_after(s: SentenceView, index: int) -> int:
    """The end of a position's "по ..." at ``index`` ("по европейским и евразийским
    делам"), or ``index`` when there is none."""
    if s.form(index) != "по":
        return index
    end = index + 1
    while end < s.last and s.form(end)[:1].islower() and \
            s.tags[end].pos in ("ADJ", "NOUN", "CCONJ"):
        end += 1
    return end if end > index + 1 and s.tags[end - 1].pos == "NOUN" else index
