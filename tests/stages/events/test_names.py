"""The event card's lists of names (``stages/events/names.py``)."""

from __future__ import annotations

from seminar_nlp import Pipeline
from seminar_nlp.records import Doc, Source


def test_a_hyphenated_word_the_tagger_calls_a_verb_stays_in_the_name(
        pipeline: Pipeline) -> None:
    # the tagger reads "историков-архивистов" as a verb, which used to end the list there
    text = ("14 апреля в Томском государственном университете прошла научная конференция "
            "«Цифровая гуманитаристика». Организаторами выступили Институт искусственного "
            "интеллекта ТГУ и Российское общество историков-архивистов.")
    doc = pipeline.run_batch([Doc(Source("t", "<text>", text, date="2026-04-15"))])[0]
    (event,) = doc.need("events")
    assert event.organizers == ("Институт искусственного интеллекта ТГУ",
                                "Российское общество историков-архивистов")
