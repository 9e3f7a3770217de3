"""Named entities on factRuEval-2016 dev and NEREL dev: ours beside natasha's raw NER.

Gold: factRuEval Person -> PER, Org -> ORG, Location and LocOrg -> LOC (``.objects``,
each mention spanning its ``.spans``); NEREL PERSON -> PER, ORGANIZATION -> ORG, COUNTRY,
CITY, STATE_OR_PROVINCE, DISTRICT and LOCATION -> LOC, every nesting level (NEREL nests
names: "Банк России" holds "России"). A predicted mention is right when its type, start and
stop all equal a gold mention's (exact span). Precision, recall and F1 per type, summed over
documents.
The two sets write names differently: factRuEval takes a generic word into an
organisation ("компании Microsoft") and ends a quoted name before its closing quote, NEREL
does neither ("Microsoft", "РИА «Новости»"); the model follows neither wholly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from .common import Settings, prf, table
from .gold import factru_ner, nerel_ner

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
    sets = {"factRuEval dev": factru_ner(settings.eval_dir, settings.limit),
            "NEREL dev": nerel_ner(settings.eval_dir, settings.limit, nested=True)}
    systems = {"seminar-nlp": ours(), "natasha NewsNERTagger": natasha()}
    rows = []
    for data, documents in sets.items():
        texts = [text for _, text, _ in documents]
        gold = [mentions for _, _, mentions in documents]
        for name, run in systems.items():
            results = score(gold, run(texts))
            rows += [(data, kind, name, *results[kind]) for kind in TYPES]
    sizes = ", ".join(f"{name} {len(docs)} documents ({sum(len(m) for *_, m in docs):,} gold "
                      "mentions)" for name, docs in sets.items())
    return "\n".join([
        f"## {NAME}", "", __doc__.split("\n\n", 1)[1].strip(), "",
        f"Data: {sizes}.", "",
        table(["data set", "type", "system", "precision", "recall", "F1"], rows),
    ])
