"""Key themes of a document: noun phrases ranked against the background of Russian.

Candidates. In a sentence, a noun group is a noun (or a run of proper names in
one case, "Дональд Трамп") with the modifiers before it that agree in case;
groups in the genitive attach to the group before them ("внедрение | технологий
| искусственного интеллекта"). Each piece of such a chain that opens at a group
(or inside its modifiers) and ends at a noun is a candidate, keyed by its
lemmas. An acronym of a candidate's initials ("ИИ") and a surname alone
("Трамп") count as occurrences of the longer candidate.

Ranking. Occurrences weigh more early in the text (the title or first sentence
most), after a cue word of their sentence ("обсудили", "темой стало") and most
right after a strong one ("особое внимание уделено"); their weighted count is
saturated (BM25-like) and rewarded for spread, then multiplied by how rare the
lemmas are in Russian at large (wordfreq's Zipf frequency, memoised), by a
bonus for sharing lemmas with the first sentence, and by a factor for the kind
of head: names of people and organisations are entities more than themes.

Selection, best first: an occurrence inside a theme taken stops counting for
the shorter candidate ("интеллект" in "искусственный интеллект"), and a
candidate that contains or overlaps a taken theme weighs less.

Normal form: the head noun in the nominative, its modifiers agreeing, the
complements as written ("подготовки кадров" -> "подготовка кадров"); names of
people through the person normaliser. Word lists are ``lexicons/themes.tsv``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from ..records import Doc, Tag, Theme, Token
from ..resources import Morphology, Resources, read_lexicon
from .lemma import agreement
from .normal import Found, Normalizer, clean_word, is_acronym, join

Key = tuple[str, ...]
WORD = re.compile(r"[^\W\d_]+(?:-[^\W_]+)*")
PERSON_GRAMS = frozenset({"Name", "Surn", "Patr"})
OPENERS = frozenset("«\"“„([—–-:")
ENDINGS = frozenset({".", "!", "?", "…", ";"})
MAX_NAME = 3  # tokens in a run of names
STRONG = 2.0  # strength of a cue word that singles a topic out
TYPICAL = 1000  # tokens of a typical document, for the saturation
# Classes of neighbouring proper names that make one name ("Реджеп Эрдоган", "Нью Эйдж");
# an acronym, a place or an organisation never joins ("МИД РФ Сергей Лавров" is three).
JOINING = frozenset({frozenset({"person"}), frozenset({"person", "other"}), frozenset({"other"}),
                     frozenset({"word"}), frozenset({"word", "other"})})


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
    # Factors by kind of head: people and organisations are entities, rarely themes.
    kinds: tuple[tuple[str, float], ...] = (("person", 0.3), ("place", 1.0),
                                            ("organisation", 0.3), ("proper", 1.0))

    @classmethod
    def news(cls) -> Weights:
        """For news, whose key phrases are mostly names and single words (tuned on ru_kw_eval)."""
        return cls(position=6.0, cue=0.5, focus=0.0, saturation=0.0, spread=1.0, unknown=3.0,
                   sharp=1.5, length=0.5, title=0.0, repeat=0.8,
                   kinds=(("person", 1.5), ("place", 2.0), ("organisation", 2.0),
                          ("proper", 2.0)))


@dataclass(frozen=True, slots=True)
class Rules:
    """Word lists of ``lexicons/themes.tsv`` by kind (see its header), with their numbers."""

    lists: Mapping[str, frozenset[str]]
    numbers: Mapping[str, Mapping[str, float]]  # "weak" and "cue" weights

    def __getitem__(self, kind: str) -> frozenset[str]:
        return self.lists.get(kind, frozenset())


@cache
def rules() -> Rules:
    lists: dict[str, set[str]] = defaultdict(set)
    numbers: dict[str, dict[str, float]] = defaultdict(dict)
    for line in read_lexicon("themes.tsv"):
        kind, lemma, *rest = line.split("\t")
        lists[kind].add(lemma)
        if rest:
            numbers[kind][lemma] = float(rest[0])
    return Rules({kind: frozenset(words) for kind, words in lists.items()}, dict(numbers))


@lru_cache(maxsize=500_000)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of a Russian word (0 when unknown), memoised."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "ru"))


def key_lemma(lemma: str) -> str:
    return lemma.lower().replace("ё", "е")


# Candidates

@dataclass(frozen=True, slots=True)
class Words:
    """What the chunker needs of each token of a document."""

    kinds: tuple[str, ...]  # "mod", "noun", "name", or "" for a word that ends a group
    cases: tuple[str, ...]
    keys: tuple[str, ...]  # lemmas in lower case, ё as е
    names: tuple[str, ...]  # class of each name (see name_class), "" for other words
    capital: tuple[bool, ...]  # capitalised inside a sentence


def analyse(doc: Doc, morph: Morphology, lexicon: Rules) -> Words:
    tokens, tags = doc.need("tokens"), doc.need("tags")
    keys = tuple(key_lemma(lemma) for lemma in doc.need("lemmas"))
    cases = [tag.feats.get("Case", "") for tag in tags]
    kinds, names = [], []
    for index, (token, tag, key) in enumerate(zip(tokens, tags, keys, strict=True)):
        form, kind = token.form, ""
        if len(form) < 2 or not WORD.fullmatch(form) or shouted(morph, form):
            pass
        elif tag.pos == "ADJ" or tag.pos == "VERB" and tag.feats.get("VerbForm") == "Part":
            kind = "" if key in lexicon["modifier"] or "Case" not in tag.feats else "mod"
        elif tag.pos == "NOUN" and key not in lexicon["stop"] and "Case" in tag.feats:
            kind = "noun"
            if (case := adjective(morph, form, tags[index + 1:index + 4])) is not None:
                kind, cases[index] = "mod", case  # "нейросетевых моделей" tagged as two nouns
        elif tag.pos == "PROPN" and key not in lexicon["stop"]:
            kind = "noun" if form.rsplit("-", 1)[-1].islower() else "name"  # "ИИ-решений"
        kinds.append(kind)
        names.append(name_class(morph, form) if kind == "name" else "")
    capital = tuple(token.form[:1].isupper() and not initial(doc, index)
                    for index, token in enumerate(tokens))
    return Words(tuple(kinds), tuple(cases), keys, tuple(names), capital)


def adjective(morph: Morphology, form: str, after: Sequence[Tag]) -> str | None:
    """The case of the noun after a word tagged as a noun that is in fact its adjective."""
    noun = next((tag for tag in after if tag.pos != "ADJ"), None)
    if noun is None or noun.pos not in ("NOUN", "PROPN") or form[:1].isupper():
        return None
    parses = morph.parse(form.lower())
    return noun.feats.get("Case", "") if parses and parses[0].tag.POS in ("ADJF", "PRTF") else None


def shouted(morph: Morphology, form: str) -> bool:
    """A dictionary word in capitals ("БЮЛЛЕТЕНЬ", a running header), unlike "НАТО"."""
    if len(form) < 5 or not form.isupper():
        return False
    parses = morph.parse(form.lower())
    return bool(parses) and parses[0].is_known and "Abbr" not in parses[0].tag.grammemes


def name_class(morph: Morphology, form: str) -> str:
    """"place", "organisation", "acronym", "person", "word" (a known word) or "other"."""
    parses = morph.parse(form.lower())
    grams = parses[0].tag.grammemes if parses else frozenset()
    if "Geox" in grams or "Orgn" in grams:
        return "place" if "Geox" in grams else "organisation"
    if is_acronym(form):
        return "acronym"
    if any(PERSON_GRAMS & parse.tag.grammemes for parse in parses[:2]):
        return "person"
    return "word" if parses and parses[0].is_known else "other"


@dataclass(frozen=True, slots=True)
class Group:
    """Modifiers [start, head) and a noun or run of names [head, stop)."""

    start: int
    head: int
    stop: int


@dataclass(frozen=True, slots=True)
class Span:
    """One occurrence of a candidate: tokens [start, stop), its first group's noun at head."""

    start: int
    stop: int
    head: int
    sent: int


