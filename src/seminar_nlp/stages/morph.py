"""Part of speech and features (UD) with natasha's slovnet news morph tagger."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..records import Doc, Tag
from ..resources import Resources
from .batching import map_sorted, sentence_words


class Morph:
    name = "morph"
    needs: tuple[str, ...] = ("sentences", "tokens")
    provides: tuple[str, ...] = ("tags",)

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, docs: Sequence[Doc]) -> list[Doc]:
        words = sentence_words(docs)
        markups = iter(map_sorted(self.resources.morph_tagger, words, len))
        out = []
        for doc in docs:
            tags: list[Tag] = []
            for _ in doc.need("sentences"):
                tags.extend(Tag(token.pos, token.feats) for token in next(markups).tokens)
            out.append(replace(doc, tags=tuple(tags)))
        return out
