"""Key themes of a document: noun phrases ranked against the background of Russian.

Candidates. Inside a sentence a noun group is a run of modifiers (adjectives,
full participles) that agree in case with the noun after them, or a run of
proper names in one case ("Дональд Трамп"). Groups in the genitive that follow
a group attach to it as complements: "внедрение | технологий | искусственного
интеллекта". Every piece of such a chain that opens at a group (or inside its
modifiers) and ends at a noun is a candidate of up to ``max_words`` words,
keyed by its lemmas. An acronym spelled by a candidate's initials ("ИИ") and a
surname alone ("Трамп") count as occurrences of the fuller phrase.

Ranking. A candidate's weight is its frequency with each occurrence weighted
by position (the title or first sentence counts most), times its spread over
the document, times its informativeness: how rare its lemmas are in Russian at
large (wordfreq's Zipf frequency, memoised).

Selection. Themes are taken best first. An occurrence inside a theme already
taken stops counting for the shorter candidate ("интеллект" inside
"искусственный интеллект"), and a longer candidate that contains a taken theme
weighs less, so both are listed only when both earn it.

Normal form. The phrase's first group goes to the nominative, its modifiers
agreeing with the head; complements stay as written ("подготовки кадров" ->
"подготовка кадров"); names of people go through the person normaliser.
Rules (stop words, light nouns, genre words) are data: ``lexicons/themes.tsv``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from ..records import Doc, Tag, Theme, Token
from ..resources import Morphology, Resources, read_lexicon
from .normal import Normalizer, is_acronym

Key = tuple[str, ...]
WORD = re.compile(r"[^\W\d_]+(?:-[^\W_]+)*")
PERSON_GRAMS = frozenset({"Name", "Surn", "Patr"})
OPENERS = frozenset("«\"“„([—–-:")


@dataclass(frozen=True, slots=True)
class Weights:
    """The ranking's parameters."""

    max_themes: int = 12
    max_words: int = 4
    position: float = 2.0  # sentence s weighs 1 + position / (1 + s)
    spread: float = 0.5  # bonus for occurrences spread over the whole document
    length: float = 0.5  # informativeness of a phrase = sum over words / words ** length
    common: float = 7.0  # Zipf frequency at which a word carries no information
    floor: float = 0.3  # the least information a word carries
    unknown: float = 5.0  # information of a word wordfreq does not know
    repeat: float = 0.5  # factor for a candidate that contains a theme already taken
    name: float = 1.0  # factor for names of people


@dataclass(frozen=True, slots=True)
class Rules:
    """Word lists of ``lexicons/themes.tsv``."""

    stop: frozenset[str]
    light: frozenset[str]
    modifiers: frozenset[str]
    weak: Mapping[str, float]


@cache
def rules() -> Rules:
    kinds: dict[str, set[str]] = defaultdict(set)
    weak: dict[str, float] = {}
    for line in read_lexicon("themes.tsv"):
        kind, lemma, *rest = line.split("\t")
        kinds[kind].add(lemma)
        if kind == "weak":
            weak[lemma] = float(rest[0])
    return Rules(frozenset(kinds["stop"]), frozenset(kinds["light"]),
                 frozenset(kinds["modifier"]), weak)


@lru_cache(maxsize=500_000)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of a Russian word (0 when unknown), memoised."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "ru"))


def key_lemma(lemma: str) -> str:
    return lemma.lower().replace("ё", "е")


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


def word_kind(token: Token, tag: Tag, lemma: str, lexicon: Rules) -> str:
    """'mod', 'noun', 'name', or '' for a word that ends a noun group."""
    form = token.form
    if len(form) < 2 or not WORD.fullmatch(form) or "Case" not in tag.feats and tag.pos != "PROPN":
        return ""
    lemma = key_lemma(lemma)
    if tag.pos == "ADJ" or tag.pos == "VERB" and tag.feats.get("VerbForm") == "Part":
        return "" if lemma in lexicon.modifiers else "mod"
    if tag.pos in ("NOUN", "PROPN") and lemma not in lexicon.stop:
        return "name" if tag.pos == "PROPN" else "noun"
    return ""


