"""The link model: who holds a position phrase that the rules gave no one.

The rules of ``persons.py`` link a phrase to a name only in the shapes they know ("ректор
ТГУ Эдуард Галкин", "Максим Абрамов, руководитель ..."). A phrase they leave alone is
offered to this model with each person named in its sentence as a candidate ("Финансовым
директором сети назначен 39-летний Дэвид Эберсман", "Владимир Болдырев покидает пост
главнокомандующего сухопутными войсками", "с основателем компании Иваном Сидоровым").
Names of the sentences before as candidates too ("Обама ... . Президент уже связался
...") were measured and not kept: NEREL annotates such links where factRuEval and the
golden reports do not (docs/models.md).

Each pair gets named features (how far apart, what lies between: commas, dashes,
brackets, verbs, other names, other positions; the cases and genders; whether the person
holds another or the same position in the document), and a logistic regression fitted on
NEREL train's WORKS_AS relations (``benchmarks/train_links.py``; the model card is in
docs/models.md) scores them. The best candidate is the holder when its probability reaches
the model's threshold (chosen on held-out folds of the training documents).

Off by default (``Roles(linked=True)`` turns it on): it raises NEREL dev's person+role and
person+org and lowers factRuEval's person+role and the golden reports' (BENCHMARKS.md).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ... import fitted
from ...records import Role
from ...vocab import DASHES, fold
from .candidates import lexicon_head
from .holders import KIN
from .referring import agrees

if TYPE_CHECKING:
    from ..view import SentenceView
    from .phrase import Phrase

CLOSED = frozenset({"PUNCT", "ADP", "CCONJ", "SCONJ", "PART", "AUX", "VERB", "PRON", "DET"})
Features = dict[str, float]


@cache
def model() -> fitted.Model:
    """The fitted link model shipped beside this module (``links.json``)."""
    return fitted.load(__package__, "links.json")["holder"]


def bucket(value: int, edges: Sequence[int]) -> str:
    """A count as the largest edge it reaches: with edges (0, 1, 2, 4), 0 -> "0", 3 -> "2",
    9 -> "4"."""
    found = str(edges[0])
    for edge in edges:
        if value >= edge:
            found = str(edge)
    return found


def person_key(s: SentenceView, mention: int) -> str:
    normals = s.doc.need("normals")
    return fold(normals[mention].last or normals[mention].text)


def between(s: SentenceView, start: int, stop: int, person: int, phrase: Phrase) -> Features:
    """What lies between the phrase and a name of its own sentence."""
    forms = [s.form(i) for i in range(start, stop)]
    pos = [s.tags[i].pos for i in range(start, stop)]
    others = {s.inside[i] for i in range(start, stop) if i in s.inside} - {person}
    out: Features = {
        f"gap={bucket(stop - start, (0, 1, 2, 4, 8))}": 1.0,
        f"commas={bucket(forms.count(','), (0, 1, 2))}": 1.0,
        "dash": float(any(form in DASHES for form in forms)),
        "bracket": float("(" in forms or ")" in forms),
        "verb": float("VERB" in pos or "AUX" in pos),
        "names": float(any(s.mentions[o].type == "PER" for o in others)),
        "orgs": float(any(s.mentions[o].type != "PER" for o in others)),
        "heads": float(any(lexicon_head(s, i) for i in range(start, stop)
                           if not phrase.start <= i < phrase.stop)),
        "conj": float(any(f.lower() in ("и", "а", "но", "или") for f in forms)),
    }
    for i in range(start, stop):
        if s.tags[i].pos in ("VERB", "AUX"):
            out[f"verb={s.lemmas[i].lower()}"] = 1.0
    if stop - start in (1, 2):
        out[f"w={'_'.join(word(s, i) for i in range(start, stop))}"] = 1.0
    return out


def word(s: SentenceView, index: int) -> str:
    """A token as a feature: the lemma of a function word, verb or punctuation mark, else
    its part of speech (names and content words would be learnt one by one)."""
    tag = s.tags[index]
    return s.lemmas[index].lower() if tag.pos in CLOSED else tag.pos


def pair_features(s: SentenceView, phrase: Phrase, person: int, rank: int,
                  roles: Sequence[Role], candidates_here: Sequence[int] = ()) -> Features:
    """The features of one (phrase, person) candidate."""
    out = phrase_features(s, phrase)
    out.update(person_features(s, phrase, person, roles))
    out[f"rank={min(rank, 3)}"] = out[f"names={bucket(len(candidates_here), (1, 2, 3))}"] = 1.0
    mention = s.mentions[person]
    after = mention.token_start >= phrase.end
    start, stop = (phrase.end, mention.token_start) if after else \
        (mention.token_stop, phrase.begin)
    out.update(between(s, start, max(start, stop), person, phrase))
    out["after"] = float(after)
    near = "near" if stop - start <= 1 else "far"
    case = s.tags[mention.token_stop - 1].feats.get("Case", "-")
    out[f"{'after' if after else 'before'}_{near}_case={case}"] = 1.0
    # "супруга президента Мишель Обама", "вдова первого президента Наина": a kin word
    # makes the name someone else's
    out["kin"] = float(any(s.lemmas[i].lower() in KIN
                           for i in range(min(phrase.begin, mention.token_start) - 1,
                                          max(phrase.end, mention.token_stop))
                           if s.first <= i < s.last))
    return out


def phrase_features(s: SentenceView, phrase: Phrase) -> Features:
    """What a phrase is, whoever the candidate."""
    return {
        f"case={s.tags[phrase.head].feats.get('Case', '-')}": 1.0,
        "plural": float(s.plural(phrase.head)),
        "first": float(phrase.begin == s.first),
        "lexicon": float(lexicon_head(s, phrase.head)),
        "capital": float(s.form(phrase.head)[:1].isupper()),
        f"before={word(s, phrase.begin - 1) if phrase.begin > s.first else 'START'}": 1.0,
        f"next={word(s, phrase.end) if phrase.end < s.last else 'END'}": 1.0,
        "org": float(bool(phrase.orgs)),
    }


def person_features(s: SentenceView, phrase: Phrase, person: int, roles: Sequence[Role]
                    ) -> Features:
    """The name's case and gender against the phrase's head, and the positions the
    document's rules gave the person."""
    head_case = s.tags[phrase.head].feats.get("Case")
    name_case = s.tags[s.mentions[person].token_stop - 1].feats.get("Case")
    key = person_key(s, person)
    held = [role for role in roles if person_key(s, role.person) == key]
    head = s.lemmas[phrase.head].lower()
    return {
        f"name_case={name_case or '-'}": 1.0,
        "same_case": float(head_case == name_case),
        "disagrees": float(not agrees(s, phrase.head, person)),
        "holds": float(bool(held)),
        "holds_same": float(any(head in role.role.lower().split() for role in held)),
    }


