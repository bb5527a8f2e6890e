"""``/api/entities``: entities by name or alias, and one entity's page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query

from ..deps import MAX_ID, EngineDep, PagingDep
from ..queries.entities import entity_detail, list_entities
from ..schemas import EntityDetail, EntitySummary, Page
from .responses import NOT_FOUND

router = APIRouter(prefix="/entities", tags=["entities"])


@router.get("", response_model=Page[EntitySummary])
def get_entities(engine: EngineDep, page: PagingDep,
                 q: Annotated[str | None, Query(max_length=300, description="part of a name or alias")] = None,
                 type: Annotated[str | None, Query(max_length=32, description="entity type")] = None,
                 ) -> Page[EntitySummary]:
    data, count = list_entities(engine, q=q or None, type_=type or None, limit=page.limit, offset=page.offset)
    return Page(data=data, count=count)


@router.get("/{entity_id}", response_model=EntityDetail, responses=NOT_FOUND)
def get_entity(engine: EngineDep, entity_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> EntityDetail:
    found = entity_detail(engine, entity_id)
    if found is None:
        raise HTTPException(404, f"no entity {entity_id}")
    return found
