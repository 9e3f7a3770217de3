"""Roles: a person, the position a sentence gives them, and its organisation.

A position phrase grows around a head from ``lexicons/positions.txt`` (found
by lemma, in any case) and ends at its organisation (``phrase.py``).
The person is a PER mention right after the phrase ("ректор ТГУ Эдуард
Галкин", several when the position is plural: "ректоры МГУ и СПбГУ ..."), one
before it across a comma, dash or bracket ("Максим Абрамов, руководитель
..."), or the one a cue points to ("в должности ...", "в качестве ...",
"Главой ... назначен X", "Пост министра занял X", ``cues.py``), or the name
alone on its line before it (a signature: "Кирсан Илюмжинов Президент ФИДЕ"); lists,
brackets, dashes and joins between them are read in ``links.py``, a name after
the phrase in ``holders.py``, and an academic degree between a name and its position is
stepped over (``degrees.py``); a verb of leading states one too
("Варичев возглавил «Михайловский ГОК»", ``heading.py``). A position that is
the subject of a sentence naming no one, or follows a cue there ("До этого
занимал пост ..."), refers back to the one person named in the two sentences
before ("Выступила Анна Ковалёва. Певица рассказала ..."), unless the genders
clash or the document already gave that person that position.

Who holds a phrase is decided by the ordered registry of named rules in ``persons.py``; with
``trace`` a finder records each role with the rule that made it (``trace.py``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cached_property
from typing import Any

from ...normal.forms import Normalizer
from ...normal.words import join
from ...records import Doc, Role, Tag, Token
from ...resources import Resources
from ...vocab import ABBREVIATIONS, QUOTE_PAIRS, is_acronym
from ..view import SentenceView, make_view
from .bodies import tidy
from .candidates import VETO, in_sentence, learned_heads, lexicon_head
from .cues import (
    after_cue,
    sought,
)
from .degrees import skip_degree
from .heading import verb_roles
from .holders import KIN
from .honours import without_honours
from .implied import with_implied
from .learned import Labelled, label
from .linker import Linker
from .linker import model as holder_model
from .links import (
    adjacent,
    coordinated,
    dash_after,
    joined,
    org_in_brackets,
    predicate_of,
    skip_remark,
)
from .orgs import org_at
from .persons import holders
from .phrase import Phrase, find_phrase, place_of, titles
from .referring import agrees, antecedent, stated

LINKS = frozenset({",", "—", "–", "-", "("})
POSSESSIVES = frozenset({"его", "её", "ее", "их"})
AGE = re.compile(r"\d+-(?:летн|лет)\w*")  # "89-летний", "36-летнего"


def after_degree(s: SentenceView, post: Phrase, phrase: Phrase) -> bool:
    """A post, a degree and a title before one name: "врио заведующего кафедрой алгебры,
    кандидат физико-математических наук, доцент К. Л. Петрова", "проректор по учебной
    работе доктор педагогических наук, профессор А. Н. Сковорода"."""
    end = skip_degree(s, skip_remark(s, post.end))
    return end != skip_remark(s, post.end) and (end == phrase.begin or
                                                 joined(s, end, phrase.begin))


def title_beside_post(s: SentenceView, phrase: Phrase, pending: Sequence[Phrase],
                      org: tuple[int, int, int | None] | None) -> bool:
    """A title with no organisation of its own ("профессор", "доцент") after a post of the
    same person is no position of its own (the golden files' convention)."""
    return bool(pending) and org is None and phrase.stop == phrase.head + 1 and \
        s.lemmas[phrase.head].lower() in titles()


def covered(roles: Sequence[Role], role: Role) -> bool:
    """Whether a position phrase already holds the verb ("управляющая компанией")."""
    return any(other.role_start <= role.role_start and role.role_stop <= other.role_stop
               for other in roles)


