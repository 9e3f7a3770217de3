"""Tokens looked up a piece at a time are razdel's."""

from __future__ import annotations

from razdel import tokenize

from helpers import REPORTS
from seminar_nlp.readers import iter_sources
from seminar_nlp.tagging.tokens import pieces, token_spans

TRICKY = ["слово -то и что- то", "3 .5 и 2 ,5 и 1 /2 и a _b", "http://a.b/c d", "—то -- **",
          "ΔP ... ?! :) ;-)", "т. е. и т.д.", "", "   ", "а\u00a0-\u00a0б", "10 - 20 км", "x\\ y"]


def razdel_spans(text: str) -> list[tuple[int, int]]:
    return [(token.start, token.stop) for token in tokenize(text)]


def test_tokens_are_razdels() -> None:
    texts = [source.text for source in iter_sources([REPORTS])]
    for text in texts + TRICKY:
        assert token_spans(text) == razdel_spans(text), text[:60]
    assert sum(len(token_spans(text)) for text in texts) > 7000


def test_a_dash_or_stop_at_a_space_keeps_the_words_together() -> None:
    assert pieces("слово -то и") == [(0, 9), (10, 11)]
    assert pieces("3. 5 a") == [(0, 4), (5, 6)]
