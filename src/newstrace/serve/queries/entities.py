"""Entities: the list (by name or alias, by type) and one entity's page (aliases, mentions over time,
roles in events, events as actor and as target, what is said about it and by whom)."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Engine, exists, func, or_, select
from sqlalchemy.orm import Session, selectinload

from ...store.models import AliasRow, ArticleRow, EntityRow, EventRow, MentionRow, ParticipantRow
from ...store.queries import event_views
from ...store.views import EventView
from ..schemas import EntityDetail, EntitySummary, MonthCount, RoleCount, SourceCount
from .claims import claims_about_entity, sources_about_entity

EVENTS_SHOWN = 100


def list_entities(engine: Engine, *, q: str | None = None, type_: str | None = None, limit: int = 50,
                  offset: int = 0) -> tuple[list[EntitySummary], int]:
    """Entities by number of mentions, most first; ``q`` matches part of the name or of an alias."""
    query = select(EntityRow.id)
    if q:
        folded = q.casefold()
        query = query.where(or_(
            func.lower(EntityRow.name).contains(folded, autoescape=True),
            exists().where(AliasRow.entity_id == EntityRow.id,
                           func.lower(AliasRow.alias).contains(folded, autoescape=True))))
    if type_:
        query = query.where(EntityRow.type == type_)
    mentions = (select(func.count(MentionRow.id)).where(MentionRow.entity_id == EntityRow.id)
                .correlate(EntityRow).scalar_subquery())
    with Session(engine) as session:
        count = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        rows = session.execute(
            query.add_columns(mentions.label("mentions"))
            .order_by(mentions.desc(), EntityRow.name, EntityRow.id).limit(limit).offset(offset)).all()
        ids = [r[0] for r in rows]
        entities = {e.id: e for e in session.scalars(
            select(EntityRow).where(EntityRow.id.in_(ids)).options(selectinload(EntityRow.aliases)))}
        return [EntitySummary(id=i, name=entities[i].name, type=entities[i].type,
                              aliases=sorted(a.alias for a in entities[i].aliases), mentions=n)
                for i, n in rows], count


def _months(session: Session, entity_id: int) -> list[MonthCount]:
    by_month: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for published, mentions in session.execute(
            select(ArticleRow.published, func.count(MentionRow.id))
            .join(MentionRow, MentionRow.article_id == ArticleRow.id).where(MentionRow.entity_id == entity_id)
            .group_by(ArticleRow.id, ArticleRow.published)):
        month = published.isoformat()[:7] if published else "undated"
        by_month[month][0] += mentions
        by_month[month][1] += 1
    return [MonthCount(month=m, mentions=n, articles=a) for m, (n, a) in sorted(by_month.items())]


def _events(session: Session, entity_id: int, role: str) -> list[EventView]:
    rows = session.scalars(
        select(EventRow).where(exists().where(ParticipantRow.event_id == EventRow.id,
                                              ParticipantRow.entity_id == entity_id, ParticipantRow.role == role))
        .order_by(EventRow.time_start, EventRow.id).limit(EVENTS_SHOWN)
        .options(selectinload(EventRow.participants), selectinload(EventRow.quantities),
                 selectinload(EventRow.article))).all()
    return event_views(session, rows)


def entity_detail(engine: Engine, entity_id: int) -> EntityDetail | None:
    with Session(engine) as session:
        entity = session.get(EntityRow, entity_id, options=[selectinload(EntityRow.aliases)])
        if entity is None:
            return None
        months = _months(session, entity_id)
        roles = [RoleCount(role=role, sector=sector, events=n) for role, sector, n in session.execute(
            select(ParticipantRow.role, ParticipantRow.sector, func.count(ParticipantRow.id))
            .where(ParticipantRow.entity_id == entity_id).group_by(ParticipantRow.role, ParticipantRow.sector)
            .order_by(func.count(ParticipantRow.id).desc(), ParticipantRow.role)).all()]
        return EntityDetail(
            id=entity.id, name=entity.name, type=entity.type, aliases=sorted(a.alias for a in entity.aliases),
            mentions=sum(m.mentions for m in months), mentions_over_time=months, roles=roles,
            as_actor=_events(session, entity_id, "actor"), as_target=_events(session, entity_id, "target"),
            said_about=claims_about_entity(session, entity_id),
            sources=[SourceCount(source=s, claims=n) for s, n in sources_about_entity(session, entity_id)])
