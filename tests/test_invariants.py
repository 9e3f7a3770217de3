"""Invariants of the tables on the sample corpus."""

from pathlib import Path

import pandas as pd

import seminar_nlp
from seminar_nlp import Pipeline, Tables
from seminar_nlp.tables import COLUMNS


def texts(tables: Tables) -> dict[str, str]:
    return dict(zip(tables.documents["doc_id"], tables.documents["text"], strict=True))


def test_the_sample_corpus_is_read_whole(sample_tables: Tables) -> None:
    documents = sample_tables.documents
    assert len(documents) == 17
    assert set(documents["status"]) == {"ok"}
    assert documents.set_index("doc_id").loc["14-conference-medicine-samara", "meta"] == (
        '{"encoding": "cp1251"}')


def test_offsets_index_the_document_text(sample_tables: Tables) -> None:
    text = texts(sample_tables)
    for name in ("sentences", "tokens", "mentions"):
        table = sample_tables.__getattribute__(name)
        for row in table.itertuples():
            assert text[row.doc_id][row.start:row.stop] == row.text, (name, row)


def test_tokens_lie_inside_their_sentences(sample_tables: Tables) -> None:
    bounds = sample_tables.sentences[["doc_id", "sent_id", "start", "stop"]]
    tokens = sample_tables.tokens.merge(bounds, on=["doc_id", "sent_id"], suffixes=("", "_sent"))
    assert ((tokens["start"] >= tokens["start_sent"]) & (tokens["stop"] <= tokens["stop_sent"])
            ).all()
    assert len(tokens) > 7000


def test_every_table_has_its_contract_columns(sample_tables: Tables) -> None:
    for name, table in sample_tables.items():
        assert tuple(table.columns) == COLUMNS[name]


def test_mentions_link_to_entities(sample_tables: Tables) -> None:
    entities = sample_tables.entities.set_index("entity_id")
    mentions = sample_tables.mentions
    assert mentions["entity_id"].isin(entities.index).all()
    counts = mentions.groupby("entity_id").size()
    assert (entities.loc[counts.index, "n_mentions"] == counts).all()


def test_debris_never_reaches_the_tables(sample_tables: Tables) -> None:
    seed = texts(sample_tables)["almazov-seminar"]
    assert ".png)" not in seed and "____" not in seed
    assert not sample_tables.tokens["text"].str.contains(r"\.png|__", regex=True).any()


def test_seed_report_people_and_organisations(sample_tables: Tables) -> None:
    mentions = sample_tables.mentions
    seed = mentions[mentions["doc_id"] == "almazov-seminar"]
    normals = set(zip(seed["type"], seed["normal"], strict=True))
    assert {("PER", "Максим Абрамов"), ("PER", "Владимир Николаевич Княгинин"),
            ("LOC", "Санкт-Петербург"), ("ORG", "НМИЦ им. В. А. Алмазова"),
            ("ORG", "Национальный медицинский исследовательский центр имени В. А. Алмазова"),
            } <= normals
    abramov = sample_tables.entities[sample_tables.entities["name"] == "Максим Абрамов"]
    assert abramov[["type", "first", "last", "n_mentions"]].values.tolist() == [
        ["PER", "Максим", "Абрамов", 2]]


def test_two_runs_write_identical_csv(tmp_path: Path, pipeline: Pipeline,
                                      sample_tables: Tables) -> None:
    from helpers import REPORTS

    sample_tables.save(tmp_path / "first", formats=["csv"])
    seminar_nlp.analyze([REPORTS], pipeline=pipeline).save(tmp_path / "second", formats=["csv"])
    for name in COLUMNS:
        first = (tmp_path / "first" / f"{name}.csv").read_bytes()
        assert first == (tmp_path / "second" / f"{name}.csv").read_bytes(), name


def test_batch_size_does_not_change_the_tables(sample_tables: Tables) -> None:
    from helpers import REPORTS

    small = seminar_nlp.analyze([REPORTS], pipeline=Pipeline(batch_size=3))
    for name, table in sample_tables.items():
        pd.testing.assert_frame_equal(table, getattr(small, name), obj=name)
