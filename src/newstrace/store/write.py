"""Writing analysis records into the store: one transaction per article, idempotent by content hash."""

from __future__ import annotations

import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..records import Analysis
from .models import (
    AliasRow,
    ArticleRow,
    AttributionRow,
    ChainLinkRow,
    EntityRow,
    EventQuantityRow,
    EventRow,
    FailureRow,
    InputRow,
    MentionRow,
    ParticipantRow,
)


class EntityIndex:
    """Canonical entities by (name, type), created on first sight; cached for one session."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.cache: dict[tuple[str, str], EntityRow] = {}

    def get(self, name: str, type_: str, aliases: list[str] | None = None) -> EntityRow:
        key = (name, type_)
        row = self.cache.get(key)
        if row is None:
            row = self.session.scalars(select(EntityRow).where(
                EntityRow.name == name, EntityRow.type == type_)).first()
            if row is None:
                row = EntityRow(name=name, type=type_)
                self.session.add(row)
                self.session.flush()
            self.cache[key] = row
        known = {a.alias for a in row.aliases}
        for alias in aliases or []:
            if alias and alias != name and alias not in known:
                row.aliases.append(AliasRow(alias=alias))
                known.add(alias)
        return row


def _date(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None


def article_row(record: Analysis, content_hash: str) -> ArticleRow:
    info = record.article
    return ArticleRow(content_hash=content_hash, doc_id=info.id, outlet=info.outlet,
                      published=_date(info.published), url=info.url, title=info.title,
                      language=info.language, text=info.text, record=record.to_dict())


def add_rows(session: Session, row: ArticleRow, record: Analysis) -> None:
    """Mentions, attributions with chains, events with participants and quantities of ``record``."""
    entities = EntityIndex(session)
    by_local: dict[str, EntityRow] = {}
    for ent in record.entities:
        canonical = entities.get(ent.name, ent.type, ent.aliases)
        by_local[ent.id] = canonical
        for m in ent.mentions:
            row.mentions.append(MentionRow(entity_id=canonical.id, local_id=ent.id, start=m.start,
                                           end=m.end, text=m.text))
    attributions: dict[str, AttributionRow] = {}
    for att in record.attributions:
        origin = att.chain[0]
        a = AttributionRow(local_id=att.id, kind=att.kind, cue=att.cue.text if att.cue else None,
                           content=att.content.text, content_start=att.content.start,
                           content_end=att.content.end, origin=origin.name, origin_type=origin.type,
                           confidence=att.confidence)
        for pos, link in enumerate(att.chain):
            linked = by_local.get(link.entity or "")
            a.links.append(ChainLinkRow(position=pos, name=link.name, type=link.type, role=link.role,
                                        affiliation=link.affiliation, entity_id=linked.id if linked else None))
        row.attributions.append(a)
        attributions[att.id] = a
    session.flush()
    for ev in record.events:
        e = EventRow(
            local_id=ev.id, type=ev.type, mode=ev.mode, negated=ev.negated, trigger=ev.trigger.text,
            evidence=ev.evidence.text, evidence_start=ev.evidence.start, evidence_end=ev.evidence.end,
            asserted_by=ev.asserted_by,
            attribution_id=attributions[ev.attribution].id if ev.attribution in attributions else None,
            time_start=_date(ev.time.start) if ev.time else None,
            time_end=_date(ev.time.end) if ev.time else None,
            time_granularity=ev.time.granularity if ev.time else None,
            place=ev.place.name if ev.place else None, country=ev.place.country if ev.place else None,
            lat=ev.place.lat if ev.place else None, lon=ev.place.lon if ev.place else None,
            confidence=ev.confidence, data=ev.model_dump(mode="json", exclude_none=True))
        for role, people in (("actor", ev.actors), ("target", ev.targets)):
            for p in people:
                known = by_local.get(p.entity or "")
                e.participants.append(ParticipantRow(role=role, name=p.name, sector=p.sector,
                                                     entity_id=known.id if known else None))
        for q in ev.quantities:
            e.quantities.append(EventQuantityRow(value=q.value, low=q.low, high=q.high,
                                                 approximate=q.approximate, unit=q.unit, text=q.span.text))
        row.events.append(e)


def store_record(session: Session, key: str, content_hash: str, record: Analysis) -> tuple[int, str]:
    """Store ``record`` read from input ``key``; returns (article id, 'stored' | 'duplicate').

    The caller commits. The same content (by hash) from any input is stored once; the input
    is remembered either way and any earlier failure of that input is cleared.
    """
    existing = session.scalars(select(ArticleRow.id).where(ArticleRow.content_hash == content_hash)).first()
    if existing is not None:
        status = "duplicate"
        article_id = existing
    else:
        row = article_row(record, content_hash)
        session.add(row)
        session.flush()
        add_rows(session, row, record)
        status, article_id = "stored", row.id
    session.merge(InputRow(key=key, content_hash=content_hash, article_id=article_id, status=status))
    session.execute(delete(FailureRow).where(FailureRow.input_key == key))
    return article_id, status


def store_failure(session: Session, key: str, code: str, message: str) -> None:
    """Record that input ``key`` failed (replacing an earlier failure of the same input)."""
    session.execute(delete(FailureRow).where(FailureRow.input_key == key))
    session.add(FailureRow(input_key=key, code=code, message=message))
    session.merge(InputRow(key=key, content_hash=None, article_id=None, status="failed"))


def done_keys(session: Session) -> set[str]:
    """Inputs already stored or known duplicates: a resumed ingest skips these."""
    return set(session.scalars(select(InputRow.key).where(InputRow.status != "failed")))


def known_hashes(session: Session) -> set[str]:
    return set(session.scalars(select(ArticleRow.content_hash)))




def mark_duplicate(session: Session, key: str, content_hash: str) -> None:
    """Input ``key`` holds content already stored: remember it without analysing it again."""
    article_id = session.scalars(select(ArticleRow.id).where(ArticleRow.content_hash == content_hash)).one()
    session.merge(InputRow(key=key, content_hash=content_hash, article_id=article_id, status="duplicate"))
    session.execute(delete(FailureRow).where(FailureRow.input_key == key))
