"""Independent origins of a cluster, who reported first, and circular reporting.

A member's origin is its chain's origin (an unnamed one together with the first named relay after
it: "officials via Reuters"), or the publishing outlet when the article states the event in its own
voice. Copies count once: in every article of a syndication group the publisher stands for the
group's first outlet, so one origin seen through copies is one origin. Origins that relay each
other (both ways, through the cluster's citation graph) are one; an origin that relays another
origin of the cluster depends on it and does not count: the independent origins are the ones that
relay no other (the sinks of the condensed graph), so there is always at least one.
Circular reporting: a cycle in the cluster's citation graph, or several outlets relaying one
another down to a single origin.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..extract.entities.gazetteer import default_gazetteer
from .chains import Chain, key
from .config import thresholds
from .graph import CitationGraph, chain_nodes
from .members import Member


@dataclass(frozen=True)
class Origin:
    node: str                            # graph key
    label: str                           # "Lebanon's health ministry", "officials via Reuters"


@dataclass
class OriginAnalysis:
    independent: int
    circular: bool
    first: Member
    analysis: dict[str, Any]


def _first(members: Iterable[Member]) -> Member:
    return min(members, key=lambda m: (m.published or datetime.date.max, m.article_id))


def publishers(members: list[Member]) -> dict[int, str]:
    """The outlet each member article stands for: its syndication group's first outlet in the cluster."""
    groups: dict[int, list[Member]] = {}
    for m in members:
        groups.setdefault(m.group if m.group is not None else -m.article_id, []).append(m)
    out: dict[int, str] = {}
    for same in groups.values():
        first = _first(same)
        for m in same:
            out[m.article_id] = first.outlet or f"article {first.article_id}"
    return out


def origin_of(m: Member, publisher: str | None = None) -> Origin:
    """The origin of ``m``; ``publisher`` stands in for its outlet (see :func:`publishers`)."""
    if m.chain is not None and m.chain.links:
        node, label = chain_nodes(m.chain, publisher)[0]
        return Origin(node, label)
    outlet = publisher or m.outlet or f"article {m.article_id}"
    return Origin(key(outlet), outlet)


def _place_bare_organs(members: list[Member], origins: dict[int, Origin]) -> dict[int, Origin]:
    """A state organ named without its state in one report ("the Air Force said") and with it in
    another ("Ukraine's air force said") is that state, when the cluster's sources of that sector
    belong to one state only: one state, one origin."""
    gazetteer = default_gazetteer()
    states: dict[str, set[str]] = {}
    for m in members:
        first = m.chain.links[0] if m.chain is not None and m.chain.links else None
        if first is not None and first.affiliation and first.role:
            states.setdefault(first.role, set()).add(first.affiliation)
    out = dict(origins)
    for m in members:
        first = m.chain.links[0] if m.chain is not None and m.chain.links else None
        if first is None or first.affiliation or first.type not in ("organization", "anonymous", "official"):
            continue
        entry = gazetteer.sector(key(first.name))
        if entry is not None and not entry.person and len(states.get(entry.sector, ())) == 1:
            out[m.event_id] = Origin(key(next(iter(states[entry.sector]))), first.name)
    return out


def components(nodes: list[str], graph: CitationGraph) -> tuple[dict[str, str], dict[str, set[str]]]:
    """Each origin's component (origins relaying each other both ways share one, named by its least
    node) and, by component, the other components it relays; sinks relay none."""
    reach = {n: graph.reach(n) & set(nodes) for n in nodes}
    comp = {n: min(m for m in nodes if m in reach[n] and n in reach[m]) for n in nodes}
    relays: dict[str, set[str]] = {c: set() for c in comp.values()}
    for n in nodes:
        relays[comp[n]] |= {comp[m] for m in reach[n]} - {comp[n]}
    return comp, relays


def _circular(members: list[Member], graph: CitationGraph, independent: int) -> dict[str, Any] | None:
    cycles = graph.cycles()
    if cycles:
        evidence = [{"from": a, "to": b, "attributions": sorted(map(list, refs))}
                    for (a, b), refs in sorted(graph.edges.items()) if any(a in c and b in c for c in cycles)]
        return {"reason": "cycle", "cycles": [[graph.labels.get(n, n) for n in c] for c in cycles],
                "edges": evidence}
    outlets = {key(m.outlet) for m in members if m.outlet}
    groups = {m.group for m in members}
    relayed = sorted(list(e) for e in graph.edges if e[0] in outlets and e[1] in outlets)
    if independent == 1 and len(outlets) >= thresholds().origins.circular_min_outlets and len(groups) > 1 and relayed:
        return {"reason": "single_origin", "outlets": sorted(outlets), "relays": relayed}
    return None


def _describe(members: list[Member], origins: dict[int, Origin]) -> dict[str, Any]:
    names = {
        " <- ".join(label for _, label in reversed(chain_nodes(m.chain))) if m.chain else f"{m.outlet} (own voice)"
        for m in members}
    return {"origins": sorted({origins[m.event_id].label for m in members}),
            "articles": sorted({m.article_id for m in members}),
            "outlets": sorted({m.outlet or "" for m in members}),
            "events": sorted(m.event_id for m in members), "chains": sorted(names)}


def analyse_origins(members: list[Member], chains: Iterable[Chain]) -> OriginAnalysis:
    """Origin groups with their evidence, the first report, and the circular-reporting flag."""
    stand_in = publishers(members)
    graph = CitationGraph(chains, stand_in)
    origins = _place_bare_organs(members, {m.event_id: origin_of(m, stand_in[m.article_id]) for m in members})
    comp, relays = components(sorted({o.node for o in origins.values()}), graph)
    by_comp: dict[str, list[Member]] = {}
    for m in members:
        by_comp.setdefault(comp[origins[m.event_id].node], []).append(m)
    label = {c: _describe(ms, origins)["origins"] for c, ms in by_comp.items()}
    independent = [_describe(ms, origins) for c, ms in sorted(by_comp.items()) if not relays[c]]
    dependent = [{**_describe(ms, origins), "relays": sorted(o for r in relays[c] for o in label[r])}
                 for c, ms in sorted(by_comp.items()) if relays[c]]
    copies = {str(g): sorted({m.outlet or "" for m in members if m.group == g})
              for g in {m.group for m in members}
              if g is not None and len({m.article_id for m in members if m.group == g}) > 1}
    circular = _circular(members, graph, len(independent))
    analysis = {"origin_groups": independent, "dependent": dependent, "syndicated": copies, "circular": circular}
    return OriginAnalysis(len(independent), circular is not None, _first(members), analysis)
