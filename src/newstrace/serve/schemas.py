"""Response and request models of the REST API (what ``/openapi.json`` describes).

Store-level views (events, claims, stories) come from :mod:`newstrace.store.views`; this module adds
the envelope, the summaries of lists and the graphs the UI draws.
"""

from __future__ import annotations

import datetime
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, Field

from ..store.views import ClaimView, EventView

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list: the items and how many match in all."""

    data: list[T]
    count: int


class StoryRef(BaseModel):
    id: int
    summary: str
    independent_origins: int


class ArticleSummary(BaseModel):
    id: int
    title: str | None
    outlet: str | None
    published: datetime.date | None
    url: str | None
    snippet: str
    events: int


class ArticleDetail(BaseModel):
    id: int
    title: str | None
    outlet: str | None
    published: datetime.date | None
    url: str | None
    syndication_group: int | None
    copies: list[int] = Field(description="other articles of the same syndication group")
    stories: list[StoryRef]
    record: dict[str, Any] = Field(description="the analysis record (schema newstrace.analysis/1)")


class EntitySummary(BaseModel):
    id: int
    name: str
    type: str
    aliases: list[str]
    mentions: int


class MonthCount(BaseModel):
    month: str
    mentions: int
    articles: int


class RoleCount(BaseModel):
    role: str
    sector: str | None
    events: int


class SourceCount(BaseModel):
    source: str
    claims: int


class EntityDetail(BaseModel):
    id: int
    name: str
    type: str
    aliases: list[str]
    mentions: int
    mentions_over_time: list[MonthCount]
    roles: list[RoleCount]
    as_actor: list[EventView]
    as_target: list[EventView]
    said_about: list[ClaimView]
    sources: list[SourceCount] = Field(description="who says things about the entity, most first")


class OutletSummary(BaseModel):
    name: str
    articles: int
    cites: int
    cited_by: int


class CitationEdge(BaseModel):
    name: str
    type: str
    articles: int


class OutletDetail(BaseModel):
    name: str
    articles: list[ArticleSummary]
    article_count: int
    cites: list[CitationEdge]
    cited_by: list[CitationEdge]


class StorySummary(BaseModel):
    id: int
    type: str
    summary: str
    reports: int
    independent_origins: int
    circular: bool
    first_published: datetime.date | None
    contradictions: int


class GraphNode(BaseModel):
    id: str
    label: str
    type: str = Field(description="source type of the chain link (outlet, official, anonymous, ...)")
    origin: bool = Field(description="the first link of a chain (or an outlet in its own voice)")
    publisher: bool
    group: int | None = Field(default=None, description="origin group (independent origin) it belongs to")
    copy_of: str | None = Field(default=None, description="id of the outlet node this syndicated copy repeats")


class GraphEdge(BaseModel):
    id: str
    source: str
    target: str
    kind: Literal["relay", "syndication"]
    weight: int
    circular: bool = False


class Graph(BaseModel):
    """Who relays whom: edges run from the source of information to the one that relays it."""

    nodes: list[GraphNode]
    edges: list[GraphEdge]
    independent_origins: int
    circular: bool


class MapPoint(BaseModel):
    place: str
    country: str | None
    lat: float
    lon: float
    events: int
    types: dict[str, int]


class ArticleIn(BaseModel):
    """An article to analyse (POST /api/analyze) or to ingest (POST /api/articles)."""

    text: str = Field(min_length=1, description="article text or HTML page")
    published: datetime.date | None = None
    outlet: str | None = Field(default=None, max_length=200)
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)


class JobView(BaseModel):
    id: str
    state: Literal["queued", "running", "done", "failed"]
    stage: str
    total: int | None
    processed: int
    stored: int
    duplicates: int
    skipped: int
    failed: int
    failures: list[str]
    articles: list[int]
    error: str | None
