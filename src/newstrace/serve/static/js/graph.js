// Provenance / citation graph with cytoscape.js: nodes are sources and outlets, edges run from the source
// of information to whoever relays it. Origins are coloured by independent-origin group.
"use strict";
(function () {
  const box = document.getElementById("graph");
  if (!box || typeof cytoscape === "undefined") return;
  const PALETTE = [
    "#1c7ed6", "#e8590c", "#2f9e44", "#ae3ec9", "#f59f00", "#0c8599",
    "#c2255c", "#5c940d", "#7048e8", "#15aabf", "#8d5b34", "#f06595",
  ];

  function elements(graph) {
    const nodes = graph.nodes.map((n) => ({
      data: {
        id: n.id,
        label: n.label,
        colour: n.group === null || n.group === undefined ? (n.publisher ? "#495057" : "#adb5bd") : PALETTE[n.group % PALETTE.length],
        kind: n.origin ? "origin" : n.publisher ? "publisher" : "relay",
        copy: n.copy_of ? "yes" : "no",
      },
    }));
    const edges = graph.edges.map((e) => ({
      data: { id: e.id, source: e.source, target: e.target, kind: e.kind, weight: e.weight, circular: e.circular ? "yes" : "no" },
    }));
    return nodes.concat(edges);
  }

  const STYLE = [
    { selector: "node", style: {
      "background-color": "data(colour)", label: "data(label)", "font-size": 11, "text-wrap": "wrap",
      "text-max-width": 130, "text-valign": "bottom", "text-margin-y": 4, color: "#212529", width: 22, height: 22 } },
    { selector: 'node[kind = "origin"]', style: { shape: "star", width: 30, height: 30 } },
    { selector: 'node[kind = "publisher"]', style: { shape: "round-rectangle", width: 34, height: 20 } },
    { selector: 'node[copy = "yes"]', style: { "border-width": 2, "border-style": "dashed", "border-color": "#868e96" } },
    { selector: "edge", style: {
      width: "mapData(weight, 1, 10, 1.5, 6)", "line-color": "#adb5bd", "target-arrow-color": "#adb5bd",
      "target-arrow-shape": "triangle", "curve-style": "bezier", "arrow-scale": 1.1 } },
    { selector: 'edge[kind = "syndication"]', style: { "line-style": "dashed", "line-color": "#868e96", "target-arrow-shape": "none" } },
    { selector: 'edge[circular = "yes"]', style: { "line-color": "#e03131", "target-arrow-color": "#e03131", width: 3 } },
  ];

  fetch(box.dataset.src, { headers: { Accept: "application/json" } })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(r.status + " " + r.statusText))))
    .then((graph) => {
      // columns from left (where information starts) to right (who publishes it)
      const fed = new Set(graph.edges.filter((e) => e.kind === "relay").map((e) => e.target));
      const roots = graph.nodes.filter((n) => !fed.has(n.id)).map((n) => "#" + n.id);
      const layout = box.dataset.layout === "concentric"
        ? { name: "concentric", concentric: (n) => (n.id() === "n0" ? 2 : 1), levelWidth: () => 1, minNodeSpacing: 40, padding: 24 }
        : { name: "breadthfirst", directed: true, roots: roots.length ? roots.join(", ") : undefined, spacingFactor: 1.0,
            padding: 24, transform: (node, pos) => ({ x: pos.y * 3, y: pos.x * 0.55 }) };
      const cy = cytoscape({
        container: box,
        elements: elements(graph),
        style: STYLE,
        layout: layout,
        minZoom: 0.2,
        maxZoom: 2.5,
      });
      box.dataset.nodes = String(cy.nodes().length);
      box.dataset.edges = String(cy.edges().length);
      box.dataset.ready = "1";
    })
    .catch((err) => {
      box.textContent = "The graph could not be drawn: " + err.message;
    });
})();
