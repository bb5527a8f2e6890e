"""Task ``events``: PLOVER event types and their actors on PETRARCH validation records (CAMEO
codes mapped to PLOVER) and on PLOVER gold records, with one scorer (:mod:`.plover_score`).

Each gold record's text is analysed on its own, with the record's date as the publication
date. No peer runs: PETRARCH is not installable from PyPI in a usable form; the published
anchor is GDELT's event-code accuracy.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from ..errors import Errors, NewstraceError
from ..ingest.article import Article
from ..pipeline import analyze_articles
from .datasets import data_root
from .digest import digest_files, stable_sample
from .petrarch_load import load_event_gold, split_of
from .plover_score import EventScorer
from .result import TaskResult

TASK = "events"
GATED = ["type.accuracy", "event.f1", "source.accuracy", "target.accuracy"]
SPLITS = ("dev", "train", "all")
ANCHOR = ("published anchor: GDELT event-code accuracy 81.2% in a 50-event audit; no peer is run "
          "(PETRARCH is not on PyPI in a usable form)")
SPLIT_NOTE = ("split: a record is dev or train by the salted SHA-1 of its folded text (even: dev); "
              "'all' takes both")


def run(data: Path | None = None, *, split: str = "dev", with_peers: bool = False,
        limit: int | None = None, nlp: Any = None) -> TaskResult:
    """Score the pipeline on the events gold records of ``split`` (see :mod:`.registry`)."""
    start = time.perf_counter()
    if split not in SPLITS:
        raise NewstraceError(Errors.E016, input=split, detail=f"no such split of the events records; use {', '.join(SPLITS)}")
    gold = load_event_gold(data)
    records = [r for r in gold.records if split == "all" or split_of(r) == split]
    sampled = None
    if limit is not None and limit < len(records):
        keep = set(stable_sample([r.key for r in records], limit))
        sampled = f"{limit} of {len(records)} records, by salted SHA-1 of file:id"
        records = [r for r in records if r.key in keep]
    failed: list[NewstraceError] = []
    articles = [Article(text=r.text, published=r.date, id=r.key) for r in records]
    analysed = {a.article.id: a.to_dict() for a in analyze_articles(articles, nlp=nlp, errors=failed)}
    total = EventScorer(book=gold.book)
    by_file: dict[str, EventScorer] = {}
    for record in records:
        if record.key in analysed:
            total.add(record, analysed[record.key])
            by_file.setdefault(record.file, EventScorer(book=gold.book)).add(record, analysed[record.key])
    metrics = total.metrics()
    if len(by_file) > 1:
        for name, scorer in sorted(by_file.items()):
            part = scorer.metrics()
            metrics |= {f"file.{Path(name).stem}.{k}": part[k] for k in GATED}
    notes = [ANCHOR, SPLIT_NOTE, *gold.notes, *(f"skipped: {e}" for e in failed)]
    if total.untyped_codings:
        notes.append(f"{total.untyped_codings} gold codings have no PLOVER type (CAMEO 01/02) and are left out; "
                     f"{total.unscored} records held nothing else and were not scored")
    if with_peers:
        notes.append("no peer for events")
    return TaskResult(
        task=TASK, dataset="+".join(gold.datasets), split=split, documents=total.records, sampled=sampled,
        metrics=metrics, gated=list(GATED), digest=digest_files(gold.files, data_root(data)),
        errors=total.errors(), notes=notes, seconds=round(time.perf_counter() - start, 2))
