"""The fitted event card: its candidates, the date forms, the trace; and the command that
prints the trace."""

from __future__ import annotations

from pathlib import Path

import pytest

from seminar_nlp import Pipeline
from seminar_nlp.cli import main
from seminar_nlp.records import Doc, Source
from seminar_nlp.stages.events.candidates import relative_dates
from seminar_nlp.stages.events.dates import find_dates, resolve
from seminar_nlp.stages.events.scorer import models
from seminar_nlp.stages.events.trace import trace


def card(pipeline: Pipeline, text: str, date: str | None = None) -> tuple[object, ...]:
    doc = pipeline.run_batch([Doc(Source("t", "<text>", text, date=date))])[0]
    (event,) = doc.need("events")
    return event.event_type, event.title, event.date, event.date_end


@pytest.mark.parametrize("text, dates", [
    ("прошёл 19–20.03.2026 в Казани", [("2026-03-19", "2026-03-20")]),
    ("С 12 по 14 ноября в Томске прошёл форум", [("2026-11-12", "2026-11-14")]),
    ("12–14 ноября 2025 г. прошла школа", [("2025-11-12", "2025-11-14")]),
    ("8 июля 2026 года в Омске", [("2026-07-08", None)]),
])
def test_date_forms(text: str, dates: list[tuple[str, str | None]]) -> None:
    assert [resolve(span, "2026-06-01") for span in find_dates(text)] == dates


def test_a_date_without_a_year_takes_the_documents_unless_far_from_it() -> None:
    # "28 декабря" in a report of 10 January is last year's; a November date announced in
    # May is this year's.
    assert [resolve(s, "2026-01-10")[0] for s in find_dates("28 декабря")] == ["2025-12-28"]
    assert [resolve(s, "2026-05-01")[0] for s in find_dates("12 ноября")] == ["2026-11-12"]


def test_relative_days_count_from_the_document_date() -> None:
    found = {c.rule: c.date for c in relative_dates("Вчера, в минувшую пятницу", "2026-12-07")}
    assert found == {"relative": "2026-12-06", "weekday": "2026-12-04"}
    assert list(relative_dates("Вчера прошёл семинар", None)) == []


def test_an_event_introduced_by_its_opening(pipeline: Pipeline) -> None:
    # "состоялось открытие конференции", "прошла церемония закрытия олимпиады"
    assert card(pipeline, "Вчера в Томском государственном университете состоялось открытие "
                          "II Всероссийской конференции молодых учёных «Цифровая история».",
                "2026-03-12") == ("конференция", "Цифровая история", "2026-03-11", None)


def test_the_models_ship_with_thresholds() -> None:
    fitted = models()
    assert set(fitted) == {"event", "date", "title"}
    assert all(model.weights for model in fitted.values())


def test_the_trace_names_the_winner_of_each_field(pipeline: Pipeline) -> None:
    doc = pipeline.process("18 марта в Казани прошёл семинар «Данные». Его провёл КФУ.")
    shown = trace(doc, pipeline.resources)
    assert "event (threshold" in shown and "date (threshold" in shown
    assert "* " in shown and "'семинар' -> семинар (lexicon" in shown and "«Данные»" in shown
    assert "no event" in trace(pipeline.process("Погода была хорошая."), pipeline.resources)


def test_explain_prints_the_trace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Вчера в Омске прошёл форум «Сибирь». Его провёл ОмГУ.", encoding="utf-8")
    assert main(["explain", str(path), "--date", "2026-05-20"]) == 0
    out = capsys.readouterr().out
    assert "'форум' -> форум" in out and "2026-05-19 (relative)" in out
    assert main(["explain", str(tmp_path / "missing.txt")]) == 2


def test_two_days_in_a_row_are_a_range() -> None:
    from seminar_nlp.stages.events.dates import find_dates

    found = list(find_dates("в минувшие выходные, 19 и 20 декабря, прошёл турнир"))
    assert [(span.first, span.last) for span in found] == [((19, 12, None), (20, 12, None))]
    assert [span.last for span in find_dates("5 и 12 марта 2026 года")] == [None]


def test_a_name_in_straight_quotes_is_a_title(pipeline: Pipeline) -> None:
    # news agencies write 'форум "..."'; speech in straight quotes is no name
    assert card(pipeline, '"Нам есть что показать", - сказал организатор. Форум "Реки '
                          'Сибири" прошёл в Барнауле 14 мая.', "2026-05-15") == \
        ("форум", "Реки Сибири", "2026-05-14", None)


def test_an_end_given_by_until_after_the_start(pipeline: Pipeline) -> None:
    # "открылась 2 марта ... продлится до 30 апреля"; a deadline before the start is no end
    assert card(pipeline, "2 марта в краеведческом музее Ельца открылась выставка «Кружево "
                          "Ельца». Экспозиция продлится до 30 апреля.", "2026-03-03") == \
        ("выставка", "Кружево Ельца", "2026-03-02", "2026-04-30")


def test_an_end_without_a_year_after_a_dateline(pipeline: Pipeline) -> None:
    # a dateline on its own line, then the opening and "продлится до 30 июня" (no year)
    text = ("Выставка «Сибирь в объективе» открылась в краеведческом музее\n\n10 апреля 2026\n\n"
            "В Новосибирском государственном краеведческом музее открылась фотовыставка "
            "«Сибирь в объективе». Экспозиция продлится до 30 июня.")
    assert card(pipeline, text) == ("выставка", "Сибирь в объективе", "2026-04-10",
                                    "2026-06-30")
