"""The registry of rules that link a position to its holder (``stages/roles/persons.py``), and
the roles trace: sentences built by hand, as in ``test_rules.py``; no tagger or NER runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import Word, hand_doc
from helpers import sentence_view as view
from helpers import shared_morph as morph
from seminar_nlp.cli import main
from seminar_nlp.normal.forms import Normalizer
from seminar_nlp.records import Doc, Role
from seminar_nlp.stages.roles import RoleFinder
from seminar_nlp.stages.roles.persons import NO_ONE, RULES, holders
from seminar_nlp.stages.roles.phrase import find_phrase
from seminar_nlp.stages.roles.trace import dropped_roles

NOM_M = "Case=Nom|Gender=Masc|Number=Sing"
NOM_F = "Case=Nom|Gender=Fem|Number=Sing"
GEN_PL = "Case=Gen|Number=Plur"
GALKIN: list[Word] = [
    ("Выступил", "выступить", "VERB", "Gender=Masc|Number=Sing|Tense=Past"),
    ("ректор", "ректор", "NOUN", NOM_M),
    ("ТГУ", "тгу", "PROPN", "Case=Gen|Gender=Masc|Number=Sing"),
    ("Эдуард", "эдуард", "PROPN", NOM_M), ("Галкин", "галкин", "PROPN", NOM_M),
    (".", ".", "PUNCT", ""),
]
DEGREE: list[Word] = [
    ("Иван", "иван", "PROPN", NOM_M), ("Петров", "петров", "PROPN", NOM_M),
    (",", ",", "PUNCT", ""), ("доктор", "доктор", "NOUN", NOM_M),
    ("технических", "технический", "ADJ", GEN_PL), ("наук", "наука", "NOUN", GEN_PL),
    (",", ",", "PUNCT", ""), ("профессор", "профессор", "NOUN", NOM_M),
]


def traced(doc: Doc) -> list[tuple[str, str, str]]:
    made: list[tuple[Role, str]] = []
    RoleFinder(Normalizer(morph()), trace=made)(doc)
    return [(doc.need("normals")[role.person].text, role.role, rule) for role, rule in made]


def test_rule_names_are_unique_and_none_is_the_fallback() -> None:
    names = [name for name, _ in RULES]
    assert len(names) == len(set(names)) and NO_ONE not in names


def test_a_name_after_the_position() -> None:
    # "ректор ТГУ Эдуард Галкин", "декан ФИТ Анна Белова".
    doc = hand_doc(GALKIN, [(2, 3, "ORG", "ТГУ"), (3, 5, "PER", "Эдуард Галкин")])
    assert traced(doc) == [("Эдуард Галкин", "ректор", "name after")]


def test_a_name_before_across_a_comma_after_a_degree() -> None:
    # "Иван Петров, доктор технических наук, профессор", "Анна Белова, к.т.н., доцент".
    doc = hand_doc(DEGREE, [(0, 2, "PER", "Иван Петров")])
    assert traced(doc) == [("Иван Петров", "профессор", "name before")]


def test_a_name_after_a_dash() -> None:
    # "Модератор — Анна Смирнова", "Ведущий — Олег Ким".
    words: list[Word] = [("Модератор", "модератор", "NOUN", NOM_M), ("—", "—", "PUNCT", ""),
                         ("Анна", "анна", "PROPN", NOM_F), ("Смирнова", "смирнова", "PROPN", NOM_F)]
    doc = hand_doc(words, [(2, 4, "PER", "Анна Смирнова")])
    s = view(doc)
    assert holders(s, find_phrase(s, 0), None) == ([0], "name after a dash")


def test_no_one_holds_a_position_with_no_name_near() -> None:
    # "Выступил ректор.", "Слово взял директор.": no rule decides.
    words: list[Word] = [GALKIN[0], GALKIN[1], (".", ".", "PUNCT", "")]
    s = view(hand_doc(words))
    assert holders(s, find_phrase(s, 1), None) == ([], NO_ONE)


def test_the_trace_lists_roles_taken_out_later() -> None:
    role = Role(0, "ректор", 3, 9)
    kept, dropped = Role(1, "профессор", 20, 29), Role(2, "член-корреспондент РАН", 40, 62)
    made = [(role, "name after"), (kept, "name before"), (dropped, "name before")]
    assert dropped_roles(made, [role, kept]) == [(dropped, "name before")]


def test_explain_prints_each_role_with_its_rule(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Семинар открыл ректор КФУ Ильдар Гарипов. Модератор — Анна Смирнова.",
                    encoding="utf-8")
    assert main(["explain", str(path)]) == 0
    out = capsys.readouterr().out
    assert "roles: 2 rows" in out
    assert "Ильдар Гарипов | ректор | КФУ    <- name after; org: a mention; said at" in out
    assert "Анна Смирнова | модератор | -    <- name after a dash; said at" in out


def test_explain_names_the_rule_that_found_an_organisation(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Доклад сделал инженер в нефтедобывающей компании ООО «МНКТ» Пётр Орлов. "
                    "Выступил британский премьер Борис Джонсон.", encoding="utf-8")
    assert main(["explain", str(path)]) == 0
    out = capsys.readouterr().out
    assert "| инженер | нефтедобывающая компания ООО «МНКТ»    <- name after; org: a body " \
        "after a preposition;" in out
    assert "| премьер | Великобритания    <- name after; org: other;" in out
