"""Position spans: NEREL dev PROFESSION spans found by the roles stage's lexicon, by the CRF
of ``stages/roles/learned.py`` (trained on NEREL train, ``python -m benchmarks.train
positions``), and by both.

Exact spans: a predicted span is right when its first and last characters are a gold span's
(the tokens it covers, from the first token's start to the last one's stop). Gold, as the CRF
is trained: one layer of NEREL's nested PROFESSION spans (``train_positions.flat``: per start
the shortest, then the outermost). Also given: every nesting level as gold (a span right when
it is any gold span; recall over all of them, which no flat labelling can reach).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .common import Settings, prf, table
from .train_positions import BratDoc, Span, analysed, flat, read_brat

NAME = "Position spans"
HEADER = ("system", "gold", "gold spans", "predicted", "correct", "P", "R", "F1")


def char_spans(doc: Any, spans: Iterable[tuple[int, int]]) -> set[Span]:
    tokens = doc.need("tokens")
    return {(tokens[a].start, tokens[b - 1].stop) for a, b in spans if b > a}


def lexicon_spans(doc: Any) -> list[tuple[int, int]]:
    """Token ranges of the position phrases the roles stage's lexicon finds (the position
    words, without the organisation and the "по ..." after it)."""
    from seminar_nlp.resources import shared
    from seminar_nlp.stages.roles.candidates import lexicon_phrases
    from seminar_nlp.stages.view import SentenceView, make_view

    view, morph = make_view(doc), shared().morph
    starts = [mention.token_start for mention in doc.need("mentions")]
    return [(phrase.start, phrase.stop) for sent in doc.need("sentences")
            for phrase in lexicon_phrases(SentenceView(view, sent.token_start,
                                                       sent.token_stop, morph, starts))]


def systems(doc: Any) -> dict[str, set[Span]]:
    """Each system's character spans in one analysed document."""
    from seminar_nlp.resources import shared
    from seminar_nlp.stages.roles.learned import position_spans

    lexicon = lexicon_spans(doc)
    crf = list(position_spans(doc, shared().position_tagger))
    beside = [span for span in crf
              if not any(a < span[1] and span[0] < b for a, b in lexicon)]
    return {"lexicon (roles stage)": char_spans(doc, lexicon), "CRF": char_spans(doc, crf),
            "union": char_spans(doc, lexicon) | char_spans(doc, crf),
            "lexicon + CRF where the lexicon has none": char_spans(doc, [*lexicon, *beside])}


def scores(docs: Sequence[BratDoc], analysed_docs: Sequence[Any]) -> list[list[object]]:
    counts: dict[tuple[str, str], list[int]] = {}
    for brat, doc in zip(docs, analysed_docs, strict=True):
        layers = {"flat": set(flat(brat.spans)), "all levels": set(brat.spans)}
        for system, found in systems(doc).items():
            for layer, gold in layers.items():
                row = counts.setdefault((system, layer), [0, 0, 0])
                row[0] += len(gold)
                row[1] += len(found)
                row[2] += len(found & gold)
    return [[system, layer, g, p, c, *prf(c, p, g)]
            for (system, layer), (g, p, c) in counts.items()]


def section(settings: Settings) -> str:
    docs = read_brat(settings.eval_dir / "nerel" / "dev", settings.limit)
    rows = scores(docs, analysed(docs))
    return "\n".join([
        f"## {NAME}", "",
        f"NEREL dev, {len(docs)} documents: PROFESSION spans, exact. " + __doc__.split(
            "\n\n", 1)[1].replace("\n", " ").strip(), "",
        table(HEADER, sorted(rows, key=lambda row: row[1] != "flat"))])
