"""The morph tagger and the NER tagger: slovnet's ``Morph`` and ``NER`` on our network.

``MorphTagger`` gives each word of each sentence the index of its tag in ``tags`` (pos and
features, as slovnet's ``MorphMarkup`` parses them). ``NERTagger`` reads texts as
slovnet's ``NER`` does (razdel's words, ``tokens.py``; the CRF's best path, BIO tags to
spans) and gives the spans of each. Sentences and texts are taken in rows of up to ``ROW`` words.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .network import Network
from .tokens import token_spans
from .weights import Model, WordVectors
from .words import Encoder

ROW = 4096  # words computed together: bounds the memory of a layer's windows (~12 MB)
CRF_BATCH = 64  # sequences decoded together, sorted by length


def rows(sizes: Sequence[int], limit: int = ROW) -> Iterator[tuple[int, int]]:
    """Consecutive ranges of sequences of up to ``limit`` words in all (or one longer)."""
    start = total = 0
    for index, size in enumerate(sizes):
        if total and total + size > limit:
            yield start, index
            start, total = index, 0
        total += size
    if start < len(sizes):
        yield start, len(sizes)


def by_sequence(network: Network, encoder: Encoder, sequences: Sequence[Sequence[str]]
                ) -> Iterator[np.ndarray]:
    """The network's scores (words x tags) of each sequence, in order."""
    sizes = [len(words) for words in sequences]
    for first, stop in rows(sizes):
        scores = network(encoder.row(sequences[first:stop]))
        yield from np.split(scores, np.cumsum(sizes[first:stop])[:-1])


class MorphTagger:
    def __init__(self, model: Model, network: Network, encoder: Encoder) -> None:
        from slovnet.conll import parse_conll_tag

        self.network, self.encoder = network, encoder
        self.tags: tuple[tuple[str, dict[str, str]], ...] = tuple(
            parse_conll_tag(item) for item in model.tags.items)

    def __call__(self, sentences: Sequence[Sequence[str]]) -> list[list[int]]:
        """The tag index of each word of each sentence."""
        return [scores.argmax(-1).tolist()
                for scores in by_sequence(self.network, self.encoder, sentences)]


@dataclass(frozen=True, slots=True)
class Bounds:
    """A token's place in its text (razdel's word, as slovnet's ``NER`` reads it)."""

    start: int
    stop: int


class NERTagger:
    def __init__(self, model: Model, network: Network, encoder: Encoder) -> None:
        self.network, self.encoder = network, encoder
        self.crf = model.network.head.crf  # slovnet's CRF: ``decode(emissions, mask)``
        self.labels: list[str] = list(model.tags.items)

    def __call__(self, texts: Sequence[str]) -> list[list[Any]]:
        """The spans (slovnet ``Span``: start, stop, type) of each text."""
        from slovnet.bio import bio_spans

        tokens = [[Bounds(start, stop) for start, stop in token_spans(text)] for text in texts]
        scores = list(by_sequence(self.network, self.encoder,
                                  [[text[token.start:token.stop] for token in found]
                                   for text, found in zip(texts, tokens, strict=True)]))
        paths = self.decode(scores)
        return [list(bio_spans(found, [self.labels[tag] for tag in path]))
                for found, path in zip(tokens, paths, strict=True)]

    def decode(self, scores: Sequence[np.ndarray]) -> list[list[int]]:
        """The CRF's best path through each sequence's scores, in batches of like lengths."""
        paths: list[list[int]] = [[] for _ in scores]
        order = sorted((index for index, found in enumerate(scores) if len(found)),
                       key=lambda index: len(scores[index]))
        for start in range(0, len(order), CRF_BATCH):
            batch = order[start:start + CRF_BATCH]
            longest = len(scores[batch[-1]])
            emissions = np.zeros((len(batch), longest, scores[batch[0]].shape[1]),
                                 dtype=scores[batch[0]].dtype)
            mask = np.zeros((len(batch), longest), dtype=bool)
            for slot, index in enumerate(batch):
                emissions[slot, :len(scores[index])] = scores[index]
                mask[slot, :len(scores[index])] = True
            for index, path in zip(batch, self.crf.decode(emissions, mask), strict=True):
                paths[index] = path.tolist()
        return paths


@dataclass(frozen=True, slots=True)
class Taggers:
    """Both taggers on one embedding table and, when their vocabularies agree, one encoder."""

    morph: MorphTagger
    ner: NERTagger
    vectors: WordVectors  # navec's vectors by word, for whoever needs them

    @classmethod
    def load(cls) -> Taggers:
        from natasha.data import NEWS_EMBEDDING, NEWS_MORPH, NEWS_NER
        from slovnet.exec.model import NER, Morph

        from .weights import load_embedding, load_model

        embedding = load_embedding(NEWS_EMBEDDING)
        morph = load_model(NEWS_MORPH, Morph)
        ner = load_model(NEWS_NER, NER, words=morph)
        morph_words = Encoder(morph.words, morph.shapes)
        ner_words = (morph_words if morph_words.serves(ner.words, ner.shapes)
                     else Encoder(ner.words, ner.shapes))
        return cls(MorphTagger(morph, Network.of(morph.network, embedding), morph_words),
                   NERTagger(ner, Network.of(ner.network, embedding), ner_words),
                   WordVectors(morph.words.item_ids, embedding))
