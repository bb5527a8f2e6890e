"""``/api/articles``: list and full-text search, one article with its analysis record, and ingest
(a pasted article as JSON, or uploaded files) as a background job."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request

from ..deps import MAX_ID, EngineDep, JobsDep, PagingDep, SettingsDep, Writer
from ..queries.articles import article_detail, list_articles
from ..schemas import ArticleDetail, ArticleIn, ArticleSummary, JobView, Page
from ..upload_form import read_files
from ..uploads import UnsupportedUpload, new_batch, save_file, save_paste, suffix_of, upload_root
from .responses import NOT_FOUND, UPLOAD, WRITE

router = APIRouter(prefix="/articles", tags=["articles"])
Id = Annotated[int, Path(ge=1, le=MAX_ID)]


@router.get("", response_model=Page[ArticleSummary])
def get_articles(engine: EngineDep, page: PagingDep,
                 q: Annotated[str | None, Query(max_length=500, description="full-text search")] = None,
                 outlet: Annotated[str | None, Query(max_length=300)] = None) -> Page[ArticleSummary]:
    data, count = list_articles(engine, q=q or None, outlet=outlet or None, limit=page.limit, offset=page.offset)
    return Page(data=data, count=count)


@router.get("/{article_id}", response_model=ArticleDetail, responses=NOT_FOUND)
def get_article(engine: EngineDep, article_id: Id) -> ArticleDetail:
    found = article_detail(engine, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id}")
    return found


@router.post("", response_model=JobView, status_code=202, dependencies=[Writer], responses=WRITE)
def post_article(article: ArticleIn, engine: EngineDep, settings: SettingsDep, jobs: JobsDep) -> JobView:
    """Ingest one article (text or HTML) in the background; poll ``/api/jobs/{id}`` for progress."""
    batch = new_batch(upload_root(settings, engine))
    save_paste(batch, article)
    return jobs.submit_ingest([str(batch)], cleanup=batch)


UPLOAD_BODY = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["files"],
    "properties": {"files": {"type": "array", "minItems": 1,
                                     "items": {"type": "string", "format": "binary"}}}}}}}}


@router.post("/upload", response_model=JobView, status_code=202, dependencies=[Writer], responses=UPLOAD,
             openapi_extra=UPLOAD_BODY)
async def upload_articles(request: Request, engine: EngineDep, settings: SettingsDep, jobs: JobsDep) -> JobView:
    """Ingest uploaded files (.txt, .html, .jsonl, .csv, RSS/Atom, WARC) in the background."""
    files = await read_files(request, settings.max_body)
    if not files:
        raise HTTPException(422, "no files uploaded (multipart field 'files')")
    try:
        for name, _ in files:
            suffix_of(name)
    except UnsupportedUpload as exc:
        raise HTTPException(415, str(exc)) from exc
    batch = new_batch(upload_root(settings, engine))
    for i, (name, data) in enumerate(files):
        save_file(batch, i, name, data)
    return jobs.submit_ingest([str(batch)], cleanup=batch)
