"""Shared fixtures: the models load once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import seminar_nlp
from seminar_nlp import Pipeline, Tables

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
REPORTS = ROOT / "data" / "reports"


def eval_dir() -> Path:
    """The public gold data: $SEMINAR_NLP_EVAL, or ../shared/eval beside the repository."""
    return Path(os.environ.get("SEMINAR_NLP_EVAL", ROOT.parent / "shared" / "eval"))


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def sample_tables(pipeline: Pipeline) -> Tables:
    return seminar_nlp.analyze([REPORTS], pipeline=pipeline)


@pytest.fixture(scope="session")
def gold() -> Path:
    path = eval_dir()
    if not path.is_dir():
        pytest.skip(f"gold data not found at {path} (set SEMINAR_NLP_EVAL)")
    return path
