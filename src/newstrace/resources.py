"""Loading the package's data files: YAML lists validated by a pydantic model, read once.

Every entry of every data file carries a ``source`` saying where its fact comes from.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import Errors, NewstraceError

M = TypeVar("M", bound=BaseModel)


@cache
def read_yaml(package: str, name: str) -> Any:
    """The parsed content of data file ``name`` inside ``package`` (cached)."""
    path = resources.files(package).joinpath(name)
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise NewstraceError(Errors.E011, input=f"{package}/{name}", detail=str(exc)) from exc


def load_entries(package: str, name: str, model: type[M], key: str | None = None) -> list[M]:
    """Validate a data file that is a list of entries (or a mapping whose ``key`` is that list)."""
    raw = read_yaml(package, name)
    if key is not None:
        raw = (raw or {}).get(key)
    if not isinstance(raw, list):
        raise NewstraceError(Errors.E011, input=f"{package}/{name}", detail="expected a list of entries")
    out: list[M] = []
    for i, item in enumerate(raw):
        try:
            out.append(model.model_validate(item))
        except ValidationError as exc:
            raise NewstraceError(
                Errors.E011, input=f"{package}/{name}", detail=f"entry {i} ({item!r:.80}): {exc}"
            ) from exc
    return out
