"""Offset-preserving clean-up of decoded text.

Every change replaces characters one for one, so ``len(clean(text)) ==
len(text)`` and offsets into the cleaned text index the original file:
debris lines (image-link tails, separator rules) become spaces, odd spaces
become plain spaces. Soft hyphens and zero-width characters stay in
``documents.text`` (removing them would move offsets); segmentation and the
models see them through ``analysis_view`` and ``token_form``.
"""

from __future__ import annotations

import re
from functools import cache

from .resources import read_lexicon

# What segmentation sees instead of an invisible character: a soft hyphen or a
# joiner inside a word keeps the word whole ("инфор\xadмация" is one token),
# a zero-width space or stray BOM separates like a space. The zero-width joiner
# stays: it binds emoji sequences, which the segmenter keeps whole.
_JOINERS = "\u00ad\u200c\u2060"
_BREAKS = "\u200b\ufeff"
_VIEW = str.maketrans({**{c: "-" for c in _JOINERS}, **{c: " " for c in _BREAKS}})
# Stress marks (ударе́ние) are dropped too: dictionaries and models know words without them.
_INVISIBLE = str.maketrans({c: None for c in _JOINERS + _BREAKS + "\u0300\u0301"})


@cache
def _debris() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{rule})" for rule in read_lexicon("debris.txt")))


@cache
def _spaces() -> dict[int, str]:
    return {int(code, 16): " " for code in read_lexicon("spaces.txt")}


def blank_debris(text: str) -> str:
    debris = _debris()
    lines = text.splitlines(keepends=True)
    out = []
    for line in lines:
        body = line.rstrip("\r\n")
        if body.strip() and debris.fullmatch(body.strip()):
            line = " " * len(body) + line[len(body):]
        out.append(line)
    return "".join(out)


def clean(text: str) -> str:
    """The text users see in ``documents.text``: same length, debris blanked."""
    return blank_debris(text.translate(_spaces()))


def analysis_view(text: str) -> str:
    """Same-length text for segmentation and NER, invisible characters made visible."""
    return text.translate(_VIEW)


def token_form(text: str) -> str:
    """A token as the models should read it: invisible characters dropped."""
    return text.translate(_INVISIBLE) or text
