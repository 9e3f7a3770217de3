"""Records to pandas DataFrames: the only module that builds tables from documents.

Columns and dtypes come from ``schema.py``. Ids: ``sent_id``, ``token_id`` and
``mention_id`` count from 0 within a document; ``entity_id`` is ``E`` plus a number given in
order of first mention across the corpus.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

import pandas as pd

from ..records import Doc
from .schema import PER_DOC_TABLES, frame


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
                     role.org_start, role.org_stop, role.person, role.org_mention,
                     role.org_implied))
    return rows


def event_rows(doc: Doc) -> list[tuple[object, ...]]:
    return [(doc.source.doc_id, event.event_type, event.title, event.date, event.date_end,
             event.place, "; ".join(event.organizers) or None, "; ".join(event.partners) or None)
            for event in doc.events or ()]


def quote_rows(doc: Doc) -> list[tuple[object, ...]]:
    if doc.quotes is None:
        return []
    normals, mentions = doc.need("normals"), doc.need("mentions")
    rows: list[tuple[object, ...]] = []
    for quote in doc.quotes:
        said = None if quote.speaker is None else mentions[quote.speaker]
        rows.append((doc.source.doc_id, None, None if quote.speaker is None else
                     normals[quote.speaker].text, quote.start, quote.stop,
                     doc.text[quote.start:quote.stop], quote.speaker, quote.kind,
                     None if said is None else doc.text[said.start:said.stop]))
    return rows


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