def name_run(words: Words, index: int, hi: int) -> int:
    """End of the run of names from index: in one case, of classes that go together."""
    stop = index + 1
    while (stop < hi and stop - index < MAX_NAME and words.kinds[stop] == "name"
           and words.cases[stop] == words.cases[index]
           and frozenset((words.names[stop - 1], words.names[stop])) in JOINING):
        stop += 1
    return stop


def chains(words: Words, lo: int, hi: int) -> list[list[Group]]:
    """Noun groups of tokens [lo, hi) in chains of genitive complements (a person stands alone)."""
    out: list[list[Group]] = []
    chain: list[Group] = []
    mods, index = 0, lo  # mods: modifiers just before index
    while index < hi:
        kind = words.kinds[index]
        if kind == "mod":
            mods, index = mods + 1, index + 1
            continue
        if not kind:
            out.append(chain)
            chain, mods, index = [], 0, index + 1
            continue
        stop = name_run(words, index, hi) if kind == "name" else index + 1
        start = index
        while start > index - mods and words.cases[start - 1] == words.cases[index]:
            start -= 1
        group = Group(start, index, stop)
        if (chain and words.cases[index] == "Gen" and start == chain[-1].stop
                and "person" not in words.names[chain[-1].head:stop]):
            chain.append(group)
        else:
            out.append(chain)
            chain = [group]
        mods, index = 0, stop
    out.append(chain)
    return [chain for chain in out if chain]


