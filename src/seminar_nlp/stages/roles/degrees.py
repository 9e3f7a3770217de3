"""Academic degrees between a name and its position: "Иван Петров, доктор технических
наук, профессор кафедры физики", "профессор, д.м.н. Анна Смирнова".

A degree is no position of its own (the roles table leaves it out), but it must not cut
a name off from the position beside it: the role rules step over it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..view import SentenceView

HEADS = frozenset({"доктор", "кандидат", "д-р", "канд."})
# "д.м.н.", "к.т.н.", "к.ф.-м.н.": written as one word of letters and full stops.
LETTERS = re.compile(r"[дк]\.(?:[а-я-]{1,3}\.){1,3}н\.?")
MAX_FIELD = 3  # words naming the field: "физико-математических", "техн."
MAX_DEGREE = 12  # tokens of the longest degree, its abbreviations' full stops included


def word_at(s: SentenceView, index: int) -> tuple[str, int]:
    """The word at ``index`` as written, with the full stops and hyphens glued to it
    ("канд.", "д.м.н."), and the index after it."""
    text, stop = "", index
    while stop < s.last and (stop == index or s.tokens[stop].start == s.tokens[stop - 1].stop) \
            and (s.form(stop).replace(".", "").replace("-", "").isalpha() or s.form(stop) in ".-"):
        text, stop = text + s.form(stop), stop + 1
    return text, stop


def degree_end(s: SentenceView, index: int) -> int | None:
    """The index after a degree that starts at ``index``, if one does: "доктор
    технических наук", "канд. экон. наук", "д-р техн. наук", "д.м.н."."""
    word, index = word_at(s, index)
    if LETTERS.fullmatch(word.lower()):
        return index
    if word.lower() not in HEADS:
        return None
    for _ in range(MAX_FIELD + 1):
        word, after = word_at(s, index)
        if word.rstrip(".") == "наук":
            return after
        if not word[:1].islower():
            return None
        index = after
    return None


def skip_degree(s: SentenceView, index: int) -> int:
    """Past a degree at ``index``, a comma before it included ("профессор, доктор
    медицинских наук Иван Петров")."""
    start = index + 1 if s.form(index) == "," else index
    end = degree_end(s, start)
    return index if end is None else end


def degree_before(s: SentenceView, start: int, comma: bool = True) -> int:
    """Where a degree (and the comma after it, when ``comma``) begins if it stands right
    before ``start`` ("Иван Петров, доктор технических наук, | профессор"; "выступил
    доктор экономических наук | Иван Петров"), else ``start``."""
    end = start - 1 if comma else start
    if comma and s.form(end) != ",":
        return start
    for begin in range(max(s.first, end - MAX_DEGREE), end):
        if degree_end(s, begin) == end:
            return begin
    return start
