"""Competing assertions inside a cluster, kept as data and never averaged.

Per member event and source (its origin label): casualty figures (a quantity whose nearest cue word
says killed or wounded), the event date, and for harm-doing types the perpetrator. A row is
contradicted when another source in the cluster asserts an incompatible value for the same field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .config import Contradictions, thresholds
from .members import Member
from .origins import origin_of, publishers

DATE_DAYS = 7                            # dates coarser than a week assert no day
_WORD = re.compile(r"[A-Za-z]+")
_CLAUSE = re.compile(r",|;|:|\band\b|\bbut\b|\bwhile\b|\bwhen\b|\bafter\b")


@dataclass
class Assertion:
    event_id: int
    article_id: int
    field: str
    value: str
    source: str
    low: Any                             # comparable bounds (numbers or dates), or a set of names
    high: Any = None
    contradicted: bool = False


def _cue(words: list[str], cfg: Contradictions) -> str | None:
    for word in words:
        word = word.lower()
        if word in cfg.killed:
            return "killed"
        if word in cfg.wounded:
            return "wounded"
    return None


def casualty_kind(m: Member, quantity: dict[str, Any], cfg: Contradictions) -> str | None:
    """"killed" or "wounded": the first cue word after the figure in its clause ("12 people were
    killed", "40 wounded"), else the nearest before it ("killing at least 12", "and wounding 40")."""
    span = quantity.get("span") or {}
    start = int(span.get("start", 0)) - m.evidence_start
    end = int(span.get("end", 0)) - m.evidence_start
    if start < 0 or end > len(m.evidence):
        return None
    after = _CLAUSE.split(m.evidence[end : end + cfg.window_chars])[0]
    before = _CLAUSE.split(m.evidence[max(0, start - cfg.window_chars) : start])[-1]
    return (_cue(_WORD.findall(after), cfg) or _cue(_WORD.findall(str(quantity.get("unit") or "")), cfg)
            or _cue(_WORD.findall(before)[::-1], cfg))


def _number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def figure(q: dict[str, Any]) -> tuple[str, float, float] | None:
    """A quantity as (value text, low, high): "12", "10-15", "~40", "at least 12" (compared as 12,
    the conservative reading), "up to 30"."""
    value, low, high = q.get("value"), q.get("low"), q.get("high")
    if value is not None:
        text, low, high = _number(value), value, value
    elif low is not None and high is not None:
        text = f"{_number(low)}-{_number(high)}"
    elif low is not None:
        text, high = f"at least {_number(low)}", low
    elif high is not None:
        text, low = f"up to {_number(high)}", high
    else:
        return None
    return (f"~{text}" if q.get("approximate") and value is not None else text), float(low), float(high)


def _figures(m: Member, source: str, cfg: Contradictions) -> list[Assertion]:
    out = []
    for q in m.data.get("quantities") or []:
        kind = casualty_kind(m, q, cfg)
        found = figure(q) if kind else None
        if kind and found:
            out.append(Assertion(m.event_id, m.article_id, kind, found[0], source, found[1], found[2]))
    return out


def assertions_of(m: Member, publisher: str | None = None) -> list[Assertion]:
    cfg = thresholds().contradictions
    source = origin_of(m, publisher).label
    out = _figures(m, source, cfg)
    time = m.data.get("time") or {}
    end = m.time_end or m.time_start
    if m.time_start is not None and end is not None and (end - m.time_start).days <= DATE_DAYS:
        value = str(time.get("value") or m.time_start.isoformat())
        out.append(Assertion(m.event_id, m.article_id, "date", value, source, m.time_start, end))
    if m.type in cfg.perpetrator_types and m.actors:
        names = sorted(set(m.actors))
        out.append(Assertion(m.event_id, m.article_id, "perpetrator", ", ".join(names), source, set(names)))
    return out


def _compatible(a: Assertion, b: Assertion) -> bool:
    if a.field == "perpetrator":
        return bool(a.low & b.low)
    return bool(a.low <= b.high and b.low <= a.high)


def find_contradictions(members: list[Member]) -> list[Assertion]:
    """Every assertion of the cluster's members, each marked when another source contradicts it.

    Compared over distinct (field, source, value) claims, so repeated copies cost nothing."""
    stand_in = publishers(members)
    rows = [a for m in members for a in assertions_of(m, stand_in[m.article_id])]
    claims: dict[tuple[str, str, str], Assertion] = {}
    for a in rows:
        claims.setdefault((a.field, a.source, a.value), a)
    by_field: dict[str, list[Assertion]] = {}
    for a in claims.values():
        by_field.setdefault(a.field, []).append(a)
    for same in by_field.values():
        for a in same:
            a.contradicted = any(b.source != a.source and not _compatible(a, b) for b in same)
    for a in rows:
        a.contradicted = claims[(a.field, a.source, a.value)].contradicted
    return rows
