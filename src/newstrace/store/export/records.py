"""Every stored analysis record, one JSON object per line (the ``newstrace.analysis/1`` contract)."""

from __future__ import annotations

import json
from typing import IO

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from ..models import ArticleRow
from ..queries import EventFilter


def write_jsonl(engine: Engine, out: IO[bytes], flt: EventFilter) -> int:
    n = 0
    with Session(engine) as session:
        for record in session.scalars(select(ArticleRow.record).order_by(ArticleRow.id)
                                      .execution_options(yield_per=200)):
            out.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
            n += 1
    return n
