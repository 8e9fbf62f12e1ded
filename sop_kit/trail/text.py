"""``sop-kit trail CASE``: a case's timeline as lines of text."""

from __future__ import annotations

from ..core.findings import Finding
from ..core.inert import one_line
from ..core.messages import text
from ..records.fieldtypes import office_time
from .model import APPROVALS, Trail, event_key


def format_case_trail(trail: Trail, case_id: str, lang: str = "id") -> str:
    """The case's timeline, one line per event, then the trail's findings for it."""
    ct = trail.cases.get(case_id)
    out = [text("trail.header", lang, case=case_id, commits=len({e.commit for e in ct.events}) if ct else 0)]
    for e in ct.events if ct else []:
        decision = text(f"decision.{e.decision}", lang, target="1") if e.decision else ""
        what = text(event_key(e.kind, e.file), lang, no=e.step, round=e.round, decision=decision, file=e.file)
        # In the office's time, as the records hold theirs: a commit made on a machine set to
        # UTC is seven hours off the record's 'selesai' it approves otherwise.
        parts = [f"{office_time(e.when):%Y-%m-%d %H:%M}", e.commit[:10], what, text("trail.by", lang, author=e.author)]
        if e.kind in APPROVALS:
            if e.verified:
                parts.append(text("trail.verified", lang, signer=e.signer_name or e.signer))
            else:
                reason = text(f"trail.reason.{e.reason}", lang) if e.reason else "-"
                parts.append(text("trail.not_verified", lang, reason=reason))
                if e.signer:
                    parts.append(text("trail.signed_by", lang, signer=e.signer_name or e.signer))
        elif e.signer:
            parts.append(text("trail.signed_by", lang, signer=e.signer_name or e.signer))
        out.append("  ".join(parts[:2]) + "  " + " — ".join(parts[2:]))
    findings = sorted((f for f in trail.findings if f.case == case_id), key=Finding.sort_key)
    for f in findings:
        out.append(f"{one_line(f.file)}: {text('sev.' + f.severity.value, lang)}[{f.code}]: {f.message(lang)}")
    return "\n".join(out) + "\n"
