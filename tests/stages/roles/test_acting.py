"""Issue 20's examples: acting posts, posts with a degree and a title before the name, an
organisation named after a person; and an office with its country after a post."""

from __future__ import annotations

from seminar_nlp import Pipeline


def roles_of(pipeline: Pipeline, text: str) -> list[tuple[str, str | None]]:
    return [(role.role, role.org) for role in pipeline.process(text).need("roles")]


def test_an_acting_post_is_one_role(pipeline: Pipeline) -> None:
    assert roles_of(pipeline, "Открыла встречу и.о. ректора Анна Белова.") == \
        [("и.о. ректора", None)]
    # the post after "и.о." stays in the genitive wherever the tagger reads it
    assert roles_of(pipeline, "Приветствие зачитала и.о. ректора Анна Белова.") == \
        [("и.о. ректора", None)]
    assert roles_of(pipeline, "Форум открыл врио директора Иван Сидоров.") == \
        [("врио директора", None)]


def test_an_acting_post_spelt_out_is_one_role(pipeline: Pipeline) -> None:
    # at the start of a sentence the tagger reads the participle as an adjective
    assert roles_of(pipeline, "Исполняющий обязанности директора Кольской АЭС Иван Сидоров "
                              "принял участие в форуме.") == \
        [("исполняющий обязанности директора", "Кольская АЭС")]
    assert roles_of(pipeline, "Слово предоставили исполняющему обязанности ректора Анне "
                              "Беловой.") == [("исполняющий обязанности ректора", None)]


def test_a_degree_and_a_title_between_the_post_and_the_name(pipeline: Pipeline) -> None:
    assert roles_of(pipeline, "Выступила врио заведующего кафедрой алгебры, кандидат "
                              "физико-математических наук, доцент К. Л. Петрова.") == \
        [("врио заведующего кафедрой алгебры", None)]
    assert roles_of(pipeline, "Приветствие зачитал проректор по учебной работе доктор "
                              "педагогических наук, профессор А. Н. Сковорода.") == \
        [("проректор по учебной работе", None)]


def test_an_organisation_keeps_the_person_it_is_named_after(pipeline: Pipeline) -> None:
    assert roles_of(pipeline, "Ректор Уральского федерального университета имени первого "
                              "Президента России Б. Н. Ельцина Виктор Кокшаров открыл форум.") == \
        [("ректор", "Уральский федеральный университет имени первого Президента России "
                    "Б. Н. Ельцина")]


def test_an_office_and_its_country_after_a_post(pipeline: Pipeline) -> None:
    # "Президента РФ": an office the NER tags as nothing, then its country
    assert roles_of(pipeline, "Приветственный адрес зачитал полномочный представитель "
                              "Президента РФ Олег Кузнецов.") == [
        ("полномочный представитель", "Президент РФ")]
