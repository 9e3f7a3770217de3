"""Indirect speech: "X отметил, что ...", "Как рассказала X, ...": the reported clause, kept
apart from direct speech (``Quote.kind`` "indirect") so a user can keep or drop it.

The clause runs from after "что" (or the comma after "как сказал X") to the end of the
sentence; the speaker is the attribution's subject, found as for direct speech.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...records import Sentence
from ..view import View
from .cues import SENTENCE_END, speech_verbs
from .direct import Speech

THAT = frozenset({"что", "чтобы"})
AS = frozenset({"как"})


def reported(view: View, sentence: Sentence) -> Speech | None:
    """The reported clause of a sentence: a speech verb, a comma and "что"."""
    start, stop = sentence.token_start, sentence.token_stop
    for index in range(start, stop - 2):
        if view.depth[index] > 0 or view.lemmas[index] not in speech_verbs() or \
                view.tags[index].pos not in ("VERB", "AUX"):
            continue
        if view.words[index + 1] == "," and view.words[index + 2] in THAT:
            first, last = index + 3, trim(view, index + 3, stop)
            if last - first >= 2:
                return Speech(first, last, "before", (start, index + 1))
        if index > start and view.words[index - 1] in AS:  # "Как рассказала X, ..."
            comma = next((k for k in range(index + 1, stop) if view.words[k] == ","), None)
            if comma is not None and comma + 2 < stop and view.depth[comma + 1] == 0 and \
                    view.words[comma + 1] not in ("«", '"', "„"):
                return Speech(comma + 1, trim(view, comma + 1, stop), "before",
                              (index - 1, comma))
    return None


def trim(view: View, first: int, stop: int) -> int:
    while stop > first and view.words[stop - 1] in SENTENCE_END | {","}:
        stop -= 1
    return stop


def find_indirect(view: View, taken: list[tuple[int, int]]) -> Iterator[Speech]:
    """Indirect speech in sentences outside direct speech."""
    for sentence in view.doc.need("sentences"):
        if any(first < sentence.token_stop and sentence.token_start < last
               for first, last in taken):
            continue
        found = reported(view, sentence)
        if found is not None:
            yield found
