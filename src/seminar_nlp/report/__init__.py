"""A self-contained HTML report of the tables: one file, viewable without a network.

Usage::

    from seminar_nlp import analyze
    from seminar_nlp.report import write_report

    write_report(analyze(), "report.html")                # from Tables
    write_report("seminar-nlp-output", "report.html")     # from an output folder

The page (Russian interface) has the summary numbers, people with their roles,
organisations, places, events on a timeline, corpus themes as a bar chart and
every document with its entities highlighted. CSS and script are inline
(``template.html``), charts are inline SVG: nothing is fetched when the
file is opened. From the command line: ``seminar-nlp report OUTPUT_DIR -o
report.html``.
"""

from __future__ import annotations

import os
from datetime import datetime
from html import escape
from importlib import resources
from pathlib import Path

from ..tables import Tables
from ..tables.read import load_tables
from ..tables.schema import conform
from ..tables.write import atomic
from .charts import events, themes
from .docs import documents
from .html import Context, organisations, people, summary
from .topics import topics

TITLE = "Отчёт seminar-nlp"
TEMPLATE = "template.html"
DEFAULT_NAME = "report.html"

Source = Tables | str | os.PathLike[str]


def as_tables(source: Source) -> tuple[Tables, str]:
    """The tables and a label saying where they come from."""
    if isinstance(source, Tables):
        conformed = {name: conform(name, data.reset_index(drop=True))
                     for name, data in source.items()}
        return Tables(**conformed), "таблицы из seminar_nlp.analyze()"
    return load_tables(source), f"папка {Path(source)}"


def template() -> str:
    return (resources.files("seminar_nlp.report") / TEMPLATE).read_text(encoding="utf-8")


def render(tables: Tables, *, title: str = TITLE, origin: str = "") -> str:
    """The report's HTML as one string."""
    ctx = Context.build(tables)
    stamp = datetime.now().strftime("%d.%m.%Y %H:%M")
    subtitle = " · ".join(part for part in (origin, f"создан {stamp}") if part)
    timeline, chart = events(ctx), themes(ctx)
    if 'id="themes-chart"' in chart:  # side by side; a lone note goes under the timeline
        timeline, chart = f'<div class="grid2">{timeline}{chart}</div>', ""
    body = "".join([summary(tables), people(ctx), organisations(ctx, "ORG"), timeline, chart,
                    topics(ctx), organisations(ctx, "LOC"), documents(ctx)])
    page = template().replace("<!--TITLE-->", escape(title)).replace("<!--SUBTITLE-->",
                                                                     escape(subtitle))
    return page.replace("<!--BODY-->", body)


def write_report(source: Source, path: str | os.PathLike[str], *, title: str = TITLE) -> Path:
    """Write the report of ``Tables`` or of an output folder to ``path``; returns the path."""
    tables, origin = as_tables(source)
    html = render(tables, title=title, origin=origin)
    target = Path(path)
    with atomic(target) as temporary:
        temporary.write_text(html, encoding="utf-8")
        temporary.chmod(0o644)  # a page to share, not a private temporary file
    return target
