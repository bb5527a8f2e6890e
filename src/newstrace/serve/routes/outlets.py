"""``/api/outlets``: publishers with their citation counts, and one outlet's citation graph in and out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query

from ..deps import EngineDep, PagingDep
from ..queries.outlets import list_outlets, outlet_detail, outlet_graph
from ..schemas import Graph, OutletDetail, OutletSummary, Page
from .responses import NOT_FOUND

router = APIRouter(prefix="/outlets", tags=["outlets"])
Name = Annotated[str, Path(min_length=1, max_length=300, description="outlet name")]


@router.get("", response_model=Page[OutletSummary])
def get_outlets(engine: EngineDep, page: PagingDep,
                q: Annotated[str | None, Query(max_length=300)] = None) -> Page[OutletSummary]:
    data, count = list_outlets(engine, q=q or None, limit=page.limit, offset=page.offset)
    return Page(data=data, count=count)


def _detail(engine: EngineDep, name: str) -> OutletDetail:
    found = outlet_detail(engine, name)
    if found is None:
        raise HTTPException(404, f"no outlet {name!r} in the store")
    return found


@router.get("/{name}/graph", response_model=Graph, responses=NOT_FOUND)
def get_outlet_graph(engine: EngineDep, name: Name) -> Graph:
    return outlet_graph(_detail(engine, name))


@router.get("/{name}", response_model=OutletDetail, responses=NOT_FOUND)
def get_outlet(engine: EngineDep, name: Name) -> OutletDetail:
    return _detail(engine, name)
