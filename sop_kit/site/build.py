"""``sop-kit build``: the audit site of a judged archive (its PDFs included), published atomically.

The generated Markdown, published photos and PDFs persist between builds in a work folder
outside the archive (``$XDG_CACHE_HOME/sop-kit/situs/…``). A page file is rewritten only when
its text changed, so MkDocs' dirty mode renders just the pages that did; photos are re-encoded
and PDFs re-rendered only when their sources change; Pagefind then indexes the whole staged
site, so the search index is always complete. A build whose navigation, configuration or
sop-kit version differs from the last one, or whose previous site is not the one it made,
starts from nothing.
"""

from __future__ import annotations

import csv
import functools
import gc
import hashlib
import io
import json
import logging
import os
import re
import secrets
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from .._version import __version__
from ..check.audit import Audit
from ..check.report import Report, Verdict
from ..core import collector
from ..core.cache import cache_base, read_json, write_json
from ..core.errors import ConfigError, SopKitError
from ..core.feedback import SILENT, Reporter
from ..core.findings import Finding
from ..records.config import office_name
from ..records.fieldtypes import office_today
from ..records.layout import INTERNAL_MARK, PUBLISHED_FILES, SITE_MARK, Layout, public_site_holding
from ..records.privacyscan import Hit, Identifiers, scan_output
from ..views.leaks import trace
from .cases import CaseResult, shared_key, update_cases
from .collect import CaseRow
from .config import mkdocs_config, site_look, write_config
from .guide import guide_images
from .kept import SiteKept
from .markup import plain
from .media import MediaCache, link
from .office import REPORTS_DIR, office_site, site_emblem, write_report_files
from .pages import EXPORT_COLUMNS, case_page_path, compiled_templates, site_pages
from .publish import (
    build_lock,
    empty,
    inside_site,
    link_previous,
    new_staging,
    replace_file,
    share_unchanged,
    swap_in,
    write_changed,
)
from .search import (
    MAIN,
    bundle_count,
    bundle_digests,
    bundles,
    overlay_digest,
    overlay_plan,
    relink_identities,
    supersede,
)
from .search import index as index_search

EXPORTS_DIR = "ekspor"  # the site's machine-readable case index and findings
CLEAN_DIGESTS = 2_000_000  # the scan's memory of clean contents: about 70 MB of JSON at most
PDF_TITLES = {
    "berkas-pembinaan": "Berkas pembinaan (dosir kasus)",
    "sk-penetapan": "Draf SK penetapan lokasi rawan",
    "surat-koordinasi": "Surat koordinasi kepada Kepala Desa",
    "laporan-pembinaan": "Laporan pelaksanaan pembinaan",
    "daftar-hadir-kosong": "Daftar hadir (formulir kosong)",
    "daftar-hadir": "Daftar hadir (terisi, internal)",
}


@dataclass(frozen=True)
class SiteOptions:
    out: Path = Path("site")
    internal: bool = False  # include personal data: for the office's intranet only
    pdf: bool = True
    incremental: bool = True  # False: MkDocs renders every page (content caches still apply)
    use_cache: bool = True  # False: nothing from earlier builds (cases, photos, scan, search)
    jobs: int = 0  # processes for the PDFs, pages and search (0: all cores)
    cache_dir: Path | None = None  # default $XDG_CACHE_HOME/sop-kit
    on: date | None = None  # the internal agenda's day (default: today)
    kept: SiteKept | None = None  # kept by a watching process: its last build's manifest, not read again


@dataclass
class SiteReport:
    out: Path
    cases: int = 0
    pages: int = 0
    pages_changed: int = 0
    full: bool = True
    check: Report = field(default_factory=Report)
    timings: dict[str, float] = field(default_factory=dict)


