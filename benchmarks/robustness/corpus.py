"""Robustness benchmark: the generated corpus (files, table files, HTML pages)."""

from __future__ import annotations

import codecs
import csv
import io
import json
import random
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..common import Settings
from ..gold import FACTRU_DEV, factru_ids
from .kinds import (
    BIDI,
    COMBINING,
    CONTROLS,
    DATED,
    EMOJI,
    ENGLISH,
    HOMOGLYPHS,
    HTML_PAGE,
    KAZAKH,
    LONG_WORD,
    MIXED,
    PUNCTUATION,
    SEED,
    SPACES,
    UKRAINIAN,
    ZERO_WIDTH,
    Plan,
)

# ---------------------------------------------------------------- the corpus


@dataclass(frozen=True)
class Expected:
    """One input: the ``documents`` row it must get, by source path and contract id."""

    kind: str
    source: str
    doc_id: str
    text: str | None = None  # for a text file: what it holds, decoded


@dataclass(frozen=True)
class Good:
    name: str  # file stem
    data: bytes  # the file as shipped
    text: str  # decoded


@dataclass
class Corpus:
    """Files written into ``folder``, and the inputs they hold."""

    folder: Path
    rng: random.Random
    goods: list[Good]
    expected: list[Expected] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)  # source path -> kind
    counts: Counter[str] = field(default_factory=Counter)
    folder_links: int = 0

    def path(self, kind: str, suffix: str, stem: str = "") -> Path:
        self.counts[kind] += 1
        name = f"{self.rng.getrandbits(32):08x}-{kind}-{self.counts[kind]}{stem and '-' + stem}"
        return self.folder / f"{name}{suffix}"

    def file(self, kind: str, data: bytes, *, suffix: str = ".txt", stem: str = "",
             text: str | None = None) -> Path:
        """A file that is one input (its row has the file's stem as id)."""
        path = self.path(kind, suffix, stem)
        path.write_bytes(data)
        self.add(kind, path, [path.stem], text)
        return path

    def text(self, kind: str, text: str, *, suffix: str = ".txt") -> Path:
        return self.file(kind, text.encode("utf-8"), suffix=suffix, text=text)

    def add(self, kind: str, path: Path, ids: Sequence[str], text: str | None = None) -> None:
        self.kinds[str(path)] = kind
        self.expected += [Expected(kind, str(path), doc_id, text) for doc_id in ids]

    def good(self) -> Good:
        return self.rng.choice(self.goods)

    def excerpt(self, low: int, high: int) -> str:
        text = self.good().text
        size = self.rng.randint(low, high)
        start = self.rng.randrange(max(1, len(text) - size))
        return text[start:start + size]


def good_texts(settings: Settings, limit: int | None) -> tuple[list[Good], list[Good]]:
    """(sample reports, factRuEval devset texts), as shipped and decoded."""
    from seminar_nlp.api import sample_corpus
    from seminar_nlp.decoding import decode

    def read(path: Path) -> Good:
        data = path.read_bytes()
        return Good(path.stem, data, decode(data)[0])

    samples = [read(path) for path in sorted(sample_corpus().glob("*.txt"))]
    folder = settings.eval_dir / FACTRU_DEV
    factru = [read(folder / f"{doc_id}.txt") for doc_id in factru_ids(settings.eval_dir, limit)]
    return samples, factru


def positions(rng: random.Random, text: str, count: int,
              fits: Callable[[str, int], bool]) -> list[int]:
    candidates = [index for index in range(len(text) + 1) if fits(text, index)]
    return sorted(rng.sample(candidates, min(count, len(candidates))))


def between_letters(text: str, index: int) -> bool:
    return 0 < index < len(text) and text[index - 1].isalpha() and text[index].isalpha()


def after_letter(text: str, index: int) -> bool:
    return index > 0 and text[index - 1].isalpha()


def anywhere(text: str, index: int) -> bool:
    return True


