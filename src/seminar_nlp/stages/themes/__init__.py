"""The themes stage: key themes of a document, noun phrases ranked against the background
of Russian. Candidates in ``phrases``, their normal forms in ``forms``, ranking and selection
in ``ranker``.
"""

from .ranker import Themes, Weights

__all__ = ["Themes", "Weights"]
