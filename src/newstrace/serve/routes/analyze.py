"""``POST /api/analyze``: the analysis record of one article; nothing is stored."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, HTTPException

from ...errors import NewstraceError
from ...pipeline import analyze
from ...records import Analysis
from ..deps import JobsDep
from ..schemas import ArticleIn
from .responses import TOO_LARGE

router = APIRouter(tags=["analyze"])


@router.post("/analyze", response_model=Analysis,
             responses={**TOO_LARGE, 422: {"description": "the text cannot be analysed (coded error in detail)"}})
async def post_analyze(article: ArticleIn, jobs: JobsDep) -> Analysis:
    """Text or HTML in, the ``newstrace.analysis/1`` record out."""
    def run() -> Analysis:
        return analyze(article.text, published=article.published, outlet=article.outlet, url=article.url,
                       title=article.title)

    try:
        return await asyncio.wrap_future(jobs.call(run))
    except NewstraceError as exc:
        raise HTTPException(422, str(exc)) from exc
