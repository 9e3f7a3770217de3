"""Parts on disk: the per-document tables of each batch, written as they come.

A run writes, per batch of documents, one Parquet file per per-document table
(``tables.PER_DOC_TABLES``) into a folder ``b000042/`` of the store. The
folder is filled under a temporary name and renamed when complete, so a batch
is either wholly there or not at all: an interrupted run can be resumed by
redoing only the missing batches. ``manifest.json`` records what the parts
were made from (inputs and options); a resume with anything different is
refused.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..output.commit import ForeignFile
from ..records import Source
from ..tables.schema import COLUMNS, PER_DOC_TABLES, conform, frame

MANIFEST = "manifest.json"
BATCH_PREFIX = "b"
TEMP_PREFIX = ".tmp-"
MANIFEST_FORMAT = 1


class ResumeError(RuntimeError):
    """The parts of an earlier run cannot be continued with these inputs or options."""


def describe_inputs(inputs: Iterable[str | os.PathLike[str]]) -> list[str]:
    """What the manifest records of the inputs: absolute paths, or a digest of a text."""
    described = []
    for item in inputs:
        text = os.fspath(item)
        if "\n" in text or len(text) > 1024:
            described.append("text:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:20])
        else:
            described.append(os.path.abspath(text))
    return described


@dataclass(frozen=True, slots=True)
class Target:
    """Where workers write parts: the store folder and the run's token (picklable)."""

    root: str
    token: str

    def reachable(self) -> bool:
        """True when this process sees the store (a worker on the same machine or share)."""
        try:
            manifest = json.loads((Path(self.root) / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return bool(manifest.get("token") == self.token)


def batch_name(number: int) -> str:
    return f"{BATCH_PREFIX}{number:06d}"


def write_batch(root: Path, number: int, frames: Mapping[str, pd.DataFrame]) -> None:
    """Write one batch's tables under a temporary folder, then rename it into place."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    final = root / batch_name(number)
    if final.exists():
        return
    temporary = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{batch_name(number)}-", dir=root))
    try:
        for name in PER_DOC_TABLES:
            table = pa.Table.from_pandas(frames[name], preserve_index=False)
            pq.write_table(table, temporary / f"{name}.parquet")
        os.rename(temporary, final)
    except OSError:
        if not final.exists():
            raise
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


@dataclass(frozen=True)
class PartStore:
    """A folder of batch parts with its manifest."""

    root: Path
    manifest: Mapping[str, Any]

    @property
    def target(self) -> Target:
        return Target(str(self.root), str(self.manifest["token"]))

    @classmethod
    def open(cls, root: Path, settings: Mapping[str, Any], *, resume: bool) -> PartStore:
        """A fresh store at ``root``, or, with ``resume``, the earlier run's parts there.

        Without ``resume`` any earlier parts are removed. With it, parts made from
        other inputs or options raise ``ResumeError``.
        """
        found = read_manifest(root)
        if resume and found is not None:
            check_same(root, found, settings)
            clear_temporary(root)
            return cls(root, found)
        if root.exists():
            if found is None or "token" not in found:
                raise ForeignFile(f"{root} exists and was not made by seminar-nlp (it has no "
                                  f"{MANIFEST} of its parts); it is not removed: move it or "
                                  "choose another output folder")
            shutil.rmtree(root)
        root.mkdir(parents=True)
        manifest = {"format": MANIFEST_FORMAT, **settings, "token": uuid.uuid4().hex}
        path = root / MANIFEST
        temporary = root / f"{TEMP_PREFIX}{MANIFEST}"
        temporary.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(temporary, path)
        return cls(root, manifest)

    def done(self) -> set[int]:
        """Numbers of the batches whose parts are complete."""
        numbers = set()
        for path in self.root.iterdir():
            name = path.name
            if name.startswith(BATCH_PREFIX) and name[1:].isdigit() and path.is_dir():
                numbers.add(int(name[1:]))
        return numbers

    def write(self, number: int, frames: Mapping[str, pd.DataFrame]) -> None:
        write_batch(self.root, number, frames)

    def identities_path(self, number: int) -> Path:
        return self.root / f"{batch_name(number)}.sources.json"

    def identities(self, number: int) -> list[list[str]] | None:
        """What the batch was made from (``identities``), as recorded before it was analysed."""
        try:
            found = json.loads(self.identities_path(number).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return found if isinstance(found, list) else None

    def expect(self, number: int, identities: list[list[str]]) -> None:
        """Record what batch ``number`` is made from, dropping parts made from anything else."""
        shutil.rmtree(self.root / batch_name(number), ignore_errors=True)
        temporary = self.root / f"{TEMP_PREFIX}{batch_name(number)}.sources.json"
        temporary.write_text(json.dumps(identities, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, self.identities_path(number))

    def forget(self, number: int) -> None:
        shutil.rmtree(self.root / batch_name(number), ignore_errors=True)
        self.identities_path(number).unlink(missing_ok=True)

    def path(self, number: int, name: str) -> Path:
        return self.root / batch_name(number) / f"{name}.parquet"

    def doc_ids(self, number: int) -> list[str]:
        import pyarrow.parquet as pq

        table = pq.read_table(self.path(number, "documents"), columns=["doc_id"])
        return [str(value) for value in table.column("doc_id").to_pylist()]

    def num_rows(self, number: int, name: str) -> int:
        import pyarrow.parquet as pq

        return int(pq.ParquetFile(self.path(number, name)).metadata.num_rows)

    def read_arrow(self, number: int, name: str) -> Any:
        """One batch's part of a table as it was written, an Arrow table."""
        import pyarrow.parquet as pq

        return pq.read_table(self.path(number, name))

    def read(self, number: int, name: str, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """One batch's part of a table (or some of its columns)."""
        import pyarrow.parquet as pq

        wanted = list(columns or COLUMNS[name])
        return conform(name, pq.read_table(self.path(number, name), columns=wanted).to_pandas(),
                       wanted)

    def read_all_arrow(self, numbers: Sequence[int], name: str) -> Any:
        """Parts of a table as they were written, concatenated in batch order (Arrow)."""
        import pyarrow as pa

        return pa.concat_tables([self.read_arrow(number, name) for number in numbers],
                                promote_options="default")

    def read_all(self, numbers: Sequence[int], name: str,
                 columns: Sequence[str] | None = None) -> pd.DataFrame:
        """A whole table (or some of its columns), the parts concatenated in batch order."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        wanted = list(columns or COLUMNS[name])
        parts = [pq.read_table(self.path(number, name), columns=wanted) for number in numbers]
        parts = [part for part in parts if part.num_rows]
        if not parts:
            return frame(name, [])[wanted]
        return conform(name, pa.concat_tables(parts, promote_options="default").to_pandas(),
                       wanted)

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def identities(sources: Sequence[Source]) -> list[list[str]]:
    """Each document's id, origin and a SHA-256 of everything read from it (text, status,
    title, date, metadata): an input edited since a batch was analysed gives another."""
    found = []
    for source in sources:
        facts = [source.doc_id, source.source, source.status, source.error, source.title,
                 source.date, json.dumps(dict(source.meta), ensure_ascii=False, sort_keys=True,
                                         default=str), source.text]
        digest = hashlib.sha256(json.dumps(facts, ensure_ascii=False).encode("utf-8"))
        found.append([source.doc_id, source.source, digest.hexdigest()])
    return found


def read_manifest(root: Path) -> dict[str, Any] | None:
    try:
        found = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) else None


# Settings a resume may differ in: the documents of each batch are checked one by one
# (``identities``), so an input added, removed or edited is analysed again, not refused.
FREE_SETTINGS = frozenset({"inputs"})


def check_same(root: Path, found: Mapping[str, Any], settings: Mapping[str, Any]) -> None:
    changed = [key for key in settings
               if key not in FREE_SETTINGS and found.get(key) != settings[key]]
    if found.get("format") != MANIFEST_FORMAT:
        changed.insert(0, "format")
    if changed:
        lines = [f"  {key}: was {found.get(key)!r}, now {settings.get(key)!r}" for key in changed]
        raise ResumeError(f"cannot resume: the interrupted run in {root} had other "
                          f"{', '.join(changed)}:\n" + "\n".join(lines) +
                          "\nrun the same command as before, or leave out --resume to start "
                          "over")


def clear_temporary(root: Path) -> None:
    """Remove half-written batches of an interrupted run."""
    for path in root.glob(f"{TEMP_PREFIX}*"):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
