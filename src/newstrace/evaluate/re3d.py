"""The ``entities`` task on re3d: entity span+type P/R/F1 (exact and overlap) and alias accuracy.

Splits: re3d ships none, so within each source subset the documents chosen by
``stable_sample`` (salt ``re3d-split``) for half of that subset (rounded down) form ``dev``
and the rest ``train``; ``all`` is both. The peer is spaCy's NER alone on the same texts.
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
from .re3d_adapt import adapt
from .re3d_peer import MODEL, PEER, peer_docs
from .re3d_predict import Predicted, record_spans, spacy_spans
from .re3d_reader import Re3dDoc, read_corpus
from .re3d_score import Tally
from .re3d_types import TypeMap, type_map
from .result import Comparison, TaskResult

SPLITS = ("dev", "train", "all")
SALT = "re3d-split"
COMPARED = ("overall.exact.f1", "overall.overlap.f1")
GATED = [*COMPARED, "alias.accuracy"]


def split_docs(docs: list[Re3dDoc], split: str) -> list[Re3dDoc]:
    """The documents of ``split``: dev is a stable half (rounded down) of each source subset."""
    if split not in SPLITS:
        raise NewstraceError(Errors.E016, input=f"re3d/{split}", detail=f"no such split; choose {', '.join(SPLITS)}")
    if split == "all":
        return list(docs)
    by_source: dict[str, list[str]] = {}
    for d in docs:
        by_source.setdefault(d.source, []).append(d.id)
    dev = {i for ids in by_source.values() for i in stable_sample(ids, len(ids) // 2, salt=SALT)}
    return [d for d in docs if (d.id in dev) == (split == "dev")]


def our_spans(docs: list[Re3dDoc], nlp: Any, tmap: TypeMap, notes: list[str]) -> dict[str, list[Predicted]]:
    """Our predicted spans per document id; a document the pipeline fails on has none (noted)."""
    errors: list[NewstraceError] = []
    articles = [Article(text=d.text, title=d.title, id=d.id) for d in docs]
    spans = {rec.article.id: adapt(record_spans(rec, tmap), rec.article.text, tmap.spans)
             for rec in analyze_articles(articles, nlp=nlp, errors=errors)}
    notes += [f"pipeline failed, scored with no predictions: {e}" for e in errors]
    return spans


def run(data: Path | None = None, *, split: str = "dev", with_peers: bool = False,
        limit: int | None = None, nlp: Any = None) -> TaskResult:
    """Score our record's entities, places, times and quantities on re3d (and spaCy's NER with peers)."""
    started = time.perf_counter()
    root = dataset_dir("re3d", data)
    corpus = read_corpus(root)
    tmap = type_map()
    docs = split_docs(corpus.docs, split)
    sampled = None
    if limit is not None and limit < len(docs):
        keep = set(stable_sample([d.id for d in docs], limit))
        docs = [d for d in docs if d.id in keep]
        sampled = f"{limit} documents by stable_sample over document ids"
    notes = list(corpus.notes)
    ours = our_spans(docs, nlp, tmap, notes)
    tally = Tally()
    for d in docs:
        tally.add(d, ours.get(d.id, []), tmap)
    metrics = tally.metrics(tmap)
    for label in tmap.separate:
        n = sum(1 for d in docs for g in d.entities if g.type == label)
        if f"{label}.exact.f1" not in metrics:
            notes.append(f"{label}: {n} gold spans; not extracted by newstrace, not scored")
    result = TaskResult(task="entities", dataset="re3d", split=split, documents=len(docs), sampled=sampled,
                        metrics=metrics, gated=list(GATED), digest=digest_files(corpus.files, root),
                        errors=tally.errors.top(), notes=notes)
    if with_peers:
        peer = Tally()
        for d, doc in zip(docs, peer_docs(d.text for d in docs), strict=True):
            peer.add(d, adapt(spacy_spans(doc, tmap), d.text, tmap.spans), tmap)
        result.peers[PEER] = peer.metrics(tmap)
        result.comparisons = [Comparison(metric=m, peer=PEER, ours=metrics[m], theirs=result.peers[PEER][m])
                              for m in COMPARED]
        result.notes.append(f"peer {PEER}: {MODEL} doc.ents alone; alias keys are the entity's case-folded text")
    result.seconds = round(time.perf_counter() - started, 2)
    return result
