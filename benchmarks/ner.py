"""Named entities on factRuEval-2016 dev: ours beside natasha's raw NER.

Gold: Person -> PER, Org -> ORG, Location and LocOrg -> LOC (``.objects``,
each mention spanning its ``.spans``). A predicted mention is right when its
type, start and stop all equal a gold mention's (exact span). Precision,
recall and F1 per type, summed over documents.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from .common import Settings, prf, table
from .gold import factru_ner

NAME = "Named entities"
TYPES = ("PER", "ORG", "LOC")
Mentions = set[tuple[str, int, int]]


def ours() -> Callable[[list[str]], list[Mentions]]:
    from seminar_nlp import Pipeline
    from seminar_nlp.cleaning import clean
    from seminar_nlp.records import Source

    pipeline = Pipeline()

    def run(texts: list[str]) -> list[Mentions]:
        sources = [Source(f"d{i}", "<eval>", clean(text)) for i, text in enumerate(texts)]
        return [{(m.type, m.start, m.stop) for m in doc.need("mentions")}
                for doc in pipeline.run(sources)]

    return run


def natasha() -> Callable[[list[str]], list[Mentions]]:
    from natasha import NewsEmbedding, NewsNERTagger

    tagger = NewsNERTagger(NewsEmbedding())

    def run(texts: list[str]) -> list[Mentions]:
        return [{(span.type, span.start, span.stop) for span in tagger(text).spans}
                for text in texts]

    return run


def score(gold: Sequence[Mentions], predicted: Sequence[Mentions]) -> dict[str, tuple[float, ...]]:
    counts: Counter[tuple[str, str]] = Counter()
    for gold_set, predicted_set in zip(gold, predicted, strict=True):
        for kind in TYPES:
            g = {m for m in gold_set if m[0] == kind}
            p = {m for m in predicted_set if m[0] == kind}
            counts[kind, "right"] += len(g & p)
            counts[kind, "predicted"] += len(p)
            counts[kind, "gold"] += len(g)
    return {kind: prf(counts[kind, "right"], counts[kind, "predicted"], counts[kind, "gold"])
            for kind in TYPES}


def section(settings: Settings) -> str:
    documents = factru_ner(settings.eval_dir, settings.limit)
    texts = [text for _, text, _ in documents]
    gold = [mentions for _, _, mentions in documents]
    rows = []
    for name, make in (("seminar-nlp", ours), ("natasha NewsNERTagger", natasha)):
        results = score(gold, make()(texts))
        for kind in TYPES:
            rows.append((kind, name, *results[kind]))
    return "\n".join([
        f"## {NAME}", "", __doc__.split("\n\n", 1)[1].strip(), "",
        f"Data: {len(documents)} factRuEval devset documents, "
        f"{sum(len(g) for g in gold):,} gold mentions.", "",
        table(["type", "system", "precision", "recall", "F1"], rows),
    ])
