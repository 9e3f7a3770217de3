"""The robustness benchmark section (``section.py`` says what it measures): the kinds of
input (``kinds.py``), the generated corpus (``corpus.py``), the runs and comparisons
(``runs.py``) and the Markdown (``section.py``)."""


from .kinds import NAME
from .section import section

__all__ = ["NAME", "section"]
