"""``sop-kit pdf``: every document of a judged archive, rendered where its inputs changed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..check.audit import Audit
from ..core.errors import ConfigError
from ..core.feedback import Reporter
from ..records.layout import public_site_holding
from .documents import case_jobs, sop_jobs
from .render import Job, RenderReport, render_all


@dataclass(frozen=True)
class PdfOptions:
    out: Path = Path("site/pdf")  # public documents: no personal data
    internal_out: Path | None = None  # also the documents with personal data, into this folder
    case: str | None = None  # only this case (and no SOP documents)
    jobs: int = 0  # processes (0: all cores)
    scan_cache: Path | None = None  # keeps the text read back from public PDFs (the site's scan reads it)


def archive_jobs(audit: Audit, options: PdfOptions) -> list[Job]:
    """The jobs for the judged archive (or one case of it): each case's documents read its
    verdict from ``audit``, so a dossier says what the check says."""
    out = Path(options.out).resolve()
    internal = Path(options.internal_out).resolve() if options.internal_out else None
    if internal is not None and (internal == out or internal.is_relative_to(out)):
        path = str(options.internal_out)
        raise ConfigError("pdf.internal_in_public", path, path=path, public=str(options.out))
    if internal is not None and (site := public_site_holding(internal)) is not None:
        path = str(options.internal_out)  # `--internal site/dokumen`: served to anyone at once
        raise ConfigError("site.personal_in_public", path, path=path, site=str(site))
    archive = audit.archive
    for given, folder in ((options.out, out), (options.internal_out, internal)):
        if folder is not None and folder.is_relative_to(archive.root):  # into the records: committed next
            raise ConfigError("pdf.out_in_archive", str(given), path=str(given), root=archive.shown)
    jobs = [] if options.case else sop_jobs(archive, out)
    folders = list(audit.report.verdicts)
    if options.case is not None:
        wanted = archive.find_case(options.case).name  # an id, a part only it holds, or its folder
        folders = [f for f in folders if f.name == wanted]
        if not folders:
            raise ConfigError("case.not_found", options.case, id=options.case)
    for folder in folders:
        verdict = audit.report.verdicts[folder]
        jobs += case_jobs(archive, archive.read_case(folder), verdict, audit.trail, out, internal)
    return jobs


def render_documents(audit: Audit, options: PdfOptions, reporter: Reporter | None = None) -> RenderReport:
    """Render the judged archive's PDFs into ``options.out`` (public) and
    ``options.internal_out`` (personal data), with the office's template overrides."""
    jobs = archive_jobs(audit, options)
    return render_all(jobs, Path(options.out), audit.archive.templates, options.jobs, reporter, options.scan_cache)
