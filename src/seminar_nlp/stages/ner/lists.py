"""A body's name that lists its fields across commas, which the news model ends at the first.

A ministry, committee or department is named by the fields it governs, listed with commas up
to an "и": "Министерство по делам молодёжи, физической культуры и спорта", "Комитет по
образованию, науке и молодёжной политике", "Министерство природных ресурсов, лесного
хозяйства и экологии". The model stops at the first comma; the name then runs on over the
lower-case words of the fields' case, up to the "и" and the words after it (the place after
that, "Республики Алтай", is joined as any genitive name is, ``join_chains``). A list of
other bodies is not a list of fields: "Министерства обороны, полиции и прокуратуры" stays as
it is (any word of the list an organisation noun of ``lexicons/org_heads.txt``, or a body
of ``place_bodies.txt`` or a name of ``org_names.txt``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from ...records import Mention, Sentence, Tag, Token
from ...vocab import org_heads
from .orgs import word_list

BODIES = frozenset({"министерство", "комитет", "департамент", "управление", "агентство",
                    "служба", "комиссия"})
FIELD_CASES = frozenset({"Gen", "Dat"})


@cache
def bodies() -> frozenset[str]:
    """Words that name an organisation of their own ("полиции", "прокуратуры")."""
    return org_heads() | word_list("place_bodies.txt") | word_list("org_names.txt")


def field_word(tokens: Sequence[Token], tags: Sequence[Tag], lemmas: Sequence[str],
               index: int, stop: int, case: str | None) -> bool:
    """A lower-case noun or adjective of the case, no organisation noun."""
    return index < stop and tokens[index].form[:1].islower() and \
        tags[index].pos in ("NOUN", "ADJ") and tags[index].feats.get("Case") == case and \
        lemmas[index].lower() not in bodies()


def listed_end(mention: Mention, tokens: Sequence[Token], tags: Sequence[Tag],
               lemmas: Sequence[str], stop: int) -> int | None:
    """Where the fields a body's name lists after its first comma end, if they do."""
    last = mention.token_stop - 1
    case = tags[last].feats.get("Case")
    if mention.type != "ORG" or case not in FIELD_CASES or \
            not tokens[last].form[:1].islower() or \
            BODIES.isdisjoint(lemma.lower() for lemma in lemmas[mention.token_start:last]):
        return None
    index = mention.token_stop
    if index >= stop or tokens[index].form != ",":
        return None

    def field(at: int) -> bool:
        return field_word(tokens, tags, lemmas, at, stop, case)

    while field(index) or index < stop and tokens[index].form == "," and field(index + 1):
        index += 1
    if index >= stop or tokens[index].form != "и" or not field(index + 1):
        return None
    index += 1
    while field(index):
        index += 1
    return index


def with_fields(mentions: Sequence[Mention], tokens: Sequence[Token], tags: Sequence[Tag],
                lemmas: Sequence[str], sentences: Sequence[Sentence]) -> list[Mention]:
    """The mentions, a body's name run on over the fields it lists (when no other mention
    starts among them)."""
    starts = sorted(mention.token_start for mention in mentions)
    out = []
    for mention in mentions:
        end = listed_end(mention, tokens, tags, lemmas, sentences[mention.sent].token_stop)
        if end is not None and not any(mention.token_stop <= start < end for start in starts):
            mention = replace(mention, stop=tokens[end - 1].stop, token_stop=end)
        out.append(mention)
    return out
