"""Stories: the list, and one story with its provenance graph, competing assertions and timeline."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse

from ...errors import NewstraceError
from ...store.queries import story
from ...store.views import AssertionView
from ..deps import MAX_ID, Blank, Count, EngineDep, PagingDep
from ..queries.stories import list_stories
from ..templating import render

router = APIRouter()


def competing(assertions: list[AssertionView]) -> dict[str, dict[str, list[AssertionView]]]:
    """Assertions by field, then by value: the values of one field side by side."""
    out: dict[str, dict[str, list[AssertionView]]] = {}
    for a in assertions:
        out.setdefault(a.field, {}).setdefault(a.value, []).append(a)
    return out


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, engine: EngineDep, page: PagingDep,
                 min_reports: Annotated[Count | None, Blank, Query()] = None,
                 q: Annotated[str, Query(max_length=300)] = "") -> HTMLResponse:
    data, count = list_stories(engine, min_reports=min_reports, q=q or None, limit=page.limit, offset=page.offset)
    return render(request, "stories.html", stories=data, count=count, page=page, story_q=q,
                  json_url="/api/stories" + (f"?{request.url.query}" if request.url.query else ""))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, engine: EngineDep,
               story_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> HTMLResponse:
    try:
        found = story(engine, story_id)
    except NewstraceError as exc:
        raise HTTPException(404, f"no story {story_id}") from exc
    fields = competing(found.assertions)
    contested = {f: values for f, values in fields.items() if len(values) > 1}
    return render(request, "story.html", story=found, fields=fields, contested=contested,
                  json_url=f"/api/stories/{story_id}")
