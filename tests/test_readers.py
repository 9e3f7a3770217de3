import json
from pathlib import Path

import pytest

from seminar_nlp.readers import ReadOptions, iter_sources

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
REPORT = "18 марта в Казани прошёл научный семинар «Данные и общество»."


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    (folder / "nested").mkdir(parents=True)
    (folder / "empty-folder").mkdir()
    (folder / "a-good.txt").write_text(REPORT, encoding="utf-8")
    (folder / "b-empty.txt").write_bytes(b"")
    (folder / "c-image.png").write_bytes(PNG)
    (folder / "d-png-named-txt.txt").write_bytes(PNG)
    (folder / "e-garbage.txt").write_bytes(bytes(range(128, 256)) * 8)
    (folder / "nested" / "f-cp1251.txt").write_bytes(REPORT.encode("cp1251"))
    (folder / "nested" / "g-bom.md").write_bytes(REPORT.encode("utf-8-sig"))
    return folder


def statuses(inputs: list[object], **options: str) -> list[tuple[str, str, str | None]]:
    sources = iter_sources(inputs, options=ReadOptions(**options))  # type: ignore[arg-type]
    return [(source.doc_id, source.status, source.error) for source in sources]


def test_every_file_gets_a_row_with_its_status(corpus: Path) -> None:
    assert statuses([corpus, corpus / "missing.txt"]) == [
        ("a-good", "ok", None),
        ("b-empty", "empty", "no text"),
        ("c-image", "error", "binary file (PNG image), not text"),
        ("d-png-named-txt", "error", "binary file (PNG image), not text"),
        ("e-garbage", "error", "undecodable: neither UTF-8, cp1251 nor KOI8-R text"),
        ("f-cp1251", "ok", None),
        ("g-bom", "ok", None),
        ("missing", "error", "no such file or folder"),
    ]


def test_a_folder_with_nothing_to_read_is_reported(corpus: Path) -> None:
    assert statuses([corpus / "empty-folder"]) == [
        ("empty-folder", "error", "folder holds no files to read")]


def test_decoded_texts_are_the_same_whatever_the_encoding(corpus: Path) -> None:
    texts = {source.doc_id: source.text for source in iter_sources([corpus])}
    assert texts["a-good"] == texts["f-cp1251"] == texts["g-bom"] == REPORT


def test_glob_patterns_and_plain_strings() -> None:
    from helpers import REPORTS

    rows = statuses([str(REPORTS / "0[1-2]*.txt"), "Просто текст о семинаре."])
    assert [row[0] for row in rows] == ["01-ai-conference-kazan", "02-energy-forum-tyumen",
                                        "text-1"]


def test_jsonl_rows_keep_metadata_and_report_malformed_lines(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    lines = [json.dumps({"id": "n1", "date": "2026-03-18", "title": "Семинар", "text": REPORT,
                         "url": "https://example.org/1"}, ensure_ascii=False),
             "{not json", json.dumps({"id": "n1", "text": ""})]
    path.write_text("\n".join(lines), encoding="utf-8")
    sources = list(iter_sources([path]))
    assert [(s.doc_id, s.status, s.error) for s in sources] == [
        ("n1", "ok", None),
        ("news:2", "error", "line 2: malformed JSON (Expecting property name enclosed in "
                            "double quotes)"),
        ("n1~2", "empty", "no text"),
    ]
    assert (sources[0].title, sources[0].date, dict(sources[0].meta)) == (
        "Семинар", "2026-03-18", {"url": "https://example.org/1"})


def test_csv_with_other_column_names(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text("key,body,source\nk1,\"" + REPORT + "\",site\nk2,short,x,extra\n",
                    encoding="utf-8")
    rows = statuses([path], text_column="body", id_column="key")
    assert rows == [("k1", "ok", None),
                    ("table:2", "error", "row 2 (line 3): 4 cells where the header has 3")]


def test_missing_text_column_names_the_columns_found(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text("id,body\n1,текст\n", encoding="utf-8")
    assert statuses([path]) == [
        ("table", "error", "no text column 'text'; columns found: id, body")]


def test_html_gives_the_article_text_without_navigation(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    body = " ".join([REPORT] * 4)
    path.write_text(f"<html><head><title>Новости</title><script>var x = 1;</script></head>"
                    f"<body><nav>Главная | Контакты</nav><article><h1>Семинар в Казани</h1>"
                    f"<p>{body}</p></article><footer>Мы используем cookies</footer>"
                    f"</body></html>", encoding="utf-8")
    (source,) = iter_sources([path])
    assert source.status == "ok"
    assert body in source.text
    assert "cookies" not in source.text and "var x" not in source.text
    assert "Главная" not in source.text


def test_a_page_with_no_article_is_empty_not_its_cookie_banner(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("<html><head><title>Новости</title></head><body><div class='cookie'>Мы "
                    "используем файлы cookie, чтобы сайт работал\nлучше. <button>Принять"
                    "</button></div><footer><p>© 2025 Пресс-служба.</p></footer></body></html>",
                    encoding="utf-8")
    (source,) = iter_sources([path])
    assert (source.status, source.error, source.text.strip()) == ("empty", "no text", "")


def test_a_csv_cell_longer_than_the_csv_default_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    long_text = "Семинар прошёл в Казани. " * 8000  # 200 KB, over csv's 128 KiB default
    path.write_text(f'id,text\nl1,"{long_text}"\n', encoding="utf-8")
    (source,) = iter_sources([path])
    assert (source.doc_id, source.status, len(source.text)) == ("l1", "ok", len(long_text))


def test_short_strings_are_texts_unless_they_name_files() -> None:
    rows = statuses(["Привет.", "Семинар", "missing/report.txt", "nothing.jsonl"])
    assert rows == [("text-1", "ok", None), ("text-2", "ok", None),
                    ("report", "error", "no such file or folder"),
                    ("nothing", "error", "no such file or folder")]