def spans(chain: Sequence[Group], words: Words, sent: int, lexicon: Rules,
          max_words: int) -> list[Span]:
    """Every candidate of a chain: opens at a group, ends at a noun."""
    out = []
    for first, group in enumerate(chain):
        light = words.keys[group.head] in lexicon["light"]
        for start in range(group.start, group.head + 1):
            if light and not words.capital[start]:
                continue  # "в области медицины"; a light noun heads only "Курская область"
            for last in chain[first:]:
                if last.stop - start > max_words:
                    break
                if last.stop - start > 1 or words.keys[start] not in lexicon["generic"]:
                    out.append(Span(start, last.stop, group.head, sent))
    return out


@dataclass(frozen=True, slots=True)
class Candidates:
    """The candidates of one document and what their ranking needs of it."""

    occurrences: Mapping[Key, list[Span]]
    kinds: Mapping[Key, str]  # "person", "place", "organisation", "proper" or ""
    cues: Mapping[int, tuple[int, float]]  # sentence -> its first cue word, its strength
    focused: frozenset[Span]  # occurrences in the first phrase after a strong cue
    capital: frozenset[str]  # lemmas capitalised inside a sentence somewhere
    keys: tuple[str, ...]  # lemma of each token
    title: frozenset[str]  # lemmas of the first sentence
    sentences: int


def collect(doc: Doc, morph: Morphology, weights: Weights) -> Candidates:
    lexicon = rules()
    words = analyse(doc, morph, lexicon)
    found: dict[Key, list[Span]] = defaultdict(list)
    focused: set[Span] = set()
    cues = {}
    strengths = lexicon.numbers.get("cue", {})
    for number, sent in enumerate(doc.need("sentences")):
        cue = next((index for index in range(sent.token_start, sent.token_stop)
                    if words.keys[index] in strengths), -1)
        if cue >= 0:
            cues[number] = (cue, strengths[words.keys[cue]])
        strong = cue >= 0 and strengths[words.keys[cue]] >= STRONG
        for chain in chains(words, sent.token_start, sent.token_stop):
            found_spans = spans(chain, words, number, lexicon, weights.max_words)
            if strong and found_spans and chain[0].start > cue:
                focused.update(found_spans)  # "особое внимание уделено вопросам подготовки кадров"
                strong = False
            for span in found_spans:
                found[words.keys[span.start:span.stop]].append(span)
    kinds = {key: kind_of(words, occurrences[0], lexicon) for key, occurrences in found.items()}
    merge_aliases(found, kinds, doc.need("tokens"))
    first = doc.need("sentences")[0].token_stop if doc.need("sentences") else 0
    return Candidates(found, kinds, cues, frozenset(focused),
                      frozenset(key for key, big in zip(words.keys, words.capital, strict=True)
                                if big),
                      words.keys, frozenset(words.keys[:first]), len(doc.need("sentences")))


