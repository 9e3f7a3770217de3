"""Every format carries the tables: read back, each sheet of the workbook and each CSV file
equals the Parquet table cell by cell, texts that look like formulas included. (Before, a text
starting with "=" became a live formula in the workbook and read back empty.)"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from seminar_nlp import TABLE_NAMES, Tables
from seminar_nlp.tables.schema import conform
from seminar_nlp.tables.write import CSV_CANNOT_CARRY, REPLACEMENT, XLSX_CANNOT_CARRY

HOSTILE = ['=HYPERLINK("http://example.org","нажмите")', "=1+1", "+7 (900) 000-00-00",
           "-минус", "@SUM(A1)", "текст\x00с NUL", "звонок\x07", "обычный текст"]


def hostile(tables: Tables) -> Tables:
    """The sample tables with hostile strings in the title, text and token columns."""
    documents = tables.documents.copy()
    documents["title"] = pd.array([HOSTILE[i % len(HOSTILE)] for i in range(len(documents))],
                                  dtype="string")
    tokens = tables.tokens.head(400).copy()
    tokens["text"] = pd.array([HOSTILE[i % len(HOSTILE)] for i in range(len(tokens))],
                              dtype="string")
    themes = tables.themes.copy()
    themes.loc[themes.index[:3], "theme"] = HOSTILE[:3]
    return replace(tables, documents=documents, tokens=tokens, themes=themes)


def expected(table: pd.DataFrame, cannot: object) -> pd.DataFrame:
    """What a format gives back by its documented rule: characters it cannot carry as
    U+FFFD, an empty text as null."""
    out = table.copy()
    for column in out.columns:
        if out[column].dtype == "string":
            out[column] = out[column].str.replace(cannot, REPLACEMENT, regex=True)  # type: ignore[arg-type]
            out[column] = out[column].mask(out[column] == "")
    return out


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory, sample_tables: Tables) -> tuple[Path, Tables]:
    folder = tmp_path_factory.mktemp("formats")
    tables = hostile(sample_tables)
    tables.save(folder, formats=["parquet", "csv", "xlsx"])
    return folder, tables


def test_parquet_keeps_everything(written: tuple[Path, Tables]) -> None:
    folder, tables = written
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(pd.read_parquet(folder / f"{name}.parquet"),
                                      getattr(tables, name), obj=name)


def test_every_sheet_equals_its_table_cell_by_cell(written: tuple[Path, Tables]) -> None:
    folder, _ = written
    sheets = pd.read_excel(folder / "seminar-nlp.xlsx", sheet_name=None, dtype=str)
    assert list(sheets) == list(TABLE_NAMES)
    for name in TABLE_NAMES:
        parquet = pd.read_parquet(folder / f"{name}.parquet")
        back = conform(name, sheets[name].reset_index(drop=True))
        pd.testing.assert_frame_equal(back, expected(parquet, XLSX_CANNOT_CARRY), obj=name)
    titles = sheets["documents"]["title"].tolist()
    assert '=HYPERLINK("http://example.org","нажмите")' in titles and "=1+1" in titles


def test_every_csv_file_equals_its_table(written: tuple[Path, Tables]) -> None:
    folder, _ = written
    for name in TABLE_NAMES:
        parquet = pd.read_parquet(folder / f"{name}.parquet")
        back = pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False,
                           na_values=[""])
        pd.testing.assert_frame_equal(conform(name, back), expected(parquet, CSV_CANNOT_CARRY),
                                      obj=name)


def test_the_workbook_has_no_formula(written: tuple[Path, Tables]) -> None:
    from openpyxl import load_workbook

    book = load_workbook(written[0] / "seminar-nlp.xlsx")
    kinds = {cell.data_type for sheet in book.worksheets for row in sheet.iter_rows()
             for cell in row}
    assert "f" not in kinds
