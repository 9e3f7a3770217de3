"""Pipeline stages: each takes a batch of Docs and returns new Docs with one more layer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from ..records import Doc


class Stage(Protocol):
    """A named step that needs some layers of a Doc and provides others."""

    name: str
    needs: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, docs: Sequence[Doc]) -> list[Doc]: ...
