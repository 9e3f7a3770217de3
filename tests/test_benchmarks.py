"""The benchmark scoring functions on hand-made spans, and smoke runs of the roles and
robustness sections."""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the benchmarks package sits beside src/, not installed
    sys.path.insert(0, str(ROOT))

from benchmarks import coref, pullenti_runner, robustness  # noqa: E402
from benchmarks.common import Settings  # noqa: E402
from benchmarks.gold import RoleSpans  # noqa: E402
from benchmarks.roles import (  # noqa: E402
    NAME,
    TASKS,
    max_matching,
    overlaps,
    project,
    score,
    score_doc,
    section,
)

PR = TASKS["person+role"]
PRO = TASKS["person+role+org"]


def test_overlap_needs_one_shared_character() -> None:
    assert overlaps((0, 5), (4, 9))
    assert overlaps((2, 3), (0, 10))
    assert not overlaps((0, 5), (5, 9))  # touching is not overlapping
    assert not overlaps((5, 5), (0, 10))  # an empty span overlaps nothing


def test_a_row_matches_when_every_slot_overlaps() -> None:
    gold = [RoleSpans((0, 10), (12, 20), (21, 30))]
    assert score_doc([RoleSpans((5, 10), (15, 16), (29, 40))], gold, PRO).correct == 1
    assert score_doc([RoleSpans((5, 10), (15, 16), (30, 40))], gold, PRO).correct == 0
    assert score_doc([RoleSpans((5, 10), (15, 16), None)], gold, PR).correct == 1


def test_person_org_takes_organisations_not_places() -> None:
    gold = [RoleSpans((0, 10), None, (21, 30))]
    company = RoleSpans((0, 10), (12, 20), (21, 30))
    country = RoleSpans((0, 10), (12, 20), (21, 30), place=True)  # "президент США"
    counts = score_doc([company, country], gold, TASKS["person+org"])
    assert (counts.correct, counts.predicted, counts.gold) == (1, 1, 1)
    assert score_doc([country], [company], PRO).correct == 1  # person+role+org keeps places


def test_matching_is_one_to_one() -> None:
    gold = [RoleSpans((0, 10), (12, 20))]
    # two rows on one fact: one is correct, the other a false positive
    counts = score_doc([RoleSpans((0, 4), (12, 14)), RoleSpans((5, 10), (15, 20))], gold, PR)
    assert (counts.correct, counts.predicted, counts.gold) == (1, 2, 1)
    # one row overlapping two facts: it fills one of them
    wide = [RoleSpans((0, 30), (0, 30))]
    two = [RoleSpans((0, 5), (6, 9)), RoleSpans((10, 15), (16, 20))]
    assert score_doc(wide, two, PR).correct == 1


def test_matching_is_maximum_not_greedy() -> None:
    # row 0 fits facts 0 and 1, row 1 only fact 0: a greedy pass could give 1, the maximum is 2
    predicted = [((0, 20),), ((0, 5),)]
    gold = [((0, 5),), ((10, 20),)]
    assert max_matching(predicted, gold) == 2


def test_identical_rows_count_once_and_rows_lacking_a_slot_drop_out() -> None:
    rows = [RoleSpans((0, 4), (5, 9), (10, 12)), RoleSpans((0, 4), (5, 9), None),
            RoleSpans((0, 4), None, (10, 12))]
    assert project(rows, PR) == [((0, 4), (5, 9))]
    assert project(rows, PRO) == [((0, 4), (5, 9), (10, 12))]
    assert project(rows, TASKS["person+org"]) == [((0, 4), (10, 12))]


def test_empty_inputs() -> None:
    gold = {"d1": [RoleSpans((0, 4), (5, 9))]}
    assert score({}, gold, PR).prf == (0.0, 0.0, 0.0)
    assert score({}, gold, PR).gold == 1
    assert score({"d1": [RoleSpans((0, 4), (5, 9))]}, {}, PR).predicted == 0  # not judged
    assert score({}, {}, PR).prf == (0.0, 0.0, 0.0)
    assert max_matching([], []) == 0


def test_pairwise_counts_only_matched_gold_mentions() -> None:
    gold = [{("d", 0, 5), ("d", 10, 15), ("d", 20, 25)}, {("d", 30, 35)}]
    # (20, 25) is not predicted: its pairs do not count; (40, 45) is not gold: ignored
    predicted = [{("d", 0, 5), ("d", 10, 15)}, {("d", 30, 35), ("d", 40, 45)}]
    assert coref.pairwise(gold, predicted) == (1.0, 1.0, 1.0)
    merged = [{("d", 0, 5), ("d", 10, 15), ("d", 30, 35)}]
    precision, recall, _ = coref.pairwise(gold, merged)
    assert (precision, recall) == (pytest.approx(1 / 3), 1.0)
    assert coref.pairwise([], []) == (0.0, 0.0, 0.0)
    assert coref.pairwise(gold, [{("d", 0, 6), ("d", 10, 15)}]) == (0.0, 0.0, 0.0)


