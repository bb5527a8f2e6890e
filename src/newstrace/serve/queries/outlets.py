"""Outlets: the publishers of the corpus with their citation counts, and one outlet's citation graph
in (who relays it) and out (whom it relays)."""

from __future__ import annotations

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from ...store.models import ArticleRow, CitationRow
from ..schemas import CitationEdge, Graph, GraphEdge, GraphNode, OutletDetail, OutletSummary
from .articles import _summaries

ARTICLES_SHOWN = 50


def list_outlets(engine: Engine, *, q: str | None = None, limit: int = 50,
                 offset: int = 0) -> tuple[list[OutletSummary], int]:
    """Outlets that published articles in the store, most articles first."""
    query = select(ArticleRow.outlet, func.count(ArticleRow.id).label("n")).where(ArticleRow.outlet.is_not(None))
    if q:
        query = query.where(func.lower(ArticleRow.outlet).contains(q.casefold(), autoescape=True))
    query = query.group_by(ArticleRow.outlet)
    with Session(engine) as session:
        count = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        rows = session.execute(query.order_by(func.count(ArticleRow.id).desc(), ArticleRow.outlet)
                               .limit(limit).offset(offset)).all()
        names = [name for name, _ in rows]
        cites = dict(session.execute(select(CitationRow.citing, func.count(func.distinct(CitationRow.cited)))
                                     .where(CitationRow.citing.in_(names)).group_by(CitationRow.citing)).all())
        cited = dict(session.execute(select(CitationRow.cited, func.count(func.distinct(CitationRow.citing)))
                                     .where(CitationRow.cited.in_(names)).group_by(CitationRow.cited)).all())
    return [OutletSummary(name=name, articles=n, cites=cites.get(name, 0), cited_by=cited.get(name, 0))
            for name, n in rows if name is not None], count


def _edges(session: Session, name: str, outgoing: bool) -> list[CitationEdge]:
    mine, other = (CitationRow.citing, CitationRow.cited) if outgoing else (CitationRow.cited, CitationRow.citing)
    kind = CitationRow.cited_type if outgoing else CitationRow.citing_type
    rows = session.execute(select(other, kind, func.count(func.distinct(CitationRow.article_id)))
                           .where(func.lower(mine) == name.casefold()).group_by(other, kind)
                           .order_by(func.count(func.distinct(CitationRow.article_id)).desc(), other)).all()
    return [CitationEdge(name=n, type=t, articles=a) for n, t, a in rows]


def outlet_detail(engine: Engine, name: str) -> OutletDetail | None:
    """The outlet's articles and its citation edges; None when the store knows no such name."""
    with Session(engine) as session:
        own = select(ArticleRow.id).where(func.lower(ArticleRow.outlet) == name.casefold())
        count = session.scalar(select(func.count()).select_from(own.subquery())) or 0
        cites, cited_by = _edges(session, name, True), _edges(session, name, False)
        if not (count or cites or cited_by):
            return None
        ids = list(session.scalars(own.order_by(ArticleRow.published.desc(), ArticleRow.id.desc())
                                   .limit(ARTICLES_SHOWN)))
        return OutletDetail(name=name, articles=_summaries(session, ids), article_count=count, cites=cites,
                            cited_by=cited_by)


def outlet_graph(detail: OutletDetail) -> Graph:
    """The outlet's neighbourhood: those it relays point at it, those relaying it point away."""
    nodes = {detail.name: GraphNode(id="n0", label=detail.name, type="outlet", origin=False, publisher=True)}
    edges: list[GraphEdge] = []
    for edge, outgoing in [*((e, True) for e in detail.cites), *((e, False) for e in detail.cited_by)]:
        node = nodes.setdefault(edge.name, GraphNode(id=f"n{len(nodes)}", label=edge.name, type=edge.type,
                                                     origin=outgoing, publisher=not outgoing))
        source, target = (node.id, "n0") if outgoing else ("n0", node.id)
        edges.append(GraphEdge(id=f"e{len(edges)}", source=source, target=target, kind="relay",
                               weight=edge.articles))
    return Graph(nodes=list(nodes.values()), edges=edges, independent_origins=0, circular=False)
