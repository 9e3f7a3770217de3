"""The arrays of natasha's slovnet news morph and NER models and of its navec embedding.

slovnet's ``Pack`` reads a model's description and arrays; the navec table (product
quantised: a code index per word and part, a 100 x 256 x 3 codebook) is read from its
archive as navec stores it, without navec's similarity tables, which the taggers never
use. The word list, the same in both models and in navec, is read once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

WORD, SHAPE, TAG = "word", "shape", "tag"


@dataclass(frozen=True, slots=True)
class Embedding:
    """navec's table: ``codes[part, indexes[word, part]]`` is a word's vector, part by part."""

    id: str
    indexes: np.ndarray  # words x parts, uint8
    codes: np.ndarray  # parts x centroids x chunk, float32

    @property
    def dim(self) -> int:
        parts, _, chunk = self.codes.shape
        return int(parts * chunk)

    def vectors(self, ids: np.ndarray) -> np.ndarray:
        """The vectors (ids x dim) of word ids."""
        parts, centroids, chunk = self.codes.shape
        flat = self.indexes[ids].astype(np.intp) + np.arange(parts) * centroids
        return self.codes.reshape(-1, chunk)[flat].reshape(len(ids), parts * chunk)


def load_embedding(path: str) -> Embedding:
    from navec.meta import Meta
    from navec.tar import Tar

    with Tar(path) as tar:
        meta = Meta.from_file(tar.load("meta.json"))
        Meta.check_protocol(meta.protocol)
        data = tar.load("pq.bin").read()
    vectors, _, parts, centroids = (int(n) for n in np.frombuffer(data[:16], np.uint32))
    indexes = np.frombuffer(data[16:16 + vectors * parts], np.uint8).reshape(vectors, parts)
    codes = np.frombuffer(data[16 + vectors * parts:], np.float32).reshape(parts, centroids, -1)
    return Embedding(meta.id, indexes, codes)


@dataclass(frozen=True, slots=True)
class WordVectors:
    """navec's vectors by word (``word in vectors``, ``vectors[word]``), as ``navec.Navec``
    gives them, from the taggers' word list and table."""

    ids: dict[str, int]
    embedding: Embedding

    def __contains__(self, word: str) -> bool:
        return word in self.ids

    def __getitem__(self, word: str) -> np.ndarray:
        return self.embedding.vectors(np.array([self.ids[word]]))[0]


@dataclass(frozen=True, slots=True)
class Model:
    """A slovnet tag model with its arrays in place (``slovnet.exec.model``), its vocabularies
    and the text of its word list (to tell whether two models share one)."""

    network: Any
    words: Any  # slovnet Vocab
    shapes: Any
    tags: Any
    words_text: bytes


def load_model(path: str, kind: type, words: Model | None = None) -> Model:
    """A slovnet model of ``kind`` (``slovnet.exec.model.Morph`` or ``NER``); the word list of
    ``words`` is kept when this model's is the same (as ``slovnet.exec.pack`` reads it)."""
    from gzip import decompress

    from slovnet.exec.pack import Pack, vocab_name
    from slovnet.vocab import Vocab

    with Pack(path) as pack:
        pack.load_meta().check_protocol()
        network = pack.load_model(kind)
        network = network.inject_arrays(dict(pack.load_arrays(network.weights)))
        text = decompress(pack.read(vocab_name(WORD)))
        vocab = (words.words if words is not None and words.words_text == text
                 else Vocab(text.decode("utf8").splitlines()))
        return Model(network, vocab, pack.load_vocab(SHAPE), pack.load_vocab(TAG), text)
