"""Key themes: the stage on the seed and sample reports, normal forms, and corpus grouping."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from helpers import REPORTS
from seminar_nlp import Doc, Pipeline
from seminar_nlp.corpus.themes import corpus_themes, related, same_stem
from seminar_nlp.readers import iter_sources
from seminar_nlp.records import Source
from seminar_nlp.stages.lemma import Lemma
from seminar_nlp.stages.morph import Morph
from seminar_nlp.stages.ner import NER
from seminar_nlp.stages.segment import Segment
from seminar_nlp.stages.themes.ranker import Themes, Weights, rules

SEED_THEMES = {"искусственный интеллект", "клиническая практика", "медицинское образование",
               "подготовка кадров"}


@pytest.fixture(scope="module")
def themes_pipeline(pipeline: Pipeline) -> Pipeline:
    resources = pipeline.resources
    return Pipeline([Segment(), Morph(resources), Lemma(resources), NER(resources),
                     Themes(resources)], resources=resources)


@pytest.fixture(scope="module")
def reports(themes_pipeline: Pipeline) -> list[Doc]:
    return list(themes_pipeline.run(iter_sources([REPORTS])))


def seed(reports: list[Doc]) -> Doc:
    return next(doc for doc in reports if doc.source.doc_id == "almazov-seminar")


def test_the_seed_report_has_its_themes_in_the_top_ten(reports: list[Doc]) -> None:
    top = [theme.theme for theme in seed(reports).need("themes")[:10]]
    assert len(SEED_THEMES & set(top)) >= 3, top  # "медицинское образование" is 11th
    assert top[0] == "искусственный интеллект"


def test_nested_and_acronym_forms_are_not_listed_twice(reports: list[Doc]) -> None:
    names = [theme.theme for theme in seed(reports).need("themes")]
    assert "интеллект" not in names  # only inside "искусственный интеллект"
    assert "ИИ" not in names  # counted as "искусственный интеллект"


def test_every_report_gets_ranked_distinct_themes(reports: list[Doc]) -> None:
    lexicon = rules()
    assert len(reports) == 17
    for doc in reports:
        themes = doc.need("themes")
        assert 5 <= len(themes) <= Weights().max_themes, doc.source.doc_id
        assert themes[0].score == 1.0
        scores = [theme.score for theme in themes]
        assert scores == sorted(scores, reverse=True)
        assert len({frozenset(theme.lemmas) for theme in themes}) == len(themes)
        for theme in themes:
            assert theme.theme.strip() and theme.lemmas
            single = theme.lemmas[0] if len(theme.lemmas) == 1 else None
            assert single not in lexicon["stop"] | lexicon["generic"] | lexicon["light"]


def test_themes_are_nominative_phrases(themes_pipeline: Pipeline) -> None:
    text = ("Участники круглого стола обсудили вопросы подготовки кадров для цифровой "
            "экономики. Подготовку кадров для цифровой экономики ведут вузы, а внедрению "
            "цифровых технологий в образовательные программы посвятили отдельную секцию. "
            "О цифровых технологиях говорили весь день.")
    themes = [theme.theme for theme in themes_pipeline.process(text).need("themes")]
    assert "подготовка кадров" in themes or "подготовка кадров для цифровой экономики" in themes
    assert "цифровые технологии" in themes
    assert "цифровая экономика" in themes
    assert not any(theme.startswith(("подготовки", "цифровых", "вопрос")) for theme in themes)


def test_a_bibliography_in_the_second_half_gives_no_themes(themes_pipeline: Pipeline) -> None:
    body = ("Статья посвящена мониторингу почв городских ландшафтов. Мониторинг почв ведётся на "
            "десяти площадках. Загрязнение почв тяжёлыми металлами оценивали по стандартной "
            "методике.\n")
    bibliography = ("Список литературы:\n1. Иванов И. И. Геохимия ландшафтов. М.: Наука, 2001.\n"
                    "2. Петров П. П. Городская геохимия. СПб., 2005.\n")

    def lemmas(text: str) -> set[str]:
        doc = themes_pipeline.process(text)
        return {lemma for theme in doc.need("themes") for lemma in theme.lemmas}

    assert {"почва", "ландшафт", "металл"} <= lemmas(body + bibliography)
    assert not {"геохимия", "список", "литература", "наука"} & lemmas(body + bibliography)
    # In the first half such a heading is no back matter (a contents line, a section).
    assert {"геохимия", "литература"} <= lemmas(bibliography + body)


ROUND_TABLE = (
    "Круглый стол «Обработка текстов на языках России» прошёл в Институте вычислительной "
    "математики и информационных технологий КФУ. Участники круглого стола обсудили обработку "
    "текстов и машинный перевод. Директор Института вычислительной математики и информационных "
    "технологий КФУ Иван Петров рассказал о машинном переводе. Круглый стол завершился "
    "обсуждением корпусов.")


def test_pieces_of_organisation_names_are_no_themes(pipeline: Pipeline) -> None:
    themes = [theme.theme for theme in pipeline.process(ROUND_TABLE).need("themes")]
    assert themes[0] == "обработка текстов" and "машинный перевод" in themes[:3]
    assert "КФУ" in themes  # a name inside the organisation's name is one of its own
    assert not any("математик" in theme or "Институт" in theme for theme in themes)


def test_pieces_of_place_names_are_no_themes(pipeline: Pipeline) -> None:
    text = ("Форум по энергетике собрал участников из Ханты-Мансийского автономного округа — "
            "Югры и Ямало-Ненецкого автономного округа. На форуме обсудили улавливание "
            "углерода и атомную генерацию. Улавливание углерода назвали главной темой года.")
    themes = [theme.theme for theme in pipeline.process(text).need("themes")]
    assert not any(theme.lower() in ("автономный округ", "округ") for theme in themes)
    # a phrase that cuts a place's name short: "спорт Республики" of "... спорта Республики
    # Карелия"
    text = ("Предложения круглого стола направят министру образования и спорта Республики "
            "Карелия. Министерство образования и спорта Республики Карелия обсудило спорт и "
            "образование в сельских школах.")
    themes = [theme.theme for theme in pipeline.process(text).need("themes")]
    assert not any("Республики" in theme for theme in themes)


def test_a_rare_noun_the_tagger_read_as_an_adjective_heads_its_phrase(
        pipeline: Pipeline) -> None:
    # the tagger reads "улавливание" as an adjective; the dictionary knows only a noun
    text = ("На форуме обсудили улавливание углерода и атомную генерацию. Улавливание "
            "углерода назвали главной темой года.")
    themes = [theme.theme for theme in pipeline.process(text).need("themes")]
    assert themes[0] == "улавливание углерода" and "углерод" not in themes


def test_a_word_of_a_quoted_name_is_no_theme_but_the_whole_name_may_be(
        pipeline: Pipeline) -> None:
    text = ("Вебинар о телемедицине провела компания ООО «ТелеМед Системс». Директор ООО «ТелеМед "
            "Системс» рассказала о дистанционном мониторинге пациентов. Дистанционный мониторинг "
            "пациентов снижает нагрузку на врачей.")
    themes = [theme.theme for theme in pipeline.process(text).need("themes")]
    assert "Системс" not in themes and "ТелеМед" not in themes
    assert "ТелеМед Системс" in themes


def test_the_event_type_is_no_top_theme_of_its_report(pipeline: Pipeline) -> None:
    news = Pipeline(resources=pipeline.resources, theme_weights=Weights.news())
    default = [theme.theme for theme in pipeline.process(ROUND_TABLE).need("themes")]
    assert "стол" not in default and default.index("круглый стол") > 0
    names = [theme.theme for theme in news.process(ROUND_TABLE).need("themes")]
    assert names.index("КФУ") < default.index("КФУ")  # news weights rank names higher


def keeping(pipeline: Pipeline) -> Pipeline:
    """The default pipeline with every place and person a theme (``entities="keep"``)."""
    return Pipeline(resources=pipeline.resources, theme_weights=Weights(entities="keep"))


def test_names_of_one_country_are_one_theme(pipeline: Pipeline) -> None:
    text = ("Форум о туризме прошёл в Казани. Россия принимает гостей из десяти стран. Туризм в РФ "
            "растёт, и в России открываются новые маршруты. Туроператоры Российской Федерации "
            "представили маршруты по России.")
    themes = [theme.theme for theme in keeping(pipeline).process(text).need("themes")]
    assert "Россия" in themes  # the name said most often
    assert not {"РФ", "Российская Федерация"} & set(themes)


def test_an_acronym_with_a_case_ending_is_shown_bare(pipeline: Pipeline) -> None:
    text = ("Акционеры ЮКОСа обратились в ЕСПЧ. Компенсации акционерам ЮКОСа выплатят не скоро. "
            "Решение по делу ЮКОСа принято в Страсбурге.")
    themes = [theme.theme for theme in pipeline.process(text).need("themes")]
    assert themes[0] == "ЮКОС"
    assert "ЮКОСа" not in themes


def test_an_acronym_the_text_defines_gives_way_to_its_expansion(pipeline: Pipeline) -> None:
    text = ("Конференция посвящена беспилотным летательным аппаратам (БЛА). Применение БЛА в "
            "сельском хозяйстве растёт. Производители БЛА представили новые модели. Испытания "
            "БЛА прошли успешно. Делегация США посетила выставку, и специалисты из США оценили "
            "модели.")
    themes = [theme.theme for theme in keeping(pipeline).process(text).need("themes")]
    assert themes[0] == "беспилотные летательные аппараты"
    assert "БЛА" not in themes
    assert "США" in themes  # a name the dictionary knows stays as written


def test_a_guessed_name_in_another_case_than_the_taggers_stays_as_written(
        pipeline: Pipeline) -> None:
    # pymorphy3 reads "Караченцев" only as a plural genitive ("караченцы"), the tagger as a
    # nominative; "Кастильоне" does not decline.
    first = pipeline.process("Каталог двойных галактик составил астроном Караченцев.")
    second = pipeline.process("О работах Кастильоне в Китае писали многие историки.")
    assert "Караченцев" in [theme.theme for theme in first.need("themes")]
    assert "Кастильоне" in [theme.theme for theme in second.need("themes")]


def test_hyphenated_names_are_shown_in_the_nominative(pipeline: Pipeline) -> None:
    first = pipeline.process("Выставка робототехники открылась в Нью-Йорке.")
    second = pipeline.process("Самолёт Ту-154 разбился под Сочи. Эксперты изучили Ту-154 и "
                              "записи. На борту Ту-154 были музыканты.")
    # The tagger reads the opening "Выставка" as a name; it is the sentence's capital.
    assert [theme.theme for theme in first.need("themes")] == ["выставка робототехники",
                                                                "Нью-Йорк"]
    assert "Ту-154" in [theme.theme for theme in second.need("themes")]  # not "Та-154"


def test_a_document_without_words_has_no_themes(themes_pipeline: Pipeline) -> None:
    doc = themes_pipeline.run_batch([Doc(Source("d", "<test>", "2026 — 18:00 …"))])[0]
    assert doc.need("themes") == ()


def test_the_stage_declares_its_layers(pipeline: Pipeline) -> None:
    stage = Themes(pipeline.resources)
    assert (stage.name, stage.needs, stage.provides) == (
        "themes", ("sentences", "tokens", "tags", "lemmas", "mentions"), ("themes",))
    with pytest.raises(ValueError):
        Pipeline([Segment(), stage], resources=pipeline.resources)


def test_ten_themes_a_report(reports: list[Doc]) -> None:
    assert max(len(doc.need("themes")) for doc in reports) == Weights().max_themes == 10


def test_the_weights_can_be_changed(themes_pipeline: Pipeline, reports: list[Doc]) -> None:
    doc = seed(reports)
    fewer = Themes(themes_pipeline.resources, replace(Weights(), max_themes=3))
    assert len(fewer([doc])[0].need("themes")) == 3


def test_news_weights_rank_places_higher(pipeline: Pipeline) -> None:
    text = ("Форум в Казани. В Казани прошёл форум о подготовке кадров. Участники обсудили "
            "подготовку кадров для промышленности и новые программы обучения. Казань принимает "
            "гостей из десяти регионов.")
    news = Pipeline(resources=pipeline.resources, theme_weights=Weights.news())
    assert [t.theme for t in pipeline.process(text).need("themes")][:2] == [
        "подготовка кадров", "Казань"]
    assert [t.theme for t in news.process(text).need("themes")][0] == "Казань"


# Corpus themes

def frame(rows: list[tuple[str, int, str, float, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["doc_id", "rank", "theme", "score", "lemmas"])


def test_corpus_themes_group_forms_acronyms_and_related_words(pipeline: Pipeline) -> None:
    themes = frame([
        ("a", 1, "цифровые технологии", 1.0, "цифровой технология"),
        ("b", 2, "цифровая технология", 0.5, "цифровой технология"),
        ("a", 2, "искусственный интеллект", 0.8, "искусственный интеллект"),
        ("c", 1, "ИИ", 1.0, "ии"),
        ("c", 2, "цифровая экономика", 0.6, "цифровой экономика"),
        ("d", 1, "цифровизация экономики", 1.0, "цифровизация экономика"),
        ("d", 2, "экспорт нефти", 0.4, "экспорт нефть"),
        ("b", 1, "импорт нефти", 1.0, "импорт нефть"),
        ("e", 1, "технологии искусственного интеллекта", 1.0,
         "технология искусственный интеллект"),
        ("e", 2, "медицинское образование", 0.5, "медицинский образование"),
        ("a", 3, "образование", 0.3, "образование"),
    ])
    table = corpus_themes(themes, resources=pipeline.resources)
    assert list(table.columns[:3]) == ["theme", "n_docs", "score"]
    rows = {row.theme: row for row in table.itertuples()}
    assert rows["цифровые технологии"].n_docs == 2
    assert rows["цифровые технологии"].score == pytest.approx(1.5)
    assert rows["искусственный интеллект"].n_docs == 3  # with "ИИ" and a narrower phrase
    assert "технологии искусственного интеллекта" in rows["искусственный интеллект"].variants
    assert "медицинское образование" in rows and "образование" in rows  # a word takes in nothing
    assert "ИИ" not in rows
    economy = [name for name in rows if "эконом" in name]
    assert len(economy) == 1 and rows[economy[0]].n_docs == 2
    assert "экспорт нефти" in rows and "импорт нефти" in rows  # close in navec, not the same
    assert table["score"].is_monotonic_decreasing


def test_corpus_themes_lemmatise_when_no_lemmas_are_given(pipeline: Pipeline) -> None:
    themes = frame([("a", 1, "клиническая практика", 1.0, ""),
                    ("b", 1, "клинической практики", 1.0, "")]).drop(columns="lemmas")
    table = corpus_themes(themes, resources=pipeline.resources)
    assert table["n_docs"].tolist() == [2]


def test_corpus_themes_of_nothing_is_an_empty_table() -> None:
    table = corpus_themes(frame([]))
    assert table.empty and list(table.columns[:3]) == ["theme", "n_docs", "score"]


def test_stems_and_relations() -> None:
    assert same_stem("цифровизация", "цифровой") and same_stem("россия", "российский")
    assert not same_stem("политика", "политолог")
    assert related(("российский", "наука"), ("наука", "россия"), {})
    assert not related(("российский", "наука"), ("наука",), {})
    close = {"дрон": np.array([1.0, 0.1]), "беспилотник": np.array([1.0, 0.0]),
             "вуз": np.array([0.0, 1.0])}
    assert related(("военный", "дрон"), ("военный", "беспилотник"), close)
    assert not related(("военный", "дрон"), ("военный", "вуз"), close)
    assert not related(("дрон", "вуз"), ("беспилотник", "школа"), close)  # one pair at most


def test_corpus_themes_of_the_sample_reports(reports: list[Doc], pipeline: Pipeline) -> None:
    rows = [(doc.source.doc_id, rank, theme.theme, theme.score, " ".join(theme.lemmas))
            for doc in reports for rank, theme in enumerate(doc.need("themes"), 1)]
    table = corpus_themes(frame(rows), resources=pipeline.resources)
    assert table["n_docs"].max() >= 3
    assert table["theme"].is_unique
    assert table["n_docs"].sum() <= len(rows)


def test_corpus_themes_with_a_theme_repeated_under_other_lemmas() -> None:
    import pandas as pd

    from seminar_nlp.corpus.themes import corpus_themes

    themes = pd.DataFrame({"doc_id": ["a", "a", "b"], "rank": [1, 2, 1],
                           "theme": ["ИИ", "ИИ", "искусственный интеллект"],
                           "score": [1.0, 0.5, 1.0],
                           "lemmas": ["ии", "ия", "искусственный интеллект"]})
    table = corpus_themes(themes)
    assert table["theme"].tolist()[0] == "искусственный интеллект"
    assert table["n_docs"].tolist()[0] == 2
