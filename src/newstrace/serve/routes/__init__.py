"""The REST API, one router per resource, all under ``/api``."""

from __future__ import annotations

from fastapi import APIRouter

from . import analyze, articles, claims, entities, events, jobs, outlets, status, stories

api = APIRouter(prefix="/api")
for module in (status, articles, claims, entities, events, stories, outlets, analyze, jobs):
    api.include_router(module.router)
