"""CAMEO codes and older PLOVER event names -> today's PLOVER types.

The CAMEO table is ``plover/CAMEO2PLOVER-2021.txt`` (lines ``CODE: TYPE, mode, context # gloss``;
``NN: TYPE`` heads a root). Older PLOVER names ("DEMAND") are renamed by the package's
``data/plover_names.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from ..errors import Errors, NewstraceError
from ..records import PLOVER_TYPES
from ..resources import load_entries

DATA = "newstrace.evaluate.data"
LINE = re.compile(r"^(\d{2,4})\s*:\s*([A-Za-z_]+)\s*(?:,([^,#]*))?(?:,([^#]*))?(?:#.*)?$")


class PloverName(BaseModel):
    """An event name of an older PLOVER version and the type it is today."""

    model_config = ConfigDict(extra="forbid")
    name: str
    type: str
    source: str = Field(min_length=3)


@dataclass(frozen=True)
class PloverEntry:
    type: str
    mode: str | None = None
    context: str | None = None


@cache
def renamed() -> dict[str, str]:
    """Older PLOVER event name -> today's type (validated: every target is a PLOVER type)."""
    names = load_entries(DATA, "plover_names.yaml", PloverName, key="names")
    bad = [n.type for n in names if n.type not in PLOVER_TYPES]
    if bad:
        raise NewstraceError(Errors.E011, input=f"{DATA}/plover_names.yaml", detail=f"not PLOVER types: {bad}")
    return {n.name.upper(): n.type for n in names}


def plover_type(name: str) -> str | None:
    """A PLOVER event name as written in gold data -> today's type, or None when it is none."""
    name = name.strip().upper()
    name = renamed().get(name, name)
    return name if name in PLOVER_TYPES else None


class CameoMap:
    """CAMEO code -> :class:`PloverEntry`; a code missing from the table takes its parent's entry."""

    def __init__(self, entries: dict[str, PloverEntry]) -> None:
        self.entries = entries

    def entry(self, code: str) -> PloverEntry | None:
        """The entry of ``code`` or of its nearest listed parent ("0352" -> "035" -> "03")."""
        code = code.strip()
        while len(code) >= 2:
            if code in self.entries:
                return self.entries[code]
            code = code[:-1]
        return None

    def type_of(self, code: str) -> str | None:
        entry = self.entry(code) if code.isdigit() else None
        return entry.type if entry else None


def read_cameo_map(path: Path) -> CameoMap:
    """Read the CAMEO -> PLOVER table; E017 names the file and line when a line is malformed.

    The first entry of a code that is listed twice wins (the 2021 table lists root ``08`` under
    both CONCEDE and RETREAT; its three-digit codes say which).
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise NewstraceError(Errors.E017, input=str(path), detail=str(exc)) from exc
    entries: dict[str, PloverEntry] = {}
    for n, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#") or not line[0].isdigit():
            continue
        m = LINE.match(line)
        kind = plover_type(m.group(2)) if m else None
        if m is None or kind is None:
            raise NewstraceError(Errors.E017, input=str(path), detail=f"line {n}: {line[:60]!r}")
        mode, context = ((g or "").strip() or None for g in (m.group(3), m.group(4)))
        entries.setdefault(m.group(1), PloverEntry(kind, mode, context))
    if not entries:
        raise NewstraceError(Errors.E017, input=str(path), detail="no 'CODE: TYPE' lines")
    return CameoMap(entries)
