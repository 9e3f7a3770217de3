"""The token view that the rule stages read: a document's tokens as lower-case words and
lemmas (ё as е), its paired quote marks and how deep each token sits in them, the paragraph
of each token, and phrases of a lexicon matched against words or lemmas.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..records import Doc, Tag, Token

PAIRS = {"«": "»", "„": "“", "“": "”"}
DASHES = frozenset({"—", "–", "-"})


def fold(word: str) -> str:
    return word.lower().replace("ё", "е")


@dataclass(frozen=True, slots=True)
class View:
    """A document's tokens as the rule stages read them."""

    doc: Doc
    tokens: tuple[Token, ...]
    tags: tuple[Tag, ...]
    words: tuple[str, ...]  # lower-case forms, ё as е
    lemmas: tuple[str, ...]  # lower-case lemmas, ё as е
    closers: Mapping[int, int]  # opening quote mark -> its closing mark
    depth: tuple[int, ...]  # quote pairs around each token (its own marks excluded)
    paragraphs: tuple[int, ...]  # paragraph number of each token

    def sentence_start(self, index: int) -> int:
        return int(self.doc.need("sentences")[self.tokens[index].sent].token_start)

    def sentence_stop(self, index: int) -> int:
        return int(self.doc.need("sentences")[self.tokens[index].sent].token_stop)

    def is_word(self, index: int) -> bool:
        return any(ch.isalpha() for ch in self.words[index])


def make_view(doc: Doc) -> View:
    tokens, tags = doc.need("tokens"), doc.need("tags")
    closers = pair_quotes(tokens)
    return View(doc, tokens, tags, tuple(fold(t.form) for t in tokens),
                tuple(fold(lemma) for lemma in doc.need("lemmas")), closers,
                quote_depth(len(tokens), closers), paragraph_numbers(doc.text, tokens))


def pair_quotes(tokens: Sequence[Token]) -> dict[int, int]:
    """Match quote marks like brackets; an unmatched mark is ignored."""
    closers: dict[int, int] = {}
    stack: list[tuple[int, str]] = []
    for index, token in enumerate(tokens):
        form = token.form
        if stack and form == stack[-1][1]:
            closers[stack.pop()[0]] = index
        elif form in PAIRS:
            stack.append((index, PAIRS[form]))
        elif form == "»":
            stack = [item for item in stack if item[1] != "»"]
    return closers


def quote_depth(size: int, closers: Mapping[int, int]) -> tuple[int, ...]:
    depth = [0] * size
    for start, stop in closers.items():
        for index in range(start + 1, stop):
            depth[index] += 1
    return tuple(depth)


def paragraph_numbers(text: str, tokens: Sequence[Token]) -> tuple[int, ...]:
    numbers, count, previous = [], 0, 0
    for token in tokens:
        count += text.count("\n", previous, token.start)
        previous = token.stop
        numbers.append(count)
    return tuple(numbers)


@dataclass(frozen=True, slots=True)
class Phrases:
    """Words and phrases of a lexicon; a word matches a token's form or lemma."""

    by_first: Mapping[str, tuple[tuple[str, ...], ...]]

    @classmethod
    def of(cls, lines: Iterable[str]) -> Phrases:
        found: dict[str, list[tuple[str, ...]]] = {}
        for line in lines:
            words = tuple(fold(word) for word in line.split())
            found.setdefault(words[0], []).append(words)
        return cls({key: tuple(sorted(value, key=len, reverse=True))
                    for key, value in found.items()})

    def match(self, view: View, index: int) -> int:
        """Length in tokens of the longest phrase at ``index``, 0 if none."""
        candidates = (self.by_first.get(view.words[index], ())
                      + self.by_first.get(view.lemmas[index], ()))
        for phrase in sorted(candidates, key=len, reverse=True):
            if all(index + k < len(view.words) and word in (view.words[index + k],
                                                             view.lemmas[index + k])
                   for k, word in enumerate(phrase)):
                return len(phrase)
        return 0

    def within(self, view: View, start: int, stop: int) -> bool:
        return any(self.match(view, index) for index in range(start, stop))