class RoleFinder:
    """The roles of a document; with a ``tagger`` (``Resources.position_tagger``), a
    lexicon head the model holds no part of a position (``outside`` probability at least
    ``veto``) heads none, and with ``propose`` the positions it labels where the lexicon has
    none are heads too (``candidates.py``)."""

    def __init__(self, normalizer: Normalizer, tagger: Any = None, veto: float = VETO,
                 propose: bool = True, trace: list[tuple[Role, str]] | None = None,
                 linker: Linker | None = None) -> None:
        self.normalizer, self.tagger, self.veto, self.propose = normalizer, tagger, veto, propose
        self.trace = trace  # each role made, with the rule that linked its person
        self.linker = linker  # the link model for phrases the rules give no one

    def traced(self, role: Role, rule: str) -> Role:
        if self.trace is not None:
            self.trace.append((role, rule))
        return role

    def model_heads(self, s: SentenceView, labelled: Labelled | None
                    ) -> tuple[frozenset[int], frozenset[int]]:
        """The heads the model adds and those it vetoes in a sentence."""
        if labelled is None:
            return frozenset(), frozenset()
        added = learned_heads(s, in_sentence(labelled.spans, s.first, s.last)) \
            if self.propose else frozenset()
        return added, frozenset(i for i in range(s.first, s.last)
                                if labelled.outside[i] >= self.veto)

    def __call__(self, doc: Doc) -> tuple[Role, ...]:
        roles: list[Role] = []
        ruled: list[Role] = []  # the rules' roles so far (not the link model's)
        starts = [mention.token_start for mention in doc.need("mentions")]
        view = make_view(doc)
        labelled = label(doc, self.tagger) if self.tagger is not None else None
        for sent in doc.need("sentences"):
            sentence = SentenceView(view, sent.token_start, sent.token_stop,
                                    self.normalizer.morph, starts)
            lonely: list[Phrase] = []
            before = len(roles)
            here = self.sentence(sentence, lonely, *self.model_heads(sentence, labelled))
            roles.extend(here)
            referred = [role for role in self.referring(sentence, lonely, here)
                        if not stated(doc, roles, role)]
            roles.extend(referred)
            roles.extend(role for role in verb_roles(sentence, org_at, self.by_verb)
                         if not stated(doc, roles, role) and not covered(roles, role))
            ruled.extend(roles[before:])
            for role in self.linked(sentence, lonely, referred, ruled):
                if not stated(doc, roles, role):
                    roles.append(role)
        return tidy(doc, roles)

    def linked(self, s: SentenceView, lonely: Sequence[Phrase], referred: Sequence[Role],
               ruled: Sequence[Role]) -> list[Role]:
        """The holders the link model gives the phrases that no rule gave anyone
        (``linker.py``); its features read the roles the rules made."""
        if self.linker is None:
            return []
        taken = {role.role_start for role in referred}
        found = []
        for phrase in lonely:
            if s.tokens[phrase.start].start in taken:
                continue
            best = self.linker.holder(s, phrase, ruled)
            if best is not None:
                person, score = best
                found.append(self.traced(self.role(s, phrase, person, phrase.org(0)),
                                         f"link model ({score:.2f})"))
        return found

    def referring(self, s: SentenceView, lonely: Sequence[Phrase], here: Sequence[Role]
                  ) -> list[Role]:
        """Roles of a position that names no one in its sentence but is its subject (or
        follows a cue) and refers back to the one person of the sentences before
        ("Мадонна сообщила ... . 61-летняя певица ..."): only when the sentence names no
        one else (a name in an oblique case that it gives a position of its own does not
        count)."""
        # A capital inside the sentence makes a name, not a position: "В завершение
        # Королева поблагодарила ..." is Ms Korolyova, whom the model did not tag.
        subjects = [phrase for phrase in lonely
                    if (s.tags[phrase.head].feats.get("Case") == "Nom"
                        or after_cue(s, phrase.begin))  # "До этого занимал пост ..."
                    and not s.plural(phrase.head) and not sought(s, phrase.begin)
                    and s.form(phrase.begin - 1).lower() not in POSSESSIVES  # "Его учитель"
                    and (phrase.head == s.first or s.form(phrase.head)[:1].islower())]
        # A name in an oblique case that the sentence gives a position of its own is
        # someone else ("... после ликвидации лидера Аль-Кайды Усамы бин Ладена"); any
        # other may be the subject.
        others = {role.person for role in here if s.case_of(role.person) != "Nom"}
        if not subjects or any(s.mentions[m].type == "PER" and m not in others
                               for m in s.inside.values()):
            return []
        person = antecedent(s)
        if person is None:
            return []
        return [self.traced(self.role(s, phrase, person, phrase.org(0)), "refers back")
                for phrase in subjects[:1] if agrees(s, phrase.head, person)]

    def sentence(self, s: SentenceView, lonely: list[Phrase] | None = None,
                 added: frozenset[int] = frozenset(), vetoed: frozenset[int] = frozenset()
                 ) -> list[Role]:
        """The roles stated in one sentence; positions given to no one go to ``lonely``.
        ``added``, ``vetoed``: heads the model proposes beside the lexicon's, and lexicon
        heads it rules out."""
        roles: list[Role] = []
        index = s.first
        previous: tuple[int, Phrase] | None = None  # last person and phrase given a role
        pending: list[Phrase] = []  # "основатель и генеральный директор X А. Б."
        while index < s.last:
            if not (lexicon_head(s, index) and index not in vetoed or index in added):
                index += 1
                continue
            phrase = find_phrase(s, index)
            persons, rule = holders(s, phrase, previous)
            if pending and not (adjacent(s, pending[-1], phrase)
                                or phrase.begin == dash_after(s, pending[-1])
                                or joined(s, skip_remark(s, pending[-1].end), phrase.begin)
                                or after_degree(s, pending[-1], phrase)
                                or predicate_of(s, pending[-1], phrase)):
                pending = []  # only positions listed right before each other share a person
            if not persons:
                pending.append(phrase)  # "председатель совета муфтиев шейх Равиль Гайнутдин"
            if not persons and lonely is not None:
                lonely.append(phrase)
            if persons and lonely:
                lonely[:] = [item for item in lonely if item not in pending]
            for number, person in enumerate(persons):
                for waiting in pending:
                    # "основатель и директор X": one organisation; "Модератором выступил
                    # профессор УрФУ", "в качестве эксперта профессора НМИЦ": the
                    # organisation is the professor's only.
                    shared = phrase.org(number) if coordinated(s, waiting, phrase) else None
                    if s.plural(waiting.head) == s.plural(phrase.head):  # "писатели и критики"
                        roles.append(self.traced(self.role(s, waiting, person,
                                                           waiting.org(number) or shared),
                                                 f"{rule}, listed before the next position"))
                org = phrase.org(number) or org_in_brackets(s, phrase, person)
                if org is None and previous is not None and \
                        s.form(phrase.begin - 1).lower() in POSSESSIVES:
                    org = previous[1].org(0)  # "директор института X и его заместитель Y"
                if title_beside_post(s, phrase, pending, org):
                    continue  # "проректор ..., доктор ... наук, профессор А. Н. Сковорода"
                roles.append(self.traced(self.role(s, phrase, person, org), rule))
            if persons:
                previous, pending = (persons[0], phrase), []
            index = max(phrase.end, index + 1)
        return roles

    def role(self, s: SentenceView, phrase: Phrase, person: int,
             org: tuple[int, int, int | None] | None) -> Role:
        tokens, tags = s.tokens, s.tags
        text = self.position_text(tokens[phrase.start:phrase.stop], tags[phrase.start:phrase.stop],
                                  phrase.head - phrase.start)
        if phrase.suffix is not None:  # "проректор НГУ по научной работе"
            tail = tokens[slice(*phrase.suffix)]
            text = f"{text} {join(tail, [token.form for token in tail])}"
        if org is None:
            return Role(person, text, tokens[phrase.start].start, tokens[phrase.stop - 1].stop)
        return self.with_org(s, Role(person, text, tokens[phrase.start].start,
                                     tokens[phrase.stop - 1].stop), org)

    def by_verb(self, s: SentenceView, verb: int, person: int, position: str,
                org: tuple[int, int, int | None]) -> Role:
        """"Варичев возглавил «Михайловский ГОК»": the verb's span, the lexicon's position."""
        token = s.tokens[verb]
        return self.traced(self.with_org(s, Role(person, position, token.start, token.stop),
                                         org), "verb of leading")

    def with_org(self, s: SentenceView, role: Role, org: tuple[int, int, int | None]) -> Role:
        tokens, tags = s.tokens, s.tags
        first, last, mention = org
        if s.form(first) in QUOTE_PAIRS and s.form(last - 1) == QUOTE_PAIRS[s.form(first)] and \
                last - first > 2:
            first, last = first + 1, last - 1  # «Металлоинвест»: the name, as in entities
        if mention is not None and s.mentions[mention].token_start == first:
            name = s.doc.need("normals")[mention].text
        elif (place := place_of(s, first, last)) is not None:
            name = place  # "британский премьер"
        else:
            name = self.normalizer.phrase(tokens[first:last], tags[first:last], "ORG").text
        return replace(role, org=name, org_mention=mention, org_start=tokens[first].start,
                       org_stop=tokens[last - 1].stop)

    def position_text(self, tokens: Sequence[Token], tags: Sequence[Tag], head: int) -> str:
        """The position in the nominative singular: modifiers and head inflected, tail kept.
        An acting post keeps the post it governs as written ("и.о. ректора", "врио
        губернатора", "и. о. директора")."""
        words = [token.form for token in tokens]
        acting = head > 0 and tokens[0].form.lower() in ABBREVIATIONS
        head_parse = None if acting else self.normalizer.head_parse(tokens[head], tags[head])
        if head_parse is not None:
            words[head] = self.normalizer.inflect(words[head], head_parse, {"nomn", "sing"})
            # "учителя-супруги" -> "учитель": the kin word is no part of the position.
            words[head] = "-".join(part for part in words[head].split("-")
                                   if part.lower() not in KIN) or words[head]
            self.agree(tokens, tags, range(head), words, "nomn",
                       self.normalizer.gender_of(words[head]))
            if "plur" in head_parse[1].tag.grammemes:
                self.singular_complement(tokens, tags, head, words)
        if words and not is_acronym(words[0]):
            words[0] = words[0].lower()
        return join(tokens, words)

    def agree(self, tokens: Sequence[Token], tags: Sequence[Tag], indices: range,
              words: list[str], case: str, gender: str | None) -> None:
        """Inflect the modifiers at ``indices`` to the singular of ``case`` and ``gender``."""
        grams = {case, "sing", gender} if gender else {case, "sing"}
        for index in indices:
            found = self.normalizer.head_parse(tokens[index], tags[index])
            if found is not None:
                words[index] = self.normalizer.inflect(words[index], found, set(grams))

    def singular_complement(self, tokens: Sequence[Token], tags: Sequence[Tag], head: int,
                            words: list[str]) -> None:
        """Each of several holders has one of a plural complement: "директора сельских
        школ А и Б" -> "директор сельской школы"."""
        index = head + 1
        while index < len(tokens) and plural_genitive(tokens[index], tags[index], "ADJ"):
            index += 1
        if index == len(tokens) or not plural_genitive(tokens[index], tags[index], "NOUN"):
            return
        noun = self.normalizer.head_parse(tokens[index], tags[index])
        if noun is None:
            return
        words[index] = self.normalizer.inflect(words[index], noun, {"gent", "sing"})
        gender = self.normalizer.gender_of(self.normalizer.inflect(words[index], noun,
                                                                   {"nomn", "sing"}))
        self.agree(tokens, tags, range(head + 1, index), words, "gent", gender)


