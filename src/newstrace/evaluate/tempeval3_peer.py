"""The TempEval-3 peer: dateparser's ``search_dates`` anchored to the document date.

Each substring it returns is located in the text after the previous one; its datetime
becomes the calendar period dateparser says it read (``get_date_data(...).period``: day, week,
month or year, a time of day counting as its day), so "March 1998" is the month, not a day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from ..errors import Errors, NewstraceError
from ..extract.times import dates
from .tempeval3_score import Predicted

PEER = "dateparser"


class DateparserPeer:
    """``search_dates`` with RELATIVE_BASE at the document date and PREFER_DATES_FROM "past".

    The base is the end of the document day, so a time of day written in the article
    ("6 a.m.") falls on that day rather than the day before.
    """

    def __init__(self) -> None:
        try:
            from dateparser.date import DateDataParser
            from dateparser.search import search_dates
        except ImportError as exc:
            raise NewstraceError(Errors.E019, input=PEER, detail=str(exc)) from exc
        self._search: Callable[..., Any] = search_dates
        self._parser_class: Callable[..., Any] = DateDataParser

    def times(self, text: str, dct: dt.date) -> list[Predicted]:
        """dateparser's times in ``text``, in text order."""
        settings = {"RELATIVE_BASE": dt.datetime.combine(dct, dt.time(23, 59)), "PREFER_DATES_FROM": "past"}
        found = self._search(text, languages=["en"], settings=settings) or []
        parser = self._parser_class(languages=["en"], settings=settings)
        out: list[Predicted] = []
        cursor = 0
        for substring, when in found:
            start = text.find(substring, cursor)
            if start < 0:
                continue
            cursor = start + len(substring)
            period = parser.get_date_data(substring).period or "day"
            first, last = _period(when.date(), period)
            value, _ = dates.describe(first, last)
            out.append(Predicted(start, cursor, substring, value, first, last, rule=f"dateparser {period}"))
        return out


def _period(day: dt.date, period: str) -> tuple[dt.date, dt.date]:
    if period == "week":
        return dates.period(day, "week")
    if period == "month":
        return dates.period(day, "month")
    if period == "year":
        return dates.period(day, "year")
    return day, day
