"""What the trail means for the check: wrong role, unverified approvals, later changes."""

from __future__ import annotations

from collections.abc import Iterator

from ..core.findings import Finding, Severity
from ..records.archive import Archive
from ..records.config import ArchiveConfig
from ..records.layout import STEPS_DIR
from .model import Trail


def trail_findings(archive: Archive, trail: Trail, config: ArchiveConfig) -> Iterator[Finding]:
    """What the steps' approvals mean for the check: wrong role, unverified approvals, later
    changes (the findings the builder made of the history itself are already on ``trail``)."""
    for ct in trail.cases.values():
        for st in ct.steps.values():
            shown = archive.show(trail.top / ct.folder / STEPS_DIR / st.file)
            ev = st.approval
            if ev is not None and not ev.verified:
                reason = f"@trail.reason.{ev.reason}" if ev.reason else "-"
                params = {"no": st.step, "commit": ev.commit[:10], "reason": reason, "author": ev.author}
                if ev.reason == "no_role":
                    yield Finding(Severity.ERROR, "trail.wrong_role", shown, None, params, ct.case)
                else:
                    sev = Severity.ERROR if config.policy == "wajib" else Severity.INFO
                    yield Finding(sev, "trail.unverified", shown, None, params, ct.case)
            for change in st.changed_after:
                params = {
                    "no": st.step,
                    "commit": change.commit[:10],
                    "author": change.author,
                    "signer": change.signer or "-",
                    "path": change.file or st.file,
                    "approved": st.approval.commit[:10] if st.approval else "-",
                }
                yield Finding(Severity.WARNING, "trail.changed_after_approval", shown, None, params, ct.case)
