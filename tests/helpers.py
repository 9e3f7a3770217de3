"""Paths and data the tests share (importable from any test folder: ``from helpers import``)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from seminar_nlp.records import Doc
    from seminar_nlp.resources import Morphology
    from seminar_nlp.stages.view import SentenceView

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
REPORTS = ROOT / "data" / "reports"


def eval_dir() -> Path:
    """The public gold data: $SEMINAR_NLP_EVAL, or ../shared/eval beside the repository."""
    return Path(os.environ.get("SEMINAR_NLP_EVAL", ROOT.parent / "shared" / "eval"))


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


# Short reports written for the project (the development part of the golden reports), with
# their events, quotes, roles and themes (tests/data/reports_golden.md).
EVENTS_GOLDEN = read_jsonl(DATA / "events_golden.jsonl")


# Documents built by hand, for rule tests that need no model: each word is
# (form, lemma, UD pos, UD feats as "Case=Nom|Number=Sing"), in one sentence.

Word = tuple[str, str, str, str]
NO_SPACE_BEFORE = frozenset({",", ".", ")", "»", ":", ";", "!", "?"})
NO_SPACE_AFTER = frozenset({"(", "«"})


def hand_doc(words: list[Word], mentions: list[tuple[int, int, str, str]] = ()
             ) -> Doc:  # type: ignore[assignment]
    """A Doc with the layers up to ``normals`` from hand-made words and mentions.

    ``mentions``: (first token, token after the last, type, normal form); a person's normal
    form "Имя Фамилия" gives its first name and surname."""
    from seminar_nlp.records import Doc, Mention, Normal, Sentence, Source, Tag, Token

    text, tokens = "", []
    for index, (form, _, _, _) in enumerate(words):
        if index and form not in NO_SPACE_BEFORE and words[index - 1][0] not in NO_SPACE_AFTER:
            text += " "
        tokens.append(Token(len(text), len(text) + len(form), form, form, 0))
        text += form
    tags = tuple(Tag(pos, dict(item.split("=") for item in feats.split("|") if item))
                 for _, _, pos, feats in words)
    found, normals = [], []
    for first, stop, kind, normal in mentions:
        found.append(Mention(tokens[first].start, tokens[stop - 1].stop, kind, 0, first, stop))  # type: ignore[arg-type]
        parts = normal.split()
        normals.append(Normal(normal, parts[0], None, parts[-1]) if kind == "PER" and
                       len(parts) > 1 else Normal(normal))
    return Doc(Source("hand", "<hand>", text), sentences=(Sentence(0, len(text), 0, len(tokens)),),
               tokens=tuple(tokens), tags=tags, lemmas=tuple(lemma for _, lemma, _, _ in words),
               mentions=tuple(found), normals=tuple(normals))


def shared_morph() -> Morphology:
    """The dictionary (pymorphy3), loaded once per test session, for rules that consult it."""
    from seminar_nlp.resources import shared

    return shared().morph


def sentence_view(doc: Doc) -> SentenceView:
    """The view of a hand-built document's one sentence, as the role rules read it."""
    from seminar_nlp.stages.view import SentenceView, make_view

    starts = [mention.token_start for mention in doc.need("mentions")]
    return SentenceView(make_view(doc), 0, len(doc.need("tokens")), shared_morph(), starts)
