"""The report's topics section: the corpus topics (``corpus_topics``) over time.

A document's date is its own (``documents.date``, from its metadata) or else the date of the
first event it reports; a date without a year (``--03-18``) takes the year most common among
the dated ones. With dates, each topic is a row of a grid of months, each cell the number of
its documents of that month; without any, the topics are listed with their documents.
"""

from __future__ import annotations

from collections import Counter
from html import escape

import pandas as pd

from ..tables import Tables
from .charts import MONTHS, parse_day
from .html import Context, esc, number, section, text

MAX_TOPICS = 12
Month = tuple[int, int]  # year, month


def doc_months(tables: Tables) -> dict[str, Month]:
    """Each dated document's year and month."""
    given: dict[str, str] = {}
    for doc_id, value in zip(tables.events["doc_id"], tables.events["date"], strict=True):
        given.setdefault(text(doc_id), text(value))
    for doc_id, value in zip(tables.documents["doc_id"], tables.documents["date"], strict=True):
        if text(value):
            given[text(doc_id)] = text(value)
    days = {doc_id: day for doc_id, value in given.items()
            if (day := parse_day(value)) is not None}
    years = Counter(day.year for day in days.values() if day.year is not None)
    common = years.most_common(1)[0][0] if years else None
    out = {}
    for doc_id, day in days.items():
        year = day.year if day.year is not None else common
        if year is not None:
            out[doc_id] = (year, day.month)
    return out


def topics(ctx: Context) -> str:
    table = ctx.tables.corpus_topics
    if table.empty:
        return section("topics", "Сюжеты корпуса", '<p class="empty">Сюжетов нет: таблица '
                       "corpus_topics пуста (ни одна тема не встретилась в двух документах)."
                       "</p>")
    top = table.head(MAX_TOPICS).reset_index(drop=True)
    members = [[part for part in text(value).split("; ") if part] for value in top["doc_ids"]]
    months = doc_months(ctx.tables)
    note = (f"Темы, связанные по леммам и по близости слов в navec (таблица corpus_topics); "
            f"показаны {len(top)} из {number(len(table))}")
    if not any(doc in months for docs in members for doc in docs):
        return section("topics", "Сюжеты корпуса", listing(ctx, top, members),
                       escape(note + "; у документов нет дат."))
    return section("topics", "Сюжеты во времени", grid(top, members, months)
                   + listing(ctx, top, members),
                   escape(note + ": число документов сюжета по месяцам (дата документа или "
                          "его события)."))


def listing(ctx: Context, top: pd.DataFrame, members: list[list[str]]) -> str:
    rows = top.itertuples()
    items = "".join(f'<li id="topic-{i}"><b>{esc(row.label)}</b> — {esc(row.n_docs)} док.: '
                    f'{esc(row.phrases)} {ctx.doc_links(members[i], 4)}</li>'
                    for i, row in enumerate(rows))
    return f'<ol class="topiclist">{items}</ol>'


def grid(top: pd.DataFrame, members: list[list[str]], months: dict[str, Month]) -> str:
    """A table of topics by month, each cell shaded by its count of documents."""
    shown = sorted({months[doc] for docs in members for doc in docs if doc in months})
    counts = [Counter(months[doc] for doc in docs if doc in months) for docs in members]
    high = max((max(count.values(), default=0) for count in counts), default=1) or 1
    head = "".join(f"<th>{MONTHS[month - 1][:3]} {year}</th>" for year, month in shown)
    rows = []
    for i, (label, count) in enumerate(zip(top["label"], counts, strict=True)):
        cells = "".join(cell(count.get(month, 0), high) for month in shown)
        rows.append(f'<tr><th><a href="#topic-{i}">{esc(label)}</a></th>{cells}</tr>')
    return (f'<table class="topics-grid" id="topics-grid"><thead><tr><th>сюжет</th>{head}'
            f'</tr></thead><tbody>{"".join(rows)}</tbody></table>')


def cell(value: int, high: int) -> str:
    if not value:
        return "<td></td>"
    alpha = 0.15 + 0.75 * value / high
    return f'<td style="background: rgba(58, 111, 216, {alpha:.2f})">{value}</td>'
