"""The Quotes stage: the golden quotes of tests/data/events_golden.jsonl, the speakers of
the sample reports, and what is not a quote."""

from __future__ import annotations

from typing import Any

import pytest

from helpers import EVENTS_GOLDEN
from seminar_nlp import Pipeline
from seminar_nlp.records import Doc
from seminar_nlp.vocab import fold

# The reports written first (e01-e33), each held exactly; the later development reports are
# scored as a whole by benchmarks/reports.py.
GOLDEN = [item for item in EVENTS_GOLDEN if int(item["id"][1:]) <= 33]

# Speakers of the quotes of each sample report, in order, as the final table names them.
REPORT_SPEAKERS = {
    "01-ai-conference-kazan": ["Рустем Ильдарович Хайруллин", "Олег Дмитриев",
                               "Ирина Сергеевна Соколова"],
    "02-energy-forum-tyumen": ["Сергей Викторович Белоусов", "Виктор Степанович Рогов",
                               "Марина Олеговна Зайцева"],
    "03-roundtable-ecology-arkhangelsk": ["Абдурахманова Наталья Петровна",
                                          "Мария Андреевна Волкова",
                                          "Белозерская Ксения Викторовна"],
    "04-lecture-history-novgorod": ["Ольга Геннадьевна Михайлова", "Кирилл Аркадьевич Сорокин",
                                    "Дарья Кузьмина"],
    "05-hackathon-novosibirsk": ["Алексей Борисович Котельников", "Ольга Шевченко",
                                 "Тимур Ахметов"],
    "06-exhibition-agro-krasnodar": ["Аркадий Петрович Кравец", "Нино Гогия",
                                     "Сергей Васильевич Ткаченко"],
    "07-award-ceremony-moscow": ["Денис Олегович Малышев", "Андрей Викторович Лебедев",
                                 "Екатерина Дмитриевна Вишневская", "Сергей Павлович Ермаков"],
    "08-summer-school-vladivostok": ["Вадим Игоревич Соловьёв", "Нгуен Ван Хоа",
                                     "Алина Кожевникова", "Ксения Андреевна Петровская"],
    "09-webinar-digital-health": ["Марина Олеговна Ковалёва", "Елена Викторовна Шестакова",
                                  "Дмитрий Андреевич Лаптев"],
    "10-strategic-session-tomsk": ["Сергей Белов", "Дарья Мельникова"],
    "11-press-conference-rosatom": ["Олег Бондаренко", "Игорь Семёнович Ларионов",
                                    "Наталья Сергеевна Громова"],
    "12-scientific-seminar-yekaterinburg": ["Марина Сергеевна Полянская",
                                            "Рустам Ильдарович Хабибуллин", "Константин Сёмин"],
    "13-forum-youth-sochi": ["Артём Владимирович Сафронов", "Игорь Дмитриевич Лосев",
                             "Юлия Андреевна Гладкова"],
    "14-conference-medicine-samara": ["Евгений Аркадьевич Миронов", "Борис Геннадьевич Тарасов",
                                      "Виктория Павловна Белецкая"],
    "15-roundtable-education-petrozavodsk": ["Татьяна Игоревна Королёва", "Михаил Иванов",
                                             "Антон Сергеевич Лукин",
                                             "Татьяна Игоревна Королёва"],
    "16-international-conference-minsk-kazan": ["Лилия Рашитовна Хасанова", "Айгерим Нурланова",
                                                "Мишель Дюбуа"],
    "almazov-seminar": ["Максим Абрамов"],
}


def speaker_names(doc: Doc, index: int | None) -> set[str | None]:
    """The speaker mention's normal form and the fullest normal form of its surname."""
    if index is None:
        return {None}
    normals, mentions = doc.need("normals"), doc.need("mentions")
    own = normals[index]
    same = [n.text for m, n in zip(mentions, normals, strict=True)
            if m.type == "PER" and own.last is not None and n.last == own.last]
    return {own.text, max(same, key=len, default=own.text)}


def fullest_name(doc: Doc, index: int | None) -> str | None:
    names = speaker_names(doc, index) - {None}
    return max(names, key=len) if names else None


@pytest.mark.parametrize("item", GOLDEN, ids=[item["id"] for item in GOLDEN])
def test_golden_quotes(golden_docs: dict[str, Doc], item: dict[str, Any]) -> None:
    doc = golden_docs[item["id"]]
    quotes = [quote for quote in doc.need("quotes") if quote.kind == "direct"]
    direct = [q for q in item["quotes"] if q.get("kind", "direct") == "direct"]
    assert [doc.text[q.start:q.stop] for q in quotes] == [q["text"] for q in direct]
    for quote, expected in zip(quotes, direct, strict=True):
        assert expected["speaker"] in speaker_names(doc, quote.speaker)


def test_speakers_are_people(golden_docs: dict[str, Doc]) -> None:
    for doc in golden_docs.values():
        for quote in doc.need("quotes"):
            if quote.speaker is not None:
                assert doc.need("mentions")[quote.speaker].type == "PER"


def test_sample_report_speakers(report_docs: dict[str, Doc]) -> None:
    found = {doc_id: [fullest_name(doc, q.speaker) for q in doc.need("quotes")
                      if q.kind == "direct"] for doc_id, doc in report_docs.items()}
    # the speaker's mention may spell the name with е for ё ("Семин" of "Сёмин")
    assert {doc_id: [name and fold(name) for name in names] for doc_id, names in found.items()} \
        == {doc_id: [fold(name) for name in names] for doc_id, names in REPORT_SPEAKERS.items()}


