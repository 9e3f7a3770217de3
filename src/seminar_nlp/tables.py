"""Records to pandas DataFrames: the only module that builds tables.

Column order is fixed by the constants below, which follow the public contract
(docs/tables.md). Ids: ``sent_id``, ``token_id`` and ``mention_id`` count from
0 within a document; ``entity_id`` is ``E`` plus a number given in order of
first mention across the corpus.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd

from .records import Doc

COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id", "source", "title", "date", "n_sentences", "n_tokens", "status",
                  "error", "text", "n_chars", "meta"),
    "sentences": ("doc_id", "sent_id", "start", "stop", "text"),
    "tokens": ("doc_id", "sent_id", "token_id", "start", "stop", "text", "lemma", "pos",
               "feats"),
    "mentions": ("doc_id", "mention_id", "sent_id", "start", "stop", "text", "type", "normal",
                 "entity_id", "first", "middle", "last"),
    "entities": ("entity_id", "type", "name", "aliases", "n_docs", "n_mentions", "first",
                 "middle", "last"),
    "roles": ("doc_id", "sent_id", "person_id", "person", "role", "org_id", "org",
              "person_start", "person_stop", "role_start", "role_stop", "org_start",
              "org_stop"),
    "themes": ("doc_id", "rank", "theme", "score"),
    "corpus_themes": ("theme", "n_docs", "score"),
    "events": ("doc_id", "event_type", "title", "date", "date_end", "place", "organizers",
               "partners"),
    "quotes": ("doc_id", "speaker_id", "speaker", "start", "stop", "text"),
}
TABLE_NAMES = tuple(COLUMNS)
INTEGER_COLUMNS = frozenset({"n_sentences", "n_tokens", "n_chars", "sent_id", "token_id",
                             "mention_id", "start", "stop", "n_docs", "n_mentions", "rank",
                             "person_start", "person_stop", "role_start", "role_stop",
                             "org_start", "org_stop"})
FLOAT_COLUMNS = frozenset({"score"})
PER_DOC_TABLES = ("documents", "sentences", "tokens", "mentions")


def frame(name: str, rows: Iterable[tuple[object, ...]]) -> pd.DataFrame:
    """A table with its contract columns and dtypes; nulls stay nulls."""
    columns = COLUMNS[name]
    data = pd.DataFrame.from_records(list(rows), columns=list(columns))
    for column in columns:
        if column in INTEGER_COLUMNS:
            data[column] = data[column].astype("Int64")
        elif column in FLOAT_COLUMNS:
            data[column] = data[column].astype("Float64")
        else:
            data[column] = data[column].astype("string")
    return data


def _meta(doc: Doc) -> str | None:
    meta = dict(doc.source.meta)
    return json.dumps(meta, ensure_ascii=False, sort_keys=True) if meta else None


def doc_rows(docs: Sequence[Doc]) -> dict[str, list[tuple[object, ...]]]:
    rows: dict[str, list[tuple[object, ...]]] = {name: [] for name in PER_DOC_TABLES}
    for doc in docs:
        source, text = doc.source, doc.text
        sentences, tokens = doc.need("sentences"), doc.need("tokens")
        rows["documents"].append((source.doc_id, source.source, source.title, source.date,
                                  len(sentences), len(tokens), source.status, source.error,
                                  text, len(text), _meta(doc)))
        for sent_id, sent in enumerate(sentences):
            rows["sentences"].append((source.doc_id, sent_id, sent.start, sent.stop,
                                      text[sent.start:sent.stop]))
        for token_id, (token, tag, lemma) in enumerate(
                zip(tokens, doc.need("tags"), doc.need("lemmas"), strict=True)):
            rows["tokens"].append((source.doc_id, token.sent, token_id, token.start,
                                   token.stop, token.text, lemma, tag.pos,
                                   tag.feats_text or None))
        for mention_id, (mention, normal) in enumerate(
                zip(doc.need("mentions"), doc.need("normals"), strict=True)):
            rows["mentions"].append((source.doc_id, mention_id, mention.sent, mention.start,
                                     mention.stop, text[mention.start:mention.stop],
                                     mention.type, normal.text, None, normal.first,
                                     normal.middle, normal.last))
    return rows


def doc_frames(docs: Sequence[Doc]) -> dict[str, pd.DataFrame]:
    return {name: frame(name, rows) for name, rows in doc_rows(docs).items()}


@dataclass
class Tables:
    """The output tables of one analysis, as pandas DataFrames."""

    documents: pd.DataFrame
    sentences: pd.DataFrame
    tokens: pd.DataFrame
    mentions: pd.DataFrame
    entities: pd.DataFrame
    roles: pd.DataFrame
    themes: pd.DataFrame
    corpus_themes: pd.DataFrame
    events: pd.DataFrame
    quotes: pd.DataFrame

    def items(self) -> list[tuple[str, pd.DataFrame]]:
        return [(field.name, getattr(self, field.name)) for field in fields(self)]

    def save(self, folder: str | Path, *, formats: Sequence[str] = ("parquet",)) -> list[Path]:
        """Write every table in each format; returns the paths written."""
        from .writers import write_tables

        return write_tables(self, Path(folder), formats=formats)

    @classmethod
    def empty(cls) -> Tables:
        return cls(**{name: frame(name, []) for name in TABLE_NAMES})
