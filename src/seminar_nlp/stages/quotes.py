"""Quotes: direct speech and who said it.

Direct speech is either a «...» (or „...“) span that the text attributes to someone, or a
paragraph that opens with a dash ("— Мы готовы ..., — сказал Олег Смирнов."). A «...» span
counts only in a speech position: it opens a sentence and a dash follows it ("«...», —
отметил X"), or it closes a sentence after a colon ("Анна Ковалёва: «...»") or after a
comma that ends an introduction with a speech verb ("По словам Игоря Петрова, «...»").
Names in quotes (organisations, events, books) stand after a noun and are not quotes.

The speaker is the person named in the attribution; a pronoun or a role noun ("— добавила
она", "— пояснил лектор") refers to the last person named before the quote, preferring
one the text gave that role and one of the verb's gender. Without a singular speech verb
or a person ("— сообщили в пресс-службе"), or when the person only qualifies the speaker
("— сообщил представитель Обамы"), the speaker is None. The speech verbs are
in ``lexicons/speech_verbs.txt``. The token view it reads is in ``view.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Literal

from ..records import Doc, Mention, Quote
from ..resources import Resources, read_lexicon
from ..vocab import DASHES, fold
from .view import Phrases, View, make_view

SENTENCE_END = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
DROPPED_END = frozenset({",", ".", ";", ":"})  # closes a quote but is not part of it
PRONOUNS = frozenset({"он", "она"})
ROLE_WINDOW_BEFORE = 10
ROLE_WINDOW_AFTER = 8


@cache
def speech_cues() -> Phrases:
    return Phrases.of(read_lexicon("speech_verbs.txt"))


@cache
def speech_verbs() -> frozenset[str]:
    return frozenset(fold(line) for line in read_lexicon("speech_verbs.txt") if " " not in line)


# Finding direct speech

Kind = Literal["after", "before"]


@dataclass(frozen=True, slots=True)
class Speech:
    """Quoted words (tokens first..last) and the tokens that attribute them."""

    first: int
    last: int
    kind: Kind  # the attribution follows the quote, or precedes it
    clause: tuple[int, int]


def trimmed(view: View, first: int, last: int) -> int:
    while last > first and view.words[last - 1] in DROPPED_END:
        last -= 1
    return last


def ends_sentence(view: View, index: int) -> bool:
    """Whether the quote closing at ``index`` ends its sentence or line."""
    after = index + 1
    if after >= len(view.tokens) or view.paragraphs[after] != view.paragraphs[index]:
        return True
    return view.words[after] in SENTENCE_END or view.words[after] == ")"


def opens_clause(view: View, index: int) -> bool:
    before = index - 1
    return (before < 0 or view.paragraphs[before] != view.paragraphs[index]
            or view.words[before] in SENTENCE_END)


def dash_after(view: View, index: int) -> int | None:
    """Index of the attribution dash after a closing quote mark ("», —", "!» —")."""
    after = index + 1
    if after < len(view.words) and view.words[after] in {",", "!", "?", "…"}:
        after += 1
    if after < len(view.words) and view.words[after] in DASHES:
        return after
    return None


def clause_end(view: View, start: int) -> int:
    """End of an attribution clause: its sentence or line."""
    stop = view.sentence_stop(start - 1) if start > 0 else len(view.tokens)
    for index in range(start, min(stop, len(view.tokens))):
        if view.paragraphs[index] != view.paragraphs[start - 1]:
            return index
    return stop


def intro_start(view: View, before: int) -> int:
    """Start of the words before a quote: its sentence, or the end of a quote before it."""
    start = view.sentence_start(before)
    closed = [stop for opener, stop in view.closers.items()
              if start <= stop < before and view.depth[opener] == 0]
    return max(closed, default=start - 1) + 1


def has_person(view: View, start: int, stop: int) -> bool:
    return any(m.type == "PER" and start <= m.token_start < stop
               for m in view.doc.need("mentions"))


def guillemet_speech(view: View, start: int, stop: int) -> Speech | None:
    """A «...» span in a speech position, or None for a name in quotes."""
    first, last = start + 1, trimmed(view, start + 1, stop)
    if sum(view.is_word(index) for index in range(first, last)) < 2:
        return None
    before = start - 1
    dash = dash_after(view, stop)
    if opens_clause(view, start) and dash is not None:
        return Speech(first, last, "after", (dash + 1, clause_end(view, dash + 1)))
    if before < 0 or not ends_sentence(view, stop):
        return None
    intro = (intro_start(view, before), before)
    if view.words[before] == ":" and (has_person(view, *intro)
                                      or speech_cues().within(view, *intro)):
        return Speech(first, last, "before", intro)
    if view.words[before] == "," and speech_cues().within(view, *intro):
        return Speech(first, last, "before", intro)
    return None


def attribution_at(view: View, index: int) -> bool:
    """A dash after closing punctuation, followed by a speech verb ("..., — сказал")."""
    return (view.words[index] in DASHES and index > 0
            and view.words[index - 1] in {",", "!", "?", "…", "."}
            and any(view.lemmas[k] in speech_verbs()
                    for k in range(index + 1, min(index + 3, len(view.words)))))


def dash_line_speech(view: View, dash: int, stop: int) -> list[Speech]:
    """Direct speech on a line that opens with a dash, split by its attributions."""
    return split_speech(view, dash + 1, stop, 0)


def interrupted_speech(view: View, start: int, stop: int) -> list[Speech]:
    """A «...» that opens a sentence and its attribution interrupts: "«Это важный шаг,
    — заявила Анна Смирнова. — Мы продолжим работу»"."""
    if not opens_clause(view, start):
        return []
    return split_speech(view, start + 1, stop, view.depth[start] + 1)


