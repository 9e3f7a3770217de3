"""Organisations the news model read as places: rules on hand-built sentences."""

from __future__ import annotations

from helpers import hand_doc, shared_morph
from seminar_nlp.stages.ner.orgs import org_mentions


def kinds(words, mentions):
    doc = hand_doc(words, mentions)
    found = org_mentions(doc.need("mentions"), doc.text, doc.need("tokens"), doc.need("tags"),
                         doc.need("lemmas"), shared_morph())
    return [(m.type, doc.text[m.start:m.stop]) for m in found]


GEN = "Case=Gen|Number=Sing"


def test_a_body_and_its_place_in_the_genitive_are_one_organisation():
    # the class: "правительства Израиля", "посольство США", "сборной Англии"
    words = [("Глава", "глава", "NOUN", "Case=Nom"),
             ("правительства", "правительство", "NOUN", GEN), ("Израиля", "израиль", "PROPN", GEN)]
    assert kinds(words, [(2, 3, "LOC", "Израиль")]) == [
        ("ORG", "правительства Израиля"), ("LOC", "Израиля")]
    words = [("сборной", "сборная", "NOUN", GEN), ("Англии", "англия", "PROPN", GEN)]
    assert kinds(words, [(1, 2, "LOC", "Англия")])[0] == ("ORG", "сборной Англии")


def test_a_place_not_in_the_genitive_or_after_another_noun_stays_a_place():
    words = [("в", "в", "ADP", ""), ("парламенте", "парламент", "NOUN", "Case=Loc"),
             ("Грузия", "грузия", "PROPN", "Case=Nom")]
    assert kinds(words, [(2, 3, "LOC", "Грузия")]) == [("LOC", "Грузия")]
    words = [("жители", "житель", "NOUN", "Case=Nom"), ("Израиля", "израиль", "PROPN", GEN)]
    assert kinds(words, [(1, 2, "LOC", "Израиль")]) == [("LOC", "Израиля")]


def test_a_body_inside_another_name_is_left_to_it():
    words = [("Правительство", "правительство", "NOUN", "Case=Nom"),
             ("Израиля", "израиль", "PROPN", GEN)]
    assert kinds(words, [(0, 1, "ORG", "Правительство"), (1, 2, "LOC", "Израиль")]) == [
        ("ORG", "Правительство"), ("LOC", "Израиля")]


def test_a_place_named_as_an_organisation_is_one():
    # the class: "ЕС", "Евросоюза", "Кремль" read by the model as places
    words = [("решение", "решение", "NOUN", "Case=Nom"), ("Евросоюза", "евросоюз", "PROPN", GEN)]
    assert kinds(words, [(1, 2, "LOC", "Евросоюз")]) == [("ORG", "Евросоюза")]
    words = [("в", "в", "ADP", ""), ("Кремле", "кремль", "PROPN", "Case=Loc")]
    assert kinds(words, [(1, 2, "LOC", "Кремль")]) == [("ORG", "Кремле")]
    words = [("в", "в", "ADP", ""), ("Москве", "москва", "PROPN", "Case=Loc")]
    assert kinds(words, [(1, 2, "LOC", "Москва")]) == [("LOC", "Москве")]


def test_a_body_named_by_its_place_adjective_is_an_organisation():
    # the class: "израильские власти", "шведского посольства", "чешской сборной"
    words = [("заявили", "заявить", "VERB", ""), ("израильские", "израильский", "ADJ", "Case=Nom"),
             ("власти", "власть", "NOUN", "Case=Nom")]
    assert kinds(words, []) == [("ORG", "израильские власти")]
    words = [("новые", "новый", "ADJ", "Case=Nom"), ("власти", "власть", "NOUN", "Case=Nom")]
    assert kinds(words, []) == []


def test_a_name_annotators_never_call_an_organisation_is_no_mention():
    # the class: "СМИ", "интернет", "YouTube"
    words = [("сообщили", "сообщить", "VERB", ""), ("СМИ", "сми", "NOUN", "Case=Nom")]
    assert kinds(words, [(1, 2, "ORG", "СМИ")]) == []
    words = [("сообщила", "сообщить", "VERB", ""), ("ТАСС", "тасс", "PROPN", "Case=Nom")]
    assert kinds(words, [(1, 2, "ORG", "ТАСС")]) == [("ORG", "ТАСС")]


def test_a_name_and_the_acronym_that_spells_it_are_two_mentions():
    from seminar_nlp.stages.ner.orgs import split_acronyms

    # the class: "Комитет защиты журналистов (КЗЖ)", "Фонд борьбы с коррупцией (ФБК)"
    words = [("Фонд", "фонд", "NOUN", "Case=Nom"), ("борьбы", "борьба", "NOUN", GEN),
             ("с", "с", "ADP", ""), ("коррупцией", "коррупция", "NOUN", "Case=Ins"),
             ("(", "(", "PUNCT", ""), ("ФБК", "фбк", "PROPN", "Case=Nom"), (")", ")", "PUNCT", "")]
    doc = hand_doc(words, [(0, 7, "ORG", "Фонд борьбы с коррупцией (ФБК)")])
    found = split_acronyms(doc.need("mentions"), doc.need("tokens"), doc.text)
    assert [doc.text[m.start:m.stop] for m in found] == ["Фонд борьбы с коррупцией", "ФБК"]
    # an acronym of other words ("Всемирный боксёрский совет (WBC)") stays in the name
    words = [("Всемирный", "всемирный", "ADJ", "Case=Nom"), ("совет", "совет", "NOUN", "Case=Nom"),
             ("(", "(", "PUNCT", ""), ("WBC", "wbc", "X", ""), (")", ")", "PUNCT", "")]
    doc = hand_doc(words, [(0, 5, "ORG", "Всемирный совет (WBC)")])
    found = split_acronyms(doc.need("mentions"), doc.need("tokens"), doc.text)
    assert [doc.text[m.start:m.stop] for m in found] == ["Всемирный совет (WBC)"]


def test_a_body_and_the_person_it_is_named_after_are_one_organisation():
    # the class: "правительство Медведева", "администрации Трампа", "кабинета Джонсона"
    words = [("администрации", "администрация", "NOUN", GEN), ("Трампа", "трамп", "PROPN", GEN)]
    assert kinds(words, [(1, 2, "PER", "Трамп")]) == [
        ("ORG", "администрации Трампа"), ("PER", "Трампа")]
    # a noun that is no body of a person: "жена Трампа"
    words = [("жена", "жена", "NOUN", "Case=Nom"), ("Трампа", "трамп", "PROPN", GEN)]
    assert kinds(words, [(1, 2, "PER", "Трамп")]) == [("PER", "Трампа")]
