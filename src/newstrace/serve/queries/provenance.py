"""The provenance graph of a story: every source and outlet on the chains of its reports, edges from
the source of information to whoever relays it, origins coloured by their independent-origin group,
syndicated copies tied to the outlet they repeat, and the edges of circular reporting marked.

Node names are the corroboration graph's (``chain_nodes``), so they match its origin analysis.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from ...corroborate.chains import key
from ...corroborate.graph import chain_nodes
from ...corroborate.members import Member, load_members
from ...store.models import ClusterRow
from ..schemas import Graph, GraphEdge, GraphNode


class _Builder:
    def __init__(self) -> None:
        self.nodes: dict[str, GraphNode] = {}
        self.edges: dict[tuple[str, str, str], GraphEdge] = {}

    def node(self, node_key: str, label: str, type_: str) -> GraphNode:
        if node_key not in self.nodes:
            self.nodes[node_key] = GraphNode(id=f"n{len(self.nodes)}", label=label, type=type_, origin=False,
                                             publisher=False)
        return self.nodes[node_key]

    def edge(self, source: GraphNode, target: GraphNode, kind: str, circular: bool = False) -> None:
        found = self.edges.get((source.id, target.id, kind))
        if found is None:
            self.edges[(source.id, target.id, kind)] = GraphEdge(
                id=f"e{len(self.edges)}", source=source.id, target=target.id, kind=kind,  # type: ignore[arg-type]
                weight=1, circular=circular)
        elif circular:
            found.circular = True
        else:
            found.weight += 1


def _path(m: Member) -> list[tuple[str, str, str]]:
    """(key, label, type) of each link of the member's chain, origin first, the outlet last."""
    if m.chain is not None and m.chain.links:
        return [(k, label, link.type) for (k, label), link in zip(chain_nodes(m.chain), m.chain.links, strict=True)]
    outlet = m.outlet or f"article {m.article_id}"
    return [(key(outlet), outlet, "publisher")]


def _circular(b: _Builder, analysis: dict[str, Any]) -> None:
    """Draw and mark the edges of circular reporting: those of a citation cycle (whichever article's chain
    states them), or outlets relaying one another down to a single origin."""
    found = analysis.get("circular") or {}
    labels = {key(label): label for cycle in found.get("cycles", []) for label in cycle}
    pairs = [(e.get("from"), e.get("to")) for e in found.get("edges", [])] + [tuple(p) for p in found.get("relays", [])]
    for citing, cited in pairs:
        if not isinstance(citing, str) or not isinstance(cited, str):
            continue
        source = b.node(cited, labels.get(cited, cited), "outlet")
        target = b.node(citing, labels.get(citing, citing), "outlet")
        if source.id != target.id:
            b.edge(source, target, "relay", circular=True)


def _syndication(b: _Builder, members: Iterable[Member]) -> None:
    groups: dict[int, list[Member]] = {}
    for m in members:
        if m.group is not None:
            groups.setdefault(m.group, []).append(m)
    for same in groups.values():
        ordered = sorted(same, key=lambda m: (m.published.isoformat() if m.published else "9999", m.article_id))
        first = ordered[0].outlet or f"article {ordered[0].article_id}"
        for m in ordered[1:]:
            outlet = m.outlet or f"article {m.article_id}"
            if key(outlet) == key(first):
                continue
            original, copy = b.node(key(first), first, "publisher"), b.node(key(outlet), outlet, "publisher")
            copy.copy_of = original.id
            b.edge(original, copy, "syndication")


def story_graph(engine: Engine, cluster_id: int) -> Graph | None:
    with Session(engine) as session:
        cluster = session.get(ClusterRow, cluster_id)
        if cluster is None:
            return None
        members = load_members(session, [cluster_id])[0].get(cluster_id, [])
        analysis: dict[str, Any] = dict(cluster.analysis or {})
        independent, circular = cluster.independent_origins, cluster.circular
    group_of = {e: i for i, g in enumerate(analysis.get("origin_groups", [])) for e in g.get("events", [])}
    b = _Builder()
    for m in members:
        path = _path(m)
        nodes = [b.node(k, label, type_) for k, label, type_ in path]
        if m.event_id in group_of:        # own-voice events set aside by the origin analysis are no origin
            nodes[0].origin = True
            nodes[0].group = group_of[m.event_id]
        nodes[-1].publisher = True
        for source, target in itertools.pairwise(nodes):
            if source.id != target.id:
                b.edge(source, target, "relay")
    _syndication(b, members)
    _circular(b, analysis)
    return Graph(nodes=list(b.nodes.values()), edges=list(b.edges.values()), independent_origins=independent,
                 circular=circular)
