// sop-kit audit site: sortable and filterable tables, identifiers copied in full, and the
// Pagefind search page (clean titles, exact matches first, misspelt places corrected).
// No outside requests.
(function () {
  "use strict";

  // ---- sorting: click a column heading

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

  // ---- filtering: the form above a list; its fields match the rows' data-* attributes,
  // "q" their text. The URL's query names the filter, so a count elsewhere links to it.

  function filterable() {
    document.querySelectorAll("form.saring").forEach(function (form) {
      var frame = form.nextElementSibling;
      var table = frame && frame.querySelector("table");
      if (!table || !table.tBodies[0]) return;
      var rows = Array.prototype.slice.call(table.tBodies[0].rows);
      var fields = Array.prototype.slice.call(form.elements).filter(function (e) { return e.name; });
      var shown = form.querySelector("output");
      var params = new URLSearchParams(window.location.search);
      fields.forEach(function (f) { if (params.has(f.name)) f.value = params.get(f.name); });

      function apply() {
        var count = 0;
        rows.forEach(function (row) {
          var ok = fields.every(function (f) {
            var want = f.value.trim().toLowerCase();
            if (!want) return true;
            if (f.name === "q") return row.textContent.toLowerCase().indexOf(want) >= 0;
            var have = (row.getAttribute("data-" + f.name) || "").toLowerCase();
            return f.tagName === "SELECT" ? have.split(" ").indexOf(want) >= 0 || have === want : have.indexOf(want) >= 0;
          });
          row.hidden = !ok;
          if (ok) count += 1;
        });
        if (shown) shown.textContent = count === rows.length ? rows.length + " baris" : count + " dari " + rows.length + " baris";
      }

      form.addEventListener("input", apply);
      form.addEventListener("change", apply);
      form.addEventListener("submit", function (e) { e.preventDefault(); });
      form.hidden = false;
      apply();
    });
    // A summary count on the same page filters the list in place.
    document.querySelectorAll('a[href^="?kepatuhan="]').forEach(function (a) {
      a.addEventListener("click", function (e) {
        var select = document.querySelector('form.saring select[name="kepatuhan"]');
        if (!select) return;
        e.preventDefault();
        select.value = new URLSearchParams(a.getAttribute("href")).get("kepatuhan");
        select.dispatchEvent(new Event("change", { bubbles: true }));
        window.history.replaceState(null, "", a.getAttribute("href"));
        select.closest("form").scrollIntoView({ block: "start" });
      });
    });
  }

  // ---- identifiers: a click copies the full commit id or hash

  function copyable() {
    document.querySelectorAll("button.salin").forEach(function (button) {
      button.addEventListener("click", function () {
        var value = button.getAttribute("data-salin");
        if (!navigator.clipboard) return;
        navigator.clipboard.writeText(value).then(function () {
          button.classList.add("tersalin");
          window.setTimeout(function () { button.classList.remove("tersalin"); }, 1200);
        }, function () { /* the tooltip still shows the full value */ });
      });
    });
  }

  // ---- search

  function distance(a, b) {
    // Damerau-Levenshtein (optimal string alignment): a swap of two letters costs one.
    var d = [], i, j;
    for (i = 0; i <= a.length; i++) { d[i] = [i]; }
    for (j = 0; j <= b.length; j++) { d[0][j] = j; }
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
    return d[a.length][b.length];
  }

  // A word of the query that is no place name but within one or two letters of one (the
  // register's kecamatan and desa) is read as that place, as the CLI suggests it.
  function placeCorrector(names) {
    var words = {};
    names.forEach(function (name) {
      name.toLowerCase().split(/\s+/).forEach(function (w) { if (w.length >= 4) words[w] = true; });
    });
    var list = Object.keys(words);
    return function (term) {
      var changes = [];
      var fixed = term.split(/\s+/).map(function (word) {
        var w = word.toLowerCase();
        if (w.length < 5 || words[w] || /[^a-z]/.test(w)) return word;
        var most = w.length >= 8 ? 2 : 1, best = null, bestD = most + 1;
        list.forEach(function (name) {
          if (Math.abs(name.length - w.length) > most) return;
          var dd = distance(w, name);
          if (dd < bestD) { best = name; bestD = dd; }
        });
        if (best === null) return word;
        changes.push([word, best]);
        return best;
      }).join(" ");
      return { term: fixed, changes: changes };
    };
  }

  // An identifier (a case id, an SK or letter number: one word with digits and - . or /)
  // or a staff member's name as the registry writes it is searched as an exact phrase, so
  // the cases that carry it come first and nothing that merely shares a piece of it follows.
  // The beginning of a case id (a year and month, perhaps a desa) is searched as a prefix
  // instead: Pagefind finds the ids that start with it, where as a phrase it finds none.
  function exactPhrase(term, staff, caseId) {
    var t = term.trim();
    if (!t || t.indexOf('"') >= 0) return null;
    if (/^\d{4}-\d{2}(-[a-z0-9-]*)?$/i.test(t) && !caseId.test(t.toLowerCase())) return null;
    if (/\d/.test(t) && /^[^\s]*[-./][^\s]*$/.test(t)) return '"' + t + '"';
    var lower = t.toLowerCase();
    var named = t.indexOf(" ") > 0 && staff.some(function (n) { return n.toLowerCase().indexOf(lower) === 0; });
    return named ? '"' + t + '"' : null;
  }

  function search() {
    var box = document.querySelector("[data-pagefind-ui]");
    if (!box) return;
    // The index is split into bundles (sop_kit/site/search.py) that cari/pagefind.js merges
    // into Pagefind as a query needs them; Pagefind's UI is given that module as its own.
    // Absolute: Pagefind resolves a relative bundle path against its own script's address.
    var base = new URL(box.getAttribute("data-pagefind-ui"), document.baseURI).href;
    var names = (box.getAttribute("data-pagefind-bundles") || "").split(" ").filter(Boolean);
    var sizes = JSON.parse(box.getAttribute("data-pagefind-kasus") || "{}");
    var correct = placeCorrector((box.getAttribute("data-tempat") || "").split("|"));
    var staff = (box.getAttribute("data-petugas") || "").split("|").filter(Boolean);
    var caseId = new RegExp(box.getAttribute("data-kasus-pola"));
    var note = document.querySelector(".koreksi");
    var params = new URLSearchParams(window.location.search);
    var exact = params.get("persis") === "1";
    var cases = {};
    names.forEach(function (n) { cases[base + n + "/"] = sizes[n] || 0; });
    window.sopKitCari = {
      count: Number(box.getAttribute("data-pagefind-jumlah")) || 0, cases: cases, caseId: caseId,
      filters: JSON.parse(box.getAttribute("data-pagefind-saring") || "null"),
      all: params.get("semua") === "1"
    };
    window.addEventListener("sopkit:cakupan", function (e) { showCoverage(e.detail, exact); });
    var main = base + names[0] + "/";
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = main + "pagefind-ui.css";
    document.head.appendChild(css);
    var script = document.createElement("script");
    script.src = main + "pagefind-ui.js";
    script.onload = function () {
      var bundles = names.map(function (n) { return { bundlePath: base + n + "/" }; });
      var ui = new window.PagefindUI({
        element: "#pencarian", bundlePath: new URL(box.getAttribute("data-cari"), document.baseURI).href, mergeIndex: bundles,
        showSubResults: true, showImages: false, resetStyles: false, openFilters: [],
        // A case's own id, SK numbers, staff and place (its metadata: site/theme/main.html)
        // outweigh the same words anywhere else in a text.
        ranking: { metaWeights: { title: 6, kasus: 10, sk: 10, petugas: 8, tempat: 6 } },
        processTerm: function (term) {
          var phrase = exactPhrase(term, staff, caseId);
          if (phrase) { showCorrection(note, term, { changes: [] }); return phrase; }
          if (exact) return term;
          var found = correct(term);
          showCorrection(note, term, found);
          return found.term;
        }
      });
      var input = document.querySelector(".pagefind-ui__search-input");
      if (input) input.setAttribute("aria-label", "Cari di arsip");  // Pagefind gives it a title only
      var q = params.get("q");
      if (q) ui.triggerSearch(q);
    };
    document.head.appendChild(script);
  }

  // How much of the archive a query searched, and a link to search the rest.
  function showCoverage(d, exact) {
    var line = document.querySelector(".cakupan");
    var input = document.querySelector(".pagefind-ui__search-input");
    if (!line) return;
    if (d.bundles >= d.of || !input || !input.value.trim()) { line.hidden = true; line.textContent = ""; return; }
    var n = function (x) { return x.toLocaleString("id-ID"); };
    line.textContent = "";
    line.appendChild(document.createTextNode(d.own
      ? "Kasus ini ditemukan di bagian indeksnya sendiri (" + n(d.cases) + " dari " + n(d.total) +
        " kasus). Kasus lain yang menyebut id ini: "
      : "Hasil dari " + n(d.cases) + " dari " + n(d.total) + " kasus (" + d.bundles + " dari " + d.of +
        " bagian indeks), agar unduhan tetap kecil. "));
    var link = document.createElement("a");
    link.href = "?q=" + encodeURIComponent(input.value.trim()) + (exact ? "&persis=1" : "") + "&semua=1";
    link.textContent = d.own ? "cari di semua kasus" : "Cari di semua kasus";
    line.appendChild(link);
    line.hidden = false;
  }

  function showCorrection(note, term, found) {
    if (!note) return;
    if (!found.changes.length) { note.hidden = true; note.textContent = ""; return; }
    note.textContent = "";
    var said = found.changes.map(function (c) { return "«" + c[0] + "» sebagai «" + c[1] + "»"; }).join(", ");
    note.appendChild(document.createTextNode("Nama wilayah dicocokkan dengan daftar Kemendagri: " + said + ". "));
    var link = document.createElement("a");
    link.href = "?q=" + encodeURIComponent(term) + "&persis=1";
    link.textContent = "Cari persis «" + term + "»";
    note.appendChild(link);
    note.hidden = false;
  }

  // A code block that scrolls can be scrolled from the keyboard too.
  function focusableCode() {
    document.querySelectorAll("pre > code").forEach(function (code) { code.setAttribute("tabindex", "0"); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    sortable(); filterable(); copyable(); focusableCode(); search();
  });
})();
