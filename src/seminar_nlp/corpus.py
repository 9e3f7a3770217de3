"""Corpus-level work: one ``entities`` row per resolved entity.

This first resolver groups mentions of one type whose normal forms are the
same once case and ё/е are folded. It reads only the ``mentions`` table, so it
runs the same on tables held in memory or read back from written parts.
"""

from __future__ import annotations

import pandas as pd

from .tables import frame

NAME_PARTS = ("first", "middle", "last")


def fold(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


def resolve(mentions: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (mentions with entity_id, entities)."""
    if mentions.empty:
        return mentions, frame("entities", [])
    keys = mentions["type"].astype(str) + "\t" + mentions["normal"].fillna("").map(fold)
    order = pd.unique(keys)
    ids = {key: f"E{number:05d}" for number, key in enumerate(order, 1)}
    mentions = mentions.assign(entity_id=keys.map(ids).astype("string"))
    rows = []
    for key, group in mentions.groupby(keys, sort=False):
        names = group["normal"].value_counts(sort=True)
        name = names.index[0]
        aliases = sorted(set(group["normal"].dropna()) - {name})
        best = group[group["normal"] == name].iloc[0]
        parts = [best[part] if pd.notna(best[part]) else None for part in NAME_PARTS]
        if best["type"] != "PER":
            parts = [None, None, None]
        rows.append((ids[str(key)], best["type"], name, "; ".join(aliases) or None,
                     group["doc_id"].nunique(), len(group), *parts))
    entities = frame("entities", rows)
    entities = entities.sort_values("entity_id", kind="stable").reset_index(drop=True)
    return mentions, entities
