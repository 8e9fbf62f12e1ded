"""The case pages: each made again only when something it shows changed.

A case page depends on the case folder's files, the SOPs and the staff registry, the case's
findings, its approval trail, its PDFs and the build's kind. Their fingerprint is kept per
case in the work folder with what the listings need of the case (:class:`CaseRow`), its
published files and its personal values (for the output scan). An unchanged case is not
read at all; changed ones are read, published and rendered on all cores.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from .._version import __version__
from ..check.report import Verdict
from ..core import resources
from ..core.feedback import SILENT, Reporter
from ..core.workers import fork_context
from ..records.archive import Archive
from ..records.models import Kasus
from ..records.personal import raw_personal_values, spoken
from ..records.scan import listing_digest, scan
from ..trail.model import Trail
from .collect import CaseRow, case_view
from .media import MediaCache
from .pages import TEMPLATES, case_page, case_page_path
from .publish import write_changed

PARALLEL_FROM = 40  # below this many changed cases, starting workers costs more than it saves


@dataclass
class CaseResult:
    key: str
    row: CaseRow | None  # None: the case cannot be shown (no readable identity, unknown SOP)
    rendered: bool = False  # its page made in this build (and written if its text changed)
    files: list[str] = field(default_factory=list)  # published file names, for the page's berkas/
    personal: list[str] = field(default_factory=list)  # searched for in every published file
    spoken: list[str] = field(default_factory=list)  # forms searched for in its own files only
    identifiers: list[str] = field(default_factory=list)  # file hashes it shows: never personal data

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "row": self.row.to_json() if self.row else None,
            "files": self.files,
            "personal": self.personal,
            "spoken": self.spoken,
            "identifiers": self.identifiers,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CaseResult:
        row = CaseRow.from_json(data["row"]) if data["row"] else None
        ids = data.get("identifiers", [])
        personal, spoken = data["personal"], data["spoken"]
        return cls(data["key"], row, files=data["files"], personal=personal, spoken=spoken, identifiers=ids)


@dataclass
class _Job:
    """What the workers share: set before the pool forks, so it is never pickled."""

    archive: Archive
    verdicts: dict[Path, Verdict]
    trail: Trail | None
    downloads: dict[str, list[dict[str, str]]]
    media: MediaCache
    internal: bool


_job: _Job | None = None


def update_cases(
    archive: Archive,
    verdicts: dict[Path, Verdict],
    trail: Trail | None,
    downloads: dict[str, list[dict[str, str]]],
    media: MediaCache,
    docs: Path,
    internal: bool,
    previous: dict[str, Any],  # by folder name, each result as the manifest holds it or as kept
    jobs: int = 0,
    reporter: Reporter | None = None,
) -> dict[str, CaseResult]:
    """Every case's result, by folder name; changed cases read, published and rendered.
    ``verdicts`` name files as the site publishes them."""
    reporter = reporter or SILENT
    shared = shared_key(archive, internal)
    results: dict[str, CaseResult] = {}
    todo: list[tuple[Path, str]] = []
    for folder, verdict in verdicts.items():
        name = folder.name
        key = _case_key(shared, verdict.listing or listing_digest(scan(folder)), verdict, trail, name,
                        downloads.get(name, []))  # fmt: skip
        old = previous.get(name)
        hit: CaseResult | None = None
        if isinstance(old, CaseResult) and old.key == key:  # kept by a watching process, taken by this build
            old.rendered = False  # by the last build, not this one
            hit = old
        elif isinstance(old, dict) and old.get("key") == key:
            with contextlib.suppress(KeyError, TypeError, ValueError):  # a damaged entry: the case is made again
                hit = CaseResult.from_json(old)
        if hit is not None and (hit.row is None or (docs / case_page_path(hit.row)).is_file()):
            results[name] = hit
            continue
        todo.append((folder, key))
    if results:
        reporter.note("progress.cases_kept", count=len(results))
    global _job
    _job = _Job(archive, verdicts, trail, downloads, media, internal)
    try:
        with reporter.task("cases", len(todo)):
            for (folder, _), (result, page) in zip(todo, _made(todo, jobs), strict=True):
                if result.row is not None and page is not None:
                    # Written as it comes: 10,000 pages are not held until the last is made.
                    result.rendered = True
                    write_changed(docs / case_page_path(result.row), page.encode("utf-8"))
                results[folder.name] = result
                reporter.note("progress.case_rendered", case=folder.name)
                reporter.advance(item=folder.name)
    finally:
        _job = None
    return results


def _made(todo: list[tuple[Path, str]], jobs: int) -> Iterator[tuple[CaseResult, str | None]]:
    """Each changed case's result and page, in order, as soon as it is made."""
    workers = jobs or os.cpu_count() or 1
    context = fork_context() if workers > 1 and len(todo) >= PARALLEL_FROM else None
    if context is not None:
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            yield from pool.map(_one, todo, chunksize=8)
    else:
        yield from (_one(item) for item in todo)


