// Sortable tables: click a header with data-sort to sort the rows of the page by that column.
"use strict";
document.querySelectorAll("table.sortable").forEach((table) => {
  table.querySelectorAll("th[data-sort]").forEach((th, _, all) => {
    th.tabIndex = 0;
    th.classList.add("sort-header");
    const column = [...th.parentNode.children].indexOf(th);
    const sort = () => {
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      all.forEach((h) => h.removeAttribute("aria-sort"));
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const body = table.tBodies[0];
      const value = (row) => {
        const text = row.children[column] ? row.children[column].textContent.trim() : "";
        return th.dataset.sort === "number" ? parseFloat(text) || 0 : text.toLowerCase();
      };
      const rows = [...body.rows].sort((a, b) => {
        const va = value(a);
        const vb = value(b);
        return (va < vb ? -1 : va > vb ? 1 : 0) * (ascending ? 1 : -1);
      });
      body.append(...rows);
    };
    th.addEventListener("click", sort);
    th.addEventListener("keydown", (ev) => { if (ev.key === "Enter") sort(); });
  });
});
