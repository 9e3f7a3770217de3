"""How a position phrase links to the words around it: the lists, brackets, dashes and
joins that let a name or another position stand apart from it ("писатели, среди
которых — А и Б", "(научный руководитель — профессор А. Б.)", "основатель и директор"),
an organisation in brackets after a name ("профессор Олег Кравцов (РГГУ)") and a name
and a position alone on a line (a signature)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...vocab import DASHES
from .degrees import degree_before
from .readings import instrumental

if TYPE_CHECKING:
    from ..view import SentenceView
    from .phrase import Phrase

LIST_OPENERS = ((",", "среди", "которых", "—"), (",", "среди", "которых", "–"),
                (",", "среди", "которых"), (",", "среди", "них"), (",", "в", "том", "числе"),
                ("—",), ("–",), (":",))
MAX_APPOSED_GAP = 4  # words of a position's own before the comma of the next ("с ксенофобией")


def list_start(s: SentenceView, index: int) -> int:
    """Past the words that open a list of names after a plural position: "музыканты
    группы — А, Б и В", "писатели, среди которых — А и Б", "врачи, в том числе А"."""
    for opener in LIST_OPENERS:
        if [s.form(i).lower() for i in range(index, index + len(opener))] == list(opener):
            return index + len(opener)
    return index


def one_of(s: SentenceView, start: int) -> int | None:
    """Where "один из" ("одна из", "одним из") stands right before a plural position."""
    if start - 2 >= s.first and s.form(start - 1).lower() == "из" and \
            s.lemmas[start - 2] == "один":
        return start - 2
    return None


def joined(s: SentenceView, end: int, start: int) -> bool:
    """Whether two position phrases are joined as one person's: "..., а также ...",
    "бывший вице-президент Лукойла, а ныне член Совета Федерации ..."."""
    between = [s.form(i).lower() for i in range(end, start)]
    return between in (["и"], [","], [",", "а", "также"], ["а", "также"], [",", "и"],
                       [",", "а", "затем"], ["а", "затем"], [",", "а", "ныне"], ["а", "ныне"],
                       [",", "а", "теперь"], [",", "ныне"])


def adjacent(s: SentenceView, first: Phrase, second: Phrase) -> bool:
    """Two positions one after the other, in one case, as one person's: "председатель
    Совета муфтиев России шейх Равиль Гайнутдин"; not "в беседе с корреспондентом
    «Голоса Америки» лидер движения Александр Белов"."""
    if second.begin != skip_remark(s, first.end):
        return False
    cases = {s.tags[first.head].feats.get("Case"), s.tags[second.head].feats.get("Case")}
    return len(cases - {None}) < 2


def apposed(s: SentenceView, first: Phrase, second: Phrase) -> bool:
    """A second apposition in the first's case after a few words of the first's and a
    comma: "Александра Брода, известного борца с ксенофобией, члена Общественной палаты"."""
    gap = range(first.end, second.begin - 1)
    cases = {s.tags[first.head].feats.get("Case"), s.tags[second.head].feats.get("Case")}
    # An animate noun's accusative is its genitive: the tagger reads "борца" either way.
    return (0 < len(gap) <= MAX_APPOSED_GAP and s.form(second.begin - 1) == ","
            and None not in cases and (len(cases) == 1 or cases == {"Acc", "Gen"})
            and all(s.form(i)[:1].islower() and s.tags[i].pos in ("ADP", "NOUN", "ADJ")
                    for i in gap))


def dash_after(s: SentenceView, phrase: Phrase) -> int | None:
    """After the dash that follows a position opening a sentence or a bracket, whose
    holder is named after it: "Модератор — Иван Петров", "(научный руководитель —
    профессор Анна Смирнова)"."""
    index = skip_remark(s, phrase.end)
    if s.form(index) in DASHES and (phrase.begin == s.first or s.form(phrase.begin - 1) == "("):
        return index + 1
    return None


def coordinated(s: SentenceView, first: Phrase, second: Phrase) -> bool:
    """Two positions listed with "и" or a comma: "основатель и директор X", "основатель,
    директор X"; after a comma, a position with words of its own after its head is whole
    ("министр по делам разведки, глава Комиссии по атомной энергии")."""
    between = [s.form(i).lower() for i in range(skip_remark(s, first.end), second.begin)]
    if between == [","]:
        return first.stop == first.head + 1
    return between in (["и"], [",", "и"])


def skip_brackets(s: SentenceView, index: int) -> int:
    """The index after a bracketed remark at ``index`` ("Юрий Царёв (проект «Метро»)")."""
    if s.form(index) != "(":
        return index
    close = next((i for i in range(index + 1, min(s.last, index + 12)) if s.form(i) == ")"), None)
    return index if close is None else close + 1


def predicate_of(s: SentenceView, waiting: Phrase, phrase: Phrase) -> bool:
    """An instrumental position, a verb, and a position in the nominative: one person's
    ("Модератором семинара выступил профессор кафедры ... Константин Сёмин")."""
    gap = range(waiting.end, degree_before(s, phrase.begin))
    governed = waiting.begin > s.first and s.tags[waiting.begin - 1].pos == "ADP"
    return (instrumental(s, waiting.head) and not governed  # "с корреспондентом"
            and s.tags[phrase.head].feats.get("Case") == "Nom"
            and 0 < len(gap) <= 2 and all(s.tags[i].pos in ("VERB", "AUX") for i in gap))


def skip_remark(s: SentenceView, index: int) -> int:
    """Past a bracketed remark that names no one ("глава «Движения ...» (MDC) премьер
    Морган Цвангираи"); a name in brackets may be the holder's."""
    after = skip_brackets(s, index)
    if any(s.in_mention(i, "PER") for i in range(index, after)):
        return index
    return after


def org_in_brackets(s: SentenceView, phrase: Phrase, person: int
                    ) -> tuple[int, int, int | None] | None:
    """The organisation alone in brackets after the holder's name, when the position
    follows the name or the bracket: "профессор Олег Кравцов (РГГУ)", "Олег Кравцов
    (РГГУ), профессор"."""
    mention = s.mentions[person]
    index = mention.token_stop
    org = s.mention_at(index + 1, "ORG") if s.form(index) == "(" else None
    if org is None or s.form(s.mentions[org].token_stop) != ")":
        return None
    close = s.mentions[org].token_stop
    # A name before the position: its bracket closes right before the comma or dash.
    if mention.token_start < phrase.end and close + 2 != phrase.begin:
        return None
    return index + 1, close, org


def signed(s: SentenceView, phrase: Phrase) -> int | None:
    """A line of a name and a position alone, as under a letter or a photo: "Кирсан
    Илюмжинов Президент ФИДЕ"."""
    person = s.mention_ending_at(phrase.begin, "PER")
    if person is None or s.mentions[person].token_start != s.first or \
            any(s.tags[i].pos != "PUNCT" for i in range(phrase.end, s.last)):
        return None
    return person
