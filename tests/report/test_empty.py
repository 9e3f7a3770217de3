"""The report renders whatever the tables hold: no people, no entities, nothing at all, and
random small tables (hypothesis). Before, a corpus with no people crashed the report."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seminar_nlp import TABLE_NAMES, Pipeline, Tables
from seminar_nlp.api import analyze_to
from seminar_nlp.cli import main
from seminar_nlp.report import render
from seminar_nlp.tables import COLUMNS
from seminar_nlp.tables.schema import FLOAT_COLUMNS, INTEGER_COLUMNS, frame

TEXTS = st.one_of(st.none(), st.text(max_size=12), st.sampled_from(
    ["E1", "E2", "d1", "PER", "ORG", "LOC", "2026-03-18", "--03-18", "2026-13-45", "ok", "empty",
     "error", "<script>", '["a", "b"]', "[]", "{}", "=1+1"]))
INTEGERS = st.one_of(st.none(), st.integers(min_value=-3, max_value=50))
FLOATS = st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True))


def value(column: str) -> st.SearchStrategy[object]:
    if column in INTEGER_COLUMNS:
        return INTEGERS
    return FLOATS if column in FLOAT_COLUMNS else TEXTS


@st.composite
def tables(draw: st.DrawFn) -> Tables:
    found = {}
    for name in TABLE_NAMES:
        rows = draw(st.lists(st.tuples(*(value(column) for column in COLUMNS[name])),
                             max_size=4))
        found[name] = frame(name, rows)
    return Tables(**found)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_random_small_tables_always_render(found: Tables) -> None:
    page = render(found)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")


def test_no_tables_at_all_render() -> None:
    assert "<!DOCTYPE html>" in render(Tables.empty())


def test_a_corpus_without_people_or_entities(tmp_path: Path, pipeline: Pipeline,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "weather.txt").write_text("Погода была хорошая. Шёл дождь.",
                                                 encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    analyze_to(tmp_path / "out", [tmp_path / "in"], pipeline=pipeline)
    assert main(["report", str(tmp_path / "out"), "-q"]) == 0
    assert (tmp_path / "out" / "report.html").is_file()
    documents = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    assert sorted(documents["status"]) == ["empty", "ok"]
