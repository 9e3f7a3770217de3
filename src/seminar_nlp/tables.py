"""Records to pandas DataFrames: the only module that builds tables.

Column order is fixed by the constants below, which follow the public contract
(docs/tables.md). Ids: ``sent_id``, ``token_id`` and ``mention_id`` count from
0 within a document; ``entity_id`` is ``E`` plus a number given in order of
first mention across the corpus.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
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
              "org_stop", "person_mention_id", "org_mention_id"),
    "themes": ("doc_id", "rank", "theme", "score", "lemmas"),
    "corpus_themes": ("theme", "n_docs", "score"),
    "events": ("doc_id", "event_type", "title", "date", "date_end", "place", "organizers",
               "partners"),
    "quotes": ("doc_id", "speaker_id", "speaker", "start", "stop", "text",
               "speaker_mention_id"),
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


def _meta(doc: Doc) -> str | None:
    meta = dict(doc.source.meta)
    return json.dumps(meta, ensure_ascii=False, sort_keys=True) if meta else None


def doc_rows(docs: Sequence[Doc]) -> dict[str, list[tuple[object, ...]]]:
    rows: dict[str, list[tuple[object, ...]]] = {name: [] for name in PER_DOC_TABLES}
    for doc in docs:
        for name, make in ROWS.items():
            rows[name].extend(make(doc))
    return rows


def document_rows(doc: Doc) -> list[tuple[object, ...]]:
    source, text = doc.source, doc.text
    return [(source.doc_id, source.source, source.title, source.date,
             len(doc.need("sentences")), len(doc.need("tokens")), source.status, source.error,
             text, len(text), _meta(doc))]


def sentence_rows(doc: Doc) -> list[tuple[object, ...]]:
    return [(doc.source.doc_id, sent_id, sent.start, sent.stop, doc.text[sent.start:sent.stop])
            for sent_id, sent in enumerate(doc.need("sentences"))]


def token_rows(doc: Doc) -> list[tuple[object, ...]]:
    layers = zip(doc.need("tokens"), doc.need("tags"), doc.need("lemmas"), strict=True)
    return [(doc.source.doc_id, token.sent, token_id, token.start, token.stop, token.text, lemma,
             tag.pos, tag.feats_text or None)
            for token_id, (token, tag, lemma) in enumerate(layers)]


def mention_rows(doc: Doc) -> list[tuple[object, ...]]:
    layers = zip(doc.need("mentions"), doc.need("normals"), strict=True)
    return [(doc.source.doc_id, mention_id, mention.sent, mention.start, mention.stop,
             doc.text[mention.start:mention.stop], mention.type, normal.text, None, normal.first,
             normal.middle, normal.last)
            for mention_id, (mention, normal) in enumerate(layers)]


def role_rows(doc: Doc) -> list[tuple[object, ...]]:
    if doc.roles is None:
        return []
    mentions, normals = doc.need("mentions"), doc.need("normals")
    rows: list[tuple[object, ...]] = []
    for role in doc.roles:
        person = mentions[role.person]
        rows.append((doc.source.doc_id, person.sent, None, normals[role.person].text, role.role,
                     None, role.org, person.start, person.stop, role.role_start, role.role_stop,
                     role.org_start, role.org_stop, role.person, role.org_mention))
    return rows


def event_rows(doc: Doc) -> list[tuple[object, ...]]:
    return [(doc.source.doc_id, event.event_type, event.title, event.date, event.date_end,
             event.place, "; ".join(event.organizers) or None, "; ".join(event.partners) or None)
            for event in doc.events or ()]


def quote_rows(doc: Doc) -> list[tuple[object, ...]]:
    if doc.quotes is None:
        return []
    normals = doc.need("normals")
    return [(doc.source.doc_id, None, None if quote.speaker is None else
             normals[quote.speaker].text, quote.start, quote.stop,
             doc.text[quote.start:quote.stop], quote.speaker)
            for quote in doc.quotes]


def theme_rows(doc: Doc) -> list[tuple[object, ...]]:
    return [(doc.source.doc_id, rank, theme.theme, theme.score, " ".join(theme.lemmas) or None)
            for rank, theme in enumerate(doc.themes or (), 1)]


ROWS: dict[str, Callable[[Doc], list[tuple[object, ...]]]] = {
    "documents": document_rows, "sentences": sentence_rows, "tokens": token_rows,
    "mentions": mention_rows, "roles": role_rows, "events": event_rows, "quotes": quote_rows,
    "themes": theme_rows,
}


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
