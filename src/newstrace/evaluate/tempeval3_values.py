"""What a TIMEX3 value denotes, and whether a predicted time says the same.

A calendar value ("1998-02", "1998-W05", "1998-Q1", "199", "1998-08-07TMO") denotes a span of
whole days, both ends inclusive (the convention of the record's ``start``/``end``); a time of
day counts as its day. ``PRESENT_REF`` is the document date. A duration ("P3D", "PT2H",
"P1DE") denotes a length. Values with an unknown part ("XXXX-10", "PXY", "PAST_REF") denote
nothing more than their text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..extract.times import dates

#: meteorological seasons (WMO): TIMEX3 token -> first month; winter YYYY starts in December YYYY-1,
#: the time extractor's convention (extract/times/data/calendar.yaml)
SEASONS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
#: TIMEX3 duration units -> (months, seconds) per unit (TimeML 1.2.1: DE decade, CE century, L millennium)
DURATION_UNITS: dict[str, tuple[int, int]] = {
    "L": (12000, 0), "CE": (1200, 0), "C": (1200, 0), "DE": (120, 0), "E": (120, 0), "Y": (12, 0),
    "Q": (3, 0), "M": (1, 0), "W": (0, 7 * 86400), "D": (0, 86400), "H": (0, 3600), "MIN": (0, 60),
    "S": (0, 1),
}
#: modifiers that narrow the value's interval to a part of it (TimeML 1.2.1 ``mod``)
PART_MODS = frozenset({"START", "MID", "END"})

_DURATION = re.compile(r"P(?P<date>(?:\d+(?:\.\d+)?(?:DE|CE|[LCEYQMWD]))*)(?:T(?P<time>(?:\d+(?:\.\d+)?[HMS])*))?")
_CALENDAR = re.compile(
    r"(?P<year>\d{2,4})(?:-(?:(?P<month>\d\d)(?:-(?P<day>\d\d))?|W(?P<week>\d\d)(?P<we>-WE)?|Q(?P<q>[1-4])"
    r"|H(?P<h>[12])|(?P<season>SP|SU|FA|WI)))?(?:T[\w:.+-]*)?")

Interval = tuple[dt.date, dt.date]
Length = tuple[float, float]


@dataclass(frozen=True)
class Denotation:
    """What a value denotes: an interval of days, a length, or neither (only its text)."""

    value: str
    interval: Interval | None = None
    length: Length | None = None


def _period(year: int, digits: int) -> Interval:
    """A century ("19"), decade ("199") or year ("1998")."""
    if digits == 2:
        return dt.date(year * 100, 1, 1), dt.date(year * 100 + 99, 12, 31)
    if digits == 3:
        return dt.date(year * 10, 1, 1), dt.date(year * 10 + 9, 12, 31)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _months(year: int, first: int, count: int) -> Interval:
    start = dates.add_months(dt.date(year, 1, 1), first - 1)
    last = dates.add_months(start, count - 1)
    return start, dates.month_end(last.year, last.month)


def calendar_interval(value: str) -> Interval | None:
    """The days a calendar value covers, or None (an unknown part, or not a calendar value)."""
    m = _CALENDAR.fullmatch(value)
    if m is None or (len(m["year"]) < 4 and m.group(0) != m["year"]):
        return None
    year = int(m["year"])
    try:
        if len(m["year"]) < 4 or m.lastindex == 1:
            return _period(year, len(m["year"]))
        if m["day"]:
            day = dt.date(year, int(m["month"]), int(m["day"]))
            return day, day
        if m["month"]:
            if not 1 <= int(m["month"]) <= 12:
                return None
            return _months(year, int(m["month"]), 1)
        if m["week"]:
            monday = dt.date.fromisocalendar(year, int(m["week"]), 1)
            if m["we"]:
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        if m["q"]:
            return _months(year, 3 * int(m["q"]) - 2, 3)
        if m["h"]:
            return _months(year, 6 * int(m["h"]) - 5, 6)
        first = SEASONS[m["season"]]
        return _months(year - 1 if first == 12 else year, first, 3)
    except ValueError:
        return None


def duration_length(value: str) -> Length | None:
    """A duration's length as (months, seconds), or None (unknown amount, or not a duration)."""
    m = _DURATION.fullmatch(value)
    if m is None or value in ("P", "PT"):
        return None
    months = seconds = 0.0
    for amount, unit in re.findall(r"(\d+(?:\.\d+)?)(DE|CE|[LCEYQMWD])", m["date"] or ""):
        per = DURATION_UNITS[unit]
        months, seconds = months + float(amount) * per[0], seconds + float(amount) * per[1]
    for amount, unit in re.findall(r"(\d+(?:\.\d+)?)([HMS])", m["time"] or ""):
        seconds += float(amount) * DURATION_UNITS["MIN" if unit == "M" else unit][1]
    return months, seconds


def denote(value: str, dct: dt.date) -> Denotation:
    """What the TIMEX3 ``value`` denotes in a document of creation date ``dct``."""
    value = value.strip().upper()
    if value == "PRESENT_REF":
        return Denotation(value, interval=(dct, dct))
    if value.startswith("P") and not value.endswith("_REF"):
        return Denotation(value, length=duration_length(value))
    return Denotation(value, interval=calendar_interval(value))


def _shifted(day: dt.date, length: Length) -> dt.date:
    months, seconds = length
    if months != int(months):
        return day + dt.timedelta(days=round(months * 30.4375))
    return dates.add_months(day, int(months)) + dt.timedelta(seconds=seconds)


def _within(part: Interval, whole: Interval, mod: str) -> bool:
    """Whether ``part`` is the start, middle or end of ``whole`` (``mod`` START, MID or END)."""
    (ps, pe), (ws, we) = part, whole
    if not (ws <= ps <= pe <= we) or part == whole:
        return False
    return (mod == "START" and ps == ws) or (mod == "END" and pe == we) or (mod == "MID" and ws < ps and pe < we)


def same_value(gold: Denotation, value: str, start: dt.date | None, end: dt.date | None,
               mod: str | None = None) -> bool:
    """Whether a prediction (TIMEX3-style ``value``, interval ``start``..``end``) says what ``gold`` says.

    Equal when the values are the same text, when one end of a range is ("1998-01/PRESENT_REF"
    for "since January"), when the intervals are the same days (or the part of the gold interval
    its ``mod`` START, MID or END names), when both are durations of one length, or when the
    prediction is an interval whose length is the gold duration ("the past two weeks" = the 14
    days up to the document date, gold ``P2W``).
    """
    ours = value.strip().upper()
    if ours == gold.value:
        return True
    if "/" in ours:     # a range: TimeML marks each end as a TIMEX3 of its own ("since" and "from" are signals)
        ends = [e for e in ours.split("/") if e != "PRESENT_REF"]
        for end_value in ends:
            first, last = calendar_interval(end_value) or (None, None)
            if same_value(gold, end_value, first, last, mod):
                return True
    if gold.interval is not None and start is not None and end is not None:
        return (start, end) == gold.interval or (mod in PART_MODS and _within((start, end), gold.interval, mod))
    if gold.length is not None:
        length = duration_length(ours) if ours.startswith("P") else None
        if length is not None:
            return length == gold.length
        if start is not None and end is not None and start < end:
            moved = _shifted(start, gold.length)
            return moved in (end, end + dt.timedelta(days=1))
    return False