def chains(kinds: Sequence[str], cases: Sequence[str], lo: int, hi: int) -> list[list[Group]]:
    """Noun groups of tokens [lo, hi), grouped into chains of genitive complements."""
    out: list[list[Group]] = []
    chain: list[Group] = []
    mods = 0  # modifiers just before index
    index = lo
    while index < hi:
        kind = kinds[index]
        if kind == "mod":
            mods += 1
            index += 1
            continue
        if not kind:
            if chain:
                out.append(chain)
            chain, mods, index = [], 0, index + 1
            continue
        stop = index + 1
        while (kind == "name" and stop < hi and stop - index < 3 and kinds[stop] == "name"
               and cases[stop] == cases[index]):
            stop += 1
        start = index
        while start > index - mods and cases[start - 1] == cases[index]:
            start -= 1
        group = Group(start, index, stop)
        if chain and cases[index] == "Gen" and start == chain[-1].stop:
            chain.append(group)
        else:
            if chain:
                out.append(chain)
            chain = [group]
        mods, index = 0, stop
    if chain:
        out.append(chain)
    return out


def spans(chain: Sequence[Group], lemmas: Sequence[str], sent: int, lexicon: Rules,
          max_words: int) -> list[Span]:
    """Every candidate of a chain: opens at a group, ends at a noun."""
    out = []
    for first, group in enumerate(chain):
        light = key_lemma(lemmas[group.head]) in lexicon.light
        for start in range(group.start, group.head + 1):
            if light and start == group.head:
                continue  # "в области медицины": a light noun heads only with a modifier
            for last in chain[first:]:
                if last.stop - start > max_words:
                    break
                out.append(Span(start, last.stop, group.head, sent))
    return out


@dataclass(frozen=True, slots=True)
class Candidates:
    """The candidates of one document: occurrences by key, and keys of names of people."""

    occurrences: Mapping[Key, list[Span]]
    people: frozenset[Key]


def collect(doc: Doc, morph: Morphology, weights: Weights) -> Candidates:
    tokens, tags, lemmas = doc.need("tokens"), doc.need("tags"), doc.need("lemmas")
    lexicon = rules()
    kinds = [word_kind(t, g, lemma, lexicon) for t, g, lemma in zip(tokens, tags, lemmas,
                                                                       strict=True)]
    cases = [tag.feats.get("Case", "") for tag in tags]
    keys = [key_lemma(lemma) for lemma in lemmas]
    found: dict[Key, list[Span]] = defaultdict(list)
    for number, sent in enumerate(doc.need("sentences")):
        for chain in chains(kinds, cases, sent.token_start, sent.token_stop):
            for span in spans(chain, lemmas, number, lexicon, weights.max_words):
                found[tuple(keys[span.start:span.stop])].append(span)
    people = frozenset(key for key, occurrences in found.items()
                       if all(kinds[i] == "name" for i in range(occurrences[0].start,
                                                                occurrences[0].stop))
                       and any(person_word(morph, tokens[i].form)
                               for i in range(occurrences[0].start, occurrences[0].stop)))
    merge_aliases(found, people, tokens)
    return Candidates(found, people)


def person_word(morph: Morphology, form: str) -> bool:
    return any(PERSON_GRAMS & parse.tag.grammemes for parse in morph.parse(form.lower())[:2])


def merge_aliases(found: dict[Key, list[Span]], people: frozenset[Key],
                  tokens: Sequence[Token]) -> None:
    """Count "ИИ" as "искусственный интеллект" and "Трамп" as "Дональд Трамп"."""
    longer = [key for key in found if len(key) > 1]
    for key in [key for key in found if len(key) == 1]:
        span = found[key][0]
        form = tokens[span.start].form
        if key in people:
            targets = [other for other in longer if other in people and other[-1] == key[0]]
        elif is_acronym(form) and form.isalpha() and len(form) <= 6:
            initials = form.lower().replace("ё", "е")
            targets = [other for other in longer
                       if len(other) == len(initials)
                       and "".join(word[0] for word in other) == initials]
        else:
            continue
        if targets:
            target = max(targets, key=lambda other: len(found[other]))
            found[target].extend(found.pop(key))


def information(key: Key, weights: Weights) -> float:
    total = 0.0
    for lemma in key:
        frequency = zipf(lemma)
        total += weights.unknown if frequency == 0 else max(weights.floor,
                                                            weights.common - frequency)
    return total / len(key) ** weights.length


def weight(occurrences: set[Span] | list[Span], n_sents: int, weights: Weights) -> float:
    if not occurrences:
        return 0.0
    sents = [span.sent for span in occurrences]
    frequency = sum(1 + weights.position / (1 + sent) for sent in sents)
    spread = (max(sents) - min(sents)) / max(n_sents, 1)
    return frequency * (1 + weights.spread * spread)


