"""Sentences and tokens with razdel.

Tokens are cut inside each sentence, so none crosses a sentence boundary.
razdel reads the analysis view of the text (same length), where soft hyphens
keep a word whole; each token's ``text`` is the slice of ``documents.text``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from razdel import sentenize, tokenize

from ..cleaning import analysis_view, token_form
from ..records import Doc, Sentence, Token


def segment_text(text: str) -> tuple[tuple[Sentence, ...], tuple[Token, ...]]:
    view = analysis_view(text)
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    for sent in sentenize(view) if view.strip() else ():
        first = len(tokens)
        for token in tokenize(sent.text):
            start = sent.start + token.start
            stop = sent.start + token.stop
            piece = text[start:stop]
            tokens.append(Token(start, stop, piece, token_form(piece), len(sentences)))
        if len(tokens) > first:
            sentences.append(Sentence(sent.start, sent.stop, first, len(tokens)))
    return tuple(sentences), tuple(tokens)


class Segment:
    name = "segment"
    needs: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("sentences", "tokens")

    def __call__(self, docs: Sequence[Doc]) -> list[Doc]:
        out = []
        for doc in docs:
            sentences, tokens = segment_text(doc.text)
            out.append(replace(doc, sentences=sentences, tokens=tokens))
        return out