def candidates(s: SentenceView, phrase: Phrase) -> list[int]:
    """The PER mentions of the phrase's sentence, nearest first (by tokens from the
    phrase)."""
    begin = bisect_left(s.mention_starts, s.first)
    end = bisect_left(s.mention_starts, s.last)
    found = [index for index in range(begin, end) if s.mentions[index].type == "PER"
             and not (phrase.begin <= s.mentions[index].token_start < phrase.end)]

    def far(index: int) -> int:
        mention = s.mentions[index]
        return phrase.begin - mention.token_stop if mention.token_stop <= phrase.begin \
            else mention.token_start - phrase.end

    return sorted(found, key=lambda index: (far(index), index))


@dataclass
class Linker:
    """Scores the candidates of a lonely phrase; with ``record``, every candidate and its
    features are kept too (the training script reads them)."""

    holder_model: fitted.Model | None = None
    record: list[tuple[SentenceView, Phrase, int, Features]] | None = None

    def features(self, s: SentenceView, phrase: Phrase, roles: Sequence[Role]
                 ) -> list[tuple[int, Features]]:
        found = candidates(s, phrase)
        return [(person, pair_features(s, phrase, person, rank, roles, found))
                for rank, person in enumerate(found)]

    def holder(self, s: SentenceView, phrase: Phrase, roles: Sequence[Role]
               ) -> tuple[int, float] | None:
        """The person the model gives the phrase, with its probability, or None."""
        scored = self.features(s, phrase, roles)
        if self.record is not None:
            self.record.extend((s, phrase, person, features) for person, features in scored)
        if self.holder_model is None:
            return None
        return fitted.best(self.holder_model, scored)
