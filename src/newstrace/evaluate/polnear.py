"""The ``attributions`` task: source, cue and content spans on PolNeAR, and whole triples.

Metrics ``<role>.<mode>.{p,r,f1}`` for role source / cue / content / triple and mode exact /
overlap (see :mod:`.polnear_score` for span trimming, :mod:`.polnear_ours` for how a record
becomes a triple). Split ``dev`` is read whole; ``train`` is sampled (``stable_sample``) to
:data:`TRAIN_SAMPLE` articles unless ``limit`` says otherwise. With several annotators of one
article, the first annotator id in sorted order is the gold. Peer: textacy's direct quotations.
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
from .polnear_errors import ErrorLog
from .polnear_ours import triples as our_triples
from .polnear_peer import TextacyPeer
from .polnear_reader import PolnearDoc, annotation_files, hull, read_doc, read_metadata
from .polnear_score import ROLES, Triple, add_counts, score_doc
from .prf import PRF
from .result import Comparison, TaskResult

TRAIN_SAMPLE = 150
PEER = "textacy"
COMPARED = ("source.exact.f1", "source.overlap.f1", "cue.exact.f1", "cue.overlap.f1", "content.overlap.f1")
GATED = tuple(f"{r}.{m}.f1" for r in (*ROLES, "triple") for m in ("exact", "overlap"))


def gold_triples(doc: PolnearDoc) -> list[Triple]:
    return [Triple(hull(g.source), hull(g.cue), hull(g.content)) for g in doc.gold]


def metrics_of(totals: dict[str, PRF]) -> dict[str, float]:
    out: dict[str, float] = {}
    for key in sorted(totals):
        out.update(totals[key].as_metrics(key))
    return out


def load_docs(root: Path, split: str, limit: int | None) -> tuple[list[PolnearDoc], list[Path], list[str], str | None]:
    """Documents of ``split`` (sampled when ``limit`` is below their number), files read, notes, sampling."""
    split_dir = root / split
    if not split_dir.is_dir():
        raise NewstraceError(Errors.E016, input=str(split_dir), detail=f"split {split!r} not found")
    anns = annotation_files(split_dir)
    names = sorted(anns)
    if limit is None and split == "train":
        limit = TRAIN_SAMPLE
    sampled = None
    if limit is not None and limit < len(names):
        sampled = f"stable_sample of {limit} of {len(names)} articles (salt 'newstrace', sha1 order)"
        names = stable_sample(names, limit)
    dates = read_metadata(root)
    docs: list[PolnearDoc] = []
    files: list[Path] = [root / "metadata.tsv"] if (root / "metadata.tsv").is_file() else []
    notes: list[str] = []
    for name in names:
        try:
            doc = read_doc(split_dir, name, anns[name], dates.get(name))
        except NewstraceError as err:
            notes.append(f"skipped: {err}")
            continue
        docs.append(doc)
        files.extend(doc.files)
    return docs, files, notes, sampled


def run(data: Path | None = None, *, split: str = "dev", with_peers: bool = False,
        limit: int | None = None, nlp: Any = None) -> TaskResult:
    """Score our attributions (and textacy's with ``with_peers``) on one PolNeAR split."""
    started = time.perf_counter()
    root = dataset_dir("polnear", data)
    peer = TextacyPeer() if with_peers else None   # E019 before any long work
    docs, files, notes, sampled = load_docs(root, split, limit)
    failures: list[NewstraceError] = []
    articles = [Article(text=d.text, published=d.published, id=d.name, source_path=str(d.files[0]))
                for d in docs]
    records = {r.article.id: r for r in analyze_articles(articles, nlp=nlp, errors=failures)}
    notes += [f"skipped: {err}" for err in failures]
    ours: dict[str, PRF] = {}
    theirs: dict[str, PRF] = {}
    log = ErrorLog()
    scored = 0
    for doc in docs:
        record = records.get(doc.name)
        if record is None:
            continue
        scored += 1
        gold = gold_triples(doc)
        pred = our_triples(record)
        add_counts(ours, score_doc(doc.text, gold, pred))
        log.add(doc.text, gold, pred)
        if peer is not None:
            add_counts(theirs, score_doc(doc.text, gold, peer(doc.text)))
    metrics = metrics_of(ours)
    peers = {PEER: metrics_of(theirs)} if peer is not None else {}
    if peer is not None and peer.fallbacks:
        notes.append(f"textacy refused {peer.fallbacks} article(s) for unbalanced quotation marks; "
                     "it ran on their paragraphs instead")
    notes.append("gold: the first annotator id (sorted) of articles annotated several times; "
                 "spans trimmed of edge quotation marks, space and , . ; : before matching; "
                 "discontinuous spans scored as their covering stretch")
    return TaskResult(
        task="attributions", dataset="polnear", split=split, documents=scored, sampled=sampled,
        metrics=metrics, gated=list(GATED), peers=peers,
        comparisons=[Comparison(metric=m, peer=PEER, ours=metrics.get(m, 0.0),
                                theirs=peers[PEER].get(m) if peers else None) for m in COMPARED],
        digest=digest_files(files, root), errors=log.classes(), notes=notes,
        seconds=round(time.perf_counter() - started, 2),
    )
