"""HTML pieces of the report: escaping, links, the summary, people, organisations, places.

Every function here returns a string of HTML in which all text taken from the
tables went through ``html.escape``. Links: an entity's row has the id
``e-<entity_id>``, a document ``doc-<position>``, a quote in the text
``q-<position>-<n>``. ``Context`` holds the lookups shared by the sections,
built once per report.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from typing import NamedTuple

import pandas as pd

from ..tables import Tables

TYPES = ("PER", "ORG", "LOC")
TYPE_NAMES = {"PER": "людей", "ORG": "организаций", "LOC": "мест"}
MAX_DOC_LINKS = 8
NBSP = "\u00a0"


def text(value: object) -> str:
    """A table cell as text: nulls (None, NA, NaN) become ""."""
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, float) and value != value:
        return ""
    return str(value)


def esc(value: object) -> str:
    return escape(text(value), quote=True)


def number(value: int) -> str:
    """``7815`` -> ``7 815`` with a no-break space, as Russian typography writes it."""
    return f"{value:,}".replace(",", NBSP)


def integer(value: object) -> int | None:
    return None if text(value) == "" else int(str(value))


class Span(NamedTuple):
    """A highlighted piece of a document: a mention (kind PER/ORG/LOC) or a quote."""

    start: int
    stop: int
    kind: str
    anchor: str  # entity_id of a mention, element id of a quote
    label: str


@dataclass
class Context:
    """Lookups shared by the report's sections."""

    tables: Tables
    doc_anchor: dict[str, str]
    doc_title: dict[str, str]
    entity_name: dict[str, str]
    entity_docs: dict[str, list[str]]

    @classmethod
    def build(cls, tables: Tables) -> Context:
        doc_ids = [text(doc_id) for doc_id in tables.documents["doc_id"]]
        events = tables.events.drop_duplicates("doc_id")
        titles = {text(row.doc_id): text(row.title) for row in events.itertuples()}
        for row in tables.documents.itertuples():
            if text(row.title):
                titles[text(row.doc_id)] = text(row.title)
        names = {text(row.entity_id): text(row.name) for row in tables.entities.itertuples()}
        docs: dict[str, list[str]] = defaultdict(list)
        pairs = tables.mentions[["entity_id", "doc_id"]].dropna().drop_duplicates()
        for entity_id, doc_id in pairs.itertuples(index=False):
            docs[str(entity_id)].append(str(doc_id))
        return cls(tables, {doc_id: f"doc-{i}" for i, doc_id in enumerate(doc_ids)}, titles,
                   names, dict(docs))

    def entity_link(self, entity_id: object, label: object) -> str:
        key = text(entity_id)
        if key not in self.entity_name:
            return esc(label)
        return f'<a href="#e-{esc(key)}">{esc(label)}</a>'

    def doc_link(self, doc_id: str) -> str:
        anchor = self.doc_anchor.get(doc_id)
        if anchor is None:
            return f'<span class="doclink">{esc(doc_id)}</span>'
        title = self.doc_title.get(doc_id, "")
        return (f'<a class="doclink" href="#{anchor}" title="{esc(title)}">'
                f"{esc(doc_id)}</a>")

    def doc_links(self, doc_ids: Iterable[str], limit: int = MAX_DOC_LINKS) -> str:
        unique = list(dict.fromkeys(doc_ids))
        links = "".join(self.doc_link(doc_id) for doc_id in unique[:limit])
        if len(unique) > limit:
            links += f'<span class="more">и ещё {len(unique) - limit}</span>'
        return links


def section(anchor: str, title: str, body: str, note: str = "") -> str:
    note_html = f'<p class="note">{note}</p>' if note else ""
    return f'<section id="{anchor}"><h2>{escape(title)}</h2>{note_html}{body}</section>'


def stat(key: str, label: str, value: int, detail: str = "") -> str:
    small = f"<small>{detail}</small>" if detail else ""
    return (f'<div class="stat" id="stat-{key}" data-value="{value}">'
            f"<b>{number(value)}</b><span>{escape(label)}</span>{small}</div>")


