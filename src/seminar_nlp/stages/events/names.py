"""Names: lists of names (organisers, partners, venues) and who organised an event.

Organisers and partners come from the event's paragraph: "организаторами выступили X и
Y", "X провёл <event>", "<event> организовала X", "организатор — X", "совместно с X" give
organisers; "при поддержке X", "партнёром выступил X", "партнёр — X" give partners. A list
splits at commas and "и" where the next item starts a new name (a capital or a noun of
``lexicons/org_heads.txt``). The cue words are data in ``lexicons/event_cues.tsv``; this
module also loads them, with the event types, as the Events stage's lexicon.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from ...records import Sentence
from ...resources import Morphology, read_lexicon
from ...vocab import DASHES, event_types, fold, institutions, org_heads
from ..view import Phrases, View
from .dates import find_dates

MAX_OBJECT_GAP = 8  # words between "провёл" and the event ("провёл 18 марта в Казани семинар")
MAX_ROLE_GAP = 3  # words between "организатором" and "выступил" ("организатором семинара")
LIST_BREAKS = frozenset({";", ":", "—", "–"})
LIST_ENDS = ("partner_prep", "co_organizer", "list_stop", "organizer_noun", "partner_noun")
STOP_POS = frozenset({"VERB", "AUX", "SCONJ", "PRON"})
INFINITIVE_ENDINGS = ("ть", "ться", "ти", "тись", "чь", "чься")
END_PUNCTUATION = frozenset({",", ".", "!", "?", "…", "и"})

Names = tuple[list[list[int]], int]  # items of a list of names (token indices), where it ended


# The lexicon


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The Events stage's words: event types, cue phrases and organisation heads."""

    types: Mapping[tuple[str, ...], str]  # lemmas of an entry -> its event type
    longest: int
    cues: Mapping[str, Phrases]
    words: Mapping[str, frozenset[str]]  # one-word cues of each kind
    org_heads: frozenset[str]
    firsts: frozenset[str]  # first lemmas of the event types' entries

    def cue(self, view: View, index: int, *kinds: str) -> int:
        """Length of the longest cue phrase of these kinds at ``index``, 0 if none."""
        return max((self.cues[kind].match(view, index) for kind in kinds), default=0)


@cache  # one per analyser
def load_lexicon(morph: Morphology) -> Lexicon:
    types = event_types(morph)
    kinds: dict[str, list[str]] = {}
    for line in read_lexicon("event_cues.tsv"):
        kind, phrase = line.split("\t")
        kinds.setdefault(kind, []).append(phrase)
    words = {kind: frozenset(fold(p) for p in phrases if " " not in p)
             for kind, phrases in kinds.items()}
    return Lexicon(types, max(map(len, types)),
                   {kind: Phrases.of(phrases) for kind, phrases in kinds.items()}, words,
                   frozenset(fold(head) for head in org_heads()),
                   frozenset(entry[0] for entry in types))


# Lists of names (organisers, partners, venues)


def is_stop(view: View, index: int) -> bool:
    """A verb or a clause word ends a name; a full participle is a modifier inside it
    ("Министерство ... перерабатывающей промышленности")."""
    tag = view.tags[index]
    participle = tag.feats.get("VerbForm") == "Part" and tag.feats.get("Variant") != "Short"
    # "им." of "Институт леса им. В. Н. Сукачёва", which the tagger may take for a verb
    return tag.pos in STOP_POS and not participle and view.words[index] != "им." and \
        not hyphenated_noun(view, index)


def hyphenated_noun(view: View, index: int) -> bool:
    """A hyphenated word the tagger calls a verb whose lemma is no verb's: "Российское
    общество историков-архивистов" (lemma "историк-архивист"), "учёных-аграрников"."""
    return view.tags[index].pos == "VERB" and "-" in view.words[index] and \
        not view.lemmas[index].endswith(INFINITIVE_ENDINGS)


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
        elif view.words[index] == "(" and inner_word(view, index, stop):
            taken += [index, index + 1, index + 2]  # "Северный (Арктический) федеральный ..."
            index += 3
            continue
        elif view.words[index] == "(":
            index = skip_brackets(view, index, stop)
            continue
        elif ends(index):
            break
        else:
            taken.append(index)
        index += 1
    return taken, index


