"""Datelines and bylines at the head of an article: the outlet and the date they name.

The patterns are data (``data/dateline_patterns.yaml``); this module compiles them and
reads what they capture. Outlets are kept as written ("AP", "Reuters", "The Cradle"):
canonical names are the resolver's business.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..errors import Errors, NewstraceError
from ..records import Span
from ..resources import read_yaml

DATA = "newstrace.ingest.data"
FILE = "dateline_patterns.yaml"

HEAD_LINES = 6
"""Datelines are looked for in the first non-empty lines only ..."""

HEAD_CHARS = 1000
#: a closing "Published: ..." line is looked for in the last lines too
TAIL_LINES = 3
TAIL_CHARS = 400
"""... and in at most this many characters."""

YEAR_SLACK = datetime.timedelta(days=1)
"""A date without a year is taken to be on or before the reference date, give or take time zones."""

_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_FIELDS = ("outlet", "place", "author")


class Dateline(BaseModel):
    """What the head of an article says about where it comes from."""

    model_config = ConfigDict(extra="forbid")

    outlet: str | None = None
    published: datetime.date | None = None
    place: str | None = None         # "KYIV, Ukraine"
    author: str | None = None
    span: Span                       # from the first to the last line that contributed
    reason: str                      # names of the patterns that matched, joined by "+"


class Months(BaseModel):
    model_config = ConfigDict(extra="forbid")
    names: dict[str, int]
    source: str = Field(min_length=3)


class Fragment(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    regex: str
    source: str = Field(min_length=3)


class Pattern(Fragment):
    ignore_case: bool = False
    tail: bool = False   # also looked for in the last lines ("Published: 2024-03-05" at the end)
    examples: list[str] = Field(default_factory=list)


class PatternFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    months: Months
    fragments: list[Fragment]
    date_formats: list[Fragment] = Field(min_length=1)
    patterns: list[Pattern] = Field(min_length=1)


@dataclass(frozen=True)
class Compiled:
    """The pattern file, compiled."""

    months: dict[str, int]
    date_formats: list[re.Pattern[str]]
    patterns: list[tuple[Pattern, re.Pattern[str]]]


def parse_dateline(text: str, reference: datetime.date | None = None) -> Dateline | None:
    """The dateline in the first lines of ``text``, or None when there is none.

    Every pattern is tried at the start of each of the first :data:`HEAD_LINES` lines;
    matches are read in order of position (then of the pattern file) and the first to give
    a field (outlet, date, place, author) sets it. A date without a year gets the year that
    puts it on or before ``reference``; without a reference, ``published`` is None.
    """
    found, used, head_end = _read(text, reference)
    if not used:
        return None
    in_head = [m for _, m in used if m.start() < head_end] or [m for _, m in used]
    start, end = _trimmed(text, in_head)
    return Dateline(span=Span.of(text, start, end), reason="+".join(n for n, _ in used), **found)


def _trimmed(text: str, matches: list[re.Match[str]]) -> tuple[int, int]:
    """From the start of the first match to the end of the last, without outer whitespace."""
    start = matches[0].start()
    end = max(m.end() for m in matches)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _read(
    text: str, reference: datetime.date | None
) -> tuple[dict[str, Any], list[tuple[str, re.Match[str]]], int]:
    """The fields found, the (pattern name, match) pairs that gave them, and the end of the head."""
    compiled = compiled_patterns()
    head_end = _head_end(text)
    head = text[:head_end]
    tail_start = max(head_end, _tail_start(text))
    matches: list[tuple[int, int, str, re.Match[str]]] = []
    for order, (pattern, regex) in enumerate(compiled.patterns):
        for match in regex.finditer(head):
            matches.append((match.start(), order, pattern.name, match))
        # a closing "Published: ..." line: read after every head match
        for match in regex.finditer(text, tail_start) if pattern.tail else ():
            matches.append((match.start(), order, pattern.name, match))
    matches.sort(key=lambda m: (m[0], m[1]))

    found: dict[str, Any] = {}
    used: list[tuple[str, re.Match[str]]] = []
    for _, _, name, match in matches:
        groups = {k: v for k, v in match.groupdict().items() if v}
        new: dict[str, Any] = {}
        for field in _FIELDS:
            if field in groups and field not in found:
                value = _clean(groups[field])
                if value:
                    new[field] = value
        if "date" in groups and "published" not in found:
            published = parse_date(groups["date"], reference)
            if published is not None:
                new["published"] = published
        if new:
            found.update(new)
            used.append((name, match))
    return found, used, head_end


def metadata_spans(text: str) -> tuple[tuple[int, int] | None, list[tuple[int, int]]]:
    """Where ``text`` carries metadata rather than narrative: ``(head, tail)``.

    ``tail`` holds the closing metadata lines ("Published: 2024-03-05" matched by a ``tail``
    pattern in the last lines, after some of the body), each to the end of its line, whether or
    not :func:`parse_dateline` took a field from it; ``head`` is the range of the dateline or
    header lines at the top, without those, or None. The time extractor reads a head's date as
    a time of the text but anchors no narrative time to it, and skips the tail lines.
    """
    _, used, head_end = _read(text, None)

    def head_without(lines: list[tuple[int, int]]) -> tuple[int, int] | None:
        kept = [m for _, m in used if m.start() < head_end and not any(s <= m.start() < e for s, e in lines)]
        return _trimmed(text, kept) if kept else None

    closing: list[tuple[int, int]] = []
    for pattern, regex in compiled_patterns().patterns:
        for match in regex.finditer(text, _tail_start(text)) if pattern.tail else ():
            line_end = text.find("\n", match.end())
            closing.append((match.start(), len(text) if line_end == -1 else line_end))
    # a closing line follows some of the body; a "Published:" line that opens a text is its header
    head = head_without(closing)
    tail = sorted((s, e) for s, e in closing if text[head[1] if head is not None and head[1] <= s else 0:s].strip())
    return head_without(tail), tail


def parse_date(value: str, reference: datetime.date | None = None) -> datetime.date | None:
    """A date as written in a dateline ("March 3", "4 May 2023", "2024-03-05"), or None.

    Without a year, the year is inferred from ``reference`` (see :func:`parse_dateline`).
    Impossible dates ("February 30") give None.
    """
    compiled = compiled_patterns()
    for regex in compiled.date_formats:
        match = regex.fullmatch(value.strip())
        if match is None:
            continue
        month_text = match.group("month").lower().rstrip(".")
        month = int(month_text) if month_text.isdigit() else compiled.months.get(month_text)
        day = int(match.group("day"))
        if month is None:
            return None
        year = match.group("year")
        if year is not None:
            return _make_date(int(year), month, day)
        return _infer_year(month, day, reference)
    return None


@cache
def compiled_patterns() -> Compiled:
    """The dateline pattern file, validated and compiled (once). Raises E011 if it is invalid."""
    raw = read_yaml(DATA, FILE)
    try:
        data = PatternFile.model_validate(raw)
    except ValueError as exc:
        raise NewstraceError(Errors.E011, input=f"{DATA}/{FILE}", detail=str(exc)) from exc
    months = {k.lower(): v for k, v in data.months.names.items()}
    if any(not 1 <= v <= 12 for v in months.values()):
        raise NewstraceError(Errors.E011, input=f"{DATA}/{FILE}", detail="month numbers must be 1-12")
    month_re = "(?i:" + "|".join(sorted(map(re.escape, months), key=len, reverse=True)) + ")"
    fragments = {f.name: f.regex for f in data.fragments}
    fragments["month"] = month_re

    def expand(regex: str, depth: int = 0) -> str:
        if depth > 5:
            raise NewstraceError(Errors.E011, input=f"{DATA}/{FILE}", detail=f"placeholders nest too deep: {regex}")

        def one(match: re.Match[str]) -> str:
            key = match.group(1)
            if key not in fragments:
                raise NewstraceError(Errors.E011, input=f"{DATA}/{FILE}", detail=f"unknown placeholder {{{{{key}}}}}")
            return expand(fragments[key], depth + 1)

        return _PLACEHOLDER.sub(one, regex)

    date_sources = [expand(f.regex) for f in data.date_formats]
    fragments["date"] = (
        "(?P<date>" + "|".join(f"(?:{_NAMED_GROUP.sub('(?:', s)})" for s in date_sources) + ")"
    )
    try:
        date_formats = [re.compile(s) for s in date_sources]
        patterns = [
            (p, re.compile(expand(p.regex), re.MULTILINE | (re.IGNORECASE if p.ignore_case else 0)))
            for p in data.patterns
        ]
    except re.error as exc:
        raise NewstraceError(Errors.E011, input=f"{DATA}/{FILE}", detail=f"bad regex: {exc}") from exc
    return Compiled(months=months, date_formats=date_formats, patterns=patterns)


def _head_end(text: str) -> int:
    """Offset of the end of the first :data:`HEAD_LINES` non-empty lines, at most :data:`HEAD_CHARS`."""
    end, lines = 0, 0
    limit = min(len(text), HEAD_CHARS)
    while end < limit and lines < HEAD_LINES:
        newline = text.find("\n", end, limit)
        line_end = limit if newline == -1 else newline
        if text[end:line_end].strip():
            lines += 1
        end = line_end + 1 if newline != -1 else limit
    return min(end, limit)


def _tail_start(text: str) -> int:
    """Offset of the start of the last :data:`TAIL_LINES` non-empty lines (at most :data:`TAIL_CHARS`)."""
    start, lines = len(text), 0
    limit = max(0, len(text) - TAIL_CHARS)
    while start > limit and lines < TAIL_LINES:
        newline = text.rfind("\n", limit, start - 1)
        line_start = limit if newline == -1 else newline + 1
        if text[line_start:start].strip():
            lines += 1
        start = line_start
        if newline == -1:
            break
    return start


def _clean(value: str) -> str:
    return value.strip().strip(",;:").strip()


def _make_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, reference: datetime.date | None) -> datetime.date | None:
    if reference is None:
        return None
    for year in range(reference.year + 1, reference.year - 5, -1):
        candidate = _make_date(year, month, day)
        if candidate is not None and candidate <= reference + YEAR_SLACK:
            return candidate
    return None
