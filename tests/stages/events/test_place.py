"""The event's place on invented reports, one class of sentence each."""

from __future__ import annotations

import pytest

from seminar_nlp import Pipeline
from seminar_nlp.records import Doc, Source


def place_and_type(pipeline: Pipeline, text: str) -> tuple[str | None, str]:
    doc = pipeline.run_batch([Doc(Source("t", "<text>", text, date="2026-05-20"))])[0]
    (event,) = doc.need("events")
    return event.place, event.event_type


@pytest.mark.parametrize("text, place", [
    # a genitive city completes the venue and stays in it
    ("В субботу на Театральной площади Вологды прошла весенняя ярмарка мёда.",
     "Театральная площадь Вологды"),
    # the venue in the next sentence when the event's sentence names only the city
    ("18 мая в Пензе прошёл областной слёт юных экологов. Участники собрались в Доме "
     "молодёжи на улице Кирова.", "Дом молодёжи, Пенза"),
    # plural parts of a venue name the venue
    ("12 мая в аудиториях Вятского государственного университета прошла олимпиада по "
     "химии.", "Вятский государственный университет"),
    # a city in brackets after a venue
    ("14 мая в большом зале Дома учёных (Иркутск) прошёл научный семинар по геологии.",
     "большой зал Дома учёных, Иркутск"),
])
def test_place_classes(pipeline: Pipeline, text: str, place: str) -> None:
    assert place_and_type(pipeline, text)[0] == place


def test_a_noun_the_tagger_reads_as_accusative_after_a_verb_of_holding(
        pipeline: Pipeline) -> None:
    # "прошёл литературный вечер", a kind named by what the evening holds
    assert place_and_type(pipeline, "15 мая в городской библиотеке Кунгура прошёл "
                                    "литературный вечер, посвящённый местным поэтам.")[1] \
        == "вечер"
