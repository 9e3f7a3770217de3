"""The Events stage: the golden events of tests/data/events_golden.jsonl, the sample
reports, and the date parser."""

from __future__ import annotations

from typing import Any

import pytest
from benchmarks.reports import measures, score

from helpers import EVENTS_GOLDEN
from seminar_nlp import Pipeline
from seminar_nlp.records import Doc, Event
from seminar_nlp.stages.events.dates import find_dates, resolve

FIELDS = ("event_type", "title", "date", "date_end", "place", "organizers", "partners")

# (event_type, date, title) of each sample report, read off its first paragraph.
REPORT_EVENTS = {
    "01-ai-conference-kazan": (
        "конференция", "2026-10-15", "Искусственный интеллект: от исследований к индустрии"),
    "02-energy-forum-tyumen": ("форум", "2026-09-22", "Энергия Сибири: новые горизонты"),
    "03-roundtable-ecology-arkhangelsk": (
        "круглый стол", "--11-03", "Арктика без отходов: как сохранить экосистемы Севера"),
    "04-lecture-history-novgorod": (
        "лекция", "2026-09-15", "Берестяные грамоты: новые находки и новые прочтения"),
    "05-hackathon-novosibirsk": ("хакатон", "--10-05", "Сибирский код — 2026"),
    "06-exhibition-agro-krasnodar": ("выставка", "2026-11-10", "АгроКубань-Технологии"),
    # the «name» is the prize's, not the ceremony's (see events_golden.md)
    "07-award-ceremony-moscow": ("церемония награждения", "--02-08", None),
    "08-summer-school-vladivostok": ("школа", "2026-07-01", "Тихоокеанский кампус"),
    "09-webinar-digital-health": (
        "вебинар", "2026-09-24", "Телемедицина 2.0: цифровое здравоохранение для каждого региона"),
    "10-strategic-session-tomsk": (
        "стратегическая сессия", "2026-10-05", "Университет-2035: точки роста"),
    "11-press-conference-rosatom": (
        "пресс-конференция", "--10-12", "Атомная энергетика: технологии для регионов"),
    "12-scientific-seminar-yekaterinburg": (
        "научный семинар", "2026-09-15", "Функциональные материалы для экстремальных условий"),
    "13-forum-youth-sochi": ("форум", "2026-09-18", "Горизонты"),
    "14-conference-medicine-samara": (
        "конференция", "2026-11-03",
        "Персонализированная медицина: от исследований к клинической практике"),
    "15-roundtable-education-petrozavodsk": (
        "круглый стол", "2026-11-27",
        "Сельская школа Карелии: кадры, цифровая среда, качество образования"),
    "16-international-conference-minsk-kazan": (
        "конференция", "--11-10",
        "Инженерное образование в Евразии: цифровые технологии и академическая мобильность"),
    "almazov-seminar": (
        "научный семинар", "--03-18",
        "Интеграция искусственного интеллекта в исследования и образование"),
}


def as_golden(event: Event) -> dict[str, Any]:
    return {field: list(value) if isinstance(value := getattr(event, field), tuple) else value
            for field in FIELDS}


# The development part as a whole, a floor under each field a little below what the fitted
# card gives now (benchmarks/reports.py scores it beside the check part in BENCHMARKS.md).
# found P: e135-e159 brought two more reports of no event that name one in passing.
FLOORS = {"found R": .97, "found P": .95, "event_type": .95, "title": .92, "date": .95,
          "date_end": .95, "place": .75, "organizers F1": .85, "partners F1": .90}


def test_development_part_holds(golden_docs: dict[str, Doc]) -> None:
    cards = [None if not (events := golden_docs[item["id"]].need("events")) else
             as_golden(events[0]) for item in EVENTS_GOLDEN]
    found = measures(score(EVENTS_GOLDEN, cards))
    assert {key: round(value, 3) for key, value in found.items() if value < FLOORS[key]} == {}


def test_event_span_names_the_event(golden_docs: dict[str, Doc]) -> None:
    doc = golden_docs["e02"]
    event = doc.need("events")[0]
    assert doc.text[event.start:event.stop] == "международная конференция"


def test_sample_reports_cover_every_file(report_docs: dict[str, Doc]) -> None:
    assert set(report_docs) == set(REPORT_EVENTS)


@pytest.mark.parametrize("doc_id", sorted(REPORT_EVENTS))
def test_sample_report_event(report_docs: dict[str, Doc], doc_id: str) -> None:
    events = report_docs[doc_id].need("events")
    assert len(events) == 1
    event = events[0]
    assert (event.event_type, event.date, event.title) == REPORT_EVENTS[doc_id]


