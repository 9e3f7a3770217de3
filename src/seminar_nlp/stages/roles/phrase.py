"""Position phrases: how far a position reaches around its head, and its organisation.

A phrase grows around a head from ``lexicons/positions.txt``: adjectives
before it ("генеральный директор") and after it the complements that belong to
the position — genitive and instrumental words ("руководитель лаборатории
прикладного ИИ", "заведующий кафедрой"), "по ..." ("проректор по науке"), "и"
between genitives ("министр науки и высшего образования"), "исполняющий
обязанности ...". It ends at a named organisation or place (``orgs.py``).
A common organisation noun of its tail (``lexicons/position_orgs.txt``) makes
the organisation when none is named ("главный тренер сборной") and takes a
place after it ("глава правительства Мали"); a body of a named organisation
stays in the position ("председатель Совета директоров «Башинформа»").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from ...resources import read_lexicon
from ...vocab import ABBREVIATIONS, is_head, place_adjectives
from .orgs import coordinated_orgs, lower_genitive, org_at, org_nouns, places_after

if TYPE_CHECKING:
    from ..view import SentenceView

TAIL_CASES = frozenset({"Gen", "Ins"})
# Prepositions whose phrase can belong to a position: "проректор по науке",
# "член палаты от штата", "представитель при президенте", "глава делегации на переговорах".
TAIL_PREPOSITIONS = {"по": "Dat", "от": "Gen", "при": "Loc", "на": "Loc"}
MAX_TAIL = 12
# Adjectives that open a position of their own: "министр здравоохранения | бывшего главврача".
OPENERS = frozenset({"бывший", "нынешний", "прежний", "будущий"})


@dataclass(frozen=True, slots=True)
class Phrase:
    """Token ranges of a position phrase and of its organisation, if any."""

    start: int
    head: int
    stop: int  # end of the position words
    orgs: tuple[tuple[int, int, int | None], ...] = ()  # (start, stop, mention) each
    after: int | None = None  # end of places that follow the organisation ("в России")
    suffix: tuple[int, int] | None = None  # position words after the organisation

    @property
    def begin(self) -> int:
        """The first token of the phrase and its organisation ("британский премьер")."""
        return min(self.orgs[0][0], self.start) if self.orgs else self.start

    @property
    def end(self) -> int:
        if self.suffix is not None:
            return self.suffix[1]
        if self.after is not None:
            return self.after
        return max(self.orgs[-1][1], self.stop) if self.orgs else self.stop

    def org(self, number: int) -> tuple[int, int, int | None] | None:
        """The organisation of the ``number``-th person ("ректоры КФУ и КНИТУ А и Б")."""
        if not self.orgs:
            return None
        return self.orgs[number] if number < len(self.orgs) else self.orgs[0]


def find_phrase(s: SentenceView, head: int) -> Phrase:
    start = head
    while start - 1 >= s.first and modifier(s, start - 1, head) and \
            not s.in_mention(start - 1, "PER", "ORG", "LOC") and \
            (s.form(start - 1)[:1].islower() or start - 1 == s.first):
        start -= 1
    if start - 1 >= s.first and s.form(start - 1).lower() in ABBREVIATIONS:
        start -= 1  # "и.о. ректора", "врио губернатора": the acting post is the post
    stop, cases = head + 1, TAIL_CASES
    while stop < s.last and stop - head <= MAX_TAIL:
        org = org_at(s, stop)
        if org is not None:
            orgs = coordinated_orgs(s, org)
            stop = org_modifiers(s, head, stop)  # "председатель влиятельного Комитета ..."
            if len(orgs) == 1 and (named := body_of(s, orgs[0])) is not None:
                stop, orgs = orgs[0][1], (named,)  # "председатель Совета директоров «Башинформа»"
            phrase = of_place(s, Phrase(start, head, stop, orgs, places_after(s, orgs[-1][1])))
            return with_suffix(s, phrase)
        step = tail_step(s, stop, cases)
        if not step or stop == head + 1 and s.lemmas[stop].lower() in titles():
            break
        if s.form(stop) in TAIL_PREPOSITIONS:
            cases = cases | {TAIL_PREPOSITIONS[s.form(stop)]}  # "проректор по научной работе"
        stop += step
    return of_adjective(s, with_common_org(s, bracketed_org(s, Phrase(start, head, stop))))


def with_suffix(s: SentenceView, phrase: Phrase) -> Phrase:
    """A "по ..." phrase after the organisation is the position's: "проректор НГУ по научной
    работе", "заместитель директора музея-заповедника по науке", "вице-президент РАН по
    международным связям"."""
    if len(phrase.orgs) != 1 or (first := phrase.orgs[0][1]) >= s.last or \
            s.form(first) != "по":
        return phrase
    stop, cases = first, TAIL_CASES | {"Dat"}
    while stop < s.last and stop - first <= MAX_TAIL and (step := tail_step(s, stop, cases)):
        stop += step
    return replace(phrase, suffix=(first, stop), after=None) if stop > first + 1 else phrase


