import pytest

from seminar_nlp import Pipeline


@pytest.mark.parametrize("sentence, expected", [
    ("Участники обсудили барьеры внедрения ИИ в клиническую практику.",
     ["участник", "обсудить", "барьер", "внедрение", "ИИ", "в", "клинический", "практика", "."]),
    ("Её доклад о лучших практиках был интересен всем.",
     ["ее", "доклад", "о", "хороший", "практика", "быть", "интересный", "весь", "."]),
    ("Изображающую героев картину купили в 1990 году.",
     ["изображать", "герой", "картина", "купить", "в", "1990", "год", "."]),
    # Two readings fit the tagger alike: the commoner lemma (большой, not больший).
    ("Спектакль прошёл с большим успехом.",
     ["спектакль", "пройти", "с", "большой", "успех", "."]),
])
def test_lemmas_follow_the_tagger(pipeline: Pipeline, sentence: str, expected: list[str]) -> None:
    assert list(pipeline.process(sentence).need("lemmas")) == expected
