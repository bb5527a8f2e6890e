"""The app factory: ``create_app(settings)`` opens the store and wires the API, the pages, the static
files, the body limit and the security headers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from ..store.database import open_engine
from .headers import SecurityHeaders
from .jobs import JobRunner
from .limits import BodyLimit
from .nul import RefuseNul
from .pages import pages
from .routes import api
from .samples import load_samples_if_empty
from .settings import ServeSettings
from .templating import STATIC, make_templates, render

DESCRIPTION = ("Read, search and check a newstrace corpus: articles with their analysis records, entities, "
               "events, stories (event clusters) with their source chains and independent origins.")


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/openapi.json")) or request.url.path == "/api"


async def _http_error(request: Request, exc: Exception) -> Response:
    """JSON for the API, a page for people."""
    assert isinstance(exc, HTTPException)
    if _is_api(request) or exc.status_code in (405, 413):
        return await http_exception_handler(request, exc)
    return render(request, "error.html", status_code=exc.status_code, status=exc.status_code, detail=exc.detail)


def create_app(settings: ServeSettings | None = None, *, engine: Engine | None = None) -> FastAPI:
    """The web app over the store named by ``settings.db`` (or the ``engine`` given)."""
    settings = settings or ServeSettings()
    engine = engine or open_engine(settings.db)
    jobs = JobRunner(engine)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if settings.samples:
            load_samples_if_empty(engine, jobs)
        yield
        jobs.shutdown()

    app = FastAPI(title="newstrace", version=__version__, description=DESCRIPTION, docs_url=None,
                  redoc_url=None, lifespan=lifespan)
    app.state.settings, app.state.engine, app.state.jobs = settings, engine, jobs
    app.state.templates = make_templates()
    app.include_router(api)
    app.include_router(pages)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(HTTPException, _http_error)
    if settings.allowed_hosts != ["*"]:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=settings.allowed_hosts)
    app.add_middleware(BodyLimit, limit=settings.max_body)
    app.add_middleware(RefuseNul)
    app.add_middleware(SecurityHeaders)
    return app
