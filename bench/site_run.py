"""Time `sop-kit build` (the audit site) against a plain `mkdocs build` of the same pages.

    python -m bench.site_run --cases 1000 --cases 10000

For each archive size it generates (or reuses) a synthetic archive under bench/out/site-<N>/
with bench/generate.py and, with an isolated $XDG_CACHE_HOME under that folder, measures:

  first        `sop-kit build --no-pdf --no-trail --full` on empty caches (real command)
  full         the same build again, through `build_site` in a subprocess (its stage timings)
  baseline     `mkdocs build` of the very pages and configuration sop-kit wrote (a subprocess)
               overhead = (full - its MkDocs stage) / baseline                target < 20%
  incremental  `sop-kit build --no-pdf --no-trail` after one case's step note changed
               incremental / full                                           target << 0.1
  search       bytes a headless Chromium downloads for a first query on /cari/   target <= ~1 MB
               (counted by the local server: Pagefind fetches its index from a web worker,
               which the page's own resource timings do not list)
  lunr         the size of Material's search_index.json for the same pages, for comparison

PDF rendering is left out (bench/pdf_run.py measures it). --code DIR runs sop-kit from DIR
(a `git archive` export of one commit), so that a build under way in the working tree
cannot change the code between two measurements. Every built site is verified
(a page per case, a Pagefind index of every page, the export lists every case, the changed
note is on its page); the runner refuses to record a timing whose verification fails.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import html
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import yaml

from bench.generate import generate
from bench.run import best_of

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
STAGES = ("check", "cases", "pages", "mkdocs", "assets", "search", "verify", "publish")

# build_site in a subprocess: its report (stage timings included) as JSON on stdout
LIBRARY_BUILD = """
import json, sys, time
from pathlib import Path
from sop_kit.check.audit import audit
from sop_kit.check.run import CheckOptions
from sop_kit.site.build import SiteOptions, build_site
start = time.perf_counter()
judged = audit(Path(sys.argv[1]), CheckOptions(trail=False))
checked = time.perf_counter() - start
r = build_site(judged, SiteOptions(out=Path(sys.argv[2]), pdf=False, incremental=sys.argv[3] == "1"))
r.timings["check"] = checked
changed = getattr(r, "pages_changed", getattr(r, "pages_rendered", None))
print(json.dumps({"cases": r.cases, "pages": r.pages, "changed": changed, "full": r.full, "timings": r.timings}))
"""
BUILT = re.compile(r"(\d+) cases, (\d+) pages \((\d+) [a-z ]+(; full build)?\)")


def archive(cases: int) -> Path:
    """The generated archive of ``cases`` cases (made once, then reused)."""
    base = HERE / "out" / f"site-{cases}"
    root = base / "records"
    marker = base / "generated.json"
    if not marker.is_file() or json.loads(marker.read_text()) != {"cases": cases, "seed": cases}:
        shutil.rmtree(base, ignore_errors=True)
        generate(root, cases, seed=cases)
        marker.write_text(json.dumps({"cases": cases, "seed": cases}))
    return root


def case_dirs(root: Path) -> list[Path]:
    return sorted(p for p in (root / "kasus").glob("*/*") if p.is_dir())


def run(cmd: list[str], env: dict[str, str], what: str) -> str:
    # not from the repository's folder, so that `python -c` imports sop_kit from PYTHONPATH (--code)
    proc = subprocess.run(cmd, env=env, cwd=HERE / "out", capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(
            f"{what} failed (exit {proc.returncode}): {' '.join(cmd)}\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}"
        )
    return proc.stdout


def cli_build(root: Path, out: Path, env: dict[str, str], full: bool, cases: int) -> tuple[int, bool]:
    """The real command; returns (pages changed, full) from its summary, which must name every case."""
    cmd = [str(BIN / "sop-kit"), "build", str(root), "--out", str(out), "--no-pdf", "--no-trail", "-q", "--lang", "en"]
    stdout = run([*cmd, "--full"] if full else cmd, env, "sop-kit build")
    m = BUILT.search(stdout)
    if m is None or int(m.group(1)) != cases:
        raise SystemExit(f"sop-kit build did not report {cases} cases:\n{stdout[-2000:]}")
    return int(m.group(3)), m.group(4) is not None


def library_build(root: Path, out: Path, env: dict[str, str], full: bool) -> tuple[float, dict[str, Any]]:
    """build_site in a fresh interpreter: wall seconds and its report."""
    start = time.perf_counter()
    stdout = run([sys.executable, "-c", LIBRARY_BUILD, str(root), str(out), "0" if full else "1"], env, "build_site")
    wall = time.perf_counter() - start
    report: dict[str, Any] = json.loads(stdout.strip().splitlines()[-1])
    return wall, report


def sop_kit_source(env: dict[str, str]) -> str:
    """Where the subprocesses import sop_kit from, and that folder's git commit if it has one."""
    where = run([sys.executable, "-c", "import sop_kit; print(sop_kit.__path__[0])"], env, "import sop_kit").strip()
    git = subprocess.run(["git", "-C", where, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", where, "status", "--porcelain", "--", "."], capture_output=True, text=True)
    if git.returncode != 0:
        return where
    return f"{where} (git {git.stdout.strip()}{', with uncommitted changes' if dirty.stdout.strip() else ''})"


def work_dir(xdg: Path) -> Path:
    """sop-kit's work folder for the one site built with this cache (sop_kit.site.build._work_dir)."""
    found = sorted((xdg / "sop-kit" / "situs").glob("*/mkdocs.yml"))
    if len(found) != 1:
        raise SystemExit(f"expected one work folder under {xdg}, found {len(found)}")
    return found[0].parent


def pagefind_pages(site: Path) -> int:
    """Pages in the search index: one Pagefind index, or the sum over its bundles (pagefind/*/)."""
    entries = sorted((site / "pagefind").glob("pagefind-entry.json")) or sorted(
        (site / "pagefind").glob("*/pagefind-entry.json")
    )
    if not entries:
        raise SystemExit(f"no pagefind-entry.json under {site / 'pagefind'}")
    total = 0
    for entry in entries:
        data = json.loads(entry.read_text("utf-8"))
        total += sum(int(lang["page_count"]) for lang in data["languages"].values())
    return total


def verify(site: Path, folders: list[Path], indexed: int | None, changed: tuple[Path, str] | None = None) -> int:
    """The site is complete and correct, or no timing is recorded. Returns Pagefind's page count."""
    problems = []
    pages = [site / "kasus" / f.parent.name / f.name / "index.html" for f in folders]
    missing = [p for p in pages if not p.is_file()]
    if missing:
        problems.append(f"{len(missing)} case page(s) missing, e.g. {missing[0]}")
    count = pagefind_pages(site)
    if count < len(folders) or (indexed is not None and count != indexed):
        problems.append(f"Pagefind indexes {count} pages (cases: {len(folders)}, full build: {indexed})")
    export = json.loads((site / "ekspor" / "kasus.json").read_text("utf-8"))
    ids = {row["id"] for row in export["kasus"]}
    if export["jumlah"] != len(folders) or ids != {f.name for f in folders}:
        problems.append(f"ekspor/kasus.json lists {export['jumlah']} cases, not the {len(folders)} case folders")
    if changed is not None:
        folder, note = changed
        page = site / "kasus" / folder.parent.name / folder.name / "index.html"
        if note not in html.unescape(page.read_text("utf-8")):  # sop-kit writes punctuation as entities
            problems.append(f"the changed note {note!r} is not on {page}")
    if problems:
        raise SystemExit(f"verification of {site} failed:\n  " + "\n  ".join(problems))
    return count


def edit_note(folder: Path, note: str) -> None:
    """Set the first step record's ``catatan`` to ``note`` (the generated records have none:
    the line goes after ``status:``), keeping the YAML valid."""
    step = sorted((folder / "langkah").glob("*.yaml"))[0]
    text = step.read_text("utf-8")
    new, n = re.subn(r"^catatan: .*$", f"catatan: {note}", text, count=1, flags=re.M)
    if n == 0:
        new, n = re.subn(r"^(status: .*)$", f"\\1\ncatatan: {note}", text, count=1, flags=re.M)
    if n != 1 or yaml.safe_load(new).get("catatan") != note:
        raise SystemExit(f"could not set the catatan of {step}")
    step.write_text(new, "utf-8")


def mkdocs_config_copy(work: Path, dest: Path, search: bool) -> Path:
    """The effective configuration sop-kit wrote, on a copy of its docs (optionally with
    Material's search plugin), so the baseline cannot disturb the work folder."""
    docs = dest / "docs"
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(work / "docs", docs)
    config = yaml.safe_load((work / "mkdocs.yml").read_text("utf-8"))
    config["docs_dir"] = str(docs)
    if search:
        config["plugins"] = ["search"]
        # the pages Pagefind leaves out (``search: exclude``) are left out of lunr's index too,
        # in the form Material's plugin reads
        for page in docs.rglob("*.md"):
            text = page.read_text("utf-8")
            new = re.sub(r'^search: "?exclude"?$', "search:\n  exclude: true", text, count=1, flags=re.M)
            if new != text:
                page.write_text(new, "utf-8")
    path = dest / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def mkdocs_build(config: Path, site: Path, env: dict[str, str], folders: list[Path]) -> None:
    shutil.rmtree(site, ignore_errors=True)
    run([str(BIN / "mkdocs"), "build", "-q", "-f", str(config), "-d", str(site)], env, "mkdocs build")
    missing = [f for f in folders if not (site / "kasus" / f.parent.name / f.name / "index.html").is_file()]
    if missing:
        raise SystemExit(f"mkdocs build {config} left out {len(missing)} case page(s), e.g. {missing[0]}")


class _CountingHandler(SimpleHTTPRequestHandler):
    """Serves the site quietly and notes every response body it sends: the browser's own
    timings do not see what Pagefind fetches from its web worker."""

    served: list[tuple[str, int]]

    def copyfile(self, source: Any, outputfile: Any) -> None:
        data = source.read()
        outputfile.write(data)
        self.served.append((self.path, len(data)))

    def log_message(self, format: str, *args: Any) -> None:
        pass


def search_download(site: Path, query: str, profile: Path) -> dict[str, Any]:
    """Open /cari/?q=QUERY in headless Chromium; bytes transferred until the results show."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    served: list[tuple[str, int]] = []
    handler = type("Handler", (_CountingHandler,), {"served": served})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    shutil.rmtree(profile, ignore_errors=True)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/cari/?q={quote(query)}"
        driver.get(url)
        WebDriverWait(driver, 60).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link"))
        # let the result fragments that are still loading finish: nothing more is requested
        seen, stable_since = -1, time.monotonic()
        while time.monotonic() - stable_since < 2.0:
            if len(served) != seen:
                seen, stable_since = len(served), time.monotonic()
            time.sleep(0.2)
        entries: list[dict[str, Any]] = driver.execute_script(
            "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
            ".map(e => ({name: e.name, transfer: e.transferSize, body: e.encodedBodySize}))"
        )
        results = len(driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link"))
    finally:
        driver.quit()
        server.shutdown()
        server.server_close()
        shutil.rmtree(profile, ignore_errors=True)
    if results == 0:
        raise SystemExit(f"the search for {query!r} showed no result")
    browser = sum(max(int(e["transfer"] or 0), int(e["body"] or 0)) for e in entries)
    # python's http.server sends text uncompressed; a web server would gzip it (Pagefind's own
    # index and fragment files are gzip already)
    gzipped = sum(min(n, _gzipped(site, path)) for path, n in served)
    return {
        "query": query,
        "results": results,
        "requests": len(served),
        "bytes": sum(n for _, n in served),
        "pagefind": sum(n for path, n in served if path.startswith("/pagefind/")),
        "gzipped": gzipped,
        "browser_timeline": browser,
        "served": served,
    }


def _gzipped(site: Path, url: str) -> int:
    path = unquote(urlsplit(url).path).lstrip("/")
    file = site / path / "index.html" if path.endswith("/") or not path else site / path
    if file.suffix not in (".html", ".js", ".css", ".json", ".svg"):
        return file.stat().st_size
    return len(gzip.compress(file.read_bytes(), 6))


def save(r: dict[str, Any], base: Path) -> None:
    """What has been measured so far (a later step may still fail)."""
    (base / "result.json").write_text(json.dumps(r, indent=1))
    print(f"{r['cases']} cases: {sorted(r)}", file=sys.stderr, flush=True)


def measure(cases: int, repeat: int, code: dict[str, str]) -> dict[str, Any]:
    root = archive(cases)
    base = root.parent
    folders = case_dirs(root)
    if len(folders) != cases:
        raise SystemExit(f"{root} has {len(folders)} case folders, not {cases}")
    out = base / "site"
    xdg = base / "xdg"
    for old in (out, xdg):
        shutil.rmtree(old, ignore_errors=True)
    env = {**os.environ, **code, "XDG_CACHE_HOME": str(xdg), "NO_MKDOCS_2_WARNING": "1"}
    r: dict[str, Any] = {"cases": cases, "sop_kit": sop_kit_source(env)}

    # 1. the first build, on empty caches (cold check, every photo published)
    start = time.perf_counter()
    rendered, full = cli_build(root, out, env, full=True, cases=cases)
    r["first"] = time.perf_counter() - start
    indexed = verify(out, folders, None)
    r["indexed"] = indexed
    save(r, base)

    # 2. full builds, warm caches: wall time and stage timings of the fastest
    fulls: list[tuple[float, dict[str, Any]]] = []
    for _ in range(repeat):
        wall, report = library_build(root, out, env, full=True)
        if not report["full"] or report["cases"] != cases:
            raise SystemExit(f"build_site(incremental=False) did not build all {cases} cases: {report}")
        verify(out, folders, indexed)
        fulls.append((wall, report))
    r["full"], best = min(fulls, key=lambda f: f[0])
    r["stages"], r["pages"] = best["timings"], best["pages"]
    save(r, base)

    # 3. the baseline: plain mkdocs on the same pages and configuration
    work = work_dir(xdg)
    bench = base / "baseline"
    config = mkdocs_config_copy(work, bench / "plain", search=False)
    r["baseline"] = best_of(repeat, lambda: mkdocs_build(config, bench / "site", env, folders))
    r["overhead"] = (r["full"] - r["stages"]["mkdocs"]) / r["baseline"]
    save(r, base)

    # 4. Material's lunr index of the same pages, for comparison
    lunr = mkdocs_config_copy(work, bench / "lunr", search=True)
    start = time.perf_counter()
    mkdocs_build(lunr, bench / "site-lunr", env, folders)
    r["lunr_build"] = time.perf_counter() - start
    r["lunr_bytes"] = (bench / "site-lunr" / "search" / "search_index.json").stat().st_size
    shutil.rmtree(bench, ignore_errors=True)
    save(r, base)

    # 5. incremental rebuilds after one case's step note changed
    folder = folders[len(folders) // 2]
    step = sorted((folder / "langkah").glob("*.yaml"))[0]
    original = step.read_bytes()
    incrementals: list[float] = []
    try:
        for k in range(repeat):
            note = f"Catatan diubah oleh benchmark (ubahan ke-{k + 1})."
            edit_note(folder, note)
            start = time.perf_counter()
            rendered, full = cli_build(root, out, env, full=False, cases=cases)
            incrementals.append(time.perf_counter() - start)
            if full:
                raise SystemExit("the rebuild after one changed case was a full build")
            verify(out, folders, indexed, (folder, note))
            r["incremental_rendered"] = rendered
        # once more through the library, for its stage timings
        note = "Catatan diubah oleh benchmark (ubahan untuk waktu tiap tahap)."
        edit_note(folder, note)
        wall, report = library_build(root, out, env, full=False)
        if report["full"]:
            raise SystemExit("build_site after one changed case made a full build")
        verify(out, folders, indexed, (folder, note))
        r["incremental_stages"], r["incremental_library"] = report["timings"], wall
    finally:
        step.write_bytes(original)
    r["incremental"] = min(incrementals)
    r["incremental_ratio"] = r["incremental"] / r["full"]
    save(r, base)

    # 6. what a browser downloads for a first query: the most common desa of the archive
    export = json.loads((out / "ekspor" / "kasus.json").read_text("utf-8"))
    desa, _ = Counter(row["desa"] for row in export["kasus"]).most_common(1)[0]
    r["search"] = search_download(out, desa, base / "chromium-profile")
    r["site_bytes"] = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    r["pagefind_bytes"] = sum(p.stat().st_size for p in (out / "pagefind").rglob("*") if p.is_file())
    save(r, base)
    return r


def table(rows: list[dict[str, Any]]) -> str:
    out = [
        "| cases | pages | first build s | full build s | its MkDocs stage s | plain mkdocs s | overhead "
        "| incremental s (pages changed) | incremental / full | first query KB (of it Pagefind) "
        "| first query KB if gzipped | lunr index KB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        s = r["search"]
        out.append(
            f"| {r['cases']} | {r['pages']} | {r['first']:.1f} | {r['full']:.1f} | {r['stages']['mkdocs']:.1f} "
            f"| {r['baseline']:.1f} | **{r['overhead']:.0%}** | {r['incremental']:.1f} ({r['incremental_rendered']}) "
            f"| **{r['incremental_ratio']:.2f}** | **{s['bytes'] / 1024:.0f}** ({s['pagefind'] / 1024:.0f}) "
            f"| {s['gzipped'] / 1024:.0f} "
            f"| {r['lunr_bytes'] / 1024:.0f} |"
        )
    out += ["", "| cases | build | " + " | ".join(STAGES) + " | total |", "|---:|---|" + "---:|" * (len(STAGES) + 1)]
    for r in rows:
        for name, stages, wall in (
            ("full", r["stages"], r["full"]),
            ("incremental", r["incremental_stages"], r["incremental_library"]),
        ):
            cells = " | ".join(f"{stages.get(k, 0.0):.2f}" for k in STAGES)
            out.append(f"| {r['cases']} | {name} | {cells} | {wall:.2f} |")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, action="append", help="archive size (repeatable); default 1000")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement; the best is kept")
    parser.add_argument("--saved", action="store_true", help="print the figures of earlier runs (result.json)")
    parser.add_argument(
        "--code",
        type=Path,
        help="run sop-kit from this folder (e.g. `git archive HEAD | tar -x -C DIR`) rather than the working tree",
    )
    args = parser.parse_args()
    code = {"PYTHONPATH": str(args.code.resolve())} if args.code else {}
    rows = []
    for n in args.cases or [1000]:
        if args.saved:
            rows.append(json.loads((HERE / "out" / f"site-{n}" / "result.json").read_text()))
            continue
        rows.append(measure(n, args.repeat, code))
        print(f"{n} cases measured", file=sys.stderr)
    mkdocs = run([str(BIN / "mkdocs"), "--version"], dict(os.environ), "mkdocs --version").split(" from ")[0]
    chromium = run([CHROMIUM, "--version"], dict(os.environ), "chromium --version").strip()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {mkdocs}, {chromium}")
    print(f"sop-kit: {rows[0].get('sop_kit')}")
    print(table(rows))


if __name__ == "__main__":
    main()
