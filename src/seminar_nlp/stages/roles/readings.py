"""Second readings of words the tagger gets wrong in role sentences, from the dictionary.

At the start of a sentence the tagger takes a capitalised position for an adjective or a
proper name in another case ("Модератором сессии выступила ..."): where every dictionary
reading of the word agrees, the rules trust the dictionary.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...vocab import is_head

if TYPE_CHECKING:
    from ..view import SentenceView


def instrumental(s: SentenceView, index: int) -> bool:
    """Whether a word is in the instrumental: by the tagger, or by every dictionary
    reading of it ("Модератором", which the tagger called a nominative name)."""
    if s.tags[index].feats.get("Case") == "Ins":
        return True
    parses = s.morph.parse(s.form(index).lower())
    return bool(parses) and all("ablt" in parse.tag.grammemes for parse in parses)


def capital_head(s: SentenceView, index: int) -> bool:
    """A capitalised position the tagger took for an adjective, which the dictionary reads
    only as a noun ("Модератором сессии ...", not "Учёный совет ...")."""
    if s.tags[index].pos != "ADJ" or not s.form(index)[:1].isupper():
        return False
    parses = s.morph.parse(s.form(index).lower())
    return bool(parses) and all(parse.tag.POS == "NOUN" for parse in parses) and \
        is_head(parses[0].normal_form)
