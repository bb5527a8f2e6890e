"""The citation graph as GraphML (for Gephi): a node per outlet or source, an edge ``citing -> cited``
weighted by the number of articles whose chains relay it."""

from __future__ import annotations

from typing import IO
from xml.etree import ElementTree as ET

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from ..models import CitationRow
from ..queries import EventFilter

NS = "http://graphml.graphdrawing.org/xmlns"


def write_graphml(engine: Engine, out: IO[bytes], flt: EventFilter) -> int:
    with Session(engine) as session:
        edges = session.execute(
            select(CitationRow.citing, CitationRow.citing_type, CitationRow.cited, CitationRow.cited_type,
                   func.count(CitationRow.article_id))
            .group_by(CitationRow.citing, CitationRow.citing_type, CitationRow.cited, CitationRow.cited_type)
            .order_by(CitationRow.citing, CitationRow.cited)).all()
    root = ET.Element("graphml", xmlns=NS)
    for key, target, name, kind in (("type", "node", "type", "string"), ("label", "node", "label", "string"),
                                    ("weight", "edge", "weight", "int")):
        ET.SubElement(root, "key", {"id": key, "for": target, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, "graph", id="citations", edgedefault="directed")
    nodes: dict[str, str] = {}
    for citing, citing_type, cited, cited_type, _ in edges:
        for name, kind in ((citing, citing_type), (cited, cited_type)):
            if name not in nodes:
                nodes[name] = f"n{len(nodes)}"
                node = ET.SubElement(graph, "node", id=nodes[name])
                ET.SubElement(node, "data", key="label").text = name
                ET.SubElement(node, "data", key="type").text = kind
    for i, (citing, _, cited, _, weight) in enumerate(edges):
        edge = ET.SubElement(graph, "edge", id=f"e{i}", source=nodes[citing], target=nodes[cited])
        ET.SubElement(edge, "data", key="weight").text = str(weight)
    ET.ElementTree(root).write(out, encoding="utf-8", xml_declaration=True)
    return len(edges)
