"""Very long documents: cut at sentence ends, analysed piece by piece, joined into one."""

from __future__ import annotations

import pytest

from seminar_nlp import Pipeline
from seminar_nlp.pieces import cut
from seminar_nlp.records import Doc

REPORT = ("18 марта в Казани прошёл научный семинар «Данные и модели». "
          "Его открыл ректор КФУ Ильдар Гарипов. «Мы рады гостям», — сказал Ильдар Гарипов.\n")


def test_pieces_end_at_paragraphs_then_sentences_then_spaces() -> None:
    text = "Первое предложение. Второе предложение.\nТретье предложение. Четвёртое."
    assert [text[a:b] for a, b in cut(text, 45)] == [
        "Первое предложение. Второе предложение.\n", "Третье предложение. Четвёртое."]
    assert [text[a:b] for a, b in cut(text, 29)] == [
        "Первое предложение. ", "Второе предложение.\n", "Третье предложение. ",
        "Четвёртое."]
    words = "слово " * 10
    assert [words[a:b] for a, b in cut(words, 25)] == ["слово слово слово слово ",
                                                       "слово слово слово слово ",
                                                       "слово слово "]


def test_a_word_longer_than_a_piece_is_never_cut() -> None:
    assert cut("а" * 25, 10) == [(0, 25)]
    assert cut("аа " + "б" * 20 + " вв", 10) == [(0, 3), (3, 24), (24, 26)]
    assert cut("", 10) == [(0, 0)]
    # A blob of digits and punctuation with no space is no word: it is cut where it must be.
    assert cut("(1,2);(3,4)" * 3, 10) == [(0, 10), (10, 20), (20, 30), (30, 33)]


@pytest.fixture(scope="module")
def long_doc(pipeline: Pipeline) -> Doc:
    small = Pipeline(resources=pipeline.resources, piece=1000)
    return small.process(REPORT * 40)


def test_a_long_document_is_analysed_in_pieces_into_one(pipeline: Pipeline,
                                                        long_doc: Doc) -> None:
    whole = pipeline.process(REPORT * 40)
    assert len(whole.text) > 4000  # more than four pieces of 1000 characters
    assert long_doc.text == whole.text
    for layer in ("sentences", "tokens", "tags", "lemmas", "mentions", "normals", "roles",
                  "quotes", "events"):
        assert long_doc.need(layer) == whole.need(layer), layer
    assert [theme.theme for theme in long_doc.need("themes")][:3] == \
        [theme.theme for theme in whole.need("themes")][:3]


def test_offsets_and_indices_of_the_pieces_point_into_the_whole(long_doc: Doc) -> None:
    people = [(long_doc.text[m.start:m.stop], m.sent) for m in long_doc.need("mentions")
              if m.type == "PER"]
    assert len(people) == 80
    assert {name for name, _ in people} == {"Ильдар Гарипов"}
    assert [sent for _, sent in people][:4] == [1, 2, 4, 5]
    roles = long_doc.need("roles")
    assert len(roles) == 40
    last = roles[-1]
    assert long_doc.text[last.role_start:last.role_stop] == "ректор"
    assert long_doc.text[last.org_start:last.org_stop] == "КФУ"
    assert long_doc.need("mentions")[last.person].start > len(long_doc.text) - len(REPORT)
    quotes = long_doc.need("quotes")
    assert len(quotes) == 40
    assert all(long_doc.text[q.start:q.stop] == "Мы рады гостям" for q in quotes)
    assert long_doc.need("mentions")[quotes[-1].speaker].start > len(long_doc.text) - 60


def test_pieces_stay_small_however_long_the_document() -> None:
    """What keeps the time linear (the benchmark's robustness section times 1 MB and
    4 MB): a 4 MB document is four times the pieces of a 1 MB one, none of them longer."""
    sample = REPORT * 30_000  # 4.2 million characters
    one, four = sample[:1_000_000], sample[:4_000_000]
    pieces_one, pieces_four = cut(one), cut(four)
    assert max(b - a for a, b in pieces_one + pieces_four) <= 60_000
    assert (len(pieces_one), len(pieces_four)) == (17, 67)
    assert all(four[b - 1] == "\n" for _, b in pieces_four[:-1])  # each ends a paragraph
