"""People, organisations and locations with natasha's slovnet news NER model.

The model reads whole documents (as natasha does), chunk by chunk (``tagging``, slovnet's
network on our forward pass).
Each predicted span is snapped to the tokens it touches and cut at the end of
the sentence it starts in, so every mention lies inside one sentence. A few of
the model's mistakes are mended: a position taken into a name is cut off, an
organisation read together with the name before it is split ("[Лонгин Клинский
(РПЦ МП)]"), a "place" of a first name and a surname is a person, a "place" that is an
organisation's name or the place of a body before it makes an organisation (``orgs``), and
an organisation and the genitive name the model split off it are joined again.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ...cleaning import analysis_view, without_stress
from ...normal.words import NAME_GRAMS, SETTLEMENT_WORDS
from ...records import Doc, EntityType, Mention, Tag, Token
from ...resources import Morphology, Resources
from ...vocab import is_head
from .lists import with_fields
from .orgs import org_mentions, split_acronyms

TYPES: dict[str, EntityType] = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
CHUNK = 2000  # characters of whole sentences the model reads at once
# Characters the model sometimes leaves at the edges of a span (brackets are
# balanced separately).
EDGE_JUNK = " \t\n\r.,;:!?\"'-–—"


def snap(tokens: Sequence[Token], starts: list[int], stops: list[int],
         start: int, stop: int) -> tuple[int, int] | None:
    """Token range [first, last) covering the character span, or None."""
    first = bisect_right(stops, start)
    last = bisect_left(starts, stop)
    if first >= last:
        return None
    return first, last


def trim(tokens: Sequence[Token], first: int, last: int) -> tuple[int, int]:
    while first < last and tokens[first].form.strip(EDGE_JUNK) == "":
        first += 1
    while last > first and tokens[last - 1].form.strip(EDGE_JUNK) == "":
        last -= 1
    return first, last


# Brackets a span must close. Quotes are left as the model gives them: the
# factRuEval convention ends a quoted name before its closing quote, and the
# normal form closes it instead (normal/words.py, ``join``).
PAIRS = {"(": ")", "[": "]"}
CLOSERS = {closer: opener for opener, closer in PAIRS.items()}


def balance(tokens: Sequence[Token], first: int, last: int, limit: int) -> tuple[int, int]:
    """Close a bracket the span opens, or cut the span before it; drop stray closers."""
    while first < last and tokens[first].form in CLOSERS:
        first += 1
    open_at: list[int] = []
    for index in range(first, last):
        form = tokens[index].form
        if form in PAIRS:
            open_at.append(index)
        elif form in CLOSERS and open_at and tokens[open_at[-1]].form == CLOSERS[form]:
            open_at.pop()
        elif form in CLOSERS:
            return first, index  # a closer the span never opened ends it
    if open_at:
        closer = PAIRS[tokens[open_at[-1]].form]
        if len(open_at) == 1 and last < limit and tokens[last].form == closer:
            return first, last + 1
        return first, open_at[0]
    return first, last


def doc_mentions(doc: Doc, spans: Sequence[object], morph: Morphology,
                 not_orgs: frozenset[str] | None = None) -> tuple[Mention, ...]:
    tokens = doc.need("tokens")
    sentences = doc.need("sentences")
    starts = [token.start for token in tokens]
    stops = [token.stop for token in tokens]
    mentions = []
    for span in spans:
        kind = TYPES.get(getattr(span, "type", ""))
        found = snap(tokens, starts, stops, span.start, span.stop)  # type: ignore[attr-defined]
        if kind is None or found is None:
            continue
        first, last = found
        sent = tokens[first].sent
        last = min(last, sentences[sent].token_stop)
        first, last = trim(tokens, first, last)
        first, last = balance(tokens, first, last, sentences[sent].token_stop)
        first, last = trim(tokens, first, last)
        if first < last:
            mentions.append(Mention(tokens[first].start, tokens[last - 1].stop, kind,
                                    sent, first, last))
    lemmas = doc.need("lemmas")
    initial = frozenset(sentence.token_start for sentence in sentences)
    mentions = [trimmed for m in mentions if not numbered_person(m, tokens)
                and (trimmed := trim_position(m, tokens, lemmas, morph, initial)) is not None]
    mentions = [trimmed for m in mentions
                if (trimmed := trim_group(m, tokens, lemmas, doc.need("tags"), initial))]
    mentions = [part for m in mentions for part in person_and_org(m, tokens, morph)]
    mentions = [person_not_place(m, tokens, morph) for m in mentions]
    mentions = org_mentions(mentions, doc.text, tokens, doc.need("tags"), lemmas, morph,
                            not_orgs)
    mentions = with_fields(mentions, tokens, doc.need("tags"), lemmas, sentences)
    joined = join_chains(mentions, tokens, doc.need("tags"), morph)
    return tuple(split_acronyms(joined, tokens, doc.text))


def numbered_person(mention: Mention, tokens: Sequence[Token]) -> bool:
    """A "person" with a digit in its name is a product or a series: "Формула-1"."""
    return mention.type == "PER" and any(
        char.isdigit() for token in tokens[mention.token_start:mention.token_stop]
        for char in token.form)


def trim_position(mention: Mention, tokens: Sequence[Token], lemmas: Sequence[str],
                  morph: Morphology, initial: frozenset[int]) -> Mention | None:
    """Cut a position the model took into a name: "[Проректоры] ТПУ", "[Замглавы]",
    "[Император] Акихито"; a position alone that opens a sentence is no person
    ("Модератором выступил ...") unless it can be a name ("Королева поблагодарила
    ..."); inside one its capital makes it a name ("Не стоит Адвокату ...")."""
    first = mention.token_start
    if mention.type == "LOC" or not is_head(lemmas[first], tokens[first].form):
        return mention
    if mention.token_stop - first < 2:
        if mention.type == "ORG" or first in initial and not name_like(tokens[first], morph):
            return None
        return mention
    return replace(mention, token_start=first + 1, start=tokens[first + 1].start)


# People of an organisation named by it, at a sentence's start: "[Делегация] Университета
# Иннополис посетила ...", "[Выпускники] МГУ ...", "[Коллектив] Института физики ...".
GROUPS = frozenset({"делегация", "коллектив", "участник", "выпускник", "школьник", "команда"})


def trim_group(mention: Mention, tokens: Sequence[Token], lemmas: Sequence[str],
               tags: Sequence[Tag], initial: frozenset[int]) -> Mention | None:
    """Cut a group of people the model took into the organisation's name after it (its
    name capitalised, in the genitive; not a quoted name: "Команда «Зенит»"); the group
    word alone is no organisation."""
    first, after = mention.token_start, mention.token_start + 1
    if mention.type != "ORG" or first not in initial or lemmas[first].lower() not in GROUPS \
            or after >= len(tokens) or not tokens[after].form[:1].isupper() or \
            tags[after].feats.get("Case") != "Gen":
        return mention
    if mention.token_stop == after:
        return None
    return replace(mention, token_start=after, start=tokens[after].start)


def person_and_org(mention: Mention, tokens: Sequence[Token], morph: Morphology
                   ) -> tuple[Mention, ...]:
    """An organisation the model read as one with the name before it: "[Лонгин Клинский
    (РПЦ МП)]" is the person "Лонгин Клинский" and the organisation "РПЦ МП"."""
    first, stop = mention.token_start, mention.token_stop
    forms = [token.form for token in tokens[first:stop]]
    if mention.type != "ORG" or forms[-1] != ")" or "(" not in forms[2:4] or \
            not all(form[:1].isupper() for form in forms[:forms.index("(")]) or \
            not morph.can_be(forms[0], "Name"):
        return (mention,)
    bracket = first + forms.index("(")
    if bracket + 1 >= stop - 1:
        return (mention,)
    person = replace(mention, type="PER", stop=tokens[bracket - 1].stop, token_stop=bracket)
    org = replace(mention, start=tokens[bracket + 1].start, stop=tokens[stop - 2].stop,
                  token_start=bracket + 1, token_stop=stop - 1)
    return person, org


def person_not_place(mention: Mention, tokens: Sequence[Token], morph: Morphology
                     ) -> Mention:
    """A "place" of a first name and a surname that no word of could name a place is a
    person: "Ахмат-Хаджи Кадырова" (not "Пушкина", a town too)."""
    words = [token.form for token in tokens[mention.token_start:mention.token_stop]]
    if mention.type != "LOC" or not 2 <= len(words) <= 3 or \
            any(morph.can_be(word, "Geox") for word in words):
        return mention
    if morph.can_be(words[0], "Name") and morph.can_be(words[-1], "Surn"):
        return replace(mention, type="PER")
    return mention


def name_like(token: Token, morph: Morphology) -> bool:
    """Whether the dictionary can read a word as a first name, surname or patronymic."""
    return morph.can_be(token.form, *NAME_GRAMS)


def genitive(token: Token, tag: Tag, morph: Morphology) -> bool:
    """The tagger says genitive, or it says nominative where the dictionary allows a
    genitive (the tagger reads some unknown names as nominative: "Сбера")."""
    case = tag.feats.get("Case")
    if case == "Gen":
        return True
    return case == "Nom" and morph.can_be(token.form, "gent")


# Joined names keep their places as mentions of their own ("России" in
# "Министерства ... России" is still a location).
NESTED = frozenset({"LOC", "ORG"})


def without_brackets(mention: Mention, tokens: Sequence[Token]) -> Mention:
    """A nested name without the bracketed acronym that ends the joined one: "Российской
    академии наук" of "Института археологии Российской академии наук (ИА РАН)"."""
    forms = [token.form for token in tokens[mention.token_start:mention.token_stop]]
    if forms[-1] != ")" or "(" not in forms[1:]:
        return mention
    stop = mention.token_start + len(forms) - 1 - forms[::-1].index("(")
    return replace(mention, stop=tokens[stop - 1].stop, token_stop=stop)


EPONYM = frozenset({"имени", "им."})


def eponym_end(org: Mention, person: Mention, tokens: Sequence[Token], tags: Sequence[Tag],
               morph: Morphology) -> int | None:
    """Where the person an organisation is named after ends, when the model split it off
    (and perhaps ran it on into the next name): "Уральского федерального университета
    имени первого Президента России" + "Б. Н. Ельцина" (+ "Виктор Кокшаров")."""
    if not (org.type == "ORG" and person.type == "PER" and person.token_start == org.token_stop
            and person.sent == org.sent and any(token.form.lower() in EPONYM for token
                                                in tokens[org.token_start:org.token_stop])):
        return None
    index = person.token_start
    while index < person.token_stop and len(tokens[index].form) <= 3 and \
            tokens[index].form.endswith("."):
        index += 1  # initials
    if index == person.token_start or index >= person.token_stop or \
            not genitive(tokens[index], tags[index], morph):
        return None  # an eponym is written with initials: "имени Б. Н. Ельцина"
    return index + 1


def settlement_between(org: Mention, place: Mention, tokens: Sequence[Token]) -> bool:
    """Whether one settlement word ("г.", "города", "села") stands between the two: it
    belongs to the organisation's name ("администрации г. Томска")."""
    between = [token.form.lower() for token in tokens[org.token_stop:place.token_start]]
    if len(between) == 2 and between[1] == ".":  # "г" and "." as two tokens
        between = [between[0] + "."]
    return len(between) == 1 and between[0] in SETTLEMENT_WORDS


def join_chains(mentions: Sequence[Mention], tokens: Sequence[Token],
                tags: Sequence[Tag], morph: Morphology) -> list[Mention]:
    """Join an organisation and the genitive name right after it that the model split off:
    "Центра искусственного интеллекта" + "Сбера", "Института физики" + "РАН"."""
    out: list[Mention] = []
    inner: list[Mention] = []
    for mention in mentions:
        last = out[-1] if out else None
        if (last is not None and last.type == "ORG" and mention.type in ("ORG", "LOC")
                and mention.sent == last.sent
                and (mention.token_start == last.token_stop
                     or mention.type == "LOC" and settlement_between(last, mention, tokens))
                and genitive(tokens[mention.token_start], tags[mention.token_start], morph)):
            out[-1] = replace(last, stop=mention.stop, token_stop=mention.token_stop)
            if mention.type in NESTED:
                inner.append(without_brackets(mention, tokens))
        elif last is not None and (end := eponym_end(last, mention, tokens, tags, morph)):
            out[-1] = replace(last, stop=tokens[end - 1].stop, token_stop=end)
            if end < mention.token_stop:  # "... Б. Н. Ельцина | Виктор Кокшаров": the rest
                out.append(replace(mention, start=tokens[end].start, token_start=end))
        else:
            out.append(mention)
    return sorted(out + inner, key=lambda m: (m.start, -m.stop))


class NER:
    name = "ner"
    needs: tuple[str, ...] = ("sentences", "tokens", "tags", "lemmas")
    provides: tuple[str, ...] = ("mentions",)

    def __init__(self, resources: Resources, not_orgs: frozenset[str] | None = None) -> None:
        """``not_orgs``: names never taken for organisations (default: the lexicon
        ``not_orgs.txt``; the training command counts it with an empty set)."""
        self.resources = resources
        self.not_orgs = not_orgs

    def __call__(self, docs: Sequence[Doc]) -> list[Doc]:
        chunks = [(index, start, stop) for index, doc in enumerate(docs)
                  for start, stop in chunk_bounds(doc)]
        # The model reads words without stress marks, as the other models do; ``kept``
        # maps its offsets back.
        views = [without_stress(analysis_view(docs[index].text[start:stop]))
                 for index, start, stop in chunks]
        spans: list[list[Span]] = [[] for _ in docs]
        tagged = self.resources.taggers.ner([text for text, _ in views])
        for (index, start, _), (_, kept), markup in zip(chunks, views, tagged, strict=True):
            spans[index].extend(Span(start + s.start, start + s.stop, s.type) if kept is None
                                else Span(start + kept[s.start], start + kept[s.stop - 1] + 1,
                                          s.type)
                                for s in markup)
        return [replace(doc, mentions=doc_mentions(doc, found, self.resources.morph,
                                                         self.not_orgs))
                for doc, found in zip(docs, spans, strict=True)]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    stop: int
    type: str


def chunk_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Pieces of whole sentences, each up to CHUNK characters, for the model to read.

    The model's window is a few words wide, so cutting at sentence ends changes nothing
    but keeps the work linear in a document's size and the batches evenly padded.
    """
    bounds: list[tuple[int, int]] = []
    start = stop = None
    for sent in doc.need("sentences"):
        if start is not None and stop is not None and sent.stop - start > CHUNK:
            bounds.append((start, stop))
            start = None
        if start is None:
            start = sent.start
        stop = sent.stop
    if start is not None and stop is not None:
        bounds.append((start, stop))
    return bounds


def span_mention(doc: Doc, start: int, stop: int, kind: EntityType) -> Mention:
    """A mention over the tokens that a character span touches (for given spans)."""
    tokens = doc.need("tokens")
    found = snap(tokens, [t.start for t in tokens], [t.stop for t in tokens], start, stop)
    if found is None:
        raise ValueError(f"no token lies in the span {start}:{stop}")
    first, last = found
    return Mention(tokens[first].start, tokens[last - 1].stop, kind, tokens[first].sent,
                   first, last)
