"""What the store holds: row counts per table and the recorded failures."""

from __future__ import annotations

from pydantic import BaseModel
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from .models import (
    ArticleRow,
    AttributionRow,
    CitationRow,
    ClusterRow,
    EntityRow,
    EventRow,
    FailureRow,
    InputRow,
)

COUNTED = {"articles": ArticleRow, "inputs": InputRow, "entities": EntityRow, "attributions": AttributionRow,
           "events": EventRow, "clusters": ClusterRow, "citations": CitationRow, "failures": FailureRow}


class Failure(BaseModel):
    input: str
    code: str
    message: str


class StoreStatus(BaseModel):
    url: str
    counts: dict[str, int]
    failures: list[Failure]


def store_status(engine: Engine, *, max_failures: int = 50) -> StoreStatus:
    with Session(engine) as session:
        counts = {name: session.scalar(select(func.count()).select_from(model)) or 0
                  for name, model in COUNTED.items()}
        rows = session.scalars(select(FailureRow).order_by(FailureRow.id).limit(max_failures)).all()
        failures = [Failure(input=r.input_key, code=r.code, message=r.message) for r in rows]
    return StoreStatus(url=engine.url.render_as_string(hide_password=True), counts=counts, failures=failures)
