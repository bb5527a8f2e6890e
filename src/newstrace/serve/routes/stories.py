"""``/api/stories``: event clusters with their reports, competing assertions, origins and the
provenance graph."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query

from ...errors import NewstraceError
from ...store.queries import story
from ...store.views import StoryView
from ..deps import MAX_ID, EngineDep, PagingDep
from ..queries.provenance import story_graph
from ..queries.stories import list_stories
from ..schemas import Graph, Page, StorySummary
from .responses import NOT_FOUND

router = APIRouter(prefix="/stories", tags=["stories"])
Id = Annotated[int, Path(ge=1, le=MAX_ID)]


@router.get("", response_model=Page[StorySummary])
def get_stories(engine: EngineDep, page: PagingDep,
                q: Annotated[str | None, Query(max_length=300, description="words of the summary")] = None,
                type: Annotated[str | None, Query(max_length=32)] = None,
                min_origins: Annotated[int | None, Query(ge=0, le=10**6)] = None,
                min_reports: Annotated[int | None, Query(ge=0, le=10**6)] = None,
                circular: bool | None = None) -> Page[StorySummary]:
    data, count = list_stories(engine, q=q or None, type_=type or None, min_origins=min_origins,
                               min_reports=min_reports, circular=circular, limit=page.limit, offset=page.offset)
    return Page(data=data, count=count)


@router.get("/{story_id}", response_model=StoryView, responses=NOT_FOUND)
def get_story(engine: EngineDep, story_id: Id) -> StoryView:
    try:
        return story(engine, story_id)
    except NewstraceError as exc:
        raise HTTPException(404, f"no story {story_id}") from exc


@router.get("/{story_id}/graph", response_model=Graph, responses=NOT_FOUND)
def get_story_graph(engine: EngineDep, story_id: Id) -> Graph:
    found = story_graph(engine, story_id)
    if found is None:
        raise HTTPException(404, f"no story {story_id}")
    return found
