"""The HTML report: exact facts from the sample corpus, escaping, inputs, and a real browser."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import time
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

import seminar_nlp
from seminar_nlp import Pipeline, Tables
from seminar_nlp.cli import main
from seminar_nlp.report import render, write_report
from seminar_nlp.report.charts import parse_day

SEED = "almazov-seminar"
STATS = ("documents", "sentences", "tokens", "mentions", "entities", "roles", "events", "quotes")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--hide-scrollbars")


@pytest.fixture(scope="module")
def report(sample_tables: Tables, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_report(sample_tables, tmp_path_factory.mktemp("report") / "report.html")


@pytest.fixture(scope="module")
def html(report: Path) -> str:
    return report.read_text(encoding="utf-8")


def element(html: str, element_id: str, end: str) -> str:
    """The HTML from the tag with this id to the first ``end`` after it."""
    start = html.index(f'id="{element_id}"')
    return html[start:html.index(end, start) + len(end)]


class Marks(HTMLParser):
    """Offsets in the plain text of the highlighted mentions (class "m TYPE")."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.size = 0
        self.open: list[tuple[int, str] | None] = []
        self.marks: list[tuple[int, int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        self.open.append((self.size, classes[1]) if classes[:1] == ["m"] else None)

    def handle_endtag(self, tag: str) -> None:
        mark = self.open.pop()
        if mark is not None:
            self.marks.append((mark[0], self.size, mark[1]))

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        self.size += len(data)


def marks(fragment: str) -> tuple[str, list[tuple[int, int, str]]]:
    parser = Marks()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.text), sorted(parser.marks)


def stat_values(html: str) -> dict[str, int]:
    return {key: int(value) for key, value in
            re.findall(r'id="stat-([\w-]+)" data-value="(\d+)"', html)}


def seed_role(tables: Tables, person: str) -> pd.Series:
    roles = tables.roles
    return roles[(roles["doc_id"] == SEED) & (roles["person"] == person)].iloc[0]


def test_summary_numbers_equal_the_table_lengths(sample_tables: Tables, html: str) -> None:
    values = stat_values(html)
    for name in STATS:
        assert values[name] == len(getattr(sample_tables, name)), name
    for kind in ("PER", "ORG", "LOC"):
        assert values[f"mentions-{kind}"] == int((sample_tables.mentions["type"] == kind).sum())
    assert values["themes"] == len(sample_tables.corpus_themes)
    assert values["documents"] == 17
    tokens = f"<b>{len(sample_tables.tokens):,}</b>".replace(",", "\u00a0")  # Russian style
    assert tokens in element(html, "stat-tokens", "</div>")


@pytest.mark.parametrize(("person", "role", "org"), [
    ("Максим Абрамов", "руководитель лаборатории прикладного искусственного интеллекта",
     "Санкт-Петербургский Федеральный исследовательский центр РАН"),
    ("Владимир Николаевич Княгинин", "вице-губернатор", "Санкт-Петербург"),
])
def test_seed_people_appear_with_their_roles(sample_tables: Tables, html: str, person: str,
                                             role: str, org: str) -> None:
    row = seed_role(sample_tables, person)
    assert (row["role"], row["org"]) == (role, org)
    entry = element(html, f"e-{row['person_id']}", "</tr>")
    assert f"<b>{person}</b>" in entry
    assert f'{role}, <a href="#e-{row["org_id"]}">{org}</a>' in entry
    assert 'href="#doc-16" title="Интеграция' in entry  # back to the seed report
    document = element(html, "doc-16", "</details>")
    assert f'<a href="#e-{row["person_id"]}">{person}</a> — {role}' in document


def test_organisation_entry_lists_its_people_and_documents(sample_tables: Tables,
                                                          html: str) -> None:
    row = seed_role(sample_tables, "Максим Абрамов")
    entry = element(html, f"e-{row['org_id']}", "</tr>")
    assert f'<a href="#e-{row["person_id"]}">Максим Абрамов</a>' in entry
    assert '<a class="doclink" href="#doc-16"' in entry
    organisations = html[html.index('id="orgs-table"'):html.index('id="events"')]
    n_orgs = int((sample_tables.entities["type"] == "ORG").sum())
    assert organisations.count('<tr id="e-') == n_orgs


def test_every_mention_is_highlighted_at_its_offsets(sample_tables: Tables, html: str) -> None:
    documents = sample_tables.documents
    for position, (doc_id, text) in enumerate(zip(documents["doc_id"], documents["text"],
                                                  strict=True)):
        block = element(html, f"doc-{position}", "</details>")
        body = block[block.index('<div class="text">') + 18:block.index("</div></div><div")]
        shown, found = marks(body)
        mentions = sample_tables.mentions[sample_tables.mentions["doc_id"] == doc_id]
        assert shown == text, doc_id
        assert found == sorted(zip(mentions["start"], mentions["stop"], mentions["type"],
                                   strict=True)), doc_id
    seed = element(html, "doc-16", "</details>")
    assert '<a class="m PER" href="#e-' in seed and ">Максим Абрамов</a>" in seed
    assert 'data-e="E' in html  # mentions nested in others link through the script


def test_quotes_are_listed_and_marked_in_the_text(sample_tables: Tables, html: str) -> None:
    seed = element(html, "doc-16", "</details>")
    quote = sample_tables.quotes[sample_tables.quotes["doc_id"] == SEED].iloc[0]
    assert '<span class="q" id="q-16-0">' in seed
    assert '<a href="#q-16-0">' in html
    assert quote["text"][:60] in html
    assert len(re.findall(r'<span class="q" id="q-', html)) == len(sample_tables.quotes)


def test_events_timeline_in_date_order_with_yearless_dates_said(sample_tables: Tables,
                                                               html: str) -> None:
    events = sample_tables.events
    timeline = element(html, "events", "</section>")
    order = [int(n) for n in re.findall(r'<li class="event" id="ev-(\d+)"', timeline)]
    assert sorted(order) == list(range(len(events)))
    days = [parse_day(events["date"].iloc[n]) for n in order]
    keys = [(2026 if day.year is None else day.year, day.month, day.day) for day in days if day]
    assert keys == sorted(keys)
    yearless = int(events["date"].str.startswith("--").sum())
    assert yearless > 0
    assert timeline.count(">год не указан</span>") == yearless
    assert f"У {yearless} из них в тексте нет года" in timeline
    seed_event = element(html, f"ev-{events.index[events['doc_id'] == SEED][0]}", "</li>")
    assert "18 марта</span>" in seed_event and "научный семинар" in seed_event


def test_themes_chart_or_a_note(sample_tables: Tables) -> None:
    themes = pd.DataFrame({"doc_id": [SEED, SEED, "01-ai-conference-kazan"], "rank": [1, 2, 1],
                           "theme": ["искусственный интеллект", "медицина <b>",
                                     "искусственный интеллект"], "score": [1.0, 0.5, 1.0]})
    corpus = pd.DataFrame({"theme": ["искусственный интеллект", "медицина <b>"],
                           "n_docs": [2, 1], "score": [2.0, 0.5]})
    with_themes = render(dataclasses.replace(sample_tables, themes=themes, corpus_themes=corpus))
    chart = element(with_themes, "themes", "</section>")
    assert chart.count("<rect ") == 2
    assert "искусственный интеллект</text>" in chart and "медицина &lt;b&gt;" in chart
    assert 'id="theme-0">искусственный интеллект — 2 док.' in chart
    only_themes = render(dataclasses.replace(sample_tables, themes=themes,
                                             corpus_themes=corpus.iloc[:0]))
    assert "Таблица corpus_themes пуста" in element(only_themes, "themes", "</section>")
    empty = render(dataclasses.replace(sample_tables, themes=themes.iloc[:0],
                                       corpus_themes=corpus.iloc[:0]))
    assert "Темы не выделены" in element(empty, "themes", "</section>")


def test_text_from_the_data_is_escaped(pipeline: Pipeline) -> None:
    text = ("Директор КФУ Ильдар Гарипов открыл семинар <script>alert('x')</script> "
            "в компании «A&B» <b>\"Ромашка\"</b>.")
    html = render(seminar_nlp.analyze([text], pipeline=pipeline))
    assert "<script>alert" not in html and "<b>\"Ромашка" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html or \
        "&lt;script&gt;alert('x')&lt;/script&gt;" in html
    assert "A&amp;B" in html


class Nesting(HTMLParser):
    """Elements that close out of order, and links inside links."""

    VOID = frozenset({"meta", "link", "input", "br", "img", "hr"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        if tag == "a" and "a" in self.stack:
            self.errors.append(f"link inside a link at {self.getpos()}")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]} at {self.getpos()}")
        else:
            self.stack.pop()


def test_the_page_is_well_formed(html: str) -> None:
    checker = Nesting()
    checker.feed(html)
    checker.close()
    assert checker.errors == [] and checker.stack == []


def test_the_page_is_self_contained(html: str) -> None:
    assert html.count("<script>") == 1 and "<script src" not in html
    assert not re.search(r"https?://", html.replace('xmlns="http://www.w3.org/2000/svg"', ""))
    assert not re.search(r'(?:src|href)="(?!#|data:)', html)


@pytest.mark.parametrize("formats", [["parquet"], ["csv"], ["duckdb"], ["xlsx"]])
def test_report_from_an_output_folder(sample_tables: Tables, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str],
                                      formats: list[str]) -> None:
    sample_tables.save(tmp_path / "out", formats=formats)
    assert main(["report", str(tmp_path / "out"), "-o", str(tmp_path / "r.html")]) == 0
    assert "report:" in capsys.readouterr().out
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    values = stat_values(html)
    assert all(values[name] == len(getattr(sample_tables, name)) for name in STATS)
    assert ">Максим Абрамов</a>" in html
    assert main(["report", str(tmp_path / "out"), "-q"]) == 0
    assert (tmp_path / "out" / "report.html").is_file()