def org_modifiers(s: SentenceView, head: int, index: int) -> int:
    """Where the adjectives (and their adverbs) before an organisation at ``index`` begin,
    after the position's ``head``: they are the organisation's."""
    while index - 1 > head and s.tags[index - 1].pos in ("ADJ", "ADV"):
        index -= 1
    return index


def bracketed_org(s: SentenceView, phrase: Phrase) -> Phrase:
    """In brackets after a name, the organisation after a comma: "Иван Петров (директор,
    ООО «Альфа»)"."""
    if s.form(phrase.start - 1) != "(" or s.form(phrase.stop) != ",":
        return phrase
    org = org_at(s, phrase.stop + 1)
    if org is None or org[0] != phrase.stop + 1 or s.form(org[1]) != ")":
        return phrase
    return replace(phrase, orgs=(org,))


def modifier(s: SentenceView, index: int, head: int) -> bool:
    """An adjective before a head, or a participle in its case ("управляющий директор",
    not "реформа, начатая президентом"), that the dictionary can read as one (the tagger
    calls "Выступил" an adjective at the start of a sentence)."""
    tag = s.tags[index]
    if not (tag.pos == "ADJ" or tag.pos == "VERB" and tag.feats.get("VerbForm") == "Part"
            and tag.feats.get("Case") == s.tags[head].feats.get("Case")):
        return False
    parses = s.morph.parse(s.form(index).lower())
    return not parses or any(parse.tag.POS in ("ADJF", "PRTF") for parse in parses)


@cache
def titles() -> frozenset[str]:
    return frozenset(read_lexicon("position_titles.txt"))


@cache
def offices() -> frozenset[str]:
    return frozenset(read_lexicon("offices.txt"))


def of_adjective(s: SentenceView, phrase: Phrase) -> Phrase:
    """With no organisation, a place adjective opening the phrase of an office names its
    place: "британский премьер" -> org "британский" (its place is ``place_of``)."""
    if phrase.orgs or phrase.start == phrase.head or \
            s.lemmas[phrase.start] not in place_adjectives() or \
            s.lemmas[phrase.head].lower() not in offices():
        return phrase
    return replace(phrase, start=phrase.start + 1, orgs=((phrase.start, phrase.start + 1, None),))


def place_of(s: SentenceView, first: int, last: int) -> str | None:
    """The place an organisation span of one place adjective names, if it is one."""
    if last - first == 1 and s.tags[first].pos == "ADJ":
        return place_adjectives().get(s.lemmas[first])
    return None


def with_common_org(s: SentenceView, phrase: Phrase) -> Phrase:
    """With no named organisation, the tail from its first organisation noun
    (``lexicons/position_orgs.txt``) is the org ("главный тренер сборной", "глава
    государства"); a part of one stays in the position ("руководитель лаборатории")."""
    for index in range(phrase.head + 1, phrase.stop):
        if s.tags[index].pos == "NOUN" and s.lemmas[index] in org_nouns():
            first = org_modifiers(s, phrase.head, index)  # "крайне правой партии"
            return Phrase(phrase.start, phrase.head, first, ((first, phrase.stop, None),))
    return phrase


