"""The home page (what the store holds, the most reported stories, recent articles) and search."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ...store.status import store_status
from ..deps import EngineDep, JobsDep
from ..queries.articles import list_articles
from ..queries.claims import find_claims
from ..queries.entities import list_entities
from ..queries.stories import list_stories
from ..templating import render

router = APIRouter()
SHOWN = 20


@router.get("/", response_class=HTMLResponse)
def home(request: Request, engine: EngineDep, jobs: JobsDep) -> HTMLResponse:
    stories, n_stories = list_stories(engine, min_reports=2, limit=8)
    if not stories:
        stories, n_stories = list_stories(engine, limit=8)
    articles, _ = list_articles(engine, limit=8)
    return render(request, "home.html", status=store_status(engine), stories=stories, n_stories=n_stories,
                  articles=articles, jobs=jobs.active(), json_url="/api/status")


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, engine: EngineDep,
           q: Annotated[str, Query(max_length=500)] = "") -> HTMLResponse:
    articles, n_articles = list_articles(engine, q=q, limit=SHOWN) if q.strip() else ([], 0)
    claims, n_claims = find_claims(engine, q, limit=SHOWN) if q.strip() else ([], 0)
    entities, n_entities = list_entities(engine, q=q, limit=10) if q.strip() else ([], 0)
    return render(request, "search.html", q=q, articles=articles, n_articles=n_articles, claims=claims,
                  n_claims=n_claims, entities=entities, n_entities=n_entities,
                  json_url=str(request.url_for("get_articles").include_query_params(q=q)))
