"""Fit the shipped models: ``python -m benchmarks.train MODEL [--data PATH]``.

MODEL is one of events, quotes, positions, orgs, links.

quotes: the speaker scorer of the quotes stage (``train_quotes.py``).

positions: the position-span CRF of the roles stage (``train_positions.py``), from a folder of
brat-annotated texts with PROFESSION spans (default: NEREL train, never its dev); writes
``src/seminar_nlp/stages/roles/positions.crfsuite``. Needs only python-crfsuite.

orgs: the NER stage's organisation lists (``train_orgs.py``), counted from NEREL train (or a
folder of brat texts); writes ``place_bodies.txt``, ``person_bodies.txt``, ``org_names.txt``
and ``not_orgs.txt`` under ``lexicons/`` (``--out`` a folder instead).

links: the roles stage's link model (``train_links.py``), who holds a position phrase the
rules gave no one, a logistic regression fitted on NEREL train's WORKS_AS relations (or a
folder of brat texts); writes ``src/seminar_nlp/stages/roles/links.json``. Needs the bench
extra (scikit-learn).

events: the event card's scorers (which mention is the reported event, which date its date,
which «name» its title), logistic regressions on the development part of the golden reports
(``tests/data/events_golden.jsonl``; never the check part). Seeded and deterministic; writes
``src/seminar_nlp/stages/events/weights.json`` and prints cross-validated scores for
docs/models.md. Needs the bench extra (scikit-learn).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .common import ROOT
from .fitting import FOLDS, best_per_doc, fit, threshold
from .reports import norm, read
from .train_links import WEIGHTS as LINKS_WEIGHTS
from .train_links import train_links
from .train_orgs import LEXICONS, train_orgs
from .train_positions import MODEL_OUT, NEREL_TRAIN, train_positions
from .train_quotes import train_quotes

EVENTS_WEIGHTS = ROOT / "src" / "seminar_nlp" / "stages" / "events" / "weights.json"
QUOTES_WEIGHTS = ROOT / "src" / "seminar_nlp" / "stages" / "quotes" / "weights.json"


def analysed(items: Sequence[dict[str, Any]]) -> list[Any]:
    """The golden reports through the stages the event card reads (up to normal forms)."""
    from seminar_nlp.pipeline import Pipeline, default_stages
    from seminar_nlp.records import Doc, Source
    from seminar_nlp.resources import shared

    stages = [stage for stage in default_stages(shared())
              if stage.name in ("segment", "morph", "lemma", "ner", "normal")]
    pipeline = Pipeline(stages)
    return pipeline.run_batch([Doc(Source(item["id"], "<text>", item["text"],
                                          title=item.get("title"), date=item.get("doc_date")))
                               for item in items])


def rows(items: Sequence[dict[str, Any]], docs: Sequence[Any]) -> dict[str, list[tuple]]:
    """(doc number, features, label) per candidate of each field."""
    from seminar_nlp.resources import shared
    from seminar_nlp.stages.events.card import date_choices, mention_choices, title_choices
    from seminar_nlp.stages.events.names import load_lexicon
    from seminar_nlp.stages.view import make_view

    lex = load_lexicon(shared().morph)
    found: dict[str, list[tuple]] = {"event": [], "date": [], "title": []}
    for number, (item, doc) in enumerate(zip(items, docs, strict=True)):
        view, gold = make_view(doc), item["event"]
        choices = mention_choices(view, lex)
        want = None if gold is None else norm(gold["event_type"])
        found["event"] += [(number, features, norm(m.event_type) == want)
                           for m, features in choices]
        # the card reads its fields beside the first mention of the event's kind
        event = next((m for m, _ in choices if norm(m.event_type) == want), None)
        if event is None:
            continue
        found["date"] += [(number, features, candidate.date == gold["date"])
                          for candidate, features in date_choices(view, event)]
        found["title"] += [(number, features, norm(candidate.text) == norm(gold["title"]))
                           for candidate, features in title_choices(view, lex, event)]
    return found


CHOICES = (0.3, 1.0, 2.0)  # regularisation tried per field; the held-out best, ties the smaller


def field_fit(field: str, items: Sequence[dict[str, Any]], data: list[tuple], c: float
              ) -> tuple[dict[str, Any], float, float]:
    """One field's model at regularisation ``c``, its threshold and held-out share right."""
    model, held = fit(data, c)
    docs_here = sorted({row[0] for row in data})
    if field == "event":
        gold_has = {n: item["event"] is not None for n, item in enumerate(items)}
        # each report alike (the title's too): with 12 of 119 reporting no event, weighing
        # the classes alike made one spurious card cost as much as nine missed ones
        cut, share = threshold(data, held, len(items), gold_has, balanced=False)
    elif field == "title":
        gold_has = {n: bool(items[n]["event"] and items[n]["event"]["title"])
                    for n in range(len(items))}
        index = {doc: i for i, doc in enumerate(docs_here)}
        remapped = [(index[row[0]], row[1], row[2]) for row in data]
        cut, share = threshold(remapped, held, len(docs_here),
                               {index[d]: gold_has[d] for d in docs_here}, balanced=False)
    else:
        cut = 0.0
        best = best_per_doc(data, held)
        share = sum(correct for _, correct in best.values()) / max(len(best), 1)
    return model, cut, share


