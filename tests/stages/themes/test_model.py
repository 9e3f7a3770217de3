"""The fitted ranker of themes: its features, the shipped model, the genre of a document."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from seminar_nlp import Pipeline
from seminar_nlp.stages.themes.collect import collect
from seminar_nlp.stages.themes.features import context, features
from seminar_nlp.stages.themes.model import REPORT, Model, Weights, is_report, model

REPORT_TEXT = ("В Казани прошёл круглый стол «Цифровая экономика». Участники круглого стола "
               "обсудили подготовку кадров для цифровой экономики. Подготовка кадров остаётся "
               "главной задачей, отметили эксперты.")
NEWS_TEXT = ("Центробанк повысил ключевую ставку. Повышение ключевой ставки замедлит инфляцию, "
             "считают аналитики. Инфляция в ноябре выросла.")


def candidates_of(pipeline: Pipeline, text: str):  # noqa: ANN201 - a test helper
    doc = pipeline.process(text)
    return collect(doc, pipeline.resources.morph, 3)


def test_the_shipped_model_is_read_from_the_package() -> None:
    text = (resources.files("seminar_nlp.stages.themes") / "weights.json").read_text("utf-8")
    data = json.loads(text)
    assert "ru_kw_eval" in " ".join(data["trained_on"])
    fitted = model()
    assert fitted.weights
    for selection in (fitted.news, fitted.report):
        assert 0 <= selection.nested <= 1 and 0 < selection.repeat <= 1
    assert fitted.report.nested == 0.0  # a piece of a theme taken is not listed again
    names = set(fitted.weights)
    assert {"count", "title", "rarity", "place"} <= names
    assert any(name.startswith(REPORT) for name in names)


def test_a_model_is_a_logistic_score_with_weights_for_reports() -> None:
    fitted = Model(0.0, {"count": 1.0, "report": -1.0, f"{REPORT}count": 1.0})
    assert fitted.score({"count": 0.0}, report=False) == pytest.approx(0.5)
    assert fitted.score({"count": 1.0}, report=False) > 0.5
    assert fitted.score({"count": 1.0}, report=True) == pytest.approx(fitted.score(
        {"count": 1.0}, report=False))  # -1 for reports, +1 for the count in a report
    assert fitted.score({"count": 1000.0}, report=False) <= 1.0


def test_features_of_a_candidate(pipeline: Pipeline) -> None:
    candidates = candidates_of(pipeline, REPORT_TEXT)
    found = context(candidates)
    rows = {" ".join(key): features(key, dict.fromkeys(spans, 1.0), candidates, found)
            for key, spans in candidates.occurrences.items()}
    training = rows["подготовка кадр"]
    assert training["count"] > rows["казань"]["count"]
    assert training["title"] == 0.0 and rows["цифровой экономика"]["title"] == 1.0
    assert training["words2"] == 1.0 and training["words3"] == 0.0
    assert rows["казань"]["place"] == 1.0
    assert rows["круглый стол"]["event_type"] == rows["круглый стол"]["genre"] == 1.0
    assert rows["экономика"]["inside"] == 1.0  # only inside "цифровая экономика"
    assert all(0.0 <= value <= 20.0 for row in rows.values() for value in row.values())


def test_a_cut_phrase_is_told_from_a_complete_one(pipeline: Pipeline) -> None:
    candidates = candidates_of(pipeline, "Мы внедрили систему поддержки принятия решений. "
                                         "Система поддержки принятия решений работает.")
    found = context(candidates)
    row = {key: features(key, dict.fromkeys(spans, 1.0), candidates, found)
           for key, spans in candidates.occurrences.items()}
    assert row[("система", "поддержка")]["cut"] == 1.0
    assert row[("система", "поддержка", "принятие")]["cut"] == 1.0
    assert row[("принятие", "решение")]["tail"] == 1.0
    assert row[("принятие", "решение")]["cut"] == 0.0


def test_a_report_is_told_from_news(pipeline: Pipeline) -> None:
    report, news = candidates_of(pipeline, REPORT_TEXT), candidates_of(pipeline, NEWS_TEXT)
    assert is_report(report) and not is_report(news)
    assert is_report(news, "report") and not is_report(report, "news")


def test_ten_themes_by_default() -> None:
    assert Weights().max_themes == 10
    assert Weights.news().genre == "news" and Weights.reports().genre == "report"


def test_the_training_script_refuses_the_check_part(tmp_path) -> None:  # noqa: ANN001
    from benchmarks.train_themes import main

    with pytest.raises(SystemExit):
        main(["--data", "tests/data/events_check/x.jsonl", "--out", str(tmp_path / "w.json")])
