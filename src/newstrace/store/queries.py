"""Read-side queries over the store: claims about an entity, filtered events, stories (clusters).

Every filter is a bound parameter through SQLAlchemy expressions; nothing is formatted into SQL.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Engine, Select, func, or_, select
from sqlalchemy.orm import Session, selectinload

from ..errors import Errors, NewstraceError
from .models import (
    AliasRow,
    ArticleRow,
    AssertionRow,
    AttributionRow,
    ClusterMemberRow,
    ClusterRow,
    EntityRow,
    EventRow,
    MentionRow,
    ParticipantRow,
)
from .views import AssertionView, ChainView, ClaimView, EventView, StoryView

#: event-quantity units read as fatalities in exports (ACLED's ``fatalities`` column)
FATAL_WORDS = ("killed", "dead", "deaths", "died", "fatalities", "bodies")


@dataclass
class EventFilter:
    type: str | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    place: str | None = None
    actor: str | None = None
    target: str | None = None
    asserted_by: str | None = None
    min_origins: int | None = None
    cluster: int | None = None
    limit: int = 100
    offset: int = 0


def find_entities(session: Session, name: str) -> list[EntityRow]:
    """Entities whose canonical name or an alias equals ``name`` (case-insensitive)."""
    folded = name.casefold()
    alias_hits = select(AliasRow.entity_id).where(func.lower(AliasRow.alias) == folded)
    return list(session.scalars(select(EntityRow).where(
        or_(func.lower(EntityRow.name) == folded, EntityRow.id.in_(alias_hits))).order_by(EntityRow.id)))


def chain_of(att: AttributionRow | None) -> ChainView | None:
    if att is None:
        return None
    return ChainView(links=[link.name for link in att.links], types=[link.type for link in att.links])


def claims_about(engine: Engine, entity: str, *, limit: int = 100, offset: int = 0) -> list[ClaimView]:
    """Attributed claims whose content mentions ``entity`` (by name or alias), newest first."""
    with Session(engine) as session:
        ids = [e.id for e in find_entities(session, entity)]
        if not ids:
            raise NewstraceError(Errors.E028, input=entity, detail=" (no entity or alias by that name)")
        inside = (select(MentionRow.id).where(
            MentionRow.entity_id.in_(ids), MentionRow.article_id == AttributionRow.article_id,
            MentionRow.start >= AttributionRow.content_start, MentionRow.end <= AttributionRow.content_end)
            .exists())
        query = (select(AttributionRow, ArticleRow).join(ArticleRow, ArticleRow.id == AttributionRow.article_id)
                 .where(inside).options(selectinload(AttributionRow.links))
                 .order_by(ArticleRow.published.desc(), AttributionRow.id).limit(limit).offset(offset))
        return [ClaimView(attribution_id=att.id, article_id=art.id, outlet=art.outlet, published=art.published,
                          kind=att.kind, cue=att.cue, content=att.content,
                          chain=chain_of(att) or ChainView(links=[], types=[]))
                for att, art in session.execute(query).all()]


def _filtered(f: EventFilter) -> Select[EventRow]:
    query = select(EventRow).join(ArticleRow, ArticleRow.id == EventRow.article_id)
    when = func.coalesce(EventRow.time_start, ArticleRow.published)
    if f.type:
        query = query.where(EventRow.type == f.type.upper())
    if f.date_from:
        query = query.where(func.coalesce(EventRow.time_end, when) >= f.date_from)
    if f.date_to:
        query = query.where(when <= f.date_to)
    if f.place:
        query = query.where(or_(func.lower(EventRow.place) == f.place.casefold(),
                                func.lower(EventRow.country) == f.place.casefold()))
    for role, name in (("actor", f.actor), ("target", f.target)):
        if name:
            query = query.where(select(ParticipantRow.id).where(
                ParticipantRow.event_id == EventRow.id, ParticipantRow.role == role,
                func.lower(ParticipantRow.name) == name.casefold()).exists())
    if f.asserted_by:
        query = query.where(func.lower(EventRow.asserted_by) == f.asserted_by.casefold())
    if f.min_origins is not None or f.cluster is not None:
        query = (query.join(ClusterMemberRow, ClusterMemberRow.event_id == EventRow.id)
                 .join(ClusterRow, ClusterRow.id == ClusterMemberRow.cluster_id))
        if f.min_origins is not None:
            query = query.where(ClusterRow.independent_origins >= f.min_origins)
        if f.cluster is not None:
            query = query.where(ClusterRow.id == f.cluster)
    return query


def count_events(engine: Engine, f: EventFilter) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(_filtered(f).subquery())) or 0


def find_events(engine: Engine, f: EventFilter) -> list[EventView]:
    """Events matching ``f``, by event date (or publication date) then id."""
    query = (_filtered(f).order_by(EventRow.time_start, EventRow.id).limit(f.limit).offset(f.offset)
             .options(selectinload(EventRow.participants), selectinload(EventRow.quantities),
                      selectinload(EventRow.article)))
    with Session(engine) as session:
        return event_views(session, list(session.scalars(query)))


def event_views(session: Session, rows: Sequence[EventRow]) -> list[EventView]:
    """Views of event rows with their chain, cluster and fatalities."""
    att_ids = {r.attribution_id for r in rows if r.attribution_id}
    atts = {a.id: a for a in session.scalars(select(AttributionRow).where(AttributionRow.id.in_(att_ids))
                                             .options(selectinload(AttributionRow.links)))}
    members: dict[int, int] = {e: c for e, c in session.execute(
        select(ClusterMemberRow.event_id, ClusterMemberRow.cluster_id).where(
            ClusterMemberRow.event_id.in_([r.id for r in rows])))}
    origins: dict[int, int] = {c: n for c, n in session.execute(
        select(ClusterRow.id, ClusterRow.independent_origins).where(ClusterRow.id.in_(set(members.values()))))}
    views = []
    for r in rows:
        fatal = [q.value if q.value is not None else q.low for q in r.quantities
                 if q.unit and any(w in q.unit.casefold() for w in FATAL_WORDS)]
        views.append(EventView(
            id=r.id, article_id=r.article_id, outlet=r.article.outlet, published=r.article.published,
            url=r.article.url, type=r.type, mode=r.mode, negated=r.negated, trigger=r.trigger,
            evidence=r.evidence, asserted_by=r.asserted_by, chain=chain_of(atts.get(r.attribution_id or 0)),
            actors=[p.name for p in r.participants if p.role == "actor"],
            targets=[p.name for p in r.participants if p.role == "target"],
            time_start=r.time_start, time_end=r.time_end, time_granularity=r.time_granularity,
            place=r.place, country=r.country, lat=r.lat, lon=r.lon,
            quantities=[q.text for q in r.quantities],
            fatalities=next((f for f in fatal if f is not None), None),
            cluster_id=members.get(r.id), independent_origins=origins.get(members.get(r.id, -1))))
    return views


def story(engine: Engine, cluster_id: int) -> StoryView:
    """A cluster's reports in publication order with its assertions and origin analysis."""
    with Session(engine) as session:
        cluster = session.get(ClusterRow, cluster_id)
        if cluster is None:
            raise NewstraceError(Errors.E028, input=f"cluster {cluster_id}", detail="")
        rows = list(session.scalars(
            select(EventRow).join(ClusterMemberRow, ClusterMemberRow.event_id == EventRow.id)
            .join(ArticleRow, ArticleRow.id == EventRow.article_id)
            .where(ClusterMemberRow.cluster_id == cluster_id)
            .order_by(ArticleRow.published, ArticleRow.id, EventRow.id)
            .options(selectinload(EventRow.participants), selectinload(EventRow.quantities),
                     selectinload(EventRow.article))))
        assertions = [AssertionView(field=a.field, value=a.value, source=a.source, article_id=a.article_id,
                                    event_id=a.event_id, contradicted=a.contradicted)
                      for a in session.scalars(select(AssertionRow).where(
                          AssertionRow.cluster_id == cluster_id).order_by(AssertionRow.id))]
        return StoryView(id=cluster.id, type=cluster.type, summary=cluster.summary, reports=cluster.reports,
                         independent_origins=cluster.independent_origins, circular=cluster.circular,
                         first_article_id=cluster.first_article_id, first_published=cluster.first_published,
                         events=event_views(session, rows), assertions=assertions,
                         analysis=dict(cluster.analysis or {}))
