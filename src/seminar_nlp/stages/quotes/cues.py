"""The words of speech: verbs and phrases that attribute it, pronouns of speakers."""

from __future__ import annotations

from functools import cache

from ...resources import read_lexicon
from ...vocab import fold
from ..view import Phrases

SENTENCE_END = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
DROPPED_END = frozenset({",", ".", ";", ":"})  # closes a quote but is not part of it
PRONOUNS = frozenset({"он", "она"})
POSSESSIVE = {"его": "Masc", "ее": "Fem"}  # "по его словам", "по её словам" (folded)
ROLE_WINDOW_BEFORE = 10
ROLE_WINDOW_AFTER = 8


@cache
def speech_cues() -> Phrases:
    return Phrases.of(read_lexicon("speech_verbs.txt"))


@cache
def speech_verbs() -> frozenset[str]:
    return frozenset(fold(line) for line in read_lexicon("speech_verbs.txt") if " " not in line)
