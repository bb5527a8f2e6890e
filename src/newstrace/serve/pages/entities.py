"""Entities: the list and one entity's page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse

from ..deps import MAX_ID, EngineDep, PagingDep
from ..queries.entities import entity_detail, list_entities
from ..templating import render

router = APIRouter()


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, engine: EngineDep, page: PagingDep,
                  q: Annotated[str, Query(max_length=300)] = "",
                  type: Annotated[str, Query(max_length=32)] = "") -> HTMLResponse:
    data, count = list_entities(engine, q=q or None, type_=type or None, limit=page.limit, offset=page.offset)
    return render(request, "entities.html", entities=data, count=count, page=page, entity_q=q, entity_type=type,
                  json_url="/api/entities" + (f"?{request.url.query}" if request.url.query else ""))


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, engine: EngineDep,
                entity_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> HTMLResponse:
    found = entity_detail(engine, entity_id)
    if found is None:
        raise HTTPException(404, f"no entity {entity_id}")
    peak = max((m.mentions for m in found.mentions_over_time), default=1)
    return render(request, "entity.html", entity=found, peak=peak, json_url=f"/api/entities/{entity_id}")
