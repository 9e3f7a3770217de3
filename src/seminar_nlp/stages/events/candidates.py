"""Candidates for the fields of an event card, each from a small named rule.

An event mention is any phrase of ``lexicons/event_types.txt`` (by lemma, in any case), or a
noun that an event verb makes one ("прошла спартакиада"); a date is any date, range or relative
day of the text or its headline; a title is any «quoted» name. Which candidate wins is not
decided here: ``features.py`` describes each, ``scorer.py`` weighs them with fitted weights.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..view import View, pair_straight
from .dates import find_dates, parse_doc_date, resolve
from .names import Lexicon

EVENT_VERBS_FRAME = 3  # tokens between a verb of holding and the noun it makes an event
# Nouns a verb of holding takes that name a part or a moment of an event, not one
# ("состоялось открытие конференции", "прошла церемония закрытия", "прошло обсуждение"),
# or a span of time ("проводится уже третий год", "прошла неделя").
NOT_EVENTS = frozenset({"открытие", "закрытие", "старт", "финал", "церемония", "обсуждение",
                        "работа", "часть", "день", "этап", "торжественный",
                        "год", "месяц", "неделя", "час", "минута"})


@dataclass(frozen=True, slots=True)
class Mention:
    """A phrase that names an event: tokens start..stop, its type, the rule that found it."""

    start: int
    stop: int
    event_type: str
    sentence: int
    rule: str


@dataclass(frozen=True, slots=True)
class DateCandidate:
    """A date or range: characters start..stop of the text (-1 for the headline), ISO values."""

    start: int
    stop: int
    date: str
    date_end: str | None
    rule: str


@dataclass(frozen=True, slots=True)
class TitleCandidate:
    """A «quoted» name: the tokens inside the marks (opening and closing excluded)."""

    open: int
    close: int
    text: str
    rule: str


# Event mentions


def sentence_of(view: View, index: int) -> int:
    return view.tokens[index].sent


def lexicon_mentions(view: View, lex: Lexicon) -> Iterator[Mention]:
    """Every phrase of the event lexicon, longest first at each token, outside quotes."""
    index = 0
    while index < len(view.tokens):
        size = 0 if view.lemmas[index] not in lex.firsts else next(
            (n for n in range(min(lex.longest, len(view.tokens) - index), 0, -1)
             if view.lemmas[index:index + n] in lex.types), 0)
        if size and view.depth[index] == 0:
            yield Mention(index, index + size, lex.types[view.lemmas[index:index + size]],
                          sentence_of(view, index), "lexicon")
        index += max(size, 1)


def frame_mentions(view: View, lex: Lexicon) -> Iterator[Mention]:
    """A noun in the nominative right after a verb of holding that the lexicon lacks:
    "прошла спартакиада", "стартовал марафон", "состоялся квест"."""
    for index, lemma in enumerate(view.lemmas):
        if lemma not in lex.words["event_verb"] or view.tags[index].pos not in ("VERB", "AUX"):
            continue
        for k in range(index + 1, min(index + 1 + EVENT_VERBS_FRAME, len(view.tokens))):
            tag = view.tags[k]
            if tag.pos == "NOUN" and view.depth[k] == 0 and subject_case(view, index, k):
                k = nominative_head(view, k)  # "прошёл краеведческий квиз": not the adjective
                lemma = subject_lemma(view, k)
                if (lemma,) not in lex.types and lemma not in NOT_EVENTS:
                    yield Mention(k, k + 1, lemma, sentence_of(view, k), "frame")
                elif lemma in MOMENTS and (event := of_moment(view, lex, k)) is not None:
                    yield event
                break
            if tag.pos not in ("ADJ", "ADV", "DET", "NUM", "PUNCT"):
                break


# The opening or closing of an event the lexicon lacks: "состоялось открытие XVI
# Красноярской музейной биеннале", "прошла церемония закрытия фестиваля-квеста".
MOMENTS = frozenset({"открытие", "закрытие", "старт", "финал", "церемония"})


def of_moment(view: View, lex: Lexicon, index: int) -> Mention | None:
    """The event noun in the genitive after a moment of it, past adjectives and numbers."""
    for k in range(index + 1, min(index + 1 + 2 * EVENT_VERBS_FRAME, len(view.tokens))):
        tag = view.tags[k]
        if view.depth[k] > 0:
            return None
        if tag.pos == "NOUN":
            if view.lemmas[k] in NOT_EVENTS or (view.lemmas[k],) in lex.types:
                return None  # "церемония закрытия", or a kind the lexicon finds itself
            lemma = view.lemmas[k] if tag.feats.get("Case") == "Gen" else view.words[k]
            return Mention(k, k + 1, lemma, sentence_of(view, k), "frame")
        if tag.pos not in ("ADJ", "NUM", "PROPN") and not view.words[k].isupper():
            return None
    return None


# Verbs of holding that take no object: a noun after them is their subject.
INTRANSITIVE = frozenset({"пройти", "проходить", "состояться", "открыться", "стартовать",
                          "завершиться", "закрыться", "начаться", "проводиться"})


def subject_case(view: View, verb: int, noun: int) -> bool:
    """Whether the noun after a verb of holding can be its subject: in the nominative, or,
    after a verb that takes no object, in an accusative the tagger chose for an inanimate
    noun whose two cases are one form, when it and the adjectives before it agree with the
    verb ("прошёл литературный вечер", "состоялось чаепитие"; not "участники прошли
    обучение", "проводится уже третий год")."""
    feats, verb_feats = view.tags[noun].feats, view.tags[verb].feats
    if feats.get("Case") == "Nom":
        return True
    return view.lemmas[verb] in INTRANSITIVE and feats.get("Case") == "Acc" and \
        feats.get("Animacy") == "Inan" and feats.get("Number") == verb_feats.get("Number") and \
        verb_feats.get("Gender", feats.get("Gender")) == feats.get("Gender") and \
        all(view.tags[k].feats.get("Case") in (None, "Nom") for k in range(verb + 1, noun))


ADJECTIVE_ENDINGS = ("ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие")


def nominative_head(view: View, index: int) -> int:
    """The noun after words the tagger took for nouns but that end as adjectives do: it
    misreads the adjective before a noun it does not know ("краеведческий квиз",
    "интеллектуальный марафон-квест")."""
    while index + 1 < len(view.tokens) and view.depth[index + 1] == 0 and \
            view.tags[index + 1].pos == "NOUN" and view.words[index].endswith(ADJECTIVE_ENDINGS):
        index += 1
    return index


def subject_lemma(view: View, index: int) -> str:
    """The lemma of a noun in the subject's place: the word itself where the tagger gave a
    noun it does not know another case ("квиз" read as the genitive of "квиза")."""
    return view.lemmas[index] if view.tags[index].feats.get("Case") == "Nom" else view.words[index]


MENTION_RULES: dict[str, Callable[[View, Lexicon], Iterator[Mention]]] = {
    "lexicon": lexicon_mentions, "frame": frame_mentions}


def mentions(view: View, lex: Lexicon) -> list[Mention]:
    found: dict[tuple[int, int], Mention] = {}
    for rule in MENTION_RULES.values():  # the lexicon's reading of a span first
        for m in rule(view, lex):
            if not any(o.start <= m.start and m.stop <= o.stop for o in found.values()):
                found.setdefault((m.start, m.stop), m)  # not a word of a longer one's
    return sorted(found.values(), key=lambda m: m.start)


# Dates

WEEKDAYS = {"понедельник": 0, "вторник": 1, "среда": 2, "среду": 2, "четверг": 3,
            "пятница": 4, "пятницу": 4, "суббота": 5, "субботу": 5, "воскресенье": 6}
RELATIVE = re.compile(r"\b(?P<word>сегодня|вчера|позавчера|завтра)\b", re.IGNORECASE)
WEEKDAY = re.compile(r"\bв\s+(?:(?:минувш|прошл|эт)\w+\s+)?(?P<day>" + "|".join(WEEKDAYS)
                     + r")\b", re.IGNORECASE)
SHIFT = {"сегодня": 0, "вчера": -1, "позавчера": -2, "завтра": 1}


def text_dates(text: str, doc_date: str | None, offset: int = 0) -> Iterator[DateCandidate]:
    for span in find_dates(text):
        date, end = resolve(span, doc_date)
        yield DateCandidate(offset + span.start, offset + span.stop, date, end,
                            "range" if span.last is not None else "date")


def relative_dates(text: str, doc_date: str | None) -> Iterator[DateCandidate]:
    """"вчера", "сегодня", "в минувшую пятницу": only with a document date to count from."""
    base = parse_doc_date(doc_date)
    if base is None:
        return
    for match in RELATIVE.finditer(text):
        day = base + dt.timedelta(days=SHIFT[match["word"].lower()])
        yield DateCandidate(match.start(), match.end(), day.isoformat(), None, "relative")
    for match in WEEKDAY.finditer(text):
        back = (base.weekday() - WEEKDAYS[match["day"].lower()]) % 7
        day = base - dt.timedelta(days=back)
        yield DateCandidate(match.start(), match.end(), day.isoformat(), None, "weekday")


def dates(view: View) -> list[DateCandidate]:
    source = view.doc.source
    found = [*text_dates(view.doc.text, source.date), *relative_dates(view.doc.text, source.date)]
    if source.title:  # the headline: its dates stand before the text (negative offsets)
        found += [DateCandidate(-1, -1, c.date, c.date_end, "headline")
                  for c in text_dates(source.title, source.date)]
    return sorted(found, key=lambda c: (c.start, -c.stop))


# Titles


def titles(view: View) -> list[TitleCandidate]:
    """Every «quoted» name of the text (the outer marks of nested ones)."""
    found = []
    for opening, closing in sorted(view.closers.items()):
        if closing - opening < 2 or view.depth[opening] > 0:
            continue
        tokens = view.tokens[opening + 1:closing]
        found.append(TitleCandidate(opening, closing,
                                    view.doc.text[tokens[0].start:tokens[-1].stop], "quoted"))
    return sorted(found + straight_titles(view), key=lambda c: c.open) + \
        headline_titles(view.doc.source.title or "")


STRAIGHT_WORDS = 12  # longer straight-quoted text is speech, not a name


def straight_titles(view: View) -> list[TitleCandidate]:
    """Names in straight quotes, as news agencies write them ('форум "Технологии будущего"
    прошёл', 'конкурс "Лучший учитель"'): a capitalised phrase of a few words within one
    sentence, outside «» marks; longer ones and whole sentences are speech."""
    found = []
    for opening, closing in sorted(pair_straight(view.tokens, view.paragraphs).items()):
        inner = range(opening + 1, closing)
        if not 0 < len(inner) <= STRAIGHT_WORDS or view.depth[opening] > 0 or \
                view.tokens[opening].sent != view.tokens[closing].sent or \
                not view.tokens[opening + 1].form[:1].isupper() or \
                any(view.words[k] in (".", "!", "?", "...", "…") for k in inner):
            continue
        tokens = view.tokens[opening + 1:closing]
        found.append(TitleCandidate(opening, closing,
                                    view.doc.text[tokens[0].start:tokens[-1].stop], "straight"))
    return found


HEADLINE_PAIRS = {"«": "»", "„": "“"}


def headline_titles(headline: str) -> list[TitleCandidate]:
    """The outermost «quoted» names of the headline the metadata gives ("Бизнес-завтрак
    «Экспорт в Азию» собрал предпринимателей"), at negative positions (before the text)."""
    found: list[TitleCandidate] = []
    depth = start = 0
    closers = set(HEADLINE_PAIRS.values())
    for index, char in enumerate(headline):
        if char in HEADLINE_PAIRS:
            depth, start = depth + 1, index + 1 if depth == 0 else start
        elif char in closers and depth > 0:
            depth -= 1
            if depth == 0 and headline[start:index].strip():
                number = -1 - len(found)
                found.append(TitleCandidate(number, number, headline[start:index].strip(),
                                            "headline"))
    return found
