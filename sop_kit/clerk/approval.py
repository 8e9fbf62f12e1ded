"""Whether a completed step holds its pelaksana's approval, as the trail judges it: what
``step N --setujui`` approves, and what a step's commit is told after it is made."""

from __future__ import annotations

from pathlib import Path

from ..check.audit import trail_of
from ..check.run import CheckOptions
from ..core.errors import ConfigError
from ..core.findings import Finding
from ..records.archive import Archive
from ..records.fieldtypes import office_today
from ..records.layout import STAFF_FILE
from ..records.models import CatatanLangkah, Sop, Staf
from ..records.sshkey import signer_of
from ..trail.findings import NOT_APPROVED
from . import gitops

__all__ = ["after_commit", "approval_findings", "refuse_approved", "signer_here", "stands_in"]


def approval_findings(archive: Archive, path: Path) -> list[Finding]:
    """What the trail says against the approval of the step record at ``path`` (the findings
    the case's verdict takes from it): nothing when its role holder's signed commit approves
    it as it stands. The trail alone: nothing else in a verdict decides an approval, and the
    archive-wide comparisons would cost a clerk's every commit their time."""
    trail = trail_of(archive, CheckOptions())
    shown = archive.show(path)
    return [f for f in trail.findings if f.file == shown and f.code in NOT_APPROVED] if trail else []


def after_commit(archive: Archive, path: Path, record: CatatanLangkah, signed: bool) -> list[Finding]:
    """:func:`approval_findings` after the step's commit, when there is something to learn:
    a completed record committed unsigned, or with a key not known here to be its recorded
    pelaksana's while they hold one of the step's roles. Otherwise the trail, rebuilt for the
    new commit over the whole history (seconds at 1,000 cases), is left to the next check."""
    if record.status != "selesai":
        return []  # no approval to judge yet
    if signed and _doer_signs(archive, path, record):
        return []
    return approval_findings(archive, path)


def signer_here(archive: Archive, folder: Path) -> tuple[str, Staf | None] | None:
    """The key git signs with here and the registry's one holder of it (None: nobody's), when
    git's settings say which key (:func:`gitops.signing_key`)."""
    line = gitops.signing_key(folder)
    return (line, signer_of(archive.staff, line)) if line is not None else None


def stands_in(archive: Archive, folder: Path, sop: Sop, record: CatatanLangkah) -> bool:
    """Whether git here signs as a holder of the step's role today approving for a recorded
    pelaksana who holds it no more (:meth:`Archive.successors`): what the commit message says."""
    found = signer_here(archive, folder)
    signer = found[1] if found else None
    return (
        signer is not None
        and signer.id != record.pelaksana
        and signer in archive.successors(sop, record, office_today())
    )


def _doer_signs(archive: Archive, path: Path, record: CatatanLangkah) -> bool:
    """Whether git here signs as the recorded pelaksana, who holds one of the step's roles
    today, by the registry as committed (one changed here and not committed judges nothing)."""
    found = signer_here(archive, path.parent)
    signer = found[1] if found else None
    staff_file = archive.root / STAFF_FILE
    if signer is None or signer.id != record.pelaksana:
        return False
    # As git stores it (status, not bytes: a Windows checkout has CRLF where the commit has LF).
    if gitops.committed(staff_file) is None or staff_file in gitops.pending(staff_file):
        return False
    case = archive.read_case(path.parent.parent)
    sop = archive.sop_of(case.kasus) if case.kasus is not None else None
    return sop is not None and sop.done_by(record.langkah, signer.roles_on(office_today()))


def refuse_approved(archive: Archive, path: Path, no: int) -> None:
    """``--setujui`` with no correction open approves the completion as history holds it, once:
    refused when the working copy differs (a change nobody recorded would be approved unseen),
    or when the trail already holds it approved by its role holder."""
    if gitops.pending(path.parent).get(path) is not None:
        raise ConfigError("record.approve_changed", archive.show(path), no=no, path=archive.show(path))
    if not approval_findings(archive, path):
        raise ConfigError("record.already_approved", archive.show(path), no=no, case=path.parent.parent.name)
