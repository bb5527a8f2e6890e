"""Events by place for the map: one point per geocoded place with its event count by type."""

from __future__ import annotations

import dataclasses
from collections import Counter

from sqlalchemy import Engine

from ...store.export.pages import all_events
from ...store.queries import EventFilter
from ..schemas import MapPoint

MAP_CAP = 50_000


def map_points(engine: Engine, flt: EventFilter) -> list[MapPoint]:
    """Geocoded places of the events matching ``flt`` (at most :data:`MAP_CAP` events), busiest first."""
    counts: dict[tuple[str, str | None, float, float], Counter[str]] = {}
    for e in all_events(engine, dataclasses.replace(flt, limit=MAP_CAP, offset=0)):
        if e.lat is None or e.lon is None:
            continue
        where = (e.place or e.country or "?", e.country, round(e.lat, 4), round(e.lon, 4))
        counts.setdefault(where, Counter())[e.type] += 1
    points = [MapPoint(place=p, country=c, lat=lat, lon=lon, events=sum(t.values()), types=dict(t))
              for (p, c, lat, lon), t in counts.items()]
    return sorted(points, key=lambda p: (-p.events, p.place))
