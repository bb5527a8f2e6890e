"""Events as rows with ACLED's column conventions, where they apply (CSV and Parquet).

time_precision: 1 = the day is known, 2 = within a week or a range of days, 3 = a month or
coarser (ACLED codebook). geo_precision: 1 = a town or city, 3 = only the country (we have no
ACLED-style level 2). fatalities: the event's own count of people killed, if it states one.
"""

from __future__ import annotations

import csv
import io
from typing import IO, Any

from sqlalchemy import Engine

from ..queries import EventFilter
from ..views import EventView
from .pages import all_events

COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
           "actor1", "actor2", "country", "location", "latitude", "longitude", "geo_precision", "source",
           "source_chain", "notes", "fatalities", "cluster_id", "independent_origins", "article_id", "url"]
TIME_PRECISION = {"day": 1, "week": 2, "range": 2}


def acled_row(e: EventView) -> dict[str, Any]:
    date = e.time_start or e.published
    return {
        "event_id_cnty": f"{(e.country or 'XX').upper()}{e.id}",
        "event_date": date.isoformat() if date else "",
        "year": date.year if date else "",
        "time_precision": TIME_PRECISION.get(e.time_granularity or "day", 3) if e.time_start else 1,
        "event_type": e.type, "sub_event_type": e.mode or "",
        "actor1": "; ".join(e.actors), "actor2": "; ".join(e.targets),
        "country": e.country or "", "location": e.place or "",
        "latitude": e.lat if e.lat is not None else "", "longitude": e.lon if e.lon is not None else "",
        "geo_precision": (1 if e.place and e.lat is not None else 3) if e.country else "",
        "source": e.outlet or "", "source_chain": e.chain.arrow if e.chain else e.asserted_by,
        "notes": e.evidence, "fatalities": int(e.fatalities) if e.fatalities is not None else "",
        "cluster_id": e.cluster_id or "", "independent_origins": e.independent_origins or "",
        "article_id": e.article_id, "url": e.url or "",
    }


def write_csv(engine: Engine, out: IO[bytes], flt: EventFilter) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=COLUMNS)
    writer.writeheader()
    n = 0
    for event in all_events(engine, flt):
        writer.writerow(acled_row(event))
        n += 1
    text.detach()
    return n


def write_parquet(engine: Engine, out: IO[bytes], flt: EventFilter) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [acled_row(e) for e in all_events(engine, flt)]
    columns = {c: [None if r[c] == "" else r[c] for r in rows] for c in COLUMNS}
    pq.write_table(pa.table(columns), out)
    return len(rows)
