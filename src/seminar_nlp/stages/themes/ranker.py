"""Key themes of a document: noun phrases ranked against the background of Russian.

The candidates (noun phrases found with the morphology) are in ``phrases``,
their normal forms in ``forms``; this module collects them with the cue words of each
sentence, ranks them and selects the themes. A paper's back matter (the lines after
a bibliography or notes heading in its second half) gives no candidates: cited
titles and names are not what the paper is about. Nor does a common phrase said
only inside names of organisations (the NER's ORG mentions): "вычислительная
математика" of "Институт вычислительной математики ..." names the organiser.

Ranking. Occurrences weigh more early in the text (the title or first sentence
most), after a cue word of their sentence ("обсудили", "темой стало") and most
right after a strong one ("особое внимание уделено"); their weighted count is
saturated (BM25-like) and rewarded for spread, then multiplied by how rare the
lemmas are in Russian at large (wordfreq's Zipf frequency, memoised), by a
bonus for sharing lemmas with the first sentence, and by a factor for the kind
of head: names of people and organisations are entities more than themes; the
event type itself ("круглый стол") is the genre of the report, not its theme.

Selection, best first: an occurrence inside a theme taken stops counting for
the shorter candidate ("интеллект" in "искусственный интеллект"), or with news
weights counts half (a news item's tags are single words: "климат" of "изменение
климата"), and a candidate that contains or overlaps a taken theme weighs less.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache

from ...frequency import zipf
from ...records import Doc, Sentence, Theme, Token
from ...resources import Morphology, Resources
from ...vocab import QUOTE_MARKS, event_types
from .forms import Phrases
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
TYPICAL = 1000  # tokens of a typical document, for the saturation


@dataclass(frozen=True, slots=True)
class Weights:
    """The ranking's parameters; the defaults suit event reports (``news()`` suits news)."""

    max_themes: int = 12
    max_words: int = 3
    position: float = 3.0  # an occurrence in sentence s weighs 1 + position / (1 + s) ...
    cue: float = 1.0  # ... times 1 + cue * strength after a cue word of its sentence ...
    focus: float = 2.0  # ... times 1 + focus in the first phrase after a strong cue
    saturation: float = 20.0  # k: a weight F counts F (k + 1) / (F + k * tokens / TYPICAL)
    power: float = 1.2  # exponent of the saturated weight
    spread: float = 0.5  # bonus for occurrences spread over the whole document
    common: float = 9.0  # Zipf frequency at which a word carries no information
    unknown: float = 5.0  # information of a word wordfreq does not know
    sharp: float = 1.0  # exponent of a word's information
    length: float = 0.3  # a phrase's information = sum over its words / words ** length
    title: float = 0.5  # bonus for the share of a candidate's lemmas in the first sentence
    repeat: float = 0.5  # factor for a candidate that contains or overlaps a theme taken
    nested: float = 0.0  # weight left to an occurrence inside a theme taken ("интеллект")
    genre: float = 0.2  # factor for an event type ("круглый стол", "форум") or a piece of one
    # Factors by kind of head: people and organisations are entities, rarely themes.
    kinds: tuple[tuple[str, float], ...] = (("person", 0.3), ("place", 1.0),
                                            ("organisation", 0.3), ("proper", 1.0))

    @classmethod
    def news(cls) -> Weights:
        """For news, whose key phrases are mostly names and single words: chosen by
        ``benchmarks/tune_themes.py`` on ru_kw_eval news that its benchmark does not score."""
        return cls(position=4.0, cue=0.25, focus=0.0, saturation=40.0, power=1.5, spread=0.5,
                   common=10.0, unknown=5.0, sharp=1.0, length=0.8, title=0.25, repeat=0.5,
                   nested=0.5, genre=1.0, kinds=(("person", 1.5), ("place", 3.0),
                                                 ("organisation", 2.0), ("proper", 1.0)))


# Candidates and cues

