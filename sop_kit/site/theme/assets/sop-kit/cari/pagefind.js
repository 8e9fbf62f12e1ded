// The search page's Pagefind, for Pagefind's own UI (situs.js points its bundlePath here):
// the calls the UI makes of pagefind.js, over the archive's bundles (sop_kit/site/search.py).
// Every bundle a query searches costs one index chunk per word, so bundles are merged into
// Pagefind only as queries need them: the SOP pages' bundle always, then case bundles one,
// two, four … at a time until a first screen of results is found or none is left. A case
// id searches its own bundle first (the same FNV-1a hash as search.py's bundle_of). Bundles
// once merged stay merged. After each search the page is told how much was searched
// (event "sopkit:cakupan"), so it can say so and offer the rest.
// A case page changed since its bundle was indexed is also indexed in the SOP pages' bundle;
// the older version's result, named in pagefind/diganti.json by the build, is left out.
const config = () => window.sopKitCari || {};

const FIRST_SCREEN = 10; // results a query looks for before it stops merging bundles

let pagefind = null; // Pagefind itself; its primary index is the SOP pages' bundle
let opts = {};
const paths = []; // bundle folders in the order the page listed them, the SOP pages' first
const merged = new Set();
let queue = Promise.resolve(); // one search at a time: merging is not safe to interleave
let superseded = null; // Promise of the set of result ids left out

export async function options(o) {
  opts = { ...opts, ...o };
  if (pagefind) await pagefind.options(o);
}

export async function mergeIndex(path) {
  if (!paths.includes(path)) paths.push(path);
}

export async function init() {
  if (!pagefind) {
    pagefind = await import(paths[0] + "pagefind.js");
    await pagefind.options({ ...opts, bundlePath: paths[0] });
    merged.add(paths[0]);
  }
  return pagefind;
}

// The filter panel before any search: the archive's own counts, written into the page by the
// build, so opening the page loads no bundle's filters.
export async function filters() {
  const counts = config().filters;
  return counts || (await init()).filters();
}

export function preload(term, o) {
  const run = queue.then(async () => (await init()).preload(term, o));
  queue = run.catch(() => undefined);
  return run;
}

export function search(term, o) {
  const run = queue.then(() => searchMore(term, o));
  queue = run.catch(() => undefined);
  return run;
}

export async function destroy() {
  if (pagefind) await pagefind.destroy();
  pagefind = null;
  merged.clear();
  superseded = null;
}

// Without the list (an older site) nothing is left out.
function supersededIds() {
  if (!superseded) {
    superseded = fetch(new URL("../diganti.json", new URL(paths[0], document.baseURI)))
      .then((r) => (r.ok ? r.json() : []))
      .then((ids) => new Set(Array.isArray(ids) ? ids : []))
      .catch(() => new Set());
  }
  return superseded;
}

// Pagefind's answer without the superseded results, nor their part in the filter counts (read
// from each one's fragment: a query matches few of them).
async function current(term, o) {
  const found = await pagefind.search(term, o);
  const drop = await supersededIds();
  const gone = (found && found.results ? found.results : []).filter((r) => drop.has(r.id));
  if (!gone.length) return found;
  const filters = structuredClone(found.filters || {});
  const totalFilters = structuredClone(found.totalFilters || {});
  for (const r of gone) {
    const page = await r.data();
    for (const [name, values] of Object.entries(page.filters || {})) {
      for (const value of values) {
        for (const counts of [filters, totalFilters]) {
          if (counts[name] && counts[name][value] > 0) counts[name][value] -= 1;
        }
      }
    }
  }
  return {
    ...found,
    results: found.results.filter((r) => !drop.has(r.id)),
    filters,
    totalFilters,
    unfilteredResultCount: Math.max(0, found.unfilteredResultCount - gone.length),
  };
}

function fnv1a(text) {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h;
}

// The bundle a case id is in, or null when the term is not a case id.
function caseBundle(term) {
  const id = (term || "").trim().replace(/^"(.*)"$/, "$1").trim().toLowerCase();
  const count = config().count || 0;
  if (!count || !config().caseId || !config().caseId.test(id)) return null;
  const name = "kasus-" + String(fnv1a(id) % count).padStart(2, "0") + "/";
  return paths.find((p) => p.endsWith("/" + name)) || null;
}

async function merge(wanted) {
  for (const path of wanted) {
    if (merged.has(path)) continue;
    await pagefind.mergeIndex(path);
    merged.add(path);
  }
}

async function searchMore(term, o) {
  await init();
  const own = config().all ? null : caseBundle(term);
  if (config().all) await merge(paths);
  else if (own) await merge([own]);
  else if (merged.size === 1) await merge(paths.slice(1, 2));
  let found = await current(term, o);
  let step = 1;
  // A case id found in its own bundle is found: no other bundle holds it.
  while (!(own && found.results.length) && found.results.length < FIRST_SCREEN && merged.size < paths.length) {
    await merge(paths.filter((p) => !merged.has(p)).slice(0, step));
    step *= 2;
    found = await current(term, o);
  }
  const cases = config().cases || {};
  const counted = (list) => list.reduce((n, p) => n + (cases[p] || 0), 0);
  const detail = {
    own: Boolean(own && found.results.length), // a case id found in its own bundle
    bundles: merged.size - 1,
    of: paths.length - 1,
    cases: counted([...merged]),
    total: counted(paths),
  };
  window.dispatchEvent(new CustomEvent("sopkit:cakupan", { detail: detail }));
  return found;
}
