"""Robustness: odd texts and odd files never break a run, and every input keeps its row.

Texts go through ``Pipeline().process``; files through ``seminar_nlp.analyze`` over one
corpus folder, built and analysed once for the module, holding every odd file at once
(binary files, other encodings, an unreadable file, a named pipe, symbolic link loops,
broken CSV/JSONL, an HTML page with the usual clutter). Each test reads its own rows
and checks that the corpus gave exactly one row per input.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import math
import os
import struct
import sys
import threading
import time
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

import seminar_nlp
from seminar_nlp import Pipeline, Tables
from seminar_nlp.records import Doc

# ---------------------------------------------------------------------------------------
# Texts through Pipeline().process
# ---------------------------------------------------------------------------------------


def check_spans(doc: Doc) -> None:
    """Every span indexes documents.text; tokens lie inside their sentences, in order."""
    text = doc.text
    sentences, tokens = doc.need("sentences"), doc.need("tokens")
    assert len(doc.need("tags")) == len(doc.need("lemmas")) == len(tokens)
    assert len(doc.need("normals")) == len(doc.need("mentions"))
    previous_sentence_stop = previous_token_stop = next_token = 0
    for sent_id, sentence in enumerate(sentences):
        assert previous_sentence_stop <= sentence.start < sentence.stop <= len(text)
        assert sentence.token_start == next_token < sentence.token_stop
        previous_sentence_stop, next_token = sentence.stop, sentence.token_stop
        for token in tokens[sentence.token_start:sentence.token_stop]:
            assert token.sent == sent_id
            assert sentence.start <= token.start < token.stop <= sentence.stop
            assert token.start >= previous_token_stop  # no overlap
            assert text[token.start:token.stop] == token.text
            assert token.text.strip() == token.text  # no token starts or ends with a space
            previous_token_stop = token.stop
    assert next_token == len(tokens)
    for mention in doc.need("mentions"):
        sentence = sentences[mention.sent]
        assert sentence.token_start <= mention.token_start < mention.token_stop \
            <= sentence.token_stop
        assert (mention.start, mention.stop) == (tokens[mention.token_start].start,
                                                 tokens[mention.token_stop - 1].stop)
    for role in doc.need("roles"):
        assert 0 <= role.role_start < role.role_stop <= len(text)
    for quote in doc.need("quotes"):
        assert 0 <= quote.start <= quote.stop <= len(text)
    for event in doc.need("events"):
        assert 0 <= event.start < event.stop <= len(text)


@dataclass(frozen=True)
class Case:
    text: str
    status: str
    tokens: tuple[str, ...]  # the token texts, exactly
    lemmas: tuple[str, ...] | None = None  # None: not asserted (a language the models lack)
    mentions: tuple[tuple[str, str], ...] | None = None  # (text, type), None as above
    sentences: int | None = None


CASES = {
    "empty": Case("", "empty", (), (), (), 0),
    "only spaces": Case(" \t \n\n  \r\n \u00a0\u2009\u3000 ", "empty", (), (), (), 0),
    "only punctuation": Case(
        "?! … — «», ; (...)", "ok", ("?!", "…", "—", "«", "»", ",", ";", "(", "...", ")"),
        ("?!", "…", "—", "«", "»", ",", ";", "(", "...", ")"), (), 3),
    "only digits": Case("2026 18.03 1234567890", "ok", ("2026", "18.03", "1234567890"),
                        ("2026", "18.03", "1234567890"), (), 1),
    "English": Case("The seminar was held in Kazan on March 18.", "ok",
                    ("The", "seminar", "was", "held", "in", "Kazan", "on", "March", "18", "."),
                    sentences=1),
    "Ukrainian": Case("Семінар відбувся у Києві вісімнадцятого березня.", "ok",
                      ("Семінар", "відбувся", "у", "Києві", "вісімнадцятого", "березня", "."),
                      sentences=1),
    "Kazakh": Case("Семинар Алматыда өтті. Қатысушылар көп болды.", "ok",
                   ("Семинар", "Алматыда", "өтті", ".", "Қатысушылар", "көп", "болды", "."),
                   sentences=2),
    "mixed scripts": Case(
        "Компания Yandex и МГУ провели семинар по ML.", "ok",
        ("Компания", "Yandex", "и", "МГУ", "провели", "семинар", "по", "ML", "."),
        ("компания", "Yandex", "и", "МГУ", "провести", "семинар", "по", "ML", "."),
        (("Yandex", "ORG"), ("МГУ", "ORG")), 1),
    "control characters": Case(
        "Семинар\x00\x01\x07 прошёл\x1b в Казани.\x7f", "ok",
        ("Семинар", "прошёл", "в", "Казани", "."), ("семинар", "пройти", "в", "Казань", "."),
        (("Казани", "LOC"),), 1),
    "zero-width characters": Case(
        "Семинар\u200bпрошёл в Ка\u200dзани\u200d в инфор\u00adмационном цен\u2060тре\u2060.",
        "ok",
        ("Семинар", "прошёл", "в", "Ка\u200dзани", "в", "инфор\u00adмационном",
         "цен\u2060тре", "."),
        ("семинар", "пройти", "в", "Казань", "в", "информационный", "центр", "."),
        (("Ка\u200dзани", "LOC"),), 1),
    "RTL marks": Case(
        "\u200fСеминар\u200e прошёл \u202bв Казани\u202c \u206720 марта\u2069.", "ok",
        ("Семинар", "прошёл", "в", "Казани", "20", "марта", "."),
        ("семинар", "пройти", "в", "Казань", "20", "март", "."), (("Казани", "LOC"),), 1),
    "emoji": Case(
        "Семинар прошёл 🎉👍🏽 в Казани 👨\u200d👩\u200d👧.", "ok",
        ("Семинар", "прошёл", "🎉", "👍🏽", "в", "Казани", "👨\u200d👩\u200d👧", "."),
        ("семинар", "пройти", "🎉", "👍🏽", "в", "Казань", "👨\u200d👩\u200d👧", "."),
        (("Казани", "LOC"),), 1),
    "combining accent, one word": Case("ударе́ние", "ok", ("ударе́ние",), ("ударение",), (), 1),
    "combining accents in a sentence": Case(
        "Мы изучали ударе́ние в слове «за́мок».", "ok",
        ("Мы", "изучали", "ударе́ние", "в", "слове", "«", "за́мок", "»", "."),
        ("мы", "изучать", "ударение", "в", "слово", "«", "замок", "»", "."), (), 1),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_odd_texts(pipeline: Pipeline, case: Case) -> None:
    doc = pipeline.process(case.text)
    assert doc.source.status == case.status
    assert len(doc.text) == len(case.text)
    check_spans(doc)
    assert tuple(token.text for token in doc.need("tokens")) == case.tokens
    if case.lemmas is not None:
        assert doc.need("lemmas") == case.lemmas
    if case.mentions is not None:
        assert tuple((doc.text[m.start:m.stop], m.type) for m in doc.need("mentions")) \
            == case.mentions
    if case.sentences is not None:
        assert len(doc.need("sentences")) == case.sentences


LOOKALIKES_AND_STRESS = {
    # razdel would cut a word where the script changes (the Latin "M" of "Mоскве"); the
    # analysis reads look-alike letters in Cyrillic, so it gives what "Москве" gives.
    "Latin look-alike letter inside a Cyrillic word": (
        "Семинар прошёл в Mоскве.", ("Семинар", "прошёл", "в", "Mоскве", "."),
        ("семинар", "пройти", "в", "Москва", "."), (("Mоскве", "LOC"),)),
    # With the stress mark the NER model would read an unknown word and take "Ударе́ние"
    # at the start of a sentence for a person; it reads the words without the marks.
    "stress marks do not make a name": (
        "Ударе́ние па́дает на второй слог.", ("Ударе́ние", "па́дает", "на", "второй", "слог", "."),
        ("ударение", "падать", "на", "второй", "слог", "."), ()),
}


@pytest.mark.parametrize("text, tokens, lemmas, mentions", LOOKALIKES_AND_STRESS.values(),
                         ids=LOOKALIKES_AND_STRESS.keys())
def test_lookalike_letters_and_stress_marks(pipeline: Pipeline, text: str, tokens: tuple[str, ...],
                       lemmas: tuple[str, ...], mentions: tuple[tuple[str, str], ...]) -> None:
    doc = pipeline.process(text)
    check_spans(doc)
    assert tuple(token.text for token in doc.need("tokens")) == tokens
    assert doc.need("lemmas") == lemmas
    assert tuple((doc.text[m.start:m.stop], m.type) for m in doc.need("mentions")) == mentions


def test_only_invisible_characters_are_empty(pipeline: Pipeline) -> None:
    doc = pipeline.process("\u200b\u200b \ufeff\u200f\x01")
    check_spans(doc)
    assert (doc.source.status, doc.need("tokens")) == ("empty", ())


WORD = "Семинар" + "о" * 99_993  # one "word" of 100,000 letters


def test_a_word_of_100000_letters(pipeline: Pipeline) -> None:
    assert len(WORD) == 100_000
    doc = pipeline.process(WORD)
    check_spans(doc)
    assert doc.source.status == "ok"
    tokens = doc.need("tokens")
    assert (tokens[0].start, tokens[-1].stop) == (0, 100_000)
    # every letter is in a token
    assert all(a.stop == b.start for a, b in zip(tokens, tokens[1:], strict=False))


def test_a_word_of_100000_letters_is_one_token(pipeline: Pipeline) -> None:
    doc = pipeline.process(WORD)
    assert [(t.start, t.stop) for t in doc.need("tokens")] == [(0, 100_000)]
    assert [(s.start, s.stop) for s in doc.need("sentences")] == [(0, 100_000)]


SENTENCE = "Семинар прошёл в Казани, и Иван Петров выступил с докладом. "
SENTENCE_TOKENS = ("Семинар", "прошёл", "в", "Казани", ",", "и", "Иван", "Петров", "выступил",
                   "с", "докладом", ".")


def test_a_line_of_one_megabyte(pipeline: Pipeline) -> None:
    repeats = math.ceil(1_000_000 / len(SENTENCE))
    line = SENTENCE * repeats
    assert len(line) >= 1_000_000 and "\n" not in line
    started = time.perf_counter()
    doc = pipeline.process(line)
    seconds = time.perf_counter() - started
    check_spans(doc)
    assert doc.source.status == "ok" and doc.text == line
    assert len(doc.need("sentences")) == repeats
    assert tuple(token.text for token in doc.need("tokens")) == SENTENCE_TOKENS * repeats
    assert doc.need("lemmas")[:12] == ("семинар", "пройти", "в", "Казань", ",", "и", "Иван",
                                       "Петров", "выступить", "с", "доклад", ".")
    assert [(doc.text[m.start:m.stop], m.type) for m in doc.need("mentions")] \
        == [("Казани", "LOC"), ("Иван Петров", "PER")] * repeats
    print(f"1 MB line through the pipeline: {seconds:.1f} s")  # shown with pytest -s


# ---------------------------------------------------------------------------------------
# Files through seminar_nlp.analyze: one corpus folder, analysed once
# ---------------------------------------------------------------------------------------

REPORT = ("18 марта в Казанском федеральном университете прошёл научный семинар «Данные и "
          "общество».\nС приветственным словом выступил проректор Дмитрий Таюрский — он "
          "напомнил, что семинар проходит уже в третий раз.\nУчастники обсудили доступ к "
          "государственной статистике, № 1 в повестке.\n")

ARTICLE = [
    "В Казани прошёл семинар «Данные и общество»",
    "18 марта 2026",
    "18 марта в Казанском федеральном университете прошёл научный семинар «Данные и "
    "общество», посвящённый открытым данным в социальных исследованиях.",
    "С приветственным словом выступил проректор по научной деятельности Дмитрий Таюрский. "
    "Он отметил, что университет третий год подряд проводит семинар вместе с Институтом "
    "социологии РАН.",
    "Участники обсудили доступ к государственной статистике, анонимизацию персональных "
    "данных и подготовку аналитиков для региональных органов власти.",
    "«Открытые данные меняют то, как мы задаём исследовательские вопросы», — сказала "
    "руководитель лаборатории вычислительной социологии Анна Смирнова.",
]
CLUTTER = ["cookie", "Принять", "dataLayer", "gtag", "font-family", "Скрытый заголовок",
           "Логотип", "Главная", "Все новости", "Абитуриентам", "Контакты", "Читайте также",
           "хакатоне", "летнюю школу", "Политика конфиденциальности", "Карта сайта",
           "Все права защищены", "localStorage"]
PAGE = f"""<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>В Казани прошёл семинар «Данные и общество» — Новости университета</title>
<style>.cookie-banner {{ position: fixed; bottom: 0; }} body {{ font-family: sans-serif; }}</style>
<script>window.dataLayer = window.dataLayer || [];
function gtag(){{dataLayer.push(arguments);}} gtag('config', 'UA-000000-1');</script>
<script type="application/ld+json">{{"@type": "NewsArticle",
"headline": "Скрытый заголовок из разметки"}}</script>
</head>
<body>
<div class="cookie-banner" id="cookie-consent">
  <p>Мы используем файлы cookie, чтобы сайт работал лучше. Продолжая пользоваться сайтом, вы
  соглашаетесь с политикой обработки персональных данных.</p>
  <button>Принять все cookie</button>
