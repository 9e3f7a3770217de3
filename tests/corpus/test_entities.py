"""Entity resolution on hand-made mention tables: one entity per person or organisation."""

from __future__ import annotations

import pandas as pd

from seminar_nlp import Pipeline, Tables
from seminar_nlp.corpus.entities import resolve
from seminar_nlp.tables.schema import frame


def mentions(*rows: tuple[str, str, str, str | None, str | None, str | None]) -> pd.DataFrame:
    """Rows of (doc_id, type, normal, first, middle, last)."""
    return frame("mentions", [
        (doc, number, 0, 0, 1, normal, kind, normal, None, first, middle, last)
        for number, (doc, kind, normal, first, middle, last) in enumerate(rows)])


def groups(table: pd.DataFrame) -> list[list[str]]:
    linked, _ = resolve(table)
    return [list(group["normal"]) for _, group in linked.groupby("entity_id", sort=True)]


def test_people_join_within_and_across_documents() -> None:
    table = mentions(
        ("a", "PER", "Максим Абрамов", "Максим", None, "Абрамов"),
        ("a", "PER", "Абрамов", None, None, "Абрамов"),
        ("a", "PER", "М. Абрамов", "М.", None, "Абрамов"),
        ("b", "PER", "Максим Абрамов", "Максим", None, "Абрамов"),
        ("b", "PER", "Анна Абрамова", "Анна", None, "Абрамова"),
        ("c", "PER", "Анна Ковалёва", "Анна", None, "Ковалёва"),
        ("c", "PER", "Ковалева", None, None, "Ковалева"),
    )
    assert groups(table) == [
        ["Максим Абрамов", "Абрамов", "М. Абрамов", "Максим Абрамов"],
        ["Анна Абрамова"],
        ["Анна Ковалёва", "Ковалева"],
    ]


def test_different_patronymics_are_different_people() -> None:
    table = mentions(
        ("a", "PER", "Андрей Викторович Лебедев", "Андрей", "Викторович", "Лебедев"),
        ("b", "PER", "Лебедев Андрей Олегович", "Андрей", "Олегович", "Лебедев"),
        ("b", "PER", "Андрей Лебедев", "Андрей", None, "Лебедев"),
    )
    assert groups(table) == [["Андрей Викторович Лебедев"],
                             ["Лебедев Андрей Олегович", "Андрей Лебедев"]]


def test_a_surname_alone_joins_its_documents_full_name_despite_namesakes() -> None:
    table = mentions(
        ("a", "PER", "Евгений Шляхто", "Евгений", None, "Шляхто"),
        ("a", "PER", "Шляхто", None, None, "Шляхто"),
        ("b", "PER", "Анна Шляхто", "Анна", None, "Шляхто"),
        ("b", "PER", "Шляхто", None, None, "Шляхто"),
    )
    # In "b" the surname alone follows Анна Шляхто, the only one of that document.
    assert groups(table) == [["Евгений Шляхто", "Шляхто"], ["Анна Шляхто", "Шляхто"]]


def test_a_first_name_alone_joins_the_one_person_of_its_document_with_it() -> None:
    table = mentions(
        ("a", "PER", "Борис Николаевич Ельцин", "Борис", "Николаевич", "Ельцин"),
        ("a", "PER", "Борис Ельцин", "Борис", None, "Ельцин"),
        ("a", "PER", "Борис Николаевич", "Борис", "Николаевич", None),
        ("a", "PER", "Реджеп Тайип Эрдоган", "Реджеп", None, "Тайип Эрдоган"),
        ("a", "PER", "Реджеп Эрдоган", "Реджеп", None, "Эрдоган"),
        ("b", "PER", "Виктор Бут", "Виктор", None, "Бут"),
        ("b", "PER", "Виктор", "Виктор", None, None),
        ("c", "PER", "Виктор Бут", "Виктор", None, "Бут"),
        ("c", "PER", "Виктор Панов", "Виктор", None, "Панов"),
        ("c", "PER", "Виктор", "Виктор", None, None),
    )
    assert groups(table) == [
        ["Борис Николаевич Ельцин", "Борис Ельцин", "Борис Николаевич"],
        ["Реджеп Тайип Эрдоган", "Реджеп Эрдоган"],
        ["Виктор Бут", "Виктор", "Виктор Бут"],
        ["Виктор Панов"],
        ["Виктор"],  # two Victors in "c": the first name alone is neither
    ]


def test_a_full_first_name_names_a_person_better_than_initials() -> None:
    table = mentions(
        ("a", "PER", "Е. В. Шляхто", "Е.", "В.", "Шляхто"),
        ("a", "PER", "Евгений Шляхто", "Евгений", None, "Шляхто"),
        ("a", "PER", "Е. Шляхто", "Е.", None, "Шляхто"),
    )
    _, entities = resolve(table)
    assert entities[["name", "aliases"]].values.tolist() == [
        ["Евгений Шляхто", "Е. В. Шляхто; Е. Шляхто"]]


