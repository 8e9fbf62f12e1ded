"""sop-kit: an Indonesian government SOP as an executable, auditable records pipeline.

The library is the product; the ``sop-kit`` command is a thin layer over these calls. Every
entry point that reports on cases takes an :class:`Audit`: the archive opened once, its
approval trail loaded once and each case's verdict computed once::

    import sop_kit

    audit = sop_kit.audit("demo-arsip/records")                       # open, trail, judge
    print(sop_kit.format_report(audit.report, "text", "id"), end="")  # what check prints
    sop_kit.build_site(audit, sop_kit.SiteOptions(out=Path("site")))  # PDFs and the audit site

Names are imported on first use, so that a command starts without loading what it does not
need (the PDF renderer, MkDocs, the importer's readers).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__ as __version__

_EXPORTS = {
    # open and judge
    "Archive": "records.archive",
    "CaseFolder": "records.archive",
    "open_archive": "records.archive",
    "Audit": "check.audit",
    "audit": "check.audit",
    "audit_case": "check.audit",
    "CheckOptions": "check.run",
    "Report": "check.report",
    "Verdict": "check.report",
    "MissingDocument": "check.report",
    "Finding": "core.findings",
    "Severity": "core.findings",
    "SopKitError": "core.errors",
    "ConfigError": "core.errors",
    "format_report": "check.output",
    # the trail
    "Trail": "trail.model",
    "load_trail": "trail.load",
    "format_case_trail": "trail.text",
    # where a case stands; the SOPs in practice and between revisions
    "Status": "records.rounds",
    "CaseStatus": "reports.status",
    "case_status": "reports.status",
    "format_status": "reports.status",
    "archive_stats": "reports.stats",
    "diff_sops": "reports.diff",
    "format_diff": "reports.diff",
    # documents and the site
    "PdfOptions": "pdf.build",
    "render_documents": "pdf.build",
    "SiteOptions": "site.build",
    "build_site": "site.build",
    # the clerks' work and a new office
    "NewCase": "clerk.new",
    "create_case": "clerk.new",
    "StepUpdate": "clerk.step",
    "NewAttachment": "clerk.step",
    "record_step": "clerk.step",
    "init_archive": "clerk.init",
    "write_schemas": "clerk.schema",
    "import_sop": "sopimport",
    "write_import": "sopimport",
    # transfer to the regional archive
    "BagOptions": "bag.export",
    "export_bag": "bag.export",
    "verify_bag": "bag.verify",
    # the demo archive
    "DemoResult": "demo.build",
    "build_demo": "demo.build",
    # feedback during long operations
    "Reporter": "core.feedback",
    "reporter_for": "core.feedback",
}
__all__ = [
    "Archive",
    "Audit",
    "BagOptions",
    "CaseFolder",
    "CaseStatus",
    "CheckOptions",
    "ConfigError",
    "DemoResult",
    "Finding",
    "MissingDocument",
    "NewAttachment",
    "NewCase",
    "PdfOptions",
    "Report",
    "Reporter",
    "Severity",
    "SiteOptions",
    "SopKitError",
    "Status",
    "StepUpdate",
    "Trail",
    "Verdict",
    "archive_stats",
    "audit",
    "audit_case",
    "build_demo",
    "build_site",
    "case_status",
    "create_case",
    "diff_sops",
    "export_bag",
    "format_case_trail",
    "format_diff",
    "format_report",
    "format_status",
    "import_sop",
    "init_archive",
    "load_trail",
    "open_archive",
    "record_step",
    "render_documents",
    "reporter_for",
    "verify_bag",
    "write_import",
    "write_schemas",
]

if TYPE_CHECKING:
    from .bag.export import BagOptions, export_bag
    from .bag.verify import verify_bag
    from .check.audit import Audit, audit, audit_case
    from .check.output import format_report
    from .check.report import MissingDocument, Report, Verdict
    from .check.run import CheckOptions
    from .clerk.init import init_archive
    from .clerk.new import NewCase, create_case
    from .clerk.schema import write_schemas
    from .clerk.step import NewAttachment, StepUpdate, record_step
    from .core.errors import ConfigError, SopKitError
    from .core.feedback import Reporter, reporter_for
    from .core.findings import Finding, Severity
    from .demo.build import DemoResult, build_demo
    from .pdf.build import PdfOptions, render_documents
    from .records.archive import Archive, CaseFolder, open_archive
    from .records.rounds import Status
    from .reports.diff import diff_sops, format_diff
    from .reports.stats import archive_stats
    from .reports.status import CaseStatus, case_status, format_status
    from .site.build import SiteOptions, build_site
    from .sopimport import import_sop, write_import
    from .trail.load import load_trail
    from .trail.model import Trail
    from .trail.text import format_case_trail


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'sop_kit' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
