"""Readers for the factRuEval-2016 and NEREL gold used by the roles, coreference and NER benchmarks.

Everything is read in place from the evaluation folder (``Settings.eval_dir``); nothing is copied.
Offsets are character offsets into the document's ``.txt`` file, ``stop`` exclusive.

factRuEval layers: ``.spans`` (span id -> offsets), ``.objects`` (mention id -> type, span ids),
``.coref`` (entity id -> mention ids), ``.facts`` (facts whose ``objNNN`` arguments name a coref
entity and whose ``spanNNN`` arguments name a span). A mention covers the union extent of its
spans. An entity has several mentions, while a fact states one of them: the reader takes the
mention nearest to the fact's position span (or, without one, the closest Who/Where pair), which
is where the fact is stated.

NEREL: brat standoff ``.ann``; discontinuous entities cover the extent of their fragments.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

Span = tuple[int, int]

FACTRU_DEV = Path("factru") / "devset"
NEREL_DEV = Path("nerel") / "dev"
# the devset calls the job attribute "Position", the testset "Job"
POSITION_KEYS = frozenset({"Position", "Job"})
NER_TYPES = {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}
COREF_TYPES = {"Person": "PER", "Org": "ORG"}
# relation -> (argument 1 type, argument 2 type) kept from NEREL
ROLE_RELATIONS = {"WORKS_AS": ("PERSON", "PROFESSION"),
                  "WORKPLACE": ("PERSON", "ORGANIZATION")}
_BRAT_LINE = re.compile(r"^[TRNEAM#*]\d*\t")


@dataclass(frozen=True)
class RoleSpans:
    """One (person, position, organisation) statement as spans: a prediction or a gold fact."""

    person: Span
    role: Span | None = None
    org: Span | None = None
    place: bool = False  # the org is a place (a country, a city): "президент США"

    @property
    def workplace(self) -> Span | None:
        """The org when it is an organisation, not a place (NEREL's WORKPLACE)."""
        return None if self.place else self.org


@dataclass(frozen=True)
class Occupation:
    """A factRuEval Occupation fact: Who, Position (or Job), Where."""

    fact_id: str
    who: Span
    position: Span | None
    where: Span | None


@dataclass(frozen=True)
class FactruDoc:
    doc_id: str
    text: str
    occupations: tuple[Occupation, ...]


@dataclass(frozen=True)
class Relation:
    """A NEREL relation with its arguments' spans and types."""

    rel_id: str
    kind: str
    arg1: Span
    arg1_type: str
    arg2: Span
    arg2_type: str


@dataclass(frozen=True)
class NerelDoc:
    doc_id: str
    text: str
    relations: tuple[Relation, ...]  # only ROLE_RELATIONS with the argument types given there


@dataclass(frozen=True)
class CorefCluster:
    """One factRuEval entity restricted to its mentions of one type (PER or ORG)."""

    entity_id: str
    type: str
    mentions: tuple[Span, ...]


@dataclass(frozen=True)
class CorefDoc:
    doc_id: str
    text: str
    clusters: tuple[CorefCluster, ...]


@dataclass(frozen=True)
class _Mention:
    type: str
    span: Span


# ---------------------------------------------------------------- factRuEval layers


def _lines(path: Path) -> Iterator[str]:
    if not path.exists():
        return
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            yield line.rstrip("\n").rstrip("\r")


def _records(path: Path) -> Iterator[list[str]]:
    """Blank-line separated records, as lists of non-empty lines."""
    record: list[str] = []
    for line in _lines(path):
        if line.strip():
            record.append(line.strip())
        elif record:
            yield record
            record = []
    if record:
        yield record


def _spans(path: Path) -> dict[str, Span]:
    spans = {}
    for line in _lines(path):
        fields = line.split("#", 1)[0].split()
        if len(fields) >= 4 and fields[2].isdigit() and fields[3].isdigit():
            start = int(fields[2])
            spans[fields[0]] = (start, start + int(fields[3]))
    return spans


def _extent(spans: Iterable[Span]) -> Span | None:
    spans = list(spans)
    if not spans:
        return None
    return min(start for start, _ in spans), max(stop for _, stop in spans)


def _objects(path: Path, spans: dict[str, Span]) -> dict[str, _Mention]:
    objects = {}
    for line in _lines(path):
        fields = line.split("#", 1)[0].split()
        if len(fields) < 3:
            continue
        extent = _extent(spans[span_id] for span_id in fields[2:] if span_id in spans)
        if extent is not None:
            objects[fields[0]] = _Mention(fields[1], extent)
    return objects


def _coref(path: Path) -> dict[str, tuple[str, ...]]:
    """Entity id -> its mention ids (the first line of each record)."""
    return {record[0].split()[0]: tuple(record[0].split()[1:]) for record in _records(path)}


def _facts(path: Path) -> Iterator[tuple[str, str, list[tuple[str, str]]]]:
    """(fact id, fact type, [(attribute, reference)]) for each fact record."""
    for record in _records(path):
        head = record[0].split()
        if len(head) < 2:
            continue
        attributes = []
        for line in record[1:]:
            fields = line.split()
            if len(fields) >= 2:
                attributes.append((fields[0], fields[1]))
        yield head[0], head[1], attributes


def factru_ids(eval_dir: Path, limit: int | None = None) -> list[str]:
    """Dev document ids (``book_NNN``) in file-name order, the first ``limit`` of them."""
    folder = Path(eval_dir) / FACTRU_DEV
    ids = sorted(path.stem for path in folder.glob("*.txt"))
    return ids[:limit] if limit is not None else ids


@dataclass(frozen=True)
class _FactruLayers:
    text: str
    spans: dict[str, Span]
    objects: dict[str, _Mention]
    entities: dict[str, tuple[str, ...]]


def _layers(eval_dir: Path, doc_id: str) -> _FactruLayers:
    base = Path(eval_dir) / FACTRU_DEV / doc_id
    text = base.with_suffix(".txt").read_text(encoding="utf-8")
    spans = _spans(base.with_suffix(".spans"))
    return _FactruLayers(text, spans, _objects(base.with_suffix(".objects"), spans),
                         _coref(base.with_suffix(".coref")))


def _candidates(layers: _FactruLayers, ref: str) -> list[Span]:
    """The spans a fact argument may stand for: every mention of an entity, or one span."""
    if ref.startswith("span"):
        span = layers.spans.get(ref[4:])
        return [span] if span else []
    if ref.startswith("obj"):
        key = ref[3:]
        mention_ids = layers.entities.get(key, (key,))
        return sorted(layers.objects[mid].span for mid in mention_ids if mid in layers.objects)
    return []


def _gap(a: Span, b: Span) -> int:
    """Characters between two spans; 0 when they touch or overlap."""
    return max(0, a[0] - b[1], b[0] - a[1])


def _nearest(candidates: list[Span], anchor: Span) -> Span:
    return min(candidates, key=lambda span: (_gap(span, anchor), span))


def _occupation(layers: _FactruLayers, fact_id: str,
                attributes: list[tuple[str, str]]) -> Occupation | None:
    refs: dict[str, str] = {}
    for key, ref in attributes:
        key = "Position" if key in POSITION_KEYS else key
        refs.setdefault(key, ref)
    who = _candidates(layers, refs.get("Who", ""))
    if not who:
        return None
    positions = _candidates(layers, refs.get("Position", ""))
    wheres = _candidates(layers, refs.get("Where", ""))
    position = positions[0] if positions else None
    if position is not None:
        where = _nearest(wheres, position) if wheres else None
        return Occupation(fact_id, _nearest(who, position), position, where)
    if wheres:
        person, where = min(((p, w) for p in who for w in wheres),
                            key=lambda pair: (_gap(*pair), pair))
        return Occupation(fact_id, person, None, where)
    return Occupation(fact_id, who[0], None, None)


def factru_occupations(eval_dir: Path, limit: int | None = None) -> list[FactruDoc]:
    """factRuEval dev documents with their Occupation facts (identical facts kept once)."""
    docs = []
    for doc_id in factru_ids(eval_dir, limit):
        layers = _layers(eval_dir, doc_id)
        facts: dict[tuple[Span, Span | None, Span | None], Occupation] = {}
        for fact_id, kind, attributes in _facts(Path(eval_dir) / FACTRU_DEV / f"{doc_id}.facts"):
            if kind != "Occupation":
                continue
            fact = _occupation(layers, fact_id, attributes)
            if fact is not None:
                facts.setdefault((fact.who, fact.position, fact.where), fact)
        docs.append(FactruDoc(doc_id, layers.text, tuple(facts.values())))
    return docs


def factru_coref(eval_dir: Path, limit: int | None = None) -> list[CorefDoc]:
    """factRuEval dev coreference: per entity, its Person (PER) or Org (ORG) mention spans."""
    docs = []
    for doc_id in factru_ids(eval_dir, limit):
        layers = _layers(eval_dir, doc_id)
        clusters = []
        for entity_id, mention_ids in layers.entities.items():
            by_type: dict[str, set[Span]] = {}
            for mention_id in mention_ids:
                mention = layers.objects.get(mention_id)
                if mention is not None and mention.type in COREF_TYPES:
                    by_type.setdefault(COREF_TYPES[mention.type], set()).add(mention.span)
            clusters += [CorefCluster(entity_id, kind, tuple(sorted(spans)))
                         for kind, spans in sorted(by_type.items())]
        docs.append(CorefDoc(doc_id, layers.text, tuple(clusters)))
    return docs


def factru_ner(eval_dir: Path, limit: int | None = None
               ) -> list[tuple[str, str, set[tuple[str, int, int]]]]:
    """factRuEval dev NER gold: (doc_id, text, {(PER|ORG|LOC, start, stop)}), exact spans.

    Person -> PER, Org -> ORG, Location and LocOrg -> LOC; Project is left out.
    """
    out = []
    for doc_id in factru_ids(eval_dir, limit):
        layers = _layers(eval_dir, doc_id)
        gold = {(NER_TYPES[m.type], *m.span) for m in layers.objects.values()
                if m.type in NER_TYPES}
        out.append((doc_id, layers.text, gold))
    return out


# ---------------------------------------------------------------- NEREL


def nerel_ids(eval_dir: Path, limit: int | None = None) -> list[str]:
    """NEREL dev document ids (``NNN_text``) in file-name order, the first ``limit`` of them."""
    folder = Path(eval_dir) / NEREL_DEV
    ids = sorted(path.stem for path in folder.glob("*.txt") if path.with_suffix(".ann").exists())
    return ids[:limit] if limit is not None else ids


def _brat_entity(fields: list[str]) -> tuple[str, Span] | None:
    """``TYPE start stop[;start stop...]`` -> (type, extent), or None when malformed."""
    head = fields[1].split(" ", 1)
    if len(head) != 2:
        return None
    fragments = []
    for fragment in head[1].split(";"):
        bounds = fragment.split()
        if len(bounds) != 2 or not all(bound.isdigit() for bound in bounds):
            return None
        fragments.append((int(bounds[0]), int(bounds[1])))
    extent = _extent(fragments)
    return (head[0], extent) if extent else None


def _brat_relation(fields: list[str]) -> tuple[str, str, str] | None:
    """``TYPE Arg1:Tx Arg2:Ty`` -> (type, Tx, Ty), or None when malformed."""
    parts = fields[1].split()
    if len(parts) != 3 or not parts[1].startswith("Arg1:") or not parts[2].startswith("Arg2:"):
        return None
    return parts[0], parts[1][5:], parts[2][5:]


def _nerel_relations(path: Path) -> tuple[Relation, ...]:
    entities: dict[str, tuple[str, Span]] = {}
    raw: list[tuple[str, str, str, str]] = []
    for line in _lines(path):
        if not _BRAT_LINE.match(line):
            continue  # malformed line (e.g. a line of text without an id)
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        if fields[0].startswith("T"):
            entity = _brat_entity(fields)
            if entity is not None:
                entities[fields[0]] = entity
        elif fields[0].startswith("R"):
            relation = _brat_relation(fields)
            if relation is not None:
                raw.append((fields[0], *relation))
    relations = []
    for rel_id, kind, arg1, arg2 in raw:
        if kind not in ROLE_RELATIONS or arg1 not in entities or arg2 not in entities:
            continue
        (type1, span1), (type2, span2) = entities[arg1], entities[arg2]
        if (type1, type2) == ROLE_RELATIONS[kind]:
            relations.append(Relation(rel_id, kind, span1, type1, span2, type2))
    return tuple(relations)


def nerel_docs(eval_dir: Path, limit: int | None = None) -> list[NerelDoc]:
    """NEREL dev documents with their WORKS_AS and WORKPLACE (PERSON -> ORGANIZATION) relations."""
    folder = Path(eval_dir) / NEREL_DEV
    return [NerelDoc(doc_id, (folder / f"{doc_id}.txt").read_text(encoding="utf-8"),
                     _nerel_relations(folder / f"{doc_id}.ann"))
            for doc_id in nerel_ids(eval_dir, limit)]


# NEREL types the NER table scores, as natasha's three.
NEREL_NER = {"PERSON": "PER", "ORGANIZATION": "ORG", "COUNTRY": "LOC", "CITY": "LOC",
             "STATE_OR_PROVINCE": "LOC", "LOCATION": "LOC", "DISTRICT": "LOC"}


def nerel_ner(eval_dir: Path, limit: int | None = None, nested: bool = False
              ) -> list[tuple[str, str, set[tuple[str, int, int]]]]:
    """NEREL dev NER gold: (doc_id, text, {(PER|ORG|LOC, start, stop)}), exact spans, every
    nesting level, or the outermost of each type (NEREL nests names: "Банк России" holds
    "России")."""
    folder = Path(eval_dir) / NEREL_DEV
    out = []
    for doc_id in nerel_ids(eval_dir, limit):
        found = set()
        for line in _lines(folder / f"{doc_id}.ann"):
            fields = line.split("\t")
            entity = _brat_entity(fields) if _BRAT_LINE.match(line) and len(fields) > 1 \
                and fields[0].startswith("T") else None
            if entity is not None and entity[0] in NEREL_NER:
                found.add((NEREL_NER[entity[0]], *entity[1]))
        if not nested:
            found = {m for m in found if not any(o != m and o[0] == m[0] and o[1] <= m[1]
                                                 and m[2] <= o[2] for o in found)}
        out.append((doc_id, (folder / f"{doc_id}.txt").read_text(encoding="utf-8"), found))
    return out


# ---------------------------------------------------------------- gold as RoleSpans


def factru_roles(doc: FactruDoc) -> list[RoleSpans]:
    return [RoleSpans(fact.who, fact.position, fact.where) for fact in doc.occupations]


def nerel_roles(doc: NerelDoc) -> list[RoleSpans]:
    """WORKS_AS -> (person, role), WORKPLACE -> (person, org)."""
    return [RoleSpans(rel.arg1, rel.arg2, None) if rel.kind == "WORKS_AS"
            else RoleSpans(rel.arg1, None, rel.arg2) for rel in doc.relations]
