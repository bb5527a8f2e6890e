"""Articles: the list and the reader (highlighted text, claims with their chains, events)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse

from ..deps import MAX_ID, EngineDep, PagingDep
from ..queries.articles import article_detail, list_articles
from ..reader import article_segments
from ..templating import render

router = APIRouter()


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, engine: EngineDep, page: PagingDep,
                  outlet: Annotated[str | None, Query(max_length=300)] = None) -> HTMLResponse:
    data, count = list_articles(engine, outlet=outlet or None, limit=page.limit, offset=page.offset)
    return render(request, "articles.html", articles=data, count=count, page=page, outlet=outlet or "",
                  json_url="/api/articles" + (f"?{request.url.query}" if request.url.query else ""))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def reader_page(request: Request, engine: EngineDep,
                article_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> HTMLResponse:
    found = article_detail(engine, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id}")
    record = found.record
    return render(request, "reader.html", article=found, record=record, segments=article_segments(record),
                  entities={e["id"]: e for e in record.get("entities", [])},
                  json_url=f"/api/articles/{article_id}")
