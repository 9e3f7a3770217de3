"""Our look-up of a word's Zipf frequency gives wordfreq's value."""

from __future__ import annotations

from wordfreq import get_frequency_list, zipf_frequency

from seminar_nlp.frequency import bands, simple_tokens, zipf

OTHERS = ["по-русски", "Москва", "covid-19", "2020", "1990-х", "т.е", "ёлка", "ЁЛКА", "e-mail",
          "«цитата»", "", "   ", "кое-как", "несловоникакое", "ааааааааа", "3,5", "xii",
          "сша", "д'артаньян", "n°5", "др.", "т.е.", "pr-служба", "нью-йорк", "а-а-а", "-то",
          "что-", "кто--то", "abc.", "x-ray", "ё-моё", "a.b", "ab..", "ёж", "s"]


def test_zipf_is_wordfreqs() -> None:
    listed = [word for band in get_frequency_list("ru", "best") for word in band]
    sample = listed[:1000] + listed[::300] + listed[-1000:] + OTHERS
    for word in sample:
        expected = float(zipf_frequency(word, "ru"))
        assert repr(zipf(word)) == repr(expected), word


def test_bisection_finds_the_band_the_dict_gives() -> None:
    listed = bands()
    index = listed.indexed()
    words = [word for words in listed.lists[::40] for word in words[:3]]
    for word in words + ["несловоникакое", "", "яяяяя", "a"]:
        assert listed.search(word) == index.get(word), word


def test_simple_words_are_split_as_wordfreq_splits_them() -> None:
    from wordfreq import lossy_tokenize

    for word in OTHERS + ["какой-то", "северо-западный", "pr-компания", "мусульманин-суннит",
                          "red", "d-", "-", ".", "..", "х.", "word."]:
        found = simple_tokens(word)
        if found is not None:
            assert found == lossy_tokenize(word, "ru"), word
    assert simple_tokens("1990-х") is None and simple_tokens("т.е.") is None