def collect(doc: Doc, morph: Morphology, max_words: int) -> Candidates:
    """The candidates of a document, of up to max_words words, and its cue words."""
    lexicon = rules()
    words = analyse(doc, morph, lexicon)
    found, cues, focused = scan_sentences(doc, words, lexicon, max_words)
    kinds = {key: kind_of(words, occurrences[0], lexicon) for key, occurrences in found.items()}
    merge_aliases(found, kinds, doc.need("tokens"), words)
    sentences = doc.need("sentences")
    first = sentences[0].token_stop if sentences else 0
    capital = frozenset(key for key, big in zip(words.keys, words.capital, strict=True) if big)
    return Candidates(found, kinds, cues, frozenset(focused), capital, words.keys,
                      frozenset(words.keys[:first]), len(sentences),
                      frozenset(found) & event_pieces(morph))


@cache
def event_pieces(morph: Morphology) -> frozenset[Key]:
    """The lemmas of the event types of ``lexicons/event_types.txt`` and of their pieces
    ("стол" of "круглый стол", "награждение" of "церемония награждения")."""
    return frozenset(key[start:stop] for key in event_types(morph)
                     for start in range(len(key)) for stop in range(start + 1, len(key) + 1))


def scan_sentences(doc: Doc, words: Words, lexicon: Rules, max_words: int
                   ) -> tuple[dict[Key, list[Span]], dict[int, tuple[int, float]], set[Span]]:
    """Occurrences by key, each sentence's first cue word, the phrases after a strong cue."""
    found: dict[Key, list[Span]] = defaultdict(list)
    focused: set[Span] = set()
    cues = {}
    strengths = lexicon.numbers.get("cue", {})
    end = body_end(doc.text, lexicon["back"])
    names = organisation_names(doc)
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
                if inside_name(span, names) and not named_inside(words, span, lexicon, tokens):
                    named.add(span)
    # A common phrase said only inside names of organisations is not a theme ("вычислительная
    # математика" of "Институт вычислительной математики ..."); said elsewhere too, all count.
    for key in [key for key, occurrences in found.items() if named.issuperset(occurrences)]:
        del found[key]
    return found, cues, focused


def organisation_names(doc: Doc) -> dict[int, tuple[int, int]]:
    """Token -> the token range of the ORG mention it lies in."""
    out = {}
    for mention in doc.need("mentions"):
        if mention.type == "ORG":
            for index in range(mention.token_start, mention.token_stop):
                out[index] = (mention.token_start, mention.token_stop)
    return out


def inside_name(span: Span, names: Mapping[int, tuple[int, int]]) -> bool:
    """Whether a candidate is a piece of an organisation's name or crosses its edge
    ("вычислительная математика" of "Институт вычислительной математики ..."); the
    whole name may be one, and so may a name inside it ("ФСБ" of "ФСБ России")."""
    ranges = {names[index] for index in range(span.start, span.stop) if index in names}
    return bool(ranges) and ranges != {(span.start, span.stop)}


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


# Ranking and selection

def information(key: Key, weights: Weights) -> float:
    total = sum((weights.unknown if (frequency := zipf(lemma)) == 0
                 else max(0.1, weights.common - frequency)) ** weights.sharp for lemma in key)
    return total / len(key) ** weights.length


def cued(span: Span, cues: Mapping[int, tuple[int, float]]) -> float:
    """The strength of the cue word that the occurrence follows in its sentence, or 0."""
    index, strength = cues.get(span.sent, (span.start, 0.0))
    return strength if span.start > index else 0.0