def kind_of(words: Words, span: Span, lexicon: Rules) -> str:
    classes = set(words.names[span.start:span.stop])
    if "person" in classes and classes <= {"person", "other"}:
        return "person"
    head = words.names[span.head]
    if head in ("organisation", "acronym") or words.keys[span.head] in lexicon["institution"]:
        return "organisation"
    return "place" if head == "place" else "proper" if head else ""


def merge_aliases(found: dict[Key, list[Span]], kinds: Mapping[Key, str],
                  tokens: Sequence[Token]) -> None:
    """Count "Трамп" as "Дональд Трамп", and an acronym with its expansion ("ИИ")."""
    longer = [key for key in found if len(key) > 1]
    for key in [key for key in found if len(key) == 1]:
        form = tokens[found[key][0].start].form
        if kinds[key] == "person":
            targets = [other for other in longer
                       if kinds[other] == "person" and other in found and other[-1] == key[0]]
        elif is_acronym(form) and form.isalpha() and len(form) <= 6:
            targets = [other for other in longer if other in found and len(other) == len(key[0])
                       and "".join(word[0] for word in other) == key[0]]
        else:
            continue
        if targets:
            target = max(targets, key=lambda other: len(found[other]))
            if kinds[key] in ("place", "organisation") and len(found[key]) > len(found[target]):
                target, key = key, target  # "США" said more often than its expansion: keep it
            found[target].extend(found.pop(key))


# Ranking and selection

def information(key: Key, weights: Weights) -> float:
    total = sum((weights.unknown if (frequency := zipf(lemma)) == 0
                 else max(0.1, weights.common - frequency)) ** weights.sharp for lemma in key)
    return total / len(key) ** weights.length


def cued(span: Span, cues: Mapping[int, tuple[int, float]]) -> float:
    """The strength of the cue word that the occurrence follows in its sentence, or 0."""
    index, strength = cues.get(span.sent, (span.start, 0.0))
    return strength if span.start > index else 0.0


def weight(occurrences: set[Span], candidates: Candidates, weights: Weights) -> float:
    """Saturated, position- and cue-weighted frequency, with a bonus for spread."""
    if not occurrences:
        return 0.0
    sents = [span.sent for span in occurrences]
    frequency = sum((1 + weights.position / (1 + span.sent))
                    * (1 + weights.cue * cued(span, candidates.cues))
                    * (1 + weights.focus * (span in candidates.focused))
                    for span in occurrences)
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
                    * (1 + weights.title * echo(key, occurrences, candidates.title)))
              for key, occurrences in found.items()}
    free = {key: set(occurrences) for key, occurrences in found.items()}
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
                    free[key].discard(span)
                    inside.add(key)
                elif key in scores and span.start < taken.stop and taken.start < span.stop:
                    overlapping.add(key)
        for key in overlapping:
            factor[key] *= weights.repeat
        for key in inside | overlapping:
            scores[key] = factor[key] * weight(free[key], candidates, weights)
    return chosen


# Normal forms

