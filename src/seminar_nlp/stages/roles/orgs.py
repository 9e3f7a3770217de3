"""Where a position's organisation is: a named one right after the position.

``org_at`` finds an organisation starting at a token by a registry of small named rules
(``ORG_RULES``, the first that finds one wins, and the roles' trace names it): an ORG or LOC
mention (after "из", "в", "при", "на", "от" too), an organisation noun after a preposition,
an acronym, a «quoted» name (or "quoted", „quoted“) or a descriptor with one ("лидер
московского «Центра»", "компания «Альфа»"), or a proper name in the genitive the model did
not tag ("оператор Аль-Джазиры").
``coordinated_orgs`` extends it over "X и Y" ("ректоры КФУ и КНИТУ"), and
``places_after`` over the places that follow it ("в России", "от штата Аризона").
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from ...resources import read_lexicon
from ...vocab import QUOTE_PAIRS, is_acronym

if TYPE_CHECKING:
    from ..view import SentenceView

PLACE_PREPOSITIONS = frozenset({"в", "во", "при", "от", "на", "по"})
MAX_QUOTED = 8  # tokens from an opening quote to its closing one in an organisation's name


@cache
def org_nouns() -> frozenset[str]:
    """Common nouns of organisations (``lexicons/position_orgs.txt``)."""
    return frozenset(read_lexicon("position_orgs.txt"))


def places_after(s: SentenceView, index: int) -> int | None:
    """The end of "в России", "при прокуратуре", "от штата Аризона" after an organisation,
    and of a list of them ("в России, на Украине и в Казахстане", "в России и Казахстане")."""
    end = None
    while True:
        if end is not None and s.form(index) in (",", "и"):
            listed = s.mention_at(index + 1, "LOC")
            if listed is not None:
                index = end = s.mentions[listed].token_stop
                continue
            index += 1
        if s.form(index).lower() not in PLACE_PREPOSITIONS:
            break
        start = index + 1
        while s.form(start)[:1].islower() and s.tags[start].pos == "ADJ":
            start += 1  # "по космическим полётам"
        if s.form(start)[:1].islower() and s.tags[start].pos == "NOUN":
            start = genitive_tail(s, start + 1)  # "от штата Аризона", "по правам человека"
        mention = s.mention_at(start, "ORG", "LOC")
        if mention is not None:
            index = end = s.mentions[mention].token_stop
        elif start > index + 1:
            index = end = start
        else:
            break
    return end


def coordinated_orgs(s: SentenceView, first: tuple[int, int, int | None]
                     ) -> tuple[tuple[int, int, int | None], ...]:
    orgs = [first]
    while s.form(orgs[-1][1]) == "и" and (more := org_at(s, orgs[-1][1] + 1)) is not None \
            and more[0] == orgs[-1][1] + 1:
        orgs.append(more)
    return tuple(orgs)


# The rules that find an organisation starting at a token, in order; the first that finds
# one names it in the roles' trace. Each takes the sentence, the token after the position
# and the token the organisation may start at (after "из", "в", "при", "на", "от").
OrgSpan = tuple[int, int, "int | None"]  # first token, stop, mention (if the org is one)
OrgRule = Callable[["SentenceView", int, int], "OrgSpan | None"]
PREPOSITIONS = ("из", "в", "во", "при", "на", "от")


def a_mention(s: SentenceView, index: int, at: int) -> OrgSpan | None:
    """An ORG or LOC mention: "директор [Института физики РАН]", "в [ТГУ]"."""
    mention = s.mention_at(at, "ORG", "LOC")
    return None if mention is None else (at, mention_stop(s, mention), mention)


def a_body_after_a_preposition(s: SentenceView, index: int, at: int) -> OrgSpan | None:
    """An organisation noun after a preposition: "консультантом [в министерстве обороны
    Мали]", "инженер [в нефтедобывающей компании ООО «МНКТ»]"."""
    return common_org(s, at) if at > index else None


def an_acronym(s: SentenceView, index: int, at: int) -> OrgSpan | None:
    """An acronym right after the position the NER left out: "ректор [КФУ]"."""
    if at == index and is_acronym(s.form(at)) and not s.in_mention(at, "PER"):
        return at, at + 1, None
    return None


def a_quoted_name(s: SentenceView, index: int, at: int) -> OrgSpan | None:
    """A quoted name: "лидер московского [«Центра»]"."""
    if (stop := quoted_end(s, at, MAX_QUOTED)) is not None:
        return at, stop, s.mention_at(at + 1, "ORG") or s.mention_at(at, "ORG")
    return None


def a_descriptor_and_quoted_name(s: SentenceView, index: int, at: int) -> OrgSpan | None:
    """A noun and a quoted name: "директор [компании «Альфа»]"; not a word of a "по"
    phrase ("директор по науке «Яндекса»")."""
    if s.tags[at].pos == "NOUN" and s.tags[at].feats.get("Case") not in ("Dat", "Loc") and \
            (stop := quoted_end(s, at + 1)) is not None:
        return at, stop, s.mention_at(at + 1, "ORG") or s.mention_at(at + 2, "ORG")
    return None


