"""The search index: Pagefind, split into bundles that the search page merges.

Pagefind indexes a whole folder in one run, so an index of every case page would cost a
full re-index after each change (about 2.7 s per 1,000 pages here). Case pages are instead
spread over up to 16 bundles by a hash of their id, and only the bundles holding a changed,
new or removed case are indexed again; the SOP pages have a bundle of their own.

In the browser every bundle a query searches costs one index chunk (about 18 KB) per word,
so a query over all 16 would pass 1 MB at 10,000 cases (bench/README.md). The search page
(theme/assets/sop-kit/cari/pagefind.js) therefore merges bundles into Pagefind only as a
query needs them: until it has a first screen of results, a case id its own bundle first
(the same hash, :func:`bundle_of`, written again in JavaScript), and all of them on request.

An incremental build indexes a changed case page again without its own bundle (625 pages
at 10,000 cases, 1.5 s): up to :data:`OVERLAY_MOST` changed pages are indexed with the SOP
pages, whose bundle every query searches, and the older version each one's own bundle still
holds is named in :data:`SUPERSEDED` for the search page to leave out. A full build, or more
changed pages than that, indexes their own bundles again and empties the list.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..core.errors import SopKitError
from ..core.feedback import SILENT, Reporter
from .media import link
from .publish import replace_file

ROOT = "pagefind"
MAIN = "utama"  # SOP pages
PER_BUNDLE = 125  # cases a bundle may hold before the archive gets more bundles
MOST_BUNDLES = 16
OVERLAY_MOST = 64  # changed case pages indexed with the SOP pages before their own bundles are again
SUPERSEDED = "diganti.json"  # in the search folder: Pagefind ids of results the search page leaves out
EXCLUDED = ".headerlink"  # the headings' "¶" permalinks: no title or excerpt of a result ends in one


def bundle_count(cases: int) -> int:
    """A power of two, so that growth re-shards rarely: 1 up to 125 cases, … 16 from 1,001."""
    count = 1
    while count * PER_BUNDLE < cases and count < MOST_BUNDLES:
        count *= 2
    return count


def bundle_of(case_id: str, count: int) -> str:
    """FNV-1a (32 bit) of the id's UTF-8 bytes: cheap to write again in the search page,
    which needs no secure context for it (a SHA-256 in the browser does)."""
    h = 0x811C9DC5
    for byte in case_id.encode():
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return f"kasus-{h % count:02d}"


def bundles(case_ids: Iterable[str], count: int) -> dict[str, list[str]]:
    """Bundle name -> the case ids in it (empty bundles are left out), plus the main one."""
    out: dict[str, list[str]] = {MAIN: []}
    for case_id in sorted(case_ids):
        out.setdefault(bundle_of(case_id, count), []).append(case_id)
    return out


def bundle_digests(site: Path, layout: dict[str, list[str]], known: dict[str, list[str]]) -> dict[str, str]:
    """A digest per bundle of the pages it indexes (and of Pagefind's version): equal
    digests, equal index. ``known`` maps a page to its file identity (size, time, inode) and
    content digest; a page whose identity is unchanged (a hard link kept from the last build)
    is not read again. It is updated in place."""
    from importlib.metadata import version

    pages = _case_pages(site)
    seen: dict[str, list[str]] = {}
    out = {}
    base = str(site)  # strings, not Paths: 10,000 pages at 10,000 cases
    for name, case_ids in layout.items():
        digest = hashlib.sha256(version("pagefind").encode())
        if name == MAIN:
            files = [f"sop/{page}/index.html" for (page,) in sorted(_folders(site, "sop", 1))]
        else:
            files = [pages[c] for c in case_ids if c in pages]
        for rel in files:
            try:
                st = os.stat(f"{base}/{rel}")
            except FileNotFoundError:
                continue  # a folder without a page
            identity = _identity(st)
            entry = known.get(rel)
            if entry is None or entry[0] != identity:
                entry = [identity, hashlib.sha256(Path(base, rel).read_bytes()).hexdigest()]
            seen[rel] = entry
            digest.update(f"{rel}\0{entry[1]}\0".encode())
        out[name] = digest.hexdigest()
    known.clear()
    known.update(seen)
    return out


def _case_pages(site: Path) -> dict[str, str]:
    """Case id -> its page, relative to ``site``, for every case folder there."""
    return {case: f"kasus/{year}/{case}/index.html" for year, case in _folders(site, "kasus", 2)}


def _identity(st: os.stat_result) -> str:
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"


def relink_identities(site: Path, known: dict[str, list[str]]) -> None:
    """Bring the file identities of :func:`bundle_digests`' ``known`` up to date after pages
    were replaced by links to files of the same bytes (a full build's sharing): their digests
    hold, and the next build need not read them again."""
    base = str(site)
    for rel, entry in known.items():
        try:
            entry[0] = _identity(os.stat(f"{base}/{rel}"))
        except FileNotFoundError:
            continue


def _folders(site: Path, top: str, depth: int) -> Iterator[tuple[str, ...]]:
    """The names along each path of folders ``depth`` levels under ``site/top`` (as the glob
    ``top/*/*`` would find them, with os.scandir: pathlib's glob took 0.3 s at 10,000 cases)."""
    level: list[tuple[tuple[str, ...], str]] = [((), os.path.join(site, top))]
    for _ in range(depth):
        deeper: list[tuple[tuple[str, ...], str]] = []
        for names, here in level:
            try:
                with os.scandir(here) as entries:
                    deeper += [((*names, e.name), e.path) for e in entries if e.is_dir()]
            except OSError:
                continue
        level = deeper
    for names, _ in level:
        yield names


def overlay_plan(
    now: dict[str, str], last: dict[str, str], kept: dict[str, Any] | None
) -> dict[str, dict[str, str | None]] | None:
    """The case pages to index with the SOP pages, each with the digest of the version its own
    bundle holds (None: its bundle never indexed it) and that version's Pagefind id once known;
    None when their own bundles must be indexed again instead (no overlay kept, or too many).

    ``now`` and ``last`` map each page to its content digest in this build and the last; a
    page outside the overlay is, in its own bundle, as the last build left it. ``kept`` is the
    last build's plan."""
    if kept is None:
        return None
    plan: dict[str, dict[str, str | None]] = {}
    for rel, entry in kept.items():
        home, known = (entry.get("home"), entry.get("id")) if isinstance(entry, dict) else (0, 0)
        if not (_case_page(rel) and isinstance(home, str | None) and isinstance(known, str | None)):
            return None  # not what a build wrote (a damaged cache): the own bundles, to be sure
        plan[rel] = {"home": home, "id": known}
    for rel in now.keys() | last.keys():
        if _case_page(rel) and rel not in plan and now.get(rel) != last.get(rel):
            plan[rel] = {"home": last.get(rel), "id": None}
    # Back to the version its own bundle holds (or gone, never indexed): nothing to overlay.
    plan = {rel: entry for rel, entry in plan.items() if now.get(rel) != entry["home"]}
    return plan if len(plan) <= OVERLAY_MOST else None


def _case_page(rel: object) -> bool:
    """``kasus/<year>/<case>/index.html``."""
    return isinstance(rel, str) and rel.startswith("kasus/") and rel.count("/") == 3 and rel.endswith("/index.html")


def overlay_digest(main: str, plan: dict[str, dict[str, str | None]], now: dict[str, str]) -> str:
    """The SOP pages' bundle's digest with the overlaid pages it also indexes."""
    digest = hashlib.sha256(main.encode())
    for rel in sorted(plan):
        if rel in now:
            digest.update(f"{rel}\0{now[rel]}\0".encode())
    return digest.hexdigest()


def supersede(
    site: Path, layout: dict[str, list[str]], plan: dict[str, dict[str, str | None]], published: Path
) -> list[str]:
    """Fill in the Pagefind id of each overlaid page's older version, read from its own
    bundle's fragments in ``site`` (once: the bundle is not indexed again while the page is
    overlaid), and write the list the search page leaves out of its results (the published
    site's file, linked over, when it is the same)."""
    wanted = {f"/{rel.removesuffix('index.html')}": rel for rel, e in plan.items() if e["home"] and not e["id"]}
    homes = {name for name, ids in layout.items() for rel in wanted.values() if rel.split("/")[2] in ids}
    for name in homes:
        for fragment in (site / ROOT / name / "fragment").glob("*.pf_fragment"):
            data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
            rel = wanted.get(json.loads(data).get("url", ""))
            if rel is not None:
                plan[rel]["id"] = fragment.name.removesuffix(".pf_fragment")
    ids = sorted(e["id"] for e in plan.values() if e["id"])
    data, target, previous = json.dumps(ids).encode(), site / ROOT / SUPERSEDED, published / ROOT / SUPERSEDED
    if not (target.is_file() and target.read_bytes() == data):
        target.unlink(missing_ok=True)
        if previous.is_file() and previous.read_bytes() == data:
            link(previous, target)
        else:
            replace_file(target, data)
    return ids


def index(
    site: Path,
    layout: dict[str, list[str]],
    stale: set[str],
    jobs: int = 2,
    reporter: Reporter | None = None,
    overlaid: Collection[str] = (),
) -> None:
    """Index again the bundles named in ``stale`` (all of them when a bundle's folder is
    missing) and remove bundle folders no longer in ``layout``; several at once. The SOP
    pages' bundle also indexes the case pages ``overlaid`` (their ids)."""
    reporter = reporter or SILENT
    root = site / ROOT
    root.mkdir(exist_ok=True)
    for old in root.iterdir():
        if old.name not in layout and old.name != SUPERSEDED:
            shutil.rmtree(old) if old.is_dir() else old.unlink()
    todo = [name for name in layout if name in stale or not (root / name / "pagefind-entry.json").is_file()]
    pages = _case_pages(site)
    running: list[tuple[str, subprocess.Popen[str]]] = []
    try:
        with reporter.task("search", len(todo)):
            for name in todo:
                shutil.rmtree(root / name, ignore_errors=True)  # a new folder: never into the published files
                sop = [f"sop/{page}/index.html" for (page,) in _folders(site, "sop", 1)] if name == MAIN else []
                files = sop + [pages[c] for c in (overlaid if name == MAIN else layout[name]) if c in pages]
                cmd = [sys.executable, "-m", "pagefind", "--site", str(_mirror(site, name, files)), "--silent"]
                cmd += ["--exclude-selectors", EXCLUDED, "--output-path", str(root / name)]
                proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                running.append((name, proc))
                while len(running) >= max(1, jobs) or (running and name == todo[-1]):
                    finished, proc = running.pop(0)
                    _finish(root, finished, proc)
                    shutil.rmtree(_mirror_path(site, finished))
                    reporter.note("progress.search_indexed", bundle=finished)
                    reporter.advance(item=finished)
    finally:
        for _, proc in running:  # a bundle failed, or the build was stopped
            proc.kill()
            proc.wait()
        for name in todo:
            shutil.rmtree(_mirror_path(site, name), ignore_errors=True)


def _mirror_path(site: Path, name: str) -> Path:
    return site / f".pagefind-{name}"


def _mirror(site: Path, name: str, files: list[str]) -> Path:
    """A folder of hard links to ``files`` (relative to ``site``, at the same paths) for
    Pagefind to index: given the site and a glob it walks all of it, 100,000 files at 10,000
    cases (0.4 s a run), and the URLs it records are those of the paths, so the same."""
    mirror = _mirror_path(site, name)
    shutil.rmtree(mirror, ignore_errors=True)
    for rel in files:
        target = mirror / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            link(site / rel, target)
        except FileNotFoundError:
            continue  # a folder without a page
    return mirror


def _finish(root: Path, name: str, proc: subprocess.Popen[str]) -> None:
    output, _ = proc.communicate()
    if proc.returncode != 0 or not (root / name / "pagefind-entry.json").is_file():
        raise SopKitError("site.search_failed", str(root / name), error=(output or "").strip()[-400:])


def page_counts(site: Path) -> dict[str, int]:
    """Pages indexed per bundle, from each bundle's entry file."""
    import json

    counts = {}
    for entry in sorted((site / ROOT).glob("*/pagefind-entry.json")):
        data = json.loads(entry.read_text("utf-8"))
        counts[entry.parent.name] = sum(lang["page_count"] for lang in data["languages"].values())
    return counts