def build_site(audit: Audit, options: SiteOptions | None = None, reporter: Reporter | None = None) -> SiteReport:
    """Build the audit site of a judged archive into ``options.out``: every page, PDF and
    export reads the verdicts in ``audit``. ``reporter`` hears of each stage and of the
    cases, documents and search bundles within.

    Raises :class:`SopKitError` when the build fails, :class:`OSError` (with the path) when
    the file system refuses a write; the previous site is then untouched.
    """
    options = options or SiteOptions()
    say = reporter or SILENT
    layout = audit.archive
    out = Path(options.out).resolve()
    if out == layout.root or layout.root.is_relative_to(out) or out.is_relative_to(layout.root):
        raise ConfigError("site.out_overlaps", str(options.out), path=str(options.out), root=layout.shown)
    _refuse_foreign(out, str(options.out), options.internal)
    report = SiteReport(out, check=audit.report)
    with collector.kept(), build_lock(out, on_wait=lambda: say.notice("site.lock_waiting", path=options.out)):
        staging = new_staging(out)
        try:
            _build(audit, options, out, staging, report, say)
            with _timed(report, "publish", say):
                swap_in(staging, out)
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            if exc.filename is None:  # a write cut short by a full disk names no file: name the site
                raise OSError(exc.errno, exc.strerror, str(options.out)) from exc
            raise
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return report


@contextmanager
def _timed(report: SiteReport, stage: str, say: Reporter) -> Iterator[None]:
    say.stage(stage)
    start = time.perf_counter()
    yield
    seconds = time.perf_counter() - start
    report.timings[stage] = report.timings.get(stage, 0.0) + seconds
    say.stage_done(stage, seconds)


