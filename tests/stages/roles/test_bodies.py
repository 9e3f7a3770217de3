"""The organisation a position names, on role rows built by hand (no model)."""

from __future__ import annotations

from seminar_nlp import Pipeline
from seminar_nlp.records import Doc, Role, Source
from seminar_nlp.stages.roles.bodies import tidy


def doc_of(text: str) -> Doc:
    return Doc(Source("hand", "<hand>", text))


def row(text: str, role: str, position: str, org: str | None = None,
        written: str | None = None, person: int = 0) -> Role:
    start = text.index(position)
    if org is None or written is None:
        return Role(person, role, start, start + len(position))
    org_start = text.index(written)
    return Role(person, role, start, start + len(position), org, None, org_start,
                org_start + len(written))


def test_a_named_organisation_stays_the_organisation() -> None:
    text = "ректор ТГУ Эдуард Галкин"
    found = tidy(doc_of(text), [row(text, "ректор", "ректор", "ТГУ", "ТГУ")])
    assert [(r.role, r.org) for r in found] == [("ректор", "ТГУ")]


def test_the_body_of_a_ministers_and_a_chairmans_post() -> None:
    text = ("заместитель министра здравоохранения Новосибирской области Алла Бондарь и первый "
            "заместитель председателя правительства Вологодской области Иван Петров")
    found = tidy(doc_of(text), [
        row(text, "заместитель министра здравоохранения", "заместитель министра "
            "здравоохранения", "Новосибирская область", "Новосибирской области"),
        row(text, "первый заместитель председателя правительства", "первый заместитель "
            "председателя правительства", "Вологодская область", "Вологодской области", 1)])
    assert [r.org for r in found] == ["Министерство здравоохранения Новосибирской области",
                                      "Правительство Вологодской области"]


def test_an_acronym_in_brackets_is_no_part_of_the_name() -> None:
    text = "директор Института цитологии и генетики СО РАН (ИЦиГ СО РАН) Вера Долгих"
    role = Role(0, "директор", 0, 8, "Институт цитологии и генетики СО РАН (ИЦиГ СО РАН)",
                None, 9, 60)
    assert tidy(doc_of(text), [role])[0].org == "Институт цитологии и генетики СО РАН"


def test_the_chairman_of_a_government_keeps_the_government_in_the_post() -> None:
    # the rules may give the government to the org: "заместитель председателя |
    # правительства Липецкой области"; the chairman of the government is one post
    text = "заместитель председателя правительства Липецкой области Андрей Корнеев"
    found = tidy(doc_of(text), [row(text, "заместитель председателя", "заместитель "
                                "председателя", "правительство Липецкой области",
                                "правительства Липецкой области")])
    assert [(r.role, r.org) for r in found] == [
        ("заместитель председателя правительства", "Правительство Липецкой области")]


def test_the_ministry_of_a_country(pipeline: Pipeline) -> None:
    # the country is a LOC mention: "министр просвещения РФ" works at the ministry
    doc = pipeline.process("На открытии присутствовал министр просвещения РФ Сергей Кравцов.")
    assert [(r.role, r.org) for r in doc.need("roles")] == [
        ("министр просвещения", "Министерство просвещения РФ")]
