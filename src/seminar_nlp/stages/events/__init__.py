"""The events stage: the event a report is about, with its type, title, dates, place,
organisers and partners (``finder``); dates in ``dates``, lists of names and who organised
the event in ``names``.
"""

from .finder import Events

__all__ = ["Events"]
