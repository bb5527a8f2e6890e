"""``corroborate(engine)``: the incremental corroboration run, in one transaction.

Only articles without a MinHash signature and events without a cluster are new; the clusters they
join, and those of older articles whose syndication group grew, are recomputed. A second run with
nothing new changes nothing.

Cost, for N stored articles, E_new new events and E_scope stored events of their types and dates:
O(N) to rebuild the LSH index from stored signatures, O(E_scope + E_new * keys * block) to cluster
(blocking, never all pairs), O(members + chains) per recomputed cluster. Near-linear in corpus size
(``benchmarks/corroboration.py``).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from .citations import add_citations
from .clusters import cluster_new_events
from .refresh import clusters_of_articles, refresh_clusters
from .report import CorroborationReport
from .syndication import update_syndication


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Python's cyclic collector rescans every live object as the run's feature tables grow, which
    made large runs superlinear; the run makes no garbage cycles of note, so it is paused meanwhile."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def corroborate(engine: Engine) -> CorroborationReport:
    """Group copies, add citation edges, cluster new events, and recompute the clusters they touch."""
    began = time.perf_counter()
    with _gc_paused(), Session(engine, autoflush=False) as session, session.begin():
        synd = update_syndication(session)
        citations = add_citations(session, synd.new_articles)
        clustered = cluster_new_events(session)
        session.flush()
        affected = (clustered.affected | clusters_of_articles(session, synd.regrouped)) - clustered.removed
        refreshed = refresh_clusters(session, affected)
    return CorroborationReport(
        new_articles=len(synd.new_articles), copies=synd.copies, regrouped_articles=len(synd.regrouped),
        citations=citations, new_events=clustered.new_events, clusters_created=clustered.created,
        clusters_merged=len(clustered.removed),
        clusters_updated=refreshed.clusters, assertions=refreshed.assertions,
        contradicted=refreshed.contradicted, circular=refreshed.circular,
        seconds=round(time.perf_counter() - began, 3))