</div>
<header>
  <a href="/">Логотип университета</a>
  <nav class="main-menu"><ul><li><a href="/">Главная</a></li><li><a href="/news">Все
  новости</a></li><li><a href="/abiturientam">Абитуриентам</a></li><li><a
  href="/contacts">Контакты</a></li></ul></nav>
</header>
<nav class="breadcrumbs"><a href="/">Главная</a> / <a href="/news">Новости</a> / Семинар</nav>
<main>
<article>
  <h1>{ARTICLE[0]}</h1>
  <p class="date">{ARTICLE[1]}</p>
  {"".join(f"<p>{paragraph}</p>" for paragraph in ARTICLE[2:])}
</article>
<aside class="related"><h3>Читайте также</h3><ul><li><a href="/n/1">Студенты КФУ победили в
хакатоне по анализу данных</a></li><li><a href="/n/2">Открыт приём заявок на летнюю
школу</a></li></ul></aside>
</main>
<footer>
  <nav><a href="/privacy">Политика конфиденциальности</a> | <a href="/sitemap">Карта сайта</a></nav>
  <p>© 2026 Казанский федеральный университет. Все права защищены.</p>
</footer>
<script>document.getElementById('cookie-consent').addEventListener('click',
function(){{ localStorage.setItem('cookiesAccepted', 'yes'); }});</script>
</body>
</html>
"""

NEWS_CSV = (
    "id,title,text\n"
    'r1,Семинар,"18 марта в Казани прошёл семинар.\nВторой абзац отчёта."\n'  # lines 2-3
    "r2,Форум,Текст форума,лишняя ячейка\n"  # line 4: one cell too many
    "r3,Пустой отчёт,\n"  # line 5: an empty text cell
    "\n"  # a blank line is no row
    'r1,Повтор,"Тот же id, другой отчёт о круглом столе."\n'  # line 7: a repeated id
    ',Без id,"Отчёт без идентификатора."\n'  # line 8, row 6: no id
)
POSTS_JSONL = "\n".join([
    json.dumps({"id": "j0", "body": "В этой строке нет поля text."}, ensure_ascii=False),
    json.dumps({"id": "j1", "title": "Семинар", "date": "2026-03-18",
                "text": "Семинар прошёл в Казани.", "url": "https://example.org/1"},
               ensure_ascii=False),
    json.dumps({"id": "j1~2", "text": "Этот id сам похож на переименованный."},
               ensure_ascii=False),
    "{broken",
    '["a", "list"]',
    "",  # a blank line is no row
    json.dumps({"id": "j1", "text": "Снова j1: получит новый id."}, ensure_ascii=False),
    json.dumps({"id": "j2", "text": ""}),
]) + "\n"


def png_image() -> bytes:
    """A real 1x1 PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