def _build(audit: Audit, options: SiteOptions, out: Path, staging: Path, report: SiteReport, say: Reporter) -> None:
    started = time.time() - 2  # file times below this were not written by this build (2 s: coarse clocks)
    work = _work_dir(options, out)
    docs = work / "docs"
    memory = options.kept or SiteKept()  # the manifest as this process last wrote it, if it did
    taken = memory.take_manifest(work / "manifest.json") if options.use_cache else None
    if taken is not None:
        manifest, previous_cases = taken
    else:
        manifest = (read_json(work / "manifest.json") or {}) if options.use_cache else {}
        previous_cases = manifest.pop("cases", {})
    archive, trail = audit.archive, audit.trail
    look = site_look(archive)  # a refused mkdocs.yml stops the build before any work
    published = as_published(audit.report, archive)
    office = office_name(archive.config, archive.sops)
    extra = office_site(audit, options.internal, options.on or office_today())  # reports, agenda
    collector.settle()

    names = [folder.name for folder in published.verdicts]
    downloads: dict[str, list[dict[str, str]]] = {}
    pdf_dir = work / "pdf"
    if options.pdf:
        with _timed(report, "pdf", say):
            internal_pdf = work / "pdf-internal" if options.internal else None
            downloads = _render_pdfs(audit, pdf_dir, internal_pdf, names, options, say)

    with _timed(report, "cases", say):
        media = MediaCache(work / "media")
        results = update_cases(
            archive,
            published.verdicts,
            trail,
            downloads,
            media,
            docs,
            options.internal,
            previous_cases,
            options.jobs,
            say,
        )
        del previous_cases  # the results hold what is kept of it
        rows = sorted((r.row for r in results.values() if r.row is not None), key=lambda r: r.id)
    report.cases = len(rows)

    count = bundle_count(len(rows))
    search_layout = bundles([r.id for r in rows], count)
    source = trail.source_of(r.id for r in rows) if trail is not None else None  # named on the dashboard
    with _timed(report, "pages", say):
        # The dashboard, listings, findings and SOP pages show only the case rows and the
        # findings: when neither changed (a note edited, a photo replaced), they stay as they are.
        listed = [
            [r.to_json() for r in rows],
            [[f.severity, f.code, f.file, f.line, f.params, f.case] for f in published.findings],
            office,
            search_layout,
            options.pdf,
            shared_key(archive, options.internal),  # the SOPs, staff, templates, sop-kit
            extra.key(),
            source,
            published.trail_read,
        ]
        site_key = hashlib.sha256(orjson.dumps(listed, default=str)).hexdigest()
        previous_site = manifest.get("site_pages", []) if manifest.get("site_key") == site_key else []
        if previous_site and all((docs / name).is_file() for name in previous_site):
            pages, kept = {}, set(previous_site)
        else:
            pages = site_pages(
                archive, rows, published.findings, plain(office), search_layout, options.pdf, extra, source,
                trail_read=published.trail_read,
            )  # fmt: skip
            kept = set()
        site_names = sorted({*pages, *kept})
        made = set(pages) | {case_page_path(r.row) for r in results.values() if r.row and r.rendered}
        kept |= {case_page_path(r.row) for r in results.values() if r.row and not r.rendered}
        _write_pages(docs, pages, made | kept)
        del pages  # MkDocs reads them from the docs folder: their text is not held through its build
        for rel, data in {**guide_images(), **site_emblem(archive)}.items():  # the guide's pictures, the emblem
            write_changed(docs / rel, data)
    report.pages = len(made) + len(kept)

    for rel, data in look.files.items():  # the office's logo and favicon
        write_changed(docs / rel, data)
    emblem = next(iter(site_emblem(archive)), None)  # the header's logo unless mkdocs.yml names one
    config = mkdocs_config(docs, staging, look, options.internal, plain(office), emblem)
    write_config(work / "mkdocs.yml", config)
    config_key = _config_key(config)
    previous_id = _read_build_id(out)
    incremental = (
        options.incremental
        and previous_id is not None
        and manifest.get("build_id") == previous_id
        and manifest.get("config") == config_key
    )
    report.full = not incremental

    with _timed(report, "mkdocs", say):
        if incremental:
            # The staging folder is the spare: the site the last build started from, when it
            # holds that build's id. Then only the folders that build changed can differ.
            spare_is_known = manifest.get("from_id") is not None and manifest.get("from_id") == _read_build_id(staging)
            link_previous(out, staging, manifest.get("changed") if spare_is_known else None)
            # Pages this build no longer has (a case deleted or renamed) go with their folder.
            for gone in set(manifest.get("pages", [])) - made - kept:
                if isinstance(gone, str) and gone.endswith(".md") and _page_dir(gone) and inside_site(gone):
                    shutil.rmtree(staging / _page_dir(gone), ignore_errors=True)  # never outside it
        else:
            empty(staging)  # the spare it started from
        rendered = _mkdocs(work / "mkdocs.yml", staging, dirty=incremental)
        # Counted by what MkDocs renders, not by the sources written: a build that failed
        # after writing them left them newer than the published pages, and this one renders them.
        report.pages_changed = report.pages if rendered is None else rendered

    with _timed(report, "assets", say):
        for r in results.values():
            # A kept case (no page rendered) has the very files of the published site, which
            # the staging folder already links: only the changed cases' are compared.
            if r.row is not None and (r.rendered or not incremental):
                media.link(r.row.id, r.files, staging / r.row.url / PUBLISHED_FILES)
        if options.pdf:
            _link_pdfs(pdf_dir, staging / "pdf", True, names)
            if options.internal:
                _link_pdfs(work / "pdf-internal", staging / "pdf" / "internal", False, names)
        # The exports show only the case rows and the findings, as the listing pages do.
        exports = staging / EXPORTS_DIR
        if not (incremental and manifest.get("site_key") == site_key and (exports / "temuan.json").is_file()):
            _exports(exports, rows, published)
        # The manifest's keys are those of the published site's reports if it is the last build's.
        same_site = previous_id is not None and manifest.get("build_id") == previous_id
        report_keys = write_report_files(
            audit, extra, staging / REPORTS_DIR, manifest.get("reports", {}) if same_site else {}, out / REPORTS_DIR
        )

    with _timed(report, "search", say):
        # A bundle is indexed again only when the pages it holds changed, byte for byte; a
        # full build takes the unchanged bundles over from the published site.
        page_ids = manifest.get("page_ids", {})
        last = {rel: entry[1] for rel, entry in page_ids.items()}
        digests = bundle_digests(staging, search_layout, page_ids)
        before = manifest.get("search", {}) if manifest.get("bundles") == count else {}
        # A few changed case pages are indexed with the SOP pages; their own bundles are kept.
        overlaid_last = manifest.get("overlay") if incremental and isinstance(manifest.get("overlay"), dict) else None
        if not all(before.get(n) and (out / "pagefind" / n).is_dir() for n in search_layout):
            overlaid_last = None
        now = {rel: entry[1] for rel, entry in page_ids.items()}
        overlay = overlay_plan(now, last, overlaid_last) or {}
        if overlay:
            digests = {n: overlay_digest(d, overlay, now) if n == MAIN else before[n] for n, d in digests.items()}
        for name, digest in digests.items():
            bundle = out / "pagefind" / name
            if before.get(name) == digest and not (staging / "pagefind" / name).exists() and bundle.is_dir():
                link_previous(bundle, staging / "pagefind" / name)
        stale = {name for name, digest in digests.items() if before.get(name) != digest}
        overlaid = [rel.split("/")[2] for rel in overlay if rel in now]
        index_search(staging, search_layout, stale, options.jobs or os.cpu_count() or 1, say, overlaid)
        supersede(staging, search_layout, overlay, out)

    build_id = secrets.token_hex(8)
    replace_file(staging / SITE_MARK, (build_id + "\n").encode())
    if options.internal:
        replace_file(staging / INTERNAL_MARK, b"situs internal: memuat data pribadi\n")
    else:
        (staging / INTERNAL_MARK).unlink(missing_ok=True)
    with _timed(report, "verify", say):
        personal, spoken_by_case = _personal(results, options.internal)
        all_pages = [*made, *kept]
        since = started if incremental else None
        ids = Identifiers.of(
            [
                build_id,
                *(e.commit for t in (trail.cases.values() if trail else ()) for e in t.events),
                *(r.row.id for r in results.values() if r.row),
                *(h for r in results.values() for h in r.identifiers),
            ],
            archive.public_numbers(),
        )
        # A full build shares the files it made the same as the published ones, so that the
        # next build, starting from that site, compares only the folders where they differ.
        shared = None if incremental else share_unchanged(out, staging)
        if shared is not None:
            relink_identities(staging, page_ids)
        values, changed = _verify(
            staging, all_pages, list(search_layout), personal, spoken_by_case, options, work, since, manifest, ids,
            archive,
        )  # fmt: skip
        changed = changed if incremental else shared

    memory.write_manifest(
        work / "manifest.json",
        {
            "build_id": build_id,
            "from_id": previous_id,  # the site this build started from: the next build's spare
            "changed": changed,  # the folders this build changed in it (None: any)
            "config": config_key,
            "pages": sorted(all_pages),
            "bundles": count,
            "site_key": site_key,
            "site_pages": site_names,
            "search": digests,
            "overlay": overlay,
            "page_ids": page_ids,
            "values": values,
            "reports": report_keys,
        },
        results,
    )