def summary(tables: Tables) -> str:
    statuses = tables.documents["status"].value_counts()
    by_type = tables.mentions["type"].value_counts()
    documents = (f"обработано {statuses.get('ok', 0)}, пустых {statuses.get('empty', 0)}, "
                 f"с ошибкой {statuses.get('error', 0)}")
    cards = [
        stat("documents", "документы", len(tables.documents), documents),
        stat("sentences", "предложения", len(tables.sentences)),
        stat("tokens", "токены", len(tables.tokens)),
        stat("mentions", "упоминания", len(tables.mentions)),
        *(stat(f"mentions-{kind}", f"упоминания {TYPE_NAMES[kind]} ({kind})",
               int(by_type.get(kind, 0))) for kind in TYPES),
        stat("entities", "сущности", len(tables.entities)),
        stat("roles", "роли", len(tables.roles)),
        stat("events", "события", len(tables.events)),
        stat("quotes", "цитаты", len(tables.quotes)),
        stat("themes", "темы корпуса", len(tables.corpus_themes)),
    ]
    return section("summary", "Сводка", f'<div class="stats">{"".join(cards)}</div>')


def filter_box(table_id: str, placeholder: str) -> str:
    return (f'<input class="filter" type="search" data-table="{table_id}" '
            f'placeholder="{escape(placeholder)}" aria-label="{escape(placeholder)}">')


