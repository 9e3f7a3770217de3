"""Events: the event a report is about, with its type, title, dates, place and organisers.

Rules propose and fitted weights decide (``card.py``): every event phrase of the report is a
candidate for the event (``candidates.py``), described by its features (``features.py``) and
scored by the shipped model (``scorer.py``); a report whose best candidate scores below the
threshold reports no event. The date and the title are chosen the same way among all dates
and «names» of the report. The place is read in ``place.py``.

Organisers and partners come from the event's paragraph (``names.py``, which also holds
the stage's lexicon of event types and cue words).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cached_property

from ...normal.forms import Normalizer
from ...records import Doc, Event, Mention
from ...resources import Resources
from ..view import View, make_view
from .card import choose, until_end
from .match import Match, event_refs, unique, with_modifiers
from .names import Lexicon, institution, load_lexicon, sentence_roles
from .place import place

# Parts of speech of a word that never names an organisation, whatever its capital: an
# adverb, a particle, a conjunction, a preposition or a pronoun that opens the sentence
# ("Вчера волонтёрское движение ...", "Также ...", "Накануне ...").
FUNCTION_POS = frozenset({"ADVB", "PRCL", "CONJ", "PREP", "NPRO", "PRED"})


def referent(view: View, index: int) -> str | None:
    """The institution a lone noun refers back to: the last organisation or place named
    before it with that noun ("галереей" of "в Пермской государственной художественной
    галерее"), in its normal form."""
    lemma = view.lemmas[index]
    named = [(m, normal) for m, normal in zip(view.doc.need("mentions"),
                                               view.doc.need("normals"), strict=True)
             if m.type != "PER" and m.token_stop <= index and
             lemma in view.lemmas[m.token_start:m.token_stop]]
    return named[-1][1].text if named else None


class Events:
    name = "events"
    needs: tuple[str, ...] = ("sentences", "tokens", "tags", "lemmas", "mentions", "normals")
    provides: tuple[str, ...] = ("events",)

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    @cached_property
    def lexicon(self) -> Lexicon:
        return load_lexicon(self.resources.morph)

    @cached_property
    def normalizer(self) -> Normalizer:
        return Normalizer(self.resources.morph)

    def __call__(self, docs: Sequence[Doc]) -> list[Doc]:
        return [replace(doc, events=self.doc_events(doc)) for doc in docs]

    def doc_events(self, doc: Doc) -> tuple[Event, ...]:
        view = make_view(doc)
        chosen = choose(view, self.lexicon)
        if chosen is None:
            return ()
        event = chosen.event
        match = Match(event.start, event.stop, event.event_type,
                      doc.need("sentences")[event.sentence])
        start = view.tokens[with_modifiers(view, match)].start
        organizers, partners = self.organisations(view, match)
        date = chosen.date
        where = place(view, self.lexicon, self.normal, match, chosen.mentions)
        return (Event(match.event_type, start, view.tokens[match.stop - 1].stop,
                      None if chosen.title is None else chosen.title.text,
                      None if date is None else date.date,
                      None if date is None else
                      date.date_end or until_end(view, date, chosen.dates),
                      where, organizers, partners),)

    def normal(self, view: View, item: Sequence[int], kind: str = "ORG") -> str:
        return self.normalizer.phrase([view.tokens[k] for k in item],
                                      [view.tags[k] for k in item], kind).text

    def organisations(self, view: View, match: Match) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Organisers and partners named anywhere in the report (people left out): a
        report names the organiser in its lead or in a closing paragraph alike."""
        refs = event_refs(view, self.lexicon, match)
        people = [m for m in view.doc.need("mentions") if m.type == "PER"]
        found: dict[str, list[str]] = {"organizer": [], "partner": []}
        for sentence in view.doc.need("sentences"):  # anywhere in the report
            for role, item in sentence_roles(view, self.lexicon, refs, sentence):
                if len(item) == 1 and institution(view, item[0]):
                    named = referent(view, item[0])
                    if named is not None:
                        found[role].append(named)
                elif self.organisation(view, item, people):
                    found[role].append(self.normal(view, item))
        return unique(found["organizer"]), unique(found["partner"])

    def organisation(self, view: View, item: Sequence[int], people: Sequence[Mention]) -> bool:
        """Whether a name in an organiser's or partner's place can be an organisation: not
        a person ("провела заведующая кафедрой Анна Белова"), not the event itself
        ("Субботник провели ..."), not one common noun ("галерея", "факультет")."""
        if any(item[0] <= m.token_start and m.token_stop <= item[-1] + 1
               and view.tags[m.token_stop - 1].feats.get("Case") != "Gen" for m in people):
            return False  # a person, not one an organisation is named after ("фонд Потанина")
        if any(tuple(view.lemmas[item[0]:item[0] + size]) in self.lexicon.types
               for size in (1, 2, 3)):
            return False  # the event: "Субботник провели ...", "Круглый стол вёл ..."
        if len(item) == 1 and all(
                parse.tag.POS in FUNCTION_POS for parse in
                self.normalizer.morph.parse(view.tokens[item[0]].form.lower())):
            return False  # "Вчера волонтёрское движение ...": an adverb, not a name
        return not (len(item) == 1 and view.tokens[item[0]].form[:1].islower())