def test_canonical_person_is_the_fullest_form() -> None:
    table = mentions(
        ("a", "PER", "Абрамов", None, None, "Абрамов"),
        ("a", "PER", "Максим Сергеевич Абрамов", "Максим", "Сергеевич", "Абрамов"),
        ("a", "PER", "Максим Абрамов", "Максим", None, "Абрамов"),
    )
    _, entities = resolve(table)
    assert entities[["name", "aliases", "first", "middle", "last", "n_mentions"]].values.tolist() \
        == [["Максим Сергеевич Абрамов", "Абрамов; Максим Абрамов", "Максим", "Сергеевич",
             "Абрамов", 3]]


def test_organisations_join_acronyms_and_quoted_names() -> None:
    table = mentions(
        ("a", "ORG", "Российская академия наук", None, None, None),
        ("b", "ORG", "РАН", None, None, None),
        ("a", "ORG", "Русское географическое общество (РГО)", None, None, None),
        ("c", "ORG", "РГО", None, None, None),
        ("a", "ORG", "госкорпорация «Росатом»", None, None, None),
        ("b", "ORG", "Росатом", None, None, None),
        ("c", "ORG", "НМИЦ им. В. А. Алмазова", None, None, None),
        ("c", "ORG", "Национальный медицинский исследовательский центр имени В. А. Алмазова",
         None, None, None),
        ("c", "LOC", "Санкт-Петербург", None, None, None),
        ("c", "LOC", "Ленинградская область", None, None, None),
    )
    linked, entities = resolve(table)
    assert entities[["type", "name", "n_mentions"]].values.tolist() == [
        ["ORG", "Российская академия наук", 2],
        ["ORG", "Русское географическое общество", 2],
        ["ORG", "госкорпорация «Росатом»", 2],
        ["ORG", "Национальный медицинский исследовательский центр имени В. А. Алмазова", 2],
        ["LOC", "Санкт-Петербург", 1],
        ["LOC", "Ленинградская область", 1],
    ]


def test_seed_report_entities(sample_tables: Tables, pipeline: Pipeline) -> None:
    entities = sample_tables.entities
    almazov = entities[entities["name"].str.contains("Алмазова", regex=False)]
    assert almazov[["type", "name", "n_mentions"]].values.tolist() == [
        ["ORG", "Национальный медицинский исследовательский центр имени В. А. Алмазова", 2]]
    assert "НМИЦ им. В. А. Алмазова" in str(almazov["aliases"].iloc[0])


def test_a_short_name_in_brackets_joins_its_full_name_but_a_place_does_not() -> None:
    table = mentions(
        ("a", "ORG", "Федеральное агентство по делам молодёжи (Росмолодёжь)", None, None, None),
        ("a", "ORG", "Росмолодёжь", None, None, None),
        ("b", "ORG", "Росмолодёжь", None, None, None),
        ("b", "ORG", "Океанский университет Китая (Циндао)", None, None, None),
        ("b", "ORG", "Циндао", None, None, None),
    )
    _, entities = resolve(table)
    assert groups(table) == [
        ["Федеральное агентство по делам молодёжи (Росмолодёжь)", "Росмолодёжь", "Росмолодёжь"],
        ["Океанский университет Китая (Циндао)"], ["Циндао"]]
    assert entities["name"].tolist()[0] == "Федеральное агентство по делам молодёжи"


def test_an_acronym_of_a_names_genitive_tail_is_the_tails() -> None:
    table = mentions(
        ("a", "ORG", "Президиум Российской академии наук (РАН)", None, None, None),
        ("a", "ORG", "РАН", None, None, None),
        ("b", "ORG", "Российская академия наук", None, None, None),
        ("b", "ORG", "Национальный исследовательский Томский государственный университет (ТГУ)",
         None, None, None),
        ("b", "ORG", "ТГУ", None, None, None),
    )
    _, entities = resolve(table)
    # An opening adjective is no head: ТГУ is the national research university itself.
    assert entities[["name", "aliases"]].values.tolist() == [
        ["Президиум Российской академии наук", "Президиум Российской академии наук (РАН)"],
        ["Российская академия наук", "РАН"],
        ["Национальный исследовательский Томский государственный университет",
         "Национальный исследовательский Томский государственный университет (ТГУ); ТГУ"],
    ]


def test_an_acronym_right_after_the_name_it_spells_joins_it() -> None:
    # "Комитет защиты журналистов (КЗЖ)" as the NER stage splits it; two names whose
    # initials the acronym also spells keep it from the corpus-wide guess
    rows = [("a", 0, 0, 26, "Комитет защиты журналистов"), ("a", 0, 28, 31, "КЗЖ"),
            ("b", 0, 0, 26, "Комитет земель Жмеринки"), ("c", 0, 0, 3, "КЗЖ"),
            ("d", 0, 0, 7, "Газпром"), ("d", 0, 9, 15, "ЛУКОЙЛ"),
            ("e", 0, 0, 12, "Фонд Жабинки"), ("e", 1, 14, 16, "ФЖ"),
            ("f", 0, 0, 12, "Фонд Жуковки")]
    table = frame("mentions", [
        (doc, number, sent, start, stop, normal, "ORG", normal, None, None, None, None)
        for number, (doc, sent, start, stop, normal) in enumerate(rows)])
    assert groups(table) == [["Комитет защиты журналистов", "КЗЖ", "КЗЖ"],
                             ["Комитет земель Жмеринки"], ["Газпром"], ["ЛУКОЙЛ"],
                             ["Фонд Жабинки"], ["ФЖ"], ["Фонд Жуковки"]]