def data_table(table_id: str, headers: Sequence[tuple[str, str]], rows: Sequence[str]) -> str:
    head = "".join(f'<th class="{kind}">{escape(label)}</th>' for label, kind in headers)
    body = "".join(rows) or f'<tr><td colspan="{len(headers)}" class="empty">нет данных</td></tr>'
    return (f'<div class="scroll"><table id="{table_id}"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></div>")


def roles_by_person(ctx: Context) -> dict[str, dict[tuple[str, str, str], list[str]]]:
    """person_id -> (role, org_id, org) -> doc_ids, in table order."""
    out: dict[str, dict[tuple[str, str, str], list[str]]] = defaultdict(dict)
    for row in ctx.tables.roles.itertuples():
        key = (text(row.role), text(row.org_id), text(row.org))
        out[text(row.person_id)].setdefault(key, []).append(text(row.doc_id))
    return out


def role_line(ctx: Context, role: str, org_id: str, org: str, doc_ids: list[str]) -> str:
    where = f", {ctx.entity_link(org_id, org)}" if org else ""
    return f'<span class="role">{esc(role)}{where} {ctx.doc_links(doc_ids, 3)}</span>'


def entity_rows(ctx: Context, kind: str) -> pd.DataFrame:
    entities = ctx.tables.entities
    chosen = entities[entities["type"] == kind]
    return chosen.sort_values(["n_mentions", "n_docs", "name"], ascending=[False, False, True],
                              kind="stable")


def people(ctx: Context) -> str:
    roles = roles_by_person(ctx)
    chosen = entity_rows(ctx, "PER")
    has_role = chosen["entity_id"].map(lambda entity_id: text(entity_id) in roles)
    chosen = chosen.assign(_role=has_role).sort_values("_role", ascending=False, kind="stable")
    rows = []
    for row in chosen.itertuples():
        entity_id = text(row.entity_id)
        lines = "".join(role_line(ctx, *key, doc_ids)
                        for key, doc_ids in roles.get(entity_id, {}).items())
        aliases = f'<div class="alias">{esc(row.aliases)}</div>' if text(row.aliases) else ""
        rows.append(f'<tr id="e-{esc(entity_id)}"><td><b>{esc(row.name)}</b>{aliases}</td>'
                    f"<td>{lines or '<span class=empty>—</span>'}</td>"
                    f'<td class="num">{esc(row.n_mentions)}</td>'
                    f"<td>{ctx.doc_links(ctx.entity_docs.get(entity_id, []))}</td></tr>")
    headers = [("Человек", ""), ("Должности и организации", ""), ("Упоминаний", "num"),
               ("Документы", "")]
    with_role = int(has_role.astype(bool).sum())  # an empty column sums to ""
    note = (f"Людей: {number(len(chosen))}, из них с должностью: {number(with_role)}. "
            "Сначала люди с должностями, затем по числу упоминаний.")
    body = filter_box("people-table", "Найти человека, должность, организацию…")
    return section("people", "Люди", body + data_table("people-table", headers, rows), note)


def org_people(ctx: Context) -> dict[str, list[str]]:
    """org_id -> links to the people who hold a role there."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for row in ctx.tables.roles.dropna(subset=["org_id"]).itertuples():
        person_id = text(row.person_id)
        out[text(row.org_id)].setdefault(person_id, ctx.entity_link(person_id, row.person))
    return {org_id: list(links.values()) for org_id, links in out.items()}


def organisations(ctx: Context, kind: str = "ORG") -> str:
    chosen = entity_rows(ctx, kind)
    staff = org_people(ctx) if kind == "ORG" else {}
    rows = []
    for row in chosen.itertuples():
        entity_id = text(row.entity_id)
        aliases = f'<div class="alias">{esc(row.aliases)}</div>' if text(row.aliases) else ""
        person_cell = f"<td>{', '.join(staff.get(entity_id, []))}</td>" if kind == "ORG" else ""
        rows.append(f'<tr id="e-{esc(entity_id)}"><td><b>{esc(row.name)}</b>{aliases}</td>'
                    f'<td class="num">{esc(row.n_mentions)}</td>'
                    f'<td class="num">{esc(row.n_docs)}</td>{person_cell}'
                    f"<td>{ctx.doc_links(ctx.entity_docs.get(entity_id, []))}</td></tr>")
    title, anchor = ("Организации", "orgs") if kind == "ORG" else ("Места", "places")
    headers = [("Организация" if kind == "ORG" else "Место", ""), ("Упоминаний", "num"),
               ("Документов", "num")]
    if kind == "ORG":
        headers.append(("Люди с должностями", ""))
    headers.append(("Документы", ""))
    table_id = f"{anchor}-table"
    note = f"Сущностей типа {kind}: {number(len(chosen))}, по числу упоминаний."
    body = filter_box(table_id, "Найти…") + data_table(table_id, headers, rows)
    return section(anchor, title, body, note)


def highlight(body: str, spans: Sequence[Span]) -> str:
    """The text with quotes (outer) and mentions (nested inside) marked.

    A mention inside another ("Республики Карелия" in "Министерство образования
    Республики Карелия") is nested in it; one that crosses a boundary stays plain.
    """
    quotes = sorted((span for span in spans if span.kind == "quote"), key=lambda s: s.start)
    mentions = sorted((span for span in spans if span.kind != "quote"),
                      key=lambda s: (s.start, -s.stop))
    out: list[str] = []
    cursor, index = 0, 0
    for quote in quotes:
        if quote.start < cursor or quote.stop > len(body) or quote.start >= quote.stop:
            continue
        index = marked(body, cursor, quote.start, mentions, index, out)
        out.append(f'<span class="q" id="{esc(quote.anchor)}">')
        index = marked(body, quote.start, quote.stop, mentions, index, out)
        out.append("</span>")
        cursor = quote.stop
    marked(body, cursor, len(body), mentions, index, out)
    return "".join(out)


def open_tag(span: Span, nested: bool) -> tuple[str, str]:
    """An outer mention is a link; a nested one a span whose ``data-e`` the script follows."""
    title = esc(f"{span.label} · {span.kind}")
    kind = esc(span.kind)
    if not span.anchor:
        return f'<span class="m {kind}" title="{title}">', "</span>"
    if nested:
        return f'<span class="m {kind}" data-e="{esc(span.anchor)}" title="{title}">', "</span>"
    return f'<a class="m {kind}" href="#e-{esc(span.anchor)}" title="{title}">', "</a>"


def marked(body: str, low: int, high: int, mentions: Sequence[Span], index: int,
           out: list[str], nested: bool = False) -> int:
    """Append body[low:high] with the mentions inside it; return the next mention's index."""
    cursor = low
    while index < len(mentions) and mentions[index].start < high:
        span = mentions[index]
        index += 1
        if span.start < cursor or span.stop > high or span.start >= span.stop:
            continue
        out.append(escape(body[cursor:span.start], quote=False))
        opening, closing = open_tag(span, nested)
        out.append(opening)
        index = marked(body, span.start, span.stop, mentions, index, out, nested=True)
        out.append(closing)
        cursor = span.stop
    out.append(escape(body[cursor:high], quote=False))
    return index
