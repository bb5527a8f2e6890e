"""The events table (filters, sorting, downloads of the current filter) and the map of events by place."""

from __future__ import annotations

import dataclasses
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ...store.queries import EventFilter, count_events, find_events
from ..deps import EngineDep, FilterDep, PagingDep
from ..templating import render

router = APIRouter()
PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]


def filter_query(flt: EventFilter) -> str:
    """The filter as a query string (no paging), for download and JSON links."""
    values = {f.name: getattr(flt, f.name) for f in dataclasses.fields(flt) if f.name not in ("limit", "offset")}
    return urlencode({k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in values.items()
                      if v not in (None, "")})


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, engine: EngineDep, flt: FilterDep, page: PagingDep) -> HTMLResponse:
    paged = dataclasses.replace(flt, limit=page.limit, offset=page.offset)
    qs = filter_query(flt)
    return render(request, "events.html", events=find_events(engine, paged), count=count_events(engine, paged),
                  page=page, flt=flt, qs=qs, types=PLOVER, json_url=f"/api/events?{qs}")


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, flt: FilterDep) -> HTMLResponse:
    qs = filter_query(flt)
    return render(request, "map.html", flt=flt, qs=qs, types=PLOVER, json_url=f"/api/events/places?{qs}")