def body_of(s: SentenceView, org: tuple[int, int, int | None]
            ) -> tuple[int, int, int | None] | None:
    """The named organisation right after a body of it ("Совета директоров", a name with
    a common noun), which then belongs to the position."""
    first, last, mention = org
    if mention is None or last - first < 2 or not s.form(first + 1)[:1].islower():
        return None
    named = org_at(s, last)
    if named is None or named[0] != last or named[2] is not None and \
            s.mentions[named[2]].type != "ORG":
        return None
    return named


def of_place(s: SentenceView, phrase: Phrase) -> Phrase:
    """A place after an organisation noun of the tail is that organisation's: "глава
    правительства Мали" is the head of "правительство Мали", not of Mali."""
    if len(phrase.orgs) != 1:
        return phrase
    _, last, mention = phrase.orgs[0]
    if mention is None or s.mentions[mention].type != "LOC":
        return phrase
    common = with_common_org(s, phrase)
    if common.stop == phrase.stop:
        return phrase
    return replace(common, orgs=((common.stop, last, None),), after=phrase.after)


def tail_step(s: SentenceView, index: int, cases: frozenset[str]) -> int:
    """How many tokens at ``index`` still belong to the position phrase (0: none)."""
    form, tag = s.form(index), s.tags[index]
    if form == "(" and (close := bracketed_adjectives(s, index)):
        return close - index + 1  # "главе крестьянского (фермерского) хозяйства"
    if form == "," and listed_genitives(s, index + 1):
        return 1  # "министра промышленности, торговли и предпринимательства"
    if form == "№" and index + 1 < s.last and s.tags[index + 1].pos == "NUM":
        return 2  # "директор школы № 5"
    if s.in_mention(index, "PER") or not form[:1].islower() or s.lemmas[index] in OPENERS:
        return 0
    if tag.pos in ("NOUN", "ADJ", "NUM") and tag.feats.get("Case") in cases:
        return 1
    if tag.pos == "ADV" and index + 1 < s.last and s.tags[index + 1].pos == "ADJ" and \
            s.tags[index + 1].feats.get("Case") in cases:
        return 1  # "лидер крайне правого Национального фронта"
    if s.lemmas[index] == "обязанность" and \
            s.form(index - 1).lower().startswith("исполняющ"):
        # "исполняющий обязанности ректора", "Исполняющая обязанности главы района" (at
        # the start of a sentence the tagger reads the participle as an adjective, with a
        # lemma of its own), "исполняющему обязанности директора"
        return 1
    if (form in TAIL_PREPOSITIONS or form == "с" and "Dat" in cases) and index + 1 < s.last \
            and s.tags[index + 1].pos in ("NOUN", "ADJ") and s.form(index + 1)[:1].islower():
        return 1  # "по связям с общественностью": "с" only inside a "по" phrase
    if form == "и" and index + 1 < s.last and s.form(index + 1)[:1].islower() and \
            s.tags[index + 1].feats.get("Case") in ("Gen", "Dat") and \
            not is_head(s.lemmas[index + 1], s.form(index + 1)):
        return 1
    return 0


def listed_genitives(s: SentenceView, index: int) -> bool:
    """Genitives listed with commas up to an "и" and one more: "торговли и
    предпринимательства" after "промышленности,"."""
    while lower_genitive(s, index) or s.form(index) == "," and lower_genitive(s, index + 1):
        index += 1
    return index > 0 and s.form(index) == "и" and lower_genitive(s, index + 1) and \
        lower_genitive(s, index - 1)


def bracketed_adjectives(s: SentenceView, index: int) -> int | None:
    """The closing bracket of lower-case adjectives in brackets, if that is what follows."""
    close = index + 1
    while close < s.last and s.tags[close].pos == "ADJ" and s.form(close)[:1].islower():
        close += 1
    return close if close > index + 1 and close < s.last and s.form(close) == ")" else None