def sprinkle(rng: random.Random, text: str, pieces: Sequence[str], count: int,
             fits: Callable[[str, int], bool] = anywhere) -> str:
    """``text`` with ``count`` pieces inserted where ``fits`` allows."""
    out, last = [], 0
    for index in positions(rng, text, count, fits):
        out += [text[last:index], rng.choice(pieces)]
        last = index
    return "".join(out) + text[last:]


def make_good(corpus: Corpus, samples: list[Good], factru: list[Good]) -> list[Path]:
    paths = []
    for kind, goods in (("good-sample", samples), ("good-factru", factru)):
        for good in goods:
            paths.append(corpus.file(kind, good.data, stem=good.name, text=good.text))
    return paths


def make_inserted(corpus: Corpus, n: int) -> None:
    rng = corpus.rng
    kinds: dict[str, tuple[Sequence[str], Callable[[str, int], bool]]] = {
        "control-chars": (CONTROLS, anywhere), "zero-width": (ZERO_WIDTH, between_letters),
        "bidi-marks": (BIDI, anywhere), "emoji": (EMOJI, anywhere),
        "combining": (COMBINING, after_letter)}
    for kind, (pieces, fits) in kinds.items():
        for _ in range(n):
            corpus.text(kind, sprinkle(rng, corpus.good().text, pieces, rng.randint(1, 60), fits))
    for _ in range(max(1, n // 3)):
        text = sprinkle(rng, corpus.good().text, ["\x00"], 1)
        corpus.file("nul-byte", text.encode("utf-8"), text=text)


def make_degenerate(corpus: Corpus, n: int) -> None:
    rng = corpus.rng
    for number in range(n):
        corpus.file("empty", b"", suffix=(".txt", ".md", ".html")[number % 3])
        corpus.text("spaces-only", "".join(rng.choices(SPACES, k=rng.randint(1, 3000))))
        corpus.text("punctuation-only",
                    "".join(rng.choices(PUNCTUATION + [" ", "\n"], k=rng.randint(1, 5000))))
        corpus.text("digits-only",
                    "".join(rng.choices("0123456789" * 5 + " \n", k=rng.randint(1, 5000))))


def make_languages(corpus: Corpus, n: int) -> None:
    rng = corpus.rng
    pools = {"english": ENGLISH, "ukrainian": UKRAINIAN, "kazakh": KAZAKH}
    for _ in range(n):
        for kind, pool in pools.items():
            corpus.text(kind, " ".join(rng.sample(pool, rng.randint(1, len(pool)))))
        russian = corpus.excerpt(100, 600)
        mixed = [russian.translate(HOMOGLYPHS) if rng.random() < 0.5 else russian,
                 *rng.sample(MIXED + ENGLISH[:2] + KAZAKH[:2], rng.randint(1, 4))]
        rng.shuffle(mixed)
        corpus.text("mixed-script", "\n".join(mixed))


def make_long(corpus: Corpus, n: int, line_bytes: int) -> None:
    rng = corpus.rng
    for number in range(max(1, n // 3)):
        word = "".join(rng.choices("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", k=LONG_WORD))
        text = corpus.good().text
        at = rng.randrange(len(text))
        corpus.text("long-word", word if number % 2 == 0 else f"{text[:at]} {word} {text[at:]}")
    prose = " ".join(good.text for good in corpus.goods).replace("\n", " ")
    prose = prose * (line_bytes // len(prose.encode("utf-8")) + 1)
    lines = {"prose": prose, "no-sentence-punctuation": re.sub(r"[.!?…]", " ", prose),
             "no-spaces": re.sub(r"\s", "", prose),
             "digits-and-punctuation": "".join(rng.choices("0123456789.,;:-()", k=line_bytes))}
    for text in lines.values():
        corpus.text("mb-line", cut(text, line_bytes))


def cut(text: str, size: int) -> str:
    """The longest start of ``text`` whose UTF-8 takes at most ``size`` bytes."""
    return text.encode("utf-8")[:size].decode("utf-8", errors="ignore")


def make_binary(corpus: Corpus, n: int) -> None:
    rng = corpus.rng
    headers = {"png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
               "pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
               "zip": b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "random-bytes": b""}
    for number in range(n):
        for kind, header in headers.items():
            suffix = ".txt" if number % 2 or kind == "random-bytes" else f".{kind}"
            corpus.file(kind, header + rng.randbytes(rng.randint(16, 20_000)), suffix=suffix)


def make_encodings(corpus: Corpus, n: int) -> None:
    rng = corpus.rng
    for number in range(n):
        text = corpus.good().text
        if number % 2:
            data = codecs.BOM_UTF16_BE + text.encode("utf-16-be")
        else:
            data = text.encode("utf-16")  # a byte-order mark, then little-endian
        corpus.file("utf-16-bom", data, text=text)
        text = corpus.excerpt(20, 300) if number % 2 else corpus.good().text
        text = text.encode("cp1251", errors="replace").decode("cp1251")
        corpus.file("cp1251", text.encode("cp1251"), text=text)
        text = corpus.good().text.encode("koi8_r", errors="replace").decode("koi8_r")
        corpus.file("koi8-r", text.encode("koi8_r"), text=text)
        spoilt = bytearray(corpus.good().text.encode("utf-8"))
        for _ in range(rng.randint(1, 20)):
            spoilt.insert(rng.randrange(len(spoilt)), rng.choice(b"\x80\x81\xc0\xc1\xf5\xfe\xff"))
        corpus.file("bad-bytes", bytes(spoilt))


def make_truncated(corpus: Corpus, n: int) -> None:
    """Good texts cut in the middle of a character's UTF-8 bytes (a download cut short)."""
    for _ in range(n):
        data = corpus.good().text.encode("utf-8")
        stops = [index for index in range(len(data) // 2, len(data)) if data[index] >= 0xC0]
        if not stops:
            continue
        stop = corpus.rng.choice(stops) + 1
        corpus.file("truncated-utf8", data[:stop],
                    text=data[:stop].decode("utf-8", errors="ignore"))


def make_links(corpus: Corpus, n: int) -> None:
    for _ in range(n):
        good = corpus.good()
        locked = corpus.file("no-permission", good.data, text=good.text)
        locked.chmod(0)
        first, second = corpus.path("symlink-loop", ".txt"), corpus.path("symlink-loop", ".txt")
        first.symlink_to(second.name)
        second.symlink_to(first.name)
        alone = corpus.path("symlink-loop", ".txt")
        alone.symlink_to(alone.name)
        missing = corpus.path("symlink-dangling", ".txt")
        missing.symlink_to("no-such-file.txt")
        for path in (first, second, alone):
            corpus.add("symlink-loop", path, [path.stem])
        corpus.add("symlink-dangling", missing, [missing.stem])
    for number in range(max(1, n // 10)):  # links to folders: not followed, a row says so
        loop = corpus.folder / f"links-{number}"
        loop.mkdir()
        for name, target in (("up", ".."), ("self", ".")):
            (loop / name).symlink_to(target, target_is_directory=True)
            corpus.add("folder-link", loop / name, [name])
        corpus.folder_links += 2


@dataclass
class TableFile:
    """Rows of one CSV or JSONL file as written, with the id each input must get."""

    stem: str
    lines: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    number: int = 0  # CSV records or JSONL lines so far

    def row(self, line: str, doc_id: str | None) -> None:
        """One record; ``doc_id`` None = the contract's ``<stem>:<number>``."""
        self.number += 1
        self.lines.append(line)
        self.ids.append(doc_id if doc_id is not None else f"{self.stem}:{self.number}")

    def blank(self) -> None:
        self.number += 1
        self.lines.append("")


def csv_line(cells: Sequence[object]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(cells)  # quotes cells with newlines
    return buffer.getvalue()[:-1]


def csv_rows(corpus: Corpus, rows: TableFile, unclosed: bool) -> None:
    rng, ids = corpus.rng, list[str]()
    for number in range(rng.randint(8, 20)):
        doc_id = f"{rows.stem}-r{number}"
        choice = rng.random()
        if choice < 0.45:
            rows.row(csv_line([doc_id, corpus.excerpt(200, 1500), "Отчёт", "2025-03-18", "x"]),
                     doc_id)
        elif choice < 0.55:
            rows.row(csv_line([doc_id, rng.choice(["", "   ", "\t"]), "", "", ""]), doc_id)
        elif choice < 0.65:
            extra = ["лишняя", "ячейка"][:rng.randint(1, 2)]
            rows.row(csv_line([doc_id, corpus.excerpt(50, 300), "", "", "", *extra]), None)
        elif choice < 0.72:
            rows.row(csv_line([doc_id, corpus.excerpt(50, 300)]), None)
        elif choice < 0.82 and ids:
            again = rng.choice(ids)
            rows.row(csv_line([again, corpus.excerpt(100, 600), "", "", ""]), again)
            continue
        elif choice < 0.9:
            rows.row(csv_line(["", corpus.excerpt(100, 600), "", "", ""]), None)
        else:
            rows.blank()
            continue
        ids.append(doc_id)
    if unclosed:  # the last row: what it swallows is only the end of the file
        text = corpus.excerpt(50, 300).replace('"', "«")
        rows.row(f'{rows.stem}-last,"{text},,,', None)


def make_csv(corpus: Corpus, n: int) -> None:
    for number in range(n):
        path = corpus.path("csv-rows", ".csv")
        rows = TableFile(path.stem)
        csv_rows(corpus, rows, unclosed=number % 3 == 0)
        header = csv_line(["id", "text", "title", "date", "extra"])
        write_table(corpus, "csv-rows", path, [header, *rows.lines], rows.ids)
        path = corpus.path("csv-no-text-column", ".csv")
        lines = [csv_line(["id", "body", "title"])]
        lines += [csv_line([f"{path.stem}-{k}", corpus.excerpt(100, 500), "Отчёт"])
                  for k in range(corpus.rng.randint(2, 8))]
        write_table(corpus, "csv-no-text-column", path, lines, [path.stem])


def write_table(corpus: Corpus, kind: str, path: Path, lines: list[str],
                ids: Sequence[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="")
    corpus.add(kind, path, ids)


def jsonl_rows(corpus: Corpus, rows: TableFile) -> None:
    rng, ids = corpus.rng, list[str]()
    for number in range(rng.randint(8, 20)):
        doc_id = f"{rows.stem}-r{number}"
        good = {"id": doc_id, "text": corpus.excerpt(200, 1500), "title": "Отчёт",
                "date": rng.choice(["2025-03-18", "2024-11-02T10:00:00", "18.03.2025"])}
        choice = rng.random()
        if choice < 0.4:
            rows.row(json.dumps(good, ensure_ascii=rng.random() < 0.5), doc_id)
        elif choice < 0.5:
            line = json.dumps(good, ensure_ascii=False)
            rows.row(rng.choice([line[:rng.randrange(1, len(line))], line.replace('"', "'"),
                                 line[:-1] + ",}"]), None)
        elif choice < 0.57:
            rows.row(rng.choice(["[1, 2, 3]", "42", '"текст"', "null", "true"]), None)
        elif choice < 0.7:
            odd = rng.choice([None, "", "  ", 12345, ["список"], {"вложено": 1}])
            rows.row(json.dumps({**good, "text": odd}, ensure_ascii=False), doc_id)
        elif choice < 0.77:
            rows.row(json.dumps({"id": doc_id, "title": "без текста"}), doc_id)
        elif choice < 0.84 and ids:
            again = rng.choice(ids)
            rows.row(json.dumps({**good, "id": again}, ensure_ascii=False), again)
            continue
        elif choice < 0.9:
            odd_id = rng.choice([None, "", number])
            rows.row(json.dumps({**good, "id": odd_id}, ensure_ascii=False),
                     None if odd_id in (None, "") else str(odd_id))
        elif choice < 0.95:
            opening = rng.choice(["18 марта прошёл семинар. ", "29 февраля прошла встреча. "])
            dated = {**good, "text": opening + good["text"],
                     "date": rng.choice(["0001-01-01", "2099-06-01", "дата"])}
            rows.row(json.dumps(dated, ensure_ascii=False), doc_id)
        else:
            rows.blank()
            continue
        ids.append(doc_id)


def make_jsonl(corpus: Corpus, n: int) -> None:
    for number in range(n):
        path = corpus.path("jsonl-rows", ".jsonl")
        rows = TableFile(path.stem)
        rows.row(json.dumps({"id": f"{path.stem}-first", "text": corpus.excerpt(200, 800)},
                            ensure_ascii=False), f"{path.stem}-first")
        jsonl_rows(corpus, rows)
        opening, date = DATED[number % len(DATED)]
        text = opening + corpus.excerpt(200, 800)
        rows.row(json.dumps({"id": f"{path.stem}-dated", "text": text, "date": date},
                            ensure_ascii=False), f"{path.stem}-dated")
        write_table(corpus, "jsonl-rows", path, rows.lines, rows.ids)
        if number % 4 == 0:
            path = corpus.path("jsonl-no-text-first", ".jsonl")
            rows = TableFile(path.stem)
            rows.row(json.dumps({"id": f"{path.stem}-0", "body": "нет поля text"}),
                     f"{path.stem}-0")
            for k in range(1, corpus.rng.randint(3, 8)):
                rows.row(json.dumps({"id": f"{path.stem}-{k}", "text": corpus.excerpt(100, 500)},
                                    ensure_ascii=False), f"{path.stem}-{k}")
            write_table(corpus, "jsonl-no-text-first", path, rows.lines, rows.ids)
    for number in range(max(2, n // 4)):
        suffix = (".csv", ".jsonl")[number % 2]
        content = ("id,text\n" if number % 4 == 0 else "\n\n" if number % 4 == 1 else "")
        path = corpus.path("empty-table", suffix)
        path.write_text(content, encoding="utf-8")
        corpus.add("empty-table", path, [path.stem])  # no rows: the file is the input


# ---------------------------------------------------------------- HTML


def article(text: str) -> str:
    from html import escape

    paragraphs = [escape(line) for line in text.splitlines() if line.strip()]
    return "<article>" + "".join(f"<p>{line}</p>" for line in paragraphs) + "</article>"


def make_html(corpus: Corpus, n: int) -> None:
    rng = corpus.rng
    for number in range(n):
        text = corpus.good().text
        page = HTML_PAGE.format(charset="utf-8", title="Итоги семинара", article=article(text))
        corpus.file("html", page.encode("utf-8"), suffix=".html")
        if number % 2 == 0:
            page = HTML_PAGE.format(charset="windows-1251", title="Итоги семинара",
                                    article=article(text))
            corpus.file("html", page.encode("cp1251", errors="replace"), suffix=".html")
        bare = HTML_PAGE.format(charset="utf-8", title="Новости", article="")
        corpus.file("html-no-article", bare.encode("utf-8"), suffix=".html")
        cut_at = rng.randrange(len(page) // 3, len(page))
        corpus.file("html-truncated", page.encode("utf-8")[:cut_at], suffix=".html")


def build(folder: Path, settings: Settings, plan: Plan) -> tuple[Corpus, list[Path]]:
    """Write the whole corpus into ``folder``; returns it and the good files' paths."""
    samples, factru = good_texts(settings, plan.factru)
    folder.mkdir(parents=True)
    corpus = Corpus(folder, random.Random(SEED), samples + factru)
    goods = make_good(corpus, samples, factru)
    n = plan.copies
    make_inserted(corpus, 2 * n)
    make_degenerate(corpus, 2 * n)
    make_languages(corpus, n)
    make_long(corpus, n, plan.line_bytes)
    make_binary(corpus, n)
    make_encodings(corpus, n)
    make_truncated(corpus, n)
    make_links(corpus, max(1, n // 3))
    make_csv(corpus, plan.table_files)
    make_jsonl(corpus, plan.table_files)
    make_html(corpus, n)
    return corpus, goods


def copy_goods(goods: Sequence[Path], folder: Path) -> Path:
    """The good files alone, under the same names (so the same doc_ids)."""
    import shutil

    folder.mkdir()
    for path in goods:
        shutil.copyfile(path, folder / path.name)
    return folder
