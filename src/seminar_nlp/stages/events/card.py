"""The candidates of each field of an event card with their features, and the choice the
fitted models make among them: shared by the Events stage, its trace and the training script.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..view import View
from .candidates import DateCandidate, Mention, TitleCandidate, dates, mentions, titles
from .features import (
    BLOCKERS,
    Features,
    date_features,
    mention_features,
    title_features,
)
from .names import Lexicon
from .scorer import Model, best, models


def mention_choices(view: View, lex: Lexicon) -> list[tuple[Mention, Features]]:
    found = mentions(view, lex)
    # Repeats count by the head word: "научный семинар" and "Семинар прошёл" are one event.
    repeats = Counter(view.lemmas[mention.stop - 1] for mention in found)
    return [(mention, mention_features(view, lex, mention, rank,
                                       repeats[view.lemmas[mention.stop - 1]]))
            for rank, mention in enumerate(found)]


def date_choices(view: View, event: Mention) -> list[tuple[DateCandidate, Features]]:
    found = dates(view)
    return [(candidate, date_features(view, candidate, event, number == 0))
            for number, candidate in enumerate(found)]


def title_choices(view: View, lex: Lexicon, event: Mention
                  ) -> list[tuple[TitleCandidate, Features]]:
    """The «names» that may be the event's: not one right after a noun it names (a prize, a
    book, a contest that is not the event: "лауреатов премии «Созидатели будущего»",
    "презентация книги «Томск»"), which the conventions leave out, nor the headline's
    form of such a name ("Названы лауреаты премии «...»", "Волонтёры «Зелёной волны»
    провели субботник" of "движение «Зелёная волна»")."""
    every = titles(view)
    others = {folded(c.text) for c in every if c.open >= 0 and named_noun(view, lex, c, event)}
    found = [candidate for candidate in every if not named_noun(view, lex, candidate, event)
             and not (candidate.open < 0 and folded(candidate.text) in others)]
    return [(candidate, {**title_features(view, lex, candidate, event, number == 0),
                         **fuller(candidate, found)})
            for number, candidate in enumerate(found)]


def folded(text: str) -> str:
    """A name with its words' endings cut, so that its cases meet: "Зелёной волны" and
    "Зелёная волна" both give "зелен вол"."""
    words = text.lower().replace("ё", "е").split()
    return " ".join(word[:max(3, len(word) - 2)] for word in words)


def fuller(candidate: TitleCandidate, found: Sequence[TitleCandidate]) -> dict[str, float]:
    """How a name stands to the others: a fuller form of one ("Сибирь в зеркале архивов:
    источники и методы" of the headline's "Сибирь в зеркале архивов"), or cut from one."""
    text = candidate.text.lower()
    others = [other.text.lower() for other in found if other.text.lower() != text]
    return {"extends_other": float(any(text.startswith(other) for other in others)),
            "cut_of_other": float(any(other.startswith(text) for other in others))}


NAMED_REACH = 4  # words between such a noun and the name ("премии молодых учёных «...»")


def named_noun(view: View, lex: Lexicon, candidate: TitleCandidate, event: Mention) -> bool:
    """Whether the name follows a noun it names: a blocker ("премии «...»"), or the head of
    an organisation's name right before it, in the singular ("движение «Зелёная волна»",
    "клуба «Краевед»"; not "конкурс экспозиций школьных музеев «Память места»")."""
    head = candidate.open - 1
    if head >= 0 and view.lemmas[head] in lex.org_heads and \
            view.tags[head].feats.get("Number") != "Plur" and \
            view.lemmas[head] not in view.lemmas[event.start:event.stop]:
        return True
    for before in range(candidate.open - 1, max(candidate.open - 1 - NAMED_REACH, -1), -1):
        if event.start <= before < event.stop or not view.is_word(before) or \
                view.tags[before].pos in ("VERB", "AUX", "ADP"):
            return False
        if view.lemmas[before] in BLOCKERS:  # unless it is a noun of the event's kind
            return view.lemmas[before] not in view.lemmas[event.start:event.stop]
    return False


def first_of_kind(view: View, chosen: Mention, found: Sequence[Mention]) -> Mention:
    """The first mention of the chosen event's kind (by its head word): where the report
    first names the event, which its title, date and place stand beside."""
    head = view.lemmas[chosen.stop - 1]
    return next(m for m in found if view.lemmas[m.stop - 1] == head)


UNTIL = ("до", "по")  # "продлится до 30 июня", "показы шли до 9 июля"


def until_end(view: View, chosen: DateCandidate, found: Sequence[DateCandidate]
              ) -> str | None:
    """The end of an event the report dates by its start, given as "до <date>" in the same
    sentence or the next ("1 апреля стартовала акция ... До 31 мая школьники мастерят",
    "Выставка открылась 3 июня и продлится до 30 июня"); after a dateline ("10 апреля
    2026" on a line of its own) the sentence after it counts as the start's ("... открылась
    фотовыставка. Экспозиция продлится до 30 июня"): a later date, within a year; one
    without a year takes the start's (or the next year's)."""
    if chosen.start < 0 or chosen.date_end is not None or chosen.date.startswith("--"):
        return None
    start = dt.date.fromisoformat(chosen.date)
    sentence = view.doc.need("sentences")[view.tokens[view.token_at(chosen.start)].sent]
    dateline = not view.doc.text[sentence.start:sentence.stop].replace(
        view.doc.text[chosen.start:chosen.stop], "").strip(" .,г")
    near = {view.tokens[sentence.token_start].sent + shift for shift in range(1 + dateline)}
    for other in found:
        if other.start < chosen.stop or other.date_end is not None:
            continue
        lead = view.doc.text[max(0, other.start - 4):other.start].strip().lower()
        end = with_year(other.date, start)
        said = view.tokens[view.token_at(other.start)].sent
        if end is not None and lead.endswith(UNTIL) and lead.split()[-1] in UNTIL and \
                0 < (end - start).days <= 366 and any(0 <= said - s <= 1 for s in near):
            return end.isoformat()
    return None


def with_year(date: str, start: dt.date) -> dt.date | None:
    """A date; "--MM-DD" in the start's year, or the next when it would come before it."""
    if not date.startswith("--"):
        return dt.date.fromisoformat(date)
    try:
        found = dt.date(start.year, int(date[2:4]), int(date[5:7]))
        return found if found > start else dt.date(start.year + 1, found.month, found.day)
    except ValueError:  # "--02-29" of a year without it
        return None


@dataclass(frozen=True, slots=True)
class Chosen:
    """The winners of an event card (``None`` where no candidate reached its threshold)."""

    event: Mention
    date: DateCandidate | None
    title: TitleCandidate | None
    mentions: tuple[Mention, ...]  # every event mention of the report, in text order
    dates: tuple[DateCandidate, ...]  # every date of the report (for the end: ``until_end``)


def choose(view: View, lex: Lexicon, fitted: dict[str, Model] | None = None) -> Chosen | None:
    fitted = fitted or models()
    choices = mention_choices(view, lex)
    event = best(fitted["event"], choices)
    if event is None:
        return None
    mention = first_of_kind(view, event[0], [m for m, _ in choices])
    found_dates = date_choices(view, mention)
    date = best(fitted["date"], found_dates)
    title = best(fitted["title"], title_choices(view, lex, mention))
    return Chosen(mention, None if date is None else date[0], None if title is None else title[0],
                  tuple(m for m, _ in choices), tuple(c for c, _ in found_dates))


def scored(model: Model, choices: Sequence[tuple[object, Features]]
           ) -> list[tuple[float, object, Features]]:
    """Each candidate with its score, best first (for the trace)."""
    return sorted(((model.score(features), candidate, features)
                   for candidate, features in choices), key=lambda item: -item[0])
