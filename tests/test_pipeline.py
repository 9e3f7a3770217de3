import pytest

from seminar_nlp import Pipeline
from seminar_nlp.stages.lemma import Lemma
from seminar_nlp.stages.segment import Segment, segment_text


def test_process_one_text(pipeline: Pipeline) -> None:
    doc = pipeline.process("18 марта в НМИЦ им. В. А. Алмазова прошёл семинар. "
                           "Его открыл вице-губернатор Санкт-Петербурга Владимир Княгинин.")
    assert len(doc.need("sentences")) == 2
    found = [(doc.text[m.start:m.stop], m.type, n.text)
             for m, n in zip(doc.need("mentions"), doc.need("normals"), strict=True)]
    assert found == [("НМИЦ им. В. А. Алмазова", "ORG", "НМИЦ им. В. А. Алмазова"),
                     ("Санкт-Петербурга", "LOC", "Санкт-Петербург"),
                     ("Владимир Княгинин", "PER", "Владимир Княгинин")]
    lemmas = dict(zip((t.text for t in doc.need("tokens")), doc.need("lemmas"), strict=True))
    assert (lemmas["прошёл"], lemmas["марта"], lemmas["открыл"]) == ("пройти", "март", "открыть")


def test_stage_order_is_checked_when_the_pipeline_is_built(pipeline: Pipeline) -> None:
    with pytest.raises(ValueError, match="stage 'lemma' needs \\['tags'\\]"):
        Pipeline([Segment(), Lemma(pipeline.resources)], resources=pipeline.resources)


def test_empty_and_odd_texts_give_empty_layers(pipeline: Pipeline) -> None:
    for text in ["", "   \n ", "!!! ... ???", "12345 678"]:
        doc = pipeline.process(text)
        assert doc.need("mentions") == ()
        assert len(doc.need("lemmas")) == len(doc.need("tokens"))


def test_a_blank_line_ends_a_sentence_without_a_full_stop() -> None:
    text = "Форум молодых учёных\n\n  Форум прошёл в Казани. Его открыл ректор\nКФУ."
    sentences, tokens = segment_text(text)
    assert [text[s.start:s.stop] for s in sentences] == [
        "Форум молодых учёных", "Форум прошёл в Казани.", "Его открыл ректор\nКФУ."]
    assert [token.sent for token in tokens if token.text == "Форум"] == [0, 1]


def test_long_unpunctuated_text_is_tagged_in_windows(pipeline: Pipeline) -> None:
    doc = pipeline.process(" ".join(["Семинар"] * 1000))
    assert len(doc.need("tags")) == len(doc.need("tokens")) == 1000
    assert len(doc.need("sentences")) == 1


def test_ner_reads_long_documents_in_pieces(pipeline: Pipeline) -> None:
    sentence = "Ректор ТГУ Эдуард Галкин открыл форум в Томске. "
    doc = pipeline.process(sentence * 200)
    people = [doc.text[m.start:m.stop] for m in doc.need("mentions") if m.type == "PER"]
    assert people == ["Эдуард Галкин"] * 200


def test_a_numbered_name_is_no_person(pipeline: Pipeline) -> None:
    doc = pipeline.process("Фернандо Алонсо в своей карьере пилота Формулы-1 выиграл Гран-при.")
    people = [doc.text[m.start:m.stop] for m in doc.need("mentions") if m.type == "PER"]
    assert people == ["Фернандо Алонсо"]


def test_a_name_and_its_organisation_in_brackets_are_two_mentions(pipeline: Pipeline) -> None:
    doc = pipeline.process("Богослужение провёл архиепископ Тихон Заречный (РПЦ МП).")
    found = [(doc.text[m.start:m.stop], m.type) for m in doc.need("mentions")]
    assert found == [("Тихон Заречный", "PER"), ("РПЦ МП", "ORG")]


def test_a_first_name_and_a_surname_that_name_no_place_are_a_person(pipeline: Pipeline) -> None:
    doc = pipeline.process("Улица названа в честь первого президента Ахмат-Хаджи Кадырова.")
    found = [(doc.text[m.start:m.stop], m.type) for m in doc.need("mentions")]
    assert found == [("Ахмат-Хаджи Кадырова", "PER")]
    assert [(doc.need("normals")[r.person].text, r.role) for r in doc.need("roles")] == [
        ("Ахмат-Хаджи Кадыров", "первый президент")]
    # The first name's genitive reading is no first name; the dictionary knows it as one.
    normal = doc.need("normals")[0]
    assert (normal.first, normal.middle, normal.last) == ("Ахмат-Хаджи", None, "Кадыров")