def _config_key(config: dict[str, Any]) -> str:
    """What every page depends on: the configuration, the theme's files, MkDocs' and
    Material's versions. When it changes, the next build is a full one (a dirty build would
    also copy newer theme files into place)."""
    from importlib.metadata import version

    from .config import THEME_DIR

    theme = [[str(p.relative_to(THEME_DIR)), p.stat().st_mtime_ns] for p in sorted(THEME_DIR.rglob("*")) if p.is_file()]
    versions = [__version__, version("mkdocs"), version("mkdocs-material")]
    data = [config | {"site_dir": ""}, theme, versions]
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def _work_dir(options: SiteOptions, out: Path) -> Path:
    key = hashlib.sha256(f"{out}|{options.internal}".encode()).hexdigest()[:16]
    work = cache_base(options.cache_dir) / "situs" / key
    work.mkdir(parents=True, exist_ok=True)
    return work


def _refuse_foreign(out: Path, shown: str, internal: bool) -> None:
    """The swap puts the folder at ``out`` aside and the next build empties it: only a site
    sop-kit built (it holds the build id) or an empty folder may be there. A hurried
    ``--out kantor`` (or ``--out .git``) replaced the office's folder with the site, and
    ``--internal --out publik`` the public site (served to anyone) with the families' data."""
    unmarked = out.is_dir() and not (out / SITE_MARK).is_file() and any(out.iterdir())
    # A public site of a sop-kit from before the mark is one too; an internal build never
    # takes it over, as it cannot tell an old public site from an old internal one.
    if (out.exists() and not out.is_dir()) or (unmarked and (internal or not _built_before_the_mark(out))):
        raise ConfigError("site.out_foreign", shown, path=shown)
    if internal and (site := public_site_holding(out)) is not None:  # over it, or inside it: served with it
        code = "site.internal_over_public" if site == out else "site.personal_in_public"
        raise ConfigError(code, shown, path=shown, site=str(site))


def _built_before_the_mark(out: Path) -> bool:
    """A site sop-kit built before its sites held the build id (until a640f6d): its case index
    (``ekspor/kasus.json``, in every site since the first) begins with sop-kit's format."""
    try:
        with open(out / EXPORTS_DIR / "kasus.json", "rb") as fh:
            head = fh.read(256)
    except OSError:
        return False
    return re.search(rb'"format"\s*:\s*"sop-kit/indeks-kasus/', head) is not None