def train_events(data_file: Path) -> dict[str, Any]:
    items = read(data_file)
    docs = analysed(items)
    found = rows(items, docs)
    out: dict[str, Any] = {}
    report = {}
    for field in ("event", "date", "title"):
        tried = {c: field_fit(field, items, found[field], c) for c in CHOICES}
        chosen = max(CHOICES, key=lambda c: (tried[c][2], -c))
        model, cut, share = tried[chosen]
        model["threshold"] = round(cut, 4)
        out[field] = model
        report[field] = {"candidates": len(found[field]),
                         "documents": len({row[0] for row in found[field]}),
                         "C": chosen, "held_out_right": round(share, 3),
                         "threshold": round(cut, 4),
                         "held_out_right_by_C": {str(c): round(tried[c][2], 3) for c in CHOICES}}
    print(json.dumps(report, indent=1), file=sys.stderr)
    return {"trained_on": data_file.name, "folds": FOLDS, "cross_validated": report,
            "models": out}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.train", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model", choices=["events", "quotes", "positions", "orgs", "links"])
    parser.add_argument("--data", type=Path, default=None,
                        help="golden reports to fit on (JSON lines); for positions a folder "
                             f"of brat .txt/.ann files (default {NEREL_TRAIN})")
    parser.add_argument("--out", type=Path, help="where to write the weights (default: the "
                        "package's weights.json of that stage)")
    args = parser.parse_args(argv)
    if "events_check" in str(args.data) or args.model in ("positions", "orgs", "links") \
            and args.data is not None and args.data.resolve().name == "dev":
        parser.error("the check part and the dev sets are never fitted on")
    if args.model == "positions":
        train_positions(args.data or NEREL_TRAIN, args.out or MODEL_OUT)
        print(f"wrote {args.out or MODEL_OUT}", file=sys.stderr)
        return 0
    if args.model == "orgs":
        train_orgs(args.data or NEREL_TRAIN, args.out or LEXICONS)
        print(f"wrote the organisation lists in {args.out or LEXICONS}", file=sys.stderr)
        return 0
    if args.model == "links":
        train_links(args.data or NEREL_TRAIN, args.out or LINKS_WEIGHTS)
        print(f"wrote {args.out or LINKS_WEIGHTS}", file=sys.stderr)
        return 0
    args.data = args.data or ROOT / "tests" / "data" / "events_golden.jsonl"
    if args.model == "events":
        fitted, out = train_events(args.data), EVENTS_WEIGHTS
    else:
        fitted, out = {"trained_on": args.data.name, **train_quotes(read(args.data))}, \
            QUOTES_WEIGHTS
    out = args.out or out
    out.write_text(json.dumps(fitted, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                   encoding="utf-8")
    print(f"wrote {out}", file=sys.stderr)
    return 0

if __name__ == "__main__":
    raise SystemExit(main())
