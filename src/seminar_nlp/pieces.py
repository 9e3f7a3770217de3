"""Very long documents in pieces: cut at sentence ends, analysed one by one, joined again.

A 20 MB dump would otherwise go through every stage at once: its memory would
grow with its size and some steps with more than its size. ``cut`` splits a
text longer than ``PIECE`` characters at the last paragraph or sentence end
before the limit (else at a space; a word is never cut); each piece is analysed as
a document of its own, and ``join`` puts the layers back together with their
offsets and indices shifted, so the tables index the whole text as always.
What depends on the whole document is merged: the first piece that reports
an event gives it, and themes add up their scores over the pieces.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from .records import Doc, Event, Mention, Normal, Quote, Role, Sentence, Tag, Theme, Token

PIECE = 60_000  # characters; documents up to this size are analysed whole
SENTENCE_END = re.compile(r"[.!?…][»\"')\]]*\s+")
SPACE = re.compile(r"\s+")
NOT_LETTER = re.compile(r"[^\w]|\d")  # a piece may end after it; a word is never cut


def cut(text: str, limit: int = PIECE) -> list[tuple[int, int]]:
    """Spans of ``text``, each at most ``limit`` characters (unless one word is longer),
    cut where a sentence ends."""
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        stop = cut_point(text, start, start + limit)
        spans.append((start, stop))
        start = stop
    if start < len(text) or not spans:
        spans.append((start, len(text)))
    return spans


def cut_point(text: str, start: int, limit: int) -> int:
    """Where to end the piece that starts at ``start``: after a paragraph, a sentence or a
    space in its second half, else after the last space or the last character that is not
    a letter before ``limit``, else (one word longer than a piece) after the word."""
    half = start + (limit - start) // 2
    paragraph = text.rfind("\n", half, limit)
    if paragraph > 0:
        return paragraph + 1
    for pattern in (SENTENCE_END, SPACE):
        found = [match.end() for match in pattern.finditer(text, half, limit)]
        if found:
            return found[-1]
    for pattern in (SPACE, NOT_LETTER):
        before = [match.end() for match in pattern.finditer(text, start + 1, limit)]
        if before:
            return before[-1]
    after = NOT_LETTER.search(text, limit)
    return len(text) if after is None else after.end()


def split(doc: Doc, limit: int = PIECE) -> list[tuple[int, Doc]]:
    """The pieces of a document, each with the offset of its text in the whole."""
    return [(start, Doc(replace(doc.source, text=doc.text[start:stop])))
            for start, stop in cut(doc.text, limit)]


def join(doc: Doc, pieces: Sequence[tuple[int, Doc]]) -> Doc:
    """The document with the analysed pieces' layers, shifted into its own text."""
    failed = next((piece for _, piece in pieces if piece.source.status == "error"), None)
    if failed is not None:
        return replace(doc, source=replace(doc.source, status="error", error=failed.source.error))
    layers = Layers()
    for offset, piece in pieces:
        layers.add(offset, piece)
    joined: dict[str, Any] = {name: tuple(getattr(layers, name)) for name in Layers.__slots__}
    joined["events"] = joined["events"][:1]
    joined["themes"] = merge_themes([piece.themes or () for _, piece in pieces])
    # A layer that the pipeline's stages do not produce stays missing.
    first = pieces[0][1]
    produced: dict[str, Any] = {name: value if getattr(first, name) is not None else None
                                for name, value in joined.items()}
    return replace(doc, **produced)


class Layers:
    """The layers of the pieces so far, in the whole document's offsets and indices."""

    __slots__ = ("sentences", "tokens", "tags", "lemmas", "mentions", "normals", "roles",
                 "events", "quotes")

    def __init__(self) -> None:
        self.sentences: list[Sentence] = []
        self.tokens: list[Token] = []
        self.tags: list[Tag] = []
        self.lemmas: list[str] = []
        self.mentions: list[Mention] = []
        self.normals: list[Normal] = []
        self.roles: list[Role] = []
        self.events: list[Event] = []
        self.quotes: list[Quote] = []

    def add(self, offset: int, piece: Doc) -> None:
        sents, toks, ments = len(self.sentences), len(self.tokens), len(self.mentions)
        self.sentences.extend(
            Sentence(s.start + offset, s.stop + offset, s.token_start + toks, s.token_stop + toks)
            for s in piece_layer(piece, "sentences"))
        self.tokens.extend(replace(t, start=t.start + offset, stop=t.stop + offset,
                                   sent=t.sent + sents) for t in piece_layer(piece, "tokens"))
        self.tags.extend(piece_layer(piece, "tags"))
        self.lemmas.extend(piece_layer(piece, "lemmas"))
        self.mentions.extend(
            replace(m, start=m.start + offset, stop=m.stop + offset, sent=m.sent + sents,
                    token_start=m.token_start + toks, token_stop=m.token_stop + toks)
            for m in piece_layer(piece, "mentions"))
        self.normals.extend(piece_layer(piece, "normals"))
        self.roles.extend(shift_role(role, offset, ments) for role in piece_layer(piece, "roles"))
        self.events.extend(replace(e, start=e.start + offset, stop=e.stop + offset)
                           for e in piece_layer(piece, "events"))
        self.quotes.extend(
            replace(q, start=q.start + offset, stop=q.stop + offset,
                    speaker=None if q.speaker is None else q.speaker + ments)
            for q in piece_layer(piece, "quotes"))


def shift_role(role: Role, offset: int, mentions: int) -> Role:
    def moved(value: int | None, by: int) -> int | None:
        return None if value is None else value + by

    return replace(role, person=role.person + mentions, role_start=role.role_start + offset,
                   role_stop=role.role_stop + offset,
                   org_mention=moved(role.org_mention, mentions),
                   org_start=moved(role.org_start, offset), org_stop=moved(role.org_stop, offset))


def merge_themes(pieces: Sequence[Sequence[Theme]]) -> tuple[Theme, ...]:
    """Themes of the whole: each phrase's scores summed over the pieces, best first,
    as many as the longest list of a piece, scored 1 at the top."""
    scores: dict[tuple[str, ...], float] = {}
    first: dict[tuple[str, ...], Theme] = {}
    for themes in pieces:
        for theme in themes:
            key = theme.lemmas or (theme.theme,)
            scores[key] = scores.get(key, 0.0) + theme.score
            first.setdefault(key, theme)
    size = max((len(themes) for themes in pieces), default=0)
    best = sorted(scores, key=lambda key: (-scores[key], first[key].theme))[:size]
    top = scores[best[0]] if best else 1.0
    return tuple(replace(first[key], score=round(scores[key] / top, 4)) for key in best)


def piece_layer(piece: Doc, name: str) -> tuple[Any, ...]:
    value = getattr(piece, name)
    return () if value is None else value
