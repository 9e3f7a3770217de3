"""Robustness: bad and odd inputs mixed with good ones, analysed in one run.

The script writes a corpus into a temporary folder, the same for a given seed:
the sample reports and the factRuEval-2016 devset texts copied as they are
(the good documents), and many inputs of each bad or odd kind listed below,
in one folder, their names shuffled so that every batch mixes kinds. One
``analyze_to(out, [folder], workers=2, formats=("parquet",))`` runs over all
of it and nothing around it catches an exception: a table here means it
returned. The good documents then run alone with the same options and their
per-document tables are compared with the mixed run's, by content (entity ids
are corpus-level and depend on the other documents). Then one large document
of about 1 MB and one of about 4 MB (sample reports repeated) go through
``Pipeline().process`` with the models already loaded. Last, inputs known to
have ended a whole run run alone, each beside one good text, so that they
cannot hide the rest.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import random
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .common import Settings, peak_rss_mb, table
from .gold import FACTRU_DEV, factru_ids

NAME = "Robustness"
SEED = 20_26_11_29
WORKERS = 2
MB = 1_000_000  # bytes of UTF-8
INVISIBLE = ("Cc", "Cf", "Zl", "Zp")  # shown escaped in the Markdown
FAILURES = ("analysis failed", "a worker process died")  # documents.error of a failed stage
NUMBER = re.compile(r"(?<![\w-])\d+(?![\w-])")  # "line 12" but not "UTF-8" or "cp1251"
LONG_WORD = 100_000
ID_COLUMNS = {"mentions": ("entity_id",), "roles": ("person_id", "org_id"),
              "quotes": ("speaker_id",)}
# the entity's name across the corpus, filled in by the corpus-level work
CORPUS_NAMES = {"roles": ("person",), "quotes": ("speaker",)}
DOCUMENT_COLUMNS = ("doc_id", "title", "date", "n_sentences", "n_tokens", "status", "error",
                    "text", "n_chars", "meta")  # all but ``source``: the folders differ
COMPARED = ("documents", "sentences", "tokens", "mentions", "roles", "quotes", "events", "themes")
KINDS = {
    "good-sample": "a bundled sample report, copied as it is",
    "good-factru": "a factRuEval devset text, copied as it is",
    "control-chars": "a good text with 1-60 C0/C1 controls, NEL, U+2028/U+2029 inserted",
    "zero-width": "a good text with zero-width spaces, joiners, BOM, soft hyphens inside words",
    "bidi-marks": "a good text with LRM/RLM, embeddings, overrides, isolates inserted",
    "emoji": "a good text with emoji (ZWJ sequences, flags, skin tones, keycaps) inserted",
    "combining": "a good text with combining accents after letters",
    "nul-byte": "a good text with one NUL character",
    "empty": "0 bytes (.txt, .md, .html)",
    "spaces-only": "spaces, tabs, newlines, NBSP, ideographic and other spaces",
    "punctuation-only": "punctuation, spaces and newlines",
    "digits-only": "digits, spaces and newlines",
    "english": "an English event report (1-6 sentences)",
    "ukrainian": "a Ukrainian event report (1-6 sentences)",
    "kazakh": "a Kazakh event report (1-6 sentences)",
    "mixed-script": "Russian (half with Latin homoglyphs) mixed with Latin, CJK, Arabic, "
                    "Hebrew, Greek",
    "long-word": "a 100,000-letter word, alone or inside a good text",
    "mb-line": "one 1 MB line: prose; prose without . ! ?; prose without spaces; digits "
               "and punctuation",
    "png": "PNG header + random bytes (half named .txt)",
    "pdf": "PDF header + random bytes (half named .txt)",
    "zip": "ZIP header + random bytes (half named .txt)",
    "random-bytes": "random bytes, no header, named .txt",
    "utf-16-bom": "a good text in UTF-16 LE or BE with its byte-order mark",
    "cp1251": "a good text, or a 20-300 character piece of one, in cp1251",
    "koi8-r": "a good text in KOI8-R (not a supported encoding)",
    "bad-bytes": "a good UTF-8 text with 1-20 bytes invalid in UTF-8 inserted",
    "truncated-utf8": "a good UTF-8 text cut inside a character's bytes",
    "no-permission": "a good text, chmod 000",
    "symlink-loop": "a link to itself, or two links to each other",
    "symlink-dangling": "a link to a missing file",
    "csv-rows": "CSV rows: good, empty text cell, too many/few cells, repeated id, no id; "
                "blank lines; a third end in an unclosed quote",
    "csv-no-text-column": "a CSV with id, body, title and no text column",
    "jsonl-rows": "JSONL lines: good, malformed JSON, not an object, text missing/null/number/"
                  "list, repeated/absent/numeric ids; a yearless date in the text with the "
                  "document date 0001-01-01, 2099-06-01, 9999-12-31 or 'дата'",
    "jsonl-no-text-first": "JSONL whose first object has no text key (the others have one)",
    "empty-table": "a .csv or .jsonl with no rows (0 bytes, header only, blank lines)",
    "html": "a page: scripts, styles, nav, cookie banner, aside, footer around an article "
            "(UTF-8, or cp1251 with its meta charset)",
    "html-no-article": "the same page furniture with no article",
    "html-truncated": "a page cut at a random byte",
}
# A yearless date in the text and an odd document date: every pair comes in turn.
DATED = tuple((opening, date) for date in ("0001-01-01", "2099-06-01", "дата", "9999-12-31")
              for opening in ("18 марта прошёл семинар. ", "29 февраля прошла встреча. "))
BOILERPLATE = ("Мы используем файлы cookie", "Главная | Новости | Контакты",
               "function trackVisitor", ".cookie-banner", "Подпишитесь на рассылку")

ENGLISH = (
    "On 18 March Kazan Federal University hosted an international conference on AI.",
    "The conference was opened by Rector Ilshat Gafurov, who welcomed 300 participants.",
    "Speakers from Sber, Yandex and the Russian Academy of Sciences discussed language models.",
    "\u201cWe are at the point where AI has proved its value,\u201d said Maxim Abramov, head of "
    "the applied AI laboratory.",
    "The round table ended with an agreement to meet again in Saint Petersburg in October.",
    "Registration is open until 1 September; the programme is on the university website.",
)
UKRAINIAN = (
    "18 березня в Київському національному університеті імені Тараса Шевченка відбувся "
    "науковий семінар.",
    "Семінар відкрив ректор університету Володимир Бугров, який привітав учасників.",
    "Доповідачі з Національної академії наук України обговорили штучний інтелект у медицині.",
    "«Ми вже бачимо, як технології змінюють дослідження», — зазначила завідувачка лабораторії "
    "Олена Коваленко.",
    "Наступне засідання круглого столу заплановано на жовтень у Львові.",
    "Учасники отримали сертифікати, а матеріали конференції опублікують у збірнику.",
)
KAZAKH = (
    "18 наурызда Әл-Фараби атындағы Қазақ ұлттық университетінде ғылыми семинар өтті.",
    "Семинарды университет ректоры Жансейіт Түймебаев ашып, қатысушыларды құттықтады.",
    "Баяндамашылар жасанды интеллекттің медицина мен білім берудегі рөлін талқылады.",
    "«Технологиялар зерттеу әдістерін өзгертіп жатыр», — деді зертхана меңгерушісі Әсел "
    "Нұрланқызы.",
    "Келесі дөңгелек үстел қазан айында Астана қаласында өтеді.",
    "Қатысушыларға сертификаттар табысталды.",
)
MIXED = (
    "Конференция AI Journey 2025 прошла в Москве при поддержке Sber AI и Яндекс Cloud.",
    "会议在莫斯科举行。Участники из Университета Цинхуа (清华大学) обсудили NLP.",
    "Доклад «مرحبا بالعالم» прочитал профессор Ахмед аль-Рашид из Каирского университета.",
    "Буквы α, β, γ и формула E = mc² встретились в докладе Ивана Петрова.",
    "Семинар провёл רופא Давид Коэн, תודה רבה, из Тель-Авивского университета.",
    "Директор ΕΚΠΑ Γιώργος Παπαδόπουλος выступил на форуме в Сочи.",
)
HOMOGLYPHS = str.maketrans("аеорсхАВЕКМНОРСТХ", "aeopcxABEKMHOPCTX")
CONTROLS = [chr(c) for c in (*range(1, 9), 11, 12, *range(14, 32), 127, 0x85)] + [
    "\u2028", "\u2029"]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
BIDI = ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066",
        "\u2067", "\u2068", "\u2069", "\u061c"]
EMOJI = ["😀", "🎉", "👍🏽", "👩‍🔬", "👨‍👩‍👧‍👦", "🇷🇺", "🇰🇿", "1️⃣", "❤️", "🏳️‍🌈", "🤖",
         "📅", "🧑🏿‍💻"]
COMBINING = ["\u0301", "\u0300", "\u0308", "\u0306", "\u0336", "\u0330", "\u20dd", "\u0489"]
SPACES = [" ", "\t", "\n", "\r\n", "\u00a0", "\u3000", "\u2003", "\u202f"]
PUNCTUATION = list(".,;:!?-–—…()[]{}«»\"'/\\|*&%$#@^~`+=<>")
HTML_PAGE = """<!DOCTYPE html>
<html lang="ru"><head><meta charset="{charset}"><title>{title}</title>
<style>.cookie-banner {{ position: fixed; bottom: 0 }} body {{ font: 14px sans-serif }}</style>
<script>function trackVisitor() {{ var id = Math.random(); document.cookie = "v=" + id; }}
</script></head>
<body><nav><a href="/">Главная | Новости | Контакты</a> <a href="/about">О нас</a></nav>
<div class="cookie-banner" id="cookies">Мы используем файлы cookie, чтобы сайт работал
лучше. <button>Принять</button></div>
<header><h1>{title}</h1></header>
{article}
<aside><p>Подпишитесь на рассылку новостей института!</p></aside>
<footer><p>© 2025 Пресс-служба. Все права защищены.</p><script>trackVisitor();</script>
</footer></body></html>
"""


@dataclass(frozen=True)
class Plan:
    """How much of everything: the full run, or a small one for ``--limit``."""

    copies: int  # inputs of each bad or odd kind (files; table files hold several rows)
    table_files: int  # CSV and JSONL files of each table kind
    line_bytes: int  # length of the "1 MB line" inputs
    long_docs: tuple[int, ...]  # sizes of the large documents timed, bytes
    factru: int | None  # factRuEval devset texts (None = all)


def plan_for(settings: Settings) -> Plan:
    if settings.limit is None:
        return Plan(copies=60, table_files=20, line_bytes=MB, long_docs=(MB, 4 * MB),
                    factru=None)
    n = max(1, settings.limit)
    return Plan(copies=n, table_files=n, line_bytes=20_000 * n,
                long_docs=(25_000 * n, 100_000 * n), factru=n)


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
    for number in range(max(1, n // 10)):  # links to folders: not files, not followed
        loop = corpus.folder / f"links-{number}"
        loop.mkdir()
        (loop / "up").symlink_to("..", target_is_directory=True)
        (loop / "self").symlink_to(".", target_is_directory=True)
        corpus.folder_links += 2


# ---------------------------------------------------------------- table files


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


# ---------------------------------------------------------------- the runs


@dataclass(frozen=True)
class Run:
    out: Path
    seconds: float
    summary: Any  # seminar_nlp.api.Summary


def log(message: str) -> None:
    print(f"[robustness] {message}", file=sys.stderr, flush=True)


def analyse(folder: Path, out: Path) -> Run:
    """The run under test: nothing here catches an exception."""
    from seminar_nlp.api import analyze_to

    started = time.perf_counter()
    summary = analyze_to(out, [folder], workers=WORKERS, formats=("parquet",))
    return Run(out, time.perf_counter() - started, summary)


def code_fingerprint() -> str:
    """A digest of the installed seminar_nlp sources: the runs compared must share them."""
    import hashlib

    import seminar_nlp

    digest = hashlib.sha256()
    for path in sorted(Path(seminar_nlp.__file__).parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def read(out: Path, name: str) -> Any:
    import pandas as pd

    return pd.read_parquet(out / f"{name}.parquet")


def row_key(source: str, doc_id: str, meta: Any) -> tuple[str, str]:
    """(source, id as the input gave it): a repeated id is matched through ``renamed_from``."""
    renamed = json.loads(meta).get("renamed_from") if isinstance(meta, str) else None
    return source, renamed or doc_id


@dataclass(frozen=True)
class Accounting:
    by_id: int  # inputs matched to a row by (source path, contract id)
    by_path: Counter[str]  # by kind: inputs matched only to a row of their file, other id
    examples: dict[str, tuple[str, str]]  # by kind: (contract id, the row's id)
    missing: Counter[str]  # by kind: inputs without a row
    unexpected: Counter[str]  # by kind: rows that match no input
    unique_ids: bool


def account(corpus: Corpus, documents: Any) -> Accounting:
    """Match inputs to rows by (source, id); what is left, by source path alone."""
    want = Counter((item.source, item.doc_id) for item in corpus.expected)
    got = Counter(row_key(source, doc_id, meta) for source, doc_id, meta in
                  zip(documents["source"], documents["doc_id"], documents["meta"], strict=True))
    left_want, left_got = want - got, got - want
    by_path: Counter[str] = Counter()
    examples: dict[str, tuple[str, str]] = {}
    rows_left: dict[str, list[str]] = {}
    for source, doc_id in left_got.elements():
        rows_left.setdefault(source, []).append(doc_id)
    missing: Counter[str] = Counter()
    for source, doc_id in sorted(left_want.elements()):
        kind = corpus.kinds.get(source, "?")
        if rows_left.get(source):
            found = rows_left[source].pop(0)
            by_path[kind] += 1
            examples.setdefault(kind, (doc_id, found))
        else:
            missing[kind] += 1
    unexpected = Counter(corpus.kinds.get(source, "?") for source, ids in rows_left.items()
                         for _ in ids)
    return Accounting(sum((want & got).values()), by_path, examples, missing, unexpected,
                      bool(documents["doc_id"].is_unique))


@dataclass
class KindStats:
    inputs: int = 0
    rows: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    kept: int = 0  # ok rows of single-text files whose text is the file's, cleaned
    checked: int = 0


def by_kind(corpus: Corpus, documents: Any) -> dict[str, KindStats]:
    from seminar_nlp.cleaning import clean

    stats: dict[str, KindStats] = {}
    for item in corpus.expected:
        stats.setdefault(item.kind, KindStats()).inputs += 1
    texts = {item.source: item.text for item in corpus.expected if item.text is not None}
    for source, status, error, text in zip(documents["source"], documents["status"],
                                           documents["error"], documents["text"], strict=True):
        kind = stats.setdefault(corpus.kinds.get(source, "(unknown source)"), KindStats())
        kind.rows += 1
        kind.statuses[status] += 1
        if isinstance(error, str):
            kind.errors[NUMBER.sub("N", error)] += 1
        if status == "ok" and source in texts:
            kind.checked += 1
            kind.kept += text == clean(texts[source])
    return stats


def boilerplate_leaks(corpus: Corpus, documents: Any) -> dict[str, tuple[int, int]]:
    """By HTML kind: (rows whose text holds page furniture, rows with text)."""
    found: dict[str, tuple[int, int]] = {}
    for source, text in zip(documents["source"], documents["text"], strict=True):
        kind = corpus.kinds.get(source, "")
        if kind.startswith("html") and isinstance(text, str) and text.strip():
            leaked, rows = found.get(kind, (0, 0))
            found[kind] = (leaked + any(marker in text for marker in BOILERPLATE), rows + 1)
    return found


# ---------------------------------------------------------------- good alone vs mixed


def content(out: Path, name: str, doc_ids: set[str], names: dict[str, str] | None) -> Any:
    """Table ``name`` for ``doc_ids``: without the corpus-level columns (entity ids, and the
    names roles and quotes take from the entity), or with the ids mapped through ``names``."""
    data = read(out, name)
    data = data[data["doc_id"].isin(doc_ids)].reset_index(drop=True)
    if name == "documents":
        data = data[list(DOCUMENT_COLUMNS)]
    if names is None:
        return data.drop(columns=[*ID_COLUMNS.get(name, ()), *CORPUS_NAMES.get(name, ())])
    for column in ID_COLUMNS.get(name, ()):
        data[column] = [names.get(value) if isinstance(value, str) else None
                        for value in data[column]]
    return data


def entity_names(out: Path) -> dict[str, str]:
    entities = read(out, "entities")
    return {entity_id: f"{kind}:{name}" for entity_id, kind, name in
            zip(entities["entity_id"], entities["type"], entities["name"], strict=True)}


def rows_of(data: Any) -> list[tuple[object, ...]]:
    import pandas as pd

    return [tuple(None if value is pd.NA or value is None else value for value in row)
            for row in data.itertuples(index=False)]


def differing_rows(left: Any, right: Any) -> int:
    """Rows of either table with no equal row in the other (as multisets)."""
    a, b = Counter(rows_of(left)), Counter(rows_of(right))
    return sum(((a - b) + (b - a)).values())


def differing_columns(left: Any, right: Any) -> list[str]:
    """Where the tables differ, document by document, rows paired in table order."""
    found: Counter[str] = Counter()
    groups = dict(tuple(right.groupby("doc_id", sort=False)))
    for doc_id, mine in left.groupby("doc_id", sort=False):
        theirs = groups.pop(doc_id, None)
        if theirs is None or len(theirs) != len(mine):
            found["number of rows"] += 1
            continue
        for column in left.columns:
            a, b = rows_of(mine[[column]]), rows_of(theirs[[column]])
            found[column] += a != b
    found["number of rows"] += len(groups)
    return [f"{column} ({count} docs)" for column, count in found.most_common() if count]


@dataclass(frozen=True)
class Comparison:
    name: str
    rows_alone: int
    rows_mixed: int
    differ_without_ids: int
    differ_with_names: int
    where: list[str]
    examples: list[str] = field(default_factory=list)


def renamed(alone: Any, mixed: Any, count: int = 5) -> list[str]:
    """Mentions whose entity has another name in the mixed run: the first ``count`` pairs."""
    found: dict[tuple[str, str], str] = {}
    if len(alone) != len(mixed):
        return []
    for text, before, after in zip(alone["text"], alone["entity_id"], mixed["entity_id"],
                                   strict=True):
        if before != after and (before, after) not in found and len(found) < count:
            found[before, after] = f"`{cell(text)}`: `{cell(str(before))}` -> `{cell(str(after))}`"
    return list(found.values())


def compare(good: Path, mixed: Path, doc_ids: set[str]) -> list[Comparison]:
    good_names, mixed_names = entity_names(good), entity_names(mixed)
    found = []
    for name in COMPARED:
        alone, together = (content(good, name, doc_ids, None),
                           content(mixed, name, doc_ids, None))
        named_alone = content(good, name, doc_ids, good_names)
        named_together = content(mixed, name, doc_ids, mixed_names)
        where = differing_columns(named_alone, named_together)
        examples = renamed(named_alone, named_together) if name == "mentions" else []
        found.append(Comparison(name, len(alone), len(together),
                                differing_rows(alone, together),
                                differing_rows(named_alone, named_together), where, examples))
    return found


# ---------------------------------------------------------------- inputs run alone


def bad_name(folder: Path) -> None:
    with open(os.fsencode(folder) + b"/name-\xff\xfe.txt", "wb") as file:
        file.write("Москва — столица России.".encode())


def lone_surrogate(folder: Path) -> None:
    (folder / "surrogate.jsonl").write_text(
        '{"id": "s1", "text": "Смайлик \\ud83d обрезан: Москва — столица России."}\n',
        encoding="utf-8")


PROBES: dict[str, Callable[[Path], None]] = {
    "a file whose name is not UTF-8 (`name-\\xff\\xfe.txt`)": bad_name,
    "a JSONL row whose text holds a lone surrogate (`\"\\ud83d\"`)": lone_surrogate,
}


def probe(folder: Path, write: Callable[[Path], None]) -> str:
    """Run one odd input beside a good text; the outcome, exception included."""
    from seminar_nlp.api import analyze_to

    (folder / "in").mkdir(parents=True)
    (folder / "in" / "good.txt").write_text("18 марта в Казани прошёл семинар.", encoding="utf-8")
    try:
        write(folder / "in")
    except OSError as error:
        return f"could not be made here ({error.strerror})"
    try:
        summary = analyze_to(folder / "out", [folder / "in"], workers=1)
    except Exception as error:  # noqa: BLE001 - the outcome being measured
        return f"**uncaught {type(error).__name__}**: {str(error)[:120]}"
    statuses = ", ".join(f"{key} {value}" for key, value in sorted(summary.statuses.items()))
    return f"returned: {summary.n_documents} rows ({statuses})"


def probes(folder: Path) -> list[tuple[str, str]]:
    return [(label, probe(folder / f"p{number}", write))
            for number, (label, write) in enumerate(PROBES.items())]


# ---------------------------------------------------------------- large documents


@dataclass(frozen=True)
class Large:
    n_bytes: int
    n_chars: int
    n_tokens: int
    status: str
    seconds: float
    peak_mb: float

    @property
    def per_mb(self) -> float:
        return self.seconds / (self.n_bytes / MB)


def repeated(texts: Sequence[str], size: int) -> str:
    parts: list[str] = []
    total = 0
    while total < size:
        text = texts[len(parts) % len(texts)]
        parts.append(text)
        total += len(text.encode("utf-8")) + 2
    return cut("\n\n".join(parts), size)


def large_documents(sizes: Sequence[int], texts: Sequence[str]) -> list[Large]:
    from seminar_nlp.pipeline import Pipeline

    pipeline = Pipeline()
    pipeline.process(texts[0])  # warm-up: the models load on first use
    found = []
    for size in sizes:
        text = repeated(texts, size)
        log(f"one document of {len(text.encode('utf-8')):,} bytes")
        started = time.perf_counter()
        doc = pipeline.process(text)
        seconds = time.perf_counter() - started
        found.append(Large(len(text.encode("utf-8")), len(text), len(doc.tokens or ()),
                           doc.source.status, seconds, peak_rss_mb()))
    return found


# ---------------------------------------------------------------- the section


@dataclass(frozen=True)
class Results:
    corpus: Corpus
    files: int
    mixed: Run
    good: Run
    documents: int
    accounting: Accounting
    kinds: dict[str, KindStats]
    leaks: dict[str, tuple[int, int]]  # by HTML kind: (rows with page furniture, rows)
    comparison: list[Comparison]
    probes: list[tuple[str, str]]
    large: list[Large]
    code: list[str]  # source fingerprints: mixed run start, good run end, section end


def section(settings: Settings) -> str:
    plan = plan_for(settings)
    with tempfile.TemporaryDirectory(prefix="seminar-nlp-robustness-") as tmp:
        folder = Path(tmp)
        log("writing the corpus")
        corpus, goods = build(folder / "corpus", settings, plan)
        files = sum(1 for _ in (folder / "corpus").iterdir())
        alone = copy_goods(goods, folder / "good")
        log(f"mixed run: {len(corpus.expected):,} inputs in {files:,} files")
        code = [code_fingerprint()]
        mixed = analyse(folder / "corpus", folder / "out-mixed")
        log("the good documents alone")
        good = analyse(alone, folder / "out-good")
        code.append(code_fingerprint())
        documents = read(mixed.out, "documents")
        log("comparing; then the inputs kept out, each alone")
        comparison = compare(good.out, mixed.out, {path.stem for path in goods})
        accounting = account(corpus, documents)
        kinds, leaks = by_kind(corpus, documents), boilerplate_leaks(corpus, documents)
        alone_outcomes = probes(folder / "probes")
    samples, _ = good_texts(settings, 0)
    large = large_documents(plan.long_docs, [sample.text for sample in samples])
    code.append(code_fingerprint())
    return report(settings, plan, Results(corpus, files, mixed, good, len(documents), accounting,
                                          kinds, leaks, comparison, alone_outcomes, large, code))


def cell(text: str) -> str:
    """Text for a Markdown table cell: pipes escaped, invisible characters shown as \\uXXXX."""
    import unicodedata

    shown = "".join(f"\\u{ord(char):04x}" if unicodedata.category(char) in INVISIBLE else char
                    for char in text.replace("\n", " "))
    return shown.replace("|", "\\|")


def statuses(counts: dict[str, int]) -> str:
    return ", ".join(f"{status} {counts.get(status, 0):,}" for status in ("ok", "empty", "error"))


def kind_rows(results: Results) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for kind in [*KINDS, *(kind for kind in results.kinds if kind not in KINDS)]:
        stats = results.kinds.get(kind)
        if stats is None:
            continue
        error = ""
        if stats.errors:
            message, count = stats.errors.most_common(1)[0]
            error = f"`{cell(message[:90])}` ({count})"
        kept = f"{stats.kept}/{stats.checked}" if stats.checked else ""
        rows.append((kind, stats.inputs, stats.rows, stats.statuses["ok"],
                     stats.statuses["empty"], stats.statuses["error"], kept,
                     cell(KINDS.get(kind, "")), error))
    return rows


def accounting_lines(results: Results) -> list[str]:
    found = results.accounting
    inputs = len(results.corpus.expected)
    by_path, lost = sum(found.by_path.values()), sum(found.missing.values())
    extra = sum(found.unexpected.values())
    verdict = "yes" if by_path + found.by_id == inputs and not extra else "**no**"

    def kinds(counts: Counter[str]) -> str:
        return ", ".join(f"{kind} {count:,}" for kind, count in counts.most_common()) or "none"

    lines = [f"Count in = count out: {verdict}. Of {inputs:,} inputs, {found.by_id:,} have their "
             f"row by source path and id, {by_path:,} a row of their file under another id "
             f"({kinds(found.by_path)}), {lost:,} no row ({kinds(found.missing)}); rows that "
             f"match no input: {extra:,} ({kinds(found.unexpected)}). doc_ids unique: "
             f"{'yes' if found.unique_ids else '**no**'}."]
    if found.examples:
        lines.append("Ids not as the contract gives them, one example per kind (expected -> "
                     "found): " + "; ".join(f"{kind}: `{want}` -> `{got}`" for kind, (want, got)
                                           in sorted(found.examples.items())) + ".")
    return lines


def comparison_rows(results: Results) -> list[tuple[object, ...]]:
    return [(found.name, f"{found.rows_alone:,}", f"{found.rows_mixed:,}",
             found.differ_without_ids, found.differ_with_names,
             "; ".join(found.where) or "identical")
            for found in results.comparison]


def large_rows(results: Results) -> list[tuple[object, ...]]:
    return [(f"{found.n_bytes / MB:.2f} MB", f"{found.n_bytes:,}", f"{found.n_chars:,}",
             f"{found.n_tokens:,}", found.status, f"{found.seconds:.1f}",
             f"{found.per_mb:.1f}", f"{found.peak_mb:,.0f}")
            for found in results.large]


def corpus_part(settings: Settings, plan: Plan, results: Results) -> list[str]:
    corpus, summary = results.corpus, results.mixed.summary
    totals: Counter[str] = Counter()
    for stats in results.kinds.values():
        totals.update(stats.statuses)
    limited = (f" `--limit {settings.limit}`: {settings.limit} factRuEval text(s), "
               f"{plan.copies} to {2 * plan.copies} inputs of each kind, "
               f"{plan.line_bytes:,}-byte long lines." if settings.limit else "")
    leaks = "; ".join(f"{kind} {leaked} of {rows}"
                      for kind, (leaked, rows) in sorted(results.leaks.items())) or "no rows"
    return [
        f"Corpus: seed {SEED}, {results.files:,} entries in one folder "
        f"({corpus.folder_links} of them links to folders, `up -> ..` and `self -> .`, which "
        f"are not files), {len(corpus.expected):,} inputs, {good_count(results)} of them good "
        "documents. How inputs are counted: a file is one input, except a CSV or JSONL file, "
        "whose rows are each one input (blank lines are not rows); a table file with no row at "
        "all, and a CSV without a text column, count as one input (one `documents` row should "
        "say what became of it)." + limited, "",
        f"`analyze_to(out, [folder], workers={WORKERS}, formats=(\"parquet\",))` returned (no "
        f"uncaught exception) in {results.mixed.seconds:.1f} s wall time. `documents`: "
        f"{results.documents:,} rows ({statuses(totals)}); the run's summary: "
        f"{summary.n_documents:,} documents ({statuses(summary.statuses)}).", "",
        *accounting_lines(results), "",
        "How: each input is matched to a `documents` row by (source path, doc_id). A file's "
        "row carries its path and its name without extension; a CSV/JSONL row carries the "
        "file's path and its `id` cell, or `<file stem>:<row number>` where it has none or "
        "cannot be read (CSV rows counted from 1 after the header, JSONL lines from 1); a "
        "repeated id, renamed `id~2`, is matched through `meta.renamed_from`. Both sides are "
        "counted as multisets; inputs and rows left over are then paired by source path alone.",
        "",
        table(["kind", "inputs", "rows", "ok", "empty", "error", "text kept", "what it is",
               "most frequent error (count)"], kind_rows(results)), "",
        "*text kept*: of the `ok` rows of a file that is one text, those whose `documents.text` "
        "is exactly the file's text (as written, decoded) after the documented clean-up "
        "(`seminar_nlp.cleaning.clean`, which replaces characters one for one). Error messages "
        "are shown with numbers as N.", "",
        *failure_lines(results), "",
        f"HTML rows with text that still hold page furniture (cookie banner, nav, script, "
        f"style, aside), by kind: {leaks}.",
    ]


def failure_lines(results: Results) -> list[str]:
    """Documents read fine that a stage (or a worker process) then failed on."""
    by_kind: Counter[str] = Counter()
    messages: Counter[str] = Counter()
    for kind, stats in results.kinds.items():
        for message, count in stats.errors.items():
            if message.startswith(FAILURES):
                by_kind[kind] += count
                messages[message[:120]] += count
    if not by_kind:
        return ["Documents that were read but failed in the analysis (`analysis failed: ...` "
                "or a worker process that died): none."]
    return [f"Documents that were read but failed in the analysis: {sum(by_kind.values()):,} "
            "(" + ", ".join(f"{kind} {count}" for kind, count in by_kind.most_common()) + "); "
            + "; ".join(f"`{cell(message)}` ({count})" for message, count
                        in messages.most_common()) + "."]


def good_count(results: Results) -> int:
    return sum(results.kinds[kind].inputs for kind in ("good-sample", "good-factru")
               if kind in results.kinds)


def comparison_part(results: Results) -> list[str]:
    code = results.code
    same = ("the seminar_nlp sources were the same for both runs (digest "
            f"`{code[0]}`)." if code[0] == code[1] else
            f"**the seminar_nlp sources changed between the two runs** (`{code[0]}` -> "
            f"`{code[1]}`): they may have run different code, so differences below may come "
            "from the change.")
    examples = [example for found in results.comparison for example in found.examples]
    return [
        "### Good documents alone vs mixed", "",
        f"The {good_count(results)} good documents alone, same options: "
        f"{results.good.seconds:.1f} s; {same} Their per-document tables against their rows "
        "in the mixed run, compared as multisets of rows, once with the corpus-level columns "
        "left out (`entity_id`, `person_id`, `org_id`, `speaker_id`, and `roles.person`, "
        "`quotes.speaker`, which are the entity's name across the corpus) and once with every "
        "column, each id replaced by its entity's type and name. `documents` is compared on "
        "every column but `source` (the folders differ). *where* pairs the rows of each "
        "document in table order and names the columns that differ (with ids as names).", "",
        table(["table", "rows alone", "rows mixed", "rows differing, corpus-level left out",
               "rows differing, ids as names", "where"], comparison_rows(results)), "",
        *(["Mentions whose entity is named otherwise in the mixed run (first ones; mention: "
           "alone -> mixed): " + "; ".join(examples) + ".", ""] if examples else []),
    ]


def large_part(results: Results) -> list[str]:
    first, *rest = results.large
    ratio = (f"{rest[-1].per_mb / first.per_mb:.2f} (seconds per MB at "
             f"{rest[-1].n_bytes / MB:.2f} MB over seconds per MB at "
             f"{first.n_bytes / MB:.2f} MB; 1.00 = linear)") if rest else "n/a"
    return [
        "### Large documents", "",
        "Sample reports repeated (joined by a blank line) up to the size, one "
        "`Pipeline().process(text)` each in this process, models loaded and warmed up first; "
        "one run each. Peak RSS is this process's peak so far.", "",
        table(["document", "bytes", "characters", "tokens", "status", "seconds",
               "seconds per MB", "peak RSS MB"], large_rows(results)), "",
        f"Ratio: {ratio}.",
    ]


def probes_part(results: Results) -> list[str]:
    changed = ("" if results.code[0] == results.code[-1] else
               f" The seminar_nlp sources changed while this section ran (`{results.code[0]}` "
               f"-> `{results.code[-1]}`).")
    return [
        "### Inputs kept out of the mixed corpus", "",
        "An input that ends a whole run with an uncaught exception would hide every other "
        "result above, so each of these runs alone beside one good text, in its own "
        "`analyze_to(..., workers=1)`, and the outcome is reported whatever it is." + changed,
        "",
        table(["input", "outcome"], results.probes),
    ]


def report(settings: Settings, plan: Plan, results: Results) -> str:
    return "\n".join([
        f"## {NAME}", "", __doc__.split("\n\n", 1)[1].strip(), "",
        *corpus_part(settings, plan, results), "",
        *comparison_part(results),
        *large_part(results), "",
        *probes_part(results),
    ])
