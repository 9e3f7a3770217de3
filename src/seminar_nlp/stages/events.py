"""Events: the event a report is about, with its type, title, dates, place and organisers.

The event is the first noun of ``lexicons/event_types.txt`` (matched by lemmas, longest
entry first) that stands in the nominative or accusative, outside quotes and names, in a
sentence with an event verb ("прошёл", "состоялась"). A text without one reports no event.
From that sentence come the title (the «...» name right after the noun, a short phrase
allowed between unless it names a prize or a contest), the dates (``dates.py``; else from
the first sentence or the paragraph) and the place ("в ...", "на базе ...", "на площадке
...", in the nominative, venue first, then city; None online).

Organisers and partners come from the event's paragraph: "организаторами выступили X и
Y", "X провёл <event>", "<event> организовала X", "организатор — X", "совместно с X" give
organisers; "при поддержке X", "партнёром выступил X", "партнёр — X" give partners. A list
splits at commas and "и" where the next item starts a new name (a capital or a noun of
``lexicons/org_heads.txt``). The cue words are data in ``lexicons/event_cues.tsv``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from ..records import Doc, Event, Sentence
from ..resources import Morphology, Resources, read_lexicon
from .dates import first_date
from .normal import Normalizer
from .quotes import DASHES, Phrases, View, fold, make_view

EVENT_CASES = frozenset({"Nom", "Acc"})
MAX_TITLE_GAP = 5  # words between the event noun and its «title»
MAX_ROLE_GAP = 3  # words between "организатором" and "выступил" ("организатором семинара")
LIST_BREAKS = frozenset({";", ":", "—", "–"})
LIST_ENDS = ("partner_prep", "co_organizer", "list_stop", "organizer_noun", "partner_noun")
STOP_POS = frozenset({"VERB", "AUX", "SCONJ", "PRON"})
END_PUNCTUATION = frozenset({",", ".", "!", "?", "…", "и"})

Names = tuple[list[list[int]], int]  # items of a list of names (token indices), where it ended


@dataclass(frozen=True, slots=True)
class Lexicon:
    types: Mapping[tuple[str, ...], str]  # lemmas of an entry -> its event type
    longest: int
    cues: Mapping[str, Phrases]
    words: Mapping[str, frozenset[str]]  # one-word cues of each kind
    org_heads: frozenset[str]

    def cue(self, view: View, index: int, *kinds: str) -> int:
        """Length of the longest cue phrase of these kinds at ``index``, 0 if none."""
        return max((self.cues[kind].match(view, index) for kind in kinds), default=0)


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
    words = {kind: frozenset(fold(p) for p in phrases if " " not in p)
             for kind, phrases in kinds.items()}
    return Lexicon(types, max(map(len, types)),
                   {kind: Phrases.of(phrases) for kind, phrases in kinds.items()}, words,
                   frozenset(fold(line) for line in read_lexicon("org_heads.txt")))


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


def with_modifiers(view: View, match: Match) -> int:
    """First token of the event noun phrase, its adjectives included."""
    start = match.start
    while (start > match.sentence.token_start and view.depth[start - 1] == 0
           and view.tags[start - 1].pos == "ADJ" and view.is_word(start - 1)):
        start -= 1
    return start


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


# Lists of names (organisers, partners, venues)


def is_stop(view: View, index: int) -> bool:
    """A verb or a clause word ends a name; a full participle is a modifier inside it
    ("Министерство ... перерабатывающей промышленности")."""
    tag = view.tags[index]
    participle = tag.feats.get("VerbForm") == "Part" and tag.feats.get("Variant") != "Short"
    return tag.pos in STOP_POS and not participle


def first_noun(view: View, item: Sequence[int]) -> str | None:
    return next((view.lemmas[k] for k in item if view.tags[k].pos in {"NOUN", "PROPN"}), None)


def starts_name(view: View, lex: Lexicon, item: Sequence[int]) -> bool:
    """Whether a list item begins a new name rather than continuing the previous one."""
    return bool(item) and (view.tokens[item[0]].form[:1].isupper() or item[0] in view.closers
                           or first_noun(view, item) in lex.org_heads)


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


def walk(view: View, start: int, stop: int, ends: Callable[[int], bool]) -> tuple[list[int], int]:
    """Tokens from ``start`` until one ``ends`` the phrase; quotes kept, brackets left out."""
    taken: list[int] = []
    index = start
    while index < stop:
        if view.depth[index] > 0 or index in view.closers or view.words[index] == "»":
            taken.append(index)
        elif view.words[index] == "(":
            index = skip_brackets(view, index, stop)
            continue
        elif ends(index):
            break
        else:
            taken.append(index)
        index += 1
    return taken, index


def name_list(view: View, lex: Lexicon, start: int, stop: int) -> Names:
    """The names from ``start`` until a verb, a cue phrase or a break ends the list."""
    taken, index = walk(view, start, stop, lambda k: is_stop(view, k) or view.words[k] in
                        LIST_BREAKS or bool(lex.cue(view, k, *LIST_ENDS)))
    if index < stop and (is_stop(view, index)
                         or lex.cue(view, index, "organizer_noun", "partner_noun")):
        taken = before_last_comma(view, taken)  # ", конференция проводилась ..."
    items = split_items(view, lex, without_end_punctuation(view, taken))
    return [item for item in items if any(map(view.is_word, item))], index


def before_last_comma(view: View, taken: list[int]) -> list[int]:
    """The list without a clause that began at its last comma: only lower-case words stand
    between that comma and the verb or cue ("..., конференция проводилась")."""
    commas = [n for n, k in enumerate(taken) if view.words[k] == "," and view.depth[k] == 0]
    tail = taken[commas[-1] + 1:] if commas else []
    if commas and all(view.is_word(k) and view.tokens[k].form.islower() for k in tail):
        return taken[:commas[-1]]
    return taken


def without_end_punctuation(view: View, taken: list[int]) -> list[int]:
    while taken and view.words[taken[-1]] in END_PUNCTUATION:
        taken = taken[:-1]
    return taken


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
    """Lemmas that refer to the event: its own words, one-word types and the anaphors."""
    own = {view.lemmas[k] for k in range(match.start, match.stop)}
    return frozenset(own | {key[-1] for key in lex.types} | lex.words["anaphor"])


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


def refers_to_event(view: View, refs: frozenset[str], index: int) -> bool:
    """An event word, a closing «, or an object pronoun ("Его провёл ...")."""
    tag = view.tags[index]
    return (view.lemmas[index] in refs or view.words[index] == "»"
            or tag.pos == "PRON" and tag.feats.get("Case") == "Acc")


def verb_names(view: View, lex: Lexicon, refs: frozenset[str], index: int,
               sentence: tuple[int, int]) -> Names | None:
    """Organisers of "<event> провёл X" (after the verb) or "X провёл <event>" (before)."""
    before, after = neighbour(view, index, -1, *sentence), neighbour(view, index, 1, *sentence)
    if before is not None and refers_to_event(view, refs, before):
        return name_list(view, lex, index + 1, sentence[1])
    if after is None or view.lemmas[after] not in refs:
        return None
    start = index
    while start > sentence[0] and view.words[start - 1] != ",":
        start -= 1
    while start < index and not starts_name(view, lex, [start]):
        start += 1  # "18 марта Фонд X провёл семинар": the names start at "Фонд"
    return name_list(view, lex, start, index)[0], index + 1


def sentence_roles(view: View, lex: Lexicon, refs: frozenset[str],
                   sentence: Sentence) -> Iterator[tuple[str, list[int]]]:
    """(role, name) for every organiser and partner a sentence names."""
    bounds = (sentence.token_start, sentence.token_stop)
    index, organizers = bounds[0], False
    while index < bounds[1]:
        role, names = role_at(view, lex, refs, index, bounds, organizers)
        if names is None:
            index += 1
            continue
        organizers = organizers or (role == "organizer" and bool(names[0]))
        yield from ((role, item) for item in names[0])
        index = max(names[1], index + 1)


def role_at(view: View, lex: Lexicon, refs: frozenset[str], index: int,
            sentence: tuple[int, int], has_organizers: bool) -> tuple[str, Names | None]:
    """The role and the names that a cue at ``index`` introduces."""
    stop = sentence[1]
    if view.depth[index] > 0:
        return "", None
    for kind, role in (("organizer_noun", "organizer"), ("partner_noun", "partner")):
        if view.lemmas[index] in lex.words[kind]:
            begin = after_role(view, lex, index, stop)
            return role, None if begin is None else name_list(view, lex, begin, stop)
    if size := lex.cue(view, index, "partner_prep"):
        return "partner", name_list(view, lex, index + size, stop)
    if (size := lex.cue(view, index, "co_organizer")) and has_organizers:
        return "organizer", name_list(view, lex, index + size, stop)
    if view.lemmas[index] in lex.words["organizer_verb"] and view.tags[index].pos == "VERB":
        return "organizer", verb_names(view, lex, refs, index, sentence)
    return "", None


# Place


def online(view: View, lex: Lexicon, match: Match) -> bool:
    cues = lex.words["online"]
    return match.event_type in cues or any(
        view.lemmas[k] in cues or view.words[k] in cues
        for k in range(match.sentence.token_start, match.sentence.token_stop))


def inside_mention(view: View, index: int) -> bool:
    """Whether a name mention runs on through the token ("агентство по делам молодёжи")."""
    return any(m.type != "PER" and m.token_start < index < m.token_stop - 1
               for m in view.doc.need("mentions"))


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


def is_city(view: View, item: Sequence[int]) -> bool:
    return any(m.type == "LOC" and m.token_start <= item[0] and item[-1] < m.token_stop
               for m in view.doc.need("mentions"))


def unique(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(value for value in values if value))


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
