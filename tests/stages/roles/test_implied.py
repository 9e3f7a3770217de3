"""The organisation a role's common noun refers to (stages/roles/implied.py)."""

from __future__ import annotations

from seminar_nlp import Pipeline
from seminar_nlp.records import Mention, Normal, Role
from seminar_nlp.stages.roles.implied import common_noun, referent


def test_a_common_noun_refers_to_the_institution_named_before(pipeline: Pipeline) -> None:
    doc = pipeline.process("В Омском областном музее изобразительных искусств имени М. А. "
                           "Врубеля открылась выставка графики. Директор музея Лариса Чуйкова "
                           "рассказала о её подготовке.")
    role = next(r for r in doc.need("roles") if r.role.startswith("директор"))
    # the common noun stays in the position as the text states it; no org is named
    assert (role.role, role.org, role.org_noun) == ("директор музея", None, "музей")
    assert role.org_implied is not None and role.org_implied.startswith("Омский областной музей")


def test_a_named_or_missing_organisation_implies_nothing() -> None:
    stated = Role(0, "ректор", 0, 6, org="ТГУ", org_mention=1)
    assert common_noun(stated) is None and common_noun(Role(0, "профессор", 0, 9)) is None
    assert common_noun(Role(0, "директор", 0, 8, org="музей")) == "музей"
    assert common_noun(Role(0, "директор музея", 0, 14, org_noun="музей")) == "музей"


def test_the_referent_is_the_last_named_before_else_the_first_after() -> None:
    mentions = [Mention(0, 10, "ORG", 0, 0, 2), Mention(50, 60, "ORG", 1, 8, 10),
                Mention(90, 99, "ORG", 2, 15, 17)]
    normals = [Normal("Псковский музей"), Normal("Исторический музей"), Normal("Русский музей")]
    assert referent(mentions, normals, "музей", 70) == "Исторический музей"
    assert referent(mentions, normals, "музей", 0) == "Псковский музей"
    assert referent(mentions, normals, "библиотека", 70) is None


def test_a_staff_post_without_an_organisation_takes_the_host(pipeline: Pipeline) -> None:
    doc = pipeline.process("12 мая Уральский государственный горный университет провёл "
                           "конференцию «Недра Урала». Проректор по научной работе Борис "
                           "Головня открыл пленарное заседание. Председатель жюри Анна "
                           "Белова вручила дипломы.")
    implied = {role.role: role.org_implied for role in doc.need("roles")}
    assert implied["проректор по научной работе"] == "Уральский государственный горный университет"
    assert implied["председатель жюри"] is None  # a body of its own, not a staff post


def test_a_place_inside_a_units_name_is_no_employer(pipeline: Pipeline) -> None:
    # "кафедра истории России": the place belongs to the field, not the employer
    doc = pipeline.process("С докладом выступила заведующая кафедрой истории России Анна "
                           "Викторовна Громова.")
    (role,) = doc.need("roles")
    assert (role.role, role.org) == ("заведующая кафедрой истории России", None)


def test_an_honour_after_a_post_is_no_row_of_its_own(pipeline: Pipeline) -> None:
    doc = pipeline.process("Главный судья турнира, судья всероссийской категории Олег "
                           "Семёнович Лапин вручил кубки. Академик Пётр Ильич Голубев, "
                           "историк, открыл чтения.")
    assert sorted(r.role for r in doc.need("roles")) == ["академик", "главный судья турнира",
                                                         "историк"]


def test_a_complement_names_the_institution_and_a_council_of_it_is_not_it() -> None:
    mentions = [Mention(0, 10, "ORG", 0, 0, 2), Mention(20, 30, "ORG", 1, 4, 6)]
    normals = [Normal("совет старшеклассников МАОУ «Лицей № 7»"), Normal("МАОУ «Лицей № 7»")]
    role = Role(0, "директор лицея", 40, 54)
    assert common_noun(role) == "лицей"
    assert referent(mentions, normals, "лицей", 40) == "МАОУ «Лицей № 7»"
    assert common_noun(Role(0, "заведующий отделением", 0, 21)) is None


def test_a_staff_post_of_a_unit_or_of_a_deputy_is_the_hosts() -> None:
    from seminar_nlp.stages.roles.implied import staff_post

    def staff(role: str) -> bool:
        return staff_post(Role(0, role, 0, len(role)))

    # the classes: a post and a unit of the host ("заведующий кафедрой алгебры", "научный
    # сотрудник отдела истории"), a teaching post with a unit ("доцент кафедры физики"),
    # the deputy of a post ("заместитель директора по науке")
    assert staff("заведующий кафедрой алгебры")
    assert staff("старший научный сотрудник отдела редких книг")
    assert staff("ответственный секретарь приёмной комиссии")
    assert staff("доцент кафедры физики")
    assert staff("заместитель директора по науке")
    # a unit of another institution, a title alone, a body of its own
    assert not staff("начальник отдела кадров министерства")
    assert not staff("доцент")
    assert not staff("директор школы")


def test_an_organiser_that_is_a_part_of_an_institution_hosts_as_that_institution() -> None:
    from helpers import hand_doc
    from seminar_nlp.stages.roles.implied import institution_of

    # the class: "кафедра истории ... Томского государственного университета", "совет
    # старшеклассников лицея № 7", "приёмная комиссия ПГНИУ" (an acronym as its full name)
    words = [(w, w.lower(), "X", "") for w in (
        "Семинар", "провела", "кафедра", "истории", "Томского", "государственного",
        "университета", ".", "Пермский", "государственный", "университет", "и", "ПГУ")]
    doc = hand_doc(words, [(4, 7, "ORG", "Томский государственный университет"),
                           (8, 11, "ORG", "Пермский государственный университет"),
                           (12, 13, "ORG", "ПГУ")])
    assert institution_of(doc, "кафедра истории Томского государственного университета") == \
        "Томский государственный университет"
    assert institution_of(doc, "приёмная комиссия ПГУ") == "Пермский государственный университет"
    assert institution_of(doc, "Томский государственный университет") == \
        "Томский государственный университет"


def test_the_common_noun_is_the_last_institution_of_the_joined_words() -> None:
    # the class: a unit's field before the body ("отдела организации ... министерства",
    # "сектора развития ... управления"); a body alone keeps its word ("директор музея")
    role = Role(0, "начальник отдела организации отдыха детей министерства", 0, 1,
                org_noun="организация")
    assert common_noun(role) == "министерство"
    assert common_noun(Role(0, "директор музея", 0, 1, org_noun="музей")) == "музей"
    assert common_noun(Role(0, "главный врач диспансера", 0, 1)) == "диспансер"