PDF = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
       b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
       b"trailer << /Root 1 0 R >>\n%%EOF\n")

# Every row the corpus must give (count in): one a file, one a table row.
CORPUS_ROWS = (
    "authors",  # authors.jsonl: no text field in any object
    "bundle",  # bundle.zip
    "contacts",  # contacts.csv: no text column
    "header-only",  # header-only.csv: a header and no rows
    "invisible",  # invisible.txt: zero-width characters only
    "japanese",  # japanese.txt: Shift-JIS
    "locked",  # locked.txt: no read permission
    "loop-a", "loop-b",  # loop-a.txt -> loop-b.txt -> loop-a.txt
    "inner",  # nested/inner.md
    "up",  # nested/up -> .. is a folder link: not followed, and said so
    "news:2", "r1", "r3", "r1~2", "news:6",  # news.csv ("news:2" is its broken row)
    "page",  # page.html
    "paper",  # paper.pdf
    "pipe",  # pipe.txt: a named pipe
    "j0", "j1", "j1~2", "posts:4", "posts:5", "j1~3", "j2",  # posts.jsonl
    "report",  # report.txt: UTF-8
    "report-cp1251", "report-utf16be", "report-utf16le",
    "dangling",  # dangling.txt -> missing.txt
    "screenshot",  # screenshot.png
)


