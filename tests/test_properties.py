"""Property tests: arbitrary Unicode never breaks the pipeline or its offsets."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import seminar_nlp
from seminar_nlp import Pipeline

# Russian words and punctuation mixed with anything Unicode has: controls, RTL marks,
# zero-width characters, combining accents, emoji.
WORDS = st.sampled_from(["Ректор", "МГУ", "Иван", "Петров", "открыл", "семинар", "«", "»", "—",
                         ",", ".", "\n", " ", "\u00a0", "\u00ad", "\u200b", "\u200f", "\u0301",
                         "😀", "т.", "А.", "(", ")", "#сочи", "2026"])
TEXTS = st.one_of(st.text(max_size=300),
                  st.lists(st.one_of(WORDS, st.text(max_size=5)), max_size=80).map("".join))
CHECKS = settings(max_examples=40, deadline=None,
                  suppress_health_check=[HealthCheck.function_scoped_fixture])


@CHECKS
@given(text=TEXTS)
def test_offsets_index_the_text(pipeline: Pipeline, text: str) -> None:
    doc = pipeline.process(text)
    assert len(doc.text) == len(text)
    previous_stop = 0
    for token in doc.need("tokens"):
        assert doc.text[token.start:token.stop] == token.text
        assert token.start >= previous_stop  # tokens do not overlap
        previous_stop = token.stop
        sentence = doc.need("sentences")[token.sent]
        assert sentence.start <= token.start < token.stop <= sentence.stop
    for mention in doc.need("mentions"):
        assert 0 <= mention.start < mention.stop <= len(text)
    for role in doc.need("roles"):
        assert 0 <= role.role_start < role.role_stop <= len(text)
    for quote in doc.need("quotes"):
        assert 0 <= quote.start <= quote.stop <= len(text)


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(TEXTS, min_size=1, max_size=3))
def test_every_id_resolves(pipeline: Pipeline, texts: list[str]) -> None:
    # A string that names an existing path is read as one ("." is the current folder, and
    # the whole folder was analysed): a line break keeps every input a text.
    tables = seminar_nlp.analyze([text + "\n" for text in texts], pipeline=pipeline)
    assert len(tables.documents) == len(texts)
    entities = set(tables.entities["entity_id"])
    assert set(tables.mentions["entity_id"]) <= entities
    assert set(tables.roles["person_id"].dropna()) <= entities
    assert set(tables.roles["org_id"].dropna()) <= entities
    assert set(tables.quotes["speaker_id"].dropna()) <= entities
    text = dict(zip(tables.documents["doc_id"], tables.documents["text"], strict=True))
    for row in tables.mentions.itertuples():
        assert text[row.doc_id][row.start:row.stop] == row.text
