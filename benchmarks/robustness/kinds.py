"""Robustness benchmark: the kinds of input, their texts and the plan of a run."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..common import Settings

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
    "koi8-r": "a good text in KOI8-R",
    "bad-bytes": "a good UTF-8 text with 1-20 bytes invalid in UTF-8 inserted",
    "truncated-utf8": "a good UTF-8 text cut inside a character's bytes",
    "no-permission": "a good text, chmod 000",
    "symlink-loop": "a link to itself, or two links to each other",
    "symlink-dangling": "a link to a missing file",
    "folder-link": "a link to a folder (`up -> ..`, `self -> .`): not followed, its row says so",
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
        return Plan(copies=60, table_files=20, line_bytes=MB, long_docs=(MB, 4 * MB, 20 * MB),
                    factru=None)
    n = max(1, settings.limit)
    return Plan(copies=n, table_files=n, line_bytes=20_000 * n,
                long_docs=(25_000 * n, 100_000 * n), factru=n)
