"""The event's place: venue and city as the report names them ("Venue, City"), "online" for
an event held only online.

Venues and cities come from the event's sentence after a venue cue ("в ...", "на базе ...",
"на площадке ...", "в стенах ...") or as the subject of "площадкой ... стал"; what that
sentence lacks, from the sentences of the event's other mentions and the next sentences that
refer to it ("Экспозиция развернулась в ..."), never from one about its next or past
occurrence. Names are put in the nominative by the stage's normaliser (``normal``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from ...records import Sentence
from ..view import View
from .candidates import Mention as EventMention
from .match import ONLINE, Match, unique
from .names import (
    LIST_BREAKS,
    Lexicon,
    first_noun,
    is_stop,
    last_line,
    split_items,
    starts_name,
    walk,
    without_end_punctuation,
)

Normal = Callable[[View, Sequence[int], str], str]  # tokens -> nominative, by kind


# Held both in a hall and online: the hall is the place ("в смешанном формате",
# "в гибридном формате", "очно и онлайн").
HYBRID = frozenset({"смешанный", "гибридный", "очный", "очно", "очно-заочный"})


def online(view: View, lex: Lexicon, match: Match) -> bool:
    cues, span = lex.words["online"], range(match.sentence.token_start, match.sentence.token_stop)
    return match.event_type in cues or not any(view.lemmas[k] in HYBRID for k in span) and any(
        view.lemmas[k] in cues or view.words[k] in cues for k in span)


# Held online, said of the event in a sentence of its own: "Он прошёл полностью в
# онлайн-формате", "Олимпиада прошла в онлайн-формате", "Акция проводилась онлайн".
HOLDING = frozenset({"пройти", "проходить", "состояться", "провести", "проводиться",
                     "проводить", "организовать"})


def held_online(view: View, lex: Lexicon, sentence: Sentence) -> bool:
    """Whether a sentence says, outside quotes, that something was held online (only)."""
    cues, span = lex.words["online"], range(sentence.token_start, sentence.token_stop)
    if any(view.lemmas[k] in HYBRID for k in span):
        return False
    return any(view.lemmas[k] in HOLDING and view.depth[k] == 0 for k in span) and any(
        (view.lemmas[k] in cues or view.words[k] in cues) and view.depth[k] == 0
        for k in span)


# A venue as the subject of "площадкой ... стал(а)" or of "принимает": "Площадкой
# фестиваля стал Калининградский зоопарк", "площадкой для концерта стал Большой зал
# филармонии", "Соревнования принимает спортивный комплекс «Энергия»".
HOST_VERBS = frozenset({"стать", "принимать", "принять"})


def host_items(view: View, lex: Lexicon, match: Match) -> Iterator[list[int]]:
    span = range(match.sentence.token_start, match.sentence.token_stop)
    platform = any(view.lemmas[k] == "площадка" and view.tags[k].feats.get("Case") == "Ins"
                   for k in span)
    for k in span:
        if view.lemmas[k] in HOST_VERBS and view.depth[k] == 0 and view.tags[k].pos in (
                "VERB", "AUX") and (platform or view.lemmas[k] != "стать"):
            phrase = place_phrase(view, match, k + 1)
            yield from (item for item in split_items(view, lex, phrase)
                        if plausible_place(view, lex, item))
            return


def inside_mention(view: View, index: int) -> bool:
    """Whether a name mention runs on through the token ("агентство по делам молодёжи")."""
    return any(m.type != "PER" and m.token_start < index < m.token_stop - 1
               for m in view.doc.need("mentions"))


def place_phrase(view: View, match: Match, start: int) -> list[int]:
    """Tokens of a venue phrase from ``start``: up to a verb, an adverb ("в Удмуртии
    совместно с ...", "в зале традиционно"), a comma, a number, the event noun or a
    preposition that no name runs on through."""
    def ends(k: int) -> bool:
        word = view.words[k]
        number = any(ch.isdigit() for ch in word) and view.words[k - 1] not in ("№", "no")
        return (is_stop(view, k) or word in LIST_BREAKS or word == ","
                or (view.tags[k].pos == "ADV" and view.depth[k] == 0)
                or (view.tags[k].pos == "ADP" and not inside_mention(view, k))
                or number or match.start <= k < match.stop)

    return without_end_punctuation(view, walk(view, start, match.sentence.token_stop, ends)[0])


def place_items(view: View, lex: Lexicon, match: Match) -> Iterator[list[int]]:
    """Venues and cities that the event sentence names after a venue preposition."""
    index = match.sentence.token_start
    while index < match.sentence.token_stop:
        size = lex.cue(view, index, "venue") if view.depth[index] == 0 else 0
        if not size:
            index += 1
            continue
        phrase = place_phrase(view, match, index + size)
        if size > 1 or locative(view, phrase) and not (
                view.words[index] == "на" and (first_noun(view, phrase),) in lex.types):
            yield from (item for item in split_items(view, lex, phrase)
                        if plausible_place(view, lex, item))
        index = max(index + size, phrase[-1] + 1 if phrase else 0)


def locative(view: View, phrase: Sequence[int]) -> bool:
    """Whether "в ..." says where (the prepositional case: "в Омске") rather than where to
    ("привезли в Омск", "посвящение в студенты"); a word the tagger gives no case passes,
    as do a name in quotes and an acronym, which keep one form ("на АО «Тобольский завод»")."""
    case = next((view.tags[k].feats.get("Case") for k in phrase
                 if view.tags[k].pos in ("NOUN", "PROPN", "ADJ", "DET", "NUM")
                 and view.depth[k] == 0 and not view.tokens[k].form.isupper()), None)
    return case in (None, "Loc")


BREADCRUMBS = frozenset({"/", "→", "|", "»»", ">"})


def plausible_place(view: View, lex: Lexicon, item: Sequence[int]) -> bool:
    head = first_noun(view, item)
    if head is None or head in lex.words["not_place"] or any(
            view.words[k] in BREADCRUMBS for k in item):  # "Наука в Сибири / Новости"
        return False
    # "в спортивном комплексе «Союз»", "в МВЦ «Казань Экспо»", "на лыжной базе имени
    # Раисы Сметаниной": a venue with its name
    return starts_name(view, lex, item) or any(k in view.closers for k in item) or any(
        view.words[k] in ("имени", "им.") for k in item) or any(
        m.type != "PER" and m.token_start <= k < m.token_stop
        for m in view.doc.need("mentions") for k in item)


def is_city(view: View, item: Sequence[int]) -> bool:
    return any(m.type == "LOC" and m.token_start <= item[0] and item[-1] < m.token_stop
               for m in view.doc.need("mentions"))


def city_first(view: View, item: list[int]) -> list[int]:
    """A city that another name follows in one phrase is the place, the name is not: "в
    Череповце АО «Шекснинский трубный завод» провело встречу"; unless that name is a
    place in the genitive completing it ("на Соборной площади Липецка")."""
    if not item:
        return item
    city = next((m for m in view.doc.need("mentions")
                 if m.type == "LOC" and m.token_start == item[0]), None)
    if city is None or city.token_stop > item[-1] or \
            not view.tokens[city.token_stop].form[:1].isupper() or \
            genitive_place(view, city.token_stop):
        return item
    return [k for k in item if k < city.token_stop]


def genitive_place(view: View, index: int) -> bool:
    """A place in the genitive that completes the one before it: "на Соборной площади
    Липецка", "в Лагерном саду Томска"."""
    return view.tags[index].feats.get("Case") == "Gen" and any(
        m.type == "LOC" and m.token_start == index for m in view.doc.need("mentions"))


def bracketed_city(view: View, item: Sequence[int]) -> list[int] | None:
    """A city named first in the brackets after a venue: "(Владивосток, Океанский пр., 13а)"."""
    if not item:
        return None
    after = item[-1] + 1
    if after + 1 >= len(view.tokens) or view.words[after] != "(":
        return None
    mention = next((m for m in view.doc.need("mentions")
                    if m.type == "LOC" and m.token_start == after + 1), None)
    return None if mention is None else list(range(mention.token_start, mention.token_stop))


def initials(text: str) -> str:
    return "".join(word[0] for word in text.replace("-", " ").split() if word[0].isalpha()).upper()


def distinct(values: Sequence[str]) -> list[str]:
    """Places without repeats: one inside another ("В. Маяковского" of "... имени В. В.
    Маяковского"), or an acronym of another ("ТГУ" beside "Томский государственный
    университет")."""
    return [value for value in values
            if not any(value != other and (f" {value} " in f" {other} "
                                           or value == initials(other)) for other in values)]


# Another occurrence of the event: "следующий форум пройдёт в 2027 году в Новосибирске",
# "в прошлом году конференция проходила в Томске".
OTHER_TIMES = frozenset({"следующий", "очередной", "будущий", "прошлый", "предыдущий",
                         "прошлогодний"})


# A plan: "Организаторы планируют весной провести его выездной этап в Томске".
PLANS = frozenset({"планировать", "планироваться", "намереваться", "собираться"})


def another_occurrence(view: View, index: int, sentence: Sentence) -> bool:
    """Whether the mention at ``index`` is of the event's next or past occurrence."""
    span = range(sentence.token_start, sentence.token_stop)
    return any(view.lemmas[k] in OTHER_TIMES | PLANS for k in span) or any(
        view.tags[k].feats.get("Tense") == "Fut" and view.lemmas[k] in HOLDING for k in span)


REFERRING_SENTENCES = 3  # sentences after the event's in which "Экспозиция ..." may refer to it


PRONOUNS = frozenset({"он", "она", "оно"})


# A part of the event said to have taken place, after the sentence that names it: "Все
# конкурсные показы прошли на открытой сцене музея", "Игры состоялись в спорткомплексе".
TOOK_PLACE = frozenset({"пройти", "проходить", "состояться"})


def held_here(view: View, index: int) -> bool:
    tag = view.tags[index]
    return view.lemmas[index] in TOOK_PLACE and view.depth[index] == 0 and \
        tag.pos == "VERB" and tag.feats.get("Tense") == "Past"


def referring(view: View, lex: Lexicon, match: Match, pronouns: bool = False
              ) -> Iterator[Match]:
    """The sentences near the event's that refer to it: the next ones by its own word, an
    anaphor or (with ``pronouns``) a pronoun that opens them ("Экспозиция развернулась в
    выставочном зале музея", "Главной площадкой биеннале стал ...", "Он прошёл полностью в
    онлайн-формате") or a past "прошли/состоялись" of a part of it ("Все показы прошли на
    открытой сцене музея"), then the ones before by its own word in a title ("Третий
    «Форум «Наука — регионам»» завершил работу в Москве": outside quotes it would be a
    mention of its own); never one about another occurrence."""
    sentences = view.doc.need("sentences")
    number = view.tokens[match.start].sent
    own = {view.lemmas[k] for k in range(match.start, match.stop)}
    after = sentences[number + 1:number + 1 + REFERRING_SENTENCES]
    before = sentences[max(0, number - REFERRING_SENTENCES):number][::-1]
    for sentence, words, depth in [*((s, own | lex.words["anaphor"], 0) for s in after),
                                   *((s, own, 1) for s in before)]:
        span = range(sentence.token_start, sentence.token_stop)
        ref = next((k for k in span if view.lemmas[k] in words and view.depth[k] == depth), None)
        if ref is None and pronouns and depth == 0 and \
                view.lemmas[sentence.token_start] in PRONOUNS:  # only to say it was online:
            ref = sentence.token_start
        if ref is None and depth == 0 and not pronouns:
            ref = next((k for k in span if held_here(view, k)), None)
        if ref is not None and not another_occurrence(view, ref, sentence):
            yield Match(ref, ref + 1, match.event_type, sentence)


def same_events(view: View, match: Match, found: Sequence[EventMention]) -> Iterator[Match]:
    """The other mentions of an event of the chosen event's type, in text order."""
    sentences = view.doc.need("sentences")
    for mention in found:
        if mention.event_type == match.event_type and mention.start != match.start and \
                not another_occurrence(view, mention.start, sentences[mention.sentence]):
            yield Match(mention.start, mention.stop, mention.event_type,
                        sentences[mention.sentence])


def place(view: View, lex: Lexicon, normal: Normal, match: Match,
          found: Sequence[EventMention]) -> str | None:
    """The venue and the city of the event's sentence; what it lacks, from the next
    sentences that name an event of the same type ("В Казани открылся форум ... Форум
    проходит в МВЦ «Казань Экспо»" gives "МВЦ «Казань Экспо», Казань")."""
    same = list(same_events(view, match, found))
    # "Он прошёл в онлайн-формате" (but "Он рассказал о художниках Самары" gives no place)
    if online(view, lex, match) or any(held_online(view, lex, m.sentence) for m in
                                       [*same, *referring(view, lex, match, pronouns=True)]):
        return ONLINE
    others = [*same, *referring(view, lex, match)]
    venues: list[str] = []
    cities: list[str] = []
    for other in (match, *others):
        found_venues, found_cities = sentence_places(view, lex, normal, other)
        venues = venues or found_venues
        cities = cities or found_cities
        if venues and cities:
            break
    if cities and not venues:
        venues = next_venues(view, lex, normal, match)
    venues, cities = distinct(unique(venues)), distinct(unique(cities))
    return ", ".join(distinct(venues[:1] + cities[:1])) or None  # "Venue, City"


def next_venues(view: View, lex: Lexicon, normal: Normal, match: Match) -> list[str]:
    """The venue the sentence right after the event's names, where that one names only a
    city: "В Барнауле прошёл форум. Волонтёры встретились в Доме молодёжи", "... провели в
    Саратове акцию. Палатки развернули в парке Победы"; never one about another time."""
    sentences = view.doc.need("sentences")
    number = view.tokens[match.start].sent + 1
    if number >= len(sentences) or another_occurrence(view, sentences[number].token_start,
                                                      sentences[number]):
        return []
    start = sentences[number].token_start
    return sentence_places(view, lex, normal, Match(start, start, match.event_type,
                                                    sentences[number]))[0]


def whole_of_parts(view: View, item: list[int]) -> list[int]:
    """The venue that plural parts belong to: "в отделениях областной больницы", "на коврах
    спортивного комплекса «Союз»", "в аудиториях университета" name the hospital, the
    sports complex, the university (a hall in the singular stays: "в актовом зале школы")."""
    head = next((k for k in item if view.tags[k].pos in ("NOUN", "PROPN")), None)
    if head is None or view.tags[head].pos != "NOUN" or head + 1 > item[-1] or \
            view.tags[head].feats.get("Number") != "Plur" or \
            not all(view.tokens[k].form.islower() for k in item if k <= head):
        return item  # "Дом учёных ...", "Митрополичьи палаты ..." are names
    after = view.tags[head + 1]
    if after.pos in ("ADJ", "NOUN", "PROPN") and after.feats.get("Case") == "Gen":
        return [k for k in item if k > head]
    return item


def sentence_places(view: View, lex: Lexicon, normal: Normal, match: Match
                    ) -> tuple[list[str], list[str]]:
    """The venues and the cities one sentence gives the event."""
    venues, cities = [], []
    hosts = list(host_items(view, lex, match))  # then no "в ..." is a venue
    # a headline glued to the sentence (no stop at its end) comes after the sentence's
    # own last line: "В ТГУ начала работу конференция" + "12–14 ноября в Томском ..."
    last = view.paragraphs[match.sentence.token_stop - 1]
    items = sorted(hosts or place_items(view, lex, match),
                   key=lambda item: view.paragraphs[item[0]] != last)
    for item in items:
        item = whole_of_parts(view, city_first(view, last_line(view, item)))
        if (city := bracketed_city(view, item)) is not None:
            cities.append(normal(view, city, "LOC"))  # "в зале палаты (Владивосток, ...)"
        if is_city(view, item):
            cities.append(normal(view, item, "LOC"))
        else:
            venues.append(normal(view, item, "ORG"))
    return venues, cities
