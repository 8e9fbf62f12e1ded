"""Judge every case of an opened archive: the record rules once per case, with the trail's
findings added, into one :class:`~sop_kit.check.report.Verdict` per case.

Cases are independent, so a cold check spreads them over all cores; a warm check reuses
each case's judgement while none of its files (nor the settings, SOPs, staff registry or
sop-kit itself) changed. The cache lives outside the archive (``$XDG_CACHE_HOME/sop-kit``):
a record folder can never supply its own verdict, and a cached case is not parsed at all.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from .._version import __version__
from ..core import collector, resources
from ..core.cache import cache_base, read_json, write_json
from ..core.errors import ConfigError
from ..core.feedback import SILENT, Reporter
from ..core.findings import Finding, Severity
from ..core.workers import fork_context
from ..records.archive import Archive
from ..records.config import CONFIG_FILE
from ..records.facts import CaseFacts, facts_of
from ..records.layout import CASE_FILE, SOP_DIR, STEPS_DIR, Layout
from ..records.scan import Listing, listing_digest, scan
from ..records.worktime import data_version, known_holidays, remember_holidays
from ..trail.model import Trail
from .kept import Kept, watchable
from .report import MissingDocument, Report, Verdict
from .rules import CaseJudgement, check_case


@dataclass(frozen=True)
class CheckOptions:
    use_cache: bool = True
    jobs: int | None = None  # worker processes; None = one per core
    changed_since: str | None = None  # git revision: check only cases touched since
    only: tuple[Path, ...] | None = None  # check only these case folders
    cache_dir: Path | None = None  # default $XDG_CACHE_HOME/sop-kit
    parallel_from: int = 200  # below this many cases, starting workers costs more than it saves
    trail: bool = True  # add the approval trail's findings when the archive is in a git repository
    kept: Kept | None = None  # kept by a watching process: only folders changed are listed


def check_archive(
    archive: Archive,
    trail: Trail | None = None,
    options: CheckOptions | None = None,
    reporter: Reporter | None = None,
) -> Report:
    """Judge every case of ``archive`` (or those ``options`` select) against its records,
    the SOP it follows and, given ``trail``, the approval trail; ``reporter`` hears of each
    case checked.

    Raises :class:`ConfigError` only when an option is wrong (an unknown git revision).
    """
    with collector.kept():
        return _check_archive(archive, trail, options or CheckOptions(), reporter or SILENT)


def _check_archive(archive: Archive, trail: Trail | None, options: CheckOptions, reporter: Reporter) -> Report:
    report = Report(list(archive.findings), trail_read=trail is not None)
    # Every case is judged (most from the cache), the chosen ones reported: a letter number or
    # a file two cases share is a finding of both, and a case's verdict must be the same
    # whether asked of it alone (status, the dossier, the bag) or of the archive.
    cases, unnamed = options.kept.walk_cases(archive) if options.kept is not None else archive.walk_cases()
    for name in unnamed:  # a folder whose name is not text: reported, never entered
        shown = archive.show(archive.root / name)
        report.archive_findings.append(Finding(Severity.ERROR, "file.name_encoding", shown, None, {"path": name}))
    report.folders = frozenset(c.name for c in cases)
    duplicates = _duplicate_ids(archive, cases)
    chosen = _chosen(archive, cases, options)
    cache = _Cache(archive, options) if options.use_cache else None
    kept = options.kept if cache else None  # a watching process's judgements stand for the cache's
    judged: dict[Path, tuple[CaseJudgement, CaseFacts, str]] = {}
    todo: list[Path] = []
    listed = kept is not None and len(kept) > 0  # folders listed before: most listings are kept
    listings = _listings(archive, cases, options) if cache and (listed or cache.entries) else [""] * len(cases)
    for case, listing in zip(cases, listings, strict=True):
        hit = kept.judged(case, listing, cache.salt) if kept is not None and cache else None
        if hit is None and cache:
            hit = cache.get(case, listing)
        if hit is None:
            todo.append(case)
        else:
            judged[case] = hit
            report.cases_from_cache += 1
    if report.cases_from_cache:
        reporter.note("progress.cases_cached", count=report.cases_from_cache)
    with reporter.task("check", len(todo)):
        for case, (found, facts, files) in zip(todo, _run(archive, todo, options), strict=True):
            listing = listing_digest(files)
            judged[case] = found, facts, listing
            if cache:
                cache.put(case, found, facts, listing)
            if options.kept is not None:
                options.kept.keep(case, listing, watchable(files))
            reporter.note("progress.case_checked", case=case.name)
            reporter.advance(item=case.name)
    if cache:
        cache.save()
        if kept is not None:
            kept.keep_judged(judged, cache.salt)
    collector.settle()  # the verdicts live as long as the report
    # A case's own findings from outside its rules go to the folder holding their file: two
    # folders may share a case id (two branches merged), and each finding is counted once.
    folders: dict[str, list[Path]] = {}
    for case in cases:
        folders.setdefault(case.name, []).append(case)
    by_folder: dict[Path, list[Finding]] = {}
    done_here = _done_not_committed(archive, trail, [(c, judged[c][1]) for c in cases if c in chosen])
    for f in [*duplicates, *(trail.findings if trail is not None else []), *done_here]:
        if f.case in folders:
            named = folders[f.case]
            home = next((c for c in named if f.file.startswith(archive.show(c) + "/")), named[0])
            by_folder.setdefault(home, []).append(f)
        else:  # the archive's, or of a case no folder holds now (an approval dropped with it)
            report.archive_findings.append(f)
    for case in cases:
        found, facts, listing = judged[case]
        if case not in chosen:
            report.others[case] = facts
            report.others_listing[case] = listing
            continue
        extra = by_folder.get(case, [])
        findings = (*found.findings, *extra)
        report.verdicts[case] = Verdict(case.name, case, findings, tuple(found.missing), facts, listing)
    return report


def _done_not_committed(archive: Archive, trail: Trail | None, cases: list[tuple[Path, CaseFacts]]) -> list[Finding]:
    """A step the working copy records done whose completion history does not hold: recorded
    and not committed (or in a case folder never committed). Nobody has approved it, as for a
    completion committed without a signature, so a dossier or site made from this copy must not
    present it as an approved step. Said only with the trail (the history read)."""
    if trail is None:
        return []
    severity = Severity.ERROR if trail.policy == "wajib" else Severity.INFO
    out: list[Finding] = []
    for case, facts in cases:
        if facts.counted is None or not facts.counted.done:
            continue
        ct = trail.cases.get(facts.counted.id)
        held = {(st.step, st.round) for st in ct.steps.values() if st.approval is not None} if ct else set()
        missing = [(d.step, d.round) for d in facts.counted.done if (d.step, d.round) not in held]
        if not missing:
            continue
        read = archive.read_case(case)  # rare: only a case with such a step is read again
        for step in read.steps:
            if (step.record.langkah, step.record.putaran) in missing and step.record.status == "selesai":
                no, putaran = step.record.langkah, step.record.putaran  # 'round': the site's link to its row
                params = {"no": no, "putaran": putaran, "round": putaran, "case": facts.counted.id}
                shown = archive.show(case / STEPS_DIR / step.name)
                out.append(Finding(severity, "trail.done_not_committed", shown, None, params, facts.counted.id))
    return out


def _chosen(archive: Archive, cases: list[Path], options: CheckOptions) -> set[Path]:
    """The case folders to report: those changed since ``options.changed_since``, among
    ``options.only``; all by default."""
    if options.changed_since is not None:
        cases = _changed_cases(archive, cases, options.changed_since)
    if options.only is not None:
        wanted = {p.resolve() for p in options.only}
        names = {p.name for p in wanted}  # resolving 10,000 folders to find one took 0.7 s
        cases = [c for c in cases if c.name in names and c.resolve() in wanted]
    return set(cases)


def _identity(archive: Archive, case: Path) -> str:
    return archive.show(case / CASE_FILE)


def _duplicate_ids(archive: Archive, cases: list[Path]) -> list[Finding]:
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
                    _identity(archive, case),
                    1,
                    {"id": case.name, "other": archive.show(seen[case.name])},
                    case.name,
                )
            )
        else:
            seen[case.name] = case
    return out


# What the rules found, what the records say (for the reports and the number register), and
# the listing both hold for.
Judged = tuple[CaseJudgement, CaseFacts, Listing]
_worker_archive: Archive | None = None
T = TypeVar("T")


def _init_worker(archive: Archive) -> None:
    global _worker_archive
    _worker_archive = archive


def _check_one(archive: Archive, path: Path) -> Judged:
    files = scan(path)
    case = archive.read_case(path, files)
    found = check_case(archive, case)
    return found, facts_of(archive, case, found.attached), files


def _check_in_worker(path: Path) -> Judged:
    assert _worker_archive is not None
    return _check_one(_worker_archive, path)


def _run(archive: Archive, cases: list[Path], options: CheckOptions) -> Iterator[Judged]:
    """Each case's judgement, in order, as soon as it is known (for the progress count)."""
    return _spread(partial(_check_one, archive), _check_in_worker, archive, cases, options)


