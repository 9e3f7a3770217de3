"""What is read while walking an input folder: links only inside it, linked folders said,
and never the tool's own output. (Before: a link to /proc/self/environ became an `ok`
document with the environment in it; a second `analyze .` read the first run's tables.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from seminar_nlp import Pipeline, load
from seminar_nlp.api import analyze_to
from seminar_nlp.cli import main
from seminar_nlp.readers import ReadOptions, iter_sources

REPORT = "18 марта в Казани прошёл научный семинар. Его открыл ректор КФУ Ильдар Гарипов."
OUTSIDE = "a link to a file outside the input folder: not read (--follow-links reads it)"


@pytest.fixture()
def linked(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    (folder / "inside.txt").symlink_to(folder / "report.txt")
    (folder / "environ.txt").symlink_to("/proc/self/environ")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "secret.txt").write_text("секрет", encoding="utf-8")
    (folder / "sub" / "away").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    return folder


def rows(inputs: list[Path], **options: bool) -> dict[str, tuple[str, str | None]]:
    return {Path(s.source).name: (s.status, s.error)
            for s in iter_sources(inputs, options=ReadOptions(**options))}


def test_links_out_of_the_folder_are_not_read(linked: Path) -> None:
    found = rows([linked])
    assert found["report.txt"] == ("ok", None)
    assert found["inside.txt"] == ("ok", None)
    assert found["environ.txt"] == ("error", OUTSIDE)
    assert found["passwd.txt"] == ("error", OUTSIDE)
    assert found["away"] == ("error", "a linked folder: not followed (--follow-links follows it)")
    texts = "".join(s.text for s in iter_sources([linked]))
    assert "PATH=" not in texts and "root:" not in texts and "секрет" not in texts


def test_follow_links_reads_them(linked: Path) -> None:
    found = rows([linked], follow_links=True)
    assert found["passwd.txt"][0] == "ok" and found["secret.txt"] == ("ok", None)


def test_a_link_named_by_the_user_is_read(linked: Path) -> None:
    assert rows([linked / "passwd.txt"])["passwd.txt"][0] == "ok"


def test_the_tools_own_output_is_never_an_input(tmp_path: Path, pipeline: Pipeline) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a", "b", "c"):
        (corpus / f"{name}.txt").write_text(REPORT, encoding="utf-8")
    out = corpus / "seminar-nlp-output"  # `cd corpus; seminar-nlp analyze .`, twice
    for _ in range(2):
        analyze_to(out, [corpus], formats=["parquet", "csv"], pipeline=pipeline)
        assert sorted(load(out).documents["doc_id"]) == ["a", "b", "c"]
    # The output folder is the input folder: its tables are passed over, not read.
    analyze_to(corpus, [corpus], formats=["csv"], pipeline=pipeline)
    analyze_to(corpus, [corpus], formats=["csv"], pipeline=pipeline)
    assert sorted(load(corpus).documents["doc_id"]) == ["a", "b", "c"]


def test_a_file_the_tool_did_not_write_is_not_overwritten(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "report.txt").write_text(REPORT, encoding="utf-8")
    mine = "id,text\n1,моя таблица\n"
    (corpus / "documents.csv").write_text(mine, encoding="utf-8")
    assert main(["analyze", str(corpus), "-o", str(corpus), "--format", "csv", "-q",
                 "--workers", "1"]) == 2
    assert str(corpus / "documents.csv") in capsys.readouterr().err
    assert (corpus / "documents.csv").read_text(encoding="utf-8") == mine


def test_an_output_that_cannot_be_a_folder_is_a_usage_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "report.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    for output, said in ((tmp_path / "file", "is a file, not a folder"), (Path("/"), "refusing")):
        assert main(["analyze", str(tmp_path / "in"), "-o", str(output), "-q"]) == 2
        assert said in capsys.readouterr().err
    parts = tmp_path / "out" / ".parts"
    parts.mkdir(parents=True)
    (parts / "my-notes.txt").write_text("mine", encoding="utf-8")
    assert main(["analyze", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q",
                 "--workers", "1"]) == 2
    assert "was not made by seminar-nlp" in capsys.readouterr().err
    assert (parts / "my-notes.txt").read_text(encoding="utf-8") == "mine"


def test_utf8_with_a_few_stray_bytes_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(REPORT.encode() * 3 + " Томск".encode("cp1251") + REPORT.encode())
    (source,) = iter_sources([path])
    assert source.status == "ok" and source.text.count("\ufffd") == 5
    assert source.meta == {"encoding": "utf-8-replaced", "replaced_bytes": 5}
