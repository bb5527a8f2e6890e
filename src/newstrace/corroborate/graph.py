"""The citation graph of one cluster's articles, with unnamed sources qualified by their relay.

Nodes are the keys of who each link stands for (see ``chains.identity``); an unnamed source becomes
"officials via reuters", so two outlets' unnamed officials stay apart and an outlet's other sources
are not reached through them.
"""

from __future__ import annotations

from collections.abc import Iterable

from .chains import Chain, Link, identity, key, node

Edge = tuple[str, str]


def chain_nodes(chain: Chain, publisher: str | None = None) -> list[tuple[str, str]]:
    """(graph key, display label) of each link of ``chain``, origin first; ``publisher`` renames
    the last link (a copy's publisher stands for the first outlet of its syndication group)."""
    out: list[tuple[str, str]] = []
    links = chain.links
    if publisher and links and links[-1].type == "publisher":
        links = (*links[:-1], Link(publisher, "publisher"))
    for i, link in enumerate(links):
        who = identity(link)
        if who is not None:
            out.append((key(who), node(link)[0]))
            continue
        relay = next(((r, w) for r in links[i + 1 :] if (w := identity(r)) is not None), None)
        if relay:
            out.append((f"{key(link.name)} via {key(relay[1])}", f"{link.name} via {node(relay[0])[0]}"))
        else:
            out.append((key(link.name), link.name))
    return out


class CitationGraph:
    """Directed edges citing -> cited with the attributions (article, attribution) that state them."""

    def __init__(self, chains: Iterable[Chain], publishers: dict[int, str] | None = None) -> None:
        publishers = publishers or {}
        self.edges: dict[Edge, set[tuple[int, int]]] = {}
        self.out: dict[str, set[str]] = {}
        self.labels: dict[str, str] = {}
        for chain in chains:
            nodes = chain_nodes(chain, publishers.get(chain.article_id))
            self.labels.update(nodes)
            for i in range(1, len(nodes)):
                citing, cited = nodes[i][0], nodes[i - 1][0]
                if citing != cited:
                    self.edges.setdefault((citing, cited), set()).add((chain.article_id, chain.attribution_id))
                    self.out.setdefault(citing, set()).add(cited)

    def reach(self, start: str) -> set[str]:
        """Every node ``start`` relays, directly or through others (itself included)."""
        seen, todo = {start}, [start]
        while todo:
            for nxt in self.out.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    def cycles(self) -> list[list[str]]:
        """Strongly connected components of two or more nodes (Tarjan), each sorted."""
        index: dict[str, int] = {}
        low: dict[str, int] = {}
        stack: list[str] = []
        on: set[str] = set()
        found: list[list[str]] = []

        def visit(v: str) -> None:
            index[v] = low[v] = len(index)
            stack.append(v)
            on.add(v)
            for w in sorted(self.out.get(v, ())):
                if w not in index:
                    visit(w)
                    low[v] = min(low[v], low[w])
                elif w in on:
                    low[v] = min(low[v], index[w])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    found.append(sorted(comp))

        for v in sorted(self.out):
            if v not in index:
                visit(v)
        return found
