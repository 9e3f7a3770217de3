"""Roles: the golden (person, role, org) triples of tests/data/roles_golden.jsonl."""

from __future__ import annotations

import json

import pytest

from helpers import DATA
from seminar_nlp import Pipeline, Tables

GOLDEN = [json.loads(line) for line in
          (DATA / "roles_golden.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def case(item: dict[str, object]) -> object:
    # Known failures stay in the file and must keep failing (strict), so a fix shows.
    marks = [pytest.mark.xfail(strict=True, reason=str(item["known_failure"]))] if (
        "known_failure" in item) else []
    return pytest.param(item, marks=marks, id=f"{item['id']}-{item['pattern']}")


def test_the_golden_file_covers_every_pattern() -> None:
    patterns = {item["pattern"] for item in GOLDEN}
    assert len(GOLDEN) >= 40
    assert {"position_before_name", "apposition_comma", "apposition_dash", "brackets",
            "v_dolzhnosti", "v_kachestve", "zanimayushchiy_post", "coordinated_names",
            "two_positions", "oblique_case", "genitive_org", "prepositional_org",
            "no_person"} <= patterns


@pytest.mark.parametrize("item", [case(item) for item in GOLDEN])
def test_roles(pipeline: Pipeline, item: dict[str, object]) -> None:
    doc = pipeline.process(str(item["text"]))
    normals = doc.need("normals")
    got = [(normals[role.person].text, role.role, role.org) for role in doc.need("roles")]
    want = [(r["person"], r["role"], r["org"]) for r in item["roles"]]  # type: ignore[attr-defined]
    assert got == want


def test_role_spans_index_the_text(pipeline: Pipeline) -> None:
    text = ("В числе экспертов — Максим Абрамов, руководитель лаборатории прикладного "
            "искусственного интеллекта Санкт-Петербургского Федерального исследовательского "
            "центра РАН.")
    (role,) = pipeline.process(text).need("roles")
    assert text[role.role_start:role.role_stop] == (
        "руководитель лаборатории прикладного искусственного интеллекта")
    assert text[role.org_start:role.org_stop] == (
        "Санкт-Петербургского Федерального исследовательского центра РАН")


def test_a_position_at_the_end_of_a_text_is_analysed(pipeline: Pipeline) -> None:
    # The organisation ends the text with no full stop: the rules look past the last token.
    doc = pipeline.process("Слово взял председатель Совета директоров")
    assert doc.source.status == "ok"
    assert [m.type for m in doc.need("mentions")] == ["ORG"]
    assert doc.need("roles") == ()


def test_seed_report_roles(sample_tables: Tables) -> None:
    roles = sample_tables.roles
    seed = roles[roles["doc_id"] == "almazov-seminar"]
    assert seed[["person", "role", "org"]].values.tolist() == [
        ["Владимир Николаевич Княгинин", "вице-губернатор", "Санкт-Петербург"],
        ["Максим Абрамов", "руководитель лаборатории прикладного искусственного интеллекта",
         "Санкт-Петербургский Федеральный исследовательский центр РАН"],
    ]
    entities = sample_tables.entities.set_index("entity_id")
    assert (entities.loc[seed["person_id"], "type"] == "PER").all()
    assert entities.loc[seed["org_id"].iloc[0], "name"] == "Санкт-Петербург"
