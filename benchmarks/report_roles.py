"""The Roles on reports section (``reports.roles_section``)."""

from __future__ import annotations

from .common import Settings
from .reports import roles_section

NAME = "Roles on reports"


def section(settings: Settings) -> str:
    return roles_section(settings)
