"""Our side of the ECB+ task: analyse each document, store the records of one topic in a throwaway
SQLite corpus store, corroborate it, and read back each event's trigger span and cluster.

Also the head lemmas of the gold mentions (from the same spaCy parse), for the same-lemma baseline.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import raise_error
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..corroborate import corroborate
from ..errors import Errors, NewstraceError
from ..ingest.article import Article
from ..ingest.sources.item import content_hash
from ..pipeline import load_pipeline, record_of, to_doc
from ..records import Analysis
from ..store.database import open_engine
from ..store.models import ClusterMemberRow, EventRow
from ..store.write import store_record
from .ecbplus_reader import EcbDoc


@dataclass(frozen=True)
class PredictedEvent:
    doc: str
    start: int          # trigger span in the document text
    end: int
    trigger: str
    type: str
    cluster: str        # "<topic>:<cluster id>", or "<topic>:e<event id>" for an event in no cluster


@dataclass
class Analysed:
    """What the pipeline gave for a set of documents."""

    records: dict[str, Analysis] = field(default_factory=dict)
    lemmas: dict[str, str] = field(default_factory=dict)       # gold mention key -> head lemma
    failures: list[NewstraceError] = field(default_factory=list)


def head_lemma(doc: Doc, start: int, end: int) -> str:
    """The lemma of the syntactic head of the tokens covering ``[start, end)`` (lower case)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return doc.text[start:end].lower()
    return (span.root.lemma_ or span.root.text).lower()


def analyse(docs: Sequence[EcbDoc], nlp: Language | None = None) -> Analysed:
    """Run the full pipeline over ``docs`` once: records for our side, head lemmas for the baseline.
    A document on which a component fails is skipped and reported (E015) in ``failures``."""
    nlp = nlp or load_pipeline()
    out = Analysed()

    def handler(name: str, proc: object, batch: list[Doc], exc: Exception) -> None:
        for d in batch:
            label = (d._.nt_article or {}).get("id") or "<document>"
            d._.nt_record = None
            out.failures.append(NewstraceError(Errors.E015, input=label, detail=f"{name} ({type(exc).__name__})"))

    by_name = {d.name: d for d in docs}
    articles = [Article(text=d.text, id=d.name, source_path=d.name) for d in docs]
    nlp.default_error_handler = handler  # type: ignore[assignment,unused-ignore]
    try:
        for sdoc in nlp.pipe((to_doc(nlp, a) for a in articles), batch_size=8):
            name = (sdoc._.nt_article or {}).get("id", "")
            ecb = by_name.get(name)
            if ecb is None:
                continue
            for m in ecb.scored_mentions:
                out.lemmas[m.key] = head_lemma(sdoc, m.start, m.end)
            if sdoc._.nt_record is not None:
                out.records[name] = record_of(sdoc)
    finally:
        nlp.default_error_handler = raise_error
    return out


def corroborated_events(topic: str, records: dict[str, Analysis], workdir: Path | None = None) -> list[PredictedEvent]:
    """Store ``records`` (one topic) in a fresh SQLite store, corroborate, and read back every event with
    its cluster. The store lives in a temporary folder removed afterwards."""
    with tempfile.TemporaryDirectory(prefix=f"ecbplus-{topic}-", dir=workdir) as tmp:
        engine = open_engine(f"sqlite:///{Path(tmp) / 'store.db'}")
        try:
            names: dict[int, str] = {}
            with Session(engine) as session, session.begin():
                for name in sorted(records):
                    record = records[name]
                    article_id, _ = store_record(session, name, content_hash(record.article.text), record)
                    names[article_id] = name
            corroborate(engine)
            with Session(engine) as session:
                rows = session.execute(
                    select(EventRow.id, EventRow.article_id, EventRow.type, EventRow.trigger, EventRow.data,
                           ClusterMemberRow.cluster_id)
                    .outerjoin(ClusterMemberRow, ClusterMemberRow.event_id == EventRow.id)
                    .order_by(EventRow.id)).all()
        finally:
            engine.dispose()
    events: list[PredictedEvent] = []
    for event_id, article_id, etype, trigger, data, cluster_id in rows:
        span: Any = (data or {}).get("trigger") or {}
        if "start" not in span or article_id not in names:
            continue
        cluster = f"{topic}:{cluster_id}" if cluster_id is not None else f"{topic}:e{event_id}"
        events.append(PredictedEvent(doc=names[article_id], start=int(span["start"]), end=int(span["end"]),
                                     trigger=trigger, type=etype, cluster=cluster))
    return events
