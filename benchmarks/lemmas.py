"""Lemma accuracy from raw sentence text, ours beside pymorphy3 and natasha.

Each system gets the raw text of a sentence and tokenises it itself. A gold
word counts as right when a system token has exactly its character span and a
lemma equal to the gold lemma, both lower-cased and with ё read as е (the UD
treebanks write "ее" for "её"). Accuracy = right words / gold words (words
whose gold lemma is "_" are left out). A tokenisation error is therefore an
error of every gold word it touches.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .common import Settings, table

NAME = "Lemmas"
SETS = (
    ("UD Russian GSD dev", "ud/ru_gsd-ud-dev.conllu"),
    ("UD Russian Taiga dev", "ud/ru_taiga-ud-dev.conllu"),
    ("GramEval-2020 Lenta news dev", "grameval2020/GramEval2020-RuEval2017-Lenta-news-dev.conllu"),
)
NO_SPACE_BEFORE = set(".,;:!?)]}»%…")
NO_SPACE_AFTER = set("([{«")

Span = tuple[int, int]
Lemmatiser = Callable[[list[str]], list[dict[Span, str]]]


@dataclass(frozen=True)
class Sentence:
    text: str
    words: tuple[tuple[int, int, str], ...]  # (start, stop, gold lemma)


def read_conllu(path: Path) -> Iterator[Sentence]:
    block: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            block.append(line)
        elif block:
            yield parse_block(block)
            block = []


def parse_block(lines: Sequence[str]) -> Sentence:
    text = next((line[len("# text = "):] for line in lines if line.startswith("# text = ")), None)
    rows = [line.split("\t") for line in lines if not line.startswith("#")]
    rows = [row for row in rows if len(row) == 10 and row[0].isdigit()]
    if text is None:
        text = detokenize([row[1] for row in rows])
    words, offset = [], 0
    for row in rows:
        start = text.find(row[1], offset)
        if start < 0:
            continue  # a word whose form is not in the text (rare): it cannot be matched
        offset = start + len(row[1])
        if row[2] != "_":
            words.append((start, offset, row[2]))
    return Sentence(text, tuple(words))


def detokenize(forms: Sequence[str]) -> str:
    """Raw text for a treebank without ``# text``: spaces as a typesetter puts them."""
    out = ""
    for form in forms:
        if out and form[0] not in NO_SPACE_BEFORE and out[-1] not in NO_SPACE_AFTER:
            out += " "
        out += form
    return out


def fold(lemma: str) -> str:
    return lemma.lower().replace("ё", "е")


def accuracy(sentences: Sequence[Sentence], predicted: Sequence[dict[Span, str]]) -> float:
    right = total = 0
    for sentence, tokens in zip(sentences, predicted, strict=True):
        for start, stop, lemma in sentence.words:
            total += 1
            right += fold(tokens.get((start, stop), "\0")) == fold(lemma)
    return right / total if total else 0.0


def ours() -> Lemmatiser:
    from seminar_nlp import Pipeline
    from seminar_nlp.records import Doc, Source
    from seminar_nlp.resources import shared
    from seminar_nlp.stages.lemma import Lemma
    from seminar_nlp.stages.morph import Morph
    from seminar_nlp.stages.segment import Segment

    resources = shared()
    pipeline = Pipeline([Segment(), Morph(resources), Lemma(resources)], resources=resources,
                        batch_size=256)

    def run(texts: list[str]) -> list[dict[Span, str]]:
        sources = [Source(f"s{i}", "<eval>", text) for i, text in enumerate(texts)]
        docs = pipeline.run(sources)
        return [{(t.start, t.stop): lemma for t, lemma in zip(doc.need("tokens"),
                                                              doc.need("lemmas"), strict=True)}
                for doc in docs]

    _ = Doc  # the pipeline returns Docs; imported for readers of this function
    return run


def pymorphy_top() -> Lemmatiser:
    import pymorphy3
    from razdel import tokenize

    morph = pymorphy3.MorphAnalyzer()

    def run(texts: list[str]) -> list[dict[Span, str]]:
        return [{(t.start, t.stop): morph.parse(t.text)[0].normal_form for t in tokenize(text)}
                for text in texts]

    return run


def natasha() -> Lemmatiser:
    from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, Segmenter

    segmenter, vocab = Segmenter(), MorphVocab()
    tagger = NewsMorphTagger(NewsEmbedding())

    def run(texts: list[str]) -> list[dict[Span, str]]:
        out = []
        for text in texts:
            doc = Doc(text)
            doc.segment(segmenter)
            doc.tag_morph(tagger)
            for token in doc.tokens:
                token.lemmatize(vocab)
            out.append({(t.start, t.stop): t.lemma for t in doc.tokens})
        return out

    return run


SYSTEMS: tuple[tuple[str, Callable[[], Lemmatiser]], ...] = (
    ("seminar-nlp", ours),
    ("natasha (Segmenter + NewsMorphTagger + MorphVocab.lemmatize)", natasha),
    ("pymorphy3 most probable parse (razdel tokens)", pymorphy_top),
)


def evaluate(settings: Settings) -> list[tuple[str, str, int, float, float]]:
    rows = []
    systems = [(name, make()) for name, make in SYSTEMS]
    for set_name, relative in SETS:
        sentences = list(read_conllu(settings.eval_dir / relative))
        if settings.limit:
            sentences = sentences[:settings.limit]
        texts = [sentence.text for sentence in sentences]
        n_words = sum(len(sentence.words) for sentence in sentences)
        for name, run in systems:
            started = time.perf_counter()
            predicted = run(texts)
            seconds = time.perf_counter() - started
            rows.append((set_name, name, n_words, accuracy(sentences, predicted), seconds))
    return rows


def section(settings: Settings) -> str:
    rows = evaluate(settings)
    body = table(["data set", "system", "gold words", "lemma accuracy", "seconds"],
                 [(a, b, c, d, f"{e:.1f}") for a, b, c, d, e in rows])
    return "\n".join([f"## {NAME}", "", __doc__.split("\n\n", 1)[1].strip(), "",
                      "GramEval-2020 files have no `# text`: the raw text is rebuilt from the "
                      "words with ordinary spacing.", "", body])
