"""Whether a completed step holds its pelaksana's approval, as the trail judges it: what
``step N --setujui`` approves, and what a step's commit is told after it is made."""

from __future__ import annotations

from pathlib import Path

from ..check.audit import audit
from ..check.run import CheckOptions
from ..core.errors import ConfigError
from ..core.findings import Finding
from ..records.archive import Archive
from ..trail.findings import NOT_APPROVED
from . import gitops

__all__ = ["approval_findings", "refuse_approved"]


def approval_findings(archive: Archive, folder: Path, path: Path) -> list[Finding]:
    """What the case's verdict, trail included, says against the approval of the step record
    at ``path``: nothing when its role holder's signed commit approves it as it stands."""
    verdict = audit(archive, CheckOptions(only=(folder,))).report.verdicts.get(folder)
    shown = archive.show(path)
    return [f for f in verdict.findings if f.file == shown and f.code in NOT_APPROVED] if verdict else []


def refuse_approved(archive: Archive, folder: Path, path: Path, no: int) -> None:
    """``--setujui`` with no correction open approves the completion as history holds it, once:
    refused when the working copy differs (a change nobody recorded would be approved unseen),
    or when the trail already holds it approved by its role holder."""
    if gitops.pending(path.parent).get(path) is not None:
        raise ConfigError("record.approve_changed", archive.show(path), no=no, path=archive.show(path))
    if not approval_findings(archive, folder, path):
        raise ConfigError("record.already_approved", archive.show(path), no=no)
