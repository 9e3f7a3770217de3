"""Events: the event a report is about, with its type, title, dates, place and organisers.

The event is the first noun of the event lexicon (``lexicons/event_types.txt``, matched by
lemmas, longest entry first) that stands in the nominative or accusative outside quotes
and names, in a sentence with an event verb ("прошёл", "состоялась", "провели"). A text
without one reports no event. From that sentence come:

- the title: the «...» name right after the event noun, a short phrase allowed between
  ("семинар для учителей «...»"), unless that phrase names a prize or a contest;
- the dates (``dates.py``): the first date of the event sentence, else of the first
  sentence, else of the rest of its paragraph;
- the place: "в ...", "на базе ...", "на площадке ..." phrases, put in the nominative,
  venue first, then city ("Технопарк «Академпарк», Новосибирск"); None online.

Organisers and partners come from the event's paragraph: "организаторами выступили X и
Y", "X провёл <event>", "<event> организовала X", "организатор — X", "совместно с X" give
organisers; "при поддержке X", "(генеральным) партнёром выступил X", "партнёр — X" give
partners. A list of names splits at commas and "и" where the next item starts a new name
(a capital, or a noun of ``lexicons/org_heads.txt``). The cue words are data in
``lexicons/event_cues.tsv``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from ..records import Doc, Event, Sentence
from ..resources import Morphology, Resources, read_lexicon
from .dates import find_dates, resolve
from .normal import Normalizer
from .quotes import DASHES, Phrases, View, fold, make_view

EVENT_CASES = frozenset({"Nom", "Acc"})
MAX_TITLE_GAP = 5  # words between the event noun and its «title»
MAX_ROLE_GAP = 3  # words between "организатором" and "выступил" ("организатором семинара")
LIST_BREAKS = frozenset({";", ":", "—", "–"})
STOP_POS = frozenset({"VERB", "AUX", "SCONJ", "PRON"})
PLACE_ADP = frozenset({"по", "для"})  # prepositions that may stay inside a venue name


@dataclass(frozen=True, slots=True)
class Lexicon:
    types: Mapping[tuple[str, ...], str]  # lemmas of an entry -> its event type
    longest: int
    cues: Mapping[str, Phrases]
    words: Mapping[str, frozenset[str]]  # one-word cues of each kind
    org_heads: frozenset[str]


def load_lexicon(morph: Morphology) -> Lexicon:
    types: dict[tuple[str, ...], str] = {}
    for line in read_lexicon("event_types.txt"):
        entry, _, normal = line.partition("\t")
        key = tuple(fold(str(morph.parse(word)[0].normal_form)) for word in entry.split())
        types[key] = normal.strip() or entry
    kinds: dict[str, list[str]] = {}
    for line in read_lexicon("event_cues.tsv"):
        kind, phrase = line.split("\t")
        kinds.setdefault(kind, []).append(phrase)
    cues = {kind: Phrases.of(phrases) for kind, phrases in kinds.items()}
    words = {kind: frozenset(fold(p) for p in phrases if " " not in p)
             for kind, phrases in kinds.items()}
    heads = frozenset(fold(line) for line in read_lexicon("org_heads.txt"))
    return Lexicon(types, max(map(len, types)), cues, words, heads)


@dataclass(frozen=True, slots=True)
class Match:
    """The event noun (tokens start..stop) in its sentence."""

    start: int
    stop: int
    event_type: str
    sentence: Sentence


# Finding the event


def lexicon_matches(view: View, lex: Lexicon, sentence: Sentence) -> Iterator[Match]:
    index = sentence.token_start
    while index < sentence.token_stop:
        size = next((n for n in range(lex.longest, 0, -1)
                     if tuple(view.lemmas[index:index + n]) in lex.types), 0)
        if size and view.depth[index] == 0:
            key = tuple(view.lemmas[index:index + size])
            yield Match(index, index + size, lex.types[key], sentence)
        index += max(size, 1)


def head_case(view: View, match: Match) -> str | None:
    for index in range(match.start, match.stop):
        if view.tags[index].pos in {"NOUN", "PROPN"}:
            return view.tags[index].feats.get("Case")
    return None


def inside_name(view: View, match: Match) -> bool:
    """Part of a name that starts before it ("Московская школа управления")."""
    return any(m.token_start < match.start < m.token_stop for m in view.doc.need("mentions"))


def has_event_verb(view: View, lex: Lexicon, sentence: Sentence) -> bool:
    return any(view.depth[index] == 0 and view.lemmas[index] in lex.words["event_verb"]
               and view.tags[index].pos in {"VERB", "AUX"}
               for index in range(sentence.token_start, sentence.token_stop))


def find_event(view: View, lex: Lexicon) -> Match | None:
    for sentence in view.doc.need("sentences"):
        if not has_event_verb(view, lex, sentence):
            continue
        for match in lexicon_matches(view, lex, sentence):
            if head_case(view, match) in EVENT_CASES and not inside_name(view, match):
                return match
    return None


def with_modifiers(view: View, match: Match) -> int:
    """First token of the event noun phrase, its adjectives included."""
    start = match.start
    while (start > match.sentence.token_start and view.depth[start - 1] == 0
           and view.tags[start - 1].pos == "ADJ" and view.is_word(start - 1)):
        start -= 1
    return start


# Title


def title_after(view: View, lex: Lexicon, match: Match) -> str | None:
    """The «name» right after the event noun, a short phrase allowed between."""
    for index in range(match.stop, min(match.stop + MAX_TITLE_GAP + 1, len(view.tokens))):
        closer = view.closers.get(index)
        if closer is not None:
            if closer - index < 2:
                return None
            return view.doc.text[view.tokens[index + 1].start:view.tokens[closer - 1].stop]
        if (not view.is_word(index) or view.tags[index].pos in STOP_POS
                or view.lemmas[index] in lex.words["title_blocker"]):
            return None
    return None


# Date


def event_dates(view: View, match: Match) -> tuple[str | None, str | None]:
    """Dates of the event sentence, else the first sentence, else the event's paragraph."""
    sentences = view.doc.need("sentences")
    paragraph = view.paragraphs[match.start]
    order = [match.sentence, sentences[0]] + [
        s for s in sentences if view.paragraphs[s.token_start] == paragraph]
    for sentence in order:
        text = view.doc.text[sentence.start:sentence.stop]
        for span in find_dates(text, sentence.start):
            return resolve(span, view.doc.source.date)
    return None, None


