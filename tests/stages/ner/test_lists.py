"""A body's name that lists its fields across commas (``stages/ner/lists.py``): rules on
hand-built sentences, and the whole pipeline on the class's examples."""

from __future__ import annotations

from helpers import hand_doc
from seminar_nlp import Pipeline
from seminar_nlp.stages.ner.lists import with_fields

GEN = "Case=Gen|Number=Sing"
GEN_F = "Case=Gen|Gender=Fem|Number=Sing"


def names(words, mentions):
    doc = hand_doc(words, mentions)
    found = with_fields(doc.need("mentions"), doc.need("tokens"), doc.need("tags"),
                        doc.need("lemmas"), doc.need("sentences"))
    return [doc.text[m.start:m.stop] for m in found]


# "Министерство природных ресурсов, лесного хозяйства и экологии"
MINISTRY = [("Министерство", "министерство", "NOUN", "Case=Nom"),
            ("природных", "природный", "ADJ", "Case=Gen|Number=Plur"),
            ("ресурсов", "ресурс", "NOUN", "Case=Gen|Number=Plur"), (",", ",", "PUNCT", ""),
            ("лесного", "лесной", "ADJ", GEN), ("хозяйства", "хозяйство", "NOUN", GEN),
            ("и", "и", "CCONJ", ""), ("экологии", "экология", "NOUN", GEN_F)]


def test_a_ministry_runs_on_over_the_fields_it_lists():
    assert names(MINISTRY, [(0, 3, "ORG", "Министерство природных ресурсов")]) == [
        "Министерство природных ресурсов, лесного хозяйства и экологии"]


def test_a_list_of_other_bodies_or_a_list_without_and_stays_apart():
    # "Министерства обороны, полиции и прокуратуры": three bodies
    words = [("Министерства", "министерство", "NOUN", GEN), ("обороны", "оборона", "NOUN", GEN_F),
             (",", ",", "PUNCT", ""), ("полиции", "полиция", "NOUN", GEN_F),
             ("и", "и", "CCONJ", ""), ("прокуратуры", "прокуратура", "NOUN", GEN_F)]
    assert names(words, [(0, 2, "ORG", "Министерство обороны")]) == ["Министерства обороны"]
    # no "и": the comma ends the name
    assert names(MINISTRY[:6], [(0, 3, "ORG", "Министерство природных ресурсов")]) == [
        "Министерство природных ресурсов"]
    # not a body that governs fields: "Института физики, химии и биологии" is left to the model
    words = [("Институт", "институт", "NOUN", "Case=Nom"), ("физики", "физика", "NOUN", GEN_F),
             (",", ",", "PUNCT", ""), ("химии", "химия", "NOUN", GEN_F),
             ("и", "и", "CCONJ", ""), ("биологии", "биология", "NOUN", GEN_F)]
    assert names(words, [(0, 2, "ORG", "Институт физики")]) == ["Институт физики"]


def test_the_whole_name_and_its_place_are_one_organisation(pipeline: Pipeline) -> None:
    text = ("Семинар провело Министерство по делам молодёжи, физической культуры и спорта "
            "Республики Алтай.")
    doc = pipeline.process(text)
    orgs = [text[m.start:m.stop] for m in doc.need("mentions") if m.type == "ORG"]
    assert orgs == ["Министерство по делам молодёжи, физической культуры и спорта "
                    "Республики Алтай"]
    text = ("В работе форума участвовал Комитет по образованию, науке и молодёжной политике "
            "Волгоградской области.")
    doc = pipeline.process(text)
    assert [doc.need("normals")[i].text for i, m in enumerate(doc.need("mentions"))
            if m.type == "ORG"] == ["Комитет по образованию, науке и молодёжной политике "
                                    "Волгоградской области"]
