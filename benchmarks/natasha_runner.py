"""natasha's documented full loop, the baseline of the speed and scale sections."""

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
