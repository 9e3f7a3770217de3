"""Normal forms of theme candidates: the head noun in the nominative, its modifiers
agreeing, the complements as written ("подготовки кадров" -> "подготовка кадров");
names of people through the person normaliser; a capital letter that is the
sentence's in lower case ("Интеграция", "Выставка").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from ...frequency import lemma_frequency
from ...grammar import agreement, best_of
from ...normal.forms import Normalizer
from ...normal.words import INFLECTED_ACRONYM, Found, clean_word, join, same_case
from ...records import Doc, Tag, Token
from ...resources import Morphology
from ...vocab import fold
from .phrases import PERSON_GRAMS, Candidates, Key, Span, initial

PROPER_GRAMS = PERSON_GRAMS | {"Geox", "Orgn", "Trad", "Abbr"}

class Phrases:
    """Normal forms: the head in the nominative, its modifiers agreeing, the rest as written."""

    def __init__(self, morph: Morphology) -> None:
        self.morph = morph
        self.normalizer = Normalizer(morph)

    def __call__(self, doc: Doc, key: Key, candidates: Candidates) -> str:
        tokens, tags = doc.need("tokens"), doc.need("tags")
        span = self.representative(doc, key, candidates.occurrences[key])
        words, marks = tokens[span.start:span.stop], tags[span.start:span.stop]
        if candidates.kinds[key] == "person":
            return self.normalizer.person(words, marks).text
        forms = self.agree(lowered(doc, span, candidates.capital, self.morph), marks,
                           span.head - span.start)
        return join(words, forms)

    def agree(self, forms: list[str], marks: Sequence[Tag], head: int) -> list[str]:
        """The head in the nominative and its modifiers agreeing, unless it is in capitals."""
        if (acronym := INFLECTED_ACRONYM.fullmatch(forms[head])) is not None:
            forms[head] = acronym.group(1)  # "ЮКОСа" -> "ЮКОС"
            return forms
        found = [self.parse(form, tag.pos if index == head else "ADJ", tag.feats)
                 for index, (form, tag) in enumerate(zip(forms[:head + 1], marks, strict=False))]
        if (head_found := found[head]) is None or capitals(forms[head]):
            return forms
        if forms[head][:1].isupper() and "-" not in forms[head] and \
                not head_found[1].is_known and not same_case(head_found[1], marks[head]):
            return forms  # a guessed name in another case than the tagger's: "Караченцев"
        number = "plur" if "plur" in head_found[1].tag.grammemes else "sing"
        forms[head] = self.normalizer.inflect_compound(forms[head], head_found, marks[head], number)
        gender = self.normalizer.nominative_gender(forms[head]) or "masc"
        grams = {"nomn", "plur"} if number == "plur" else {"nomn", gender, "sing"}
        for index, item in enumerate(found[:head]):
            if item is not None:
                forms[index] = self.normalizer.inflect(forms[index], item, set(grams))
        return forms

    def parse(self, form: str, pos: str, feats: Mapping[str, str]) -> Found | None:
        """The pymorphy3 parse that agrees best with the tagger, with its index."""
        parses = self.morph.parse(clean_word(form))
        if not parses:
            return None
        return best_of(list(enumerate(parses)), lambda item: agreement(item[1], pos, feats),
                       lambda item: lemma_frequency(item[1]))

    def representative(self, doc: Doc, key: Key, occurrences: Sequence[Span]) -> Span:
        """The commonest written form, in the nominative and inside a sentence if it can be."""
        tokens, tags, lemmas = doc.need("tokens"), doc.need("tags"), doc.need("lemmas")
        own = [span for span in occurrences
               if tuple(fold(lemma) for lemma in lemmas[span.start:span.stop]) == key]
        own = own or list(occurrences)
        forms = Counter(surface(tokens, span) for span in own)
        return max(own, key=lambda span: (tags[span.head].feats.get("Case") == "Nom",
                                          forms[surface(tokens, span)],
                                          not initial(doc, span.start), -span.start))


def lowered(doc: Doc, span: Span, capital: frozenset[str], morph: Morphology) -> list[str]:
    """The forms of a span, a capital letter of the sentence's in lower case ("Интеграция";
    "Выставка", a common noun the tagger reads as a name at the start of a sentence)."""
    tags, lemmas, tokens = doc.need("tags"), doc.need("lemmas"), doc.need("tokens")
    forms = [token.form for token in tokens[span.start:span.stop]]
    for index, (form, tag) in enumerate(zip(forms, tags[span.start:span.stop], strict=True)):
        at = span.start + index
        if ((tag.pos != "PROPN" or opening(doc, at) and common(morph, form))
                and form[:1].isupper() and not any(map(str.isupper, form[1:]))
                and fold(lemmas[at]) not in capital):
            forms[index] = form.lower()
    return forms


def opening(doc: Doc, index: int) -> bool:
    """Whether a token opens its sentence."""
    return doc.need("sentences")[doc.need("tokens")[index].sent].token_start == index


def common(morph: Morphology, form: str) -> bool:
    """A dictionary word that is no name: "выставка", not "Россия" or "Иван"."""
    parses = morph.parse(form.lower())
    return bool(parses) and parses[0].is_known and not PROPER_GRAMS & parses[0].tag.grammemes


def capitals(form: str) -> bool:
    """Capitals past the first letter of a part: "ЮКОС", "iPhone", not "Санкт-Петербурге"."""
    return any(any(map(str.isupper, part[1:])) for part in form.split("-"))


def surface(tokens: Sequence[Token], span: Span) -> tuple[str, ...]:
    return tuple(token.form.lower() for token in tokens[span.start:span.stop])
