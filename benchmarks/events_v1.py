"""The events extractor as it was before the fitted event card (kept as the Events
benchmark's baseline, run in the same process as the new one).

Events: the event a report is about, with its type, title, dates, place and organisers.

The event is the first noun of ``lexicons/event_types.txt`` (matched by lemmas, longest
entry first) that stands in the nominative or accusative, outside quotes and names, in a
sentence with an event verb ("прошёл", "состоялась"). A text without one reports no event.
From that sentence come the title (the «...» name right after the noun, a short phrase
allowed between unless it names a prize or a contest), the dates (``dates.py``; else from
the first sentence or the paragraph) and the place ("в ...", "на базе ...", "на площадке
...", in the nominative, venue first, then city; None online).

Organisers and partners come from the event's paragraph (``names.py``, which also holds
the stage's lexicon of event types and cue words).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cached_property

from seminar_nlp.normal.forms import Normalizer
from seminar_nlp.records import Doc, Event, Sentence
from seminar_nlp.resources import Resources
from seminar_nlp.stages.events.dates import first_date
from seminar_nlp.stages.events.match import Match, unique, with_modifiers
from seminar_nlp.stages.events.names import (
    LIST_BREAKS,
    STOP_POS,
    Lexicon,
    first_noun,
    is_stop,
    load_lexicon,
    sentence_roles,
    split_items,
    starts_name,
    walk,
    without_end_punctuation,
)
from seminar_nlp.stages.events.place import inside_mention, is_city, online
from seminar_nlp.stages.view import View, make_view

EVENT_CASES = frozenset({"Nom", "Acc"})
MAX_TITLE_GAP = 5  # words between the event noun and its «title»




# Finding the event


def lexicon_matches(view: View, lex: Lexicon, sentence: Sentence) -> Iterator[Match]:
    index = sentence.token_start
    while index < sentence.token_stop:
        size = next((n for n in range(lex.longest, 0, -1)
                     if view.lemmas[index:index + n] in lex.types), 0)
        if size and view.depth[index] == 0:
            yield Match(index, index + size, lex.types[view.lemmas[index:index + size]],
                        sentence)
        index += max(size, 1)


def head_case(view: View, match: Match) -> str | None:
    return next((view.tags[k].feats.get("Case") for k in range(match.start, match.stop)
                 if view.tags[k].pos in {"NOUN", "PROPN"}), None)


def inside_name(view: View, match: Match) -> bool:
    """Part of a name that starts before it ("Московская школа управления")."""
    return any(m.token_start < match.start < m.token_stop for m in view.doc.need("mentions"))


def has_event_verb(view: View, lex: Lexicon, sentence: Sentence) -> bool:
    return any(view.depth[k] == 0 and view.lemmas[k] in lex.words["event_verb"]
               and view.tags[k].pos in {"VERB", "AUX"}
               for k in range(sentence.token_start, sentence.token_stop))


def find_event(view: View, lex: Lexicon) -> Match | None:
    for sentence in view.doc.need("sentences"):
        if has_event_verb(view, lex, sentence):
            for match in lexicon_matches(view, lex, sentence):
                if head_case(view, match) in EVENT_CASES and not inside_name(view, match):
                    return match
    return None




# Title and dates


def title_after(view: View, lex: Lexicon, match: Match) -> str | None:
    """The «name» right after the event noun, a short phrase allowed between."""
    for index in range(match.stop, min(match.stop + MAX_TITLE_GAP + 1, len(view.tokens))):
        closer = view.closers.get(index)
        if closer is not None:
            tokens = view.tokens[index + 1:closer]
            return view.doc.text[tokens[0].start:tokens[-1].stop] if tokens else None
        if (not view.is_word(index) or view.tags[index].pos in STOP_POS
                or view.lemmas[index] in lex.words["title_blocker"]):
            return None
    return None


def event_dates(view: View, match: Match) -> tuple[str | None, str | None]:
    """Dates of the event sentence, else the first sentence, else the event's paragraph."""
    sentences = view.doc.need("sentences")
    paragraph = [s for s in sentences
                 if view.paragraphs[s.token_start] == view.paragraphs[match.start]]
    spans = [(s.start, s.stop) for s in [match.sentence, sentences[0], *paragraph]]
    return first_date(view.doc.text, spans, view.doc.source.date)


# Organisers and partners (the lists are read in names.py)


def event_refs(view: View, lex: Lexicon, match: Match) -> frozenset[str]:
    """Lemmas that refer to the event: its own words, one-word types and the anaphors."""
    own = {view.lemmas[k] for k in range(match.start, match.stop)}
    return frozenset(own | {key[-1] for key in lex.types} | lex.words["anaphor"])


