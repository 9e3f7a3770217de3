"""Bytes to text: binary files refused, UTF-8 / UTF-16 / cp1251 told apart.

The rule: a byte-order mark decides; bytes that start like a known binary
format, or hold NUL bytes, are binary; otherwise strict UTF-8; otherwise
cp1251, accepted only when charset-normalizer finds the cp1251 reading
coherent (random bytes and other encodings decode to "chaos" and are refused).
"""

from __future__ import annotations

import codecs

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
    if b"\x00" in data[:65536]:
        raise DecodeError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data, cp_isolation=["cp1251"]).best()
    if best is None or best.chaos > MAX_CHAOS:
        raise DecodeError("undecodable: neither UTF-8 nor cp1251 text")
    return str(best), "cp1251"
