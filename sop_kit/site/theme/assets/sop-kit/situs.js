// sop-kit audit site: sortable tables and the Pagefind search page. No outside requests.
(function () {
  "use strict";

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    return cell.getAttribute("data-sort") || cell.textContent.trim();
  }

  function sortBy(table, index, th) {
    var body = table.tBodies[0];
    if (!body) return;
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, index), y = cellValue(b, index);
      var nx = parseFloat(x), ny = parseFloat(y);
      var cmp = (!isNaN(nx) && !isNaN(ny) && String(nx) === x && String(ny) === y) ? nx - ny : x.localeCompare(y, "id");
      return ascending ? cmp : -cmp;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  function sortable() {
    document.querySelectorAll("table[data-sortable]").forEach(function (table) {
      if (!table.tHead) return;
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
        th.addEventListener("click", function () { sortBy(table, index, th); });
      });
    });
  }

  function search() {
    var box = document.querySelector("[data-pagefind-ui]");
    if (!box) return;
    // The index is split into bundles (sop_kit/site/search.py): the first is loaded, the
    // others merged into it.
    // Absolute: Pagefind resolves a relative bundle path against its own script's address.
    var base = new URL(box.getAttribute("data-pagefind-ui"), document.baseURI).href;
    var names = (box.getAttribute("data-pagefind-bundles") || "").split(" ").filter(Boolean);
    var main = base + names[0] + "/";
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = main + "pagefind-ui.css";
    document.head.appendChild(css);
    var script = document.createElement("script");
    script.src = main + "pagefind-ui.js";
    script.onload = function () {
      var merged = names.slice(1).map(function (n) { return { bundlePath: base + n + "/" }; });
      var ui = new window.PagefindUI({
        element: "#pencarian", bundlePath: main, mergeIndex: merged,
        showSubResults: true, showImages: false, resetStyles: false
      });
      var q = new URLSearchParams(window.location.search).get("q");
      if (q) ui.triggerSearch(q);
    };
    document.head.appendChild(script);
  }

  document.addEventListener("DOMContentLoaded", function () { sortable(); search(); });
})();