# Place






def place_phrase(view: View, match: Match, start: int) -> list[int]:
    """Tokens of a venue phrase from ``start``: up to a verb, a comma, a number, the event
    noun or a preposition that no name runs on through."""
    def ends(k: int) -> bool:
        word = view.words[k]
        return (is_stop(view, k) or word in LIST_BREAKS or word == ","
                or (view.tags[k].pos == "ADP" and not inside_mention(view, k))
                or any(ch.isdigit() for ch in word) or match.start <= k < match.stop)

    return without_end_punctuation(view, walk(view, start, match.sentence.token_stop, ends)[0])


def place_items(view: View, lex: Lexicon, match: Match) -> Iterator[list[int]]:
    """Venues and cities that the event sentence names after a venue preposition."""
    index = match.sentence.token_start
    while index < match.sentence.token_stop:
        size = lex.cue(view, index, "venue") if view.depth[index] == 0 else 0
        if not size:
            index += 1
            continue
        phrase = place_phrase(view, match, index + size)
        yield from (item for item in split_items(view, lex, phrase)
                    if plausible_place(view, lex, item))
        index = max(index + size, phrase[-1] + 1 if phrase else 0)


def plausible_place(view: View, lex: Lexicon, item: Sequence[int]) -> bool:
    head = first_noun(view, item)
    if head is None or head in lex.words["not_place"]:
        return False
    return starts_name(view, lex, item) or any(
        m.type != "PER" and m.token_start <= k < m.token_stop
        for m in view.doc.need("mentions") for k in item)






class EventsV1:
    name = "events"
    needs: tuple[str, ...] = ("sentences", "tokens", "tags", "lemmas", "mentions", "normals")
    provides: tuple[str, ...] = ("events",)

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    @cached_property
    def lexicon(self) -> Lexicon:
        """The stage's lexicon with the event types it had (``events_v1_types.txt``)."""
        from dataclasses import replace as changed
        from pathlib import Path

        lexicon = load_lexicon(self.resources.morph)
        lines = (Path(__file__).with_name("events_v1_types.txt").read_text(encoding="utf-8")
                 .splitlines())
        old = {line.partition("\t")[2].strip() or line.strip() for line in lines
               if line.strip() and not line.startswith("#")}
        types = {key: kind for key, kind in lexicon.types.items() if kind in old}
        return changed(lexicon, types=types, longest=max(map(len, types)))

    @cached_property
    def normalizer(self) -> Normalizer:
        return Normalizer(self.resources.morph)

    def __call__(self, docs: Sequence[Doc]) -> list[Doc]:
        return [replace(doc, events=self.doc_events(doc)) for doc in docs]

    def doc_events(self, doc: Doc) -> tuple[Event, ...]:
        view = make_view(doc)
        match = find_event(view, self.lexicon)
        if match is None:
            return ()
        start = view.tokens[with_modifiers(view, match)].start
        organizers, partners = self.organisations(view, match)
        return (Event(match.event_type, start, view.tokens[match.stop - 1].stop,
                      title_after(view, self.lexicon, match), *event_dates(view, match),
                      self.place(view, match), organizers, partners),)

    def normal(self, view: View, item: Sequence[int], kind: str = "ORG") -> str:
        return self.normalizer.phrase([view.tokens[k] for k in item],
                                      [view.tags[k] for k in item], kind).text

    def organisations(self, view: View, match: Match) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Organisers and partners named in the event's paragraph (people left out)."""
        refs = event_refs(view, self.lexicon, match)
        people = {(m.token_start, m.token_stop) for m in view.doc.need("mentions")
                  if m.type == "PER"}
        found: dict[str, list[str]] = {"organizer": [], "partner": []}
        for sentence in view.doc.need("sentences"):
            if (sentence.token_start < match.sentence.token_start
                    or view.paragraphs[sentence.token_start] != view.paragraphs[match.start]):
                continue
            for role, item in sentence_roles(view, self.lexicon, refs, sentence):
                if (item[0], item[-1] + 1) not in people:
                    found[role].append(self.normal(view, item))
        return unique(found["organizer"]), unique(found["partner"])

    def place(self, view: View, match: Match) -> str | None:
        if online(view, self.lexicon, match):
            return None
        venues, cities = [], []
        for item in place_items(view, self.lexicon, match):
            if is_city(view, item):
                cities.append(self.normal(view, item, "LOC"))
            else:
                venues.append(self.normal(view, item))
        return ", ".join(unique(venues + cities)) or None
