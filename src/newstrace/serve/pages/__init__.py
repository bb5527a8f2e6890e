"""The UI: server-rendered pages, each backed by the JSON routes it links to as its twin."""

from __future__ import annotations

from fastapi import APIRouter

from . import articles, docs, entities, events, home, ingest, outlets, stories

pages = APIRouter(include_in_schema=False)
for module in (home, articles, stories, events, entities, outlets, ingest, docs):
    pages.include_router(module.router)
