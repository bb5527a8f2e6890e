"""Events as PLOVER JSON records (id, date, event, mode, source/target actor lists, text, geolocation),
plus newstrace's provenance fields (asserted_by, source chain, cluster, independent origins)."""

from __future__ import annotations

import json
from typing import IO, Any

from sqlalchemy import Engine

from ..queries import EventFilter
from ..views import EventView
from .pages import all_events


def plover_record(e: EventView) -> dict[str, Any]:
    date = e.time_start or e.published
    return {
        "id": f"newstrace-{e.id}", "date": date.isoformat() if date else None, "event": e.type,
        "mode": e.mode or "", "context": [],
        "source": [{"actorText": name, "code": "", "sector": ""} for name in e.actors],
        "target": [{"actorText": name, "code": "", "sector": ""} for name in e.targets],
        "eventText": e.trigger, "text": e.evidence, "negated": e.negated,
        "geolocation": {"placeName": e.place, "countryCode": e.country, "lat": e.lat, "lon": e.lon},
        "publisher": e.outlet, "url": e.url, "asserted_by": e.asserted_by,
        "source_chain": e.chain.links if e.chain else [e.asserted_by],
        "cluster": e.cluster_id, "independent_origins": e.independent_origins,
    }


def write_plover(engine: Engine, out: IO[bytes], flt: EventFilter) -> int:
    """A JSON array, written record by record."""
    out.write(b"[\n")
    n = 0
    for event in all_events(engine, flt):
        out.write((",\n" if n else "").encode() + json.dumps(plover_record(event), ensure_ascii=False).encode())
        n += 1
    out.write(b"\n]\n")
    return n
