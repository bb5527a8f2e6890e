"""The gold event record every events scorer input becomes, and the reader of PLOVER gold JSON.

A PLOVER gold file is a JSON array of records ``{id, date, event, text, source: [{actorText,
code, sector}], target: [...], textInfo: {markup}}``; the ``DOCUMENT`` record is a header.
PETRARCH validation records are read into the same types by :mod:`.petrarch_records`.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Errors, NewstraceError

#: markup tags of the PLOVER gold records: "(SRC: ...)", "(TAR: ...)", "(SRC/TAR: ...)", "(EVT: ...)"
#: date shapes (digits as 9) -> format: ISO, PETRARCH YYYYMMDD and its older YYMMDD
DATE_FORMATS = {"9999-99-99": "%Y-%m-%d", "99999999": "%Y%m%d", "999999": "%y%m%d"}
MARKUP = re.compile(r"\(\s*(SRC/TAR|SRC|TAR|EVT|LOC)\s*:\s*([^()]*?)\s*\)")


@dataclass(frozen=True)
class GoldActor:
    """A gold participant: the text naming it and/or its CAMEO/PLOVER actor code ("USAGOV", "JPN")."""

    text: str | None = None
    code: str | None = None


@dataclass(frozen=True)
class GoldCoding:
    """One expected event: its PLOVER ``type`` (None where the gold's own ``label``, a CAMEO code
    or an old PLOVER name, has no PLOVER type today: CAMEO 01 and 02, test-only codes)."""

    type: str | None
    label: str | None = None
    sources: tuple[GoldActor, ...] = ()
    targets: tuple[GoldActor, ...] = ()
    trigger: str | None = None


@dataclass
class GoldRecord:
    """A sentence or short text with the events it must yield; no codings: no event expected."""

    id: str
    file: str
    text: str
    date: datetime.date | None = None
    codings: list[GoldCoding] = field(default_factory=list)
    category: str | None = None

    @property
    def key(self) -> str:
        return f"{self.file}:{self.id}"


@dataclass
class GoldFile:
    """The records read from one file, and the records skipped with the reason."""

    path: Path
    records: list[GoldRecord] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def parse_date(value: str | None) -> datetime.date | None:
    """``2000-01-01``, ``20080804`` or ``121108`` (YYMMDD); None when it is none of these."""
    value = (value or "").strip()
    fmt = DATE_FORMATS.get(re.sub(r"\d", "9", value))
    try:
        return datetime.datetime.strptime(value, fmt).date() if fmt else None
    except ValueError:
        return None


def merge_same_text(records: list[GoldRecord]) -> list[GoldRecord]:
    """One record per text: records of the same sentence pool their (distinct) codings."""
    by_text: dict[str, GoldRecord] = {}
    for rec in records:
        key = " ".join(rec.text.split()).casefold()
        first = by_text.setdefault(key, rec)
        if first is not rec:
            first.codings.extend(c for c in rec.codings if c not in first.codings)
    return list(by_text.values())


def _actors(value: Any, marked: list[str]) -> tuple[GoldActor, ...]:
    """The actors of a ``source``/``target`` field; a missing ``actorText`` comes from the markup."""
    items = [value] if isinstance(value, dict) else value if isinstance(value, list) else []
    out = []
    for i, item in enumerate(x for x in items if isinstance(x, dict)):
        text = item.get("actorText") or (marked[i] if i < len(marked) else None)
        code = item.get("code")
        out.append(GoldActor(text=str(text) if text else None, code=str(code).strip().upper() if code else None))
    if not out:
        out = [GoldActor(text=t) for t in marked]
    return tuple(out)


def plover_record(item: Any, file: str, types: Callable[[str], str | None]) -> GoldRecord:
    """One PLOVER gold JSON object as a :class:`GoldRecord`; TypeError/ValueError say why it is unusable."""
    if not isinstance(item, dict):
        raise TypeError("not a JSON object")
    text, event = item.get("text"), item.get("event")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("no text")
    if not isinstance(event, str) or not event.strip():
        raise ValueError("no event type")
    info = item.get("textInfo")
    markup = str(info.get("markup") or "") if isinstance(info, dict) else ""
    tags: dict[str, list[str]] = {}
    for tag, content in MARKUP.findall(markup):
        tags.setdefault(tag, []).append(content)
    event_text = item.get("eventText")
    coding = GoldCoding(
        type=types(event), label=event.strip(),
        sources=_actors(item.get("source"), tags.get("SRC", []) + tags.get("SRC/TAR", [])),
        targets=_actors(item.get("target"), tags.get("TAR", []) + tags.get("SRC/TAR", [])),
        trigger=tags["EVT"][0] if tags.get("EVT") else event_text if isinstance(event_text, str) else None,
    )
    return GoldRecord(id=str(item.get("id", "")), file=file, text=text, date=parse_date(item.get("date")),
                      codings=[coding])


def read_plover_gold(path: Path, types: Callable[[str], str | None]) -> GoldFile:
    """Every coded record of a PLOVER gold file; ``types`` maps its event names to today's PLOVER types.

    A file that is not a JSON array raises E017 naming it; a bad record is skipped with the reason.
    """
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NewstraceError(Errors.E017, input=str(path), detail=f"not readable as JSON: {exc}") from exc
    if not isinstance(items, list):
        raise NewstraceError(Errors.E017, input=str(path), detail="expected a JSON array of records")
    out = GoldFile(path=path)
    for i, item in enumerate(items):
        if isinstance(item, dict) and str(item.get("event", "")).upper() == "DOCUMENT":
            continue
        try:
            out.records.append(plover_record(item, path.name, types))
        except (TypeError, ValueError) as exc:
            out.skipped.append(f"{path.name} record {i}: {exc}")
    out.records = merge_same_text(out.records)
    return out