def quoted(pipeline: Pipeline, text: str) -> list[tuple[str, str | None]]:
    doc = pipeline.process(text)
    return [(doc.text[q.start:q.stop], fullest_name(doc, q.speaker))
            for q in doc.need("quotes") if q.kind == "direct"]


def test_names_in_quotes_are_not_quotes(pipeline: Pipeline) -> None:
    text = ("«Росатом» открыл новый центр в Сарове. Профессор Иван Петров назвал проект "
            "«Умный город». Участники работали в трёх треках: «Геоданные», «Медицина» и "
            "«Тексты». Он рассказал о своей книге «Мозг, который учится».")
    assert quoted(pipeline, text) == []


def test_quotes_before_and_after_their_attribution(pipeline: Pipeline) -> None:
    text = ("В Доме журналиста прошла встреча. Иван Петров сказал: «Мы готовы». "
            "«Следующая книга выйдет осенью», — добавил он. Как отметила Ольга Смирнова, "
            "«в этом году мы впервые пригласили иностранных студентов». По мнению "
            "организаторов, «встреча стала традицией». „Мы собрали лучших“, — сказал "
            "министр Айдар Салихов.")
    assert quoted(pipeline, text) == [
        ("Мы готовы", "Иван Петров"),
        ("Следующая книга выйдет осенью", "Иван Петров"),
        ("в этом году мы впервые пригласили иностранных студентов", "Ольга Смирнова"),
        ("встреча стала традицией", None),
        ("Мы собрали лучших", "Айдар Салихов"),
    ]


def test_dash_lines(pipeline: Pipeline) -> None:
    text = ("Конференцию открыл ректор Сергей Иванов.\n"
            "— Мы рады, что конференция собрала более трёхсот участников, — сказал он.\n"
            "— Такое событие важно для региона, — отметила проректор Мария Котова. — Мы будем "
            "проводить его ежегодно.\n"
            "— Программа — это главное, — сообщили в пресс-службе.")
    assert quoted(pipeline, text) == [
        ("Мы рады, что конференция собрала более трёхсот участников", "Сергей Иванов"),
        ("Такое событие важно для региона", "Мария Котова"),
        ("Мы будем проводить его ежегодно", "Мария Котова"),
        ("Программа — это главное", None),
    ]


def test_a_pronoun_finds_a_person_of_its_gender(pipeline: Pipeline) -> None:
    text = ("Доклад сделала Анна Белова. Она вспомнила о Викторе Зуеве, основателе "
            "лаборатории. «Такие сплавы сохраняют прочность», — подчеркнула она.")
    assert quoted(pipeline, text) == [("Такие сплавы сохраняют прочность", "Анна Белова")]


def test_a_person_who_only_qualifies_the_speaker(pipeline: Pipeline) -> None:
    text = ("Госсекретарь Рекс Тиллерсон живёт неподалёку. «Семья планирует остаться в "
            "Вашингтоне», — сообщил представитель Барака Обамы.")
    assert quoted(pipeline, text) == [("Семья планирует остаться в Вашингтоне", None)]


def test_a_dash_line_after_a_colon_is_the_speakers(pipeline: Pipeline) -> None:
    # "Проректор подчеркнул:" then dash lines, each a quote of the one named before the colon
    assert quoted(pipeline, "Участников приветствовал ректор ТГУ Эдуард Галкин:\n"
                            "— Мы открываем новую лабораторию.\n"
                            "— Работать в ней будут студенты.") == [
        ("Мы открываем новую лабораторию", "Эдуард Галкин"),
        ("Работать в ней будут студенты", "Эдуард Галкин")]


def test_straight_quotes_and_a_hyphen(pipeline: Pipeline) -> None:
    assert quoted(pipeline, '"Нам нужны инженеры, которые понимают данные", - сказал '
                            "министр Олег Смирнов.") == [
        ("Нам нужны инженеры, которые понимают данные", "Олег Смирнов")]


def test_by_her_words_and_a_quote_after_the_speakers_sentence(pipeline: Pipeline) -> None:
    text = ("С докладом выступила проректор Инна Белова. «Мы откроем ещё две лаборатории до "
            "конца года». По её словам, «заявок стало вдвое больше».")
    assert quoted(pipeline, text) == [("Мы откроем ещё две лаборатории до конца года",
                                       "Инна Белова"),
                                      ("заявок стало вдвое больше", "Инна Белова")]


def test_indirect_speech_is_its_own_kind(pipeline: Pipeline) -> None:
    doc = pipeline.process("Ректор КФУ Ильдар Гарипов отметил, что университет откроет "
                           "новый кампус. «Это большой шаг», — добавил он.")
    kinds = [(q.kind, doc.text[q.start:q.stop]) for q in doc.need("quotes")]
    assert kinds == [("indirect", "университет откроет новый кампус"),
                     ("direct", "Это большой шаг")]


def test_the_quotes_trace_shows_the_candidates_and_the_winner(pipeline: Pipeline) -> None:
    from seminar_nlp.stages.quotes.trace import trace

    doc = pipeline.process("На встрече выступили Иван Петров и Ольга Смирнова. «Мы готовы "
                           "открыть новый корпус осенью», — добавила она. «Ждём всех», — "
                           "сообщили в пресс-службе.")
    shown = trace(doc)
    winner = next(line for line in shown.splitlines() if line.startswith(" * "))
    assert "Ольга Смирнова" in winner and "Иван Петров" not in shown  # of the other gender
    assert "no speaker: the attribution names no one person" in shown
