"""Honours, ranks and academic titles beside a post: "главный судья соревнований, судья
всероссийской категории Андрей Кваша" holds one position, the post; "член-корреспондент
РАН", "заслуженный артист России" beside "директор института" are no rows of their own
(the golden files' convention: a title is a position only when it is the only one).
The list is data: ``lexicons/honours.txt``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from ...records import Role
from ...resources import read_lexicon
from ...vocab import fold


@cache
def honours() -> tuple[frozenset[str], tuple[str, ...]]:
    """Whole roles, and the beginnings (the entries ending in "*") of roles, that honour."""
    entries = read_lexicon("honours.txt")
    return (frozenset(entry for entry in entries if not entry.endswith("*")),
            tuple(entry[:-1] for entry in entries if entry.endswith("*")))


def honour(role: Role) -> bool:
    whole, starts = honours()
    text = fold(role.role)
    return text in whole or any(text == start or text.startswith(start + " ")
                                for start in starts)


def without_honours(roles: Sequence[Role]) -> tuple[Role, ...]:
    """The roles without the honours that follow a post of the same person mention, as
    reports list them ("директор института, член-корреспондент РАН В. Долгих"; an honour
    before an occupation stays: "академик Фёдор Ершов, литературовед")."""
    posts = [role for role in roles if not honour(role)]
    return tuple(role for role in roles if not honour(role) or not any(
        post.person == role.person and post.role_start < role.role_start for post in posts))
