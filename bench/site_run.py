"""Time `sop-kit build` (the audit site) against a plain `mkdocs build` of the same pages.

    python -m bench.site_run --cases 1000 [--pairs 3] [--photos-per-case 1-3 --scan-pages 1-4 --scale 1] [--no-plain]

On the archive bench/generate.py makes (or reuses) for that size (bench/out/arsip-<N>…/),
with an isolated $XDG_CACHE_HOME and output under bench/out/situs-<N>…/, it measures:

  first        `sop-kit build --no-pdf --no-trail --full` on empty caches (real command): every
               photo prepared, every case read and rendered; one run, with its stage timings
  full         the same build again, through `build_site` in a subprocess (its stage timings),
               paired with
  baseline     `mkdocs build` of the very pages and configuration sop-kit wrote (a subprocess)
               overhead = (full - its MkDocs stage) / baseline, pair by pair  target <= 15%
               peak memory full / baseline, pair by pair                      target <= 1.2
  incremental  `sop-kit build --no-pdf --no-trail` after one case's step note changed, paired
               with a full build: incremental / full                          target <= 0.05
  again        the same, but the build before it was also a rebuild after one change (unrecorded),
               as when a clerk saves note after note: then it starts from the folders that
               rebuild changed, not from a comparison of the whole site; again / full
  watched      the same change while `sop-kit build --watch --no-pdf --no-trail` runs (one
               process, started once): from the note saved to the rebuilt site announced on
               its output, paired with a full build: watched / full               target <= 0.05
               (and the watching process's memory after its first build and after the last)
  search       bytes a headless Chromium downloads for a first query on /cari/   target <= 1 MB
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
import queue
import re
import shutil
import signal
import statistics
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

from bench.generate import Media, _range, ensure
from bench.paired import Run, Spread, installed, pairs, run, sop_kit_folder

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


def memory_mib(pid: int | str = "self") -> tuple[float, float]:
    """A process's resident memory now and at its peak (VmRSS, VmHWM), MiB."""
    lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    status = dict(line.split(":", 1) for line in lines if ":" in line)
    return int(status["VmRSS"].split()[0]) / 1024, int(status["VmHWM"].split()[0]) / 1024


def case_dirs(root: Path) -> list[Path]:
    return sorted(p for p in (root / "kasus").glob("*/*") if p.is_dir())


