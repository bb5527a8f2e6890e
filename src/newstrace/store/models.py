"""The corpus schema (SQLAlchemy 2 declarative). Alembic migrations under ``migrations/`` create it.

Each article keeps its full analysis record (``record``) and the queryable parts of it as
rows: canonical entities with aliases, mentions, attributions with their chain links,
events with participants and quantities, and the corpus layer built by corroboration
(event clusters, syndication groups, citation edges, competing assertions).
"""

from __future__ import annotations

import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    doc_id: Mapped[str] = mapped_column(String(16), index=True)
    outlet: Mapped[str | None] = mapped_column(String(200), index=True)
    published: Mapped[datetime.date | None] = mapped_column(Date, index=True)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(8), default="en")
    text: Mapped[str] = mapped_column(Text)
    record: Mapped[dict[str, object]] = mapped_column(JSON)
    ingested_at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    syndication_group: Mapped[int | None] = mapped_column(Integer, index=True)
    minhash: Mapped[list[int] | None] = mapped_column(JSON)

    events: Mapped[list[EventRow]] = relationship(back_populates="article", cascade="all, delete-orphan")
    attributions: Mapped[list[AttributionRow]] = relationship(
        back_populates="article", cascade="all, delete-orphan")
    mentions: Mapped[list[MentionRow]] = relationship(cascade="all, delete-orphan")


class InputRow(Base):
    """One input item (file, or ``path#N`` inside a feed/jsonl/csv/warc) and what became of it."""

    __tablename__ = "inputs"

    key: Mapped[str] = mapped_column(String(1000), primary_key=True)
    content_hash: Mapped[str | None] = mapped_column(String(64))
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(16))          # stored | duplicate | failed
    at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class FailureRow(Base):
    __tablename__ = "failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    input_key: Mapped[str] = mapped_column(String(1000), unique=True)
    code: Mapped[str] = mapped_column(String(8))
    message: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class EntityRow(Base):
    """A canonical entity across the corpus: one row per (name, type)."""

    __tablename__ = "entities"
    __table_args__ = (UniqueConstraint("name", "type"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    type: Mapped[str] = mapped_column(String(32))
    aliases: Mapped[list[AliasRow]] = relationship(cascade="all, delete-orphan")


class AliasRow(Base):
    __tablename__ = "entity_aliases"
    __table_args__ = (UniqueConstraint("entity_id", "alias"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(300), index=True)


class MentionRow(Base):
    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), index=True)
    local_id: Mapped[str] = mapped_column(String(32))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class AttributionRow(Base):
    __tablename__ = "attributions"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    local_id: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(32))
    cue: Mapped[str | None] = mapped_column(Text)
    content: Mapped[str] = mapped_column(Text)
    content_start: Mapped[int] = mapped_column(Integer)
    content_end: Mapped[int] = mapped_column(Integer)
    origin: Mapped[str] = mapped_column(String(300), index=True)
    origin_type: Mapped[str] = mapped_column(String(32))
    confidence: Mapped[float] = mapped_column(Float)

    article: Mapped[ArticleRow] = relationship(back_populates="attributions")
    links: Mapped[list[ChainLinkRow]] = relationship(
        cascade="all, delete-orphan", order_by="ChainLinkRow.position")


class ChainLinkRow(Base):
    """One link of a source chain, origin first (position 0), the publishing outlet last."""

    __tablename__ = "chain_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    attribution_id: Mapped[int] = mapped_column(
        ForeignKey("attributions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(300), index=True)
    type: Mapped[str] = mapped_column(String(32))
    role: Mapped[str | None] = mapped_column(String(200))
    affiliation: Mapped[str | None] = mapped_column(String(300))
    entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"))


class EventRow(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    local_id: Mapped[str] = mapped_column(String(32))
    type: Mapped[str] = mapped_column(String(32), index=True)
    mode: Mapped[str | None] = mapped_column(String(32))
    negated: Mapped[bool] = mapped_column(Boolean, default=False)
    trigger: Mapped[str] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(Text)
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    asserted_by: Mapped[str] = mapped_column(String(300), index=True)
    attribution_id: Mapped[int | None] = mapped_column(ForeignKey("attributions.id", ondelete="SET NULL"))
    time_start: Mapped[datetime.date | None] = mapped_column(Date, index=True)
    time_end: Mapped[datetime.date | None] = mapped_column(Date)
    time_granularity: Mapped[str | None] = mapped_column(String(16))
    place: Mapped[str | None] = mapped_column(String(300), index=True)
    country: Mapped[str | None] = mapped_column(String(3), index=True)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    confidence: Mapped[float] = mapped_column(Float)
    data: Mapped[dict[str, object]] = mapped_column(JSON)

    article: Mapped[ArticleRow] = relationship(back_populates="events")
    participants: Mapped[list[ParticipantRow]] = relationship(cascade="all, delete-orphan")
    quantities: Mapped[list[EventQuantityRow]] = relationship(cascade="all, delete-orphan")


class ParticipantRow(Base):
    __tablename__ = "event_participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(8))                 # actor | target
    name: Mapped[str] = mapped_column(String(300))
    entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"), index=True)
    sector: Mapped[str | None] = mapped_column(String(64))


class EventQuantityRow(Base):
    __tablename__ = "event_quantities"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    value: Mapped[float | None] = mapped_column(Float)
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    unit: Mapped[str | None] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)


class ClusterRow(Base):
    """An event cluster: one real-world event reported by one or more articles."""

    __tablename__ = "clusters"

    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str] = mapped_column(String(32), index=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    first_article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    first_published: Mapped[datetime.date | None] = mapped_column(Date)
    reports: Mapped[int] = mapped_column(Integer, default=0)
    independent_origins: Mapped[int] = mapped_column(Integer, default=0)
    circular: Mapped[bool] = mapped_column(Boolean, default=False)
    analysis: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class ClusterMemberRow(Base):
    __tablename__ = "cluster_members"

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    cluster_id: Mapped[int] = mapped_column(ForeignKey("clusters.id", ondelete="CASCADE"), index=True)


class CitationRow(Base):
    """An edge of the citation graph: ``citing`` relays ``cited`` in one article's chain."""

    __tablename__ = "citations"
    __table_args__ = (UniqueConstraint("article_id", "citing", "cited"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    citing: Mapped[str] = mapped_column(String(300), index=True)
    citing_type: Mapped[str] = mapped_column(String(32))
    cited: Mapped[str] = mapped_column(String(300), index=True)
    cited_type: Mapped[str] = mapped_column(String(32))


class AssertionRow(Base):
    """A competing assertion inside a cluster (a figure, date or perpetrator and who asserts it)."""

    __tablename__ = "assertions"

    id: Mapped[int] = mapped_column(primary_key=True)
    cluster_id: Mapped[int] = mapped_column(ForeignKey("clusters.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(32))
    value: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(300))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    contradicted: Mapped[bool] = mapped_column(Boolean, default=False)


class CorroborationState(Base):
    """Bookkeeping for incremental corroboration (one row per key)."""

    __tablename__ = "corroboration_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
