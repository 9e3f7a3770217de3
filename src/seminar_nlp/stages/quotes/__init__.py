"""Quotes: direct speech and who said it.

Direct speech is either a «...» (or „...“) span that the text attributes to someone, or a
paragraph that opens with a dash ("— Мы готовы ..., — сказал Олег Смирнов."). A «...» span
counts only in a speech position: it opens a sentence and a dash follows it ("«...», —
отметил X"), or it closes a sentence after a colon ("Анна Ковалёва: «...»") or after a
comma that ends an introduction with a speech verb ("По словам Игоря Петрова, «...»").
Names in quotes (organisations, events, books) stand after a noun and are not quotes.

The speaker is the person named in the attribution; a pronoun or a role noun ("— добавила
она", "— пояснил лектор") refers to the last person named before the quote, preferring
one the text gave that role and one of the verb's gender. Without a singular speech verb
or a person ("— сообщили в пресс-службе"), or when the person only qualifies the speaker
("— сообщил представитель Обамы"), the speaker is None. The speech verbs are
in ``lexicons/speech_verbs.txt``. The token view it reads is in ``view.py``; direct speech
is found in ``direct.py``, its speaker in ``speakers.py``, indirect speech in ``indirect.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ...fitted import Model, load
from ...records import Doc, Quote
from ...resources import Resources
from ..view import make_view
from .attribution import People
from .direct import find_speech
from .indirect import find_indirect
from .speakers import outside, speaker


def doc_quotes(doc: Doc, model: Model | None = None) -> tuple[Quote, ...]:
    """The document's quotes; the speaker chosen by ``model`` (the rules' choice without)."""
    view = make_view(doc, straight=True)
    speeches = find_speech(view)
    persons = outside(((index, m) for index, m in enumerate(doc.need("mentions"))
                       if m.type == "PER"), speeches)
    people = People.of(view, persons)  # the report's people, once for all its quotes
    direct = [Quote(view.tokens[s.first].start, view.tokens[s.last - 1].stop,
                    speaker(view, persons, s, model, people)) for s in speeches]
    taken = [(s.first, s.last) for s in speeches]
    indirect = [Quote(view.tokens[s.first].start, view.tokens[s.last - 1].stop,
                      speaker(view, persons, s, model, people), "indirect")
                for s in find_indirect(view, taken)]
    return tuple(sorted(direct + indirect, key=lambda quote: quote.start))


class Quotes:
    name = "quotes"
    needs: tuple[str, ...] = ("sentences", "tokens", "tags", "lemmas", "mentions", "normals")
    provides: tuple[str, ...] = ("quotes",)

    def __init__(self, resources: Resources, *, fitted: bool = True) -> None:
        self.resources = resources
        self.fitted = fitted  # False: the speaker rules alone (the benchmark's baseline)

    def __call__(self, docs: Sequence[Doc]) -> list[Doc]:
        model = load("seminar_nlp.stages.quotes")["speaker"] if self.fitted else None
        return [replace(doc, quotes=doc_quotes(doc, model)) for doc in docs]
