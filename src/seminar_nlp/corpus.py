"""Corpus-level work: one ``entities`` row per resolved entity.

This first resolver groups mentions of one type whose normal forms are the
same once case and ё/е are folded. It reads only the ``mentions`` table, so it
runs the same on tables held in memory or read back from written parts. The
entity's name is its most frequent normal form (the earliest on a tie); the
other forms are its aliases.
"""

from __future__ import annotations

import pandas as pd

from .tables import frame

NAME_PARTS = ("first", "middle", "last")


def fold(values: pd.Series) -> pd.Series:
    folded = values.fillna("").str.lower().str.replace("ё", "е", regex=False)
    return folded.str.replace(r"\s+", " ", regex=True).str.strip()


def resolve(mentions: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (mentions with entity_id, entities)."""
    if mentions.empty:
        return mentions, frame("entities", [])
    keys = mentions["type"].astype(str) + "\t" + fold(mentions["normal"])
    codes, _ = pd.factorize(keys)
    ids = pd.Series([f"E{code + 1:05d}" for code in codes], index=mentions.index,
                    dtype="string")
    mentions = mentions.assign(entity_id=ids)
    data = mentions.assign(key=codes, order=range(len(mentions)))
    forms = (data.groupby(["key", "normal"], sort=False)
             .agg(n=("order", "size"), order=("order", "min")).reset_index()
             .sort_values(["key", "n", "order"], ascending=[True, False, True]))
    names = forms.drop_duplicates("key").set_index("key")
    aliases = (forms[~forms["order"].isin(names["order"])].sort_values(["key", "normal"])
               .groupby("key")["normal"].agg("; ".join))
    best = data.set_index("order").loc[names["order"]].set_index("key")
    per_key = data.groupby("key").agg(n_docs=("doc_id", "nunique"), n_mentions=("order", "size"))
    entities = pd.DataFrame({
        "entity_id": [f"E{key + 1:05d}" for key in names.index],
        "type": best["type"].to_numpy(),
        "name": names["normal"].to_numpy(),
        "aliases": aliases.reindex(names.index).to_numpy(),
        "n_docs": per_key.loc[names.index, "n_docs"].to_numpy(),
        "n_mentions": per_key.loc[names.index, "n_mentions"].to_numpy(),
    })
    for part in NAME_PARTS:
        entities[part] = best[part].where(best["type"] == "PER").to_numpy()
    entities = frame("entities", entities.itertuples(index=False, name=None))
    return mentions, entities.sort_values("entity_id", kind="stable").reset_index(drop=True)


def link_entities(tables: dict[str, pd.DataFrame]) -> None:
    """Fill the entity ids (and the people's canonical names) of roles and quotes."""
    mentions, entities = tables["mentions"], tables["entities"]
    ids = mentions.set_index(["doc_id", "mention_id"])["entity_id"]
    names = entities.set_index("entity_id")["name"]

    def entity(data: pd.DataFrame, column: str) -> pd.Series:
        keys = pd.MultiIndex.from_arrays([data["doc_id"], data[column]])
        return pd.Series(ids.reindex(keys).to_numpy(), index=data.index, dtype="string")

    roles = tables["roles"]
    if not roles.empty:
        roles["person_id"] = entity(roles, "person_mention_id")
        roles["person"] = names.reindex(roles["person_id"]).to_numpy()
        roles["org_id"] = entity(roles, "org_mention_id")
    quotes = tables["quotes"]
    if not quotes.empty:
        quotes["speaker_id"] = entity(quotes, "speaker_mention_id")
        quotes["speaker"] = names.reindex(quotes["speaker_id"]).to_numpy()
