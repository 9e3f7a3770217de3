import os

import pytest

from seminar_nlp.decoding import DecodeError, decode

TEXT = "18 марта в Национальном медицинском исследовательском центре прошёл научный семинар."


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp1251", "cp1251"), ("utf-16", "utf-16"),
])
def test_encodings_are_told_apart(encoding: str, expected: str) -> None:
    assert decode(TEXT.encode(encoding)) == (TEXT, expected)


@pytest.mark.parametrize("data, reason", [
    (b"\x89PNG\r\n\x1a\n" + os.urandom(64), "binary file (PNG image), not text"),
    (b"%PDF-1.7\n", "binary file (PDF document), not text"),
    (b"abc\x00def", "binary file (contains NUL bytes), not text"),
    (bytes(range(128, 256)) * 8, "undecodable: neither UTF-8 nor cp1251 text"),
])
def test_what_is_not_text_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError) as error:
        decode(data)
    assert str(error.value) == reason


def test_koi8_text_is_not_mistaken_for_cp1251() -> None:
    with pytest.raises(DecodeError):
        decode(TEXT.encode("koi8-r"))
