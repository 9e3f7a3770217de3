"""natasha's documented full loop, the baseline of the speed and scale sections.

    python -m benchmarks.natasha_runner FOLDER   # the loop as a script on FOLDER/*.txt

As a script it runs with one BLAS thread, as ``seminar-nlp analyze`` does (one core's work).
"""

from __future__ import annotations


def natasha_loop() -> object:
    from natasha import (
        Doc,
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    embedding = NewsEmbedding()
    segmenter, vocab = Segmenter(), MorphVocab()
    morph, syntax = NewsMorphTagger(embedding), NewsSyntaxParser(embedding)
    ner = NewsNERTagger(embedding)

    def run(texts: list[str]) -> int:
        spans = 0
        for text in texts:
            doc = Doc(text)
            doc.segment(segmenter)
            doc.tag_morph(morph)
            doc.parse_syntax(syntax)
            doc.tag_ner(ner)
            for token in doc.tokens:
                token.lemmatize(vocab)
            for span in doc.spans:
                span.normalize(vocab)
            spans += len(doc.spans)
        return spans

    return run


def main(argv: list[str]) -> int:
    import sys
    from pathlib import Path

    from seminar_nlp.engines.threads import blas_threads

    texts = [path.read_text(encoding="utf-8") for path in sorted(Path(argv[0]).glob("*.txt"))]
    with blas_threads(1):
        spans = natasha_loop()(texts)  # type: ignore[operator]
    print(f"{len(texts)} texts, {spans} spans", file=sys.stderr)
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
