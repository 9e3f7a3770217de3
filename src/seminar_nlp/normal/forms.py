"""Nominative normal forms of mentions, built with pymorphy3 inflection.

People: every name word goes to the nominative, keeping the person's gender
and number ("Максима Абрамова" -> "Максим Абрамов", "Ивановых" -> "Ивановы");
initials and indeclinable surnames stay. Organisations and locations: the
head phrase (adjectives and the first noun) goes to the nominative and agrees
with the head; genitive complements, quoted names, acronyms and everything
after "им."/"имени" stay as written ("Санкт-Петербургского федерального
исследовательского центра РАН" -> "Санкт-Петербургский федеральный
исследовательский центр РАН"). Spacing between tokens is kept, line breaks
become spaces; each word keeps its capitalisation.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..frequency import lemma_frequency
from ..grammar import agreement, best_of
from ..records import Mention, Normal, Tag, Token
from ..resources import Morphology
from ..vocab import is_acronym
from .surnames import Reading, mans_surname_in_a, surname_in_a, surname_of_place
from .words import (
    FIRST_NAME_CASE,
    GENDERS,
    INFLECTED_ACRONYM,
    MODIFIER_POS,
    NAME_GRAMS,
    OPENERS,
    PERSON_POS,
    PLURAL_SURNAME_ENDINGS,
    SETTLEMENTS,
    STOP_WORDS,
    TYPE_GRAMS,
    Found,
    apply_shape,
    apposed_name,
    bracketed_apposition,
    clean_word,
    gender_vote,
    indeclinable,
    is_initial,
    join,
    plausible,
    same_case,
)


class Normalizer:
    def __init__(self, morph: Morphology) -> None:
        self.morph = morph

    def __call__(self, mention: Mention, tokens: Sequence[Token], tags: Sequence[Tag]) -> Normal:
        span = slice(mention.token_start, mention.token_stop)
        if mention.type == "PER":
            return self.person(tokens[span], tags[span])
        before = tokens[mention.token_start - 1] if mention.token_start else None
        return self.phrase(tokens[span], tags[span], mention.type,
                           self.settlement_gender(before) if mention.type == "LOC" else None)

    def settlement_gender(self, token: Token | None) -> str | None:
        """The gender of a settlement noun ("села", "посёлке") right before a place's name."""
        parses = self.morph.parse(clean_word(token.form)) if token is not None else []
        return next((parse.tag.gender for parse in parses
                     if str(parse.normal_form) in SETTLEMENTS), None)

    def inflect(self, form: str, found: Found, grams: set[str]) -> str:
        index, parse = found
        if grams <= parse.tag.grammemes:
            return form
        word = clean_word(form)
        new = self.morph.inflect(word, index, frozenset(grams))
        if new is None and parse.tag.POS == "NOUN" and grams <= {"nomn", *parse.tag.grammemes}:
            new = str(parse.normal_form)  # pymorphy3 cannot inflect some hyphenated nouns
        if new is None or new == word or not plausible(word, new, parse.is_known):
            return form
        if "ё" not in word and "ё" in str(parse.word):
            # keep the text's spelling: no ё where it wrote е for one ("Ковалевой" ->
            # "Ковалева", "Семену" -> "Семен"); a ё the text's form has not ("Петра",
            # "Головнёй" of "Головня") is the nominative's own ("Пётр")
            new = new.replace("ё", "е")
        return apply_shape(new, form)

    # People

    def person(self, tokens: Sequence[Token], tags: Sequence[Tag]) -> Normal:
        words = [token.form for token in tokens]
        roles: list[str | None] = ["initial" if is_initial(t.form) else None for t in tokens]
        names = [index for index, token in enumerate(tokens) if roles[index] is None
                 and any(ch.isalpha() for ch in token.form) and not is_acronym(token.form)]
        reading = max((self.reading(tokens, tags, names, gender) for gender in ("masc", "femn")),
                      key=lambda reading: reading.fit)
        # A family ("Ивановы", "эпохи Тюдоров") is plural; a word read only as a plural
        # common noun in another case than the tagger's is no family ("Шумов выступил" is
        # not "шумы").
        plural = bool(reading.found) and all(
            "plur" in parse.tag.grammemes
            and ("Surn" in parse.tag.grammemes or same_case(parse, tags[index]))
            for index, (_, parse) in reading.found.items())
        for index in names:
            found = reading.found.get(index)
            if found is None:
                roles[index] = "last"
                continue
            grams = found[1].tag.grammemes
            roles[index] = "first" if "Name" in grams else "middle" if "Patr" in grams else "last"
            if "first" in roles[:index] and (surname := surname_of_place(
                    words[index], tags[index].feats.get("Case"), reading.gender,
                    self.morph.parse(clean_word(words[index])))) is not None:
                words[index] = surname  # "Сергея Цуканова": not the village "Цуканово"
                continue
            # An indeclinable surname ("Седых", "Клуни") has no parse of the
            # person's gender and number: it stays as written.
            # A surname shared by two first names is plural ("Светлана и Михаил Ивановы"):
            # each person's is singular. Other plural readings of one person's word are
            # guesses and stay as written.
            # ("Фальков" is a singular name the dictionary knows only as Фальк's plural.)
            shared = {"plur", "Surn"} <= grams and roles[:index].count("first") == 1 and \
                clean_word(words[index]).endswith(PLURAL_SURNAME_ENDINGS)
            if index in reading.clash and \
                    mans_surname_in_a(found, tags[index], reading, roles, index):
                words[index] = self.inflect_compound(words[index], found, tags[index], "sing",
                                                     None)
                continue
            other = None if index in reading.clash else \
                surname_in_a(self.morph, words[index], tags[index], reading, roles, index)
            if other is not None and other != found:
                words[index] = self.inflect_compound(words[index], other, tags[index], "sing",
                                                     None)
                continue
            if index in reading.clash or ("plur" in grams and not plural and not shared):
                continue
            if indeclinable(found, tags[index]):
                continue
            number = "plur" if plural and not shared else "sing"
            words[index] = self.inflect_compound(words[index], found, tags[index], number,
                                                 reading.gender)
        roles = first_by_dictionary(roles, names, [token.form for token in tokens], self.morph)
        return Normal(join(tokens, words), *name_parts(words, surname_last(roles, reading)))

    def reading(self, tokens: Sequence[Token], tags: Sequence[Tag], names: Sequence[int],
                gender: str) -> Reading:
        fit = 0
        found: dict[int, Found] = {}
        clash = set()
        for index in names:
            feats = {key: value for key, value in tags[index].feats.items() if key != "Gender"}
            # A short adjective is pymorphy's guess for an unknown surname in -ов/-ин
            # ("Квачков"), never a name: its nominative would be "Квачковый".
            parses = [(number, parse) for number, parse in
                      enumerate(self.morph.parse(clean_word(tokens[index].form)))
                      if parse.tag.POS != "ADJS"]
            if not parses:
                continue

            def key(item: Found, feats: dict[str, str] = feats) -> tuple[int, int, float]:
                grams = item[1].tag.grammemes
                _, votes, score = agreement(item[1], "NOUN", feats)
                # A surname in -ин/-ов declines as a possessive adjective ("Футиной" ->
                # "Футина"), not as a qualitative one ("футиная").
                bonus = int(bool(NAME_GRAMS & grams)) + int(item[1].tag.POS in PERSON_POS) + \
                    int("Poss" in grams)
                # A declinable reading beats an indeclinable one ("Анне" is Анна's dative).
                return 3 * gender_vote(grams, gender) + votes + bonus, -int("Fixd" in grams), score

            best = max(parses, key=key)
            found[index] = best
            grams = best[1].tag.grammemes
            vote = gender_vote(grams, gender)
            # A first name or patronymic tells the gender; a surname may not ("Соболь").
            fit += key(best)[0] + (2 * vote if grams & {"Name", "Patr"} else 0)
            # A first name of this gender in the tagger's own case settles it: "Марина
            # Журавель" is a woman's name, not "Марин"'s genitive beside a masculine noun.
            if any("Name" in parse.tag.grammemes and gender in parse.tag.grammemes
                   and same_case(parse, tags[index]) for _, parse in parses):
                fit += FIRST_NAME_CASE
            if vote < 0:
                clash.add(index)
        return Reading(gender, fit, found, frozenset(clash))

    def inflect_compound(self, form: str, found: Found, tag: Tag, number: str,
                         gender: str | None = None) -> str:
        """Inflect a word; a hyphenated word the dictionary does not know, part by part.

        "Каменске-Уральском" -> "Каменск-Уральский", "Юркову-Данелия" ->
        "Юркова-Данелия": a part with no parse of the given gender stays.
        """
        if "-" not in form or found[1].is_known:
            return self.inflect(form, found, {"nomn", number})
        feats = {key: value for key, value in tag.feats.items() if key != "Gender"}
        parts = []
        for part in form.split("-"):
            # A part of one or two letters is a code or a preposition: "Ту-154", "Ростов-на-Дону".
            parses = list(enumerate(self.morph.parse(clean_word(part)))) if len(part) > 2 else []
            if not parses:
                parts.append(part)
                continue
            best = max(parses, key=lambda item: (
                gender_vote(item[1].tag.grammemes, gender) if gender else 0,
                *agreement(item[1], "NOUN" if item[1].tag.POS == "NOUN" else "ADJ", feats)[1:]))
            grams = best[1].tag.grammemes
            if gender and gender_vote(grams, gender) < 0:
                parts.append(part)
                continue
            if best[1].tag.POS == "NOUN" and gender is None:
                gender = next((g for g in GENDERS if g in grams), None)
            parts.append(self.inflect(part, best, {"nomn", number}))
        return "-".join(parts)

    # Organisations and locations

    def phrase(self, tokens: Sequence[Token], tags: Sequence[Tag], kind: str,
               gender: str | None = None) -> Normal:
        """``gender``: of the settlement noun before a place's name of adjectives alone
        ("села Шушенского" -> "Шушенское", "в посёлке Светлом" -> "Светлый")."""
        dash = next((index for index in range(1, len(tokens) - 1)
                     if tokens[index].form in ("—", "–")), None)
        if kind == "LOC" and dash is not None:
            # a region's double name, each part in the nominative: "Ханты-Мансийского
            # автономного округа — Югры" -> "... округ — Югра", "Кемеровской области —
            # Кузбасса" -> "Кемеровская область — Кузбасс"
            left = self.phrase(tokens[:dash], tags[:dash], kind).text
            right = self.phrase(tokens[dash + 1:], tags[dash + 1:], kind).text
            return Normal(f"{left} {tokens[dash].form} {right}")
        words = [token.form for token in tokens]
        found, head = self.head_phrase(tokens, tags, kind)
        if head is None:
            if len(words) == 1 and (match := INFLECTED_ACRONYM.fullmatch(words[0])):
                words[0] = match.group(1)
            self.before_acronym(found, words)
            if gender is not None and len(found) == len(words) and \
                    all(parse is not None and parse.tag.POS == "ADJF" for _, parse in found):
                words = [self.inflect(word, item, {"nomn", "sing", gender})
                         for word, item in zip(words, found, strict=True)]
            return Normal(join(tokens, words))
        head_parse = found[head][1]
        number = "plur" if "plur" in head_parse.tag.grammemes else "sing"
        words[head] = self.inflect_compound(words[head], found[head], tags[head], number)
        if apposed_name(tokens, tags, head, str(head_parse.normal_form)) and \
                (name := self.head_parse(tokens[head + 1], tags[head + 1])) is not None:
            # "города Новосибирска" -> "город Новосибирск", "села Шушенского" -> "село
            # Шушенское": a settlement's name agrees with "город", "село", "посёлок"
            words[head + 1] = self.inflect_compound(words[head + 1], name, tags[head + 1],
                                                    "sing")
        gender = self.nominative_gender(words[head])
        for index in range(head):
            if found[index][1] is None:
                continue  # a bracket
            grams = {"nomn", "plur"} if number == "plur" else {"nomn", gender or "masc", "sing"}
            words[index] = self.inflect(words[index], found[index], grams)
        if (close := bracketed_apposition(tokens, tags, head)) is not None:
            # "Московского физико-технического института (национального исследовательского
            # университета)": the other name in brackets goes to the nominative too
            inner = self.phrase(tokens[head + 2:close], tags[head + 2:close], kind).text
            return Normal(f"{join(tokens[:head + 2], words[:head + 2])}{inner})")
        return Normal(join(tokens, words))

    def before_acronym(self, found: Sequence[Found], words: list[str]) -> None:
        """Adjectives before an acronym head, in the nominative of their own gender and
        number: "Кольской АЭС" -> "Кольская АЭС", "Нижегородского НИИ" -> "Нижегородский НИИ"."""
        if not found or len(found) >= len(words) or not is_acronym(words[len(found)]) or \
                any(parse is None or parse.tag.POS not in ("ADJF", "PRTF") for _, parse in found):
            return
        for index, item in enumerate(found):
            tag = item[1].tag
            number = "plur" if "plur" in tag.grammemes else "sing"
            grams = {"nomn", number} | ({tag.gender} if tag.gender and number == "sing" else set())
            words[index] = self.inflect(words[index], item, grams)

    def head_phrase(self, tokens: Sequence[Token], tags: Sequence[Tag],
                    kind: str) -> tuple[list[Found], int | None]:
        """Parses of the leading modifiers and the index of the head noun, if any."""
        preferred = TYPE_GRAMS.get(kind, frozenset())
        found: list[Found] = []
        for index, (token, tag) in enumerate(zip(tokens, tags, strict=True)):
            form = token.form
            if form in ("(", ")") and found and index + 1 < len(tokens) and \
                    not is_acronym(tokens[index + 1].form):
                found.append((-1, None))  # "Казанского (Приволжского) федерального ..."
                continue
            if (clean_word(form) in STOP_WORDS or form[:1] in OPENERS or is_acronym(form)
                    or not any(ch.isalpha() for ch in form)):
                return found, None
            parses = list(enumerate(self.morph.parse(clean_word(form))))
            if not parses:
                return found, None

            def key(item: Found, tag: Tag = tag) -> tuple[int, int, int, float]:
                pos_ok, votes, score = agreement(item[1], tag.pos, tag.feats)
                # An archaic reading ("сбёра") only wins by two features more.
                votes -= 2 * int("Arch" in item[1].tag.grammemes)
                return (pos_ok, votes, int(bool(preferred & item[1].tag.grammemes)), score)

            best = best_of(parses, key, lambda item: lemma_frequency(item[1]))
            if best[1].tag.POS == "ADVB" and index + 1 < len(tags) and \
                    tags[index + 1].pos == "ADJ":
                found.append((-1, None))  # "крайне правой партии": the adverb stays
                continue
            if best[1].tag.POS not in MODIFIER_POS | {"NOUN"} and found:
                best = noun_after(found[-1], parses) or best  # «Уральской стали»: not a verb
            found.append(best)
            if best[1].tag.POS == "NOUN":
                return found, index
            if best[1].tag.POS not in MODIFIER_POS:
                return found, None
        return found, None

    def head_parse(self, token: Token, tag: Tag) -> Found | None:
        """The pymorphy3 parse of a token that agrees best with its tag."""
        parses = list(enumerate(self.morph.parse(clean_word(token.form))))
        if not parses:
            return None
        return max(parses, key=lambda item: (*agreement(item[1], tag.pos, tag.feats),
                                             lemma_frequency(item[1])))

    def gender_of(self, word: str) -> str | None:
        return self.nominative_gender(word)

    def nominative_gender(self, word: str) -> str | None:
        for parse in self.morph.parse(clean_word(word)):
            if "nomn" in parse.tag.grammemes and parse.tag.POS == "NOUN":
                if "ms-f" in parse.tag.grammemes:
                    return None  # "глава", "судья": the modifiers keep their own gender
                for gender in GENDERS:
                    if gender in parse.tag.grammemes:
                        return gender
        return None