def plural_genitive(token: Token, tag: Tag, pos: str) -> bool:
    return tag.pos == pos and token.form[:1].islower() and \
        tag.feats.get("Case") == "Gen" and tag.feats.get("Number") == "Plur"


class Roles:
    name = "roles"
    needs: tuple[str, ...] = ("sentences", "tokens", "tags", "lemmas", "mentions", "normals")
    provides: tuple[str, ...] = ("roles",)

    def __init__(self, resources: Resources, learned: bool = False, linked: bool = False
                 ) -> None:
        """``learned``: the position model's spans join the lexicon's (loaded on first use).
        Off by default: on factRuEval dev it lowered person+role (.746 -> .744) while it
        raised NEREL dev's (.685 -> .686; docs/models.md). ``linked``: the link model
        gives a holder to phrases the rules gave no one (``linker.py``); off by default, as
        it raised NEREL dev's person+role (.685 -> .703) and lowered factRuEval's (.743 ->
        .675) and the golden reports' (check part .888 -> .868)."""
        self.resources, self.learned, self.linked = resources, learned, linked
        self.normalizer = Normalizer(resources.morph)

    @cached_property
    def finder(self) -> RoleFinder:
        tagger = self.resources.position_tagger if self.learned else None
        return RoleFinder(self.normalizer, tagger,
                          linker=Linker(holder_model()) if self.linked else None)

    def __call__(self, docs: Sequence[Doc]) -> list[Doc]:
        return [replace(doc, roles=with_implied(doc, without_honours(self.finder(doc))))
                for doc in docs]
