"""sop-kit: an Indonesian government SOP as an executable, auditable records pipeline.

The library is the product; the ``sop-kit`` command is a thin layer over these calls.
"""

__version__ = "0.1.0"

from .archive import Archive, CaseFolder, open_archive, read_case
from .check import CheckOptions, check_archive
from .errors import ConfigError, SopKitError
from .findings import Finding, Report, Severity
from .progress import Progress, Status, progress_of
from .status import CaseStatus, case_status, find_case

__all__ = [
    "Archive",
    "CaseFolder",
    "CaseStatus",
    "CheckOptions",
    "ConfigError",
    "Finding",
    "Progress",
    "Report",
    "Severity",
    "SopKitError",
    "Status",
    "case_status",
    "check_archive",
    "find_case",
    "open_archive",
    "progress_of",
    "read_case",
]
