"""An archive judged: opened once, its trail loaded once, each case's verdict computed once.

Every command that reports on cases starts here, as MkDocs' commands start from
``load_config``: :func:`audit` returns the one :class:`Audit` that the check's report, the
status, the PDFs, the site and the bag all read.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..core.feedback import SILENT, Reporter
from ..records.archive import Archive, open_archive
from ..records.layout import Layout
from ..trail.load import load_trail
from ..trail.model import Trail
from .report import Report, Verdict
from .run import CheckOptions, check_archive


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
    """Open the archive at ``root`` (unless given one already open), load its approval trail
    (unless ``options.trail`` is off) and judge its cases.

    Raises :class:`~sop_kit.core.errors.ConfigError` when ``root`` is not an archive or an
    option is wrong; problems inside the archive are findings in the report.
    """
    options = options or CheckOptions()
    reporter = reporter or SILENT
    archive = root if isinstance(root, Archive) else open_archive(root)
    trail = (
        load_trail(archive, options.cache_dir, options.jobs or 0, options.use_cache, reporter)
        if options.trail
        else None
    )
    return Audit(archive, trail, check_archive(archive, trail, options, reporter), options)


def audit_case(
    root: Path | str | Layout | Archive,
    case: str,
    options: CheckOptions | None = None,
    reporter: Reporter | None = None,
) -> tuple[Audit, Path]:
    """:func:`audit` of one case, named by its id or a path to it; returns the case folder too."""
    archive = root if isinstance(root, Archive) else open_archive(root)
    folder = archive.find_case(case)
    return audit(archive, replace(options or CheckOptions(), only=(folder,)), reporter), folder
