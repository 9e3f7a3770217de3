"""Part of speech and features (UD) with natasha's slovnet news morph tagger.

Sentences of all documents in a batch go to the tagger together (``tagging``, slovnet's
network on our forward pass). A sentence longer than WINDOW tokens (a scraped page with
no full stops) is tagged in windows, as before, so the tags stay those of slovnet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..records import Doc, Tag
from ..resources import Resources
from .batching import sentence_words

WINDOW = 300  # tokens


class Morph:
    name = "morph"
    needs: tuple[str, ...] = ("sentences", "tokens")
    provides: tuple[str, ...] = ("tags",)

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        # Tags repeat: one record per tag of the model instead of a dict per token keeps
        # long documents small.
        self.known: tuple[Tag, ...] = ()

    def tags(self) -> tuple[Tag, ...]:
        """The model's tags, by index, made on first use."""
        if not self.known:
            self.known = tuple(Tag(pos, feats) for pos, feats
                               in self.resources.taggers.morph.tags)
        return self.known

    def __call__(self, docs: Sequence[Doc]) -> list[Doc]:
        windows = [sentence[i:i + WINDOW] for sentence in sentence_words(docs)
                   for i in range(0, max(len(sentence), 1), WINDOW)]
        found = iter(self.resources.taggers.morph(windows))
        known = self.tags()
        out = []
        for doc in docs:
            tags: list[Tag] = []
            for sent in doc.need("sentences"):
                for _ in range(0, max(sent.token_stop - sent.token_start, 1), WINDOW):
                    tags.extend(known[index] for index in next(found))
            out.append(replace(doc, tags=tuple(tags)))
        return out
