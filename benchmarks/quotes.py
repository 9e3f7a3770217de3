"""The Quotes section: direct quotes of the golden reports, development and check parts
(``reports.quotes_section``)."""

from __future__ import annotations

from .common import Settings
from .reports import quotes_section

NAME = "Quotes"


def section(settings: Settings) -> str:
    return quotes_section(settings)
