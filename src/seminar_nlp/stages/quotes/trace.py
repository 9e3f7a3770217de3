"""Why a quote got its speaker: every candidate person with its score and strongest features,
the winner marked, or the rule that gave no speaker (``seminar-nlp explain FILE`` prints it
after the event card's trace)."""

from __future__ import annotations

from collections.abc import Mapping

from ...fitted import Model, load
from ...fitted import strongest as fitted_strongest
from ...records import Doc
from ..view import View, make_view
from .direct import Speech, find_speech
from .indirect import find_indirect
from .speakers import candidates, clause_subject, outside

SHOWN = 4  # candidates per quote
STRONGEST = 4  # features per candidate
QUOTE_CHARS = 60


def strongest(model: Model, features: Mapping[str, float]) -> str:
    return ", ".join(f"{name} {weight:+.2f}"
                     for weight, name in fitted_strongest(model, features, STRONGEST) if weight)


def quote_lines(view: View, persons: list, speech: Speech, model: Model, kind: str
                ) -> list[str]:
    text = view.doc.text[view.tokens[speech.first].start:view.tokens[speech.last - 1].stop]
    short = text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS] + "…"
    lines = [f"{kind} quote {short!r}"]
    subject = clause_subject(view, persons, *speech.clause, speech.kind)
    if subject.anonymous or (subject.person is None and not subject.speaks):
        return [*lines, "   no speaker: the attribution names no one person "
                        "(plural, 'представитель X', or no speech verb)"]
    scored = sorted(((model.score(features), index, features) for index, features in
                     candidates(view, persons, speech, subject)), key=lambda row: -row[0])
    mentions = view.doc.need("mentions")
    for number, (score, index, features) in enumerate(scored[:SHOWN]):
        mention = mentions[index]
        mark = "*" if number == 0 and score >= model.threshold else " "
        name = view.doc.text[mention.start:mention.stop]
        lines.append(f" {mark} {score:.2f}  {name}  [{strongest(model, features)}]")
    if not scored:
        lines.append("   (no candidate)")
    return lines


def trace(doc: Doc) -> str:
    """The trace of one analysed document's quotes."""
    view, model = make_view(doc, straight=True), load("seminar_nlp.stages.quotes")["speaker"]
    speeches = find_speech(view)
    indirect = list(find_indirect(view, [(s.first, s.last) for s in speeches]))
    persons = outside(((index, m) for index, m in enumerate(doc.need("mentions"))
                       if m.type == "PER"), speeches)
    lines = [f"quotes: speaker scorer (threshold {model.threshold:.2f})"]
    for speech, kind in sorted([(s, "direct") for s in speeches] +
                               [(s, "indirect") for s in indirect], key=lambda p: p[0].first):
        lines += quote_lines(view, persons, speech, model, kind)
    if len(lines) == 1:
        lines.append("   (no quote)")
    return "\n".join(lines)