def a_genitive_name(s: SentenceView, index: int, at: int) -> OrgSpan | None:
    """A proper name in the genitive the NER did not tag, with its genitive words and a
    place or organisation in the genitive after them: "оператор [Аль-Джазиры]",
    "председатель [Ассоциации разработчиков ... систем]", "полномочный представитель
    [Президента РФ]", "советник [Губернатора Томской области]"."""
    if at != index or not genitive_name(s, at):
        return None
    stop = at + 1
    while stop < s.last and stop - at < 3 and genitive_name(s, stop):
        stop += 1
    stop = genitive_tail(s, stop)
    if (mention := s.mention_at(stop, "LOC", "ORG")) is not None and \
            s.tags[stop].feats.get("Case") == "Gen":
        stop = mention_stop(s, mention)
    return at, stop, None


ORG_RULES: tuple[tuple[str, OrgRule], ...] = (
    ("a mention", a_mention),
    ("a body after a preposition", a_body_after_a_preposition),
    ("an acronym", an_acronym),
    ("a quoted name", a_quoted_name),
    ("a descriptor and a quoted name", a_descriptor_and_quoted_name),
    ("a genitive name", a_genitive_name),
)


def org_rule_at(s: SentenceView, index: int) -> tuple[str, OrgSpan] | None:
    """The organisation starting at ``index`` (or after a preposition there), and the name of
    the rule that found it."""
    at = index + 1 if s.form(index).lower() in PREPOSITIONS else index
    if at >= s.last:
        return None
    for name, rule in ORG_RULES:
        if (found := rule(s, index, at)) is not None:
            return name, found
    return None


def org_at(s: SentenceView, index: int) -> OrgSpan | None:
    """The organisation starting at ``index`` (after "из"/"в"/"при"/"на"/"от"), as token range
    + mention."""
    found = org_rule_at(s, index)
    return None if found is None else found[1]


def mention_stop(s: SentenceView, mention: int) -> int:
    """The end of a mention, with the closing quote the model left out: АО «Невская
    энергетика», ООО "МНКТ"."""
    found = s.mentions[mention]
    stop, text = found.token_stop, s.doc.text[found.start:found.stop]
    for opening, close in QUOTE_PAIRS.items():
        unclosed = (text.count(opening) % 2 == 1 if opening == close
                    else text.count(opening) > text.count(close))
        if unclosed and s.form(stop) == close:
            return stop + 1
    return stop


def common_org(s: SentenceView, at: int, nouns: frozenset[str] | None = None
               ) -> tuple[int, int, int | None] | None:
    """An organisation noun (of ``nouns``, else ``org_nouns()``) after a preposition, with
    its adjectives, its genitive words and a name after them: "в нефтедобывающей компании
    ООО «МНКТ»"."""
    head = at
    while head < s.last and s.tags[head].pos == "ADJ" and s.form(head)[:1].islower():
        head += 1
    if head >= s.last or s.tags[head].pos != "NOUN" or not s.form(head)[:1].islower() or \
            s.lemmas[head] not in (org_nouns() if nouns is None else nouns):
        return None
    stop = genitive_tail(s, head + 1)
    if (mention := s.mention_at(stop, "ORG", "LOC")) is not None:
        stop = mention_stop(s, mention)
    elif (end := quoted_end(s, stop, MAX_QUOTED)) is not None:
        stop = end
    return at, stop, None


def lower_genitive(s: SentenceView, index: int) -> bool:
    """A lower-case noun or adjective in the genitive."""
    return index < s.last and s.form(index)[:1].islower() and \
        s.tags[index].pos in ("NOUN", "ADJ") and s.tags[index].feats.get("Case") == "Gen"


def genitive_tail(s: SentenceView, stop: int) -> int:
    """The end of the lower-case genitive words from ``stop`` ("обороны", "разработчиков
    медицинских информационных систем")."""
    while lower_genitive(s, stop):
        stop += 1
    return stop


def genitive_name(s: SentenceView, index: int) -> bool:
    """A capitalised proper name in the genitive that the model tagged as nothing."""
    if not s.first < index < s.last:
        return False
    tag = s.tags[index]
    return (tag.pos == "PROPN" and tag.feats.get("Case") == "Gen"
            and s.form(index)[:1].isupper() and s.inside.get(index) is None)


def closing(s: SentenceView, opening: int) -> int | None:
    """The quote that closes the one at ``opening`` («...», "...", „...“)."""
    close = QUOTE_PAIRS[s.form(opening)]
    return next((i for i in range(opening + 1, s.last) if s.form(i) == close), None)


def quoted_end(s: SentenceView, index: int, longest: int | None = None) -> int | None:
    """The end of a quoted name opening at ``index`` (its closing quote included), if one
    does and is closed within ``longest`` tokens."""
    if s.form(index) not in QUOTE_PAIRS or (close := closing(s, index)) is None:
        return None
    return close + 1 if longest is None or close - index <= longest else None
