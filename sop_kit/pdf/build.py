"""``sop-kit pdf``: every document of an archive, rendered where its inputs changed."""

from __future__ import annotations

from pathlib import Path

from ..core.errors import ConfigError
from ..core.feedback import Reporter
from ..records.archive import open_archive
from ..records.layout import locate
from .documents import case_jobs, sop_jobs
from .render import Job, RenderReport, render_all

TEMPLATES_DIR = "templates"  # beside records/: the archive's template overrides


def archive_jobs(
    root: Path | str,
    out: Path,
    internal_out: Path | None = None,
    case: str | None = None,
    trail: bool = True,
    reporter: Reporter | None = None,
) -> tuple[list[Job], Path]:
    """The jobs for an archive (or one case of it) and the folder of template overrides."""
    layout = locate(root)
    out, internal = Path(out).resolve(), Path(internal_out).resolve() if internal_out else None
    if internal is not None and (internal == out or internal.is_relative_to(out)):
        raise ConfigError("pdf.internal_in_public", str(internal_out), path=str(internal_out), public=str(out))
    archive = open_archive(root)
    found = None
    if trail:
        from ..trail.build import load_trail

        found = load_trail(layout, reporter=reporter)
    jobs = [] if case else sop_jobs(archive, out)
    folders = archive.case_dirs()
    if case is not None:
        folders = [f for f in folders if f.name == case]
        if not folders:
            raise ConfigError("case.not_found", case, id=case)
    for folder in folders:
        jobs += case_jobs(archive, folder, out, internal, found)
    return jobs, layout.root.parent / TEMPLATES_DIR


def render_documents(
    root: Path | str,
    out: Path,
    internal_out: Path | None = None,
    case: str | None = None,
    processes: int = 0,
    trail: bool = True,
    reporter: Reporter | None = None,
) -> RenderReport:
    """Render the archive's PDFs into ``out`` (public) and ``internal_out`` (personal data)."""
    jobs, overrides = archive_jobs(root, out, internal_out, case, trail, reporter)
    return render_all(jobs, Path(out), overrides, processes, reporter)
