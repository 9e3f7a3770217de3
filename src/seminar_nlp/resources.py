"""Heavy resources, loaded once per process, lazily, in one place.

Every model comes from an installed package: the slovnet models and navec
embeddings that natasha ships, pymorphy3 with its dictionary package, the
lexicons in ``seminar_nlp/lexicons``, and the position CRF shipped in the roles stage's
package. Nothing is downloaded.
"""

from __future__ import annotations

import threading
from functools import cached_property, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import pymorphy3

if TYPE_CHECKING:
    from .tagging.taggers import Taggers

# slovnet's syntax parser (not in the pipeline) reads sentences in batches of this size.
TAGGER_BATCH = 16
# The position CRF's file in the roles stage's package (``stages/roles/learned.py``).
POSITION_MODEL = "positions.crfsuite"


def read_lexicon(name: str) -> list[str]:
    """Lines of ``lexicons/NAME``, without comments (#) and blank lines."""
    text = resources.files("seminar_nlp.lexicons").joinpath(name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line]


def _shared_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


class Morphology:
    """pymorphy3 with memoised parsing and inflection."""

    def __init__(self) -> None:
        self.analyzer = pymorphy3.MorphAnalyzer()
        self.parse = lru_cache(maxsize=200_000)(self._parse)
        self.inflect = lru_cache(maxsize=100_000)(self._inflect)

    def _parse(self, word: str) -> tuple[Any, ...]:
        return tuple(self.analyzer.parse(word))

    def can_be(self, word: str, *grams: str) -> bool:
        """Whether some dictionary reading of a word (lower-cased) has one of ``grams``."""
        return any(not parse.tag.grammemes.isdisjoint(grams)
                   for parse in self.parse(word.lower()))

    def normal(self, word: str) -> str:
        """The dictionary's first normal form of a word, lower case (no tagger's choice)."""
        return str(self.parse(word.lower())[0].normal_form)

    def _inflect(self, word: str, index: int, grams: frozenset[str]) -> str | None:
        form = self.parse(word)[index].inflect(set(grams))
        if form is None:
            return None
        # Where a lexeme holds two stems ("высшей" -> "высочайшая"), take the form
        # with the same grammemes that keeps most of the word.
        twins = [other for other in self.parse(word)[index].lexeme
                 if other.tag.grammemes == form.tag.grammemes]
        best = max(twins, key=lambda other: _shared_prefix(other.word, word), default=form)
        return str(best.word)


class Resources:
    """Lazily loaded models; share one instance per process."""

    _lock = threading.Lock()

    @cached_property
    def morph(self) -> Morphology:
        return Morphology()

    @cached_property
    def embedding(self) -> Any:
        """navec's news vectors by word (``word in embedding``, ``embedding[word]``), read
        once with the taggers."""
        return self.taggers.vectors

    @cached_property
    def taggers(self) -> Taggers:
        """The morph and NER taggers the pipeline runs (slovnet's news models on our
        forward pass, ``tagging``)."""
        from .tagging.taggers import Taggers

        return Taggers.load()

    @cached_property
    def position_tagger(self) -> Any:
        """The CRF that labels position spans (``stages/roles/learned.py``), a
        python-crfsuite tagger opened from the file shipped beside that module."""
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        # crfsuite reads the file into memory of its own (a model opened from bytes would
        # point into a Python object it does not keep alive)
        model = resources.files("seminar_nlp.stages.roles").joinpath(POSITION_MODEL)
        with resources.as_file(model) as path:
            tagger.open(str(path))
        return tagger

    @cached_property
    def syntax_parser(self) -> Any:
        from natasha import NewsEmbedding
        from natasha.data import NEWS_SYNTAX
        from slovnet import Syntax

        return Syntax.load(NEWS_SYNTAX, batch_size=TAGGER_BATCH).navec(NewsEmbedding())


_SHARED: Resources | None = None


def shared() -> Resources:
    """The process-wide resources (created on first use, never at import)."""
    global _SHARED
    with Resources._lock:
        if _SHARED is None:
            _SHARED = Resources()
        return _SHARED
