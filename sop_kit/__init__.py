"""sop-kit: an Indonesian government SOP as an executable, auditable records pipeline.

The library is the product; the ``sop-kit`` command is a thin layer over these calls.
Names are imported on first use, so that the command starts without loading the record
models it may not need (a fully cached check never parses a record).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__ as __version__

_EXPORTS = {
    "Archive": "records.archive",
    "CaseFolder": "records.archive",
    "open_archive": "records.archive",
    "read_case": "records.archive",
    "CheckOptions": "check.run",
    "check_archive": "check.run",
    "ConfigError": "core.errors",
    "SopKitError": "core.errors",
    "Finding": "core.findings",
    "Report": "core.findings",
    "Severity": "core.findings",
    "Progress": "records.rounds",
    "Status": "records.rounds",
    "progress_of": "records.rounds",
    "CaseStatus": "reports.status",
    "DemoResult": "demo.build",
    "build_demo": "demo.build",
    "case_status": "reports.status",
    "find_case": "reports.status",
    "format_status": "reports.status",
}
__all__ = [
    "Archive",
    "CaseFolder",
    "CaseStatus",
    "CheckOptions",
    "ConfigError",
    "DemoResult",
    "Finding",
    "Progress",
    "Report",
    "Severity",
    "SopKitError",
    "Status",
    "build_demo",
    "case_status",
    "check_archive",
    "find_case",
    "format_status",
    "open_archive",
    "progress_of",
    "read_case",
]

if TYPE_CHECKING:
    from .check.run import CheckOptions, check_archive
    from .core.errors import ConfigError, SopKitError
    from .core.findings import Finding, Report, Severity
    from .demo.build import DemoResult, build_demo
    from .records.archive import Archive, CaseFolder, open_archive, read_case
    from .records.rounds import Progress, Status, progress_of
    from .reports.status import CaseStatus, case_status, find_case, format_status


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'sop_kit' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