def split_speech(view: View, start: int, stop: int, depth: int) -> list[Speech]:
    """The speech of tokens [start, stop) cut at its attributions at quote ``depth``
    ("... — сказал X. — ..."); none when nothing attributes it."""
    found: list[Speech] = []
    clause: tuple[int, int] | None = None
    index = start
    while index < stop:
        if view.depth[index] == depth and attribution_at(view, index):
            end = continuation(view, index + 1, stop)
            clause = (index + 1, end)
            found.append(Speech(start, trimmed(view, start, index), "after", clause))
            start = index = end + 1
            continue
        index += 1
    if found and clause is not None and start < stop:
        found.append(Speech(start, trimmed(view, start, stop), "after", clause))
    return [speech for speech in found if speech.last > speech.first]


def continuation(view: View, start: int, stop: int) -> int:
    """Where the speech resumes after an attribution ("... — сказал X. — Ещё ..."), or stop."""
    for index in range(start, stop):
        if view.words[index] in DASHES and view.words[index - 1] in {".", ","}:
            return index
    return stop


def paragraph_ranges(view: View) -> list[tuple[int, int]]:
    ranges, start = [], 0
    for index in range(1, len(view.tokens) + 1):
        if index == len(view.tokens) or view.paragraphs[index] != view.paragraphs[start]:
            ranges.append((start, index))
            start = index
    return ranges


def find_speech(view: View) -> list[Speech]:
    found: list[Speech] = []
    for start, stop in paragraph_ranges(view):
        if view.words[start] in DASHES:
            found.extend(dash_line_speech(view, start, stop))
    taken = [(speech.first, speech.last) for speech in found]
    for start, stop in sorted(view.closers.items()):
        inside = any(first <= start < last for first, last in taken)
        if view.depth[start] == 0 and not inside:
            speech = guillemet_speech(view, start, stop)
            if speech is not None:
                found.append(speech)
            else:
                found.extend(interrupted_speech(view, start, stop))
    return sorted(found, key=lambda speech: speech.first)


# Who said it


def mention_gender(view: View, mention: Mention) -> str | None:
    genders = [view.tags[index].feats.get("Gender")
               for index in range(mention.token_start, mention.token_stop)
               if view.tags[index].pos == "PROPN"]
    masc, fem = genders.count("Masc"), genders.count("Fem")
    return "Masc" if masc > fem else "Fem" if fem > masc else None


def role_near(view: View, mention: Mention, role: str, persons: Sequence[Mention]) -> bool:
    """Whether the role word (or a name) is part of or next to the mention in its sentence."""
    sent_start, sent_stop = view.sentence_start(mention.token_start), view.sentence_stop(
        mention.token_start)
    low = max(sent_start, mention.token_start - ROLE_WINDOW_BEFORE,
              *(p.token_stop for p in persons if p.token_stop <= mention.token_start))
    high = min(sent_stop, mention.token_stop + ROLE_WINDOW_AFTER)
    return role in view.lemmas[low:high]


def antecedent(view: View, persons: Sequence[tuple[int, Mention]], before: int,
               role: str | None, gender: str | None) -> int | None:
    """The last person named before a token, preferring one with the role and gender."""
    earlier = [(index, m) for index, m in persons if m.token_stop <= before]
    if role is not None:
        mentions = [m for _, m in earlier]
        for index, mention in reversed(earlier):
            if role_near(view, mention, role, mentions):
                return index
    for index, mention in reversed(earlier):
        if gender is None or mention_gender(view, mention) in (None, gender):
            return index
    return None


