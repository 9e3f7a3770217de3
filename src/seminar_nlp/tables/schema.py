"""The tables' contract: each table's columns in order and their dtypes, in one place.

The columns follow the public contract (docs/tables.md). Every table that the package builds,
reads back or writes has these columns in this order: ``frame`` makes one from rows,
``conform`` brings one read from a file (Parquet, CSV, a workbook, a database) to them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

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
              "org_stop", "person_mention_id", "org_mention_id", "org_implied"),
    "themes": ("doc_id", "rank", "theme", "score", "lemmas"),
    "corpus_themes": ("theme", "n_docs", "score"),
    "corpus_topics": ("topic_id", "label", "n_docs", "phrases", "doc_ids"),
    "events": ("doc_id", "event_type", "title", "date", "date_end", "place", "organizers",
               "partners"),
    "quotes": ("doc_id", "speaker_id", "speaker", "start", "stop", "text",
               "speaker_mention_id", "kind", "speaker_mention"),
}
TABLE_NAMES = tuple(COLUMNS)
INTEGER_COLUMNS = frozenset({"n_sentences", "n_tokens", "n_chars", "sent_id", "token_id",
                             "mention_id", "start", "stop", "n_docs", "n_mentions", "rank",
                             "person_start", "person_stop", "role_start", "role_stop",
                             "org_start", "org_stop", "person_mention_id", "org_mention_id",
                             "speaker_mention_id"})
FLOAT_COLUMNS = frozenset({"score"})
PER_DOC_TABLES = ("documents", "sentences", "tokens", "mentions", "roles", "events", "quotes",
                  "themes")


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


def contract_dtype(column: str) -> Any:
    """The dtype a column has in every table: nullable integers, floats or strings."""
    kind = ("Int64" if column in INTEGER_COLUMNS else "Float64" if column in FLOAT_COLUMNS
            else "string")
    return pd.api.types.pandas_dtype(kind)


def conform(name: str, data: pd.DataFrame, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """The contract columns of table ``name`` (or ``columns`` of them) in order, with their
    dtypes; a missing column is all nulls, text read as numbers (CSV) is parsed, and columns
    already of their dtype are taken as they are."""
    out = {}
    for column in columns or COLUMNS[name]:
        dtype = contract_dtype(column)
        if column not in data.columns:
            out[column] = pd.Series(None, index=data.index, dtype="object").astype(dtype)
        elif data[column].dtype == dtype:
            out[column] = data[column]
        elif dtype != "string" and not pd.api.types.is_numeric_dtype(data[column]):
            out[column] = pd.to_numeric(data[column], errors="coerce").astype(dtype)
        else:
            out[column] = data[column].astype(dtype)
    return pd.DataFrame(out, index=data.index)
