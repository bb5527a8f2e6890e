"""A stable digest of the dataset files an evaluation read, so a baseline names its data."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path


def digest_files(paths: Iterable[Path], root: Path) -> str:
    """sha256 over each file's path relative to ``root`` and its bytes, in sorted order."""
    h = hashlib.sha256()
    for path in sorted(Path(p) for p in paths):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def stable_sample(keys: Iterable[str], limit: int, salt: str = "newstrace") -> list[str]:
    """A deterministic sample of ``limit`` keys: the smallest by salted sha1, returned sorted."""
    ranked = sorted(keys, key=lambda k: hashlib.sha1(f"{salt}:{k}".encode()).hexdigest())
    return sorted(ranked[:limit])
