"""The report's charts: events on a timeline and corpus themes as bars, in inline SVG.

Event dates are ISO (``2026-03-18``) or, where the text gives no year,
``--03-18``. A date without a year is placed by its month and day in the year
most common among the dated events (and marked "год не указан"); with no dated
event at all, such dates are ordered by month and day alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date
from html import escape
from typing import Any, NamedTuple

import pandas as pd

from ..tables import Tables
from .html import Context, esc, number, section, text

DATE = re.compile(r"^(\d{4}|-)-(\d{2})-(\d{2})$")
MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
          "октябрь", "ноябрь", "декабрь")
OF_MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
             "сентября", "октября", "ноября", "декабря")
SHORT = ("янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")
PALETTE = ("#3a6fd8", "#d9730d", "#2f9e57", "#b5338a", "#7b52c7", "#c0392b", "#0f8b8d",
           "#8a6d1f", "#5c6b7a", "#e0589b")
MAX_THEMES = 20


class Day(NamedTuple):
    """A parsed event date; ``year`` is None for ``--MM-DD``."""

    year: int | None
    month: int
    day: int


class Placed(NamedTuple):
    """An event with the date it is drawn at (``None``: no date)."""

    position: int  # row of the events table (its index, reset by the report)
    row: Any
    day: date | None
    guessed: bool  # the year was not in the data


def parse_day(value: object) -> Day | None:
    match = DATE.match(text(value))
    if not match:
        return None
    year = None if match[1] == "-" else int(match[1])
    day = Day(year, int(match[2]), int(match[3]))
    return day if 1 <= day.month <= 12 and 1 <= day.day <= 31 else None


def human_date(value: object) -> str:
    """'2026-10-15' -> '15 октября 2026', '--03-18' -> '18 марта (год не указан)'."""
    day = parse_day(value)
    if day is None:
        return text(value)
    year = f" {day.year}" if day.year is not None else " (год не указан)"
    return f"{day.day} {OF_MONTHS[day.month - 1]}{year}"


def as_date(day: Day, year: int) -> date:
    try:
        return date(year, day.month, day.day)
    except ValueError:  # 29 February of a year that has none
        return date(year, day.month, 28)


def assumed_year(events: pd.DataFrame) -> int | None:
    years = Counter(parsed.year for value in events["date"]
                    if (parsed := parse_day(value)) is not None and parsed.year is not None)
    return years.most_common(1)[0][0] if years else None


def place(events: pd.DataFrame) -> tuple[list[Placed], int | None]:
    """Events in date order (undated last) and the year given to dates without one."""
    year = assumed_year(events)
    placed = []
    for position, row in enumerate(events.itertuples()):
        parsed = parse_day(row.date)
        if parsed is None:
            placed.append(Placed(position, row, None, False))
        else:
            chosen = parsed.year if parsed.year is not None else year or 2000  # 2000: a leap year
            placed.append(Placed(position, row, as_date(parsed, chosen), parsed.year is None))
    placed.sort(key=lambda item: (item.day is None, item.day or date.min, item.position))
    return placed, year


def type_colours(events: pd.DataFrame) -> dict[str, str]:
    kinds = events["event_type"].fillna("").value_counts().index
    return {str(kind): PALETTE[i % len(PALETTE)] for i, kind in enumerate(kinds)}


def when(item: Placed, known_year: bool) -> str:
    """'15 октября 2026', '22–24 сентября 2026', '18 марта' (no year in the text)."""
    assert item.day is not None
    start = item.day
    end_day = parse_day(item.row.date_end)
    year = f" {start.year}" if known_year and not item.guessed else ""
    if end_day is None:
        return f"{start.day} {OF_MONTHS[start.month - 1]}{year}"
    if end_day.month == start.month:
        return f"{start.day}–{end_day.day} {OF_MONTHS[start.month - 1]}{year}"
    return (f"{start.day} {OF_MONTHS[start.month - 1]} – {end_day.day} "
            f"{OF_MONTHS[end_day.month - 1]}{year}")


def month_label(item: Placed, year: int | None) -> str:
    if item.day is None:
        return "Дата не указана"
    name = MONTHS[item.day.month - 1].capitalize()
    if item.guessed and year is None:
        return f"{name} (год не указан)"
    return f"{name} {item.day.year}"


def event_item(ctx: Context, item: Placed, colour: str, year: int | None) -> str:
    row = item.row
    date_text = when(item, True) if item.day is not None else ""
    guess = '<span class="noyear" title="в тексте нет года">год не указан</span>' \
        if item.guessed else ""
    title = esc(row.title) if text(row.title) else '<span class="empty">без названия</span>'
    details = [esc(row.place)] if text(row.place) else []
    if text(row.organizers):
        details.append(f"организаторы: {esc(row.organizers)}")
    return (f'<li class="event" id="ev-{item.position}" style="--dot:{colour}">'
            f'<span class="when">{escape(date_text)}</span>'
            f'<span class="badge" style="background:{colour}">{esc(row.event_type)}</span>'
            f'{guess} <span class="title">{title}</span>'
            f'<span class="where">{" · ".join(details)}</span>{ctx.doc_link(text(row.doc_id))}'
            "</li>")


def strip(placed: Sequence[Placed], colours: dict[str, str]) -> str:
    """An SVG axis of months with a dot per dated event (stacked on the same day)."""
    dated = [item for item in placed if item.day is not None]
    if not dated:
        return ""
    first = date(dated[0].day.year, dated[0].day.month, 1)  # type: ignore[union-attr]
    last = dated[-1].day
    assert last is not None
    span = max((last - first).days + 20, 60)
    width, left, right = 600, 12, 12

    def x(day: date) -> float:
        return left + (day - first).days / span * (width - left - right)

    ticks, month = [], first
    while month <= last:
        year = (f'<text x="{x(month) + 3:.1f}" y="88" font-size="10" fill="#667085">'
                f"{month.year}</text>" if month.month == 1 or month == first else "")
        ticks.append(f'<line x1="{x(month):.1f}" y1="56" x2="{x(month):.1f}" y2="62" '
                     f'stroke="#98a2b3"/><text x="{x(month) + 3:.1f}" y="75" font-size="11" '
                     f'fill="#475467">{SHORT[month.month - 1]}</text>{year}')
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    stack: Counter[date] = Counter()
    dots = []
    for item in dated:
        assert item.day is not None
        level = stack[item.day]
        stack[item.day] += 1
        colour = colours.get(text(item.row.event_type), "#888")
        tip = f"{when(item, True)}: {text(item.row.event_type)} {text(item.row.title)}"
        dots.append(f'<a href="#ev-{item.position}"><circle cx="{x(item.day):.1f}" '
                    f'cy="{48 - 13 * min(level, 3)}" r="6" fill="{colour}" stroke="#fff">'
                    f"<title>{escape(tip)}</title></circle></a>")
    return (f'<svg id="events-strip" viewBox="0 0 {width} 94" width="100%" role="img" '
            f'aria-label="События на оси времени"><line x1="{left}" y1="56" x2="{width - right}" '
            f'y2="56" stroke="#98a2b3"/>{"".join(ticks)}{"".join(dots)}</svg>')


def events(ctx: Context) -> str:
    table = ctx.tables.events
    if table.empty:
        return section("events", "События", '<p class="empty">События не найдены.</p>')
    placed, year = place(table)
    colours = type_colours(table)
    legend = "".join(f'<span><i style="background:{colour}"></i>{escape(kind or "—")}</span>'
                     for kind, colour in colours.items())
    items, last_label = [], None
    for item in placed:
        label = month_label(item, year)
        if label != last_label:
            items.append(f'<li class="month">{escape(label)}</li>')
            last_label = label
        items.append(event_item(ctx, item, colours.get(text(item.row.event_type), "#888"), year))
    guessed = sum(item.guessed for item in placed)
    note = f"Событий: {number(len(placed))}, по дате."
    if guessed:
        note += (f" У {guessed} из них в тексте нет года (в таблице дата вида --03-18): "
                 + (f"они поставлены в {year} год, самый частый год событий корпуса, "
                    if year else "они упорядочены по месяцу и дню, ")
                 + "и отмечены «год не указан».")
    body = (f'{strip(placed, colours)}<p class="legend">{legend}</p>'
            f'<ul class="timeline" id="events-list">{"".join(items)}</ul>')
    return section("events", "События", body, escape(note))


def theme_docs(tables: Tables, corpus: pd.DataFrame) -> list[list[str]]:
    """Documents of each corpus theme: its ``doc_ids`` column, else the same ``themes.theme``."""
    if "doc_ids" in corpus.columns:
        return [[part for part in text(value).split("; ") if part] for value in corpus["doc_ids"]]
    docs = tables.themes.groupby("theme", sort=False)["doc_id"].unique()
    return [[str(doc) for doc in docs.get(text(theme), [])] for theme in corpus["theme"]]


def corpus_table(tables: Tables) -> tuple[pd.DataFrame, str]:
    """corpus_themes, or when it is empty a plain count of the themes table, with a note."""
    corpus = tables.corpus_themes
    if not corpus.empty:
        return corpus, "Темы корпуса (таблица corpus_themes): длина полосы — вес темы"
    if tables.themes.empty:
        return corpus, ""
    counted = (tables.themes.groupby("theme").agg(n_docs=("doc_id", "nunique"),
                                                  score=("score", "sum")).reset_index())
    return counted, ("Таблица corpus_themes пуста; темы документов (themes) сложены по "
                     "точному совпадению: длина полосы — сумма весов")


def themes(ctx: Context) -> str:
    corpus, note = corpus_table(ctx.tables)
    if corpus.empty:
        return section("themes", "Темы", '<p class="empty">Темы не выделены: таблицы themes и '
                       "corpus_themes пусты.</p>")
    corpus = corpus.sort_values(["score", "n_docs"], ascending=False, kind="stable")
    top = corpus.head(MAX_THEMES).reset_index(drop=True)
    docs = theme_docs(ctx.tables, top)
    chart = bars(top)
    items = "".join(f'<li id="theme-{i}">{esc(row.theme)} — {len(docs[i])} док. '
                    f"{ctx.doc_links(docs[i], 4)}</li>" for i, row in enumerate(top.itertuples()))
    note += f"; показаны {len(top)} из {number(len(corpus))}."
    return section("themes", "Темы", chart + f'<ol class="themelist">{items}</ol>',
                   escape(note))


def bars(top: pd.DataFrame) -> str:
    scores = [float(value) if text(value) else 0.0 for value in top["score"]]
    high = max(scores) or 1.0
    row_height, label_width, bar_width = 24, 270, 290
    rows = []
    for i, (row, score) in enumerate(zip(top.itertuples(), scores, strict=True)):
        y = 6 + i * row_height
        name = text(row.theme)
        short = name if len(name) <= 32 else name[:31] + "…"
        width = max(2.0, score / high * bar_width)
        rows.append(f'<a href="#theme-{i}"><title>{escape(name)}: вес {score:.2f}, документов '
                    f'{esc(row.n_docs)}</title><text x="{label_width - 8}" y="{y + 15}" '
                    f'text-anchor="end" font-size="12" fill="#1f2933">{escape(short)}</text>'
                    f'<rect x="{label_width}" y="{y + 3}" width="{width:.1f}" height="16" '
                    f'rx="3" fill="#5b7bd5"/><text x="{label_width + width + 6:.1f}" '
                    f'y="{y + 15}" font-size="11.5" fill="#475467">{score:.2f} · '
                    f"{esc(row.n_docs)} док.</text></a>")
    height = 12 + len(rows) * row_height
    return (f'<svg id="themes-chart" viewBox="0 0 {label_width + bar_width + 90} {height}" '
            f'width="100%" role="img" aria-label="Темы корпуса">{"".join(rows)}</svg>')