def _one(item: tuple[Path, str]) -> tuple[CaseResult, str | None]:
    folder, key = item
    job = _job
    assert job is not None
    case = job.archive.read_case(folder)
    view = case_view(job.archive, case, job.verdicts[folder], job.trail, job.internal)
    if view is None:
        # No page, but its findings are published: what its personal fields hold, valid or
        # not, is searched for all the same.
        loaded = case.kasus_loaded
        raw = set()
        if loaded is not None and not job.internal:
            raw = raw_personal_values(loaded.data, Kasus, job.archive.public_names())
        personal, forms = _searched(raw)
        return CaseResult(key, None, personal=personal, spoken=forms), None
    gallery, files = job.media.publish_case(view)
    page = case_page(job.archive, view, job.downloads.get(view.id, []), gallery, job.internal)
    hashes = {d.sha256 for d in view.document.documents if d.sha256} | {a.sha256 for a in view.attachments if a.sha256}
    personal, forms = _searched(view.personal)
    ids = sorted(hashes)
    result = CaseResult(key, view.row(), files=files, personal=personal, spoken=forms, identifiers=ids)
    return result, page


def _searched(values: Iterable[str]) -> tuple[list[str], list[str]]:
    """A case's personal values as the published site's scan searches for them: in every
    file, and (the spoken forms, "sdr aminah") in the case's own files only. Sorted once
    when the case is made; a build that keeps the case reads them as they are."""
    values = set(values)
    forms = {v for v in values if spoken(v)}
    return sorted(values - forms), sorted(forms)


def shared_key(archive: Archive, internal: bool) -> str:
    """What every case page depends on besides its own case: the SOPs, the staff registry,
    the page templates and sop-kit itself (its code, not only its version number: an upgraded
    sop-kit renders every page again, as the check judges every case again)."""
    parts: list[object] = [__version__, resources.code_fingerprint(), internal, archive.digest]
    for path in sorted(TEMPLATES.iterdir()):
        parts.append([path.name, path.stat().st_mtime_ns])
    parts.append(sorted(archive.sops))
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()


def _case_key(
    shared: str, listing: str, verdict: Verdict, trail: Trail | None, name: str, downloads: list[dict[str, str]]
) -> str:
    events = None
    if trail is not None and name in trail.cases:
        events = [
            [e.kind, e.commit, e.when, e.author, e.step, e.round, e.file, e.signer, e.verified, e.reason, e.decision]
            for e in trail.cases[name].events
        ]
    data = [
        shared,
        listing,
        [[f.severity, f.code, f.file, f.line, f.params] for f in verdict.findings],
        [m.to_json() for m in verdict.missing],
        events,
        downloads,
    ]
    return hashlib.sha256(orjson.dumps(data, default=str, option=orjson.OPT_NON_STR_KEYS)).hexdigest()