class PipeWatch:
    """Unblocks any reader of a named pipe by opening it for writing, and counts it.

    The readers must refuse a named pipe without opening it; should one ever open it
    and block, this turns a hung test run into a failing assertion (``unblocked``).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.unblocked = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        while not self._stop.wait(0.05):
            try:
                descriptor = os.open(self.path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # nobody is reading it
                continue
            self.unblocked += 1
            os.close(descriptor)

    def __enter__(self) -> PipeWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32),
                ("inheritable", ctypes.c_uint32)]


CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2


@contextmanager
def without_root_file_access() -> Iterator[None]:
    """As root, this thread gives up (for the block) the capabilities that let it read a file
    without read permission, so that ``chmod 000`` really stops the readers. Linux keeps
    capabilities per thread, and they come back from the permitted set afterwards."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        yield
        return
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    header = _CapHeader(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3, this thread
    data = (_CapData * 2)()
    if libc.capget(ctypes.byref(header), data) != 0:
        yield
        return
    saved = data[0].effective
    data[0].effective &= ~((1 << CAP_DAC_OVERRIDE) | (1 << CAP_DAC_READ_SEARCH))
    dropped = libc.capset(ctypes.byref(header), data) == 0
    try:
        yield
    finally:
        if dropped:
            data[0].effective = saved
            assert libc.capset(ctypes.byref(header), data) == 0


def can_open(path: Path) -> bool:
    try:
        with open(path, "rb"):
            return True
    except PermissionError:
        return False


@dataclass(frozen=True)
class Corpus:
    folder: Path
    tables: Tables
    locked_was_unreadable: bool  # False only where even dropped capabilities could not stop root
    pipe_unblocked: int


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Iterator[Corpus]:
    folder = tmp_path_factory.mktemp("odd-corpus")
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    (folder / "report-utf16le.txt").write_bytes(b"\xff\xfe" + REPORT.encode("utf-16-le"))
    (folder / "report-utf16be.txt").write_bytes(b"\xfe\xff" + REPORT.encode("utf-16-be"))
    (folder / "report-cp1251.txt").write_bytes(REPORT.encode("cp1251"))
    (folder / "screenshot.png").write_bytes(png_image())
    (folder / "paper.pdf").write_bytes(PDF)
    with zipfile.ZipFile(folder / "bundle.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("report.txt", REPORT)
    japanese = "東京で開かれたセミナーには多くの研究者が参加しました。\n" * 5
    (folder / "japanese.txt").write_bytes(japanese.encode("shift_jis"))
    (folder / "invisible.txt").write_bytes("\ufeff\u200b \u200b\u2060\n".encode())
    locked = folder / "locked.txt"
    locked.write_text(REPORT, encoding="utf-8")
    locked.chmod(0)
    os.mkfifo(folder / "pipe.txt")
    (folder / "loop-a.txt").symlink_to("loop-b.txt")
    (folder / "loop-b.txt").symlink_to("loop-a.txt")
    (folder / "dangling.txt").symlink_to("missing.txt")
    (folder / "nested").mkdir()
    (folder / "nested" / "inner.md").write_text("Семинар прошёл в Томске.", encoding="utf-8")
    (folder / "nested" / "up").symlink_to("..", target_is_directory=True)
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    (folder / "news.csv").write_text(NEWS_CSV, encoding="utf-8")
    (folder / "contacts.csv").write_text("id,body,author\n1,Текст отчёта,Иванов\n",
                                         encoding="utf-8")
    (folder / "header-only.csv").write_text("id,text\n", encoding="utf-8")
    (folder / "posts.jsonl").write_text(POSTS_JSONL, encoding="utf-8")
    (folder / "authors.jsonl").write_text(
        '{"id": "a1", "body": "Текст"}\n{"id": "a2", "content": "Текст", "lang": "ru"}\n',
        encoding="utf-8")
    with PipeWatch(folder / "pipe.txt") as watch, without_root_file_access():
        unreadable = not can_open(locked)
        tables = seminar_nlp.analyze([folder], pipeline=pipeline)
    yield Corpus(folder, tables, unreadable, watch.unblocked)
    locked.chmod(0o600)


def row(corpus: Corpus, doc_id: str) -> pd.Series:
    """The one documents row of ``doc_id``, after checking count in = count out."""
    documents = corpus.tables.documents
    assert len(documents) == len(CORPUS_ROWS)
    assert sorted(documents["doc_id"]) == sorted(CORPUS_ROWS)
    (index,) = documents.index[documents["doc_id"] == doc_id]
    return documents.loc[index]


def outcome(corpus: Corpus, doc_id: str) -> tuple[str, str | None]:
    found = row(corpus, doc_id)
    return found["status"], None if pd.isna(found["error"]) else found["error"]


@pytest.mark.parametrize("doc_id, reason", [
    ("screenshot", "binary file (PNG image), not text"),
    ("paper", "binary file (PDF document), not text"),
    ("bundle", "binary file (ZIP archive (or DOCX/XLSX)), not text"),
])
def test_binary_files_are_refused_naming_what_they_are(corpus: Corpus, doc_id: str,
                                                       reason: str) -> None:
    found = row(corpus, doc_id)
    assert (found["status"], found["error"], found["text"], found["n_tokens"]) == (
        "error", reason, "", 0)


@pytest.mark.parametrize("doc_id, encoding", [
    ("report", "utf-8"), ("report-utf16le", "utf-16"), ("report-utf16be", "utf-16"),
    ("report-cp1251", "cp1251"),
])
def test_encodings_decode_to_the_same_text(corpus: Corpus, doc_id: str, encoding: str) -> None:
    found = row(corpus, doc_id)
    assert (found["status"], found["text"], found["meta"]) == (
        "ok", REPORT, json.dumps({"encoding": encoding}))
    utf8 = row(corpus, "report")
    assert (found["n_sentences"], found["n_tokens"]) == (utf8["n_sentences"], utf8["n_tokens"])
    tokens = corpus.tables.tokens
    assert list(tokens[tokens["doc_id"] == doc_id]["text"]) \
        == list(tokens[tokens["doc_id"] == "report"]["text"])


def test_an_undecodable_file_is_reported(corpus: Corpus) -> None:
    assert outcome(corpus, "japanese") == (
        "error", "undecodable: neither UTF-8, cp1251 nor KOI8-R text")


def test_a_file_of_invisible_characters_is_empty(corpus: Corpus) -> None:
    assert outcome(corpus, "invisible") == ("empty", "no text")


def test_an_unreadable_file_is_reported(corpus: Corpus) -> None:
    if not corpus.locked_was_unreadable:
        pytest.skip("running as root with file-access capabilities that could not be "
                    "dropped here: chmod 000 does not stop root from reading")
    assert outcome(corpus, "locked") == ("error", "cannot read: permission denied")


def test_a_named_pipe_is_refused_without_blocking(corpus: Corpus) -> None:
    assert outcome(corpus, "pipe") == ("error", "cannot read: not a regular file (a named pipe)")
    assert corpus.pipe_unblocked == 0  # the readers never opened it


def test_symbolic_link_loops_end_and_every_real_file_appears_once(corpus: Corpus) -> None:
    assert outcome(corpus, "loop-a") == ("error", "cannot read: symbolic link loop")
    assert outcome(corpus, "loop-b") == ("error", "cannot read: symbolic link loop")
    assert outcome(corpus, "dangling") == ("error", "cannot read: broken symbolic link")
    assert outcome(corpus, "inner") == ("ok", None)
    assert outcome(corpus, "up") == (
        "error", "a linked folder: not followed (--follow-links follows it)")
    files = sorted(path.relative_to(corpus.folder).as_posix()
                   for path in corpus.folder.rglob("*")
                   if (path.is_file() or path.is_symlink() or path.is_fifo())
                   and path.suffix not in (".csv", ".jsonl"))
    documents = corpus.tables.documents
    sources = documents[~documents["source"].str.endswith((".csv", ".jsonl"))]["source"]
    assert sorted(Path(source).relative_to(corpus.folder).as_posix() for source in sources) \
        == files
    assert row(corpus, "inner")["source"] == str(corpus.folder / "nested" / "inner.md")


def test_a_file_that_disappears_mid_run_is_reported(tmp_path: Path, pipeline: Pipeline) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    names = [f"r{number:02d}" for number in range(10)]
    for name in names:
        (folder / f"{name}.txt").write_text(f"Семинар номер {name} прошёл в Казани.",
                                            encoding="utf-8")
    arrived: list[str] = []

    def progress(doc: Doc) -> None:
        arrived.append(doc.source.doc_id)
        if len(arrived) == 1:
            (folder / "r09.txt").unlink()

    tables = seminar_nlp.analyze([folder], pipeline=pipeline, batch_size=1, progress=progress)
    documents = tables.documents
    assert arrived == list(documents["doc_id"]) == names  # count in = count out
    assert list(documents["status"]) == ["ok"] * 9 + ["error"]
    assert documents["error"].iloc[-1] == (
        "cannot read: the file disappeared before it could be read")


def test_a_table_without_the_text_column_names_the_columns_found(corpus: Corpus) -> None:
    assert outcome(corpus, "contacts") == (
        "error", "no text column 'text'; columns found: id, body, author")
    assert outcome(corpus, "authors") == (
        "error", "no text column 'text'; columns found: id, body, content, lang")
    assert outcome(corpus, "header-only") == ("empty", "no rows")


def test_malformed_rows_are_reported_with_line_numbers(corpus: Corpus) -> None:
    assert outcome(corpus, "news:2") == ("error", "row 2 (line 4): 4 cells where the header has 3")
    assert outcome(corpus, "j0") == (  # a row without text keeps the id it gives
        "error", "line 1: no text field 'text'; fields found: id, body")
    assert outcome(corpus, "posts:4") == (
        "error", "line 4: malformed JSON (Expecting property name enclosed in double quotes)")
    assert outcome(corpus, "posts:5") == ("error", "line 5: a JSON object was expected")
    # the rest of both files is read
    assert outcome(corpus, "r1") == ("ok", None)
    assert row(corpus, "r1")["text"] == "18 марта в Казани прошёл семинар.\nВторой абзац отчёта."
    assert outcome(corpus, "news:6") == ("ok", None)
    assert outcome(corpus, "j2") == ("empty", "no text")
    found = row(corpus, "j1")
    assert (found["status"], found["title"], found["date"], found["meta"]) == (
        "ok", "Семинар", "2026-03-18", json.dumps({"url": "https://example.org/1"}))


def test_empty_text_cells_are_empty(corpus: Corpus) -> None:
    found = row(corpus, "r3")
    assert (found["status"], found["error"], found["title"], found["text"]) == (
        "empty", "no text", "Пустой отчёт", "")
    assert outcome(corpus, "j2") == ("empty", "no text")


def test_duplicate_ids_are_made_unique_and_reported(corpus: Corpus) -> None:
    renamed = {doc_id: row(corpus, doc_id) for doc_id in ("r1~2", "j1~2", "j1~3")}
    assert renamed["r1~2"]["text"] == "Тот же id, другой отчёт о круглом столе."
    assert renamed["r1~2"]["meta"] == json.dumps({"renamed_from": "r1"})
    # "j1~2" is the id its row gave itself: the second "j1" does not take it
    assert renamed["j1~2"]["text"] == "Этот id сам похож на переименованный."
    assert pd.isna(renamed["j1~2"]["meta"])
    assert renamed["j1~3"]["text"] == "Снова j1: получит новый id."
    assert renamed["j1~3"]["meta"] == json.dumps({"renamed_from": "j1"})
    assert corpus.tables.documents["doc_id"].is_unique


def test_html_keeps_the_article_and_drops_the_clutter(corpus: Corpus) -> None:
    found = row(corpus, "page")
    assert (found["status"], found["title"], found["date"]) == (
        "ok", "В Казани прошёл семинар «Данные и общество»", "2026-03-18")
    assert found["text"] == "\n".join(ARTICLE)
    assert [piece for piece in CLUTTER if piece in found["text"]] == []
    mentions = corpus.tables.mentions
    people = set(mentions[(mentions["doc_id"] == "page") & (mentions["type"] == "PER")]["normal"])
    assert {"Дмитрий Таюрский", "Анна Смирнова"} <= people


def test_corpus_spans_slice_documents_text(corpus: Corpus) -> None:
    tables = corpus.tables
    text = dict(zip(tables.documents["doc_id"], tables.documents["text"], strict=True))
    for name in ("sentences", "tokens", "mentions"):
        table = getattr(tables, name)
        assert len(table) > 0
        for item in table.itertuples():
            assert text[item.doc_id][item.start:item.stop] == item.text
    failed = tables.documents[tables.documents["status"] != "ok"]["doc_id"]
    assert not tables.tokens["doc_id"].isin(failed).any()
    assert len(tables.documents) == len(CORPUS_ROWS)


def test_names_and_texts_no_encoding_can_write_do_not_stop_the_run(tmp_path: Path) -> None:
    """A file name in no UTF-8 and a JSON line with a lone surrogate: their rows are
    written (with U+FFFD in place of what cannot be encoded), the other inputs too."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Семинар прошёл в Казани.", encoding="utf-8")
    odd_name = os.fsdecode(b"name-\xff\xfe.txt")
    (folder / odd_name).write_text("Форум прошёл в Томске.", encoding="utf-8")
    (folder / "rows.jsonl").write_text(
        '{"id": "s1", "text": "Смайлик \\ud83d обрезан, Иван Петров доволен."}\n'
        '{"id": "s2", "text": "Лекция прошла в Москве."}\n', encoding="utf-8")
    out = tmp_path / "out"
    summary = seminar_nlp.api.analyze_to(out, [folder])
    assert summary.statuses == {"ok": 4}
    documents = pd.read_parquet(out / "documents.parquet")
    assert sorted(documents["doc_id"]) == ["good", "name-\ufffd\ufffd", "s1", "s2"]
    text = documents.set_index("doc_id").loc["s1", "text"]
    assert text == "Смайлик \ufffd обрезан, Иван Петров доволен."
    mentions = pd.read_parquet(out / "mentions.parquet")
    assert ["Иван Петров"] == mentions[mentions["doc_id"] == "s1"]["text"].tolist()
