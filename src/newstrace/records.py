"""Typed models of the analysis record (schema ``newstrace.analysis/1``).

The record is the public contract of the project (see the contract document that
ships beside the project as ``analysis-schema.md``). Every span is a pair of
character offsets into ``article.text`` plus the text they cover.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA = "newstrace.analysis/1"

EntityType = Literal[
    "person", "organization", "armed_group", "government", "media",
    "country", "place", "nationality", "other",
]
AttributionKind = Literal["direct", "indirect", "mixed", "according_to"]
SourceType = Literal[
    "anonymous", "person", "official", "outlet", "state_media",
    "media_generic", "organization", "document", "publisher",
]
PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
    "MOBILIZE", "COERCE", "ASSAULT",
]
PLOVER_TYPES: tuple[str, ...] = PloverType.__args__  # type: ignore[attr-defined]
Granularity = Literal["day", "week", "month", "year", "range", "duration"]
Voice = Literal["outlet", "quoted"]


class Record(BaseModel):
    """Base of every record: strict fields, JSON helpers."""

    model_config = ConfigDict(extra="forbid")

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


class Span(Record):
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span of ``text[start:end]``."""
        return cls(start=start, end=end, text=text[start:end])


class Source(Record):
    name: str
    type: SourceType
    entity: str | None = None
    role: str | None = None
    affiliation: str | None = None
    span: Span | None = None


class Participant(Record):
    entity: str | None = None
    name: str
    sector: str | None = None
    span: Span


class Quantity(Record):
    value: float | int | None = None
    low: float | int | None = None
    high: float | int | None = None
    approximate: bool = False
    unit: str | None = None
    span: Span
    reason: str | None = None


class Time(Record):
    id: str | None = None
    value: str
    start: str | None = None
    end: str | None = None
    granularity: Granularity
    anchor: str = "published"
    span: Span
    reason: str | None = None


class Place(Record):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    span: Span
    reason: str | None = None


class Entity(Record):
    id: str
    name: str
    type: EntityType
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)


class Attribution(Record):
    id: str
    kind: AttributionKind
    cue: Span | None = None
    content: Span
    chain: list[Source]
    confidence: float = 0.5
    reason: str | None = None


class Event(Record):
    id: str
    type: PloverType
    mode: str | None = None
    actors: list[Participant] = Field(default_factory=list)
    targets: list[Participant] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    time: Time | None = None
    place: Place | None = None
    attribution: str | None = None
    asserted_by: str
    trigger: Span
    evidence: Span
    negated: bool = False
    confidence: float = 0.5
    reason: str | None = None


class Framing(Record):
    span: Span
    voice: Voice
    attribution: str | None = None
    about: str | None = None
    reason: str | None = None


class ArticleInfo(Record):
    id: str
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    url: str | None = None
    language: str = "en"
    text: str


class Analysis(Record):
    """The analysis record of one article."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: str = Field(default=SCHEMA, alias="schema")
    article: ArticleInfo
    entities: list[Entity] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    framing: list[Framing] = Field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)
