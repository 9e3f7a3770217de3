"""Two organisation lexicons counted from NEREL train: ``python -m benchmarks.train orgs``.

bodies (``lexicons/place_bodies.txt``): common nouns that, right before a place, make one
organisation with it ("правительства Израиля", "сборной России", "посольство США"). A noun
is kept when at least ``MIN_SEEN`` of the places after it are annotated and at least half of
those are the end of an ORGANIZATION that starts at the noun. The same before a person
(``lexicons/person_bodies.txt``): "правительство Медведева", "администрации Трампа".

names (``lexicons/org_names.txt``): names annotated as an ORGANIZATION at least ``MIN_SEEN``
times and as anything else (a country, a facility) less than a fifth of the time ("ЕС",
"Кремль", "Белый дом"). The NER stage reads them only where the news model called the
name a place.

not organisations (``lexicons/not_orgs.txt``): names the pipeline calls an organisation at
least ``MIN_SEEN`` times in the texts (with the two lists above in place) where an
annotated ORGANIZATION overlaps fewer than a fifth of them ("СМИ", "интернет", "YouTube").
This part runs the pipeline's NER over the texts, with the lexicons the installed package
reads (about 20 seconds for NEREL train).

Words are compared by pymorphy3's first normal form, lower case, as the NER stage reads
them (``Morphology.normal``). Deterministic. Never NEREL dev or factRuEval.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .common import ROOT
from .gold import _brat_entity as brat_entity

if TYPE_CHECKING:
    from seminar_nlp.resources import Morphology

LEXICONS = ROOT / "src" / "seminar_nlp" / "lexicons"
PLACES = frozenset({"COUNTRY", "CITY", "STATE_OR_PROVINCE", "DISTRICT", "LOCATION"})
MIN_SEEN = 5
BODY_SHARE = 0.5
NAME_SHARE = 0.8
BEFORE = re.compile(r"(\w+)\s+$")

Entity = tuple[str, int, int]


def entities(ann: str) -> list[Entity]:
    """(type, start, stop) of the one-piece ``T`` lines of a brat ``.ann`` text."""
    found = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0].startswith("T") or ";" in fields[1]:
            continue
        entity = brat_entity(fields)
        if entity is not None:
            found.append((entity[0], *entity[1]))
    return found


def documents(folder: Path) -> Iterable[tuple[str, list[Entity]]]:
    for path in sorted(Path(folder).glob("*.txt")):
        ann = path.with_suffix(".ann")
        if ann.exists():
            yield path.read_text(encoding="utf-8"), entities(ann.read_text(encoding="utf-8"))


def count(folder: Path, morph: Morphology) -> tuple[list[str], list[str], list[str]]:
    """The place bodies, the person bodies and the organisation names of a brat folder."""
    from seminar_nlp.stages.ner.orgs import name_key

    seen: Counter[tuple[str, str]] = Counter()  # (PLACE or PERSON, noun)
    joined: Counter[tuple[str, str]] = Counter()
    names: Counter[tuple[str, bool]] = Counter()
    for text, found in documents(folder):
        org_spans = {(start, stop) for kind, start, stop in found if kind == "ORGANIZATION"}
        for kind, start, stop in found:
            key = name_key(text[start:stop], morph)
            names[key, kind == "ORGANIZATION"] += 1
            before = BEFORE.search(text[max(0, start - 40):start])
            if kind not in PLACES | {"PERSON"} or before is None or \
                    not before.group(1).islower():
                continue
            what = "PERSON" if kind == "PERSON" else "PLACE"
            noun, at = morph.normal(before.group(1)), start - len(before.group(0))
            seen[what, noun] += 1
            joined[what, noun] += any(a == at and b >= stop for a, b in org_spans)
    bodies = {what: sorted(noun for (kind, noun), n in seen.items() if kind == what
                           and n >= MIN_SEEN and joined[kind, noun] >= BODY_SHARE * n)
              for what in ("PLACE", "PERSON")}
    orgs = sorted(key for (key, is_org), n in names.items() if is_org and key and n >= MIN_SEEN
                  and names[key, False] < (1 - NAME_SHARE) * (n + names[key, False]))
    return bodies["PLACE"], bodies["PERSON"], orgs


def made_up(folder: Path, morph: Morphology) -> list[str]:
    """Names the NER stage calls organisations that the annotators seldom do."""
    from seminar_nlp.cleaning import clean
    from seminar_nlp.pipeline import Pipeline, default_stages
    from seminar_nlp.records import Source
    from seminar_nlp.resources import shared
    from seminar_nlp.stages.ner import NER
    from seminar_nlp.stages.ner.orgs import name_key

    # the list is counted without itself, so that fitting it again gives the same list
    stages = [NER(shared(), not_orgs=frozenset()) if stage.name == "ner" else stage
              for stage in default_stages(shared()) if stage.name in
              ("segment", "morph", "lemma", "ner")]
    docs = list(documents(folder))
    analysed = Pipeline(stages).run([Source(f"d{number}", "<train>", clean(text))
                                     for number, (text, _) in enumerate(docs)])
    predicted = [{(m.type, m.start, m.stop) for m in doc.need("mentions")} for doc in analysed]
    seen: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for (text, found), mentions in zip(docs, predicted, strict=True):
        gold = [(start, stop) for kind, start, stop in found if kind == "ORGANIZATION"]
        for kind, start, stop in mentions:
            if kind == "ORG":
                key = name_key(text[start:stop], morph)
                seen[key] += 1
                right[key] += any(a < stop and start < b for a, b in gold)
    return sorted(key for key, n in seen.items()
                  if n >= MIN_SEEN and right[key] < (1 - NAME_SHARE) * n)


HEADERS = {
    "place_bodies.txt": "Nouns that make one organisation with the place after them: "
                        "\"правительства Израиля\", \"сборной России\".",
    "person_bodies.txt": "Nouns that make one organisation with the person after them: "
                         "\"правительство Медведева\", \"администрации Трампа\".",
    "org_names.txt": "Names that are organisations, not places: \"ЕС\", \"Кремль\", "
                     "\"НАТО\"; read only where the news model called one a place.",
    "not_orgs.txt": "Names the news model calls organisations that annotators seldom do: "
                    "\"СМИ\", \"интернет\".",
}


def train_orgs(folder: Path, out: Path = LEXICONS) -> None:
    from seminar_nlp.resources import shared

    morph = shared().morph
    bodies, person_bodies, orgs = count(folder, morph)
    write(folder, out, {"place_bodies.txt": bodies, "person_bodies.txt": person_bodies,
                        "org_names.txt": orgs})
    write(folder, out, {"not_orgs.txt": made_up(folder, morph)})


def write(folder: Path, out: Path, lists: dict[str, list[str]]) -> None:
    for name, lines in lists.items():
        source = f"{Path(folder).parent.name}/{Path(folder).name}"
        head = [f"# {HEADERS[name]}", f"# Counted from {source} by benchmarks/train_orgs.py; "
                "do not edit by hand. Normal forms, lower case."]
        (out / name).write_text("\n".join(head + lines) + "\n", encoding="utf-8")