# Lists of names (organisers, partners, venues)


def is_capital(view: View, index: int) -> bool:
    form = view.tokens[index].form
    return form[:1].isupper() or form in {"«", "„", "\""}


def first_noun(view: View, item: Sequence[int]) -> str | None:
    return next((view.lemmas[k] for k in item if view.tags[k].pos in {"NOUN", "PROPN"}), None)


def starts_name(view: View, lex: Lexicon, item: Sequence[int]) -> bool:
    """Whether a list item begins a new name rather than continuing the previous one."""
    return bool(item) and (is_capital(view, item[0]) or first_noun(view, item) in lex.org_heads)


def cue_at(view: View, lex: Lexicon, index: int, kinds: Sequence[str]) -> int:
    return max((lex.cues[kind].match(view, index) for kind in kinds if kind in lex.cues),
               default=0)


LIST_ENDS = ("partner_prep", "co_organizer", "list_stop", "organizer_noun", "partner_noun")


@dataclass(frozen=True, slots=True)
class Names:
    """Items of a list of names (token indices each) and where the list ended."""

    items: tuple[tuple[int, ...], ...]
    stop: int


def split_items(view: View, lex: Lexicon, tokens: Sequence[int]) -> list[list[int]]:
    """Split at "," and "и"; an item that starts no new name joins the previous one."""
    items: list[list[int]] = [[]]
    for index in tokens:
        if view.words[index] in {",", "и"} and view.depth[index] == 0 and items[-1]:
            items.append([index])
        else:
            items[-1].append(index)
    merged: list[list[int]] = []
    for item in items:
        words = [k for k in item if not (k == item[0] and view.words[k] in {",", "и"})]
        if merged and not starts_name(view, lex, words):
            merged[-1].extend(item)
        elif words:
            merged.append(words)
    return merged


def name_list(view: View, lex: Lexicon, start: int, stop: int) -> Names:
    """The names from ``start`` until a verb, a cue phrase or a break ends the list."""
    taken: list[int] = []
    index, dropped = start, False
    while index < stop:
        word = view.words[index]
        if view.depth[index] > 0 or view.closers.get(index) is not None or word == "»":
            taken.append(index)
        elif word == "(":
            index = skip_brackets(view, index, stop)
            continue
        elif (view.tags[index].pos in STOP_POS or word in LIST_BREAKS
              or cue_at(view, lex, index, LIST_ENDS)):
            dropped = view.tags[index].pos in STOP_POS or bool(
                cue_at(view, lex, index, ("organizer_noun", "partner_noun")))
            break
        else:
            taken.append(index)
        index += 1
    items = split_items(view, lex, taken)
    if dropped and len(items) > 1 and trailing_clause(view, taken, items[-1]):
        items.pop()  # ", конференция проводилась ..." / ", генеральным партнёром ..."
    return Names(tuple(tuple(item) for item in items if any(map(view.is_word, item))), index)


