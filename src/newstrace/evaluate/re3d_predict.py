"""Predicted re3d spans: from an analysis record (ours) and from spaCy's ``doc.ents`` (the peer).

Each predicted span carries a key naming what it refers to, for alias accuracy: the
entity id in our record, the case-folded text for spaCy (which has no coreference).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

from ..extract.entities.gazetteer import Gazetteer, default_gazetteer
from ..extract.entities.gazetteer_models import SectorEntry
from ..records import Analysis
from .re3d_types import TypeMap


@dataclass(frozen=True)
class Predicted:
    start: int
    end: int
    type: str
    key: str | None = None    # what the span refers to; None for times, quantities and places

    @property
    def span(self) -> tuple[int, int, str]:
        return self.start, self.end, self.type


def _head_sector(text: str, gaz: Gazetteer) -> SectorEntry | None:
    """The sector word heading ``text``: its last words, or those before "of" ("Minister of ...")."""
    words = text.split(" of ")[0].split()
    for n in (3, 2, 1):
        if len(words) >= n and (entry := gaz.sector(" ".join(words[-n:]))) is not None:
            return entry
    return None


def country_mention_type(text: str, as_place: bool, tmap: TypeMap, gaz: Gazetteer) -> str:
    """re3d type of a mention of a country, by its form and use (see ``data/re3d_types.yaml``):
    a demonym is a Nationality, or a group of people when plural ("Syrians"); a name or capital
    is a Location where the record lists it among places, else the state acting; a name with
    sector words is that body ("the Syrian army"), or a person ("the Iraqi commander"); an
    uncapitalised description or pronoun ("the country", "it") stays a Location."""
    rec = tmap.record
    forms = [f for f in gaz.lookup(text) if f.actor.type == "country"]
    if any(f.kind == "demonym" for f in forms):
        singular = [f for f in gaz.lookup(text[:-1]) if f.kind == "demonym"] if text.endswith("s") else []
        return rec.country_people if singular else rec.country_demonym
    if forms:
        return rec.places if as_place else rec.country_actor
    sector = _head_sector(text, gaz)
    if sector is not None:
        return rec.country_sector_person if sector.person else rec.country_sector
    return rec.country_sector if any(ch.isupper() for ch in text) else rec.places


def first_per_span(groups: Iterable[list[Predicted]]) -> list[Predicted]:
    """One prediction per span: the first group that gives the span names its type."""
    out: dict[tuple[int, int], Predicted] = {}
    for group in groups:
        for p in group:
            out.setdefault((p.start, p.end), p)
    return sorted(out.values(), key=lambda p: (p.start, p.end))


def record_spans(record: Analysis, tmap: TypeMap, gaz: Gazetteer | None = None) -> list[Predicted]:
    """Our spans: entity mentions typed by the entity (countries by the mention's form and use),
    places, times and quantities."""
    gaz = gaz or default_gazetteer()
    places = {(p.span.start, p.span.end) for p in record.places}
    geocoded = {(p.span.start, p.span.end) for p in record.places if p.geonames_id is not None}
    parts: dict[str, list[Predicted]] = {"entities": [], "places": [], "times": [], "quantities": []}
    for entity in record.entities:
        for m in entity.mentions:
            if entity.type == "country":
                type_: str | None = country_mention_type(m.text, (m.start, m.end) in places, tmap, gaz)
            elif entity.type in tmap.record.geocoded_over and (m.start, m.end) in geocoded:
                type_ = tmap.record.places
            else:
                type_ = tmap.record.entities[entity.type]
            if type_ is not None:
                parts["entities"].append(Predicted(m.start, m.end, type_, entity.id))
    parts["places"] = [Predicted(p.span.start, p.span.end, tmap.record.places) for p in record.places]
    parts["times"] = [Predicted(t.span.start, t.span.end, tmap.record.times) for t in record.times]
    parts["quantities"] = [Predicted(q.span.start, q.span.end, tmap.record.quantities)
                           for q in record.quantities]
    return first_per_span(parts[name] for name in tmap.record.priority)


def spacy_spans(doc: Doc, tmap: TypeMap) -> list[Predicted]:
    """The peer's spans: spaCy entities with a mapped label, keyed by their case-folded text."""
    out = []
    for ent in doc.ents:
        type_ = tmap.spacy.labels.get(ent.label_)
        if ent.label_ == "NORP" and ent[-1].tag_ in ("NNS", "NNPS"):
            type_ = tmap.spacy.norp_plural
        if type_ is not None:
            out.append(Predicted(ent.start_char, ent.end_char, type_, " ".join(ent.text.casefold().split())))
    return out
