"""Corpus topics: corpus themes linked by their lemmas and by navec, grouped, on real vectors
and on the sample corpus analysed end to end."""

from __future__ import annotations

import pandas as pd

from seminar_nlp import Tables
from seminar_nlp.corpus.topics import COLUMNS, components, corpus_topics, overlap
from seminar_nlp.tables.schema import COLUMNS as CONTRACT


def groups(*rows: tuple[str, str, str]) -> pd.DataFrame:
    """A corpus_themes frame from (theme, lemmas, doc_ids) rows, best first."""
    return pd.DataFrame({"theme": [row[0] for row in rows],
                         "n_docs": [len(row[2].split("; ")) for row in rows],
                         "score": [float(len(rows) - number) for number in range(len(rows))],
                         "lemmas": [row[1] for row in rows],
                         "doc_ids": [row[2] for row in rows]})


def members(table: pd.DataFrame) -> list[set[str]]:
    return [set(str(value).split("; ")) for value in table["phrases"]]


def test_a_theme_and_its_narrower_phrase_make_one_topic() -> None:
    table = corpus_topics(groups(("цифровая экономика", "цифровой экономика", "a; b"),
                                 ("экономика", "экономика", "c")))
    assert members(table) == [{"цифровая экономика", "экономика"}]
    assert table.loc[0, "label"] == "цифровая экономика"  # found in the most documents
    assert table.loc[0, "n_docs"] == 3 and table.loc[0, "doc_ids"] == "a; b; c"


def test_a_common_shared_word_links_nothing() -> None:
    assert overlap(("система", "образование"), ("система", "здравоохранение")) < 0.5
    table = corpus_topics(groups(("система образования", "система образование", "a; b"),
                                 ("система здравоохранения", "система здравоохранение",
                                  "c; d")))
    assert members(table) == [{"система образования"}, {"система здравоохранения"}]


def test_words_of_one_field_link_but_names_do_not() -> None:
    table = corpus_topics(groups(("экспорт", "экспорт", "a"), ("импорт", "импорт", "b"),
                                 ("Италия", "италия", "c; d"), ("Япония", "япония", "e; f"),
                                 ("Нижний Новгород", "нижний новгород", "g; h"),
                                 ("Великий Новгород", "великий новгород", "i; j")))
    found = members(table)
    assert {"экспорт", "импорт"} in found  # navec cosine 0.72
    assert {"Италия"} in found and {"Япония"} in found
    assert {"Нижний Новгород"} in found and {"Великий Новгород"} in found


def test_a_topic_of_one_document_is_left_out() -> None:
    table = corpus_topics(groups(("нейросеть", "нейросеть", "a"), ("квантовый компьютер",
                                                                     "квантовый компьютер",
                                                                     "a; b")))
    assert list(table["label"]) == ["квантовый компьютер"]
    assert tuple(table.columns) == COLUMNS
    assert corpus_topics(groups()).empty


def test_components_are_single_link_groups_in_item_order() -> None:
    assert components(5, [(3, 4), (0, 2), (2, 4)]) == [[0, 2, 3, 4], [1]]


def test_sample_corpus_topics(sample_tables: Tables) -> None:
    topics = sample_tables.corpus_topics
    assert tuple(topics.columns) == CONTRACT["corpus_topics"]
    assert len(topics) >= 5
    corpus_themes = set(sample_tables.corpus_themes["theme"])
    doc_ids = set(sample_tables.documents["doc_id"])
    for row in topics.itertuples():
        docs = str(row.doc_ids).split("; ")
        assert row.n_docs == len(docs) >= 2 and set(docs) <= doc_ids
        phrases = str(row.phrases).split("; ")
        assert row.label == phrases[0] and set(phrases) <= corpus_themes
        themed = set(sample_tables.themes.loc[sample_tables.themes["theme"].isin(phrases),
                                              "doc_id"])
        assert themed <= set(docs)
    assert list(topics["topic_id"]) == [f"T{number:04d}" for number in range(1, len(topics) + 1)]
    assert list(topics["n_docs"]) == sorted(topics["n_docs"], reverse=True)
    ai = topics[topics["label"] == "искусственный интеллект"].iloc[0]
    assert "almazov-seminar" in str(ai["doc_ids"]) and ai["n_docs"] >= 3
