"""The link model (``stages/roles/linker.py``): the features of hand-built pairs, the shipped
model giving a holder to a phrase no rule links (with the trace naming it and its score),
its being off by default, and the training script's threshold and labels."""

from __future__ import annotations

from pathlib import Path

from helpers import Word, hand_doc
from helpers import sentence_view as view
from seminar_nlp.pipeline import Pipeline, default_stages
from seminar_nlp.resources import shared
from seminar_nlp.stages.roles import Roles
from seminar_nlp.stages.roles.linker import Linker, candidates, model, pair_features
from seminar_nlp.stages.roles.phrase import find_phrase

NOM_M = "Case=Nom|Gender=Masc|Number=Sing"
NOM_F = "Case=Nom|Gender=Fem|Number=Sing"
GEN_M = "Case=Gen|Gender=Masc|Number=Sing"
# "Иван Петров покинул должность директора завода ."
LEFT: list[Word] = [
    ("Иван", "иван", "PROPN", NOM_M), ("Петров", "петров", "PROPN", NOM_M),
    ("покинул", "покинуть", "VERB", "Gender=Masc|Number=Sing|Tense=Past"),
    ("должность", "должность", "NOUN", "Case=Acc|Gender=Fem|Number=Sing"),
    ("директора", "директор", "NOUN", GEN_M), ("завода", "завод", "NOUN", GEN_M),
    (".", ".", "PUNCT", ""),
]
# "супруга президента Мишель Обама ."
SPOUSE: list[Word] = [
    ("супруга", "супруга", "NOUN", NOM_F), ("президента", "президент", "NOUN", GEN_M),
    ("Мишель", "мишель", "PROPN", NOM_F), ("Обама", "обама", "PROPN", NOM_F),
    (".", ".", "PUNCT", ""),
]


def linked_pipeline() -> tuple[Pipeline, list]:
    stages = [Roles(shared(), linked=True) if stage.name == "roles" else stage
              for stage in default_stages(shared())]
    pipeline = Pipeline(stages)
    trace: list = []
    next(stage for stage in pipeline.stages if stage.name == "roles").finder.trace = trace
    return pipeline, trace


def test_features_of_a_name_before_its_phrase() -> None:
    doc = hand_doc(LEFT, [(0, 2, "PER", "Иван Петров")])
    s = view(doc)
    phrase = find_phrase(s, 4)
    assert candidates(s, phrase) == [0]
    features = pair_features(s, phrase, 0, 0, ())
    assert features["after"] == 0.0  # the name comes first
    assert features["verb"] == 1.0 and features["verb=покинуть"] == 1.0
    assert features["rank=0"] == 1.0 and features["names=1"] == 1.0
    assert features["kin"] == 0.0 and features["holds"] == 0.0


def test_a_kin_word_is_a_feature_of_its_pair() -> None:
    doc = hand_doc(SPOUSE, [(2, 4, "PER", "Мишель Обама")])
    s = view(doc)
    phrase = find_phrase(s, 1)
    features = pair_features(s, phrase, 0, 0, ())
    assert features["kin"] == 1.0 and features["after"] == 1.0
    assert features["gap=0"] == 1.0


def test_the_recording_linker_keeps_every_candidate_and_links_none() -> None:
    doc = hand_doc(LEFT, [(0, 2, "PER", "Иван Петров")])
    s = view(doc)
    record: list = []
    assert Linker(None, record).holder(s, find_phrase(s, 4), ()) is None
    assert [person for _, _, person, _ in record] == [0]


def test_the_shipped_model_links_a_phrase_no_rule_links() -> None:
    assert 0 < model().threshold < 1 and model().weights
    text = "Вчера Иван Петров покинул должность директора завода."
    assert Pipeline().process(text).roles == ()  # no rule reads "покинул должность"
    pipeline, trace = linked_pipeline()
    doc = pipeline.process(text)
    [role] = doc.need("roles")
    person = doc.need("mentions")[role.person]
    assert (doc.text[person.start:person.stop], role.role) == ("Иван Петров", "директор завода")
    [(_, rule)] = trace
    assert rule.startswith("link model (") and float(rule[12:-1]) >= model().threshold


def test_the_link_model_leaves_the_rules_rows_alone() -> None:
    text = ("Семинар открыла проректор по науке Анна Смирнова, а затем с докладом выступил "
            "профессор Олег Кравцов.")
    pipeline, trace = linked_pipeline()
    assert pipeline.process(text).roles == Pipeline().process(text).roles
    assert not any(rule.startswith("link model") for _, rule in trace)


def test_the_training_threshold_and_labels(tmp_path: Path) -> None:
    from benchmarks.train_links import best_threshold, candidate_rows

    rows = [(0, {}, True), (0, {}, False), (1, {}, False), (2, {}, True)]
    phrases, held = [1, 1, 2, 3], [0.9, 0.3, 0.6, 0.4]
    cut, scores = best_threshold(rows, phrases, held)
    # phrase 1 right at .9, phrase 2 wrong at .6, phrase 3 right at .4: a cut at or below
    # .4 keeps three (P 2/3, R 1), higher ones one or two
    assert cut <= 0.4 and scores["F1"] == 0.8
    text = "Вчера Иван Петров покинул должность директора завода."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.ann").write_text(
        "T1\tPERSON 6 17\tИван Петров\nT2\tPROFESSION 36 45\tдиректора\n"
        "R1\tWORKS_AS Arg1:T1 Arg2:T2\t\n", encoding="utf-8")
    data, numbers, relations = candidate_rows(tmp_path)
    assert relations == 1 and [right for _, _, right in data] == [True]
    assert len(set(numbers)) == 1
