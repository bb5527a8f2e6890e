"""Calendar arithmetic for the time normalizer: shifting dates by units, calendar periods,
and the TIMEX3-style value and granularity of an interval."""

from __future__ import annotations

import calendar
import datetime as dt
import math
from typing import Literal

from ...records import Granularity
from .vocab import Period, UnitEntry


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the end of a shorter month."""
    years, index = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, index + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def shift(day: dt.date, count: float, unit: UnitEntry) -> dt.date:
    """``day`` moved by ``count`` units (negative: back in time). Hours move whole days."""
    if unit.base == "day":
        return day + dt.timedelta(days=round(count * unit.size))
    if unit.base == "hour":
        return day + dt.timedelta(days=math.floor(count * unit.size / 24))
    return add_months(day, round(count * unit.size))


def period(day: dt.date, kind: Period | Literal["weekend"], offset: int = 0) -> tuple[dt.date, dt.date]:
    """The calendar period of ``kind`` containing ``day``, moved by ``offset`` periods.

    Weeks are ISO weeks (Monday to Sunday); decades run from a year ending in 0. A weekend is a
    Saturday and the Sunday after it: offset 0 is the latest weekend begun on or before ``day``.
    """
    if kind == "weekend":
        saturday = day - dt.timedelta(days=(day.weekday() - 5) % 7) + dt.timedelta(weeks=offset)
        return saturday, saturday + dt.timedelta(days=1)
    if kind == "day":
        d = day + dt.timedelta(days=offset)
        return d, d
    if kind == "week":
        monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=offset)
        return monday, monday + dt.timedelta(days=6)
    if kind == "month":
        first = add_months(day.replace(day=1), offset)
        return first, month_end(first.year, first.month)
    if kind == "quarter":
        first = add_months(day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1), 3 * offset)
        last = add_months(first, 2)
        return first, month_end(last.year, last.month)
    if kind == "year":
        year = day.year + offset
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    start = day.year // 10 * 10 + 10 * offset
    return dt.date(start, 1, 1), dt.date(start + 9, 12, 31)


def describe(start: dt.date, end: dt.date) -> tuple[str, Granularity]:
    """The TIMEX3-style value and the granularity of the interval ``start``..``end``.

    A day, an ISO week, a month, a quarter or a year get their TIMEX3 value ("2024-09-09",
    "2024-W45", "2024-09", "2024-Q3", "2024"); a decade gets "199" (granularity "range"); any other
    interval the ISO 8601 form "2024-11-06/2024-11-13".
    """
    if start == end:
        return start.isoformat(), "day"
    if start.weekday() == 0 and end == start + dt.timedelta(days=6):
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}", "week"
    if start.day == 1 and (start.year, start.month) == (end.year, end.month) and end == month_end(end.year, end.month):
        return f"{start.year:04d}-{start.month:02d}", "month"
    if start.day == 1 and start.month % 3 == 1 and end == month_end(*_plus_two_months(start)):
        return f"{start.year:04d}-Q{(start.month + 2) // 3}", "range"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        if start.year == end.year:
            return f"{start.year:04d}", "year"
        if start.year % 10 == 0 and end.year == start.year + 9:
            return f"{start.year // 10:03d}", "range"
    return f"{start.isoformat()}/{end.isoformat()}", "range"


def _plus_two_months(day: dt.date) -> tuple[int, int]:
    last = add_months(day, 2)
    return last.year, last.month


def part_of(start: dt.date, end: dt.date, lo: float, hi: float) -> tuple[dt.date, dt.date]:
    """The part of ``start``..``end`` between fractions ``lo`` and ``hi`` of its days."""
    days = (end - start).days + 1
    first = start + dt.timedelta(days=round(lo * days))
    last = start + dt.timedelta(days=round(hi * days) - 1)
    return first, max(first, min(last, end))
