"""Role rules on sentences built by hand (form, lemma, UD pos, feats): no tagger or NER runs,
so each test states exactly the reading the rule gets and runs in milliseconds. The
dictionary (pymorphy3) is loaded once for the rules that consult it."""

from __future__ import annotations

from helpers import Word, hand_doc
from helpers import sentence_view as view
from helpers import shared_morph as morph
from seminar_nlp.records import Doc
from seminar_nlp.stages.roles import RoleFinder
from seminar_nlp.stages.roles.degrees import degree_before, skip_degree
from seminar_nlp.stages.roles.readings import instrumental

NOM_M = "Case=Nom|Gender=Masc|Number=Sing"
GEN_M = "Case=Gen|Gender=Masc|Number=Sing"
GEN_F = "Case=Gen|Gender=Fem|Number=Sing"
GEN_PL = "Case=Gen|Number=Plur"


def roles(doc: Doc) -> list[tuple[str, str, str | None]]:
    from seminar_nlp.normal.forms import Normalizer

    found = RoleFinder(Normalizer(morph()))(doc)
    return [(doc.need("normals")[role.person].text, role.role, role.org) for role in found]


GALKIN: list[Word] = [
    ("Выступил", "выступить", "VERB", "Gender=Masc|Number=Sing|Tense=Past"),
    ("ректор", "ректор", "NOUN", NOM_M), ("ТГУ", "тгу", "PROPN", GEN_M),
    ("Эдуард", "эдуард", "PROPN", NOM_M), ("Галкин", "галкин", "PROPN", NOM_M),
    (".", ".", "PUNCT", ""),
]


def test_a_position_before_a_name_with_its_organisation() -> None:
    # "ректор ТГУ Эдуард Галкин", "директор ИВТ Анна Белова": position, org, name.
    doc = hand_doc(GALKIN, [(2, 3, "ORG", "ТГУ"), (3, 5, "PER", "Эдуард Галкин")])
    assert roles(doc) == [("Эдуард Галкин", "ректор", "ТГУ")]


def test_no_position_no_role() -> None:
    # "Выступил Эдуард Галкин.": a name alone holds nothing.
    words = [GALKIN[0], *GALKIN[3:]]
    assert roles(hand_doc(words, [(1, 3, "PER", "Эдуард Галкин")])) == []


def test_an_apposition_after_the_name() -> None:
    # "Максим Абрамов, руководитель лаборатории ...", "Анна Белова, декан факультета".
    words: list[Word] = [
        ("Максим", "максим", "PROPN", NOM_M), ("Абрамов", "абрамов", "PROPN", NOM_M),
        (",", ",", "PUNCT", ""), ("руководитель", "руководитель", "NOUN", NOM_M),
        ("лаборатории", "лаборатория", "NOUN", GEN_F), (",", ",", "PUNCT", ""),
        ("рассказал", "рассказать", "VERB", "Gender=Masc|Number=Sing|Tense=Past"),
        (".", ".", "PUNCT", ""),
    ]
    doc = hand_doc(words, [(0, 2, "PER", "Максим Абрамов")])
    assert roles(doc) == [("Максим Абрамов", "руководитель лаборатории", None)]


DEGREE: list[Word] = [
    ("Иван", "иван", "PROPN", NOM_M), ("Петров", "петров", "PROPN", NOM_M),
    (",", ",", "PUNCT", ""), ("доктор", "доктор", "NOUN", NOM_M),
    ("технических", "технический", "ADJ", GEN_PL), ("наук", "наука", "NOUN", GEN_PL),
    (",", ",", "PUNCT", ""), ("профессор", "профессор", "NOUN", NOM_M),
]


def test_a_degree_is_stepped_over_both_ways() -> None:
    # "Иван Петров, доктор технических наук, профессор", "профессор, д.т.н. Анна Смирнова".
    s = view(hand_doc(DEGREE, [(0, 2, "PER", "Иван Петров")]))
    assert degree_before(s, 7) == 3  # from "профессор" back to "доктор", after the comma
    assert skip_degree(s, 3) == 6  # from "доктор" to the comma after "наук"
    assert skip_degree(s, 7) == 7  # a position is no degree


def test_the_degree_is_no_role_of_its_own() -> None:
    doc = hand_doc(DEGREE, [(0, 2, "PER", "Иван Петров")])
    assert roles(doc) == [("Иван Петров", "профессор", None)]


def test_an_instrumental_the_tagger_missed_is_read_from_the_dictionary() -> None:
    # "Модератором сессии выступил ...": tagged a nominative name at the start of a sentence.
    words: list[Word] = [("Модератором", "модератор", "PROPN", NOM_M),
                         ("сессии", "сессия", "NOUN", GEN_F)]
    s = view(hand_doc(words))
    assert instrumental(s, 0)
    assert not instrumental(s, 1)


def test_a_sentence_view_sees_only_its_mentions() -> None:
    doc = hand_doc(GALKIN, [(2, 3, "ORG", "ТГУ"), (3, 5, "PER", "Эдуард Галкин")])
    s = view(doc)
    assert s.mention_at(3, "PER") == 1 and s.mention_at(3, "ORG") is None
    assert s.mention_ending_at(5, "PER") == 1
    assert s.in_mention(4, "PER") and not s.in_mention(1, "PER", "ORG")
    assert s.form(len(GALKIN)) == ""  # past the sentence