def inner_word(view: View, index: int, stop: int) -> bool:
    """A bracket of one capitalised word inside a name, which goes on after it in lower
    case: "Северный (Арктический) федеральный университет"; not a city after a venue that
    a verb follows ("в конференц-зале ТГУ (Томск) проходит ...")."""
    return index + 3 < stop and view.words[index + 2] == ")" and \
        view.tokens[index + 1].form[:1].isupper() and not view.tokens[index + 1].form.isupper() \
        and view.tokens[index + 3].form[:1].islower() and view.is_word(index + 3) \
        and not is_stop(view, index + 3)


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
    """An event word, the closing » of its title, or an object pronoun ("Его провёл ...")."""
    tag = view.tags[index]
    return (view.lemmas[index] in refs or view.words[index] == "»" and titled(view, refs, index)
            or tag.pos == "PRON" and tag.feats.get("Case") == "Acc")


def titled(view: View, refs: frozenset[str], closer: int) -> bool:
    """Whether a closing quote ends the event's «title» (not "Центр «IT-куб»")."""
    opener = next((start for start, stop in view.closers.items() if stop == closer), None)
    return opener is not None and any(view.lemmas[k] in refs
                                      for k in range(max(0, opener - 4), opener))


def verb_like(view: View, index: int) -> bool:
    """A verb, or its participle the tagger calls an adjective ("Субботник организован
    советом ...", "конференция, организованная министерством ...")."""
    tag = view.tags[index]
    return tag.pos == "VERB" or tag.pos == "ADJ" and view.words[index].startswith(
        ("организован", "проведен", "подготовлен"))


def verb_names(view: View, lex: Lexicon, refs: frozenset[str], index: int,
               sentence: tuple[int, int]) -> Names | None:
    """Organisers of "X провёл <event>" (before the verb) or "<event> провёл X" (after);
    a date may stand between ("X провёл 3 февраля вебинар", "X 3 февраля провёл ...")."""
    dates = date_tokens(view, *sentence)
    before = neighbour(view, index, -1, *sentence)
    while before is not None and before in dates:
        before = neighbour(view, before, -1, *sentence)
    if object_ahead(view, refs, index, sentence[1], dates):
        start = index
        while start > sentence[0] and view.words[start - 1] != "," and \
                view.paragraphs[start - 1] == view.paragraphs[index]:
            start -= 1  # back to a comma, or the line (a headline glued to the sentence)
        while start < index and (view.tags[start].pos == "ADV"
                                 or not starts_name(view, lex, [start])
                                 or place_before(view, start)):
            start += 1  # "18 марта Фонд X провёл семинар", "Вчера фонд X провёл ...",
            # "4 июня в Череповце АО «...» провело встречу"
        end = index
        while end > start and end - 1 in dates:
            end -= 1  # "Фонд X 18 марта провёл семинар"
        return subjects(view, lex, start, end), index + 1
    if before is not None and institution(view, before) and view.tags[before].feats.get(
            "Case") == "Nom":  # "Встречу больница провела совместно с ...": the subject
        first = neighbour(view, before, -1, *sentence)
        if first is not None and refers_to_event(view, refs, first):
            return [[before]], index + 1
    if before is not None and view.words[before] == ",":  # "<event> «...», организованная X"
        before = neighbour(view, before, -1, *sentence)
    if before is not None and refers_to_event(view, refs, before) and \
            view.tags[before].feats.get("Case") not in OBLIQUE:
        return name_list(view, lex, index + 1, sentence[1])
    return None


# "По итогам круглого стола подготовлена резолюция": an event in an oblique case is no
# subject or object of the verb, so what follows names no organiser.
OBLIQUE = frozenset({"Gen", "Dat", "Ins", "Loc"})


def institution(view: View, index: int) -> bool:
    """A lower-case noun of an institution: it refers to one the report names."""
    return view.tags[index].pos == "NOUN" and view.lemmas[index] in institutions() and \
        view.tokens[index].form[:1].islower()


