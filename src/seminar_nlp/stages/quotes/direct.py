"""Finding direct speech: «...» in a speech position, dash lines, split quotes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ...vocab import DASHES
from ..view import View
from .cues import (
    DROPPED_END,
    SENTENCE_END,
    speech_cues,
    speech_verbs,
)

# Finding direct speech

Kind = Literal["after", "before"]


@dataclass(frozen=True, slots=True)
class Speech:
    """Quoted words (tokens first..last) and the tokens that attribute them."""

    first: int
    last: int
    kind: Kind  # the attribution follows the quote, or precedes it
    clause: tuple[int, int]


def trimmed(view: View, first: int, last: int) -> int:
    while last > first and view.words[last - 1] in DROPPED_END:
        last -= 1
    return last


def ends_sentence(view: View, index: int) -> bool:
    """Whether the quote closing at ``index`` ends its sentence or line."""
    after = index + 1
    if after >= len(view.tokens) or view.paragraphs[after] != view.paragraphs[index]:
        return True
    return view.words[after] in SENTENCE_END or view.words[after] == ")"


def opens_clause(view: View, index: int) -> bool:
    before = index - 1
    return (before < 0 or view.paragraphs[before] != view.paragraphs[index]
            or view.words[before] in SENTENCE_END)


def dash_after(view: View, index: int) -> int | None:
    """Index of the attribution dash after a closing quote mark ("», —", "!» —")."""
    after = index + 1
    if after < len(view.words) and view.words[after] in {",", "!", "?", "…"}:
        after += 1
    if after < len(view.words) and view.words[after] in DASHES:
        return after
    return None


def clause_end(view: View, start: int) -> int:
    """End of an attribution clause: its sentence or line."""
    stop = view.sentence_stop(start - 1) if start > 0 else len(view.tokens)
    for index in range(start, min(stop, len(view.tokens))):
        if view.paragraphs[index] != view.paragraphs[start - 1]:
            return index
    return stop


def intro_start(view: View, before: int) -> int:
    """Start of the words before a quote: its sentence, or the end of a quote before it."""
    start = view.sentence_start(before)
    closed = [stop for opener, stop in view.closers.items()
              if start <= stop < before and view.depth[opener] == 0]
    return max(closed, default=start - 1) + 1


def has_person(view: View, start: int, stop: int) -> bool:
    return any(m.type == "PER" and start <= m.token_start < stop
               for m in view.doc.need("mentions"))


def guillemet_speech(view: View, start: int, stop: int) -> Speech | None:
    """A «...» span in a speech position, or None for a name in quotes."""
    first, last = start + 1, trimmed(view, start + 1, stop)
    if sum(view.is_word(index) for index in range(first, last)) < 2:
        return None
    before = start - 1
    dash = dash_after(view, stop)
    if opens_clause(view, start) and dash is not None:
        return Speech(first, last, "after", (dash + 1, clause_end(view, dash + 1)))
    if before < 0 or not ends_sentence(view, stop):
        return None
    intro = (intro_start(view, before), before)
    if view.words[before] == ":" and (has_person(view, *intro)
                                      or speech_cues().within(view, *intro)):
        return Speech(first, last, "before", intro)
    if view.words[before] == "," and speech_cues().within(view, *intro):
        return Speech(first, last, "before", intro)
    return after_speaker(view, start, first, last)


MIN_STANDALONE = 4  # words of a «...» sentence that is a quote by itself


def after_speaker(view: View, start: int, first: int, last: int) -> Speech | None:
    """A «...» that is a sentence by itself, right after a sentence naming a person, is
    that person's: "С докладом выступила Ольга Седых. «Первым этапом станет ...»."."""
    if not opens_clause(view, start) or start == 0 or \
            sum(view.is_word(index) for index in range(first, last)) < MIN_STANDALONE or \
            any(attribution_at(view, index) for index in range(first, last)):
        return None  # too short, or split by its own attribution (read as such)
    previous = (view.sentence_start(start - 1), start)
    if view.paragraphs[previous[0]] != view.paragraphs[start] or not has_person(view, *previous):
        return None
    return Speech(first, last, "before", previous)


