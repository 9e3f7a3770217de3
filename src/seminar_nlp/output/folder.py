"""Which folders may be an output folder."""

from __future__ import annotations

from pathlib import Path


class OutputError(RuntimeError):
    """The output folder cannot be used as asked (a usage error: exit status 2)."""


def check_output(folder: Path) -> Path:
    """``folder`` when it can hold a run's tables; ``OutputError`` otherwise."""
    resolved = folder.resolve()
    if resolved == Path(resolved.anchor) or resolved == Path.home():
        raise OutputError(f"refusing to write tables into {resolved}: give a folder of their "
                          "own with -o")
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder} is a file, not a folder: give a folder with -o")
    return folder