@dataclass(frozen=True, slots=True)
class Subject:
    """What an attribution clause says about the speaker."""

    person: int | None = None  # a named person (index into mentions)
    role: str | None = None  # a role noun or a bare surname
    gender: str | None = None
    anonymous: bool = False  # the speaker is not one person the text names ("сообщили")
    speaks: bool = False  # the clause has a speech verb


def first_index(view: View, start: int, stop: int, pos: frozenset[str],
                lemmas: frozenset[str] | None = None, case: str | None = None) -> int | None:
    for index in range(start, stop):
        tag = view.tags[index]
        if (view.depth[index] == 0 and tag.pos in pos
                and (lemmas is None or view.lemmas[index] in lemmas)
                and (case is None or tag.feats.get("Case") == case)):
            return index
    return None


def clause_subject(view: View, persons: Sequence[tuple[int, Mention]], start: int, stop: int,
                   kind: Kind) -> Subject:
    """The named person of a clause, else its pronoun or role noun, gender and number."""
    named = [(index, m) for index, m in persons if start <= m.token_start < stop]
    pronoun = first_index(view, start, stop, frozenset({"PRON"}), PRONOUNS, "Nom")
    if named and (pronoun is None or named[0][1].token_start < pronoun):
        if kind == "after" and complements_role(view, named[0][1]):
            return Subject(anonymous=True, speaks=True)  # "— сообщил представитель Обамы"
        return Subject(person=named[0 if kind == "after" else -1][0], speaks=True)
    verb = first_index(view, start, stop, frozenset({"VERB", "AUX"}), speech_verbs())
    feats = view.tags[verb].feats if verb is not None else {}
    speaks = verb is not None or speech_cues().within(view, start, stop)
    if pronoun is not None:
        gender = view.tags[pronoun].feats.get("Gender") or feats.get("Gender")
        return Subject(gender=gender, speaks=speaks)
    role = source_noun(view, start, stop)
    number = feats.get("Number") or (view.tags[role].feats.get("Number") if role else None)
    return Subject(role=None if role is None else view.lemmas[role],
                   gender=feats.get("Gender"), anonymous=number == "Plur", speaks=speaks)


def complements_role(view: View, mention: Mention) -> bool:
    """A person in the genitive after a noun: "представитель Обамы" names someone else."""
    before = mention.token_start - 1
    return (view.tags[mention.token_stop - 1].feats.get("Case") == "Gen" and before >= 0
            and view.tags[before].pos == "NOUN")


def source_noun(view: View, start: int, stop: int) -> int | None:
    """The noun that names the speaker: the subject, or the noun after "по словам"."""
    nouns = frozenset({"NOUN", "PROPN"})
    subject = first_index(view, start, stop, nouns, case="Nom")
    if subject is not None:
        return subject
    for index in range(start, stop):
        size = speech_cues().match(view, index)
        if size > 1:
            return first_index(view, index + size, stop, nouns)
    return None


def speaker(view: View, persons: Sequence[tuple[int, Mention]], speech: Speech) -> int | None:
    subject = clause_subject(view, persons, *speech.clause, speech.kind)
    if subject.person is not None:
        return subject.person
    if not subject.speaks or subject.anonymous:
        return None
    before = speech.first if speech.kind == "after" else speech.clause[1]
    return antecedent(view, persons, before, subject.role, subject.gender)


def outside(persons: Iterable[tuple[int, Mention]], speeches: Sequence[Speech]
            ) -> list[tuple[int, Mention]]:
    """People not named inside a quote (a quoted name does not speak)."""
    return [(index, m) for index, m in persons
            if not any(s.first <= m.token_start < s.last for s in speeches)]


def doc_quotes(doc: Doc) -> tuple[Quote, ...]:
    view = make_view(doc)
    speeches = find_speech(view)
    persons = outside(((index, m) for index, m in enumerate(doc.need("mentions"))
                       if m.type == "PER"), speeches)
    return tuple(Quote(view.tokens[s.first].start, view.tokens[s.last - 1].stop,
                       speaker(view, persons, s)) for s in speeches)


class Quotes:
    name = "quotes"
    needs: tuple[str, ...] = ("sentences", "tokens", "tags", "lemmas", "mentions", "normals")
    provides: tuple[str, ...] = ("quotes",)

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, docs: Sequence[Doc]) -> list[Doc]:
        return [replace(doc, quotes=doc_quotes(doc)) for doc in docs]
