"""Corpus-level work: one ``entities`` row per resolved entity, and the links to it.

``keys.py`` decides which mentions are one entity; this module numbers the
entities in order of first mention and names them: a person by the fullest
form seen (first name, patronymic, surname), an organisation by its most
frequent full form (an acronym or a short name paired with a full one only when
no full form is known), a place by
its most frequent normal form. It reads only the ``mentions`` table, so it
runs the same on tables held in memory or read back from written parts.
"""

from __future__ import annotations

import pandas as pd

from ..tables.build import frame
from ..vocab import fold_spaces
from .keys import display_name, entity_keys, is_acronym, stated_pairs

NAME_PARTS = ("first", "middle", "last")


def name_rank(data: pd.DataFrame) -> pd.Series:
    """Higher for better names: for people more name parts, and a full first name or
    patronymic over an initial ("Евгений Шляхто" over "Е. В. Шляхто"); full names for
    organisations."""
    first, middle, last = (part_rank(data[part], full)
                           for part, full in zip(NAME_PARTS, (3, 2, 2), strict=True))
    parts = first + middle + last
    normals = data["normal"].fillna("")
    # A short name the text pairs with a full one ("... (Росмолодёжь)") names it no better
    # than an acronym does.
    shorts = stated_pairs(normals)
    short_org = normals.map(lambda normal: is_acronym(normal) or fold_spaces(normal) in shorts
                            ).astype(int)
    per = data["type"] == "PER"
    return parts.where(per, -short_org)


def part_rank(values: pd.Series, full: int) -> pd.Series:
    """``full`` for a name part written out, 1 for an initial ("Е."), 0 for none."""
    text = values.fillna("").astype(str).str.rstrip(".")
    return text.str.len().gt(1).astype(int) * (full - 1) + text.str.len().gt(0).astype(int)


def resolve(mentions: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (mentions with entity_id, entities)."""
    if mentions.empty:
        return mentions, frame("entities", [])
    codes, _ = pd.factorize(entity_keys(mentions))
    ids = pd.Series([f"E{code + 1:05d}" for code in codes], index=mentions.index,
                    dtype="string")
    mentions = mentions.assign(entity_id=ids)
    names = mentions["normal"].fillna("").astype(str)
    names = names.where(mentions["type"] != "ORG", names.map(display_name))
    data = mentions.assign(key=codes, order=range(len(mentions)), name=names,
                           rank=name_rank(mentions))
    forms = (data.groupby(["key", "name"], sort=False)
             .agg(rank=("rank", "max"), n=("order", "size"), order=("order", "min"))
             .reset_index()
             .sort_values(["key", "rank", "n", "order"], ascending=[True, False, False, True]))
    best_forms = forms.drop_duplicates("key").set_index("key")
    aliases = (data[["key", "normal"]].drop_duplicates()
               .merge(best_forms[["name"]], left_on="key", right_index=True)
               .query("normal != name").sort_values(["key", "normal"])
               .groupby("key")["normal"].agg("; ".join))
    best = (data.sort_values(["rank", "order"], ascending=[False, True])
            .merge(best_forms[["name"]], left_on=["key", "name"], right_on=["key", "name"])
            .drop_duplicates("key").set_index("key").loc[best_forms.index])
    per_key = data.groupby("key").agg(n_docs=("doc_id", "nunique"), n_mentions=("order", "size"))
    entities = pd.DataFrame({
        "entity_id": [f"E{key + 1:05d}" for key in best_forms.index],
        "type": best["type"].to_numpy(),
        "name": best_forms["name"].to_numpy(),
        "aliases": aliases.reindex(best_forms.index).to_numpy(),
        "n_docs": per_key.loc[best_forms.index, "n_docs"].to_numpy(),
        "n_mentions": per_key.loc[best_forms.index, "n_mentions"].to_numpy(),
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
        roles["person"] = pd.Series(names.reindex(roles["person_id"]).to_numpy(),
                                    index=roles.index, dtype="string")
        roles["org_id"] = entity(roles, "org_mention_id")
    quotes = tables["quotes"]
    if not quotes.empty:
        quotes["speaker_id"] = entity(quotes, "speaker_mention_id")
        quotes["speaker"] = pd.Series(names.reindex(quotes["speaker_id"]).to_numpy(),
                                      index=quotes.index, dtype="string")
