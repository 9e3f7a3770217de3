"""The speaker scorer of the quotes stage (``python -m benchmarks.train quotes``): each person
named near a quote of the development golden reports is a candidate, labelled right when its
entity's canonical name is the gold speaker; a logistic regression over the features of
``stages/quotes/attribution.py``, the best candidate winning (the rules say when no one
speaks). Never the check part."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from .fitting import FOLDS, best_per_doc, fit
from .reports import norm


def quote_docs(items: Sequence[dict[str, Any]]) -> list[tuple[Any, dict[int, str | None]]]:
    """Each report as the quotes stage sees it (a Doc through normal forms), with each
    person mention's canonical name (the report analysed as a corpus of its own, as the
    Quotes benchmark scores it)."""
    import seminar_nlp
    from seminar_nlp.pipeline import Pipeline, default_stages
    from seminar_nlp.records import Doc, Source
    from seminar_nlp.resources import shared
    from seminar_nlp.stages.quotes import Quotes

    stages = [stage for stage in default_stages(shared())
              if stage.name in ("segment", "morph", "lemma", "ner", "normal")]
    # entities depend neither on the speaker model (which may not exist yet: quotes by
    # rules) nor on the themes
    full = seminar_nlp.Pipeline([Quotes(shared(), fitted=False) if stage.name == "quotes"
                                 else stage for stage in default_stages(shared())
                                 if stage.name != "themes"])
    partial = Pipeline(stages)
    found = []
    for item in items:
        tables = seminar_nlp.analyze([item["text"]], pipeline=full)
        names = tables.entities.set_index("entity_id")["name"]
        mentions = tables.mentions
        canonical = {int(row.mention_id): str(names[row.entity_id])
                     for row in mentions.itertuples() if row.type == "PER"}
        doc = partial.run_batch([Doc(Source(item["id"], "<text>", item["text"]))])[0]
        found.append((doc, canonical))
    return found


def quote_rows(items: Sequence[dict[str, Any]]) -> tuple[list[tuple], dict[int, bool]]:
    """(quote number, features, label) per candidate of each quote the stage finds and the
    gold lists (matched by text), and whether each such quote has a gold speaker."""
    from seminar_nlp.stages.quotes.direct import find_speech
    from seminar_nlp.stages.quotes.indirect import find_indirect
    from seminar_nlp.stages.quotes.speakers import candidates, clause_subject, outside
    from seminar_nlp.stages.view import make_view

    data: list[tuple] = []
    has: dict[int, bool] = {}
    number = 0
    for item, (doc, canonical) in zip(items, quote_docs(items), strict=True):
        view = make_view(doc, straight=True)
        speeches = find_speech(view)
        speeches += list(find_indirect(view, [(s.first, s.last) for s in speeches]))
        persons = outside(((i, m) for i, m in enumerate(doc.need("mentions"))
                           if m.type == "PER"), speeches)
        gold = {norm(q["text"]): norm(q["speaker"]) for q in item["quotes"]}
        for speech in speeches:
            text = doc.text[view.tokens[speech.first].start:view.tokens[speech.last - 1].stop]
            if norm(text) not in gold:
                continue
            want = gold[norm(text)]
            subject = clause_subject(view, persons, *speech.clause, speech.kind)
            if subject.anonymous or (subject.person is None and not subject.speaks):
                continue  # the rules give no speaker before any candidate is scored
            has[number] = want is not None
            data += [(number, features, norm(canonical.get(index)) == want)
                     for index, features in candidates(view, persons, speech, subject)]
            number += 1
    return data, has


CHOICES = (0.1, 0.3, 1.0, 2.0)  # regularisation tried; the held-out best wins, ties the smaller


def held_share(data: list[tuple], held: list[float], quotes: int) -> float:
    """Held-out share of quotes whose best candidate is the gold speaker."""
    return sum(ok for _, ok in best_per_doc(data, held).values()) / max(quotes, 1)


def train_quotes(items: Sequence[dict[str, Any]]) -> dict[str, Any]:
    data, has = quote_rows(items)
    quotes = len(has)
    tried = {}
    for c in CHOICES:
        model, held = fit(data, c)
        tried[c] = (held_share(data, held, quotes), model, held)
    chosen = max(CHOICES, key=lambda c: (tried[c][0], -c))
    share, model, held = tried[chosen]
    print({c: round(value, 3) for c, (value, _, _) in tried.items()}, file=sys.stderr)
    # No threshold: the rules say when no one person speaks ("— сообщили в пресс-службе");
    # the model chooses who among the candidates.
    model["threshold"] = 0.0
    reachable = sum(any(row[2] for row in data if row[0] == n) for n in has)
    report = {"quotes": quotes, "candidates": len(data), "gold speaker among candidates":
              reachable, "held_out_right": round(share, 3)}
    print(report, file=sys.stderr)
    return {"folds": FOLDS, "C": chosen, "C_tried": {str(c): round(tried[c][0], 3)
                                                    for c in CHOICES},
            "cross_validated": report, "models": {"speaker": model}}
