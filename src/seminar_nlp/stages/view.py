"""The token view that the rule stages read.

``View``: a document's tokens as lower-case words and lemmas (ё as е), its paired quote marks
and how deep each token sits in them, the paragraph of each token. ``SentenceView``: one
sentence of it with the lookups of the role rules (mentions by token, the dictionary).
``Phrases``: the phrases of a lexicon matched against words or lemmas.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..records import Doc, Mention, Tag, Token
from ..resources import Morphology
from ..vocab import PAIRED_QUOTES, fold


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

    def token_at(self, offset: int) -> int:
        """The token that holds (or first follows) a character offset; the last one past
        the end."""
        return next((k for k, t in enumerate(self.tokens) if t.stop > offset),
                    len(self.tokens) - 1)


def make_view(doc: Doc, *, straight: bool = False) -> View:
    """The view of a document; with ``straight``, straight quotes ("...") pair too (the
    quotes stage reads speech in them; the other stages' fitted features were made without)."""
    tokens, tags = doc.need("tokens"), doc.need("tags")
    paragraphs = paragraph_numbers(doc.text, tokens)
    closers = pair_quotes(tokens)
    if straight:
        closers |= pair_straight(tokens, paragraphs)
    return View(doc, tokens, tags, tuple(fold(t.form) for t in tokens),
                tuple(fold(lemma) for lemma in doc.need("lemmas")), closers,
                quote_depth(len(tokens), closers), paragraphs)


def pair_quotes(tokens: Sequence[Token]) -> dict[int, int]:
    """Match quote marks like brackets; an unmatched mark is ignored."""
    closers: dict[int, int] = {}
    stack: list[tuple[int, str]] = []
    for index, token in enumerate(tokens):
        form = token.form
        if stack and form == stack[-1][1]:
            closers[stack.pop()[0]] = index
        elif form in PAIRED_QUOTES:
            stack.append((index, PAIRED_QUOTES[form]))
        elif form == "»":
            stack = [item for item in stack if item[1] != "»"]
    return closers


def pair_straight(tokens: Sequence[Token], paragraphs: Sequence[int]) -> dict[int, int]:
    """Straight quotes ("...") in turn, within a paragraph: the first opens, the next closes
    ("Мы готовы", - сказал он; компания "Вега"). An odd one left at a paragraph's end is
    ignored."""
    closers: dict[int, int] = {}
    opened: int | None = None
    for index, token in enumerate(tokens):
        if opened is not None and paragraphs[opened] != paragraphs[index]:
            opened = None
        if token.form == '"':
            if opened is None:
                opened = index
            else:
                closers[opened], opened = index, None
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


class SentenceView:
    """One sentence of a document's ``View``, tokens ``first`` to ``last``, with the lookups
    the role rules make: its mentions by token, the dictionary, plural words."""

    def __init__(self, view: View, first: int, last: int, morph: Morphology,
                 mention_starts: Sequence[int]) -> None:
        """``mention_starts``: the first token of each of the document's mentions (sorted)."""
        doc = view.doc
        self.view, self.doc, self.first, self.last, self.morph = view, doc, first, last, morph
        self.tokens: Sequence[Token] = view.tokens
        self.tags: Sequence[Tag] = view.tags
        # the lemma stage's own lemmas (``view.lemmas`` are folded)
        self.lemmas: Sequence[str] = doc.need("lemmas")
        mentions: Sequence[Mention] = doc.need("mentions")
        # Only this sentence's mentions: a scan of all of them per sentence made
        # long documents quadratic.
        here = range(bisect_left(mention_starts, first), bisect_left(mention_starts, last))
        self.starts = {mentions[i].token_start: i for i in here}
        self.inside = {t: i for i in here
                       for t in range(mentions[i].token_start, mentions[i].token_stop)}
        self.mentions, self.mention_starts = mentions, mention_starts

    def plural(self, index: int) -> bool:
        """A plural word by the tagger or by every dictionary reading ("проректоры")."""
        if self.tags[index].feats.get("Number") == "Plur":
            return True
        parses = self.morph.parse(self.tokens[index].form.lower())
        return bool(parses) and all("plur" in parse.tag.grammemes for parse in parses)

    def form(self, index: int) -> str:
        return self.tokens[index].form if self.first <= index < self.last else ""

    def mention_at(self, index: int, *types: str) -> int | None:
        found = self.starts.get(index)
        if found is not None and self.mentions[found].type in types:
            return found
        return None

    def mention_ending_at(self, stop: int, kind: str) -> int | None:
        index = self.inside.get(stop - 1)
        if index is not None and self.mentions[index].type == kind and \
                self.mentions[index].token_stop == stop:
            return index
        return None

    def case_of(self, mention: int) -> str | None:
        """The case the tagger gives a mention's last word."""
        return self.tags[self.mentions[mention].token_stop - 1].feats.get("Case")

    def in_mention(self, index: int, *types: str) -> bool:
        found = self.inside.get(index)
        return found is not None and self.mentions[found].type in types


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
        by_word, by_lemma = (self.by_first.get(view.words[index], ()),
                             self.by_first.get(view.lemmas[index], ()))
        if not by_word and not by_lemma:  # most tokens start no phrase
            return 0
        for phrase in sorted(by_word + by_lemma, key=len, reverse=True):
            if all(index + k < len(view.words) and word in (view.words[index + k],
                                                             view.lemmas[index + k])
                   for k, word in enumerate(phrase)):
                return len(phrase)
        return 0

    def within(self, view: View, start: int, stop: int) -> bool:
        return any(self.match(view, index) for index in range(start, stop))
