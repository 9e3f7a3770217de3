"""The edges of an organisation's name: a group of people the news model took into it at a
sentence's start (``stages/ner/__init__.trim_group``), and the city after it
(``settlement_between``)."""

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


def test_the_city_after_an_organisation_belongs_to_its_name(pipeline: Pipeline) -> None:
    # "г." or "города" between the organisation and its city in the genitive
    text = ("Участников поздравила начальник Управления образования администрации г. Томска "
            "Ольга Семенова.")
    doc = pipeline.process(text)
    assert [(role.role, role.org) for role in doc.need("roles")] == [
        ("начальник", "Управление образования администрации г. Томска")]
