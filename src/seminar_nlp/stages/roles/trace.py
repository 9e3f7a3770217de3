"""Why each row of the roles table came out: the rule that linked its person to the position
(``persons.py``), or the verb of leading or the reference back that made it; the rule that
found its organisation (``orgs.py``, ``ORG_RULES``); and the roles the finder made and then
left out (an honour after a post of the same person, a role the document had stated
already).
``seminar-nlp explain FILE`` prints it, as razdel's DebugSegmenter shows its splits."""

from __future__ import annotations

from collections.abc import Sequence

from ...normal.forms import Normalizer
from ...records import Doc, Role
from ...resources import Resources
from ..view import SentenceView, make_view
from .finder import RoleFinder
from .orgs import org_rule_at


def made_roles(doc: Doc, resources: Resources) -> list[tuple[Role, str]]:
    """Every role the finder makes of an analysed document, with the rule that made it."""
    made: list[tuple[Role, str]] = []
    RoleFinder(Normalizer(resources.morph), trace=made)(doc)
    return made


def person_name(doc: Doc, role: Role) -> str:
    normals = doc.normals or ()
    if role.person < len(normals):
        return normals[role.person].text
    mention = doc.need("mentions")[role.person]
    return doc.text[mention.start:mention.stop]


def row(doc: Doc, role: Role) -> str:
    org = role.org or (f"({role.org_implied}, implied)" if role.org_implied else "-")
    return f"{person_name(doc, role)} | {role.role} | {org}"


def trace(doc: Doc, resources: Resources) -> str:
    """The roles of ``doc`` (analysed by the default pipeline), each with its rule."""
    made = made_roles(doc, resources)
    rule_of = {(role.person, role.role_start): rule for role, rule in made}
    kept = list(doc.roles or ())
    lines = [f"roles: {len(kept)} row{'' if len(kept) == 1 else 's'}"]
    for role in kept:
        rule = rule_of.get((role.person, role.role_start), "?")
        org = org_rule(doc, role, resources)
        lines.append(f"  {row(doc, role)}    <- {rule}{org}; said at {role.role_start}")
    dropped = dropped_roles(made, kept)
    if dropped:
        lines.append(f"made, then left out ({len(dropped)}): an honour after a post, a role "
                     "stated already")
        lines.extend(f"  {row(doc, role)}    <- {rule}" for role, rule in dropped)
    return "\n".join(lines)


def org_rule(doc: Doc, role: Role, resources: Resources) -> str:
    """"; org: RULE" for a stated organisation an ``ORG_RULES`` rule finds where it starts
    (or at the preposition before it), "; org: other" for one found otherwise (a place's
    adjective, brackets, a body the position names), "" for none."""
    if role.org_start is None:
        return ""
    view = make_view(doc)
    at = view.token_at(role.org_start)
    s = SentenceView(view, view.sentence_start(at), view.sentence_stop(at), resources.morph,
                     [mention.token_start for mention in doc.need("mentions")])
    for index in (at, at - 1):
        found = org_rule_at(s, index) if index >= s.first else None
        if found is not None and found[1][0] == at:
            return f"; org: {found[0]}"
    return "; org: other"


def dropped_roles(made: Sequence[tuple[Role, str]], kept: Sequence[Role]
                  ) -> list[tuple[Role, str]]:
    keys = {(role.person, role.role_start) for role in kept}
    return [(role, rule) for role, rule in made if (role.person, role.role_start) not in keys]
