"""Fitted weights for the event card's candidates: which mention is the reported event, which
date is its date, which «name» its title.

The weights are logistic regressions fitted by ``benchmarks/train.py events`` on the
development part of the golden reports and shipped as ``weights.json`` (the model card is
docs/models.md); ``fitted.py`` applies them.
"""

from __future__ import annotations

from ...fitted import Model, best, load

__all__ = ["Model", "best", "models"]


def models() -> dict[str, Model]:
    """The shipped models by field ("event", "date", "title")."""
    return load("seminar_nlp.stages.events")
