"""Shared fixtures: the models load once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

import seminar_nlp
from helpers import EVENTS_GOLDEN, REPORTS, eval_dir
from seminar_nlp import Pipeline, Tables
from seminar_nlp.readers import iter_sources
from seminar_nlp.records import Doc, Source


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def sample_tables(pipeline: Pipeline) -> Tables:
    return seminar_nlp.analyze([REPORTS], pipeline=pipeline)


@pytest.fixture(scope="session")
def golden_docs(pipeline: Pipeline) -> dict[str, Doc]:
    """The golden reports analysed, by id (the events and quotes tests read them)."""
    docs = pipeline.run_batch([Doc(Source(item["id"], "<text>", item["text"],
                                          title=item.get("title"), date=item["doc_date"]))
                               for item in EVENTS_GOLDEN])
    return {doc.source.doc_id: doc for doc in docs}


@pytest.fixture(scope="session")
def report_docs(pipeline: Pipeline) -> dict[str, Doc]:
    """The sample reports analysed, by id."""
    return {doc.source.doc_id: doc for doc in pipeline.run(iter_sources([REPORTS]))}


@pytest.fixture(scope="session")
def gold() -> Path:
    path = eval_dir()
    if not path.is_dir():
        pytest.skip(f"gold data not found at {path} (set SEMINAR_NLP_EVAL)")
    return path
