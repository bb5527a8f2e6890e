"""The ``times`` task: TIMEX3 extraction and normalization on TempEval-3 TBAQ-cleaned.

Splits: ``dev`` is the AQUAINT part (73 documents), ``train`` the TimeBank part (183); ``all``
both. Each document's TEXT element (tags stripped) is analysed with its CREATION_TIME as the
publication date; the creation time is not a gold item. Metrics: ``span.strict`` and
``span.relaxed`` P/R/F1, ``type.accuracy`` and ``value.accuracy`` on relaxed pairs,
``value.{p,r,f1}`` (pairs with the right value), recall per gold type. See
:mod:`.tempeval3_values` for when two values are equal. Peer: dateparser's ``search_dates``.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from ..errors import Errors, NewstraceError
from ..ingest.article import Article
from ..pipeline import analyze_articles
from .datasets import dataset_dir
from .digest import digest_files, stable_sample
from .result import Comparison, TaskResult
from .tempeval3_ours import predicted_times
from .tempeval3_peer import PEER, DateparserPeer
from .tempeval3_score import Tally, score_doc
from .tempeval3_timeml import TimeMLDoc, read_timeml

CORPUS = "TBAQ-cleaned"
#: split -> the TBAQ-cleaned folders it reads
SPLITS: dict[str, tuple[str, ...]] = {"dev": ("AQUAINT",), "train": ("TimeBank",), "all": ("AQUAINT", "TimeBank")}
COMPARED = ("span.strict.f1", "span.relaxed.f1", "value.accuracy", "value.f1")
GATED = ("span.strict.f1", "span.relaxed.f1", "value.accuracy", "type.accuracy")


def split_files(root: Path, split: str) -> list[Path]:
    """The ``.tml`` files of ``split``, sorted by path; E016 for an unknown split or a missing folder."""
    if split not in SPLITS:
        raise NewstraceError(Errors.E016, input=split, detail=f"no split {split!r}; choose {', '.join(SPLITS)}")
    files: list[Path] = []
    for folder in SPLITS[split]:
        path = root / CORPUS / folder
        if not path.is_dir():
            raise NewstraceError(Errors.E016, input=str(path), detail=f"folder of split {split!r} not found")
        files += sorted(path.glob("*.tml"))
    return files


def load_docs(root: Path, split: str, limit: int | None) -> tuple[list[TimeMLDoc], list[Path], list[str], str | None]:
    """Documents of ``split`` (a stable sample when ``limit`` is below their number), files read,
    notes on skipped files, and how the split was sampled."""
    files = split_files(root, split)
    sampled = None
    if limit is not None and limit < len(files):
        keys = {f.relative_to(root).as_posix(): f for f in files}
        files = [keys[k] for k in stable_sample(keys, limit)]
        sampled = f"stable_sample of {limit} of {len(keys)} documents (salt 'newstrace', sha1 order)"
    docs: list[TimeMLDoc] = []
    notes: list[str] = []
    for path in files:
        try:
            docs.append(read_timeml(path))
        except NewstraceError as err:
            notes.append(f"skipped: {err}")
    return docs, files, notes, sampled


def run(data: Path | None = None, *, split: str = "dev", with_peers: bool = False,
        limit: int | None = None, nlp: Any = None) -> TaskResult:
    """Score our times (and dateparser's with ``with_peers``) on one TBAQ-cleaned split."""
    started = time.perf_counter()
    root = dataset_dir("tempeval3", data)
    peer = DateparserPeer() if with_peers else None   # E019 before any long work
    docs, files, notes, sampled = load_docs(root, split, limit)
    failures: list[NewstraceError] = []
    articles = [Article(text=d.text, published=d.dct, id=d.name, source_path=d.name) for d in docs]
    records = {r.article.id: r for r in analyze_articles(articles, nlp=nlp, errors=failures)}
    notes += [f"skipped: {err}" for err in failures]
    ours, theirs = Tally(), Tally()
    scored = 0
    for doc in docs:
        record = records.get(doc.name)
        if record is None:
            continue
        scored += 1
        score_doc(doc, predicted_times(record), ours)
        if peer is not None:
            score_doc(doc, peer.times(doc.text, doc.dct), theirs)
    metrics = ours.metrics()
    peers = {PEER: theirs.metrics()} if peer is not None else {}
    notes.append(f"split {split}: {' + '.join(SPLITS[split])} of {CORPUS}; text = the TEXT element, tags "
                 "stripped; publication date = the CREATION_TIME TIMEX3 (not scored)")
    notes.append("values equal: same TIMEX3 text, same days (time of day = its day; PRESENT_REF = DCT; "
                 "mod START/MID/END: that part of the interval), same duration, or an interval of the gold "
                 "duration's length")
    return TaskResult(
        task="times", dataset="tempeval3", split=split, documents=scored, sampled=sampled,
        metrics=metrics, gated=list(GATED), peers=peers,
        comparisons=[Comparison(metric=m, peer=PEER, ours=metrics.get(m, 0.0),
                                theirs=peers[PEER].get(m) if peers else None) for m in COMPARED],
        digest=digest_files(files, root), errors=ours.errors(), notes=notes,
        seconds=round(time.perf_counter() - started, 2),
    )
