"""What a check concludes: one :class:`Verdict` per case, computed once per run, and the
archive-wide findings. Every surface (the command's report, status, the dossier and letters,
the site, the exports, the bag) reads these objects instead of judging again."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.findings import Finding, Severity
from ..records.facts import CaseFacts

# The findings that say an approval is not proven, and that approved content changed since.
UNVERIFIED = frozenset({"trail.unverified", "trail.wrong_role", "step.wrong_role"})
# changed after approval: committed, or edited in the working tree and not committed
CHANGED = frozenset(
    {"trail.changed_after_approval", "trail.identity_changed", "trail.uncommitted", "trail.identity_uncommitted"}
)


@dataclass(frozen=True)
class MissingDocument:
    """A mandated document kind a completed step lacks (fewer valid files than it needs)."""

    step: int
    round: int
    kind: str  # the SOP's document kind id
    name: str  # its name, as people read it
    needed: int
    found: int

    def to_json(self) -> list[Any]:
        return [self.step, self.round, self.kind, self.name, self.needed, self.found]

    @classmethod
    def from_json(cls, data: list[Any]) -> MissingDocument:
        return cls(*data)


@dataclass(frozen=True)
class Verdict:
    """Everything sop-kit concludes about one case folder."""

    case: str  # the folder's name, which is the case id
    folder: Path
    findings: tuple[Finding, ...] = ()
    missing: tuple[MissingDocument, ...] = ()
    facts: CaseFacts = field(default_factory=CaseFacts)  # what its records say, read by the same judgement
    listing: str = ""  # digest of the folder's files as judged (records.scan.listing_digest); "": not known

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def errors(self) -> int:
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        return self.count(Severity.WARNING)

    def missing_in(self, step: int) -> list[MissingDocument]:
        return [m for m in self.missing if m.step == step]

    @property
    def complies(self) -> bool:
        """No error: the case followed the SOP, with every approval verified, as far as known."""
        return self.errors == 0

    @property
    def unverified(self) -> int:
        """Step records whose approval is not proven: unsigned, signed by another key, or by
        someone without the step's role (each record once, whatever says so)."""
        return len({f.file for f in self.findings if f.code in UNVERIFIED and f.severity is not Severity.INFO})

    @property
    def changed_after_approval(self) -> int:
        """Records changed since their approval and not approved again."""
        return len({f.file for f in self.findings if f.code in CHANGED})


@dataclass
class Report:
    """Everything a check found: the archive-wide findings (SOP files, staff registry,
    settings, the trail's own) and each checked case's verdict."""

    archive_findings: list[Finding] = field(default_factory=list)
    verdicts: dict[Path, Verdict] = field(default_factory=dict)  # by case folder
    cases_from_cache: int = 0
    folders: frozenset[str] = frozenset()  # every case folder's name in the archive, judged this run or not
    # The facts of the archive's cases not reported (judged for the findings that compare cases).
    others: dict[Path, CaseFacts] = field(default_factory=dict)
    others_listing: dict[Path, str] = field(default_factory=dict)  # as Verdict.listing, for the others
    # Whether the approval trail judged (git history read): without it no approval is verified
    # and the working copy's registry, SOPs and settings judged. Every surface says so.
    trail_read: bool = False

    @property
    def findings(self) -> list[Finding]:
        return [*self.archive_findings, *(f for v in self.verdicts.values() for f in v.findings)]

    @property
    def cases_checked(self) -> int:
        return len(self.verdicts)

    def verdict(self, case_id: str) -> Verdict | None:
        """The verdict of the case folder named ``case_id`` (the first, should two share it)."""
        return next((v for v in self.verdicts.values() if v.case == case_id), None)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def failed(self, strict: bool = False) -> bool:
        return self.count(Severity.ERROR) > 0 or (strict and self.count(Severity.WARNING) > 0)

    def sorted(self) -> list[Finding]:
        return sort_findings(self.findings)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=Finding.sort_key)