class Phrases:
    """Normal forms: the head in the nominative, its modifiers agreeing, the rest as written."""

    def __init__(self, morph: Morphology) -> None:
        self.morph = morph
        self.normalizer = Normalizer(morph)

    def __call__(self, doc: Doc, key: Key, candidates: Candidates) -> str:
        tokens, tags, lemmas = doc.need("tokens"), doc.need("tags"), doc.need("lemmas")
        span = self.representative(doc, key, candidates.occurrences[key])
        words, marks = tokens[span.start:span.stop], tags[span.start:span.stop]
        if candidates.kinds[key] == "person":
            return self.normalizer.person(words, marks).text
        forms = [token.form for token in words]
        for index, (form, tag) in enumerate(zip(forms, marks, strict=True)):
            if (tag.pos != "PROPN" and form[:1].isupper() and not any(map(str.isupper, form[1:]))
                    and key_lemma(lemmas[span.start + index]) not in candidates.capital):
                forms[index] = form.lower()  # "Интеграция" at the start of a sentence
        head = span.head - span.start
        found = [self.parse(form, tag.pos if index == head else "ADJ", tag.feats)
                 for index, (form, tag) in enumerate(zip(forms[:head + 1], marks, strict=False))]
        if (head_found := found[head]) is not None and not any(map(str.isupper, forms[head][1:])):
            number = "plur" if "plur" in head_found[1].tag.grammemes else "sing"
            forms[head] = self.normalizer.inflect_compound(forms[head], head_found, marks[head],
                                                           number)
            gender = self.normalizer.nominative_gender(forms[head]) or "masc"
            grams = {"nomn", "plur"} if number == "plur" else {"nomn", gender, "sing"}
            for index, item in enumerate(found[:head]):
                if item is not None:
                    forms[index] = self.normalizer.inflect(forms[index], item, set(grams))
        return join(words, forms)

    def parse(self, form: str, pos: str, feats: Mapping[str, str]) -> Found | None:
        """The pymorphy3 parse that agrees best with the tagger, with its index."""
        parses = self.morph.parse(clean_word(form))
        if not parses:
            return None
        return max(enumerate(parses), key=lambda item: agreement(item[1], pos, feats))

    def representative(self, doc: Doc, key: Key, occurrences: Sequence[Span]) -> Span:
        """The commonest written form, in the nominative and inside a sentence if it can be."""
        tokens, tags, lemmas = doc.need("tokens"), doc.need("tags"), doc.need("lemmas")
        own = [span for span in occurrences
               if tuple(key_lemma(lemma) for lemma in lemmas[span.start:span.stop]) == key]
        own = own or list(occurrences)
        forms = Counter(surface(tokens, span) for span in own)
        return max(own, key=lambda span: (tags[span.head].feats.get("Case") == "Nom",
                                          forms[surface(tokens, span)],
                                          not initial(doc, span.start), -span.start))


def surface(tokens: Sequence[Token], span: Span) -> tuple[str, ...]:
    return tuple(token.form.lower() for token in tokens[span.start:span.stop])


def initial(doc: Doc, index: int) -> bool:
    """Whether a capital letter at this token may be the sentence's rather than the word's."""
    tokens = doc.need("tokens")
    token, before = tokens[index], tokens[index - 1] if index else None
    if before is None or doc.need("sentences")[token.sent].token_start == index:
        return True
    return (before.form in OPENERS or before.form in ENDINGS or before.form.isdigit()
            or "\n" in doc.text[before.stop:token.start])


class Themes:
    """The stage: up to ``max_themes`` themes per document, best first, scored 1 at the top."""

    name = "themes"
    needs: tuple[str, ...] = ("sentences", "tokens", "tags", "lemmas")
    provides: tuple[str, ...] = ("themes",)

    def __init__(self, resources: Resources, weights: Weights | None = None) -> None:
        self.resources = resources
        self.weights = weights or Weights()

    def __call__(self, docs: Sequence[Doc]) -> list[Doc]:
        phrases = Phrases(self.resources.morph)
        return [replace(doc, themes=self.themes(doc, phrases)) for doc in docs]

    def themes(self, doc: Doc, phrases: Phrases) -> tuple[Theme, ...]:
        candidates = collect(doc, phrases.morph, self.weights)
        chosen = select(candidates, self.weights)
        top = chosen[0][1] if chosen else 1.0
        return tuple(Theme(phrases(doc, key, candidates), round(score / top, 4), key)
                     for key, score in chosen)
