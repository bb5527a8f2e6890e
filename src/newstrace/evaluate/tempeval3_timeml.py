"""Reading TimeML (``.tml``) documents: the TEXT element's plain text, its TIMEX3s with
character offsets, and the document creation time (the CREATION_TIME TIMEX3)."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..errors import Errors, NewstraceError


@dataclass(frozen=True)
class Timex:
    """One gold TIMEX3: offsets into :attr:`TimeMLDoc.text` and its attributes."""

    start: int
    end: int
    text: str
    tid: str
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True)
class TimeMLDoc:
    """A TimeML document: ``text`` is the TEXT element with its tags stripped; the creation time
    is ``dct`` and never one of ``timexes``."""

    name: str
    text: str
    dct: dt.date
    timexes: tuple[Timex, ...]


def _walk(elem: ET.Element, parts: list[str], timexes: list[Timex], offset: int) -> int:
    """Append ``elem``'s inner text to ``parts``, recording TIMEX3 offsets; returns the new offset."""
    if elem.text:
        parts.append(elem.text)
        offset += len(elem.text)
    for child in elem:
        start = offset
        offset = _walk(child, parts, timexes, offset)
        if child.tag == "TIMEX3" and child.get("functionInDocument") != "CREATION_TIME":
            text = "".join(parts)[start:offset]
            timexes.append(Timex(start, offset, text, child.get("tid", ""), child.get("type", ""),
                                 child.get("value", ""), child.get("mod")))
        if child.tail:
            parts.append(child.tail)
            offset += len(child.tail)
    return offset


def _dct(root: ET.Element) -> dt.date | None:
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            try:
                return dt.date.fromisoformat(timex.get("value", "")[:10])
            except ValueError:
                return None
    return None


def read_timeml(path: Path) -> TimeMLDoc:
    """The document at ``path``; E017 naming the file when it is not TimeML we can score."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError, UnicodeDecodeError) as exc:
        raise NewstraceError(Errors.E017, input=str(path), detail=str(exc)) from exc
    body = root.find("TEXT")
    if body is None:
        raise NewstraceError(Errors.E017, input=str(path), detail="no TEXT element")
    dct = _dct(root)
    if dct is None:
        raise NewstraceError(Errors.E017, input=str(path), detail="no CREATION_TIME TIMEX3 with a date value")
    parts: list[str] = []
    timexes: list[Timex] = []
    _walk(body, parts, timexes, 0)
    text = "".join(parts)
    for t in timexes:
        if not t.value or not t.type:
            raise NewstraceError(Errors.E017, input=str(path), detail=f"TIMEX3 {t.tid} lacks type or value")
    return TimeMLDoc(path.stem, text, dct, tuple(sorted(timexes, key=lambda t: t.start)))
