"""slovnet's CNN tagger (``slovnet.exec.model.Tag``) computed over many sentences at once.

The sentences lie in one row, a padding position before, between and after them: a
convolution of width 3 reads at a sentence's edge the zero it would read from
slovnet's padding, and the positions between sentences are set to zero after each
layer, as slovnet sets its padded positions. So no position is computed for padding to
a batch's longest sentence, and each layer is one matrix product.

The first layer reads a word's vector and its shape's vector. Its product with a
word's vector is computed once per distinct word of the row and its product with each
shape once at load; a position then adds the three parts its window reads. The sums
are the same up to float rounding in another order (the taggers' outputs are checked
equal to slovnet's, ``tests/tagging``); the other layers are slovnet's products as
slovnet computes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import as_strided

from .weights import Embedding
from .words import Row

WIDTH = 3  # the convolutions' window; each pads its input with one zero on either side


@dataclass(frozen=True, slots=True)
class Layer:
    """A convolution, ReLU and batch norm (``CNNEncoderLayer``)."""

    weight: np.ndarray  # filters x (inputs * WIDTH), as slovnet's Conv1d reshapes it
    bias: np.ndarray
    mean: np.ndarray
    std: np.ndarray
    scale: np.ndarray
    shift: np.ndarray

    @classmethod
    def of(cls, layer: Any) -> Layer:
        conv, norm = layer.conv, layer.norm
        filters, inputs, width = conv.weight.shape
        if width != WIDTH or conv.padding != 1:
            raise ValueError(f"a convolution of width {width}, padding {conv.padding}")
        return cls(conv.weight.array.reshape(filters, inputs * width), conv.bias.array,
                   norm.mean.array, norm.std.array, norm.weight.array, norm.bias.array)

    def finish(self, x: np.ndarray) -> np.ndarray:
        """ReLU and batch norm of the convolution's output ``x`` (bias added)."""
        x = x.clip(0)
        return (x - self.mean) / self.std * self.scale + self.shift

    def __call__(self, x: np.ndarray, gaps: np.ndarray) -> np.ndarray:
        rows, inputs = x.shape
        step, unit = x.strides
        windows = as_strided(x, (rows - 2, inputs, WIDTH), (step, unit, step))
        return place(self.finish(np.matmul(windows.reshape(rows - 2, -1), self.weight.T)
                                 + self.bias), gaps)


def place(inner: np.ndarray, gaps: np.ndarray) -> np.ndarray:
    """The rows of all positions: ``inner`` for positions 1..n-2, zero at the ends and gaps."""
    out = np.zeros((len(inner) + 2, inner.shape[1]), dtype=inner.dtype)
    out[1:-1] = inner
    out[gaps] = 0
    return out


@dataclass(frozen=True, slots=True)
class Network:
    """The encoder and head of a slovnet tag model, from its public weight arrays."""

    embedding: Embedding
    by_word: np.ndarray  # dim x (WIDTH * filters): the first layer over a word's vector
    by_shape: np.ndarray  # shapes x (WIDTH * filters): the first layer over each shape
    first: Layer
    layers: tuple[Layer, ...]
    head_weight: np.ndarray
    head_bias: np.ndarray

    @classmethod
    def of(cls, model: Any, embedding: Embedding) -> Network:
        """From a ``slovnet.exec.model.Morph`` or ``NER`` with its arrays in place."""
        if model.emb.word.id != embedding.id:
            raise ValueError(f"the model wants embedding {model.emb.word.id}, not {embedding.id}")
        layers = [Layer.of(layer) for layer in model.encoder.layers]
        weight = model.encoder.layers[0].conv.weight.array  # filters x inputs x width
        # [input, (k, filter)]: the product with input row i gives every window slot k
        parts = weight.transpose(1, 2, 0).reshape(weight.shape[1], -1)
        shapes = model.emb.shape.weight.array
        return cls(embedding, np.ascontiguousarray(parts[:embedding.dim]),
                   np.matmul(shapes, parts[embedding.dim:]), layers[0], tuple(layers[1:]),
                   model.head.proj.weight.array, model.head.proj.bias.array)

    def first_layer(self, word_ids: np.ndarray, shape_ids: np.ndarray, gaps: np.ndarray
                    ) -> np.ndarray:
        distinct, where = np.unique(word_ids, return_inverse=True)
        by_word = np.matmul(self.embedding.vectors(distinct), self.by_word)
        slots = (by_word[where.ravel()] + self.by_shape[shape_ids]).reshape(
            len(word_ids), WIDTH, -1)
        inner = slots[:-2, 0] + slots[1:-1, 1] + slots[2:, 2]
        return place(self.first.finish(inner + self.first.bias), gaps)

    def __call__(self, row: Row) -> np.ndarray:
        """The head's scores (words x tags) of the words of a row."""
        x = self.first_layer(row.word_ids, row.shape_ids, row.gaps)
        for layer in self.layers:
            x = layer(x, row.gaps)
        return np.matmul(x[row.words()], self.head_weight) + self.head_bias
