"""From parts to the final tables: the corpus-level work, read back from the written parts.

``resolve_corpus`` reads only the columns of ``mentions`` that entity
resolution needs, resolves the entities across the corpus, and keeps just
the entity id of each mention (in part order) and the ``entities`` table.
``streams`` gives every final table as a sequence of chunks, a batch or a
few at a time, each finished on its own (entity ids filled in, roles and
quotes linked), so writing the tables never holds more than a few batches of
a table in memory. ``tables`` builds the same tables in memory for the API.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..corpus.entities import link_entities, resolve
from ..tables import Tables
from ..tables.schema import PER_DOC_TABLES, TABLE_NAMES, conform, frame
from ..tables.write import Chunk, Stream
from .parts import PartStore

# What corpus.entities reads of the mentions table; the text stays on disk (the offsets
# say which acronym follows the name it spells).
RESOLVE_COLUMNS = ("doc_id", "mention_id", "sent_id", "start", "stop", "type", "normal",
                   "first", "middle", "last")
LINKED = ("mentions", "roles", "quotes")  # tables with columns that need the whole corpus
GROUP = 16  # batches per chunk of a linked table
TYPES = ("PER", "ORG", "LOC")
CORPUS = ("entities", "corpus_themes", "corpus_topics")  # tables of the corpus-level work


@dataclass(frozen=True)
class Corpus:
    """The corpus-level results: entities, each mention's entity id, corpus themes and
    topics."""

    numbers: tuple[int, ...]  # batch numbers, in order
    offsets: tuple[int, ...]  # first row of each batch's mentions in ``entity_ids``
    entity_ids: pd.Series
    entities: pd.DataFrame
    corpus_themes: pd.DataFrame
    corpus_topics: pd.DataFrame
    mention_types: dict[str, int] = field(default_factory=dict)

    def names(self) -> pd.Series:
        return self.entities.set_index("entity_id")["name"]


def corpus_theme_tables(themes: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Themes across the corpus (``seminar_nlp.corpus.themes``) and the topics they make
    (``seminar_nlp.corpus.topics``), in the contract columns."""
    empty = frame("corpus_themes", []), frame("corpus_topics", [])
    if themes.empty:
        return empty
    try:
        from ..corpus.themes import corpus_themes
        from ..corpus.topics import corpus_topics
    except ImportError:
        return empty
    grouped = corpus_themes(themes).reset_index(drop=True)
    return (conform("corpus_themes", grouped),
            conform("corpus_topics", corpus_topics(grouped).reset_index(drop=True)))


def read_mentions(store: PartStore, numbers: Sequence[int]) -> pd.DataFrame:
    return store.read_all(numbers, "mentions", RESOLVE_COLUMNS)


def resolve_corpus(store: PartStore, numbers: Sequence[int]) -> Corpus:
    """Resolve the entities of the whole corpus from the written parts."""
    mentions = read_mentions(store, numbers)
    try:
        resolved, entities = resolve(mentions)
    except KeyError:  # resolve came to need more columns: read them all
        mentions = store.read_all(numbers, "mentions")
        resolved, entities = resolve(mentions)
    ids = (resolved["entity_id"].reset_index(drop=True) if "entity_id" in resolved
           else pd.Series([], dtype="string"))
    types = mentions["type"].value_counts()
    counts = {kind: int(types.get(kind, 0)) for kind in TYPES}
    del mentions, resolved
    offsets, total = [], 0
    for number in numbers:
        offsets.append(total)
        total += store.num_rows(number, "mentions")
    themes = store.read_all(numbers, "themes")
    return Corpus(tuple(numbers), tuple(offsets), ids, entities, *corpus_theme_tables(themes),
                  counts)


def group_ids(corpus: Corpus, first: int, stop: int) -> pd.Series:
    """The entity ids of the mentions of batches ``first`` to ``stop`` (exclusive, indices)."""
    begin = corpus.offsets[first]
    end = corpus.offsets[stop] if stop < len(corpus.offsets) else len(corpus.entity_ids)
    return corpus.entity_ids.iloc[begin:end].reset_index(drop=True)


def with_entity_ids(table: Any, ids: pd.Series) -> Any:
    """The Arrow ``mentions`` with its ``entity_id`` column set."""
    import pyarrow as pa

    if table.num_rows == 0:
        return table
    position = table.schema.get_field_index("entity_id")
    values = pa.array(ids, from_pandas=True).cast(table.schema.field(position).type)
    return table.set_column(position, table.schema.field(position), values)


def linked_group(store: PartStore, corpus: Corpus, names: pd.Series, first: int, stop: int,
                 name: str) -> Chunk:
    """Batches ``first`` to ``stop`` of a linked table (``LINKED``), finished."""
    numbers = corpus.numbers[first:stop]
    ids = group_ids(corpus, first, stop)
    if name == "mentions":
        return with_entity_ids(store.read_all_arrow(numbers, name), ids)
    part = store.read_all(numbers, name)
    if part.empty:
        return part
    mentions = store.read_all(numbers, "mentions", ("doc_id", "mention_id"))
    mentions["entity_id"] = ids.to_numpy()
    used = pd.unique(mentions["entity_id"].dropna())
    entities = pd.DataFrame({"entity_id": used, "name": names.reindex(used).to_numpy()})
    other = "quotes" if name == "roles" else "roles"
    linked = {"mentions": mentions, "entities": entities, name: part, other: frame(other, [])}
    link_entities(linked)
    return conform(name, linked[name])


def streams(store: PartStore, numbers: Sequence[int],
            corpus: Callable[[], Corpus]) -> dict[str, Stream]:
    """Every final table as a re-iterable stream of chunks (at least one chunk each).

    Tables with nothing corpus-level in them pass through part by part as Arrow
    tables, without waiting for ``corpus()``; the linked tables come in groups
    of ``GROUP`` batches, so that the per-chunk work stays small beside the rows.
    """
    def passing(name: str) -> Stream:
        def chunks() -> Iterator[Chunk]:
            if not numbers:
                yield frame(name, [])
            for number in numbers:
                yield store.read_arrow(number, name)
        return chunks

    def linked(name: str) -> Stream:
        def chunks() -> Iterator[Chunk]:
            done = corpus()
            names = done.names()
            if not numbers:
                yield frame(name, [])
            for first in range(0, len(numbers), GROUP):
                yield linked_group(store, done, names, first, min(first + GROUP, len(numbers)),
                                   name)
        return chunks

    out: dict[str, Stream] = {}
    # The tables that need no corpus-level work come first: they are written while
    # the entities are resolved.
    for name in sorted(TABLE_NAMES, key=lambda name: name in LINKED or name in CORPUS):
        if name == "entities":
            out[name] = lambda: iter([corpus().entities])
        elif name == "corpus_themes":
            out[name] = lambda: iter([corpus().corpus_themes])
        elif name == "corpus_topics":
            out[name] = lambda: iter([corpus().corpus_topics])
        else:
            out[name] = linked(name) if name in LINKED else passing(name)
    return out


def tables(store: PartStore, numbers: Sequence[int]) -> Tables:
    """All the tables in memory, built as ``analyze`` always built them."""
    data = {name: store.read_all(numbers, name) for name in PER_DOC_TABLES}
    data["mentions"], data["entities"] = resolve(data["mentions"])
    link_entities(data)
    for name in ("roles", "quotes"):  # linked names in the contract dtype, as in the files
        data[name] = conform(name, data[name])
    data["corpus_themes"], data["corpus_topics"] = corpus_theme_tables(data["themes"])
    for name in TABLE_NAMES:
        data.setdefault(name, frame(name, []))
    return Tables(**data)
