"""Outlets: the list and one outlet's page with its citation graph in and out."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse

from ..deps import EngineDep, PagingDep
from ..queries.outlets import list_outlets, outlet_detail
from ..templating import render

router = APIRouter()


@router.get("/outlets", response_class=HTMLResponse)
def outlets_page(request: Request, engine: EngineDep, page: PagingDep,
                 q: Annotated[str, Query(max_length=300)] = "") -> HTMLResponse:
    data, count = list_outlets(engine, q=q or None, limit=page.limit, offset=page.offset)
    return render(request, "outlets.html", outlets=data, count=count, page=page, outlet_q=q,
                  json_url="/api/outlets" + (f"?{request.url.query}" if request.url.query else ""))


@router.get("/outlets/{name}", response_class=HTMLResponse)
def outlet_page(request: Request, engine: EngineDep,
                name: Annotated[str, Path(min_length=1, max_length=300)]) -> HTMLResponse:
    found = outlet_detail(engine, name)
    if found is None:
        raise HTTPException(404, f"no outlet {name!r} in the store")
    return render(request, "outlet.html", outlet=found, json_url=f"/api/outlets/{quote(name, safe='')}")