def test_predicted_clusters_stay_within_a_document() -> None:
    mentions = {
        "a": [coref.Mention(0, 5, "PER", "Иван Петров", "E1")],
        "b": [coref.Mention(0, 5, "PER", "Иван Петров", "E1")],
    }
    assert len(coref.group(mentions, "PER", "entity")) == 2
    assert len(coref.group(mentions, "PER", "normal")) == 2
    assert coref.group(mentions, "ORG", "entity") == []


def test_pullenti_span_helpers() -> None:
    text = "председателя КНР Ху Цзиньтао"
    assert pullenti_runner.name_part(text, (0, len(text)), [(0, 16)]) == (17, len(text))
    assert pullenti_runner.role_span(text, (0, 16), (13, 16)) == (0, 12)
    assert pullenti_runner.offset_map("abXcd", "abcd") == [0, 1, 3, 4, 5]
    assert pullenti_runner.sanitise("a😀b") == "a b"


def test_roles_section_smoke(gold: Path) -> None:
    """Runs where the gold data is (the ``gold`` fixture skips otherwise)."""
    started = time.perf_counter()
    markdown = section(Settings(gold, limit=2))
    assert time.perf_counter() - started < 60
    assert markdown.startswith(f"## {NAME}")
    assert "| data set | task | gold | predicted | correct | P | R | F1 |" in markdown
    assert "| system | data set | documents | crashes |" in markdown
    assert "| system | type | gold mentions | matched |" in markdown
    assert "#### seminar-nlp" in markdown
    if importlib.util.find_spec("pullenti") is not None:
        assert "#### PullEnti" in markdown


def test_robustness_section_smoke(gold: Path) -> None:
    """``--limit 1``: one input of each odd kind, small large documents (about 15 s)."""
    started = time.perf_counter()
    markdown = robustness.section(Settings(gold, limit=1))
    assert time.perf_counter() - started < 60
    assert markdown.startswith(f"## {robustness.NAME}")
    assert "returned (no uncaught exception)" in markdown
    assert "| kind | inputs | rows | ok | empty | error |" in markdown
    assert "| table | rows alone | rows mixed |" in markdown
    assert "| document | bytes | characters | tokens |" in markdown
    assert "| input | outcome |" in markdown


def test_positions_section_smoke(gold: Path) -> None:
    """The position spans of two NEREL dev documents: lexicon, CRF and both."""
    from benchmarks import positions

    markdown = positions.section(Settings(gold, limit=2))
    assert markdown.startswith(f"## {positions.NAME}")
    assert "| system | gold | gold spans | predicted | correct | P | R | F1 |" in markdown
    for system in ("| lexicon (roles stage) | flat |", "| CRF | flat |", "| union | flat |"):
        assert system in markdown


def test_org_lexicons_are_counted_from_annotations(tmp_path: Path) -> None:
    from benchmarks.train_orgs import train_orgs

    # five texts where "правительства X" is one organisation, five where "жители X" is not
    for number in range(5):
        text = (f"Глава правительства Чада{number} и жители Мали{number} видели ЕС. "
                "Об этом сообщили СМИ.")
        body, people = text.index("правительства"), text.index("Мали")
        place = text.index("Чада")
        (tmp_path / f"{number}.txt").write_text(text, encoding="utf-8")
        stop = place + len(f"Чада{number}")
        (tmp_path / f"{number}.ann").write_text("\n".join([
            f"T1\tORGANIZATION {body} {stop}\tx", f"T2\tCOUNTRY {place} {stop}\tx",
            f"T3\tCOUNTRY {people} {people + len(f'Мали{number}')}\tx",
            f"T4\tORGANIZATION {text.index('ЕС')} {text.index('ЕС') + 2}\tЕС"]) + "\n",
            encoding="utf-8")
    train_orgs(tmp_path, tmp_path)
    lines = (tmp_path / "place_bodies.txt").read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if not line.startswith("#")] == ["правительство"]
    names = (tmp_path / "org_names.txt").read_text(encoding="utf-8").splitlines()
    assert [line for line in names if not line.startswith("#")] == ["ес"]
    # the model calls "СМИ" an organisation five times, and no annotation does
    made_up = (tmp_path / "not_orgs.txt").read_text(encoding="utf-8").splitlines()
    assert [line for line in made_up if not line.startswith("#")] == ["сми"]
