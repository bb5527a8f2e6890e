// Article reader: hovering an attributed passage shows its source chain (copied from the claims panel,
// already escaped by the server) and highlights the claim; the legend toggles each kind of mark.
"use strict";
(function () {
  const text = document.getElementById("article-text");
  const tip = document.getElementById("tooltip");
  if (!text || !tip) return;
  let current = null;

  function claimOf(id) {
    return document.getElementById("claim-" + id);
  }

  function show(id, x, y) {
    const claim = claimOf(id);
    if (!claim) return;
    if (current !== id) {
      tip.replaceChildren();
      const kind = document.createElement("div");
      kind.className = "tip-kind";
      kind.textContent = claim.querySelector(".kind").textContent + " statement";
      const chain = claim.querySelector(".chain").cloneNode(true);
      tip.append(kind, chain);
      document.querySelectorAll(".claim.active, [data-att].hl").forEach((el) => el.classList.remove("active", "hl"));
      claim.classList.add("active");
      text.querySelectorAll('[data-att="' + CSS.escape(id) + '"]').forEach((el) => el.classList.add("hl"));
      current = id;
    }
    tip.hidden = false;
    const pad = 14;
    const left = Math.min(x + pad, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(8, left) + "px";
    tip.style.top = y + pad + "px";
  }

  function hide() {
    tip.hidden = true;
    document.querySelectorAll(".claim.active, [data-att].hl").forEach((el) => el.classList.remove("active", "hl"));
    current = null;
  }

  text.addEventListener("mouseover", (ev) => {
    const seg = ev.target.closest("[data-att]");
    if (seg) show(seg.dataset.att, ev.pageX, ev.pageY);
    else hide();
  });
  text.addEventListener("mousemove", (ev) => {
    const seg = ev.target.closest("[data-att]");
    if (seg) show(seg.dataset.att, ev.pageX, ev.pageY);
  });
  text.addEventListener("mouseleave", hide);

  document.querySelectorAll("#claims .claim").forEach((claim) => {
    claim.addEventListener("click", () => {
      const first = text.querySelector('[data-att="' + CSS.escape(claim.dataset.att) + '"]');
      if (first) first.scrollIntoView({ behavior: "smooth", block: "center" });
    });
  });

  document.querySelectorAll("#legend [data-toggle]").forEach((box) => {
    box.addEventListener("change", () => {
      text.classList.toggle("hide-" + box.dataset.toggle, !box.checked);
    });
  });
})();
