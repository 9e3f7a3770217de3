"""Bytes to text: binary files refused, UTF-8 / UTF-16 / cp1251 / KOI8-R told apart.

The rule: a byte-order mark decides; bytes that start like a known binary
format are binary; bytes with NULs that read as Russian or Latin text in
UTF-16 are UTF-16 without a mark; more than 5% NULs otherwise is binary (a
stray NUL in a text is kept);
otherwise strict UTF-8, or UTF-8 with its few broken sequences replaced by U+FFFD (a file
cut mid-character, a few stray bytes of another encoding among valid UTF-8); otherwise
cp1251 or KOI8-R, whichever reading has the
likelier Russian letters, accepted only when charset-normalizer finds that
reading coherent (random bytes and other encodings decode to "chaos" and are
refused).
"""

from __future__ import annotations

import codecs
import math
import string

import charset_normalizer

# (magic prefix, name) of formats people drop into report folders by mistake.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"Rar!", "RAR archive"),
    (b"7z\xbc\xaf", "7-Zip archive"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
MAX_CHAOS = 0.1
MAX_NUL = 0.05  # share of NUL bytes above which bytes that are no UTF-16 text are binary
_PLAIN = frozenset(string.printable) | frozenset("«»—–…№ё\u00a0")
MAX_BROKEN = 0.001  # share of invalid UTF-8 sequences replaced rather than refused
MAX_STRAY = 0.05  # invalid sequences per valid non-ASCII UTF-8 character, likewise


# Russian letters by frequency in running text (per cent, rounded), for telling cp1251 from
# KOI8-R; a letter outside Russian counts as rarer than any of them.
_FREQUENCY = dict(zip("оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё",
                      (10.97, 8.45, 8.01, 7.35, 6.70, 6.26, 5.47, 4.73, 4.54, 4.40, 3.49, 3.21,
                       2.98, 2.81, 2.62, 2.01, 1.90, 1.74, 1.70, 1.65, 1.59, 1.44, 1.21, 0.97,
                       0.94, 0.73, 0.64, 0.48, 0.36, 0.32, 0.26, 0.04, 0.04), strict=True))
_LOG_FREQUENCY = {letter: math.log(share) for letter, share in _FREQUENCY.items()}
_RARE = math.log(0.01)


class DecodeError(ValueError):
    """The bytes are not text this tool can read; the message says why."""


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding) or raise DecodeError with a one-line reason."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                reason = f"invalid {encoding} after its byte-order mark: {error}"
                raise DecodeError(reason) from None
    for magic, name in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"binary file ({name}), not text")
    head = data[:65536]
    if b"\x00" in head:
        found = utf16_without_bom(data)
        if found is not None:
            return found
        if head.count(0) > MAX_NUL * len(head):
            raise DecodeError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    if mostly_utf8(text, replaced(text, data)):
        return text, "utf-8-replaced"  # cut mid-character, stray bytes: the rest is UTF-8
    encoding = eight_bit(data)
    best = charset_normalizer.from_bytes(data, cp_isolation=[encoding]).best()
    if best is None or best.chaos > MAX_CHAOS:
        raise DecodeError("undecodable: neither UTF-8, cp1251 nor KOI8-R text")
    return str(best), encoding.replace("_", "-")


def replaced(text: str, data: bytes) -> int:
    """How many invalid UTF-8 sequences a lenient decoding of ``data`` replaced."""
    return text.count("\ufffd") - data.count("\ufffd".encode())


def mostly_utf8(text: str, broken: int) -> bool:
    """Almost all of it is UTF-8: a few broken sequences (a file cut mid-character), or
    stray bytes of another encoding among many valid UTF-8 letters ("a word pasted from a
    cp1251 page"), not a text in another encoding whose every letter is broken."""
    valid = sum(ord(ch) > 127 for ch in text) - text.count("\ufffd")
    return broken <= max(3, MAX_BROKEN * len(text), MAX_STRAY * valid)


def eight_bit(data: bytes) -> str:
    """cp1251 or KOI8-R: the reading whose Cyrillic letters are the likelier Russian
    (each decodes the other's bytes to other letters, of the other case)."""
    readings = []
    for encoding in ("cp1251", "koi8_r"):
        try:
            readings.append((russian_likelihood(data.decode(encoding)), encoding == "cp1251",
                             encoding))
        except UnicodeDecodeError:  # cp1251 leaves one byte undefined
            continue
    return max(readings)[2]


def russian_likelihood(text: str) -> float:
    """Mean log-frequency of the Cyrillic letters of ``text`` in Russian (with none, as
    low as a text of rare letters)."""
    letters = [char.lower() for char in text if "\u0400" <= char <= "\u04ff"]
    if not letters:
        return _RARE
    return sum(_LOG_FREQUENCY.get(char, _RARE) for char in letters) / len(letters)


def utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text without a byte-order mark, if the bytes read as one: nearly all letters
    of the Cyrillic and Latin alphabets, digits, punctuation and spaces."""
    if len(data) % 2:
        return None
    best: tuple[float, str, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:20000]
        share = sum(ch in _PLAIN or "\u0400" <= ch <= "\u04ff" for ch in sample) / max(
            len(sample), 1)
        if share >= 0.9 and (best is None or share > best[0]):
            best = (share, text, encoding)
    return None if best is None else (best[1], best[2])
