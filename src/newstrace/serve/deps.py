"""What routes get injected: the store engine, the settings, the job runner, paging, the event filter,
and the write guard (bearer token, writes switch, same-origin check)."""

from __future__ import annotations

import datetime
import hmac
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import Depends, HTTPException, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BeforeValidator, Field
from sqlalchemy import Engine

from ..store.queries import EventFilter
from .jobs import JobRunner
from .settings import ServeSettings

MAX_LIMIT = 500
MAX_OFFSET = 10**9
MAX_ID = 2**62
Text = Annotated[str | None, Query(max_length=300)]


def _blank_is_none(value: object) -> object:
    """An empty form field (``?date_from=``) means no filter."""
    return None if value == "" else value


Blank = BeforeValidator(_blank_is_none)
Count = Annotated[int, Field(ge=0, le=10**6)]
PositiveId = Annotated[int, Field(ge=1, le=MAX_ID)]


def get_engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def get_settings(request: Request) -> ServeSettings:
    settings: ServeSettings = request.app.state.settings
    return settings


def get_jobs(request: Request) -> JobRunner:
    jobs: JobRunner = request.app.state.jobs
    return jobs


EngineDep = Annotated[Engine, Depends(get_engine)]
SettingsDep = Annotated[ServeSettings, Depends(get_settings)]
JobsDep = Annotated[JobRunner, Depends(get_jobs)]


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int


def paging(limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")] = 50,
           offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")] = 0) -> Paging:
    return Paging(limit, offset)


PagingDep = Annotated[Paging, Depends(paging)]


def event_filter(
    type: Annotated[str | None, Query(max_length=32, description="PLOVER type, e.g. ASSAULT")] = None,
    date_from: Annotated[datetime.date | None, Blank, Query(description="events ending on or after")] = None,
    date_to: Annotated[datetime.date | None, Blank, Query(description="events starting on or before")] = None,
    place: Annotated[str | None, Query(max_length=300, description="place name or country code")] = None,
    actor: Text = None,
    target: Text = None,
    asserted_by: Text = None,
    min_origins: Annotated[Count | None, Blank, Query(description="independent origins, at least")] = None,
    cluster: Annotated[PositiveId | None, Blank, Query(description="story (event cluster) id")] = None,
) -> EventFilter:
    """The event filters as query parameters (empty strings from a form count as unset)."""
    return EventFilter(type=type or None, date_from=date_from, date_to=date_to, place=place or None,
                       actor=actor or None, target=target or None, asserted_by=asserted_by or None,
                       min_origins=min_origins, cluster=cluster)


FilterDep = Annotated[EventFilter, Depends(event_filter)]
bearer = HTTPBearer(auto_error=False, description="NEWSTRACE_TOKEN, when the server has one")


def _same_origin(request: Request) -> bool:
    """A browser's cross-site request carries an Origin (or Sec-Fetch-Site) that gives it away."""
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    return origin is None or urlsplit(origin).netloc == request.headers.get("host", "")


def require_writer(request: Request,
                   credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    """Writes need writes enabled, the bearer token when one is set, and no cross-site origin."""
    settings = get_settings(request)
    if not settings.writes:
        raise HTTPException(403, "writes are disabled on this server (NEWSTRACE_WRITES=false)")
    if settings.token is not None:
        given = credentials.credentials if credentials else ""
        if not hmac.compare_digest(given.encode(), settings.token.get_secret_value().encode()):
            raise HTTPException(401, "a bearer token is required (Authorization: Bearer <NEWSTRACE_TOKEN>)",
                                headers={"WWW-Authenticate": "Bearer"})
    if not _same_origin(request):
        raise HTTPException(403, "cross-origin write refused")


Writer = Depends(require_writer)
