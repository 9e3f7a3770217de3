"""The notebooks run top to bottom in a fresh kernel, without errors, in under two minutes each.

They are executed with nbclient in ``notebooks/`` with matplotlib's Agg backend
(no display needed). Notebook 03 also runs with a prelude that fills the theme
tables, so that its theme cells are exercised whether or not the themes stage
is in the pipeline yet.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

nbformat = pytest.importorskip("nbformat", reason="notebook tests need nbformat")
nbclient = pytest.importorskip("nbclient", reason="notebook tests need nbclient")
pytest.importorskip("ipykernel", reason="notebook tests need ipykernel")
for module in ("matplotlib", "networkx", "ipymarkup"):
    pytest.importorskip(module, reason=f"the notebooks use {module}")

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
NAMES = ("01_quickstart", "02_people_and_organisations", "03_events_and_themes")
LIMIT = 120.0  # seconds per notebook
COUNT_FIGURES = "import matplotlib.pyplot as plt\nprint('figures:', len(plt.get_fignums()))"
# Themes from each document's most frequent nouns, for when the pipeline gives none.
THEMES_PRELUDE = '''
import dataclasses as _dataclasses

import seminar_nlp as _seminar_nlp

_analyze = _seminar_nlp.analyze


def _with_themes(*args, **kwargs):
    tables = _analyze(*args, **kwargs)
    if not tables.themes.empty and not tables.corpus_themes.empty:
        return tables
    nouns = tables.tokens[tables.tokens["pos"] == "NOUN"]
    counts = nouns.groupby(["doc_id", "lemma"]).size().rename("n").reset_index()
    counts = counts.sort_values(["doc_id", "n", "lemma"], ascending=[True, False, True])
    top = counts.groupby("doc_id").head(5).copy()
    top["rank"] = top.groupby("doc_id").cumcount() + 1
    top["score"] = top["n"] / top.groupby("doc_id")["n"].transform("max")
    themes = top.rename(columns={"lemma": "theme"})[["doc_id", "rank", "theme", "score"]]
    corpus = (themes.groupby("theme").agg(n_docs=("doc_id", "nunique"), score=("score", "sum"))
              .reset_index().sort_values("score", ascending=False, ignore_index=True))
    return _dataclasses.replace(tables, themes=themes.reset_index(drop=True),
                                corpus_themes=corpus)


_seminar_nlp.analyze = _with_themes
'''


def run(name: str, prelude: str | None = None) -> tuple[Any, float, str]:
    """Execute a notebook; returns it, the seconds taken and all its text output."""
    notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    if prelude:
        notebook.cells.insert(0, nbformat.v4.new_code_cell(prelude))
    notebook.cells.append(nbformat.v4.new_code_cell(COUNT_FIGURES))
    client = nbclient.NotebookClient(notebook, timeout=int(LIMIT), kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    started = time.perf_counter()
    client.execute()
    elapsed = time.perf_counter() - started
    return notebook, elapsed, "\n".join(text_outputs(notebook))


def text_outputs(notebook: Any) -> list[str]:
    out = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                out.append("\n".join(output.traceback))
            elif output.output_type == "stream":
                out.append(output.text)
            else:
                data = output.get("data", {})
                out.append(data.get("text/html") or data.get("text/plain", ""))
    return out


@pytest.fixture(autouse=True)
def agg_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MPLBACKEND", "Agg")  # inherited by the kernel


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_committed_clean(name: str) -> None:
    notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    nbformat.validate(notebook)
    assert notebook.nbformat == 4
    assert notebook.metadata.kernelspec.name == "python3"
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(not cell.outputs and cell.execution_count is None for cell in code)


def test_quickstart_runs() -> None:
    _, elapsed, output = run("01_quickstart")
    assert elapsed < LIMIT
    for name in ("documents", "sentences", "tokens", "mentions", "entities", "roles", "events",
                 "quotes", "themes", "corpus_themes"):
        assert f"{name}: " in output
    assert "Максим Абрамов" in output and "руководитель лаборатории" in output
    assert 'style="padding: 2px; border-radius: 4px' in output  # ipymarkup's boxes
    assert "report.html" in output


def test_people_and_organisations_runs() -> None:
    _, elapsed, output = run("02_people_and_organisations")
    assert elapsed < LIMIT
    assert "Владимир Николаевич Княгинин" in output and "вице-губернатор" in output
    assert "connected parts" in output
    assert "figures: 2" in output  # the network and the bar chart


def test_events_and_themes_runs_as_the_pipeline_is() -> None:
    _, elapsed, output = run("03_events_and_themes")
    assert elapsed < LIMIT
    assert "dates without a year placed in 2026" in output
    assert "Интеграция искусственного интеллекта" in output
    if " 0 document themes" in output:  # not "170 document themes"
        assert "No themes" in output and "searching the texts instead" in output
        assert "figures: 1" in output  # the timeline only
    else:
        assert "figures: 2" in output


def test_events_and_themes_runs_with_themes() -> None:
    _, elapsed, output = run("03_events_and_themes", THEMES_PRELUDE)
    assert elapsed < LIMIT
    assert "No themes" not in output and "searching the texts instead" not in output
    assert "figures: 2" in output  # the timeline and the themes bar chart
    assert "научный семинар" in output  # themes per event type
