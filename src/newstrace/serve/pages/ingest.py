"""The ingest page: paste an article or upload files (or a feed), then follow the job's progress."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..deps import JobsDep, SettingsDep
from ..templating import render

router = APIRouter()


@router.get("/ingest", response_class=HTMLResponse)
def ingest_page(request: Request, settings: SettingsDep, jobs: JobsDep) -> HTMLResponse:
    return render(request, "ingest.html", writes=settings.writes, needs_token=settings.token is not None,
                  max_body=settings.max_body, jobs=jobs.active(), json_url="/api/jobs")
