"""Typed views of what the store holds, as the CLI queries, exports and the web API return them."""

from __future__ import annotations

import datetime

from pydantic import BaseModel, Field


class ChainView(BaseModel):
    """A source chain, origin first, publishing outlet last."""

    links: list[str]
    types: list[str]

    @property
    def arrow(self) -> str:
        return " -> ".join(self.links)


class ClaimView(BaseModel):
    attribution_id: int
    article_id: int
    outlet: str | None
    published: datetime.date | None
    kind: str
    cue: str | None
    content: str
    chain: ChainView


class ParticipantView(BaseModel):
    role: str
    name: str
    entity_id: int | None = None
    sector: str | None = None


class EventView(BaseModel):
    id: int
    article_id: int
    outlet: str | None
    published: datetime.date | None
    url: str | None = None
    type: str
    mode: str | None
    negated: bool
    trigger: str
    evidence: str
    asserted_by: str
    chain: ChainView | None = None
    actors: list[str] = Field(default_factory=list)
    targets: list[str] = Field(default_factory=list)
    time_start: datetime.date | None = None
    time_end: datetime.date | None = None
    time_granularity: str | None = None
    place: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    quantities: list[str] = Field(default_factory=list)
    fatalities: float | None = None
    cluster_id: int | None = None
    independent_origins: int | None = None


class AssertionView(BaseModel):
    field: str
    value: str
    source: str
    article_id: int
    event_id: int
    contradicted: bool


class StoryView(BaseModel):
    """An event cluster: its reports in time order, origins, contradictions and first report."""

    id: int
    type: str
    summary: str
    reports: int
    independent_origins: int
    circular: bool
    first_article_id: int | None
    first_published: datetime.date | None
    events: list[EventView]
    assertions: list[AssertionView]
    analysis: dict[str, object]
