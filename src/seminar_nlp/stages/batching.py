"""The token forms of every sentence of many documents, for the taggers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def sentence_words(docs: Sequence[Any]) -> list[list[str]]:
    """Token forms of every sentence of every doc, in order."""
    words = []
    for doc in docs:
        tokens = doc.need("tokens")
        for sent in doc.need("sentences"):
            words.append([token.form for token in tokens[sent.token_start:sent.token_stop]])
    return words
