"""Part of speech and features (UD) with natasha's slovnet news morph tagger.

Sentences of all documents in a batch go to the tagger together. A sentence
longer than WINDOW tokens (a scraped page with no full stops) is tagged in
windows, so memory stays bounded whatever the input.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..records import Doc, Tag
from ..resources import Resources
from .batching import map_sorted, sentence_words

WINDOW = 300  # tokens


class Morph:
    name = "morph"
    needs: tuple[str, ...] = ("sentences", "tokens")
    provides: tuple[str, ...] = ("tags",)

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        # Tags repeat: one record per distinct tag instead of a dict per token keeps
        # long documents small.
        self.known: dict[tuple[str, tuple[tuple[str, str], ...]], Tag] = {}

    def tag(self, pos: str, feats: dict[str, str]) -> Tag:
        key = (pos, tuple(feats.items()))
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = Tag(pos, feats)
        return found

    def __call__(self, docs: Sequence[Doc]) -> list[Doc]:
        windows = [sentence[i:i + WINDOW] for sentence in sentence_words(docs)
                   for i in range(0, max(len(sentence), 1), WINDOW)]
        markups = iter(map_sorted(self.resources.morph_tagger, windows, len))
        out = []
        for doc in docs:
            tags: list[Tag] = []
            for sent in doc.need("sentences"):
                for _ in range(0, max(sent.token_stop - sent.token_start, 1), WINDOW):
                    tags.extend(self.tag(token.pos, token.feats) for token in next(markups).tokens)
            out.append(replace(doc, tags=tuple(tags)))
        return out