def test_a_text_without_an_event(pipeline: Pipeline) -> None:
    # (A sentence that only places a person at a conference, "Профессор Иван Петров выступил
    # на конференции в Казани", is a card of that conference since the threshold is fitted
    # with each development report weighing alike: see benchmarks/train.py.)
    texts = ["Московская школа управления «Сколково» провела исследование рынка труда.",
             "Студенты Высшей школы экономики провели опрос среди первокурсников.",
             "Министр подписал приказ о назначении нового директора департамента.",
             ""]
    for text in texts:
        assert pipeline.process(text).need("events") == ()


def test_event_noun_at_the_start_and_organiser_by_pronoun(pipeline: Pipeline) -> None:
    doc = pipeline.process("Научный семинар по биоинформатике прошёл 18 марта в "
                                 "Институте белка РАН. Его организовал Институт белка РАН.")
    event = doc.need("events")[0]
    assert (event.event_type, event.title, event.date, event.place, event.organizers) == (
        "научный семинар", None, "--03-18", "Институт белка РАН", ("Институт белка РАН",))


def test_the_event_and_an_adverb_are_no_organisers(pipeline: Pipeline) -> None:
    # the classes, in two development reports: the event of more than one word as the
    # subject of a verb of leading ("Круглый стол вёл ..."), an adverb that opens the
    # sentence before the organiser ("Вчера волонтёрское движение ... провели")
    reports = {item["id"]: item["text"] for item in EVENTS_GOLDEN}
    for report, wrong in (("e107", "Круглый стол"), ("e87", "Вчера")):
        organizers = pipeline.process(reports[report]).need("events")[0].organizers
        assert wrong not in organizers


def test_organiser_dash_and_online_event(pipeline: Pipeline) -> None:
    doc = pipeline.process(
        "20 августа в онлайн-режиме состоялась конференция «Нейросети в образовании». "
        "Организатор — Ассоциация цифрового образования, генеральный спонсор — ПАО «Сбербанк».")
    event = doc.need("events")[0]
    assert (event.title, event.place, event.organizers, event.partners) == (
        "Нейросети в образовании", "online", ("Ассоциация цифрового образования",),
        ("ПАО «Сбербанк»",))


def test_a_name_inside_a_list_keeps_its_commas(pipeline: Pipeline) -> None:
    doc = pipeline.process(
        "12 мая в Нальчике прошёл форум «Кавказ». При поддержке Министерства просвещения, "
        "науки и по делам молодёжи Кабардино-Балкарской Республики его провели КБГУ и "
        "Ассоциация ИТ-компаний.")
    event = doc.need("events")[0]
    assert event.organizers == ("КБГУ", "Ассоциация ИТ-компаний")
    assert event.partners == ("Министерство просвещения, науки и по делам молодёжи "
                              "Кабардино-Балкарской Республики",)


@pytest.mark.parametrize(("text", "doc_date", "expected"), [
    ("18 марта на базе центра", None, ("--03-18", None)),
    ("18 марта 2026 года", None, ("2026-03-18", None)),
    ("18.03.2026 в палате", None, ("2026-03-18", None)),
    ("С 12 по 14 ноября", None, ("--11-12", "--11-14")),
    ("5-7 октября", "2025-10-09", ("2025-10-05", "2025-10-07")),
    ("5–7 октября 2026 года", None, ("2026-10-05", "2026-10-07")),
    ("С 30 сентября по 2 октября 2026 года", None, ("2026-09-30", "2026-10-02")),
    ("С 02.04.2026 по 03.04.2026", None, ("2026-04-02", "2026-04-03")),
    ("Со 2 по 6 февраля 2026 года", None, ("2026-02-02", "2026-02-06")),
    ("с 28 декабря по 3 января", "2026-01-10", ("2025-12-28", "2026-01-03")),
    ("28 декабря", "2026-01-05", ("2025-12-28", None)),
    ("18 марта", "2025-03-20", ("2025-03-18", None)),
    # Document dates at the ends of the calendar, and a 29 February of no year close by.
    ("18 марта", "0001-01-01", ("0001-03-18", None)),
    ("29 февраля", "2099-06-01", ("2096-02-29", None)),
    ("5-7 октября", "9999-12-01", ("9999-10-05", "9999-10-07")),
])
def test_dates(text: str, doc_date: str | None, expected: tuple[str, str | None]) -> None:
    span = next(find_dates(text))
    assert resolve(span, doc_date) == expected


def test_not_a_date() -> None:
    assert list(find_dates("31 февраля, в 2026 году, 45 марта, версия 2.0")) == []
