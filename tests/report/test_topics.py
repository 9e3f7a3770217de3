"""The report's topics section: the corpus topics of the sample corpus over the months of its
documents' events, or listed when no document has a date."""

from __future__ import annotations

import dataclasses
import re

from seminar_nlp import Tables
from seminar_nlp.report import render
from seminar_nlp.report.topics import MAX_TOPICS, doc_months
from seminar_nlp.tables.schema import frame


def test_topics_over_the_months_of_the_events(sample_tables: Tables) -> None:
    html = render(sample_tables)
    section = html[html.index('<section id="topics">'):]
    section = section[:section.index("</section>")]
    assert "Сюжеты во времени" in section and 'id="topics-grid"' in section
    topics = sample_tables.corpus_topics.head(MAX_TOPICS)
    rows = re.findall(r'<tr><th><a href="#topic-\d+">([^<]+)</a></th>(.*?)</tr>', section)
    assert [label for label, _ in rows] == list(topics["label"])
    months = doc_months(sample_tables)
    for (_, cells), docs in zip(rows, topics["doc_ids"], strict=True):
        dated = [doc for doc in str(docs).split("; ") if doc in months]
        assert sum(int(value) for value in re.findall(r">(\d+)</td>", cells)) == len(dated)
    assert months["01-ai-conference-kazan"] == (2026, 10)
    assert months["almazov-seminar"] == (2026, 3)  # "--03-18": the commonest year


def test_topics_without_dates_are_listed(sample_tables: Tables) -> None:
    undated = dataclasses.replace(sample_tables, events=frame("events", []))
    html = render(undated)
    assert 'id="topics-grid"' not in html and 'id="topic-0"' in html
    assert "у документов нет дат" in html
    empty = dataclasses.replace(sample_tables, corpus_topics=frame("corpus_topics", []))
    assert "таблица corpus_topics пуста" in render(empty)
