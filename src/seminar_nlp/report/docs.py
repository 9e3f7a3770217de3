"""The report's documents section: each text with its entities highlighted, roles, quotes.

Mentions link to their entity's row (``#e-<entity_id>``); each quote in the
side list links to its place in the text (``#q-<doc position>-<n>``). A
document is a closed ``<details>`` so that hundreds of them stay light; a link
to one opens it (the template's script).
"""

from __future__ import annotations

from collections import defaultdict
from html import escape
from typing import Any

import pandas as pd

from .charts import human_date
from .html import Context, Span, esc, highlight, integer, number, section, text

STATUS = {"empty": "пустой документ", "error": "ошибка"}
LEGEND = ('<p class="key"><span class="m PER">человек (PER)</span>'
          '<span class="m ORG">организация (ORG)</span><span class="m LOC">место (LOC)</span>'
          '<span class="q">цитата</span></p>')


Rows = list[Any]  # rows of one table for one document, as itertuples() gives them


def by_doc(data: pd.DataFrame) -> dict[str, Rows]:
    """Rows of a table by document, in one pass (pandas is slow on many small frames)."""
    out: dict[str, Rows] = defaultdict(list)
    for row in data.itertuples():
        out[text(row.doc_id)].append(row)
    return dict(out)


def mention_spans(mentions: Rows | None) -> list[Span]:
    if mentions is None:
        return []
    spans = []
    for row in mentions:
        start, stop = integer(row.start), integer(row.stop)
        if start is not None and stop is not None:
            spans.append(Span(start, stop, text(row.type), text(row.entity_id),
                              text(row.normal) or text(row.text)))
    return spans


def quote_spans(quotes: Rows | None, position: int) -> list[Span]:
    if quotes is None:
        return []
    spans = []
    for number_, row in enumerate(quotes):
        start, stop = integer(row.start), integer(row.stop)
        if start is not None and stop is not None:
            spans.append(Span(start, stop, "quote", f"q-{position}-{number_}", text(row.speaker)))
    return spans


def role_items(ctx: Context, roles: Rows | None) -> str:
    if roles is None:
        return ""
    items = []
    for row in roles:
        org = f", {ctx.entity_link(row.org_id, row.org)}" if text(row.org) else ""
        items.append(f"<li>{ctx.entity_link(row.person_id, row.person)} — {esc(row.role)}{org}"
                     "</li>")
    return f"<h3>Роли ({len(items)})</h3><ul>{''.join(items)}</ul>"


def quote_items(ctx: Context, quotes: Rows | None, position: int) -> str:
    if quotes is None:
        return ""
    items = []
    for number_, row in enumerate(quotes):
        speaker = ctx.entity_link(row.speaker_id, row.speaker) if text(row.speaker) else \
            '<span class="empty">говорящий не найден</span>'
        items.append(f"<li>{speaker}: <blockquote>{esc(row.text)}</blockquote>"
                     f'<a href="#q-{position}-{number_}">в тексте ↑</a></li>')
    return f"<h3>Цитаты ({len(items)})</h3><ul>{''.join(items)}</ul>"


def event_items(events: Rows | None) -> str:
    if events is None:
        return ""
    items = []
    for row in events:
        title = f" «{esc(row.title)}»" if text(row.title) else ""
        when = " — ".join(escape(human_date(value)) for value in (row.date, row.date_end)
                          if text(value))
        where = f", {esc(row.place)}" if text(row.place) else ""
        items.append(f'<li><a href="#ev-{row.Index}">{esc(row.event_type)}</a>{title}'
                     f"{', ' + when if when else ''}{where}</li>")
    return f"<h3>Событие</h3><ul>{''.join(items)}</ul>"


def theme_items(themes: Rows | None) -> str:
    if themes is None:
        return ""
    ranked = sorted(themes, key=lambda row: integer(row.rank) or 0)
    names = ", ".join(esc(row.theme) for row in ranked)
    return f"<h3>Темы</h3><p>{names}</p>"


def document(ctx: Context, position: int, row: Any, parts: dict[str, dict[str, Rows]]
             ) -> str:
    doc_id = text(row.doc_id)
    get = {name: rows.get(doc_id) for name, rows in parts.items()}
    body, status = text(row.text), text(row.status)
    counts = [f"{label}: {len(rows)}" for name, label in
              (("mentions", "упоминаний"), ("roles", "ролей"), ("quotes", "цитат"))
              if (rows := get[name]) is not None]
    if status != "ok":
        reason = f": {esc(row.error)}" if text(row.error) else ""
        counts.append(f'<span class="status-{esc(status)}">'
                      f"{STATUS.get(status, esc(status))}{reason}</span>")
    title = ctx.doc_title.get(doc_id)
    name = f'<span class="title">{escape(title)}</span> ' if title else ""
    head = (f'<summary>{name}<span class="doclink">{esc(doc_id)}</span>'
            f'<span class="counts">{" · ".join(counts)}</span></summary>')
    spans = mention_spans(get["mentions"]) + quote_spans(get["quotes"], position)
    side = (event_items(get["events"]) + role_items(ctx, get["roles"])
            + quote_items(ctx, get["quotes"], position) + theme_items(get["themes"]))
    source = f'<p class="note">{esc(row.source)}</p>'
    return (f'<details class="doc" id="doc-{position}" data-doc-id="{esc(doc_id)}">{head}'
            f'<div class="docbody"><div>{source}<div class="text">{highlight(body, spans)}'
            f'</div></div><div class="side">{side}</div></div></details>')


def documents(ctx: Context) -> str:
    tables = ctx.tables
    parts = {name: by_doc(getattr(tables, name))
             for name in ("mentions", "roles", "quotes", "events", "themes")}
    items = [document(ctx, position, row, parts)
             for position, row in enumerate(tables.documents.itertuples())]
    buttons = ('<p><button type="button" data-open="1">Раскрыть все</button> '
               '<button type="button" data-open="0">Свернуть все</button></p>')
    note = (f"Документов: {number(len(items))}. Нажмите на документ, чтобы открыть текст; "
            "имена в тексте ведут к записи сущности.")
    return section("documents", "Документы", LEGEND + buttons + "".join(items), note)