def noun_after(modifier: Found, parses: Sequence[Found]) -> Found | None:
    """A noun reading in the case of the modifier before it, for a word the tagger
    read as something else."""
    if modifier[1] is None or modifier[1].tag.case is None:
        return None
    return next((item for item in parses if item[1].tag.POS == "NOUN"
                 and item[1].tag.case == modifier[1].tag.case), None)


def first_by_dictionary(roles: list[str | None], names: Sequence[int], forms: Sequence[str],
                        morph: Morphology) -> list[str | None]:
    """With no first name found in the tagger's case, a word before the surname that the
    dictionary knows as one in another case is it: "Ахмат-Хаджи Кадырова" (whose reading
    in the genitive is no first name) is Ахмат-Хаджи's, not a surname of two words."""
    if "first" in roles or len(names) < 2:
        return roles
    index = names[0]
    if roles[index] == "last" and morph.can_be(forms[index], "Name"):
        return [*roles[:index], "first", *roles[index + 1:]]
    return roles


def surname_last(roles: list[str | None], reading: Reading) -> list[str | None]:
    """With no surname, the last of two first names is one ("Уильям Макартур"), and so is
    a single one the dictionary only guesses to be a first name ("Макартур")."""
    firsts = [index for index, role in enumerate(roles) if role == "first"]
    if not firsts or "last" in roles or "middle" in roles:
        return roles
    last = firsts[-1]
    found = reading.found.get(last)
    if len(firsts) > 1 or found is not None and not found[1].is_known:
        return [*roles[:last], "last", *roles[last + 1:]]
    return roles


def name_parts(words: Sequence[str], roles: Sequence[str | None]
               ) -> tuple[str | None, str | None, str | None]:
    first = middle = last = None
    initials = [word for word, role in zip(words, roles, strict=True) if role == "initial"]
    for word, role in zip(words, roles, strict=True):
        if role == "first" and first is None:
            first = word
        elif role == "middle" and middle is None:
            middle = word
        elif role in ("last", "middle"):  # "Алесь Иванович Карпович": -ович after one is a surname
            last = word if last is None else f"{last} {word}"
    if initials and first is None:
        first = initials[0]
        if len(initials) > 1 and middle is None:
            middle = initials[1]
    return first, middle, last
