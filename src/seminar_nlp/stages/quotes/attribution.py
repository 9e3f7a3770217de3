"""Attribution by candidates and a fitted choice: every person named near a quote is a
candidate speaker, described by features; ``weights.json`` (fitted by ``benchmarks/train.py
quotes`` on the development part of the golden reports) weighs them.

The candidates are the people named before the quote or in its attribution clause,
outside any quote, but for those of the other gender when the clause gives one ("— добавила
она"). The features say where a
candidate stands (in the clause, first or last there, how many sentences and other people
lie between it and the quote, before or after it), how it agrees with the clause (the
gender of its verb or pronoun, the role noun it uses: "— пояснил ректор"), and how it
stands in its own sentence (nominative, a genitive after a noun as in "представитель
Обамы", a speech verb or a colon there). The clause's kind (a named person, a pronoun,
a role noun, "по его словам", none) prefixes the features that depend on it, so one model
learns each kind's habits.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ...records import Mention
from ...vocab import fold, is_head
from ..view import View
from .cues import ROLE_WINDOW_AFTER, ROLE_WINDOW_BEFORE, speech_cues, speech_verbs
from .direct import Speech

SENTENCES_NEAR = 3  # sentences between a candidate and the quote, 3 for 3 or more
Features = dict[str, float]


def clause_kind(named: bool, pronoun: bool, owner: bool, role: bool) -> str:
    return ("named" if named else "pronoun" if pronoun else "owner" if owner
            else "role" if role else "bare")


def window(view: View, persons: Sequence[tuple[int, Mention]], speech: Speech
           ) -> list[tuple[int, Mention]]:
    """Everyone named before the quote or in its attribution clause."""
    stop = max(speech.clause[1], speech.first)
    return [(index, m) for index, m in persons if m.token_start < stop]


def role_span(view: View, mention: Mention, persons: Sequence[Mention]) -> tuple[int, int]:
    """Where the mention's role is stated: the words before it (back to the sentence start,
    ``ROLE_WINDOW_BEFORE`` tokens or the person named before) when they hold a position
    ("заместитель министра Игорь Ларионов"), else also those after it ("Олег Бондаренко,
    заместитель директора"); in a list of people the words after one belong to the next."""
    sent_start, sent_stop = view.sentence_start(mention.token_start), view.sentence_stop(
        mention.token_start)
    low = max(sent_start, mention.token_start - ROLE_WINDOW_BEFORE,
              *(p.token_stop for p in persons if p.token_stop <= mention.token_start))
    if any(is_head(view.lemmas[k], view.words[k]) for k in range(low, mention.token_start)):
        return low, mention.token_stop
    return low, min(sent_stop, mention.token_stop + ROLE_WINDOW_AFTER)


def role_near(view: View, mention: Mention, role: str, persons: Sequence[Mention]) -> bool:
    """Whether the role word (or a name) is part of or next to the mention in its sentence."""
    low, high = role_span(view, mention, persons)
    return role in view.lemmas[low:high]


def phrase_near(view: View, mention: Mention, lemmas: tuple[str, ...],
                persons: Sequence[Mention]) -> bool:
    """Whether the role's lemmas stand in a row where the mention's role is stated."""
    low, high = role_span(view, mention, persons)
    size = len(lemmas)
    return any(view.lemmas[k:k + size] == lemmas for k in range(low, high - size + 1))


def mention_gender(view: View, *mentions: Mention) -> str | None:
    """The gender the tagger gives the names of the mentions, by majority."""
    genders = [view.tags[index].feats.get("Gender") for mention in mentions
               for index in range(mention.token_start, mention.token_stop)
               if view.tags[index].pos == "PROPN"]
    masc, fem = genders.count("Masc"), genders.count("Fem")
    return "Masc" if masc > fem else "Fem" if fem > masc else None


def surname(view: View, index: int) -> str:
    normal = view.doc.need("normals")[index]
    return fold(normal.last or normal.text)


@dataclass(frozen=True, slots=True)
class People:
    """The report's people as its surnames group their mentions: "Мусиной" is the "Алина
    Рустамовна Мусина" named before (the tagger may call a lone surname a man's)."""

    genders: Mapping[int, str | None]  # mention index -> the person's gender
    counts: Mapping[int, int]  # mention index -> mentions of the person in the report
    keys: Mapping[int, str]  # mention index -> the person (its surname)

    def holders(self, view: View, chosen: Sequence[tuple[int, Mention]],
                role: tuple[str, ...]) -> set[int]:
        """The mentions of people the text gives the role near any of their mentions (the
        role's lemmas in a row: "заместитель министра")."""
        mentions = [m for _, m in chosen]
        named = {self.keys[index] for index, m in chosen
                 if phrase_near(view, m, role, mentions)}
        return {index for index, _ in chosen if self.keys[index] in named}

    @classmethod
    def of(cls, view: View, persons: Sequence[tuple[int, Mention]]) -> People:
        groups: dict[str, list[tuple[int, Mention]]] = {}
        for index, mention in persons:
            groups.setdefault(surname(view, index), []).append((index, mention))
        genders, counts, keys = {}, {}, {}
        for key, members in groups.items():
            gender = mention_gender(view, *(m for _, m in members))
            for index, _ in members:
                genders[index], counts[index], keys[index] = gender, len(members), key
        return cls(genders, counts, keys)


def own_sentence(view: View, mention: Mention) -> Features:
    """How the candidate stands in its own sentence."""
    start, stop = view.sentence_start(mention.token_start), view.sentence_stop(
        mention.token_start)
    before = mention.token_start - 1
    last = view.tags[mention.token_stop - 1].feats
    heads = [k for k in range(max(start, before - 3), mention.token_start)
             if is_head(view.lemmas[k], view.words[k])]
    cue = cue_before(view, mention.token_start, start)
    return {
        "nominative": float(last.get("Case") == "Nom"),
        "after_cue": float(cue),  # "по словам Игоря Ларионова"
        "genitive_of_noun": float(last.get("Case") == "Gen" and before >= start and not cue
                                  and view.tags[before].pos == "NOUN"),
        "dative": float(last.get("Case") == "Dat"),
        "position_before": float(bool(heads)),
        "speech_in_sentence": float(any(view.lemmas[k] in speech_verbs()
                                        for k in range(start, stop))
                                    or speech_cues().within(view, start, stop)),
        "colon_in_sentence": float(":" in view.words[start:stop]),
    }


def cue_before(view: View, index: int, start: int) -> bool:
    """Whether a speech cue ends right before the token ("по словам", "по мнению")."""
    return any(k + speech_cues().match(view, k) == index for k in range(max(start, index - 3),
                                                                        index))


def candidate_features(view: View, speech: Speech, chosen: Sequence[tuple[int, Mention]],
                       people: People, index: int, mention: Mention, kind: str,
                       want_gender: str | None, holds_role: bool) -> Features:
    clause_start, clause_stop = speech.clause
    in_clause = [m for _, m in chosen if clause_start <= m.token_start < clause_stop]
    before = [m for _, m in chosen if m.token_stop <= speech.first]
    here = clause_start <= mention.token_start < clause_stop
    sentences = max(0, view.tokens[speech.first].sent - view.tokens[mention.token_start].sent)
    between = sum(m.token_start > mention.token_start for m in before) if \
        mention.token_stop <= speech.first else 0
    found = people.genders.get(index)
    features: Features = {
        "bias_candidate": 1.0,
        "in_clause": float(here),
        "clause_first": float(here and in_clause[0] is mention),
        "clause_last": float(here and in_clause[-1] is mention),
        "after_quote": float(mention.token_start >= speech.first),
        "last_before": float(bool(before) and before[-1] is mention),
        f"sentences_{min(sentences, SENTENCES_NEAR)}": 1.0,
        "sentences_log": math.log1p(sentences),
        f"between_{min(between, 2)}": 1.0,
        "dash_line": float(view.words[speech.first - 1] in {"—", "–", "-"}
                           if speech.first > 0 else False),
        "speech_after": float(speech.kind == "after"),
        "mentions_log": math.log(people.counts.get(index, 1)),
    }
    features.update(own_sentence(view, mention))
    if want_gender is not None and found is not None:
        features["gender_match" if found == want_gender else "gender_clash"] = 1.0
    if holds_role:
        features["role_near"] = 1.0
    return {**features, **{f"{kind}:{name}": value for name, value in features.items()
                           if name in KIND_SPECIFIC}}


KIND_SPECIFIC = frozenset({"in_clause", "clause_first", "clause_last", "last_before",
                           "sentences_0", "sentences_1", "sentences_2", "sentences_3",
                           "between_0", "between_1", "between_2", "after_quote",
                           "gender_match", "gender_clash", "role_near", "nominative"})
