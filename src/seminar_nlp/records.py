"""The records that flow through the pipeline.

Every record is a frozen, slotted dataclass. Spans carry character offsets into
``Source.text`` (the ``documents.text`` column), stop exclusive. A stage never
fills in a field of an existing record: it adds its own layer to the ``Doc``
(``dataclasses.replace``), and a layer that no stage has produced yet is
``None``, which ``Doc.need`` turns into a loud error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["ok", "empty", "error"]
EntityType = Literal["PER", "ORG", "LOC"]


@dataclass(frozen=True, slots=True)
class Source:
    """One input document after reading, decoding and clean-up."""

    doc_id: str
    source: str
    text: str
    status: Status = "ok"
    error: str | None = None
    title: str | None = None
    date: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    stop: int
    token_start: int  # index of its first token in Doc.tokens
    token_stop: int


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    stop: int
    text: str  # documents.text[start:stop]
    form: str  # text without soft hyphens and zero-width characters: what the models see
    sent: int


@dataclass(frozen=True, slots=True)
class Tag:
    """Universal Dependencies part of speech and features of one token."""

    pos: str
    feats: Mapping[str, str]

    @property
    def feats_text(self) -> str:
        return "|".join(f"{key}={self.feats[key]}" for key in sorted(self.feats))


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    stop: int
    type: EntityType
    sent: int
    token_start: int
    token_stop: int


@dataclass(frozen=True, slots=True)
class Normal:
    """Nominative normal form of a mention, with name parts for people."""

    text: str
    first: str | None = None
    middle: str | None = None
    last: str | None = None


@dataclass(frozen=True, slots=True)
class Role:
    """A person holding a position, as one sentence states it."""

    person: int  # index into Doc.mentions (a PER mention)
    role: str  # the position in the nominative
    role_start: int
    role_stop: int
    org: str | None = None  # the organisation in normal form, when one is stated
    org_mention: int | None = None  # index into Doc.mentions when the org is a mention
    org_start: int | None = None
    org_stop: int | None = None
    org_implied: str | None = None  # the named organisation a common noun org refers to
    org_noun: str | None = None  # that common noun, now part of ``role`` ("директор музея")


@dataclass(frozen=True, slots=True)
class Event:
    """The event a document reports."""

    event_type: str  # normal form from the event lexicon
    start: int  # the event noun phrase that names it
    stop: int
    title: str | None = None
    date: str | None = None  # ISO, or --MM-DD without a year
    date_end: str | None = None
    place: str | None = None
    organizers: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    """Speech and who said it: the quoted words (without quote marks) of direct speech, or
    the reported clause of indirect speech ("отметил, что ...")."""

    start: int
    stop: int
    speaker: int | None = None  # index into Doc.mentions of the speaker, if the text gives one
    kind: str = "direct"  # or "indirect"


@dataclass(frozen=True, slots=True)
class Theme:
    """A key theme of one document."""

    theme: str  # noun phrase in its grammatical normal form
    score: float
    lemmas: tuple[str, ...] = ()  # lemmas of its words, for grouping across documents


LAYERS = ("sentences", "tokens", "tags", "lemmas", "mentions", "normals", "roles", "events",
          "quotes", "themes")


@dataclass(frozen=True, slots=True)
class Doc:
    source: Source
    sentences: tuple[Sentence, ...] | None = None
    tokens: tuple[Token, ...] | None = None
    tags: tuple[Tag, ...] | None = None  # parallel to tokens
    lemmas: tuple[str, ...] | None = None  # parallel to tokens
    mentions: tuple[Mention, ...] | None = None
    normals: tuple[Normal, ...] | None = None  # parallel to mentions
    roles: tuple[Role, ...] | None = None
    events: tuple[Event, ...] | None = None
    quotes: tuple[Quote, ...] | None = None
    themes: tuple[Theme, ...] | None = None  # best first

    @property
    def text(self) -> str:
        return self.source.text

    def need(self, layer: str) -> tuple[Any, ...]:
        value = getattr(self, layer)
        if value is None:
            raise RuntimeError(f"layer {layer!r} of {self.source.doc_id!r} is not produced yet")
        return value