def trailing_clause(view: View, taken: Sequence[int], last: Sequence[int]) -> bool:
    """Whether the last item follows a comma (a new clause), not "и"."""
    position = taken.index(last[0])
    return position > 0 and view.words[taken[position - 1]] == ","


def skip_brackets(view: View, index: int, stop: int) -> int:
    depth = 0
    while index < stop:
        depth += {"(": 1, ")": -1}.get(view.words[index], 0)
        index += 1
        if depth == 0:
            break
    return index


# Organisers and partners


def event_refs(view: View, lex: Lexicon, match: Match) -> frozenset[str]:
    """Lemmas that refer to the event: its own words and the anaphors."""
    own = {view.lemmas[k] for k in range(match.start, match.stop)}
    single = {key[-1] for key in lex.types}
    return frozenset(own | single | lex.words.get("anaphor", frozenset()))


def after_role(view: View, lex: Lexicon, index: int, stop: int) -> int | None:
    """Start of the names after "организатором (семинара) выступил" or "партнёр —"."""
    for k in range(index + 1, min(index + 2 + MAX_ROLE_GAP, stop)):
        if view.words[k] in DASHES:
            return k + 1
        if view.tags[k].pos in {"VERB", "AUX"}:
            return k + 1 if view.lemmas[k] in lex.words["copula"] else None
        if not view.is_word(k):
            return None
    return None


def neighbour(view: View, index: int, step: int, start: int, stop: int) -> int | None:
    """The nearest word before or after, skipping adverbs and particles."""
    k = index + step
    while start <= k < stop and view.tags[k].pos in {"ADV", "PART"}:
        k += step
    return k if start <= k < stop else None


def verb_names(view: View, lex: Lexicon, refs: frozenset[str], index: int,
               sentence: tuple[int, int]) -> Names | None:
    """Organisers of "<event> провёл X" (after the verb) or "X провёл <event>" (before)."""
    before = neighbour(view, index, -1, *sentence)
    after = neighbour(view, index, 1, *sentence)
    if before is not None and (view.lemmas[before] in refs or view.words[before] == "»"):
        return name_list(view, lex, index + 1, sentence[1])
    if after is not None and view.lemmas[after] in refs:
        start = index
        while start > sentence[0] and view.words[start - 1] != ",":
            start -= 1
        return Names(name_list(view, lex, start, index).items, index + 1)
    return None


@dataclass(frozen=True, slots=True)
class Found:
    """Organisations found in one sentence, by role."""

    organizers: list[tuple[int, ...]]
    partners: list[tuple[int, ...]]


def sentence_roles(view: View, lex: Lexicon, refs: frozenset[str], start: int,
                   stop: int) -> Found:
    found = Found([], [])
    index = start
    while index < stop:
        names, role = role_at(view, lex, refs, index, (start, stop), bool(found.organizers))
        if names is None:
            index += 1
            continue
        (found.organizers if role == "organizer" else found.partners).extend(names.items)
        index = max(names.stop, index + 1)
    return found


def role_at(view: View, lex: Lexicon, refs: frozenset[str], index: int,
            sentence: tuple[int, int], has_organizers: bool) -> tuple[Names | None, str]:
    """The names a cue at ``index`` introduces, and their role."""
    if view.depth[index] > 0:
        return None, ""
    stop = sentence[1]
    for kind, role in (("organizer_noun", "organizer"), ("partner_noun", "partner")):
        if view.lemmas[index] in lex.words.get(kind, frozenset()):
            begin = after_role(view, lex, index, stop)
            return (None if begin is None else name_list(view, lex, begin, stop)), role
    size = cue_at(view, lex, index, ("partner_prep",))
    if size:
        return name_list(view, lex, index + size, stop), "partner"
    size = cue_at(view, lex, index, ("co_organizer",))
    if size and has_organizers:
        return name_list(view, lex, index + size, stop), "organizer"
    if (view.lemmas[index] in lex.words["organizer_verb"]
            and view.tags[index].pos in {"VERB", "AUX"}):
        return verb_names(view, lex, refs, index, sentence), "organizer"
    return None, ""


