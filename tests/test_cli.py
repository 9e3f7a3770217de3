import os
import stat
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
from openpyxl import load_workbook

from seminar_nlp import TABLE_NAMES
from seminar_nlp.cli import main

REPORT = "18 марта в Казани прошёл научный семинар. Его открыл ректор КФУ Ильдар Гарипов."


def test_control_characters_reach_every_format(tmp_path: Path) -> None:
    source = tmp_path / "in" / "odd.txt"
    source.parent.mkdir()
    source.write_text("Семинар\x07 прошёл в Казани.\x1b", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(source.parent), "-o", str(out), "-q",
                 "--format", "csv,parquet,xlsx,duckdb"]) == 0
    assert pd.read_parquet(out / "documents.parquet")["text"].tolist() == [
        "Семинар\x07 прошёл в Казани.\x1b"]
    # Excel takes no control characters: U+FFFD takes each one's place (docs/tables.md).
    assert pd.read_excel(out / "seminar-nlp.xlsx", sheet_name="documents")["text"].tolist() == [
        "Семинар\ufffd прошёл в Казани.\ufffd"]


def test_all_formats_are_written(tmp_path: Path) -> None:
    source = tmp_path / "in" / "kazan.txt"
    source.parent.mkdir()
    source.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out"
    code = main(["analyze", str(source.parent), "-o", str(out), "-q",
                 "--format", "csv,parquet,xlsx,duckdb"])
    assert code == 0
    names = sorted(path.name for path in out.iterdir())
    assert names == sorted([f"{name}.csv" for name in TABLE_NAMES]
                           + [f"{name}.parquet" for name in TABLE_NAMES]
                           + ["seminar-nlp.xlsx", "seminar-nlp.duckdb",
                              "seminar-nlp.manifest.json", ".seminar-nlp.lock"])
    with duckdb.connect(str(out / "seminar-nlp.duckdb"), read_only=True) as db:
        tables = sorted(row[0] for row in db.execute("SHOW TABLES").fetchall())
        people = db.execute("SELECT normal FROM mentions WHERE type = 'PER'").fetchall()
    assert tables == sorted(TABLE_NAMES)
    assert people == [("Ильдар Гарипов",)]
    assert load_workbook(out / "seminar-nlp.xlsx", read_only=True).sheetnames == list(TABLE_NAMES)
    documents = pd.read_parquet(out / "documents.parquet")
    assert documents[["doc_id", "n_sentences", "status"]].values.tolist() == [["kazan", 2, "ok"]]
    # Written under temporary names, the files still get the usual mode of new files.
    mask = os.umask(0o022)
    os.umask(mask)
    assert {stat.S_IMODE(path.stat().st_mode) for path in out.iterdir()} == {0o666 & ~mask}


def test_exit_code_1_when_some_inputs_fail(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    out = tmp_path / "out"
    assert main(["analyze", str(tmp_path), "-o", str(out), "-q", "-f", "csv"]) == 1
    documents = pd.read_csv(out / "documents.csv")
    assert documents[["doc_id", "status", "error"]].fillna("").values.tolist() == [
        ["bad", "error", "binary file (PNG image), not text"], ["good", "ok", ""]]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "seminar_nlp.cli", *args],
                          capture_output=True, text=True, timeout=300)


def test_exit_code_2_when_nothing_can_be_read(tmp_path: Path) -> None:
    result = run_cli("analyze", str(tmp_path / "missing"), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "no input could be read" in result.stderr
    assert "no such file or folder" in result.stderr
    assert not (tmp_path / "out").exists()


def test_exit_code_2_for_an_unknown_format_names_the_choices(tmp_path: Path) -> None:
    result = run_cli("analyze", "-o", str(tmp_path), "--format", "json")
    assert result.returncode == 2
    assert "unknown output format json; choose from: parquet, csv, xlsx, duckdb" in result.stderr


def test_the_command_ends_without_teardown_and_loses_nothing(tmp_path: Path) -> None:
    # ``cli.run`` ends the process with os._exit (engines/process.py): what it printed
    # to a pipe, its exit code and a database file closed before then are all there.
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    out = tmp_path / "out"
    buffered = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    result = subprocess.run([sys.executable, "-m", "seminar_nlp.cli", "analyze",
                             str(tmp_path / "in"), "-o", str(out), "-f", "duckdb,csv"],
                            capture_output=True, text=True, timeout=300, env=buffered)
    assert result.returncode == 1, result.stderr
    assert "documents: 2 (ok 1, empty 0, error 1)" in result.stdout
    assert result.stdout.rstrip().endswith("files)")
    assert not list(out.glob("*.wal"))
    with duckdb.connect(str(out / "seminar-nlp.duckdb"), read_only=True) as database:
        rows = database.execute("select doc_id, status from documents order by doc_id").fetchall()
    assert rows == [("bad", "error"), ("good", "ok")]