def _read_build_id(out: Path) -> str | None:
    try:
        return (out / SITE_MARK).read_text("utf-8").strip() or None
    except OSError:
        return None


def _page_dir(src: str) -> str:
    """Where MkDocs writes a page (directory URLs): kasus/2026/x.md -> kasus/2026/x."""
    stem = src[: -len(".md")]
    return "" if stem == "index" else stem.removesuffix("/index")


def _write_pages(docs: Path, pages: dict[str, str], kept: set[str]) -> None:
    """Write the pages whose text changed (their mtime tells MkDocs' dirty build to render
    them again) and remove pages no longer generated (neither in ``pages`` nor ``kept``,
    the case pages, which the cases stage wrote)."""
    for rel, content in pages.items():
        write_changed(docs / rel, content.encode("utf-8"))
    folders = [""]  # os.scandir, not rglob: no Path per entry of 10,000 case folders
    while folders:
        inside = folders.pop()
        with os.scandir(docs / inside) as entries:
            for entry in entries:
                rel = inside + entry.name
                if entry.is_dir(follow_symlinks=False):
                    folders.append(rel + "/")
                elif entry.name.endswith(".md") and rel not in pages and rel not in kept:
                    os.unlink(entry.path)


def as_published(report: Report, layout: Layout) -> Report:
    """The report as the site shows it. Findings name files as the user named the root
    (``/home/…/records``); the site names them from the archive's own folder, so no build
    machine's path is published."""
    shown, public = layout.shown.rstrip("/"), layout.root.name
    below = shown + "/"

    def fix(value: Any) -> Any:
        if isinstance(value, str) and (value == shown or value.startswith(below)):
            return public + value[len(shown) :]
        return value

    def fixed(findings: tuple[Finding, ...] | list[Finding]) -> list[Finding]:
        out = []
        for f in findings:  # 40,000 at 10,000 cases: no dataclasses.replace, params copied only if named
            params = f.params
            if any(isinstance(v, str) and v.startswith(shown) for v in params.values()):
                params = {k: fix(v) for k, v in params.items()}
            out.append(Finding(f.severity, f.code, fix(f.file), f.line, params, f.case))
        return out

    if shown == public:
        return report
    verdicts: dict[Path, Verdict] = {
        folder: replace(v, findings=tuple(fixed(v.findings))) for folder, v in report.verdicts.items()
    }
    return replace(report, archive_findings=fixed(report.archive_findings), verdicts=verdicts)


