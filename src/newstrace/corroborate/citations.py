"""The citation graph: in every chain, each link relays the one before it (publisher -> ... -> origin).

"According to sources who spoke with Washington Post columnist David Ignatius", published by The
Cradle, gives The Cradle -> Washington Post -> sources. Edges are stored once per article.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import insert
from sqlalchemy.orm import Session

from ..store.models import CitationRow
from .chains import Chain, key, load_chains, node


def edges(chain: Chain) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """(citing, cited) node pairs of one chain, self-loops left out."""
    nodes = [node(link) for link in chain.links]
    return [(nodes[i], nodes[i - 1]) for i in range(1, len(nodes)) if key(nodes[i][0]) != key(nodes[i - 1][0])]


def add_citations(session: Session, article_ids: Iterable[int]) -> int:
    """Store the citation edges of the chains of new articles; returns how many were added."""
    rows: dict[tuple[int, str, str], dict[str, object]] = {}
    for chain in sorted(load_chains(session, article_ids).values(), key=lambda c: c.attribution_id):
        for (citing, citing_type), (cited, cited_type) in edges(chain):
            rows.setdefault((chain.article_id, citing, cited), {
                "article_id": chain.article_id, "citing": citing, "citing_type": citing_type,
                "cited": cited, "cited_type": cited_type})
    if rows:
        session.execute(insert(CitationRow), list(rows.values()))
    return len(rows)
