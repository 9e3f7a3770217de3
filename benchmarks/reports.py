"""Golden event reports (tests/data): event cards, scored on the development part and on the
check part side by side.

The development part (``events_golden.jsonl``) is what rules are read against and scorers
fitted on; the check part (``events_check/*.jsonl``) is only ever scored here, as totals:
no per-report output of it is printed anywhere. When the two parts' numbers part, the rules fit
their examples.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .common import ROOT, Settings, pipeline_with, prf, table

NAME = "Events"
DATA = ROOT / "tests" / "data"
FIELDS = ("event_type", "title", "date", "date_end", "place")
LISTS = ("organizers", "partners")
TARGETS = {"found R": .97, "found P": .97, "event_type": .95, "title": .92, "date": .92,
           "date_end": .92, "place": .85, "organizers F1": .85, "partners F1": .80}


def read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def development() -> list[dict[str, Any]]:
    return read(DATA / "events_golden.jsonl")


def check() -> list[dict[str, Any]]:
    return [item for path in sorted((DATA / "events_check").glob("*.jsonl"))
            for item in read(path)]


def norm(value: object) -> str | None:
    """Values compared as a reader would: case, ё, quote marks and spacing aside."""
    if value is None:
        return None
    text = str(value).lower().replace("ё", "е")
    text = re.sub(r"[«»\"„“”']", "", text)
    return " ".join(text.replace(" ,", ",").split()).strip(" .,;") or None


@dataclass
class Scores:
    gold: int = 0  # reports with an event
    predicted: int = 0  # reports given an event
    found: int = 0  # both
    right: dict[str, int] | None = None
    lists: dict[str, list[int]] | None = None  # correct, predicted, gold

    def __post_init__(self) -> None:
        self.right = {field: 0 for field in FIELDS}
        self.lists = {field: [0, 0, 0] for field in LISTS}


def score(items: Sequence[dict[str, Any]], cards: Sequence[dict[str, Any] | None]) -> Scores:
    found = Scores()
    assert found.right is not None and found.lists is not None
    for item, card in zip(items, cards, strict=True):
        gold = item["event"]
        found.gold += gold is not None
        found.predicted += card is not None
        if gold is None or card is None:
            continue
        found.found += 1
        for field in FIELDS:
            found.right[field] += norm(card.get(field)) == norm(gold.get(field))
        for field in LISTS:
            want = {norm(name) for name in gold.get(field) or []}
            got = {norm(name) for name in card.get(field) or []}
            counts = found.lists[field]
            counts[0] += len(want & got)
            counts[1] += len(got)
            counts[2] += len(want)
    return found


def measures(scores: Scores) -> dict[str, float]:
    assert scores.right is not None and scores.lists is not None
    out = {"found R": scores.found / scores.gold if scores.gold else 0.0,
           "found P": scores.found / scores.predicted if scores.predicted else 0.0}
    for field in FIELDS:  # over every report with a gold event: a missed event is wrong
        out[field] = scores.right[field] / scores.gold if scores.gold else 0.0
    for field in LISTS:
        out[f"{field} F1"] = prf(*scores.lists[field])[2]
    return out


Extractor = Callable[[Sequence[dict[str, Any]]], list[dict[str, Any] | None]]


def pipeline_cards(pipeline: Any) -> Extractor:
    """The event card of each report by a ``Pipeline`` (its first event)."""
    from seminar_nlp.records import Doc, Source

    def run(items: Sequence[dict[str, Any]]) -> list[dict[str, Any] | None]:
        docs = pipeline.run_batch([Doc(Source(item["id"], "<text>", item["text"],
                                              title=item.get("title"),
                                              date=item.get("doc_date"))) for item in items])
        cards: list[dict[str, Any] | None] = []
        for doc in docs:
            events = doc.need("events")
            cards.append(None if not events else {
                field: getattr(events[0], field) for field in (*FIELDS, *LISTS)})
        return cards

    return run


def differences(items: Iterable[dict[str, Any]], cards: Iterable[dict[str, Any] | None]
                ) -> list[str]:
    """Development reports only: each field that differs from the gold, for reading."""
    lines = []
    for item, card in zip(items, cards, strict=True):
        gold = item["event"]
        if (gold is None) != (card is None):
            lines.append(f"{item['id']}: event {'missed' if card is None else 'spurious'}")
            continue
        if gold is None or card is None:
            continue
        for field in (*FIELDS, *LISTS):
            want, got = gold.get(field), card.get(field)
            if field in LISTS:
                same = {norm(x) for x in want or []} == {norm(x) for x in got or []}
            else:
                same = norm(want) == norm(got)
            if not same:
                lines.append(f"{item['id']} {field}: want {want!r}, got {got!r}")
    return lines


def section(settings: Settings) -> str:
    from seminar_nlp import Pipeline
    from seminar_nlp.pipeline import default_stages
    from seminar_nlp.resources import shared

    from .events_v1 import EventsV1

    dev, held = development(), check()
    old = [EventsV1(shared()) if stage.name == "events" else stage
           for stage in default_stages(shared())]
    systems = (("fitted event card", pipeline_cards(Pipeline())),
               ("rules before it", pipeline_cards(Pipeline(old))))
    rows = []
    for label, items in (("check", held), ("development", dev)):
        for system, extractor in systems:
            found = measures(score(items, extractor(items)))
            rows.append((label, system, len(items), *(found[key] for key in TARGETS)))
    targets = ("check", "target", "", *TARGETS.values())
    return "\n".join([
        f"## {NAME}", "",
        f"Event cards of the golden reports (`tests/data/`): development part {len(dev)} "
        f"reports, check part {len(held)} (written apart, never read while writing rules or "
        "fitting). Fields are compared case, ё, quote marks and spacing aside; a field of a "
        "report whose event was missed counts as wrong. The rules before the fitted card "
        "(`benchmarks/events_v1.py`) share the stage's lexicons and its readers of names and "
        "places, so their numbers move with those.", "",
        table(["part", "system", "reports", *TARGETS], [*rows, targets]),
    ])


if __name__ == "__main__":
    import sys

    from seminar_nlp import Pipeline

    items = development()
    cards = pipeline_cards(Pipeline())(items)
    print("\n".join(differences(items, cards)))
    print(measures(score(items, cards)), file=sys.stderr)


# Quotes


def quote_rows(items: Sequence[dict[str, Any]], tables: Any) -> list[list[tuple[str, str | None]]]:
    """Each report's direct quotes as (text, speaker) from the quotes table of ``analyze``
    (documents text-1, text-2, ... in input order)."""
    found: list[list[tuple[str, str | None]]] = [[] for _ in items]
    quotes = tables.quotes
    if "kind" in quotes.columns:
        quotes = quotes[quotes["kind"].fillna("direct") == "direct"]
    for row in quotes.itertuples():
        number = int(str(row.doc_id).split("-")[-1]) - 1
        speaker = None if row.speaker is None or row.speaker is pd_na() else str(row.speaker)
        found[number].append((str(row.text), speaker))
    return found


def pd_na() -> Any:
    import pandas as pd

    return pd.NA


def quote_scores(items: Sequence[dict[str, Any]], found: Sequence[Sequence[tuple[str, Any]]]
                 ) -> dict[str, float]:
    """Direct quotes matched by their text (case, ё, quotes and spacing aside); a matched
    quote's speaker is right when it is the gold speaker's name (both None counts)."""
    gold_n = predicted_n = matched = speakers = 0
    for item, quotes in zip(items, found, strict=True):
        gold = [(norm(q["text"]), norm(q["speaker"])) for q in item["quotes"]
                if q.get("kind", "direct") == "direct"]
        gold_n, predicted_n = gold_n + len(gold), predicted_n + len(quotes)
        left = list(gold)
        for text, speaker in quotes:
            hit = next((g for g in left if g[0] == norm(text)), None)
            if hit is not None:
                left.remove(hit)
                matched += 1
                speakers += hit[1] == norm(speaker)
    precision, recall, f1 = prf(matched, predicted_n, gold_n)
    return {"quotes": gold_n, "recall": recall, "precision": precision, "F1": f1,
            "speaker right": speakers / matched if matched else 0.0}


def quotes_section(settings: Settings) -> str:
    import seminar_nlp
    from seminar_nlp.stages.quotes import Quotes

    systems = (("fitted speaker", seminar_nlp.Pipeline()),
               ("speaker rules before it",
                pipeline_with(lambda resources: Quotes(resources, fitted=False))))
    rows = []
    for label, items in (("check", check()), ("development", development())):
        for system, pipeline in systems:
            found_rows = [quote_rows([item], seminar_nlp.analyze([item["text"]],
                                                                 pipeline=pipeline))[0]
                          for item in items]  # each report its own corpus: names from it alone
            found = quote_scores(items, found_rows)
            rows.append((label, system, *found.values()))
    return "\n".join([
        "## Quotes", "",
        "Direct quotes of the golden reports (`tests/data/`): a quote is found when its text "
        "equals the gold's (case, ё, quote marks and spacing aside); its speaker is right "
        "when the `speaker` column (the person's canonical name) is the gold speaker's "
        "fullest name in the report. Each report is analysed as a corpus of its own, since "
        "the gold names a speaker as that report does (the golden reports reuse surnames). "
        "Indirect speech is not counted here. The fitted speaker (`stages/quotes/"
        "attribution.py`, fitted on the development part) beside the rules it replaced "
        "(`Quotes(fitted=False)`); finding quotes is the same in both.", "",
        table(["part", "system", "direct quotes", "recall", "precision", "F1",
               "speaker right"], rows),
        "", "Targets on the check part: recall >= .95, precision >= .95, speaker >= .95.",
    ])


# Roles on reports


def role_scores(items: Sequence[dict[str, Any]], found: Sequence[Any]) -> dict[str, float]:
    """(person, role) and (person, role, org) triples of each report, matched as sets
    (case, ё, quote marks and spacing aside); the gold org is the stated one."""
    counts = {"person+role": [0, 0, 0], "person+role+org": [0, 0, 0], "implied org": [0, 0, 0]}
    for item, roles in zip(items, found, strict=True):
        gold = {(norm(r["person"]), norm(r["role"]), norm(r["org"])) for r in item["roles"]}
        got = {(norm(person), norm(role), norm(org)) for person, role, org, _ in roles}
        for key, size in (("person+role", 2), ("person+role+org", 3)):
            want, have = {g[:size] for g in gold}, {g[:size] for g in got}
            counts[key][0] += len(want & have)
            counts[key][1] += len(have)
            counts[key][2] += len(want)
        # (person, implied organisation): the named organisation a role's common noun or
        # silence refers to, beside the stated one
        want = {(norm(r["person"]), norm(r["org_implied"])) for r in item["roles"]
                if r.get("org_implied")}
        have = {(norm(person), norm(implied)) for person, _, _, implied in roles if implied}
        counts["implied org"][0] += len(want & have)
        counts["implied org"][1] += len(have)
        counts["implied org"][2] += len(want)
    return {f"{key} {name}": value for key, (c, p, g) in counts.items()
            for name, value in zip(("P", "R", "F1"), prf(c, p, g), strict=True)}


def report_roles(items: Sequence[dict[str, Any]], pipeline: Any) -> list[list[tuple]]:
    import seminar_nlp

    found = []
    for item in items:  # each report its own corpus, as the gold names people
        roles = seminar_nlp.analyze([item["text"]], pipeline=pipeline).roles
        found.append([(row.person, row.role, None if row.org is pd_na() else row.org,
                       None if row.org_implied is pd_na() else row.org_implied)
                      for row in roles.itertuples()])
    return found


def roles_section(settings: Settings) -> str:
    import seminar_nlp
    from seminar_nlp.stages.roles import Roles

    systems = (("rules (default)", seminar_nlp.Pipeline()),
               ("with the link model",
                pipeline_with(lambda resources: Roles(resources, linked=True))))
    rows = []
    for label, items in (("check", check()), ("development", development())):
        for system, pipeline in systems:
            scores = role_scores(items, report_roles(items, pipeline))
            rows.append((label, system, sum(len(item["roles"]) for item in items),
                         *scores.values()))
    names = [f"{key} {m}" for key in ("person+role", "person+role+org", "implied org")
             for m in ("P", "R", "F1")]
    return "\n".join([
        "## Roles on reports", "",
        "The (person, position, organisation) rows of the golden reports (`tests/data/`), "
        "each report analysed as a corpus of its own: a row is right when the person's "
        "canonical name and the position (and the organisation) equal the gold's, case, ё, "
        "quote marks and spacing aside. Implied org: (person, `org_implied`) pairs against "
        "the gold's `org_implied` (the named host a role states only as \"директор музея\" "
        "or not at all). The roles stage's rules (the default) beside the same with the link "
        "model on (`Roles(linked=True)`, `stages/roles/linker.py`).", "",
        table(["part", "system", "gold rows", *names], rows),
        "", "Targets on the check part (issue 20): person+role F1 >= .85, with organisation "
        ">= .75.",
    ])
