"""Pairwise scoring of entity resolution against factRuEval-2016 dev coreference.

A cluster is a set of mention keys; a key is ``(doc_id, start, stop)``, so a mention matches
another exactly when the document and both offsets are equal. Only the gold mentions that some
predicted mention matches exactly take part (both sides are restricted to them), so the score
judges the grouping, not the mention detection. Over those mentions: gold pairs are pairs of
mentions in one gold entity, predicted pairs pairs in one predicted cluster; precision = shared
pairs / predicted pairs, recall = shared pairs / gold pairs. factRuEval links mentions within a
document only, so predicted clusters are split by document before scoring.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from .common import prf
from .gold import CorefDoc

Key = Hashable
TYPES = ("PER", "ORG")
OURS = "seminar-nlp (entity_id)"
BASELINE = "same type and normal form"
HEADER = ("system", "type", "gold mentions", "matched", "gold pairs", "predicted pairs",
          "correct pairs", "P", "R", "F1")
DESCRIPTION = (
    "Pairwise P/R/F1 over the gold Person (PER) and Org (ORG) mentions that a predicted "
    "mention of the same type matches exactly (same start and stop); pairs are counted within "
    "a document. seminar-nlp's clusters are its mentions grouped by `entity_id`; the baseline "
    "groups the same mentions by exact (type, `normal`).")


@dataclass(frozen=True)
class Mention:
    """A predicted mention of one document."""

    start: int
    stop: int
    type: str
    normal: str
    entity_id: str | None = None


@dataclass(frozen=True)
class PairCounts:
    gold_mentions: int
    matched: int
    gold_pairs: int
    predicted_pairs: int
    correct: int

    @property
    def prf(self) -> tuple[float, float, float]:
        return prf(self.correct, self.predicted_pairs, self.gold_pairs)


def _pairs(clusters: Iterable[Iterable[Key]], keep: set[Key]) -> set[frozenset[Key]]:
    out: set[frozenset[Key]] = set()
    for cluster in clusters:
        members = sorted({key for key in cluster if key in keep}, key=repr)
        out.update(frozenset(pair) for pair in combinations(members, 2))
    return out


def pair_counts(gold_clusters: Iterable[Iterable[Key]],
                predicted_clusters: Iterable[Iterable[Key]]) -> PairCounts:
    gold_list = [set(cluster) for cluster in gold_clusters]
    predicted_list = [set(cluster) for cluster in predicted_clusters]
    gold_mentions = set().union(*gold_list)
    matched = gold_mentions & set().union(*predicted_list)
    gold_pairs, predicted_pairs = _pairs(gold_list, matched), _pairs(predicted_list, matched)
    return PairCounts(len(gold_mentions), len(matched), len(gold_pairs), len(predicted_pairs),
                      len(gold_pairs & predicted_pairs))


def pairwise(gold_clusters: Iterable[Iterable[Key]],
             predicted_clusters: Iterable[Iterable[Key]]) -> tuple[float, float, float]:
    """Pairwise (precision, recall, F1) over the gold mentions that a prediction matches."""
    return pair_counts(gold_clusters, predicted_clusters).prf


def gold_clusters(docs: Sequence[CorefDoc], kind: str) -> list[set[Key]]:
    return [{(doc.doc_id, *span) for span in cluster.mentions}
            for doc in docs for cluster in doc.clusters if cluster.type == kind]


def group(mentions: Mapping[str, Sequence[Mention]], kind: str, by: str) -> list[set[Key]]:
    """Predicted clusters of one type: mentions of a document grouped by ``by``.

    ``by="entity"`` groups by ``entity_id`` (a mention without one stands alone);
    ``by="normal"`` groups by the exact normal form (the baseline).
    """
    clusters: dict[tuple[str, object], set[Key]] = {}
    for doc_id, doc_mentions in mentions.items():
        for index, mention in enumerate(doc_mentions):
            if mention.type != kind:
                continue
            label: object = mention.normal if by == "normal" else (mention.entity_id or index)
            clusters.setdefault((doc_id, label), set()).add((doc_id, mention.start, mention.stop))
    return list(clusters.values())


def evaluate(docs: Sequence[CorefDoc],
             mentions: Mapping[str, Sequence[Mention]]) -> list[list[object]]:
    """Table rows (see ``HEADER``) for our clusters and the normal-form baseline."""
    doc_ids = {doc.doc_id for doc in docs}
    mentions = {doc_id: rows for doc_id, rows in mentions.items() if doc_id in doc_ids}
    rows: list[list[object]] = []
    for system, by in ((OURS, "entity"), (BASELINE, "normal")):
        for kind in TYPES:
            counts = pair_counts(gold_clusters(docs, kind), group(mentions, kind, by))
            rows.append([system, kind, counts.gold_mentions, counts.matched, counts.gold_pairs,
                         counts.predicted_pairs, counts.correct, *counts.prf])
    return rows