def _listing_kept(path: Path) -> tuple[str, bool]:
    """A case folder's listing digest, and whether the watch is told of every change in it."""
    files = scan(path)
    return listing_digest(files), watchable(files)


def _listings(archive: Archive, cases: list[Path], options: CheckOptions) -> list[str]:
    """Each case folder's listing digest, to compare with the cache: at 10,000 cases, 100,000
    files' ``stat``, spread over the cores like the judging. A watching process lists only the
    folders it was told changed (``options.kept``)."""
    kept = options.kept
    if kept is None:
        return [digest for digest, _ in _spread(_listing_kept, _listing_kept, archive, cases, options)]
    known = {case: kept.get(case) for case in cases}
    unknown = [case for case, digest in known.items() if digest is None]
    fresh = _spread(_listing_kept, _listing_kept, archive, unknown, options)
    for case, (digest, seen) in zip(unknown, fresh, strict=True):
        known[case] = digest
        kept.keep(case, digest, seen)
    return [known[case] or "" for case in cases]


def _spread(
    here: Callable[[Path], T], there: Callable[[Path], T], archive: Archive, cases: list[Path], options: CheckOptions
) -> Iterator[T]:
    """``here`` on each case folder in this process, or, from ``options.parallel_from`` cases
    on, ``there`` in forked workers that hold ``archive``; in order, each as soon as known."""
    jobs = options.jobs or os.cpu_count() or 1
    context = fork_context() if jobs > 1 and len(cases) >= options.parallel_from else None
    if context is None:
        yield from map(here, cases)
        return
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=(archive,)) as pool:
        yield from pool.map(there, cases, chunksize=max(1, len(cases) // (jobs * 8)))


def _changed_cases(layout: Layout, cases: list[Path], rev: str) -> list[Path]:
    """Cases with a file changed since ``rev`` (committed, staged, unstaged or untracked).

    A change to the settings, an SOP or the staff registry can change any case's verdict,
    so then every case is checked.
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
    everything = {p.resolve() for p in [*layout.global_files(), layout.root.parent / CONFIG_FILE]}
    if changed & everything or any(p.parent == layout.root / SOP_DIR for p in changed):
        return cases
    known = set(cases)
    touched = set()
    for path in changed:  # walk up from each changed file to the case folder holding it
        for folder in (path, *path.parents):
            if folder in known:
                touched.add(folder)
                break
    return [c for c in cases if c in touched]


def _salt(archive: Archive) -> str:
    """What every cached judgement rests on besides its folder: sop-kit's version and code,
    the way the root is named, the archive's SOPs, staff and settings, the holiday data."""
    digest = hashlib.sha256(f"{__version__}\0{archive.shown}\0{archive.digest}".encode())
    digest.update(resources.code_fingerprint().encode())
    digest.update(data_version().encode())  # working time rests on the holiday data
    return digest.hexdigest()


def cache_file(archive: Archive, folder: Path, kind: str) -> Path:
    """The archive's cache file of ``kind`` in ``folder`` (one per archive and way of naming it)."""
    key = hashlib.sha256(f"{archive.root}\0{archive.shown}".encode()).hexdigest()[:16]
    return folder / f"{kind}-{key}.json"


def read_cache(archive: Archive, folder: Path, kind: str) -> tuple[Path, str, dict[str, Any] | None]:
    """The archive's cache file of ``kind`` in ``folder``, the salt (:func:`_salt`) its data
    must carry, and that data when it does and holds its ``cases``."""
    file, salt = cache_file(archive, folder, kind), _salt(archive)
    data = read_json(file)
    fresh = isinstance(data, dict) and data.get("salt") == salt and isinstance(data.get("cases"), dict)
    return file, salt, data if fresh else None


class _Cache:
    """Judgements per case folder, valid while the folder's listing, the settings, the SOPs,
    the staff registry, sop-kit itself and the way the root was named stay the same."""

    def __init__(self, archive: Archive, options: CheckOptions):
        self._archive, self._folder, self._kept = archive, cache_base(options.cache_dir), options.kept
        self.file, self.salt = cache_file(archive, self._folder, "check"), _salt(archive)
        self._entries = self._kept.entries(self.salt) if self._kept is not None else None
        self.dirty = False

    @property
    def entries(self) -> dict[str, Any]:
        """The judgements, read from the file when first asked for; a watching process keeps
        them between its checks (``CheckOptions.kept``) instead of reading the file again."""
        if self._entries is None:
            _, _, data = read_cache(self._archive, self._folder, "check")
            self._entries = data["cases"] if data else {}
            if data:
                remember_holidays(data.get("holidays"))  # the same salt: the same holiday data
            if self._kept is not None:
                self._kept.keep_entries(self.salt, self._entries)
        return self._entries

    def get(self, case: Path, listing: str) -> tuple[CaseJudgement, CaseFacts, str] | None:
        """The cached judgement of ``case`` if its folder's ``listing`` is the one judged."""
        entry = self.entries.get(str(case))
        if entry is None or entry.get("listing") != listing:
            return None
        try:
            findings = [Finding.from_dict(f) for f in entry["findings"]]
            missing = [MissingDocument.from_json(m) for m in entry["missing"]]
            facts = CaseFacts.from_json(entry["facts"])
            return CaseJudgement(findings, missing, facts.attached), facts, listing
        except (KeyError, TypeError, ValueError):
            return None  # an entry of another shape: judge again

    def put(self, case: Path, found: CaseJudgement, facts: CaseFacts, listing: str) -> None:
        self.entries[str(case)] = {
            "listing": listing,
            "findings": [f.to_data() for f in found.findings],
            "missing": [m.to_json() for m in found.missing],
            "facts": facts.to_json(),
        }
        self.dirty = True

    def save(self) -> None:
        if self.dirty:
            # a read-only home must not fail
            write_json(self.file, {"salt": self.salt, "cases": self.entries, "holidays": known_holidays()})
