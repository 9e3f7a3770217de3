"""Position spans learned from annotated text: a CRF over the pipeline's tokens.

A linear-chain CRF (python-crfsuite) labels each token of a sentence B, I or O of a
position ("заведующий кафедрой алгебры", "гендиректор"). It was trained on NEREL's PROFESSION
annotations (``benchmarks/train_positions.py``; the model card is in docs/models.md) and
reads, per token: its lemma, word, part of speech, case, number, shape, capitals, suffixes,
whether the lexicons list its lemma as a position or an organisation noun, the slovnet NER
label, and the same for its neighbours. The model file ships beside this module
(``positions.crfsuite``) and is opened once by ``Resources.position_tagger``.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ...records import Doc, Mention, Tag, Token
from ...resources import POSITION_MODEL
from ...vocab import PAIRED_QUOTES, fold, is_head, org_heads
from .orgs import org_nouns

MODEL = POSITION_MODEL  # beside this module
WINDOW = (-2, -1, 1, 2)
_LOCK = threading.Lock()  # a crfsuite tagger keeps the sequence it tags


def shape(form: str) -> str:
    """Letters as x / X, digits as d, runs of one kind kept once: "Иван" -> "Xx"."""
    out: list[str] = []
    for ch in form:
        kind = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)[:6]


@cache
def _org_nouns() -> frozenset[str]:
    return org_nouns() | org_heads()


def ner_labels(tokens: Sequence[Token], mentions: Sequence[Mention]) -> list[str]:
    """The slovnet mentions as BIO labels per token ("B-PER", "I-ORG", "O")."""
    labels = ["O"] * len(tokens)
    for mention in mentions:
        for index in range(mention.token_start, mention.token_stop):
            labels[index] = ("B-" if index == mention.token_start else "I-") + mention.type
    return labels


def own_features(form: str, lemma: str, tag: Tag, ner: str) -> list[str]:
    """The features a token contributes to itself and (prefixed) to its neighbours."""
    word = fold(form)
    return [f"l={lemma}", f"p={tag.pos}", f"c={tag.feats.get('Case', '-')}",
            f"n={tag.feats.get('Number', '-')}", f"e={ner}",
            f"h={int(is_head(lemma, word))}", f"g={int(lemma in _org_nouns())}",
            f"s={shape(form)}", f"w={word}"]


def sentence_features(forms: Sequence[str], lemmas: Sequence[str], tags: Sequence[Tag],
                      ner: Sequence[str]) -> list[list[str]]:
    """The CRF's features of each token of one sentence."""
    own = [own_features(f, fold(lemma), t, e)
           for f, lemma, t, e in zip(forms, lemmas, tags, ner, strict=True)]
    out: list[list[str]] = []
    for index, form in enumerate(forms):
        word = fold(form)
        items = ["b", *own[index], f"s2={word[-2:]}", f"s3={word[-3:]}", f"s4={word[-4:]}",
                 f"p3={word[:3]}", f"t={int(form[:1].isupper())}",
                 f"u={int(form.isupper() and len(form) > 1)}",
                 f"pc={tags[index].pos}|{tags[index].feats.get('Case', '-')}"]
        for step in WINDOW:
            other = index + step
            if 0 <= other < len(forms):
                items += [f"{step}{item}" for item in own[other][:7]]
            else:
                items.append(f"{step}edge")
        if index == 0:
            items.append("first")
        out.append(items)
    return out


def doc_features(doc: Doc) -> list[tuple[int, list[list[str]]]]:
    """(first token, features of its tokens) per sentence of an analysed document."""
    tokens, tags, lemmas = doc.need("tokens"), doc.need("tags"), doc.need("lemmas")
    ner = ner_labels(tokens, doc.need("mentions"))
    return [(sent.token_start, sentence_features(
                [t.form for t in tokens[sent.token_start:sent.token_stop]],
                lemmas[sent.token_start:sent.token_stop], tags[sent.token_start:sent.token_stop],
                ner[sent.token_start:sent.token_stop]))
            for sent in doc.need("sentences") if sent.token_stop > sent.token_start]


def bio_spans(labels: Sequence[str], offset: int = 0) -> list[tuple[int, int]]:
    """Token ranges of B/I runs (an I without a B opens a span too)."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for index, label in enumerate([*labels, "O"]):
        if start is not None and label != "I":
            spans.append((offset + start, offset + index))
            start = None
        if label == "B" or label == "I" and start is None:
            start = index
    return spans


def closed(tokens: Sequence[Token], start: int, stop: int) -> tuple[int, int]:
    """A span that opens a quote mark and stops right before its closing one takes it in
    ("главы партии «Батькивщина»": the model often leaves the closing mark out)."""
    opened = [t.form for t in tokens[start:stop] if t.form in PAIRED_QUOTES]
    if len(opened) == 1 and stop < len(tokens) and \
            tokens[stop].form == PAIRED_QUOTES[opened[0]] and \
            not any(t.form == tokens[stop].form for t in tokens[start:stop]):
        return start, stop + 1
    return start, stop


@dataclass(frozen=True, slots=True)
class Labelled:
    """What the model says of a document: its position spans (token ranges) and, per token,
    the probability that it is no part of a position."""

    spans: tuple[tuple[int, int], ...]
    outside: tuple[float, ...]


def label(doc: Doc, tagger: Any) -> Labelled:
    """The model's spans and outside probabilities for an analysed document."""
    tokens = doc.need("tokens")
    found: list[tuple[int, int]] = []
    outside = [1.0] * len(tokens)
    for first, features in doc_features(doc):
        with _LOCK:
            labels = tagger.tag(features)
            outside[first:first + len(labels)] = [tagger.marginal("O", index)
                                                  for index in range(len(labels))]
        found += [closed(tokens, *span) for span in bio_spans(labels, first)]
    return Labelled(tuple(found), tuple(outside))


def position_spans(doc: Doc, tagger: Any) -> tuple[tuple[int, int], ...]:
    """The token ranges the model labels as positions in an analysed document."""
    return label(doc, tagger).spans