def weight(occurrences: Mapping[Span, float], candidates: Candidates, weights: Weights
           ) -> float:
    """Saturated, position- and cue-weighted frequency, with a bonus for spread; each
    occurrence counts with its share (less than 1 inside a theme taken)."""
    if not occurrences:
        return 0.0
    sents = [span.sent for span in occurrences]
    frequency = sum(share * (1 + weights.position / (1 + span.sent))
                    * (1 + weights.cue * cued(span, candidates.cues))
                    * (1 + weights.focus * (span in candidates.focused))
                    for span, share in occurrences.items())
    if weights.saturation:
        k = weights.saturation
        frequency *= (k + 1) / (frequency + k * len(candidates.keys) / TYPICAL)
    spread = (max(sents) - min(sents)) / max(candidates.sentences, 1)
    return frequency ** weights.power * (1 + weights.spread * spread)


def echo(key: Key, occurrences: Sequence[Span], title: frozenset[str]) -> float:
    """The share of a candidate's lemmas in the first sentence, if it is not there itself."""
    if any(span.sent == 0 for span in occurrences):
        return 0.0
    return sum(lemma in title for lemma in key) / len(key)


def select(candidates: Candidates, weights: Weights) -> list[tuple[Key, float]]:
    """The best candidates, each taken in turn and discounting the ones it overlaps."""
    found, keys, by_kind = candidates.occurrences, candidates.keys, dict(weights.kinds)
    weak = rules().numbers.get("weak", {})
    factor = {key: (weak.get(keys[occurrences[0].head], 1.0) * information(key, weights)
                    * by_kind.get(candidates.kinds[key], 1.0)
                    * (weights.genre if key in candidates.genre else 1.0)
                    * (1 + weights.title * echo(key, occurrences, candidates.title)))
              for key, occurrences in found.items()}
    free = {key: dict.fromkeys(occurrences, 1.0) for key, occurrences in found.items()}
    by_sent: dict[int, list[tuple[Key, Span]]] = defaultdict(list)
    for key, occurrences in found.items():
        for span in occurrences:
            by_sent[span.sent].append((key, span))
    scores = {key: factor[key] * weight(free[key], candidates, weights) for key in found}
    chosen: list[tuple[Key, float]] = []
    while scores and len(chosen) < weights.max_themes:
        best = max(scores, key=lambda key: (scores[key], key))
        if scores[best] <= 0:
            break
        chosen.append((best, scores.pop(best)))
        inside: set[Key] = set()
        overlapping: set[Key] = set()
        for taken in found[best]:
            for key, span in by_sent[taken.sent]:
                if key in scores and taken.start <= span.start and span.stop <= taken.stop:
                    discount(free[key], span, weights.nested)
                    inside.add(key)
                elif key in scores and span.start < taken.stop and taken.start < span.stop:
                    overlapping.add(key)
        for key in overlapping:
            factor[key] *= weights.repeat
        for key in inside | overlapping:
            scores[key] = factor[key] * weight(free[key], candidates, weights)
    return chosen


def discount(shares: dict[Span, float], span: Span, nested: float) -> None:
    """An occurrence inside a theme taken counts ``nested`` of what it did, or not at all."""
    if span in shares:
        if nested:
            shares[span] *= nested
        else:
            del shares[span]


class Themes:
    """The stage: up to ``max_themes`` themes per document, best first, scored 1 at the top."""

    name = "themes"
    needs: tuple[str, ...] = ("sentences", "tokens", "tags", "lemmas", "mentions")
    provides: tuple[str, ...] = ("themes",)

    def __init__(self, resources: Resources, weights: Weights | None = None) -> None:
        self.resources = resources
        self.weights = weights or Weights()

    def __call__(self, docs: Sequence[Doc]) -> list[Doc]:
        phrases = Phrases(self.resources.morph)
        return [replace(doc, themes=self.themes(doc, phrases)) for doc in docs]

    def themes(self, doc: Doc, phrases: Phrases) -> tuple[Theme, ...]:
        candidates = collect(doc, phrases.morph, self.weights.max_words)
        chosen = select(candidates, self.weights)
        top = chosen[0][1] if chosen else 1.0
        return tuple(Theme(phrases(doc, key, candidates), round(score / top, 4), key)
                     for key, score in chosen)
