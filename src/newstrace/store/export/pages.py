"""Paging through filtered events without holding the whole store in memory."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from sqlalchemy import Engine

from ..queries import EventFilter, find_events
from ..views import EventView

PAGE = 500


def all_events(engine: Engine, flt: EventFilter) -> Iterator[EventView]:
    """Every event matching ``flt`` (up to its limit), fetched a page at a time."""
    left, offset = flt.limit, flt.offset
    while left > 0:
        page = find_events(engine, dataclasses.replace(flt, limit=min(PAGE, left), offset=offset))
        yield from page
        if len(page) < min(PAGE, left):
            return
        left -= len(page)
        offset += len(page)
