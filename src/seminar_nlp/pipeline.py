"""The pipeline: an ordered list of stages run over batches of documents.

The order is checked when the pipeline is built: a stage whose needs no
earlier stage provides is refused then, not halfway through a corpus.
Documents that failed to read pass through untouched, and an exception in one
batch is retried document by document so that one bad document fails alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import islice
from typing import TypeVar

from . import pieces
from .records import LAYERS, Doc, Source, Status
from .resources import Resources, shared
from .stages import Stage
from .stages.events import Events
from .stages.lemma import Lemma
from .stages.morph import Morph
from .stages.ner import NER
from .stages.normalize import Normalize
from .stages.quotes import Quotes
from .stages.roles import Roles
from .stages.roles.implied import Hosts
from .stages.segment import Segment
from .stages.themes import Themes, Weights

DEFAULT_BATCH = 32
T = TypeVar("T")


def default_stages(resources: Resources, theme_weights: Weights | None = None) -> list[Stage]:
    return [Segment(), Morph(resources), Lemma(resources), NER(resources), Normalize(resources),
            Roles(resources), Events(resources), Hosts(), Quotes(resources),
            Themes(resources, theme_weights)]


def check_order(stages: Sequence[Stage]) -> None:
    available: set[str] = set()
    for stage in stages:
        missing = [need for need in stage.needs if need not in available]
        if missing:
            raise ValueError(f"stage {stage.name!r} needs {missing}, which no earlier stage "
                             f"provides; stages so far: {[s.name for s in stages]}")
        available.update(stage.provides)


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def empty_layers(doc: Doc) -> Doc:
    """A document with nothing to analyse gets empty layers, not missing ones."""
    layers: dict[str, tuple[()]] = {layer: () for layer in LAYERS}
    return replace(doc, **layers)  # type: ignore[arg-type]


class Pipeline:
    """Run the analysis stages over documents. ``Pipeline().process(text)`` for one text."""

    def __init__(self, stages: Sequence[Stage] | None = None, *,
                 resources: Resources | None = None, batch_size: int = DEFAULT_BATCH,
                 piece: int = pieces.PIECE, theme_weights: Weights | None = None) -> None:
        """``theme_weights``: the themes stage's ranking (default: made for event reports;
        ``Weights.news()`` for news), used when ``stages`` is not given."""
        self.resources = resources or shared()
        self.piece = piece
        self.stages = (list(stages) if stages is not None
                       else default_stages(self.resources, theme_weights))
        check_order(self.stages)
        self.batch_size = batch_size

    def process(self, text: str, *, doc_id: str = "text-1") -> Doc:
        from .cleaning import clean, is_blank

        cleaned = clean(text)
        status: Status = "empty" if is_blank(cleaned) else "ok"
        return self.run_batch([Doc(Source(doc_id, "<text>", cleaned, status))])[0]

    def run(self, sources: Iterable[Source]) -> Iterator[Doc]:
        for chunk in batched(sources, self.batch_size):
            yield from self.run_batch([Doc(source) for source in chunk])

    def run_batch(self, docs: list[Doc]) -> list[Doc]:
        todo = [index for index, doc in enumerate(docs)
                if doc.source.status == "ok" and len(doc.text) <= self.piece]
        out = [empty_layers(doc) for doc in docs]
        try:
            done = self.apply([docs[index] for index in todo])
        except Exception:  # noqa: BLE001 - retried one by one to isolate the bad document
            done = [self.apply_alone(docs[index]) for index in todo]
        for index, doc in zip(todo, done, strict=True):
            out[index] = doc
        for index, doc in enumerate(docs):
            if doc.source.status == "ok" and len(doc.text) > self.piece:
                out[index] = self.apply_long(doc)
        return out

    def apply_long(self, doc: Doc) -> Doc:
        """A very long document in pieces, one at a time (``pieces.py``)."""
        analysed = [(offset, self.apply_alone(piece))
                    for offset, piece in pieces.split(doc, self.piece)]
        joined = pieces.join(doc, analysed)
        return empty_layers(joined) if joined.source.status == "error" else joined

    def apply(self, docs: list[Doc]) -> list[Doc]:
        for stage in self.stages:
            docs = stage(docs)
        return docs

    def apply_alone(self, doc: Doc) -> Doc:
        try:
            return self.apply([doc])[0]
        except Exception as error:  # noqa: BLE001 - reported in the documents table
            reason = f"analysis failed: {type(error).__name__}: {error}"[:300]
            return empty_layers(replace(doc, source=replace(doc.source, status="error",
                                                            error=reason)))