def place_before(view: View, index: int) -> bool:
    """A token of a place after a preposition ("в Череповце"): no part of the subject."""
    return any(m.type == "LOC" and m.token_start <= index < m.token_stop and m.token_start > 0
               and view.tags[m.token_start - 1].pos == "ADP" for m in view.doc.need("mentions"))


def subjects(view: View, lex: Lexicon, start: int, end: int) -> list[list[int]]:
    """The names before the verb, with those after "совместно с" ("Движение X совместно с
    отделением Y провели субботник")."""
    names, stop = name_list(view, lex, start, end)
    size = lex.cue(view, stop, "co_organizer") if stop < end else 0
    return names + (name_list(view, lex, stop + size, end)[0] if size else [])


def object_ahead(view: View, refs: frozenset[str], verb: int, stop: int,
                 dates: frozenset[int]) -> bool:
    """Whether the verb's object is the event, past dates and a place ("провёл 3 февраля
    вебинар", "провёл в Калуге мастер-класс"), before a comma or another verb."""
    for k in range(verb + 1, min(verb + 1 + MAX_OBJECT_GAP, stop)):
        if view.depth[k] == 0 and view.lemmas[k] in refs:
            return True
        if view.depth[k] > 0 or k in view.closers or view.words[k] == "»":
            continue  # a «name» of the place: "провела в технопарке «ИТ-парк» презентацию"
        if view.words[k] == "," or view.tags[k].pos in {"VERB", "AUX"} or \
                k not in dates and view.tags[k].pos not in {"ADP", "PROPN", "ADV", "PART",
                                                            "ADJ", "NOUN"}:
            return False
        if view.tags[k].pos == "NOUN" and view.tags[k - 1].pos != "ADP" \
                and view.tags[k].feats.get("Case") == "Acc":  # the object: the event's part?
            return part_of_event(view, refs, k, stop)
    return False


# A part of an event as the object: "провела региональный этап конкурса", "провёл финал
# олимпиады", "провели второй день форума".
PARTS = frozenset({"этап", "финал", "полуфинал", "тур", "день", "сессия", "секция", "часть"})


def part_of_event(view: View, refs: frozenset[str], noun: int, stop: int) -> bool:
    after = noun + 1
    while after < stop and view.tags[after].pos == "ADJ":
        after += 1
    return view.lemmas[noun] in PARTS and after < stop and view.lemmas[after] in refs


def date_tokens(view: View, start: int, stop: int) -> frozenset[int]:
    """The tokens of dates in tokens [start, stop) ("3 февраля 2026 г.", "25.05.2026")."""
    if start >= stop:
        return frozenset()
    first, last = view.tokens[start].start, view.tokens[stop - 1].stop
    spans = [(span.start, span.stop) for span in find_dates(view.doc.text[first:last], first)]
    return frozenset(k for k in range(start, stop)
                     if any(a <= view.tokens[k].start < b for a, b in spans))


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
        yield from ((role, last_line(view, item)) for item in names[0] if last_line(view, item))
        index = max(names[1], index + 1)


def last_line(view: View, item: Sequence[int]) -> list[int]:
    """The part of a name on its last line, without a date before it: a name never spans a
    line break, so what comes before one is a headline or breadcrumbs the sentence was glued
    to ("Главная → Новости → Псковский музей-заповедник", "Новости / 24.03.2026 09:15
    Министерство ..."), and a dateline is no part of it ("12 апреля Псковский музей")."""
    kept = [k for k in item if view.paragraphs[k] == view.paragraphs[item[-1]]]
    dates = date_tokens(view, kept[0], kept[-1] + 1) if kept else frozenset()
    while kept and (kept[0] in dates or view.words[kept[0]].isdigit()):
        kept = kept[1:]
    return kept


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
    if size := lex.cue(view, index, "organizer_prep"):  # "по инициативе X"
        return "organizer", name_list(view, lex, index + size, stop)
    if (size := lex.cue(view, index, "co_organizer")) and has_organizers:
        return "organizer", name_list(view, lex, index + size, stop)
    if view.lemmas[index] in lex.words["organizer_verb"] and verb_like(view, index) and \
            view.tags[index].feats.get("Person") != "1":  # "мы проведём ...": speech
        return "organizer", verb_names(view, lex, refs, index, sentence)
    return "", None
