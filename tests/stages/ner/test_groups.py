"""A group of people the news model took into the organisation's name after it, at a
sentence's start (``stages/ner/__init__.trim_group``)."""

from __future__ import annotations

from seminar_nlp import Pipeline


def orgs(pipeline: Pipeline, text: str) -> list[str]:
    doc = pipeline.process(text)
    return [text[m.start:m.stop] for m in doc.need("mentions") if m.type == "ORG"]


def test_a_delegation_is_no_part_of_its_university(pipeline: Pipeline) -> None:
    assert orgs(pipeline, "Делегация Университета Иннополис посетила технопарк "
                          "«Академпарк».") == ["Университета Иннополис", "Академпарк"]


def test_a_quoted_team_name_stays(pipeline: Pipeline) -> None:
    assert orgs(pipeline, "Команда «Зенит» выиграла матч.") == ["Зенит"]
