"""One coaching, one case: a desa with two open cases of one SOP.

``sop-kit new`` refuses a second open case for a desa, but it sees only its own copy of the
archive: two clerks on two laptops may each open one, and the merge brings both in. Each is
a warning of both cases (``case.open_twice``), naming the other, until one is withdrawn
(``sop-kit hentikan … batal``) or finished. ``new --lagi`` cases, opened on purpose for a
separate coaching, are warned about too: the auditor sees two coachings under way at once.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..core.findings import Finding, Severity
from ..records.archive import Archive
from ..records.facts import Counted
from ..records.layout import CASE_FILE
from .report import Report


def add_open_twice_findings(archive: Archive, report: Report) -> None:
    """Add to each reported case's verdict a warning for every other open case of the same
    SOP and desa in the archive."""
    every = [*((f, v.facts) for f, v in report.verdicts.items()), *report.others.items()]
    groups: dict[tuple[str, str], list[tuple[Path, Counted]]] = {}
    for folder, facts in every:
        c = facts.counted
        if c is not None and c.open and c.desa:
            groups.setdefault((c.sop[0], c.desa), []).append((folder, c))
    for (sop, _), cases in groups.items():
        if len(cases) < 2:
            continue
        for folder, c in cases:
            verdict = report.verdicts.get(folder)
            if verdict is None:
                continue
            others = ", ".join(sorted(other.id for f, other in cases if f != folder))
            finding = Finding(
                Severity.WARNING, "case.open_twice", archive.show(folder / CASE_FILE), c.desa_line,
                {"others": others, "sop": sop}, c.id,
            )  # fmt: skip
            report.verdicts[folder] = replace(verdict, findings=(*verdict.findings, finding))
