"""sop-kit: an Indonesian government SOP as an executable, auditable records pipeline.

The library is the product; the ``sop-kit`` command is a thin layer over these calls.
Names are imported on first use, so that the command starts without loading the record
models it may not need (a fully cached check never parses a record).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "Archive": "archive",
    "CaseFolder": "archive",
    "open_archive": "archive",
    "read_case": "archive",
    "CheckOptions": "check",
    "check_archive": "check",
    "ConfigError": "errors",
    "SopKitError": "errors",
    "Finding": "findings",
    "Report": "findings",
    "Severity": "findings",
    "Progress": "progress",
    "Status": "progress",
    "progress_of": "progress",
    "CaseStatus": "status",
    "DemoResult": "demo",
    "build_demo": "demo",
    "case_status": "status",
    "find_case": "status",
    "format_status": "status",
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
    from .archive import Archive, CaseFolder, open_archive, read_case
    from .check import CheckOptions, check_archive
    from .demo import DemoResult, build_demo
    from .errors import ConfigError, SopKitError
    from .findings import Finding, Report, Severity
    from .progress import Progress, Status, progress_of
    from .status import CaseStatus, case_status, find_case, format_status


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'sop_kit' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