def select(candidates: Candidates, lemmas: Sequence[str], n_sents: int,
           weights: Weights) -> list[tuple[Key, float]]:
    """The best candidates, each taken in turn and discounting the ones it overlaps."""
    lexicon = rules()
    found = candidates.occurrences
    factor: dict[Key, float] = {}
    for key, occurrences in found.items():
        head = key_lemma(lemmas[occurrences[0].head])
        factor[key] = (lexicon.weak.get(head, 1.0) * information(key, weights)
                       * (weights.name if key in candidates.people else 1.0))
    free = {key: set(occurrences) for key, occurrences in found.items()}
    by_sent: dict[int, list[tuple[Key, Span]]] = defaultdict(list)
    for key, occurrences in found.items():
        for span in occurrences:
            by_sent[span.sent].append((key, span))
    scores = {key: factor[key] * weight(free[key], n_sents, weights) for key in found}
    chosen: list[tuple[Key, float]] = []
    while scores and len(chosen) < weights.max_themes:
        best = max(scores, key=lambda key: (scores[key], key))
        if scores[best] <= 0:
            break
        chosen.append((best, scores.pop(best)))
        touched: set[Key] = set()
        containing: set[Key] = set()
        for taken in found[best]:
            for key, span in by_sent[taken.sent]:
                if key not in scores:
                    continue
                if taken.start <= span.start and span.stop <= taken.stop:
                    free[key].discard(span)
                    touched.add(key)
                elif span.start <= taken.start and taken.stop <= span.stop:
                    containing.add(key)
        for key in containing:
            factor[key] *= weights.repeat
        touched |= containing
        for key in touched:
            scores[key] = factor[key] * weight(free[key], n_sents, weights)
    return chosen


class Phrases:
    """Normal forms of candidates: the first group in the nominative, complements as written."""

    def __init__(self, morph: Morphology) -> None:
        self.normalizer = Normalizer(morph)

    def __call__(self, doc: Doc, key: Key, occurrences: Sequence[Span], person: bool) -> str:
        tokens, tags = doc.need("tokens"), doc.need("tags")
        span = self.representative(doc, key, occurrences)
        words, marks = list(tokens[span.start:span.stop]), tags[span.start:span.stop]
        if person:
            return self.normalizer.person(words, marks).text
        for index, (token, tag) in enumerate(zip(words, marks, strict=True)):
            if tag.pos != "PROPN" and not is_acronym(token.form) and (
                    self.sentence_initial(doc, span.start + index)):
                words[index] = replace(token, form=token.form.lower())
        return self.normalizer.phrase(words, marks, "THEME").text

    @staticmethod
    def sentence_initial(doc: Doc, index: int) -> bool:
        tokens = doc.need("tokens")
        token = tokens[index]
        if index == 0 or doc.need("sentences")[token.sent].token_start == index:
            return True
        before = tokens[index - 1]
        return before.form in OPENERS or "\n" in doc.text[before.stop:token.start]

    def representative(self, doc: Doc, key: Key, occurrences: Sequence[Span]) -> Span:
        """The commonest written form of the key, not at a sentence start if it can be."""
        tokens, lemmas = doc.need("tokens"), doc.need("lemmas")
        own = [span for span in occurrences
               if tuple(key_lemma(lemma) for lemma in lemmas[span.start:span.stop]) == key]
        own = own or list(occurrences)
        forms = Counter(self.surface(tokens, span) for span in own)
        return max(own, key=lambda span: (forms[self.surface(tokens, span)],
                                          not self.sentence_initial(doc, span.start),
                                          -span.start))

    @staticmethod
    def surface(tokens: Sequence[Token], span: Span) -> tuple[str, ...]:
        return tuple(token.form.lower() for token in tokens[span.start:span.stop])


class Themes:
    name = "themes"
    needs: tuple[str, ...] = ("sentences", "tokens", "tags", "lemmas")
    provides: tuple[str, ...] = ("themes",)

    def __init__(self, resources: Resources, weights: Weights | None = None) -> None:
        self.resources = resources
        self.weights = weights or Weights()

    def __call__(self, docs: Sequence[Doc]) -> list[Doc]:
        morph = self.resources.morph
        phrases = Phrases(morph)
        return [replace(doc, themes=self.themes(doc, morph, phrases)) for doc in docs]

    def themes(self, doc: Doc, morph: Morphology, phrases: Phrases) -> tuple[Theme, ...]:
        candidates = collect(doc, morph, self.weights)
        chosen = select(candidates, doc.need("lemmas"), len(doc.need("sentences")),
                        self.weights)
        if not chosen:
            return ()
        top = chosen[0][1]
        return tuple(Theme(phrases(doc, key, candidates.occurrences[key],
                                   key in candidates.people),
                           round(score / top, 4), key)
                     for key, score in chosen)
