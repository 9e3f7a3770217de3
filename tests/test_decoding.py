import os

import pytest

from seminar_nlp.decoding import DecodeError, decode

TEXT = "18 марта в Национальном медицинском исследовательском центре прошёл научный семинар."


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp1251", "cp1251"), ("utf-16", "utf-16"),
    ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"),  # no byte-order mark
    ("koi8-r", "koi8-r"),
])
def test_encodings_are_told_apart(encoding: str, expected: str) -> None:
    assert decode(TEXT.encode(encoding)) == (TEXT, expected)


@pytest.mark.parametrize("data, reason", [
    (b"\x89PNG\r\n\x1a\n" + os.urandom(64), "binary file (PNG image), not text"),
    (b"%PDF-1.7\n", "binary file (PDF document), not text"),
    (b"abc\x00def", "binary file (contains NUL bytes), not text"),
    (bytes(range(128, 256)) * 8, "undecodable: neither UTF-8, cp1251 nor KOI8-R text"),
])
def test_what_is_not_text_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError) as error:
        decode(data)
    assert str(error.value) == reason


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_cp1251_and_koi8_are_told_apart_in_capitals_and_in_short_texts(encoding: str) -> None:
    # Each reads the other's bytes as other letters of the other case: letter frequencies
    # decide, so a text all in capitals is no harder.
    for text in (TEXT.upper(), "Прошёл научный семинар.", "Пресс-релиз"):
        assert decode(text.encode(encoding)) == (text, encoding)


def test_utf8_cut_mid_character_keeps_what_it_can() -> None:
    data = TEXT.encode() + " Семинар".encode()[:2]  # cut inside "С"
    assert decode(data) == (TEXT + " \ufffd", "utf-8-replaced")


def test_a_stray_nul_in_a_text_is_kept() -> None:
    data = TEXT.replace(" ", "\x00", 1).encode("utf-8") + b" " + TEXT.encode("utf-8") * 3
    text, encoding = decode(data)
    assert (text.count("\x00"), encoding) == (1, "utf-8")
