"""Why an event card came out as it did: for each field, every candidate with the rule that
proposed it, its score and its strongest features, the winner marked (as razdel's
DebugSegmenter shows its splits). ``seminar-nlp explain FILE`` prints it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ...fitted import strongest as fitted_strongest
from ...records import Doc
from ...resources import Resources
from ..view import View, make_view
from .candidates import Mention
from .card import date_choices, first_of_kind, mention_choices, scored, title_choices
from .names import load_lexicon
from .scorer import Model, models

SHOWN = 6  # candidates per field
STRONGEST = 4  # features per candidate


def strongest(model: Model, features: Mapping[str, float]) -> str:
    return ", ".join(f"{name} {weight:+.2f}"
                     for weight, name in fitted_strongest(model, features, STRONGEST))


def field(title: str, model: Model, rows: Sequence[tuple[float, object, Mapping[str, float]]],
          show: Callable[[Any], str]) -> list[str]:
    lines = [f"{title} (threshold {model.threshold:.2f})"]
    for number, (score, candidate, features) in enumerate(rows[:SHOWN]):
        mark = "*" if number == 0 and score >= model.threshold else " "
        lines.append(f" {mark} {score:.2f}  {show(candidate)}  [{strongest(model, features)}]")
    if not rows:
        lines.append("   (no candidate)")
    return lines


def text_of(view: View, start: int, stop: int) -> str:
    return view.doc.text[view.tokens[start].start:view.tokens[stop - 1].stop]


def trace(doc: Doc, resources: Resources) -> str:
    """The trace of one analysed document's event card."""
    view, lex, fitted = make_view(doc), load_lexicon(resources.morph), models()
    events = scored(fitted["event"], mention_choices(view, lex))
    lines = field("event", fitted["event"], events, lambda m: (
        f"{text_of(view, m.start, m.stop)!r} -> {m.event_type} ({m.rule}, sentence {m.sentence})"))
    if not events or events[0][0] < fitted["event"].threshold:
        return "\n".join([*lines, "no event: no candidate reached the threshold"])
    winner = events[0][1]
    assert isinstance(winner, Mention)  # what mention_choices gives
    event = first_of_kind(view, winner, [m for m, _ in mention_choices(view, lex)])
    lines.append(f"  the card reads its fields beside the first mention of its kind: "
                 f"{text_of(view, event.start, event.stop)!r}, sentence {event.sentence}")
    lines += field("date", fitted["date"], scored(fitted["date"], date_choices(view, event)),
                   lambda c: f"{c.date}{'..' + c.date_end if c.date_end else ''} ({c.rule})")
    lines += field("title", fitted["title"],
                   scored(fitted["title"], title_choices(view, lex, event)),
                   lambda c: f"«{c.text}» ({c.rule})")
    return "\n".join(lines)
