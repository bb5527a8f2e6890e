"""``/api/events``: filtered events, their export in the current filter (CSV, Parquet, PLOVER JSON),
and events by place for the map."""

from __future__ import annotations

import dataclasses
import io
from enum import Enum

from fastapi import APIRouter
from fastapi.responses import Response

from ...store.export import export
from ...store.queries import count_events, find_events
from ...store.views import EventView
from ..deps import EngineDep, FilterDep, PagingDep
from ..queries.places import map_points
from ..schemas import MapPoint, Page

router = APIRouter(prefix="/events", tags=["events"])
EXPORT_CAP = 1_000_000


class EventFormat(str, Enum):
    csv = "csv"
    parquet = "parquet"
    plover = "plover"


MEDIA = {"csv": ("text/csv; charset=utf-8", "csv"), "parquet": ("application/vnd.apache.parquet", "parquet"),
         "plover": ("application/json", "json")}


@router.get("", response_model=Page[EventView])
def get_events(engine: EngineDep, flt: FilterDep, page: PagingDep) -> Page[EventView]:
    flt = dataclasses.replace(flt, limit=page.limit, offset=page.offset)
    return Page(data=find_events(engine, flt), count=count_events(engine, flt))


@router.get("/export", response_class=Response,
            responses={200: {"content": {m: {} for m, _ in MEDIA.values()}, "description": "the events file"}})
def export_events(engine: EngineDep, flt: FilterDep, format: EventFormat = EventFormat.csv) -> Response:
    """Every event of the filter as an ACLED-style CSV or Parquet table, or PLOVER JSON records."""
    out = io.BytesIO()
    export(engine, format.value, out, dataclasses.replace(flt, limit=EXPORT_CAP, offset=0))
    media, suffix = MEDIA[format.value]
    return Response(out.getvalue(), media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="events.{suffix}"'})


@router.get("/places", response_model=list[MapPoint])
def get_places(engine: EngineDep, flt: FilterDep) -> list[MapPoint]:
    """Geocoded places of the filtered events, with their counts by type (the map's points)."""
    return map_points(engine, flt)