def attribution_at(view: View, index: int) -> bool:
    """A dash after closing punctuation, followed by a speech verb ("..., — сказал")."""
    return (view.words[index] in DASHES and index > 0
            and view.words[index - 1] in {",", "!", "?", "…", "."}
            and any(view.lemmas[k] in speech_verbs()
                    for k in range(index + 1, min(index + 3, len(view.words)))))


def dash_line_speech(view: View, dash: int, stop: int) -> list[Speech]:
    """Direct speech on a line that opens with a dash, split by its attributions; a line
    with none continues the attribution that ends with a colon before it ("Проректор
    подчеркнул:" then "— Мы ...", each such line one quote)."""
    found = split_speech(view, dash + 1, stop, 0)
    if found:
        return found
    intro = colon_intro(view, dash)
    last = trimmed(view, dash + 1, stop)
    if intro is None or last <= dash + 1:
        return []
    return [Speech(dash + 1, last, "before", intro)]


def colon_intro(view: View, dash: int) -> tuple[int, int] | None:
    """The words before the colon that ends the line before a dash line (across other dash
    lines of the same speech), or None."""
    index = dash - 1
    while index >= 0:
        if view.words[index] == ":":
            return view.sentence_start(index), index
        line = index
        while line > 0 and view.paragraphs[line - 1] == view.paragraphs[index]:
            line -= 1
        if view.words[line] not in DASHES:
            return None
        index = line - 1
    return None


def interrupted_speech(view: View, start: int, stop: int) -> list[Speech]:
    """A «...» that opens a sentence and its attribution interrupts: "«Это важный шаг,
    — заявила Анна Смирнова. — Мы продолжим работу»"."""
    if not opens_clause(view, start):
        return []
    return split_speech(view, start + 1, stop, view.depth[start] + 1)


def split_speech(view: View, start: int, stop: int, depth: int) -> list[Speech]:
    """The speech of tokens [start, stop) cut at its attributions at quote ``depth``
    ("... — сказал X. — ..."); none when nothing attributes it."""
    found: list[Speech] = []
    clause: tuple[int, int] | None = None
    index = start
    while index < stop:
        if view.depth[index] == depth and attribution_at(view, index):
            end = continuation(view, index + 1, stop)
            clause = (index + 1, end)
            found.append(Speech(start, trimmed(view, start, index), "after", clause))
            start = index = end + 1
            continue
        index += 1
    if found and clause is not None and start < stop:
        found.append(Speech(start, trimmed(view, start, stop), "after", clause))
    return [speech for speech in found if speech.last > speech.first]


def continuation(view: View, start: int, stop: int) -> int:
    """Where the speech resumes after an attribution ("... — сказал X. — Ещё ..."), or stop."""
    for index in range(start, stop):
        if view.words[index] in DASHES and view.words[index - 1] in {".", ","}:
            return index
    return stop


def paragraph_ranges(view: View) -> list[tuple[int, int]]:
    ranges, start = [], 0
    for index in range(1, len(view.tokens) + 1):
        if index == len(view.tokens) or view.paragraphs[index] != view.paragraphs[start]:
            ranges.append((start, index))
            start = index
    return ranges


def find_speech(view: View) -> list[Speech]:
    found: list[Speech] = []
    for start, stop in paragraph_ranges(view):
        if view.words[start] in DASHES:
            found.extend(dash_line_speech(view, start, stop))
    taken = [(speech.first, speech.last) for speech in found]
    for start, stop in sorted(view.closers.items()):
        inside = any(first <= start < last for first, last in taken)
        if view.depth[start] == 0 and not inside:
            speech = guillemet_speech(view, start, stop)
            if speech is not None:
                found.append(speech)
            else:
                found.extend(interrupted_speech(view, start, stop))
    return sorted(found, key=lambda speech: speech.first)
