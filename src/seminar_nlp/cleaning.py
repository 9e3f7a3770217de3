"""Offset-preserving clean-up of decoded text.

Every change replaces characters one for one, so ``len(clean(text)) ==
len(text)`` and offsets into the cleaned text index the original file:
debris lines (image-link tails, separator rules) become spaces, odd spaces
become plain spaces. Soft hyphens, zero-width characters, direction marks and
control characters stay in ``documents.text`` (removing them would move
offsets); segmentation and the models see them through ``analysis_view`` and
``token_form``.
"""

from __future__ import annotations

import re
from functools import cache

from .resources import read_lexicon

# What segmentation sees instead of an invisible character: a soft hyphen or a
# joiner inside a word keeps the word whole ("инфор\xadмация" is one token); at a
# word's edge ("Казани\u2060.") it separates like a space, as a zero-width space
# or stray BOM always does. The zero-width joiner stays between letters or emoji:
# it binds emoji sequences, which the segmenter keeps whole (the models read words
# without it); elsewhere it too is a space.
_JOINERS = "\u00ad\u200c\u2060"
_BREAKS = "\u200b\ufeff"
# Direction marks and embeddings (LRM, RLM, LRE ... PDI): invisible, never part of a word.
_MARKS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Control characters other than tabs and line breaks (\t \n \v \f \r, NEL): debris of
# broken encodings and scraping, which must not glue to the word beside them.
_CONTROLS = "".join(map(chr, [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F,
                              *range(0x80, 0x85), *range(0x86, 0xA0)]))
_ZWJ = "\u200d"
_INNER_JOINERS = re.compile(f"(?<=\\w)[{_JOINERS}]+(?=\\w)")
_JOINABLE = "[\\w\ufe0f\u2600-\u27bf\U0001f000-\U0001faff]"  # letters, emoji
_EDGE_ZWJ = re.compile(f"(?<!{_JOINABLE}){_ZWJ}|{_ZWJ}(?!{_JOINABLE})")
# A character class, not str.translate: the regex engine scans in C, and most texts
# have none of these characters (translate with a table looks up every character).
_VIEW = re.compile(f"[{re.escape(_JOINERS + _BREAKS + _MARKS + _CONTROLS)}]")
# Stress marks (ударе́ние) are dropped too: dictionaries and models know words without them.
_INVISIBLE = str.maketrans({c: None for c in _JOINERS + _BREAKS + _MARKS + _CONTROLS
                            + "\u0300\u0301"})


# Latin letters that look like Cyrillic ones, and those Cyrillic ones: a word that mixes
# the scripts ("Mоскве" with a Latin M, a typist's or a scraper's slip) is read in
# Cyrillic when all its Latin letters have a look-alike.
_LATIN = "AaBCcEeHKMOoPpTXxy"
_CYRILLIC = "АаВСсЕеНКМОоРрТХху"
_LOOKALIKES = str.maketrans(_LATIN, _CYRILLIC)
_MIXED = re.compile(f"(?=[^\\W\\d_]*[а-яё])(?=[^\\W\\d_]*[{_LATIN}])[^\\W\\d_]+",
                    re.IGNORECASE)
_BORDER = re.compile("[а-яё][a-z]|[a-z][а-яё]", re.IGNORECASE)  # where scripts meet
_STRESS = "\u0300\u0301"


def cyrillic_lookalikes(text: str) -> str:
    """Same length: Latin look-alike letters inside Cyrillic words made Cyrillic."""
    def fold(match: re.Match[str]) -> str:
        word = match.group()
        latin = [ch for ch in word if "a" <= ch.lower() <= "z"]
        return word.translate(_LOOKALIKES) if all(ch in _LATIN for ch in latin) else word

    return _MIXED.sub(fold, text) if _BORDER.search(text) else text


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """Same length: lone surrogates (a file name in no UTF-8, a broken JSON escape such as
    "\\ud83d") become U+FFFD, which every writer can encode."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def without_stress(text: str) -> tuple[str, list[int] | None]:
    """The text without stress marks (ударе́ние), and the offset in ``text`` of each
    character kept (None when there was nothing to drop)."""
    if not any(mark in text for mark in _STRESS):
        return text, None
    kept = [index for index, ch in enumerate(text) if ch not in _STRESS]
    return "".join(text[index] for index in kept), kept


@cache
def _debris() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{rule})" for rule in read_lexicon("debris.txt")))


@cache
def _spaces() -> re.Pattern[str]:
    spaces = "".join(chr(int(code, 16)) for code in read_lexicon("spaces.txt"))
    return re.compile(f"[{re.escape(spaces)}]")


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
    return blank_debris(_spaces().sub(" ", text))


def analysis_view(text: str) -> str:
    """Same-length text for segmentation and NER, invisible characters made visible."""
    if any(joiner in text for joiner in _JOINERS):
        text = _INNER_JOINERS.sub(lambda match: "-" * len(match.group()), text)
    if _ZWJ in text:
        text = _EDGE_ZWJ.sub(" ", text)
    return cyrillic_lookalikes(_VIEW.sub(" ", text))


def is_blank(text: str) -> bool:
    """Nothing to read: only spaces and invisible characters (a zero-width space, a
    direction mark, a control character)."""
    return not analysis_view(text).strip()


def token_form(text: str) -> str:
    """A token as the models should read it: invisible characters dropped (a zero-width
    joiner too, unless it binds an emoji sequence: a token without letters)."""
    form = text.translate(_INVISIBLE)
    if _ZWJ in form and any(ch.isalpha() for ch in form):
        form = form.replace(_ZWJ, "")
    return cyrillic_lookalikes(form) or text