def _mkdocs(config_file: Path, staging: Path, dirty: bool) -> int | None:
    """MkDocs' build into ``staging``; a dirty build says how many pages it rendered."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from .themelist import list_theme_once

    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.ERROR)  # the dirty-build warning is about MkDocs' own nav, not ours
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        config = load_config(str(config_file), site_dir=str(staging))
        config.plugins["sop-kit-compiled"] = _compiled_theme()
        list_theme_once(config)
        rendered: list[int] = []
        if dirty:
            config.plugins["sop-kit-unlink"] = _unlink_what_mkdocs_writes(staging, rendered)
        build(config, dirty=dirty)
        del config
        # MkDocs leaves its pages, navigation and files in reference cycles (at 10,000 cases
        # about a gigabyte in 300,000 objects): freed now, the later stages reuse that memory
        # instead of adding to the build's peak.
        gc.collect()
        return sum(rendered) if dirty else None
    except MkDocsException as exc:
        raise SopKitError("site.mkdocs_failed", str(config_file), error=str(exc)) from None
    finally:
        logger.setLevel(level)


def _compiled_theme() -> Any:
    """A plugin giving MkDocs' template environment (its theme's templates) a compiled-template
    cache, as sop-kit's own pages have."""
    from mkdocs.plugins import BasePlugin

    class Compiled(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
        def on_env(self, env: Any, config: Any, files: Any) -> Any:
            env.bytecode_cache = compiled_templates("mkdocs")
            return env

    return Compiled()


def _unlink_what_mkdocs_writes(staging: Path, rendered: list[int]) -> Any:
    """A plugin, last to see MkDocs' files: it removes from the hard-linked staging site every
    file this dirty build will write, by MkDocs' own rule (source newer than destination) and
    its always-written templates, so that it writes new files instead of into the published
    ones, and adds to ``rendered`` the number of pages among them. As a plugin it reads the
    list MkDocs builds, instead of listing the pages again."""
    from mkdocs.plugins import BasePlugin, event_priority
    from mkdocs.structure.files import Files

    class Unlink(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
        @event_priority(-100)  # after every other plugin has added its files
        def on_files(self, files: Files, config: Any) -> Files:
            doomed = []
            for f in files:
                modified = f.is_modified()
                if modified:
                    doomed.append(Path(f.abs_dest_path))
                    rendered.append(f.is_documentation_page())
                # MkDocs asks again for every file; the answer cannot change before it does (a
                # destination unlinked here was modified already): two stats a file saved.
                f.is_modified = functools.partial(bool, modified)  # type: ignore[method-assign]
            doomed += [staging / name for name in (*config.theme.static_templates, "sitemap.xml.gz")]
            for path in doomed:
                path.unlink(missing_ok=True)
            return files

    return Unlink()


def _render_pdfs(
    audit: Audit,
    out: Path,
    internal_out: Path | None,
    cases: list[str],
    options: SiteOptions,
    reporter: Reporter,
) -> dict[str, list[dict[str, str]]]:
    from ..pdf.build import PdfOptions, render_documents
    from ..pdf.render import problems

    # The PDFs' text, read back by their own scan, is what the site's scan reads too.
    options_pdf = PdfOptions(out, internal_out, None, options.jobs, out.parent / "privacy")
    result = render_documents(audit, options_pdf, reporter)
    if result.failed:
        # Personal data is listed as the output scan lists it, a template is named where it
        # failed, any other failure by the PDF it stopped.
        hits = [replace(h, file=f"pdf/{o.target.relative_to(out).as_posix()}") for o in result.failed for h in o.leaks]
        if hits:
            _refuse_leaks(hits, audit.archive)
        failed = result.failed[0]
        first = problems(failed, audit.archive, f"pdf/{failed.target.relative_to(out).as_posix()}")[0]
        if first.code in ("pdf.failed", "pdf.refused"):
            error = failed.error or ", ".join(failed.refused)
            raise SopKitError("site.pdf_failed", f"{failed.target}: {error}", count=len(result.failed))
        raise SopKitError(first.code, first.file, first.line, **first.params)
    downloads: dict[str, list[dict[str, str]]] = {}
    for case in cases:
        found = []
        for base, prefix in ((out, "pdf"), (internal_out, "pdf/internal")):
            if base is None:
                continue
            for pdf in sorted((base / "kasus" / case).glob("*.pdf")):
                kind = pdf.name.removesuffix(f"-{case}.pdf")
                title = PDF_TITLES.get(kind, kind)
                if prefix.endswith("internal"):
                    title += " — internal"
                found.append({"href": f"{prefix}/kasus/{case}/{pdf.name}", "title": title})
        downloads[case] = found
    return downloads


def _link_pdfs(source: Path, target: Path, sop: bool, cases: list[str]) -> None:
    """Hard-link the current documents into the staging site (the renderer replaces files
    by rename, never in place, so a link cannot change under the published site)."""
    wanted = [source / "kasus" / case for case in cases]
    if sop:
        wanted.append(source / "sop")
    if target.exists():
        shutil.rmtree(target)
    for folder in wanted:
        if not folder.is_dir():
            continue
        dest = target / folder.relative_to(source)
        dest.mkdir(parents=True, exist_ok=True)
        for pdf in folder.glob("*.pdf"):
            link(pdf, dest / pdf.name)


def _exports(folder: Path, cases: list[CaseRow], report: Report) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    rows = [c.summary() for c in sorted(cases, key=lambda c: c.id)]
    columns = [name for name, _ in EXPORT_COLUMNS]
    read = report.trail_read  # without it, no row's approvals were verified
    data = {"format": "sop-kit/indeks-kasus/1", "jumlah": len(rows), "jejak_persetujuan_dibaca": read}
    data |= {"kolom": dict(EXPORT_COLUMNS), "kasus": rows}
    replace_file(folder / "kasus.json", (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode())
    buf = io.StringIO()
    writer = csv.DictWriter(buf, columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        flat = {k: (";".join(map(str, v)) if isinstance(v, list) else v) for k, v in row.items()}
        writer.writerow({k: _cell(v) for k, v in flat.items()})
    replace_file(folder / "kasus.csv", buf.getvalue().encode())
    findings = [f.to_dict("id") for f in report.sorted()]
    data = {"format": "sop-kit/temuan/1", "jejak_persetujuan_dibaca": read, "temuan": findings}
    replace_file(folder / "temuan.json", (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode())


_FORMULA = ("=", "+", "-", "@", "\t", "\r")  # what makes a spreadsheet read a cell as a formula (OWASP)


def _cell(value: object) -> object:
    """A CSV cell a spreadsheet opens as text: one that starts like a formula
    (``=2+3+cmd|' /C calc'!A0``) gets a leading apostrophe, as OWASP advises."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def _personal(results: dict[str, CaseResult], internal: bool) -> tuple[set[str], dict[str, frozenset[str]]]:
    """The personal values searched for in every published file, and by case id the forms
    searched for only in that case's own files: "Pak Dadang" in another case's note is its
    Kepala Desa, not this case's Dadang (records.personal.spoken_forms)."""
    values: set[str] = set()
    by_case: dict[str, frozenset[str]] = {}
    if internal:
        return values, by_case
    for name, r in results.items():
        values.update(r.personal)
        if r.spoken:
            by_case[r.row.id if r.row else name] = frozenset(r.spoken)
    return values, by_case


def _verify(
    staging: Path,
    pages: list[str],
    search_bundles: list[str],
    values: set[str],
    spoken_by_case: dict[str, frozenset[str]],
    options: SiteOptions,
    work: Path,
    since: float | None,
    manifest: dict[str, Any],
    ids: Identifiers,
    layout: Layout,
) -> tuple[str, list[str] | None]:
    """The staged site is complete and clean, or it is not published. An incremental build
    scans only the files it wrote, unless the personal values changed since the last scan.
    Returns the fingerprint of the values scanned for, and the folders this build changed
    (None when it did not look: a full scan)."""
    base = str(staging)  # strings, not Paths: 10,000 pages at 10,000 cases
    missing = [src for src in pages if not os.path.isfile(f"{base}/{_page_dir(src)}/index.html")]
    if missing:
        raise SopKitError("site.incomplete", str(staging / _page_dir(missing[0])), count=len(missing))
    for bundle in search_bundles:
        if not (staging / "pagefind" / bundle / "pagefind-entry.json").is_file():
            raise SopKitError("site.search_failed", str(staging / "pagefind" / bundle), error="no pagefind-entry.json")

    forms = (f"{case}\0{form}" for case, found in spoken_by_case.items() for form in found)
    fingerprint = hashlib.sha256("\n".join([*sorted(values), *sorted(forms)]).encode()).hexdigest()
    if manifest.get("values") != fingerprint:
        since = None
    # Contents already found clean for these same values are not scanned again: a full build
    # rewrites every page, but most come out byte for byte as before.
    saved = (read_json(work / "privacy-clean.json") or {}) if options.use_cache else {}
    clean = set(saved.get("clean", [])) if saved.get("values") == fingerprint else set()
    known = len(clean)
    changed: list[str] = []
    jobs = options.jobs or os.cpu_count() or 1
    hits = scan_output(staging, values, work / "privacy", since, jobs, clean, ids, changed, spoken_by_case)
    if len(clean) > CLEAN_DIGESTS:
        clean = set()  # stale digests pile up over many builds: start again now and then
    if not hits and len(clean) != known:
        write_json(work / "privacy-clean.json", {"values": fingerprint, "clean": list(clean)})
    if options.internal:
        hits = [h for h in hits if h.what in ("metadata-foto", "tautan")]
    if hits:
        _refuse_leaks(hits, layout)
    return fingerprint, (changed if since is not None else None)


def _refuse_leaks(hits: list[Hit], layout: Layout) -> None:
    """Stop the build naming every value found: where it came from (the record line a clerk
    must fix) and the published files it reached."""
    leaks = trace(hits, layout)
    first = leaks[0]
    file, line = first.places[0] if first.places else (first.outputs[0], None)
    places = "".join(f"\n    {leak.describe()}" for leak in leaks)
    raise SopKitError(
        "site.personal_data", file, line, count=len(leaks), what=first.what, excerpt=first.excerpt, places=places
    )