def test_a_folder_without_tables_is_a_usage_error(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(tmp_path / "missing")]) == 2
    assert main(["report", str(tmp_path)]) == 2
    assert "no tables" in capsys.readouterr().err
    assert not (tmp_path / "report.html").exists()


def test_hundreds_of_documents_render_fast(sample_tables: Tables, tmp_path: Path) -> None:
    copies = 20
    big = {}
    for name, data in sample_tables.items():
        if "doc_id" in data.columns:
            data = pd.concat([data.assign(doc_id=data["doc_id"] + f"~{n}")
                              for n in range(copies)], ignore_index=True)
        big[name] = data
    tables = Tables(**big)
    started = time.perf_counter()
    path = write_report(tables, tmp_path / "big.html")
    elapsed = time.perf_counter() - started
    assert stat_values(path.read_text(encoding="utf-8"))["documents"] == 17 * copies
    assert elapsed < 10, f"{elapsed:.1f} s for {17 * copies} documents"


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("Chromium not found (apt-get install chromium): the browser checks need it")


def browse(url: str, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    return subprocess.run([chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                           "--enable-logging=stderr", "--v=0", *extra, url],
                          capture_output=True, text=True, timeout=120)


def console_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stderr.splitlines() if ":CONSOLE" in line]


def test_console_errors_are_caught(tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><script>missingFunction();</script>", encoding="utf-8")
    result = browse(page.as_uri(), tmp_path, "--dump-dom")
    assert any("missingFunction" in line for line in console_lines(result)), result.stderr


def test_browser_shows_the_tables_without_console_errors(sample_tables: Tables, report: Path,
                                                         tmp_path: Path) -> None:
    result = browse(report.as_uri() + "#doc-16", tmp_path, "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    assert console_lines(result) == []
    dom = result.stdout
    assert 'data-ready="1"' in dom  # the script ran to its end
    values = stat_values(dom)
    assert all(values[name] == len(getattr(sample_tables, name)) for name in STATS)
    people = dom[dom.index('id="people-table"'):dom.index('id="orgs"')]
    assert people.count('<tr id="e-') == int((sample_tables.entities["type"] == "PER").sum())
    seed = re.search(r'<details class="doc" id="doc-16"[^>]*>', dom)
    assert seed is not None and "open" in seed.group(0)  # a link opens its document


def test_browser_screenshot(report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    result = browse(report.as_uri(), tmp_path, f"--screenshot={shot}",
                    "--window-size=1280,2000")
    assert result.returncode == 0, result.stderr[-2000:]
    assert console_lines(result) == []
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 50_000  # a drawn page, not a blank one
    keep = os.environ.get("SEMINAR_NLP_SCREENSHOT")  # e.g. docs/report.png
    if keep:
        shutil.copyfile(shot, keep)


def test_failed_and_empty_documents_say_why(pipeline: Pipeline, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("18 марта в Казани прошёл семинар. Его открыл ректор КФУ "
                                       "Ильдар Гарипов.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    html = render(seminar_nlp.analyze([tmp_path], pipeline=pipeline))
    assert stat_values(html)["documents"] == 3
    assert "обработано 1, пустых 1, с ошибкой 1" in html
    assert '<span class="status-error">ошибка: binary file (PNG image), not text</span>' in html
    assert '<span class="status-empty">пустой документ: no text</span>' in html
    assert "Ильдар Гарипов" in html
