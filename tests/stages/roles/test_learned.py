"""The position CRF: the shipped model loads and labels a position, its features and spans
read hand-built sentences, and the training script fits a model on a tiny brat folder."""

from __future__ import annotations

from pathlib import Path

from helpers import Word, hand_doc
from seminar_nlp.records import Tag
from seminar_nlp.resources import shared
from seminar_nlp.stages.roles.learned import (
    bio_spans,
    doc_features,
    position_spans,
    sentence_features,
    shape,
)

NOM_M = "Case=Nom|Gender=Masc|Number=Sing"
INS_F = "Case=Ins|Gender=Fem|Number=Sing"
GEN_F = "Case=Gen|Gender=Fem|Number=Sing"

# "На семинаре выступил заведующий кафедрой алгебры Иван Петров."
HEAD_OF_CHAIR: list[Word] = [
    ("На", "на", "ADP", ""), ("семинаре", "семинар", "NOUN", "Case=Loc|Gender=Masc|Number=Sing"),
    ("выступил", "выступить", "VERB", "Gender=Masc|Number=Sing|Tense=Past"),
    ("заведующий", "заведующий", "NOUN", NOM_M), ("кафедрой", "кафедра", "NOUN", INS_F),
    ("алгебры", "алгебра", "NOUN", GEN_F),
    ("Иван", "иван", "PROPN", NOM_M), ("Петров", "петров", "PROPN", NOM_M),
    (".", ".", "PUNCT", ""),
]


def test_the_shipped_model_loads_once_with_its_labels() -> None:
    tagger = shared().position_tagger
    assert tagger is shared().position_tagger
    assert set(tagger.labels()) == {"B", "I", "O"}


def test_the_model_labels_a_head_of_chair() -> None:
    # "заведующий" is rare in NEREL's news: the model marks the post from its head on
    # (the whole phrase, or the head alone, which the roles stage grows into the phrase)
    doc = hand_doc(HEAD_OF_CHAIR, [(6, 8, "PER", "Иван Петров")])
    spans = position_spans(doc, shared().position_tagger)
    assert [start for start, _ in spans] == [3]  # "заведующий ..."
    assert all(stop <= 6 for _, stop in spans)  # the name is no part of it


def test_features_of_a_hand_built_sentence() -> None:
    tags = [Tag("NOUN", {"Case": "Nom", "Number": "Sing"}), Tag("PROPN", {"Case": "Gen"})]
    first, second = sentence_features(["Ректор", "МГУ"], ["ректор", "мгу"], tags,
                                      ["O", "B-ORG"])
    assert {"l=ректор", "p=NOUN", "c=Nom", "n=Sing", "h=1", "s=Xx", "t=1", "first",
            "-1edge", "1l=мгу", "1e=B-ORG"} <= set(first)
    assert {"l=мгу", "e=B-ORG", "h=0", "u=1", "-1l=ректор", "1edge"} <= set(second)


def test_features_per_sentence_of_a_document() -> None:
    doc = hand_doc(HEAD_OF_CHAIR, [(6, 8, "PER", "Иван Петров")])
    [(first, features)] = doc_features(doc)
    assert first == 0 and len(features) == len(HEAD_OF_CHAIR)
    assert "e=B-PER" in features[6] and "e=I-PER" in features[7]


def test_shapes_and_spans() -> None:
    assert [shape(w) for w in ("Иван", "МГУ", "вице-премьер", "№5")] == \
        ["Xx", "X", "x-x", "№d"]
    assert bio_spans(["O", "B", "I", "O", "B", "B", "I"], 10) == [(11, 13), (14, 15), (15, 17)]
    assert bio_spans(["I", "I", "O"]) == [(0, 2)]


ANN = "T1\tPROFESSION 0 8\tДиректор\nT2\tPERSON 15 26\tИван Петров\nT3\tPROFESSION 47 66" \
      "\tЗаведующий кафедрой\nT4\tPROFESSION 47 74\tЗаведующий кафедрой алгебры\n"


def test_training_on_a_tiny_brat_folder(tmp_path: Path) -> None:
    import pycrfsuite
    from benchmarks.train_positions import flat, read_brat, train_positions

    text = "Директор школы Иван Петров поздравил учителей. Заведующий кафедрой алгебры " \
           "выступила с докладом."
    assert (text[:8], text[15:26], text[47:74]) == \
        ("Директор", "Иван Петров", "Заведующий кафедрой алгебры")
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        (tmp_path / f"{name}.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "c.txt").write_text("Без разметки.", encoding="utf-8")  # no .ann: skipped
    [doc, _] = read_brat(tmp_path)
    assert doc.spans == ((0, 8), (47, 66), (47, 74)) and flat(doc.spans) == [(0, 8), (47, 66)]
    out = tmp_path / "model" / "positions.crfsuite"
    report = train_positions(tmp_path, out, {"max_iterations": 20})
    assert report["documents"] == 2 and report["spans"] == 4
    tagger = pycrfsuite.Tagger()
    tagger.open(str(out))
    assert set(tagger.labels()) == {"B", "I", "O"}


def test_the_model_proposes_a_head_the_lexicon_lacks() -> None:
    # "шоумен" is in no lexicon: with the model the roles stage gives the role
    from seminar_nlp.normal.forms import Normalizer
    from seminar_nlp.stages.roles import RoleFinder

    words: list[Word] = [
        ("Выступил", "выступить", "VERB", "Gender=Masc|Number=Sing|Tense=Past"),
        ("известный", "известный", "ADJ", NOM_M), ("шоумен", "шоумен", "NOUN", NOM_M),
        ("Иван", "иван", "PROPN", NOM_M), ("Петров", "петров", "PROPN", NOM_M),
        (".", ".", "PUNCT", ""),
    ]
    doc = hand_doc(words, [(3, 5, "PER", "Иван Петров")])
    normalizer = Normalizer(shared().morph)
    assert RoleFinder(normalizer)(doc) == ()
    [role] = RoleFinder(normalizer, shared().position_tagger)(doc)
    assert role.person == 0 and role.role.endswith("шоумен")
