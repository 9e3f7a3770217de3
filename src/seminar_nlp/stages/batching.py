"""Run a slovnet model over sentences of many documents at once.

Sorting inputs by length before batching keeps padding small; results come
back in the original order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")


def map_sorted(model: Callable[[list[Any]], Any], items: Sequence[Item],
               size: Callable[[Item], int]) -> list[Any]:
    order = sorted(range(len(items)), key=lambda index: size(items[index]))
    results: list[Any] = [None] * len(items)
    outputs = model.map([items[index] for index in order])  # type: ignore[attr-defined]
    for index, output in zip(order, outputs, strict=True):
        results[index] = output
    return results


def sentence_words(docs: Sequence[Any]) -> list[list[str]]:
    """Token forms of every sentence of every doc, in order."""
    words = []
    for doc in docs:
        tokens = doc.need("tokens")
        for sent in doc.need("sentences"):
            words.append([token.form for token in tokens[sent.token_start:sent.token_stop]])
    return words
