// Story timeline: the event's time (a band from the earliest start to the latest end any report gives)
// against the publication date of each report (one dot per article, labelled with its outlet).
"use strict";
(function () {
  const svg = document.getElementById("timeline");
  if (!svg) return;
  const NS = "http://www.w3.org/2000/svg";
  const DAY = 86400000;

  function el(name, attrs, text) {
    const node = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }
  const day = (s) => (s ? Date.parse(s + "T00:00:00Z") : null);

  fetch(svg.dataset.src, { headers: { Accept: "application/json" } })
    .then((r) => r.json())
    .then((story) => {
      const reports = new Map();
      let start = null;
      let end = null;
      for (const e of story.events) {
        if (e.published && !reports.has(e.article_id)) reports.set(e.article_id, { date: day(e.published), outlet: e.outlet || "article " + e.article_id, id: e.article_id });
        const s = day(e.time_start);
        const t = day(e.time_end) || s;
        if (s !== null) { start = start === null ? s : Math.min(start, s); end = end === null ? t : Math.max(end, t); }
      }
      const dates = [...reports.values()].map((r) => r.date).concat(start === null ? [] : [start, end]);
      if (!dates.length) { svg.replaceWith(document.createTextNode("No dates to draw.")); return; }
      const lo = Math.min(...dates) - DAY;
      const hi = Math.max(...dates) + DAY;
      const rows = [...reports.values()].sort((a, b) => a.date - b.date || a.id - b.id);
      const width = Math.max(svg.clientWidth || 800, 400);
      const left = 150;
      const right = 30;
      const height = 70 + rows.length * 22;
      svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
      svg.setAttribute("height", height);
      const x = (t) => left + ((t - lo) / (hi - lo)) * (width - left - right);
      const ticks = Math.min(8, Math.round((hi - lo) / DAY));
      for (let i = 0; i <= ticks; i++) {
        const t = lo + ((hi - lo) * i) / ticks;
        svg.append(el("line", { x1: x(t), x2: x(t), y1: 20, y2: height - 10, class: "tick" }));
        svg.append(el("text", { x: x(t), y: 14, "text-anchor": "middle", class: "tick-label" }, new Date(t).toISOString().slice(0, 10)));
      }
      svg.append(el("text", { x: 8, y: 44, class: "row-label" }, "event"));
      if (start !== null) {
        svg.append(el("rect", { x: x(start) - 3, y: 32, width: Math.max(6, x(end) - x(start) + 6), height: 16, rx: 4, class: "event-band" }));
      }
      rows.forEach((r, i) => {
        const y = 70 + i * 22;
        svg.append(el("text", { x: 8, y: y + 4, class: "row-label" }, r.outlet.slice(0, 22)));
        const link = el("a", { href: "/articles/" + r.id });
        link.append(el("circle", { cx: x(r.date), cy: y, r: 6, class: "report-dot" }));
        link.append(el("title", {}, r.outlet + ", " + new Date(r.date).toISOString().slice(0, 10)));
        svg.append(link);
      });
      svg.dataset.reports = String(rows.length);
    });
})();
