// Map of events by place: country shapes from world-atlas (TopoJSON, served from /static/vendor) drawn
// with d3-geo, one circle per geocoded place sized by its number of events. No tile server.
"use strict";
(function () {
  const svg = document.getElementById("map");
  if (!svg || typeof d3 === "undefined" || typeof topojson === "undefined") return;
  const NS = "http://www.w3.org/2000/svg";
  const width = 960;
  const height = 500;

  function el(name, attrs) {
    const node = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    return node;
  }
  const json = (url) => fetch(url, { headers: { Accept: "application/json" } }).then((r) => r.json());

  Promise.all([json(svg.dataset.world), json(svg.dataset.src)]).then(([world, points]) => {
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    const land = topojson.feature(world, world.objects.countries);
    const projection = d3.geoNaturalEarth1().fitSize([width, height], { type: "Sphere" });
    const path = d3.geoPath(projection);
    svg.append(el("path", { d: path({ type: "Sphere" }), class: "sphere" }));
    svg.append(el("path", { d: path(d3.geoGraticule10 ? d3.geoGraticule10() : { type: "Sphere" }), class: "graticule" }));
    const countries = el("g", { class: "countries" });
    for (const f of land.features) {
      const shape = el("path", { d: path(f), class: "country" });
      const title = document.createElementNS(NS, "title");
      title.textContent = (f.properties && f.properties.name) || "";
      shape.append(title);
      countries.append(shape);
    }
    svg.append(countries);
    const layer = el("g", { class: "points" });
    const max = Math.max(1, ...points.map((p) => p.events));
    for (const p of points) {
      const xy = projection([p.lon, p.lat]);
      if (!xy) continue;
      const link = el("a", { href: "/events?place=" + encodeURIComponent(p.place) });
      link.append(el("circle", { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: (3 + 12 * Math.sqrt(p.events / max)).toFixed(1), class: "point" }));
      const title = document.createElementNS(NS, "title");
      const types = Object.entries(p.types).map(([t, n]) => t + " " + n).join(", ");
      title.textContent = `${p.place}${p.country ? " (" + p.country + ")" : ""}: ${p.events} event${p.events === 1 ? "" : "s"} (${types})`;
      link.append(title);
      layer.append(link);
    }
    svg.append(layer);
    svg.dataset.points = String(layer.childElementCount);
    const summary = document.getElementById("map-summary");
    if (summary) summary.textContent = `${points.length} places, ${points.reduce((n, p) => n + p.events, 0)} events with a place.`;
  }).catch((err) => {
    svg.replaceWith(document.createTextNode("The map could not be drawn: " + err.message));
  });
})();
