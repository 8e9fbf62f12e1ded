"""``sop-kit check``: judge every SOP file, the staff registry and every case.

Cases are independent, so a cold check spreads them over all cores; a warm check reuses
each case's findings while none of its files (nor the SOPs, staff registry or sop-kit
itself) changed. The cache lives outside the archive (``$XDG_CACHE_HOME/sop-kit``): a
record folder can never supply its own verdict. When every verdict is cached, no record
is parsed and the record models are never imported.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._version import __version__
from ..core import resources
from ..core.cache import cache_base
from ..core.errors import ConfigError
from ..core.feedback import SILENT, Reporter
from ..core.findings import Finding, Report, Severity
from ..records.layout import CASE_FILE, SOP_DIR, Layout, locate
from ..records.scan import fingerprint, scan

if TYPE_CHECKING:
    from ..records.archive import Archive


@dataclass(frozen=True)
class CheckOptions:
    use_cache: bool = True
    jobs: int | None = None  # worker processes; None = one per core
    changed_since: str | None = None  # git revision: check only cases touched since
    cache_dir: Path | None = None  # default $XDG_CACHE_HOME/sop-kit
    parallel_from: int = 200  # below this many cases, starting workers costs more than it saves
    trail: bool = True  # add the approval trail's findings when the archive is in a git repository


def check_archive(root: Path | str, options: CheckOptions | None = None, reporter: Reporter | None = None) -> Report:
    """Check the archive at ``root`` and return every finding, graded; ``reporter`` hears
    of each case checked and of the trail's commits.

    Raises :class:`ConfigError` only when ``root`` is not an archive or an option is wrong.
    """
    options = options or CheckOptions()
    reporter = reporter or SILENT
    layout = locate(root)
    report = Report()
    cases = layout.case_dirs()
    report.findings += _duplicate_ids(layout, cases)
    if options.changed_since is not None:
        cases = _changed_cases(layout, cases, options.changed_since)
    cache = _Cache(layout, options) if options.use_cache else None
    todo: list[Path] = []
    for case in cases:
        hit = cache.get(case) if cache else None
        if hit is None:
            todo.append(case)
        else:
            report.findings += hit
            report.cases_from_cache += 1
    if report.cases_from_cache:
        reporter.note("progress.cases_cached", count=report.cases_from_cache)
    archive_findings = cache.archive_findings if cache else None
    if todo or archive_findings is None:
        from ..records.archive import open_archive  # the models are needed only to judge something anew

        archive = open_archive(root)
        archive_findings = archive.findings
        with reporter.task("check", len(todo)):
            for case, (found, files) in zip(todo, _run(archive, todo, options), strict=True):
                report.findings += found
                if cache:
                    cache.put(case, found, files)
                reporter.note("progress.case_checked", case=case.name)
                reporter.advance(item=case.name)
    report.findings += archive_findings
    if cache:
        cache.save(archive_findings)
    if options.trail:
        report.findings += _trail_findings(layout, cases, options, reporter)
    report.cases_checked = len(cases)
    return report


def _trail_findings(layout: Layout, cases: list[Path], options: CheckOptions, reporter: Reporter) -> list[Finding]:
    from ..trail.gitlog import top_level

    if top_level(layout.root) is None:
        return []
    from ..trail.build import load_trail

    trail = load_trail(layout, options.cache_dir, options.jobs or 0, options.use_cache, reporter)
    if trail is None:
        return []
    checked = {c.name for c in cases}
    return [f for f in trail.findings if f.case is None or f.case in checked]


def _duplicate_ids(layout: Layout, cases: list[Path]) -> list[Finding]:
    # A case's id must equal its folder name (rule case.id_folder), so equal folder names
    # in different year folders are equal ids, e.g. after two branches were merged.
    seen: dict[str, Path] = {}
    out = []
    for case in cases:
        if case.name in seen:
            out.append(
                Finding(
                    Severity.ERROR,
                    "case.duplicate_id",
                    layout.show(case / CASE_FILE),
                    1,
                    {"id": case.name, "other": layout.show(seen[case.name])},
                    case.name,
                )
            )
        else:
            seen[case.name] = case
    return out


Verdict = tuple[list[Finding], list[list[object]]]  # findings, and the fingerprint they hold for
_worker_archive: Archive | None = None


def _init_worker(archive: Archive) -> None:
    global _worker_archive
    _worker_archive = archive


def _check_one(archive: Archive, path: Path) -> Verdict:
    from .rules import check_case

    files = scan(path)
    return check_case(archive, path, files), fingerprint(files)


def _check_in_worker(path: Path) -> Verdict:
    assert _worker_archive is not None
    return _check_one(_worker_archive, path)


def _run(archive: Archive, cases: list[Path], options: CheckOptions) -> Iterator[Verdict]:
    """Each case's verdict, in order, as soon as it is known (for the progress count)."""
    jobs = options.jobs or os.cpu_count() or 1
    if jobs == 1 or len(cases) < options.parallel_from:
        yield from (_check_one(archive, case) for case in cases)
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=(archive,)) as pool:
        yield from pool.map(_check_in_worker, cases, chunksize=max(1, len(cases) // (jobs * 8)))


def _changed_cases(layout: Layout, cases: list[Path], rev: str) -> list[Path]:
    """Cases with a file changed since ``rev`` (committed, staged, unstaged or untracked).

    A change to an SOP or to the staff registry can change any case's verdict, so then
    every case is checked.
    """
    import git  # only this option needs GitPython; keep it off the start-up path

    try:
        repo = git.Repo(layout.root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise ConfigError("config.not_git", layout.shown) from None
    try:
        repo.git.rev_parse("--verify", f"{rev}^{{commit}}")
        names = repo.git.diff("--name-only", "--no-renames", rev, "--", str(layout.root)).splitlines()
    except git.GitCommandError:
        raise ConfigError("config.bad_rev", layout.shown, rev=rev) from None
    names += repo.git.ls_files("--others", "--exclude-standard", "--", str(layout.root)).splitlines()
    top = Path(repo.working_tree_dir or layout.root).resolve()
    changed = {(top / name).resolve() for name in names}
    if changed & {p.resolve() for p in layout.global_files()} or any(
        p.parent == layout.root / SOP_DIR for p in changed
    ):
        return cases
    known = set(cases)
    touched = set()
    for path in changed:  # walk up from each changed file to the case folder holding it
        for folder in (path, *path.parents):
            if folder in known:
                touched.add(folder)
                break
    return [c for c in cases if c in touched]


def _strip(f: Finding) -> dict[str, Any]:
    return {k: v for k, v in f.to_dict().items() if k not in ("message", "hint")}


class _Cache:
    """Verdicts per case folder, valid while the folder's listing, the SOPs, the staff
    registry, sop-kit itself and the way the root was named stay the same."""

    def __init__(self, layout: Layout, options: CheckOptions):
        base = cache_base(options.cache_dir)
        key = hashlib.sha256(f"{layout.root}\0{layout.shown}".encode()).hexdigest()[:16]
        self.file = base / f"check-{key}.json"
        self.salt = self._salt(layout)
        self.entries: dict[str, Any] = {}
        self.archive_findings: list[Finding] | None = None
        self.dirty = False
        try:
            data = json.loads(self.file.read_text("utf-8"))
            if data.get("salt") == self.salt:
                self.entries = data["cases"]
                self.archive_findings = [Finding.from_dict(f) for f in data["archive"]]
        except (OSError, ValueError, KeyError, TypeError):
            self.entries, self.archive_findings = {}, None  # no cache, or an unreadable one

    @staticmethod
    def _salt(layout: Layout) -> str:
        digest = hashlib.sha256(f"{__version__}\0{layout.shown}".encode())
        for path in layout.global_files():
            digest.update(path.name.encode())
            digest.update(path.read_bytes() if path.is_file() else b"-")
        digest.update(resources.code_fingerprint().encode())
        return digest.hexdigest()

    def get(self, case: Path) -> list[Finding] | None:
        entry = self.entries.get(str(case))
        if entry is None or entry["files"] != fingerprint(scan(case)):
            return None
        return [Finding.from_dict(f) for f in entry["findings"]]

    def put(self, case: Path, findings: list[Finding], files: list[list[object]]) -> None:
        self.entries[str(case)] = {"files": files, "findings": [_strip(f) for f in findings]}
        self.dirty = True

    def save(self, archive_findings: list[Finding]) -> None:
        if not self.dirty and self.archive_findings is not None:
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.file.with_suffix(f".{os.getpid()}.tmp")
            data = {"salt": self.salt, "archive": [_strip(f) for f in archive_findings], "cases": self.entries}
            tmp.write_text(json.dumps(data), "utf-8")
            os.replace(tmp, self.file)
        except OSError:
            pass  # a read-only home must not fail the check
