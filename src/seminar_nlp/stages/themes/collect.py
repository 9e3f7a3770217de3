"""The candidates of a document for the themes stage, with what their ranking reads of it:
cue words, the phrases after a strong cue, the chain each occurrence lies in.

A paper's back matter (the lines after a bibliography or notes heading in its second half)
gives no candidates: cited titles and names are not what the paper is about. Nor does a
common phrase said only inside names of organisations or places (the NER's ORG and LOC
mentions): "вычислительная математика" of "Институт вычислительной математики ..." names the
organiser, "автономный округ" of "Ханты-Мансийского автономного округа" and "муниципальный
район" of "Ольховского муниципального района" a place.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from functools import cache

from ...records import Doc, Sentence, Token
from ...resources import Morphology
from ...vocab import QUOTE_MARKS, event_types
from .phrases import (
    Candidates,
    Key,
    Rules,
    Span,
    Words,
    analyse,
    chains,
    kind_of,
    merge_aliases,
    rules,
    spans,
)

STRONG = 2.0  # strength of a cue word that singles a topic out
SUBJECT = 2  # times a document says a name as a subject to be about it
ENTITY_KINDS = {"PER": "person", "LOC": "place", "ORG": "organisation"}


def collect(doc: Doc, morph: Morphology, max_words: int) -> Candidates:
    """The candidates of a document, of up to max_words words, and its cue words."""
    lexicon = rules()
    words = analyse(doc, morph, lexicon)
    found, cues, focused, links = scan_sentences(doc, words, lexicon, max_words)
    kinds = {key: kind_of(words, occurrences[0], lexicon) for key, occurrences in found.items()}
    merge_aliases(found, kinds, doc.need("tokens"), words)
    sentences = doc.need("sentences")
    first = sentences[0].token_stop if sentences else 0
    capital = frozenset(key for key, big in zip(words.keys, words.capital, strict=True) if big)
    return Candidates(found, kinds, cues, frozenset(focused), capital, words.keys,
                      frozenset(words.keys[:first]), len(sentences),
                      frozenset(found) & event_pieces(morph), links, about(found, words),
                      entities(doc, found))


def about(found: Mapping[Key, Sequence[Span]], words: Words) -> frozenset[Key]:
    """The candidates a document is about: said in its first sentence (a headline), or at
    least ``SUBJECT`` times as a subject (the head in the nominative)."""
    return frozenset(key for key, occurrences in found.items()
                     if any(span.sent == 0 for span in occurrences)
                     or sum(words.cases[span.head] == "Nom" for span in occurrences) >= SUBJECT)


def entities(doc: Doc, found: Mapping[Key, Sequence[Span]]) -> dict[Key, str]:
    """The candidates of which an occurrence is a whole name the NER found, with its kind."""
    names = {(mention.token_start, mention.token_stop): ENTITY_KINDS[mention.type]
             for mention in doc.need("mentions") if mention.type in ENTITY_KINDS}
    out = {}
    for key, occurrences in found.items():
        kind = next((names[span.start, span.stop] for span in occurrences
                     if (span.start, span.stop) in names), None)
        if kind is not None:
            out[key] = kind
    return out


@cache
def event_pieces(morph: Morphology) -> frozenset[Key]:
    """The lemmas of the event types of ``lexicons/event_types.txt`` and of their pieces
    ("стол" of "круглый стол", "награждение" of "церемония награждения")."""
    return frozenset(key[start:stop] for key in event_types(morph)
                     for start in range(len(key)) for stop in range(start + 1, len(key) + 1))


Scan = tuple[dict[Key, list[Span]], dict[int, tuple[int, float]], set[Span],
             dict[Span, tuple[int, int]]]


def scan_sentences(doc: Doc, words: Words, lexicon: Rules, max_words: int) -> Scan:
    """Occurrences by key, each sentence's first cue word, the phrases after a strong cue,
    and the token range of the chain each occurrence lies in."""
    found: dict[Key, list[Span]] = defaultdict(list)
    links: dict[Span, tuple[int, int]] = {}
    focused: set[Span] = set()
    cues = {}
    strengths = lexicon.numbers.get("cue", {})
    end = body_end(doc.text, lexicon["back"])
    names, places = name_ranges(doc, "ORG"), name_ranges(doc, "LOC")
    tokens = doc.need("tokens")
    named: set[Span] = set()
    for number, sent in enumerate(doc.need("sentences")):
        if sent.start >= end:
            break
        cue = first_cue(words, sent, strengths)
        if cue >= 0:
            cues[number] = (cue, strengths[words.keys[cue]])
        strong = cue >= 0 and strengths[words.keys[cue]] >= STRONG
        for chain in chains(words, sent.token_start, sent.token_stop):
            found_spans = spans(chain, words, number, lexicon, max_words)
            if strong and found_spans and chain[0].start > cue:
                focused.update(found_spans)  # "особое внимание уделено вопросам подготовки кадров"
                strong = False
            for span in found_spans:
                found[words.keys[span.start:span.stop]].append(span)
                links[span] = (chain[0].start, chain[-1].stop)
                if (inside_name(span, names) or inside_place(span, places)) and \
                        not named_inside(words, span, lexicon, tokens):
                    named.add(span)
    # A common phrase said only inside names of organisations or places is not a theme
    # ("вычислительная математика" of "Институт вычислительной математики ...", "автономный
    # округ" of "Ямало-Ненецкого автономного округа"); said elsewhere too, all count.
    for key in [key for key, occurrences in found.items() if named.issuperset(occurrences)]:
        del found[key]
    return found, cues, focused, links


def name_ranges(doc: Doc, kind: str) -> dict[int, tuple[int, int]]:
    """Token -> the token range of the mention of that type it lies in (of nested ones, the
    inner: mentions come outer first)."""
    out = {}
    for mention in doc.need("mentions"):
        if mention.type == kind:
            for index in range(mention.token_start, mention.token_stop):
                out[index] = (mention.token_start, mention.token_stop)
    return out


def inside_name(span: Span, names: Mapping[int, tuple[int, int]]) -> bool:
    """Whether a candidate is a piece of an organisation's name or crosses its edge
    ("вычислительная математика" of "Институт вычислительной математики ..."); the
    whole name may be one, and so may a name inside it ("ФСБ" of "ФСБ России")."""
    ranges = {names[index] for index in range(span.start, span.stop) if index in names}
    return bool(ranges) and ranges != {(span.start, span.stop)}


def inside_place(span: Span, places: Mapping[int, tuple[int, int]]) -> bool:
    """Whether a candidate holds a piece of a place's name and not all of it ("автономный
    округ" of "Ханты-Мансийского автономного округа", "спорт Республики" of "... спорта
    Республики Карелия"); one that holds the whole name is a theme with a place in it
    ("выборы Индонезии", "независимость Косово")."""
    ranges = {places[index] for index in range(span.start, span.stop) if index in places}
    return any(not (span.start <= first and last <= span.stop) for first, last in ranges)


def named_inside(words: Words, span: Span, lexicon: Rules, tokens: Sequence[Token]) -> bool:
    """A name inside an organisation's name is a candidate of its own ("ФСБ" of "ФСБ
    России", "Россия" of "Единая Россия", "Росатом" of "госкорпорация «Росатом»"),
    unlike a piece of it ("Институт вычислительной математики" of "... и информационных
    технологий КФУ", "Системс" of "ООО «ТелеМед Системс»")."""
    kind = kind_of(words, span, lexicon)
    if kind == "proper":
        return 0 < span.start and span.stop < len(tokens) and \
            tokens[span.start - 1].form in QUOTE_MARKS and tokens[span.stop].form in QUOTE_MARKS
    return kind in ("person", "place") or kind == "organisation" and span.stop - span.start == 1


def body_end(text: str, headings: frozenset[str]) -> int:
    """Where the back matter starts (a bibliography heading in the second half), or the end."""
    offset = 0
    for line in text.splitlines(keepends=True):
        if offset >= len(text) / 2 and line.strip().rstrip(":").strip().lower() in headings:
            return offset
        offset += len(line)
    return len(text)


def first_cue(words: Words, sent: Sentence, strengths: Mapping[str, float]) -> int:
    return next((index for index in range(sent.token_start, sent.token_stop)
                 if words.keys[index] in strengths), -1)
