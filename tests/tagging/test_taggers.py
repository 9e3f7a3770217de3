"""Our forward pass of slovnet's taggers gives slovnet's own tags and spans.

The plain slovnet path (``slovnet.Morph`` and ``slovnet.NER`` with navec, as natasha
loads them) and ``seminar_nlp.tagging`` read the same sentences and texts: the sample
reports, cut as the pipeline cuts them, and a few awkward inputs.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from helpers import REPORTS
from seminar_nlp import Pipeline
from seminar_nlp.cleaning import analysis_view, without_stress
from seminar_nlp.readers import iter_sources
from seminar_nlp.records import Doc
from seminar_nlp.stages.batching import sentence_words
from seminar_nlp.stages.ner import chunk_bounds
from seminar_nlp.stages.segment import Segment
from seminar_nlp.tagging.taggers import ROW, Taggers, rows

# razdel cuts "<pad>" in three, so the pipeline never gives slovnet its padding word (which
# slovnet would read as padding).
AWKWARD = ["", "Слово -то и что-то , 3 .5 и 1/2 _x_", "ΔP ... ?! -- ** :)",
           "Владимир Путин посетил ЗАО «Газпром нефть» в Санкт-Петербурге.",
           " ".join(["Москва", "и", "Казань"] * (ROW // 2))]


@pytest.fixture(scope="module")
def plain() -> tuple[Any, Any, Any]:
    from natasha import NewsEmbedding
    from natasha.data import NEWS_MORPH, NEWS_NER
    from slovnet import NER, Morph

    embedding = NewsEmbedding()
    return (Morph.load(NEWS_MORPH).navec(embedding), NER.load(NEWS_NER).navec(embedding),
            embedding)


@pytest.fixture(scope="module")
def taggers(pipeline: Pipeline) -> Taggers:
    return pipeline.resources.taggers


@pytest.fixture(scope="module")
def sample() -> tuple[list[list[str]], list[str]]:
    """The sample reports' sentences (words) and NER chunks, as the stages make them."""
    docs = Segment()([Doc(source) for source in iter_sources([REPORTS])
                      if source.status == "ok"])
    texts = [without_stress(analysis_view(doc.text[start:stop]))[0]
             for doc in docs for start, stop in chunk_bounds(doc)]
    return sentence_words(docs), texts


def test_morph_tags_are_slovnets(plain: tuple[Any, Any, Any], taggers: Taggers,
                                 sample: tuple[list[list[str]], list[str]]) -> None:
    sentences = sample[0] + [text.split() for text in AWKWARD]
    expected = [[(token.pos, token.feats) for token in markup.tokens]
                for markup in plain[0].map(sentences)]
    found = [[taggers.morph.tags[index] for index in indexes]
             for indexes in taggers.morph(sentences)]
    assert sum(map(len, found)) > 7000
    assert found == expected


def test_ner_spans_are_slovnets(plain: tuple[Any, Any, Any], taggers: Taggers,
                                sample: tuple[list[list[str]], list[str]]) -> None:
    texts = sample[1] + AWKWARD
    expected = [[(span.start, span.stop, span.type) for span in markup.spans]
                for markup in plain[1].map(texts)]
    found = [[(span.start, span.stop, span.type) for span in spans]
             for spans in taggers.ner(texts)]
    assert sum(map(len, found)) > 500
    assert found == expected


def test_vectors_are_navecs(plain: tuple[Any, Any, Any], taggers: Taggers) -> None:
    embedding = plain[2]
    for word in ("семинар", "казань", "<unk>"):
        assert word in taggers.vectors
        assert np.array_equal(taggers.vectors[word], embedding[word])
    assert "несловоникакое" not in taggers.vectors


def test_rows_keep_sequences_whole() -> None:
    assert list(rows([3, 3, 3], limit=6)) == [(0, 2), (2, 3)]
    assert list(rows([10, 1, 0, 1], limit=4)) == [(0, 1), (1, 4)]
    assert list(rows([])) == []
