"""Analysis records built by hand for edge cases: each claim names its sentence, chain and event."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from newstrace.records import (
    Analysis,
    ArticleInfo,
    Attribution,
    Entity,
    Event,
    Participant,
    Place,
    Quantity,
    Source,
    Span,
    Time,
)
from newstrace.store.write import store_record


@dataclass
class Claim:
    sentence: str                                    # a sentence of the article text
    chain: list[tuple[str, str]] | None = None       # (name, type) origin first, publisher left out
    type: str = "ASSAULT"
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    killed: int | None = None                        # "<n> people were killed" must be in the sentence
    day: str | None = None
    place: tuple[str, str, float, float] | None = None   # (name, country, lat, lon)
    affiliation: str | None = None                   # of the origin
    role: str | None = None


def span(text: str, sub: str, after: int = 0) -> Span:
    start = text.index(sub, after)
    return Span.of(text, start, start + len(sub))


def record(outlet: str, day: str, claims: list[Claim]) -> Analysis:
    text = " ".join(c.sentence for c in claims)
    entities: dict[str, Entity] = {}
    atts: list[Attribution] = []
    events: list[Event] = []
    for i, c in enumerate(claims):
        s = span(text, c.sentence)
        parts = []
        for role, names in (("actor", c.actors), ("target", c.targets)):
            for name in names:
                ent = entities.setdefault(name, Entity(id=f"e{len(entities) + 1}", name=name, type="country"))
                parts.append((role, Participant(entity=ent.id, name=name, span=span(text, c.sentence))))
        att_id = None
        asserted = outlet
        if c.chain:
            att_id = f"a{i + 1}"
            chain = [Source(name=n, type=t) for n, t in c.chain] + [Source(name=outlet, type="publisher")]  # type: ignore[arg-type]
            if c.affiliation or c.role:
                chain[0] = chain[0].model_copy(update={"affiliation": c.affiliation, "role": c.role})
            atts.append(Attribution(id=att_id, kind="indirect", content=s, chain=chain))
            asserted = c.chain[0][0]
        quantities = []
        if c.killed is not None:
            quantities.append(Quantity(value=c.killed, unit="people", span=span(text, str(c.killed), s.start)))
        time = Time(value=c.day, start=c.day, end=c.day, granularity="day", span=s) if c.day else None
        place = Place(name=c.place[0], country=c.place[1], lat=c.place[2], lon=c.place[3], span=s) if c.place else None
        events.append(Event(
            id=f"v{i + 1}", type=c.type, actors=[p for r, p in parts if r == "actor"],  # type: ignore[arg-type]
            targets=[p for r, p in parts if r == "target"], quantities=quantities, time=time, place=place,
            attribution=att_id, asserted_by=asserted, trigger=s, evidence=s))
    return Analysis(article=ArticleInfo(id=hashlib.sha256(text.encode()).hexdigest()[:16], outlet=outlet,
                                        published=day, text=text),
                    entities=list(entities.values()), attributions=atts, events=events)


def store(engine: Engine, records: list[Analysis]) -> None:
    """Store ``records`` (an article already stored is skipped, as ingest does)."""
    with Session(engine) as session, session.begin():
        for r in records:
            digest = hashlib.sha256(r.article.text.encode()).hexdigest()
            store_record(session, f"test:{digest[:12]}", digest, r)
