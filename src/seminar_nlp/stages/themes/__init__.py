"""The themes stage: key themes of a document, noun phrases ranked by a fitted model.
Candidates in ``phrases`` and ``collect``, their normal forms in ``forms``, their features in
``features``, the fitted model in ``model``, ranking and selection in ``ranker``.
"""

from .model import Weights
from .ranker import Themes

__all__ = ["Themes", "Weights"]
