"""Features of the candidates of an event card: what a reader weighs to tell the reported
event from one merely mentioned, its date from other dates, its name from other names.

Each function returns a dict of named numbers; ``scorer.py`` holds the fitted weight of each
name. Features are about position (headline, first sentence, paragraph), frame words around
the candidate, its grammar, and its distance from the chosen event mention.
"""

from __future__ import annotations

import datetime as dt
import math

from ..view import View
from .candidates import DateCandidate, Mention, TitleCandidate
from .dates import parse_doc_date
from .names import Lexicon
from .place import another_occurrence

Features = dict[str, float]
OPENING = frozenset({"открытие", "закрытие", "старт", "финал", "завершение"})
RESULTS = frozenset({"итог"})
CEREMONY = frozenset({"церемония", "торжественный"})
CONTAINER = frozenset({"рамка", "поле", "программа", "площадка", "участие", "время", "ход"})
BLOCKERS = frozenset({"премия", "конкурс", "номинация", "грант", "журнал", "газета", "книга",
                      "проект", "программа", "фонд", "компания", "центр", "университет",
                      "выставка", "фильм", "сборник", "монография", "альбом", "спектакль",
                      "приложение", "платформа", "марка", "бренд", "курс", "трек", "смена"})
GENERIC_TYPES = frozenset({"встреча", "акция", "визит", "экскурсия", "школа", "церемония",
                           "собрание", "презентация", "концерт", "спектакль"})


def bucket(value: int, *edges: int) -> str:
    return next((f"<={edge}" for edge in edges if value <= edge), f">{edges[-1]}")


def verb_near(view: View, lex: Lexicon, mention: Mention, span: int = 6) -> float:
    low = max(0, mention.start - span)
    high = min(len(view.tokens), mention.stop + span)
    return float(any(view.lemmas[k] in lex.words["event_verb"]
                     and view.tags[k].pos in ("VERB", "AUX") for k in range(low, high)))


def sentence_has_verb(view: View, lex: Lexicon, mention: Mention) -> float:
    sentence = view.doc.need("sentences")[mention.sentence]
    return float(any(view.lemmas[k] in lex.words["event_verb"] and view.depth[k] == 0
                     and view.tags[k].pos in ("VERB", "AUX")
                     for k in range(sentence.token_start, sentence.token_stop)))


def before(view: View, mention: Mention, words: frozenset[str], reach: int = 3) -> float:
    low = max(0, mention.start - reach)
    return float(any(view.lemmas[k] in words for k in range(low, mention.start)))


def quoted_after(view: View, mention: Mention, reach: int = 8) -> float:
    return float(any(k in view.closers for k in range(mention.stop,
                                                       min(mention.stop + reach,
                                                           len(view.tokens)))))


def in_name(view: View, mention: Mention) -> float:
    return float(any(m.type != "PER" and m.token_start <= mention.start < m.token_stop
                     for m in view.doc.need("mentions")))


def in_headline(view: View, mention: Mention) -> float:
    title = (view.doc.source.title or "").lower().replace("ё", "е")
    return float(bool(title) and view.lemmas[mention.start][:5] in title)


def other_time(view: View, mention: Mention) -> float:
    """Whether the mention's sentence is about another occurrence or time: "в прошлом году",
    "следующий форум пройдёт", or a year before the document's ("представляли в 2024 году
    на конференции")."""
    sentence = view.doc.need("sentences")[mention.sentence]
    if another_occurrence(view, mention.start, sentence):
        return 1.0
    base = parse_doc_date(view.doc.source.date)
    return float(base is not None and any(
        view.words[k].isdigit() and len(view.words[k]) == 4 and
        1900 < int(view.words[k]) < base.year and view.lemmas[k + 1] == "год"
        for k in range(sentence.token_start, sentence.token_stop - 1)))


def mention_features(view: View, lex: Lexicon, mention: Mention, rank: int,
                     repeats: int) -> Features:
    case = view.tags[mention.start].feats.get("Case", "none")
    paragraph = view.paragraphs[mention.start]
    found: Features = {
        f"rule={mention.rule}": 1.0, f"case={case}": 1.0,
        f"sentence{bucket(mention.sentence, 0, 1, 2, 4)}": 1.0,
        f"paragraph{bucket(paragraph, 0, 1, 3)}": 1.0, f"rank{bucket(rank, 0, 1, 3)}": 1.0,
        "verb_near": verb_near(view, lex, mention),
        "sentence_verb": sentence_has_verb(view, lex, mention),
        "after_opening": before(view, mention, OPENING),
        "after_results": before(view, mention, RESULTS),
        "after_ceremony": before(view, mention, CEREMONY),
        "after_container": before(view, mention, CONTAINER),
        "quoted_after": quoted_after(view, mention), "in_name": in_name(view, mention),
        "in_headline": in_headline(view, mention), "repeats": math.log1p(repeats),
        "generic_type": float(mention.event_type in GENERIC_TYPES),
        "plural": float(view.tags[mention.start].feats.get("Number") == "Plur"),
        "capital": float(view.tokens[mention.start].form[:1].isupper()),
        "multiword": float(mention.stop - mention.start > 1),
        "other_time": other_time(view, mention),
    }
    return found


