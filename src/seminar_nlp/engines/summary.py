"""What a run did, for the command's summary lines: counts read from the parts' metadata."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .final import Corpus
from .parts import PartStore

DOCUMENT_COLUMNS = ("doc_id", "source", "status", "error")


@dataclass(frozen=True)
class Summary:
    """What a run wrote: counts for the summary lines, the failures and the files."""

    n_documents: int
    statuses: dict[str, int]
    failures: tuple[tuple[str, str, str], ...]  # (status, source, error) of documents not ok
    n_sentences: int = 0
    n_tokens: int = 0
    mentions: dict[str, int] | None = None  # by type
    n_entities: int = 0
    n_batches: int = 0
    resumed: int = 0  # batches found done by an earlier, interrupted run
    paths: tuple[str, ...] = ()
    written: bool = True  # false when a strict run refused to write tables after failures

    @property
    def nothing_read(self) -> bool:
        """True when every document failed: nothing to write."""
        return self.statuses.get("error", 0) == self.n_documents


def overview(store: PartStore, numbers: Sequence[int], *, resumed: int = 0) -> Summary:
    """Documents by status, failures and row counts, before the corpus-level work."""
    documents = store.read_all(numbers, "documents", DOCUMENT_COLUMNS)
    statuses = {str(key): int(value)
                for key, value in documents["status"].value_counts().items()}
    failed = documents[documents["status"] != "ok"]
    failures = tuple((str(status), str(source), error if isinstance(error, str) else "")
                     for status, source, error in zip(failed["status"].tolist(),
                                                      failed["source"].tolist(),
                                                      failed["error"].tolist(), strict=True))
    return Summary(
        n_documents=len(documents), statuses=statuses, failures=failures,
        n_sentences=sum(store.num_rows(number, "sentences") for number in numbers),
        n_tokens=sum(store.num_rows(number, "tokens") for number in numbers),
        n_batches=len(numbers), resumed=resumed)


def with_corpus(summary: Summary, corpus: Corpus, paths: Sequence[str]) -> Summary:
    return replace(summary, mentions=dict(corpus.mention_types),
                   n_entities=len(corpus.entities), paths=tuple(paths))
