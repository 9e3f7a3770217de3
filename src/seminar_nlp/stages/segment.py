"""Sentences and tokens with razdel.

razdel's tokens are looked up a word at a time (``tagging/tokens.py``, the same tokens).
A short list of patterns (``lexicons/atoms.txt``) keeps whole what razdel
would cut apart: initials and abbreviations with their full stop ("А.",
"т.", "гг."), hashtags, scores, emoji one by one. Tokens are cut inside each
sentence, so none crosses a sentence boundary. razdel reads the analysis view
of the text (same length), where soft hyphens keep a word whole; each token's
``text`` is the slice of ``documents.text``. A blank line ends a sentence
even without a full stop: a headline or a caption is not the start of the
paragraph under it (razdel joins them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from razdel import sentenize

from ..cleaning import analysis_view, token_form
from ..records import Doc, Sentence, Token
from ..resources import read_lexicon
from ..tagging.tokens import token_spans

BLANK = re.compile(r"\n[ \t\r\f\v]*\n\s*(?=\S)")


@cache
def atoms() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{rule})" for rule in read_lexicon("atoms.txt")))


def word_spans(text: str) -> list[tuple[int, int]]:
    """Token spans of one sentence: razdel's, with the lexicon's atoms kept whole."""
    spans = token_spans(text)
    found = [(match.start(), match.end()) for match in atoms().finditer(text)]
    if not found:
        return spans
    return sorted(outside(spans, found) + found)


def outside(spans: list[tuple[int, int]], found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans that overlap none of ``found`` (both in text order), in one sweep."""
    kept, index = [], 0
    for start, stop in spans:
        while index < len(found) and found[index][1] <= start:
            index += 1  # atoms that end before this span cannot overlap it or later ones
        if index < len(found) and found[index][0] < stop:
            continue
        kept.append((start, stop))
    return kept


def paragraphs(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The pieces of text[start:stop] between blank lines, without their spaces."""
    out, begin = [], start
    for match in BLANK.finditer(text, start, stop):
        end = match.start()
        while end > begin and text[end - 1].isspace():
            end -= 1
        if end > begin:
            out.append((begin, end))
        begin = match.end()
    out.append((begin, stop))
    return out


def segment_text(text: str) -> tuple[tuple[Sentence, ...], tuple[Token, ...]]:
    view = analysis_view(text)
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    pieces = [piece for sent in (sentenize(view) if view.strip() else ())
              for piece in paragraphs(view, sent.start, sent.stop)]
    for sent_start, sent_stop in pieces:
        first = len(tokens)
        for token_start, token_stop in word_spans(view[sent_start:sent_stop]):
            start, stop = sent_start + token_start, sent_start + token_stop
            piece = text[start:stop]
            form = token_form(piece)
            # One string, not two equal ones, for the usual token with nothing to drop.
            tokens.append(Token(start, stop, piece, piece if form == piece else form,
                                len(sentences)))
        if len(tokens) > first:
            sentences.append(Sentence(sent_start, sent_stop, first, len(tokens)))
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
