"""sop-kit: an Indonesian government SOP as an executable, auditable records pipeline.

The library is the product; the ``sop-kit`` command is a thin layer over these calls.
"""

__version__ = "0.1.0"

from .archive import Archive, CaseFolder, open_archive, read_case  # noqa: E402
from .check import CheckOptions, check_archive  # noqa: E402
from .errors import ConfigError, SopKitError  # noqa: E402
from .findings import Finding, Report, Severity  # noqa: E402
from .progress import Progress, Status, progress_of  # noqa: E402
from .status import CaseStatus, case_status, find_case  # noqa: E402

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
