"""Who said it: the person an attribution names, or the one a pronoun or a role noun
refers back to."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ...fitted import Model, best
from ...records import Mention
from ..view import View
from .attribution import People, candidate_features, mention_gender, role_near, window
from .cues import POSSESSIVE, PRONOUNS, speech_cues, speech_verbs
from .direct import Kind, Speech

# Who said it


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
    complement: str | None = None  # the genitive noun after it ("заместитель министра")
    gender: str | None = None
    anonymous: bool = False  # the speaker is not one person the text names ("сообщили")
    speaks: bool = False  # the clause has a speech verb
    kind: str = "bare"  # what names the speaker: named, pronoun, owner, role or bare


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
        return Subject(person=named[0 if kind == "after" else -1][0], speaks=True,
                       kind="named")
    verb = first_index(view, start, stop, frozenset({"VERB", "AUX"}), speech_verbs())
    feats = view.tags[verb].feats if verb is not None else {}
    speaks = verb is not None or speech_cues().within(view, start, stop)
    if pronoun is not None:
        gender = view.tags[pronoun].feats.get("Gender") or feats.get("Gender")
        return Subject(gender=gender, speaks=speaks, kind="pronoun")
    owner = next((POSSESSIVE[view.words[k]] for k in range(start + 1, stop)
                  if view.words[k] in POSSESSIVE and view.words[k - 1] == "по"), None)
    if owner is not None:  # "По её словам, «...»": the last woman named before
        return Subject(gender=owner, speaks=True, kind="owner")
    role = source_noun(view, start, stop)
    number = feats.get("Number") or (view.tags[role].feats.get("Number") if role else None)
    return Subject(role=None if role is None else view.lemmas[role],
                   complement=None if role is None else complement(view, role, stop),
                   gender=feats.get("Gender"), anonymous=number == "Plur", speaks=speaks,
                   kind="bare" if role is None else "role")


def complement(view: View, role: int, stop: int) -> str | None:
    """The lemma of a genitive noun right after the role noun, if any."""
    after = role + 1
    if after < stop and view.tags[after].pos == "NOUN" and \
            view.tags[after].feats.get("Case") == "Gen":
        return view.lemmas[after]
    return None


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


def speaker(view: View, persons: Sequence[tuple[int, Mention]], speech: Speech,
            model: Model | None = None, people: People | None = None) -> int | None:
    """The speaker's mention: with a model, the best-scored candidate (``attribution.py``);
    without, the rules' choice (the clause's person, else the antecedent)."""
    subject = clause_subject(view, persons, *speech.clause, speech.kind)
    if subject.anonymous or (subject.person is None and not subject.speaks):
        return None
    if model is not None:
        found = best(model, candidates(view, persons, speech, subject, people))
        return None if found is None else found[0]
    if subject.person is not None:
        return subject.person
    before = speech.first if speech.kind == "after" else speech.clause[1]
    return antecedent(view, persons, before, subject.role, subject.gender)


def candidates(view: View, persons: Sequence[tuple[int, Mention]], speech: Speech,
               subject: Subject, people: People | None = None
               ) -> list[tuple[int, dict[str, float]]]:
    """The people who may have said it, each with its features: those named before the
    quote or in its clause, but for one of the other gender than the clause's verb or
    pronoun ("— добавила она") and, when the clause names a role, one never given it
    ("— добавила заместитель министра")."""
    chosen = window(view, persons, speech)
    if people is None:  # the caller passes the report's people, made once for its quotes
        people = People.of(view, persons)
    if subject.gender is not None:
        chosen = [(index, m) for index, m in chosen
                  if people.genders.get(index) in (None, subject.gender)]
    holders = set() if subject.role is None else (
        subject.complement is not None
        and people.holders(view, chosen, (subject.role, subject.complement))
        or people.holders(view, chosen, (subject.role,)))
    if holders:
        chosen = [(index, m) for index, m in chosen if index in holders]
    return [(index, candidate_features(view, speech, chosen, people, index, mention,
                                       subject.kind, subject.gender, index in holders))
            for index, mention in chosen]


def outside(persons: Iterable[tuple[int, Mention]], speeches: Sequence[Speech]
            ) -> list[tuple[int, Mention]]:
    """People not named inside a quote (a quoted name does not speak)."""
    return [(index, m) for index, m in persons
            if not any(s.first <= m.token_start < s.last for s in speeches)]
