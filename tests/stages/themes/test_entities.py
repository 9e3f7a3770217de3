"""Which names of places, people and organisations may be themes: the ``entities`` setting
of the themes stage, through the API and the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

import seminar_nlp
from seminar_nlp import Pipeline
from seminar_nlp.cli import build_parser, main
from seminar_nlp.stages.themes import Themes, Weights

MENTIONED = ("Прошёл круглый стол «Цифровая экономика». Участники встречи в Казани обсудили "
             "подготовку кадров для цифровой экономики. Подготовка кадров остаётся главной "
             "задачей, отметили эксперты Сбербанка.")
ABOUT = ("Прошла лекция о творчестве художника. Иван Шишкин писал леса и поля. Иван Шишкин "
         "учился в Москве и в Дюссельдорфе. Лекцию прочитала научный сотрудник музея.")
NEWS = ("Центробанк повысил ключевую ставку. Решение в Москве обсудили аналитики банков. "
        "Инфляция в ноябре выросла.")


def themes(pipeline: Pipeline, text: str, weights: Weights) -> list[str]:
    doc = pipeline.process(text)
    (done,) = Themes(pipeline.resources, weights)([doc])
    return [theme.theme for theme in done.themes or ()]


def test_a_place_merely_mentioned_is_no_theme_by_default(pipeline: Pipeline) -> None:
    kept = themes(pipeline, MENTIONED, Weights(entities="keep"))
    assert "Казань" in kept
    default = themes(pipeline, MENTIONED, Weights())
    assert "Казань" not in default and "подготовка кадров" in default
    assert "Сбербанк" in default  # organisations stay by default
    assert "Сбербанк" not in themes(pipeline, MENTIONED, Weights(entities="drop"))


def test_a_person_the_report_is_about_stays(pipeline: Pipeline) -> None:
    default = themes(pipeline, ABOUT, Weights())
    assert "Иван Шишкин" in default  # twice a subject
    assert "Дюссельдорф" not in default and "Москва" not in default
    assert "Иван Шишкин" not in themes(pipeline, ABOUT, Weights(entities="drop"))


def test_news_keep_their_places_unless_told(pipeline: Pipeline) -> None:
    assert "Москва" in themes(pipeline, NEWS, Weights())  # not a report: news tags are places
    assert "Москва" not in themes(pipeline, NEWS, Weights(entities="drop"))


def test_an_unknown_setting_is_refused() -> None:
    with pytest.raises(ValueError, match="about, keep, drop"):
        Weights(entities="some")  # type: ignore[arg-type]


def test_the_api_and_the_command_line_take_the_setting(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "r1.txt").write_text(MENTIONED, encoding="utf-8")
    tables = seminar_nlp.analyze([folder], theme_weights=Weights(entities="keep"))
    assert "Казань" in set(tables.themes["theme"])
    assert "Казань" not in set(seminar_nlp.analyze([folder]).themes["theme"])
    out = tmp_path / "out"
    assert main(["analyze", str(folder), "-o", str(out), "-q", "--workers", "1",
                 "--entity-themes", "keep"]) == 0
    assert "Казань" in set(seminar_nlp.load(out).themes["theme"])
    with pytest.raises(SystemExit):
        build_parser().parse_args(["analyze", "--entity-themes", "some"])
    with pytest.raises(ValueError, match="theme_weights"):
        seminar_nlp.analyze([folder], pipeline=Pipeline(), theme_weights=Weights())
