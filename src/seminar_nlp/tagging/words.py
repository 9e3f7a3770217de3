"""Words to slovnet's input ids: the word's id in navec's list and the id of its shape.

Both taggers read the same word list and shape list, so one ``Encoder`` serves both and
each distinct word is looked up once (the ids are remembered, up to ``KEEP`` words).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

KEEP = 200_000  # distinct words remembered; the memo is emptied when full


class Encoder:
    """Ids as slovnet's ``TagEncoder`` gives them: ``words.encode(word.lower())`` and
    ``shapes.encode(word_shape(word))``."""

    def __init__(self, words: Any, shapes: Any) -> None:
        self.words, self.shapes = words, shapes
        self.pad = (int(words.pad_id), int(shapes.pad_id))
        self.known: dict[str, tuple[int, int]] = {}

    def serves(self, words: Any, shapes: Any) -> bool:
        """Whether this encoder gives the ids of a model with these vocabularies."""
        return (words is self.words or words.items == self.words.items) and \
            shapes.items == self.shapes.items

    def ids(self, word: str) -> tuple[int, int]:
        found = self.known.get(word)
        if found is None:
            from slovnet.shape import word_shape

            if len(self.known) >= KEEP:
                self.known.clear()
            found = self.known[word] = (self.words.encode(word.lower()),
                                        self.shapes.encode(word_shape(word)))
        return found

    def row(self, sequences: Sequence[Sequence[str]]) -> Row:
        """All sequences in one row, a padding position before, between and after them."""
        pairs = [self.pad]
        gaps = [0]
        for words in sequences:
            pairs.extend(self.ids(word) for word in words)
            pairs.append(self.pad)
            gaps.append(len(pairs) - 1)
        both = np.array(pairs, dtype=np.intp)
        return Row(both[:, 0], both[:, 1], np.array(gaps, dtype=np.intp))


@dataclass(frozen=True, slots=True)
class Row:
    """Word ids and shape ids of sequences in a row, and where the padding positions are
    (the zero input the network's convolutions pad with)."""

    word_ids: np.ndarray
    shape_ids: np.ndarray
    gaps: np.ndarray  # positions, first and last included

    def spans(self) -> list[tuple[int, int]]:
        """Each sequence's positions in the row, [start, stop)."""
        bounds = self.gaps.tolist()
        return [(start + 1, stop) for start, stop in zip(bounds, bounds[1:], strict=False)]

    def words(self) -> np.ndarray:
        """The positions of words (not padding)."""
        keep = np.ones(len(self.word_ids), dtype=bool)
        keep[self.gaps] = False
        return np.flatnonzero(keep)