def paragraph_sentences(view: View, match: Match) -> list[Sentence]:
    paragraph = view.paragraphs[match.start]
    return [s for s in view.doc.need("sentences")
            if s.token_start >= match.sentence.token_start
            and view.paragraphs[s.token_start] == paragraph]


def unique(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(value for value in values if value))


# Place


def online(view: View, lex: Lexicon, match: Match) -> bool:
    cues = lex.words.get("online", frozenset())
    return match.event_type in cues or any(
        view.lemmas[k] in cues or view.words[k] in cues
        for k in range(match.sentence.token_start, match.sentence.token_stop))


def place_phrase(view: View, match: Match, start: int) -> list[int]:
    """Tokens of a venue phrase from ``start`` (brackets left out)."""
    taken: list[int] = []
    index, stop = start, match.sentence.token_stop
    while index < stop and not match.start <= index < match.stop:
        word, pos = view.words[index], view.tags[index].pos
        if view.depth[index] == 0 and view.closers.get(index) is None and word != "»":
            if word == "(":
                index = skip_brackets(view, index, stop)
                continue
            if (pos in STOP_POS or (pos == "ADP" and word not in PLACE_ADP)
                    or word in LIST_BREAKS or word == "," or any(ch.isdigit() for ch in word)):
                break
        taken.append(index)
        index += 1
    return taken


def plausible_place(view: View, lex: Lexicon, item: Sequence[int]) -> bool:
    head = first_noun(view, item)
    if head is None or head in lex.words.get("not_place", frozenset()):
        return False
    named = any(m.type != "PER" and m.token_start <= item[0] < m.token_stop
                for m in view.doc.need("mentions"))
    return named or is_capital(view, item[0]) or head in lex.org_heads


def is_city(view: View, item: Sequence[int]) -> bool:
    return any(m.type == "LOC" and m.token_start <= item[0] and item[-1] < m.token_stop
               for m in view.doc.need("mentions"))


class Events:
    name = "events"
    needs: tuple[str, ...] = ("sentences", "tokens", "tags", "lemmas", "mentions", "normals")
    provides: tuple[str, ...] = ("events",)

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    @cached_property
    def lexicon(self) -> Lexicon:
        return load_lexicon(self.resources.morph)

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
        date, date_end = event_dates(view, match)
        organizers, partners = self.organisations(view, match)
        return (Event(match.event_type, start, view.tokens[match.stop - 1].stop,
                      title_after(view, self.lexicon, match), date, date_end,
                      self.place(view, match), organizers, partners),)

    def normal(self, view: View, item: Sequence[int], kind: str = "ORG") -> str:
        return self.normalizer.phrase([view.tokens[k] for k in item],
                                      [view.tags[k] for k in item], kind).text

    def organisations(self, view: View, match: Match) -> tuple[tuple[str, ...], tuple[str, ...]]:
        lex = self.lexicon
        refs = event_refs(view, lex, match)
        organizers: list[str] = []
        partners: list[str] = []
        persons = {(m.token_start, m.token_stop) for m in view.doc.need("mentions")
                   if m.type == "PER"}
        for sentence in paragraph_sentences(view, match):
            found = sentence_roles(view, lex, refs, sentence.token_start, sentence.token_stop)
            for items, out in ((found.organizers, organizers), (found.partners, partners)):
                out.extend(self.normal(view, item) for item in items
                           if (item[0], item[-1] + 1) not in persons)
        return unique(organizers), unique(partners)

    def place(self, view: View, match: Match) -> str | None:
        lex = self.lexicon
        if online(view, lex, match):
            return None
        venues: list[str] = []
        cities: list[str] = []
        sentence = match.sentence
        index = sentence.token_start
        while index < sentence.token_stop:
            size = cue_at(view, lex, index, ("venue",)) if view.depth[index] == 0 else 0
            if not size:
                index += 1
                continue
            phrase = place_phrase(view, match, index + size)
            for item in split_items(view, lex, phrase):
                if plausible_place(view, lex, item):
                    city = is_city(view, item)
                    (cities if city else venues).append(
                        self.normal(view, item, "LOC" if city else "ORG"))
            index = max(index + size, phrase[-1] + 1 if phrase else 0)
        return ", ".join(unique(venues + cities)) or None
