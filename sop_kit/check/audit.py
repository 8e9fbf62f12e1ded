"""An archive judged: opened once, its trail loaded once, each case's verdict computed once.

Every command that reports on cases starts here, as MkDocs' commands start from
``load_config``: :func:`audit` returns the one :class:`Audit` that the check's report, the
status, the PDFs, the site and the bag all read.

In a git repository the trail is read first: it says which versions of the settings, the SOP
files, the staff registry, the templates and the site settings are in force (authorised by a
signed commit, see :mod:`sop_kit.trail.governed`), and the archive is then opened with those,
so a file changed without authority neither judges a case nor renders a page.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from ..core import collector
from ..core.cache import cache_base
from ..core.errors import ConfigError
from ..core.feedback import SILENT, Reporter
from ..core.findings import Finding, Severity
from ..records.archive import Archive, Governed, open_archive
from ..records.config import CONFIG_FILE, load_config
from ..records.layout import SITE_FILE, SOP_DIR, STAFF_FILE, Layout, locate
from ..records.scan import named
from ..trail.build import authorised_content
from ..trail.findings import OFFICE_FILE_REFUSED
from ..trail.gitlog import working_ids
from ..trail.load import load_trail
from ..trail.model import Trail, removed_cases
from .nomor import add_number_findings
from .opened import add_open_twice_findings
from .report import Report, Verdict
from .run import CheckOptions, check_archive
from .shared import add_shared_file_findings


@dataclass
class Audit:
    archive: Archive
    trail: Trail | None  # None: the trail was left out, or the archive is not in a git repository
    report: Report
    options: CheckOptions

    def verdict(self, folder: Path) -> Verdict | None:
        """The verdict of the case folder ``folder`` (None: it was not checked in this run)."""
        return self.report.verdicts.get(folder)


def audit(
    root: Path | str | Layout | Archive, options: CheckOptions | None = None, reporter: Reporter | None = None
) -> Audit:
    """Load the approval trail of the archive at ``root`` (unless ``options.trail`` is off),
    open the archive with the settings, SOPs and registry in force, and judge its cases. An
    archive already open is judged as it is.

    Raises :class:`~sop_kit.core.errors.ConfigError` when ``root`` is not an archive or an
    option is wrong; problems inside the archive are findings in the report.
    """
    options = options or CheckOptions()
    reporter = reporter or SILENT
    layout = locate(root)
    trail = None
    with collector.kept():  # the trail, the archive and the verdicts live as long as the audit
        if options.trail:
            trail = trail_of(layout, options, reporter)
        archive = root if isinstance(root, Archive) else _opened(layout, trail)
        report = check_archive(archive, trail, options, reporter)
        removed = removed_cases(trail.cases) if trail else frozenset()
        add_number_findings(archive, report, removed)  # the letter-number register, with the records' numbers
        kept = cache_base(options.cache_dir) if options.use_cache else None
        add_shared_file_findings(archive, report, kept)  # one photo as evidence of two cases
        add_open_twice_findings(archive, report)  # one coaching, one case
    return Audit(archive, trail, report, options)


def trail_of(layout: Layout, options: CheckOptions, reporter: Reporter = SILENT) -> Trail | None:
    """The archive's approval trail as the check reads it (None outside git)."""
    trust_root = load_config(layout)[0].trust_root  # the pin starts the chain; it cannot be authorised by it
    return load_trail(layout, trust_root, options.cache_dir, options.jobs or 0, options.use_cache, reporter)


def open_in_force(root: Path | str | Layout, reporter: Reporter = SILENT) -> Archive:
    """The archive opened as :func:`audit` opens it, with the settings, SOPs and registry in
    force: what a clerk's command reads before it writes, so that the verdict it shows is the
    check's (a registry changed without authority gives nobody a role there either). Its
    findings also hold the trail's on the office files changed without authority whose last
    commit is still not the version in force, which say why. A change refused long ago and
    since mended by an authorised commit explains nothing now, and is left out."""
    layout = locate(root)
    trail = trail_of(layout, CheckOptions(), reporter)
    archive = _opened(layout, trail)
    if trail is not None:
        # named as the trail's findings name them
        live = {
            layout.show(trail.top / p) if (trail.top / p).is_relative_to(layout.root) else p
            for p in trail.refused_heads()
        }
        archive.findings += [f for f in trail.findings if f.code in OFFICE_FILE_REFUSED and f.file in live]
    return archive


def _opened(layout: Layout, trail: Trail | None) -> Archive:
    governed, notes = in_force(layout, trail) if trail is not None else (None, [])
    archive = open_archive(layout, governed)
    archive.findings += notes
    return archive


def audit_case(
    root: Path | str | Layout | Archive,
    case: str,
    options: CheckOptions | None = None,
    reporter: Reporter | None = None,
) -> tuple[Audit, Path]:
    """:func:`audit` of one case, named by its id or a path to it; returns the case folder too."""
    layout = locate(root)
    folder = layout.find_case(case)
    return audit(root, replace(options or CheckOptions(), only=(folder,)), reporter), folder


def _blob_id(data: bytes) -> str:
    """git's id of a file with these bytes."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def in_force(layout: Layout, trail: Trail) -> tuple[Governed | None, list[Finding]]:
    """The settings, SOP files, registry, templates and mkdocs.yml in force, by path, when
    signatures are required: the versions history authorised, with a warning for each
    working-tree file that differs and is not committed (a committed one is the trail's
    finding). Under ``laporkan`` the working tree judges (None)."""
    if trail.policy != "wajib":
        return None, []
    top = trail.top
    office = (layout.root / STAFF_FILE, layout.root.parent / CONFIG_FILE, layout.root.parent / SITE_FILE)
    mine = {
        path: top / path
        for path in trail.authorised
        if (top / path).parent == layout.root / SOP_DIR
        or top / path in office
        or (top / path).is_relative_to(layout.templates_dir)
    }
    content = authorised_content(trail, mine)
    governed: dict[Path, bytes] = {mine[path]: data for path, data in content.items()}
    notes = []
    templates = layout.templates_dir
    candidates = {*governed, *named((layout.root / SOP_DIR).glob("*.yaml")), *office}
    candidates |= {p for p in named(templates.rglob("*")) if p.is_file()} if not templates.is_symlink() else set()
    differing: dict[Path, tuple[str, bool]] = {}  # path: (repository path, readable)
    for path in sorted(candidates):
        try:
            working: bytes | None = path.read_bytes()
        except OSError:
            working = None
        repo_path = path.relative_to(top).as_posix() if path.is_relative_to(top) else str(path)
        committed = trail.heads.get(repo_path) == (_blob_id(working) if working is not None else None)
        if working != governed.get(path) and not committed:  # a committed change: the trail reports it
            differing[path] = (repo_path, working is not None)
    # Byte for byte they differ; as git stores them perhaps not: a checkout with core.autocrlf
    # (Git for Windows' default) has CRLF line endings where the commit has LF.
    readable = [path for path, (_, ok) in differing.items() if ok and path.is_relative_to(top)]
    try:
        stored = dict(zip(readable, working_ids(top, readable), strict=True))
    except (ConfigError, ValueError):  # git could not read one: each is said to differ, as before
        stored = {}
    for path, (repo_path, _) in differing.items():
        if path in stored and trail.heads.get(repo_path) == stored[path]:
            continue
        found = trail.authorised.get(repo_path)
        shown = layout.show(path) if path.is_relative_to(layout.root) else repo_path
        params = {"commit": found.commit[:10] if found else "-"}
        notes.append(Finding(Severity.WARNING, "governed.not_in_force", shown, None, params))
    return governed, notes
