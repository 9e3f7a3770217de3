"""The golden mention -> normal form pairs of tests/data/normal_forms.jsonl."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from helpers import DATA, ROOT, eval_dir
from seminar_nlp import Doc, Pipeline
from seminar_nlp.normal.forms import Normalizer
from seminar_nlp.stages.ner import span_mention

PAIRS = [json.loads(line) for line in (DATA / "normal_forms.jsonl").read_text("utf-8").splitlines()
         if line.strip()]


@cache
def source_text(source: str) -> str:
    base = ROOT if source.startswith("data/") else eval_dir()
    path = base / source
    if not path.exists():
        pytest.skip(f"{path} not found (gold data lives outside the repository)")
    return Path(path).read_text(encoding="utf-8")


@cache
def analysed(pipeline: Pipeline, text: str) -> Doc:
    return pipeline.process(text)


def test_the_golden_file_covers_every_case() -> None:
    cases = {pair["case"] for pair in PAIRS}
    assert len(PAIRS) >= 80
    assert {"oblique_case", "multiword_org", "abbreviation_im", "indeclinable", "foreign_name",
            "plural_surname", "surname_first", "female_surname", "acronym"} <= cases


def case(number: int, pair: dict[str, str]) -> object:
    # A pair we know we get wrong stays in the file and is checked to still fail
    # (strict), so a fix shows up and the list of limits stays true.
    marks = [pytest.mark.xfail(strict=True, reason=pair["known_failure"])] if (
        "known_failure" in pair) else []
    return pytest.param(pair, marks=marks, id=f"{number:03d}-{pair['case']}")


@pytest.mark.parametrize("pair", [case(number, pair) for number, pair in enumerate(PAIRS)])
def test_normal_form(pipeline: Pipeline, pair: dict[str, object]) -> None:
    source = str(pair["source"])
    text = str(pair["context"]) if source == "inline" else source_text(source)
    start, stop = int(pair["start"]), int(pair["stop"])  # type: ignore[call-overload]
    assert text[start:stop] == pair["text"]
    doc = analysed(pipeline, text)
    mention = span_mention(doc, start, stop, pair["type"])  # type: ignore[arg-type]
    normal = Normalizer(pipeline.resources.morph)(mention, doc.need("tokens"), doc.need("tags"))
    assert normal.text == pair["normal"]


def test_name_parts_of_a_surname_in_ovich_after_a_patronymic(pipeline: Pipeline) -> None:
    doc = pipeline.process("Премию вручил Алесь Иванович Карпович.")
    normal = doc.need("normals")[0]
    assert (normal.text, normal.first, normal.middle, normal.last) == (
        "Алесь Иванович Карпович", "Алесь", "Иванович", "Карпович")


def test_a_guessed_first_name_without_a_surname_is_the_surname(pipeline: Pipeline) -> None:
    doc = pipeline.process("На станцию прибыл командир экипажа Уильям Макартур. Макартур доволен.")
    assert [(n.text, n.first, n.last) for n in doc.need("normals")] == [
        ("Уильям Макартур", "Уильям", "Макартур"), ("Макартур", None, "Макартур")]


def test_a_surname_read_as_a_plural_noun_or_an_adjective_is_kept(pipeline: Pipeline) -> None:
    def names(text: str) -> list[str]:
        return [n.text for n in pipeline.process(text).need("normals")]

    assert names("Вчера Шумов выступил в клубе.") == ["Шумов"]  # not "шумы"
    assert names("Премьеру Ратманского ждали долго.") == ["Ратманский"]


def test_a_first_name_before_a_shared_plural_surname_takes_it(pipeline: Pipeline) -> None:
    def names(text: str) -> list[tuple[str, str | None, str | None]]:
        return [(n.text, n.first, n.last) for n in pipeline.process(text).need("normals")]

    assert names("Приехали Анна и Пётр Соколовы.") == [
        ("Анна Соколова", "Анна", "Соколова"), ("Пётр Соколов", "Пётр", "Соколов")]
    assert names("Встретились с Анной и Петром Соколовыми.") == [
        ("Анна Соколова", "Анна", "Соколова"), ("Пётр Соколов", "Пётр", "Соколов")]
    assert names("Пришли Анна и Пётр Иванов.") == [  # a singular surname is his alone
        ("Анна", "Анна", None), ("Пётр Иванов", "Пётр", "Иванов")]


def test_a_womans_name_the_tagger_read_as_a_mans_genitive(pipeline: Pipeline) -> None:
    def people(text: str) -> list[str]:
        doc = pipeline.process(text)
        return [n.text for m, n in zip(doc.need("mentions"), doc.need("normals"), strict=True)
                if m.type == "PER"]

    assert people("В качестве эксперта выступила профессор Казанского федерального университета "
                  "Дина Хабибуллина.") == ["Дина Хабибуллина"]
    assert people("С докладом выступила сотрудница университета Александра Петрова.") == [
        "Александра Петрова"]
    assert people("Доклад профессора университета Александра Петрова вызвал интерес.") == [
        "Александр Петров"]
    assert people("Анна Иванова выступила с докладом профессора Александра Петрова.") == [
        "Анна Иванова", "Александр Петров"]


def test_a_regions_double_name_has_each_part_in_the_nominative(pipeline: Pipeline) -> None:
    text = ("Форум собрал участников из Ханты-Мансийского автономного округа — Югры и "
            "Республики Северная Осетия — Алания.")
    doc = pipeline.process(text)
    assert [n.text for m, n in zip(doc.need("mentions"), doc.need("normals"), strict=True)
            if m.type == "LOC"] == ["Ханты-Мансийский автономный округ — Югра",
                                    "Республика Северная Осетия — Алания"]


def test_a_surname_the_dictionary_knows_only_as_a_village(pipeline: Pipeline) -> None:
    # "Цуканова" is read only as the village "Цуканово" in the genitive
    def people(text: str) -> list[str]:
        doc = pipeline.process(text)
        return [n.text for m, n in zip(doc.need("mentions"), doc.need("normals"), strict=True)
                if m.type == "PER"]

    assert people("По словам министра Сергея Цуканова, проект будет реализован.") == [
        "Сергей Цуканов"]
    assert people("Слово предоставили Сергею Цуканову.") == ["Сергей Цуканов"]
    assert people("Доклад Анны Цукановой был интересным.") == ["Анна Цуканова"]


def test_a_settlements_name_agrees_with_its_noun(pipeline: Pipeline) -> None:
    def places(text: str) -> list[str]:
        doc = pipeline.process(text)
        return [n.text for m, n in zip(doc.need("mentions"), doc.need("normals"), strict=True)
                if m.type == "LOC"]

    # a name of adjectives alone takes the gender of "село", "посёлок", "деревня"
    assert places("Выставка прошла в администрации села Шушенского.") == ["Шушенское"]
    assert places("Праздник прошёл в посёлке Светлом, а потом в деревне Заречной.") == [
        "Светлый", "Заречная"]
    # the organisation a role names through "города ...": both words in the nominative
    doc = pipeline.process("Участников поприветствовал глава города Новосибирска Анатолий "
                           "Локоть.")
    assert [(role.role, role.org) for role in doc.need("roles")] == [
        ("глава", "город Новосибирск")]


def test_the_other_name_in_brackets_goes_to_the_nominative_too(pipeline: Pipeline) -> None:
    text = ("Студенты Московского физико-технического института (национального "
            "исследовательского университета) стали призёрами.")
    doc = pipeline.process(text)
    assert [n.text for m, n in zip(doc.need("mentions"), doc.need("normals"), strict=True)
            if m.type == "ORG"] == ["Московский физико-технический институт (национальный "
                                    "исследовательский университет)"]
