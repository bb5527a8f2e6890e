"""Where the public evaluation data lies: ``--data``, else ``NEWSTRACE_DATA``, else ``../shared/data``."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import Errors, NewstraceError


def data_root(data: Path | str | None = None) -> Path:
    """The folder holding re3d/, polnear/, tempeval3/ ...; the first existing candidate wins."""
    if data is not None:
        candidates = [Path(data)]
    else:
        env = os.environ.get("NEWSTRACE_DATA")
        repo = Path(__file__).resolve().parents[3]
        candidates = [Path(env)] if env else []
        candidates += [Path.cwd() / ".." / "shared" / "data", repo / ".." / "shared" / "data"]
    for c in candidates:
        if c.is_dir():
            return c.resolve()
    raise NewstraceError(Errors.E016, input=str(candidates[0]),
                         detail="no evaluation data folder; pass --data PATH")


def dataset_dir(name: str, data: Path | str | None = None) -> Path:
    """``<data root>/<name>``, or E016 naming the missing folder."""
    path = data_root(data) / name
    if not path.is_dir():
        raise NewstraceError(Errors.E016, input=str(path), detail=f"dataset folder {name!r} not found")
    return path
