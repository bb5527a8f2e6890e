"""``/api/jobs``: progress of ingest jobs."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path

from ..deps import JobsDep
from ..schemas import JobView
from .responses import NOT_FOUND

router = APIRouter(prefix="/jobs", tags=["jobs"])


@router.get("", response_model=list[JobView])
def get_active_jobs(jobs: JobsDep) -> list[JobView]:
    """Jobs queued or running."""
    return jobs.active()


@router.get("/{job_id}", response_model=JobView, responses=NOT_FOUND)
def get_job(jobs: JobsDep, job_id: Annotated[str, Path(max_length=64)]) -> JobView:
    found = jobs.get(job_id)
    if found is None:
        raise HTTPException(404, f"no job {job_id}")
    return found