def call(cmd: list[str], env: dict[str, str], what: str) -> str:
    # not from the repository's folder, so that `python -c` imports sop_kit from PYTHONPATH (--code)
    proc = subprocess.run(cmd, env=env, cwd=HERE / "out", capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(
            f"{what} failed (exit {proc.returncode}): {' '.join(cmd)}\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}"
        )
    return proc.stdout


def cli_build(root: Path, out: Path, env: dict[str, str], full: bool, cases: int) -> tuple[Run, int, bool]:
    """The real command (timed); with (pages changed, full) from its summary, which must name every case."""
    cmd = [str(BIN / "sop-kit"), "build", str(root), "--out", str(out), "--no-pdf", "--no-trail", "-q", "--lang", "en"]
    done = run([*cmd, "--full"] if full else cmd, env, HERE / "out")
    m = BUILT.search(done.output)
    if m is None or int(m.group(1)) != cases:
        raise SystemExit(f"sop-kit build did not report {cases} cases:\n{done.output[-2000:]}")
    return done, int(m.group(3)), m.group(4) is not None


def library_build(root: Path, out: Path, env: dict[str, str], full: bool) -> tuple[Run, dict[str, Any]]:
    """build_site in a fresh interpreter (a whole process, timed) and its report."""
    done = run([sys.executable, "-c", LIBRARY_BUILD, str(root), str(out), "0" if full else "1"], env, HERE / "out")
    report: dict[str, Any] = json.loads(done.output.strip().splitlines()[-1])
    return done, report


class Watching:
    """`sop-kit build --watch` running beside the benchmark, its output read line by line."""

    def __init__(self, root: Path, out: Path, env: dict[str, str]) -> None:
        cmd = [str(BIN / "sop-kit"), "build", str(root), "--out", str(out), "--no-pdf", "--no-trail", "-q"]
        self.proc = subprocess.Popen(
            [*cmd, "--lang", "en", "--watch"],
            env=env,
            cwd=HERE / "out",
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.until("watching ")  # the first build done, the archive watched

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def until(self, start: str) -> list[str]:
        """The lines up to one starting with ``start``; the build's failure ends the benchmark."""
        seen: list[str] = []
        while True:
            line = self.lines.get(timeout=3600)
            if line is None:
                raise SystemExit("sop-kit build --watch ended:\n" + "".join(seen[-30:]))
            seen.append(line)
            if "the site was not updated" in line:
                raise SystemExit("a watched build failed:\n" + "".join(seen[-30:]))
            if line.startswith(start):
                return seen

    def cpu(self) -> float:
        """CPU seconds the process has used so far (user + system, from /proc)."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def memory_mib(self) -> tuple[float, float]:
        """Its resident memory now and at its peak (VmRSS, VmHWM), MiB."""
        return memory_mib(self.proc.pid)

    def change(self, folder: Path, note: str) -> tuple[Run, float]:
        """The note saved in ``folder``'s first step, timed to the rebuilt site announced (the
        watch's own CPU), and the build's own seconds as it says them; refused unless the build
        named that one case and changed one page."""
        cpu = self.cpu()
        start = time.monotonic()
        edit_note(folder, note)
        said = self.until("(in ")
        wall = time.monotonic() - start
        if not any(f"changed: {folder}" in line for line in said) or "(1 changed)" not in "".join(said):
            raise SystemExit("the watched build did not name the one changed case and page:\n" + "".join(said))
        return Run(wall, self.cpu() - cpu, self.memory_mib()[0], "".join(said)), float(said[-1].split()[1])

    def close(self) -> None:
        self.proc.send_signal(signal.SIGINT)
        self.proc.wait(timeout=600)


def sop_kit_source(env: dict[str, str]) -> str:
    """Where the subprocesses import sop_kit from, and that folder's git commit if it has one."""
    where = sop_kit_folder(env)
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
    """Pages in the search index: one Pagefind index, or the sum over its bundles (pagefind/*/)
    less the older versions the search page leaves out (pagefind/diganti.json: a changed case
    page is indexed with the SOP pages while its own bundle still holds the older one)."""
    entries = sorted((site / "pagefind").glob("pagefind-entry.json")) or sorted(
        (site / "pagefind").glob("*/pagefind-entry.json")
    )
    if not entries:
        raise SystemExit(f"no pagefind-entry.json under {site / 'pagefind'}")
    total = 0
    for entry in entries:
        data = json.loads(entry.read_text("utf-8"))
        total += sum(int(lang["page_count"]) for lang in data["languages"].values())
    superseded = site / "pagefind" / "diganti.json"
    if superseded.is_file():
        total -= len(json.loads(superseded.read_text("utf-8")))
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
    """Set the first step record's ``catatan`` to ``note`` (a note the record has, plain or a
    block of several lines, is replaced; without one the line goes after ``status:``),
    keeping the YAML valid."""
    step = sorted((folder / "langkah").glob("*.yaml"))[0]
    text = step.read_text("utf-8")
    new, n = re.subn(r"^catatan:.*(?:\n[ \t]+.*)*$", f"catatan: {note}", text, count=1, flags=re.M)
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


def mkdocs_build(config: Path, site: Path, env: dict[str, str], folders: list[Path]) -> Run:
    shutil.rmtree(site, ignore_errors=True)
    done = run([str(BIN / "mkdocs"), "build", "-q", "-f", str(config), "-d", str(site)], env, HERE / "out")
    missing = [f for f in folders if not (site / "kasus" / f.parent.name / f.name / "index.html").is_file()]
    if missing:
        raise SystemExit(f"mkdocs build {config} left out {len(missing)} case page(s), e.g. {missing[0]}")
    return done


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


def search_download(site: Path, query: str, profile: Path, extra: str = "") -> dict[str, Any]:
    """Open /cari/?q=QUERY (then ``extra``, e.g. "&semua=1") in headless Chromium; bytes
    transferred until the results show."""
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
        url = f"http://127.0.0.1:{server.server_address[1]}/cari/?q={quote(query)}{extra}"
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
    (base / "result.json").write_text(json.dumps(r, indent=1, default=_plain))
    print(f"{r['cases']} cases: {sorted(r)}", file=sys.stderr, flush=True)


def _plain(value: object) -> object:
    return value.__dict__ if isinstance(value, Run) else str(value)


def measure(cases: int, media: Media, count: int, code: dict[str, str], plain: bool = True) -> dict[str, Any]:
    root, manifest = ensure(cases, media)
    base = HERE / "out" / root.parent.name.replace("arsip-", "situs-")
    base.mkdir(parents=True, exist_ok=True)
    folders = case_dirs(root)
    if len(folders) != cases:
        raise SystemExit(f"{root} has {len(folders)} case folders, not {cases}")
    out = base / "site"
    xdg = base / "xdg"
    for old in (out, xdg):
        shutil.rmtree(old, ignore_errors=True)
    env = installed({**os.environ, **code, "XDG_CACHE_HOME": str(xdg), "NO_MKDOCS_2_WARNING": "1"})
    r: dict[str, Any] = {"cases": cases, "sop_kit": sop_kit_source(env), "manifest": manifest}

    # 1. the first build, on empty caches (cold check, every photo prepared)
    first, _, _ = cli_build(root, out, env, full=True, cases=cases)
    r["first"] = first
    r["indexed"] = indexed = verify(out, folders, None)
    save(r, base)

    # 2. full builds with warm caches, paired with plain mkdocs on the same pages and configuration
    work = work_dir(xdg)
    plain_dir = base / "baseline"
    config = mkdocs_config_copy(work, plain_dir / "plain", search=False)
    stages: list[dict[str, float]] = []

    def full() -> Run:
        done, report = library_build(root, out, env, full=True)
        if not report["full"] or report["cases"] != cases:
            raise SystemExit(f"build_site(incremental=False) did not build all {cases} cases: {report}")
        verify(out, folders, indexed)
        stages.append(report["timings"])
        r["pages"] = report["pages"]
        return done

    if plain:
        measured = pairs(full, lambda: mkdocs_build(config, plain_dir / "site", env, folders), count)
        stages = stages[1:]  # not the warm-up's
        r["full_vs_plain"] = measured
        r["full_stages"] = stages
        r["overhead"] = Spread.of(
            [(a.wall - st["mkdocs"]) / b.wall for (a, b), st in zip(measured, stages, strict=True)]
        )
        save(r, base)

        # 3. Material's lunr index of the same pages, for comparison
        lunr = mkdocs_config_copy(work, plain_dir / "lunr", search=True)
        mkdocs_build(lunr, plain_dir / "site-lunr", env, folders)
        r["lunr_bytes"] = (plain_dir / "site-lunr" / "search" / "search_index.json").stat().st_size
        shutil.rmtree(plain_dir, ignore_errors=True)
        save(r, base)

    # 4. one case changed: the rebuild, paired with a full build
    folder = folders[len(folders) // 2]
    step = sorted((folder / "langkah").glob("*.yaml"))[0]
    original = step.read_bytes()
    edits = iter(range(1, 1000))
    incremental_stages: list[dict[str, float]] = []

    def incremental() -> Run:
        note = f"Catatan diubah oleh benchmark (ubahan ke-{next(edits)})."
        edit_note(folder, note)
        done, report = library_build(root, out, env, full=False)
        if report["full"]:
            raise SystemExit("the rebuild after one changed case was a full build")
        verify(out, folders, indexed, (folder, note))
        incremental_stages.append(report["timings"])
        r["incremental_rendered"] = report["changed"]
        return done

    def again() -> Run:
        incremental()  # unrecorded: the rebuild before it
        incremental_stages.pop()
        run = incremental()
        again_stages.append(incremental_stages.pop())
        return run

    again_stages: list[dict[str, float]] = []
    try:
        r["incremental_vs_full"] = pairs(incremental, full, count)
        r["again_vs_full"] = pairs(again, full, count, warmup=False)
        note = "Catatan diubah oleh benchmark (perintah sop-kit build)."
        edit_note(folder, note)
        done, _, was_full = cli_build(root, out, env, full=False, cases=cases)  # the real command, once
        if was_full:
            raise SystemExit("sop-kit build after one changed case made a full build")
        verify(out, folders, indexed, (folder, note))
        r["incremental_cli"] = done
    finally:
        step.write_bytes(original)
    # 4b. the same change while `sop-kit build --watch` runs, paired with a full build
    watching = Watching(root, out, env)
    r["watch_memory_first"] = watching.memory_mib()
    build_seconds: list[float] = []

    def watched() -> Run:
        note = f"Catatan diubah oleh benchmark (diawasi, ubahan ke-{next(edits)})."
        done, seconds = watching.change(folder, note)
        build_seconds.append(seconds)
        verify(out, folders, indexed, (folder, note))
        return done

    try:
        r["watched_vs_full"] = pairs(watched, full, count)
        r["watched_build_seconds"] = build_seconds[1:]
        r["watch_memory_last"] = watching.memory_mib()
    finally:
        watching.close()
        step.write_bytes(original)
    r["incremental_stages"] = incremental_stages[1:]
    r["again_stages"] = again_stages
    r.setdefault("full_stages", stages[1:])
    save(r, base)

    # 5. what a browser downloads for a first query: the most common desa of the archive
    cli_build(root, out, env, full=False, cases=cases)  # the note as generated again
    export = json.loads((out / "ekspor" / "kasus.json").read_text("utf-8"))
    desa, _ = Counter(row["desa"] for row in export["kasus"]).most_common(1)[0]
    r["search"] = search_download(out, desa, base / "chromium-profile")
    r["site_bytes"] = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    r["pagefind_bytes"] = sum(p.stat().st_size for p in (out / "pagefind").rglob("*") if p.is_file())
    save(r, base)
    return r


def _median_stages(stages: list[dict[str, float]]) -> dict[str, float]:
    return {k: statistics.median(st.get(k, 0.0) for st in stages) for k in STAGES}


def table(rows: list[dict[str, Any]]) -> str:
    out = [
        "| cases | pages | first build s | full build s | plain mkdocs s | overhead | peak full / plain "
        "| one case changed s | changed / full | the same after a rebuild s | again / full "
        "| first query KB (of it Pagefind) | if gzipped | lunr index KB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        s = r["search"]
        inc = r["incremental_vs_full"]
        full_s = Spread.of([b.wall for _, b in inc])
        changed = Spread.of([a.wall for a, _ in inc])
        ratio = Spread.of([a.wall / b.wall for a, b in inc])
        again = r.get("again_vs_full", [])
        again_s = Spread.of([a.wall for a, _ in again]).seconds(1) if again else "not measured"
        again_ratio = Spread.of([a.wall / b.wall for a, b in again]).ratio() if again else "not measured"
        plain_s = overhead = peak = lunr = "not measured (--no-plain)"
        if "full_vs_plain" in r:
            fp = r["full_vs_plain"]
            full_s = Spread.of([a.wall for a, _ in fp])
            plain_s = Spread.of([b.wall for _, b in fp]).seconds(1)
            overhead = r["overhead"].ratio()
            peak = Spread.of([a.peak_mib / b.peak_mib for a, b in fp]).ratio()
            lunr = f"{r['lunr_bytes'] / 1024:.0f}"
        out.append(
            f"| {r['cases']} | {r['pages']} | {r['first'].wall:.1f} | {full_s.seconds(1)} | {plain_s} "
            f"| {overhead} | {peak} | {changed.seconds(1)} | {ratio.ratio()} | {again_s} | {again_ratio} "
            f"| **{s['bytes'] / 1024:.0f}** ({s['pagefind'] / 1024:.0f}) | {s['gzipped'] / 1024:.0f} "
            f"| {lunr} |"
        )
    watched = [r for r in rows if r.get("watched_vs_full")]
    if watched:
        out += [
            "",
            "| cases | `build --watch`: note saved → site announced s | its build alone s | full build s "
            "| watched / full | watcher RSS after its first build MiB | after the last MiB (peak) |",
            "|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for r in watched:
            w = r["watched_vs_full"]
            own = Spread.of(r["watched_build_seconds"]).seconds(2) if r.get("watched_build_seconds") else "—"
            rss, _ = r["watch_memory_first"]
            last, peak = r["watch_memory_last"]
            watched_ratio = Spread.of([a.wall / b.wall for a, b in w]).ratio(3)
            out.append(
                f"| {r['cases']} | {Spread.of([a.wall for a, _ in w]).seconds(2)} | {own} "
                f"| {Spread.of([b.wall for _, b in w]).seconds(1)} | {watched_ratio} "
                f"| {rss:.0f} | {last:.0f} ({peak:.0f}) |"
            )
    out += ["", "| cases | build | " + " | ".join(STAGES) + " | total |", "|---:|---|" + "---:|" * (len(STAGES) + 1)]
    for r in rows:
        for name, stages in (
            ("full (median)", r["full_stages"]),
            ("one case changed (median)", r["incremental_stages"]),
            ("the same after a rebuild (median)", r.get("again_stages", [])),
        ):
            if not stages:
                continue
            cells = " | ".join(f"{v:.2f}" for v in _median_stages(stages).values())
            total = statistics.median(sum(st.values()) for st in stages)
            out.append(f"| {r['cases']} | {name} | {cells} | {total:.2f} |")
    return "\n".join(out)


def sized_parser(doc: str | None) -> argparse.ArgumentParser:
    """The options of a runner over generated archives: their sizes, the media, the pairs, the code."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, action="append", help="archive size (repeatable); default 1000")
    parser.add_argument("--pairs", type=int, default=3, help="pairs per paired measure (after one warm-up pair)")
    parser.add_argument("--photos-per-case", type=_range, default=(1, 3))
    parser.add_argument("--scan-pages", type=_range, default=(1, 4))
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument(
        "--code",
        type=Path,
        help="run sop-kit from this folder (e.g. `git archive HEAD | tar -x -C DIR`) rather than the working tree",
    )
    return parser


def main() -> None:
    parser = sized_parser(__doc__)
    parser.add_argument(
        "--no-plain", action="store_true", help="leave out the full build vs plain mkdocs pairs and the lunr index"
    )
    args = parser.parse_args()
    media = Media(args.photos_per_case, args.scan_pages, args.scale)
    code = {"PYTHONPATH": str(args.code.resolve())} if args.code else {}
    rows = [measure(n, media, args.pairs, code, not args.no_plain) for n in args.cases or [1000]]
    mkdocs = call([str(BIN / "mkdocs"), "--version"], dict(os.environ), "mkdocs --version").split(" from ")[0]
    chromium = call([CHROMIUM, "--version"], dict(os.environ), "chromium --version").strip()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {mkdocs}, {chromium}")
    print(f"sop-kit: {rows[0].get('sop_kit')}")
    print(table(rows))


if __name__ == "__main__":
    main()