# Dates


def date_features(view: View, candidate: DateCandidate, event: Mention,
                  first: bool) -> Features:
    text = view.doc.text
    found: Features = {f"rule={candidate.rule}": 1.0, "first": float(first),
                       "range": float(candidate.date_end is not None),
                       "year": float(not candidate.date.startswith("--"))}
    if candidate.start < 0:
        found["headline"] = 1.0
        return found
    token = view.token_at(candidate.start)
    sentence = view.tokens[token].sent
    found[f"sentences_from_event{bucket(abs(sentence - event.sentence), 0, 1, 3)}"] = 1.0
    found["before_event"] = float(token < event.start)
    found["in_quote"] = float(view.depth[token] > 0)
    found[f"paragraph{bucket(view.paragraphs[token], 0, 1, 3)}"] = 1.0
    line_start = text.rfind("\n", 0, candidate.start) + 1
    line_end = text.find("\n", candidate.stop)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    found["dateline"] = float(len(line.strip()) <= candidate.stop - candidate.start + 8)
    lead = text[max(0, candidate.start - 12):candidate.start].lower()
    found["after_until"] = float(lead.rstrip().endswith(("до", "по")))
    found["after_since"] = float(lead.rstrip().endswith(("с", "со")))
    found.update(distance_from_doc_date(view, candidate))
    return found


def distance_from_doc_date(view: View, candidate: DateCandidate) -> Features:
    base = parse_doc_date(view.doc.source.date)
    if base is None or candidate.date.startswith("--"):
        return {"no_doc_date": 1.0}
    days = (dt.date.fromisoformat(candidate.date) - base).days
    return {"future": float(days > 0), f"days_back{bucket(max(-days, 0), 1, 7, 45)}": 1.0}


# Titles


# Words that give an event its name: "под названием «...»", "получила название «...»",
# "носит название", "под девизом «...»", "на тему «...»".
NAMING = frozenset({"название", "назвать", "называться", "тема", "девиз", "наименование"})


def headline_features(view: View, candidate: TitleCandidate, event: Mention) -> Features:
    """A «name» of the headline: whether the event's own word stands before it there ("В КФУ
    прошёл хакатон «Код Татарстана»", not "«Волга Дата» представила платформу") and its
    length."""
    headline = (view.doc.source.title or "").lower().replace("ё", "е")
    opening = headline.find(candidate.text.lower().replace("ё", "е"))
    stem = view.lemmas[event.stop - 1][:5]
    return {"headline": 1.0,
            "headline_type_before": float(opening > 0 and stem in headline[:opening]),
            f"headline_words{bucket(len(candidate.text.split()), 1, 3, 8)}": 1.0}


def title_features(view: View, lex: Lexicon, candidate: TitleCandidate, event: Mention,
                   first: bool) -> Features:
    if candidate.open < 0:
        return headline_features(view, candidate, event)
    gap = candidate.open - event.stop
    between = range(event.stop, candidate.open) if gap > 0 else range(0)
    sentence = view.tokens[candidate.open].sent
    words = candidate.text.split()
    found: Features = {
        f"gap{bucket(gap, -1, 0, 2, 6)}" if gap >= 0 else "before_event": 1.0,
        "same_sentence": float(sentence == event.sentence), "first": float(first),
        "blocker_between": float(any(view.lemmas[k] in BLOCKERS for k in between)),
        "blocker_before": float(candidate.open > 0 and view.lemmas[candidate.open - 1]
                                in BLOCKERS),
        "verb_between": float(any(view.tags[k].pos in ("VERB", "AUX") for k in between)),
        "punct_between": float(any(view.words[k] in (".", ";", "!", "?") for k in between)),
        "named": float(any(view.lemmas[k] in NAMING
                           for k in range(max(0, candidate.open - 3), candidate.open))),
        "org_name": float(any(m.type == "ORG" and m.token_start <= candidate.open < m.token_stop
                              for m in view.doc.need("mentions"))),
        "person_inside": float(any(m.type == "PER" and candidate.open < m.token_start
                                   < candidate.close for m in view.doc.need("mentions"))),
        f"words{bucket(len(words), 1, 3, 8)}": 1.0,
        "nested": float(any(view.depth[k] > 1 for k in range(candidate.open + 1,
                                                              candidate.close))),
        "starts_with_type": float(view.lemmas[candidate.open + 1] == event.event_type),
        "in_headline": float(bool(view.doc.source.title)
                             and candidate.text in (view.doc.source.title or "")),
    }
    return found
