"""The approval trail as data: each case's timeline of events and the approval state of each
step record, as :mod:`sop_kit.trail.build` derives them from git history."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from ..core.findings import Finding
from .governed import Authorised

EVENT_KINDS = (
    "dibuat",
    "dicatat",
    "selesai",
    "keputusan",
    "disetujui_ulang",
    "disetujui",  # the first approval its doer gave: the completion was committed by someone else
    "disetujui_pengganti",  # approved by a role holder for a doer who holds none of its roles now
    "diubah",
    "berkas_diubah",
    "identitas_diubah",
    "dipindah",  # the case folder moved (``file``: where it was, inside the records)
    "diganti_nama",  # a step record renamed, its content unchanged (``file``: "old → new")
)
# The kinds that approve a step.
APPROVALS = ("selesai", "keputusan", "disetujui_ulang", "disetujui", "disetujui_pengganti")
# Why an approval is not verified (catalogue codes trail.reason.*).
REASONS = ("unsigned", "bad_signature", "no_registry", "unknown_key", "shared_key", "no_role", "not_recorded_person")
IDENTITY = "kasus.yaml"  # the step name under which changes to a case's identity are followed


@dataclass
class Event:
    """One line of a case's timeline."""

    kind: str  # one of EVENT_KINDS
    commit: str
    when: datetime  # when it counts from: when it entered the main line, never before an ancestor
    author: str  # the name written in the commit: proves nothing
    step: int | None = None
    round: int | None = None
    file: str | None = None  # path inside the case folder
    signer: str | None = None  # staff id behind the signing key, if known
    signer_name: str | None = None
    signature: str = "N"
    verified: bool = False
    reason: str | None = None
    decision: str | None = None
    tree: str | None = None  # the case folder's tree at an approval: its exact content
    dated: datetime | None = None  # the date the commit claims, when it differs from ``when``
    folder: str | None = None  # the case folder (repository path) then, when it has moved since

    def to_json(self) -> dict[str, Any]:
        """Its fields, the times as ISO 8601 (the trail's cache and the bag's trail file)."""
        return {**self.__dict__, "when": self.when.isoformat(), "dated": self.dated.isoformat() if self.dated else None}


@dataclass
class StepTrail:
    step: int
    round: int
    file: str
    approval: Event | None = None
    changed_after: list[Event] = field(default_factory=list)  # since the last approval
    documents: set[str] = field(default_factory=set)  # paths the approved record names
    done: datetime | None = None  # the approved record's 'selesai' (WIB, no zone)

    @property
    def changed(self) -> bool:
        return bool(self.changed_after)


@dataclass
class CaseTrail:
    case: str
    folder: str  # path of the case folder inside the repository
    events: list[Event] = field(default_factory=list)
    steps: dict[str, StepTrail] = field(default_factory=dict)  # by step file name
    deciders: str = "-"  # the names of the roles of its SOP's decision steps (who approves again)
    removed: bool = False  # its folder is gone from the archive (a finding of the archive, not its steps)


@dataclass(frozen=True)
class Source:
    """The repository state a check or a site was made from: the commit checked out, its date,
    and whether the archive had changes not committed."""

    commit: str
    when: datetime | None
    uncommitted: bool


@dataclass
class Trail:
    top: Path  # the repository's work tree
    cases: dict[str, CaseTrail] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    commits: int = 0
    signed: int = 0
    # Governed files (repository paths): the version in force, and the last one committed.
    authorised: dict[str, Authorised] = field(default_factory=dict)
    heads: dict[str, str] = field(default_factory=dict)
    # The settings in force at the tip, as authorised (with the environment's pins).
    policy: str = "laporkan"
    changed_after: str = "galat"
    # The clock it was built by, and the earliest date then in the future: the trail holds
    # while the clock has not gone back, nor reached that date (less the slack allowed).
    built: datetime | None = None
    future_from: datetime | None = None
    source: Source | None = None  # the working tree's tracked files: set on each load, never cached
    # Repository paths the working tree holds otherwise than HEAD (git status, and the files git
    # is told not to look at): set on each load, never cached.
    uncommitted: frozenset[str] = frozenset()

    def case(self, case_id: str) -> CaseTrail | None:
        return self.cases.get(case_id)

    def source_of(self, cases: Iterable[str]) -> Source | None:
        """The state a check or site of ``cases`` (ids) was made from: a case folder that no
        commit ever held is a change not committed, like a tracked file changed."""
        if self.source is None or self.source.uncommitted or all(c in self.cases for c in cases):
            return self.source
        return replace(self.source, uncommitted=True)

    def to_json(self) -> dict[str, Any]:
        def at(ct: CaseTrail, e: Event) -> int | None:
            """The event's place in its case's list: found by identity first (comparing every
            field of 65,000 events took half a second), else as the first equal one."""
            found = places[ct.case].get(id(e))
            return found if found is not None else (ct.events.index(e) if e in ct.events else None)

        places = {cid: {id(e): i for i, e in enumerate(ct.events)} for cid, ct in self.cases.items()}

        return {
            "commits": self.commits,
            "signed": self.signed,
            "authorised": {path: [a.blob, a.commit] for path, a in self.authorised.items()},
            "heads": self.heads,
            "policy": self.policy,
            "changed_after": self.changed_after,
            "built": self.built.isoformat() if self.built else None,
            "future_from": self.future_from.isoformat() if self.future_from else None,
            "findings": [{k: v for k, v in f.to_dict().items() if k not in ("message", "hint")} for f in self.findings],
            "cases": {
                cid: {
                    "folder": ct.folder,
                    "deciders": ct.deciders,
                    "removed": ct.removed,
                    "events": [e.to_json() for e in ct.events],
                    "steps": {
                        name: {
                            "step": st.step,
                            "round": st.round,
                            "approval": at(ct, st.approval) if st.approval else None,
                            "changed": [at(ct, e) for e in st.changed_after],
                            "documents": sorted(st.documents),
                            "done": st.done.isoformat() if st.done else None,
                        }
                        for name, st in ct.steps.items()
                    },
                }
                for cid, ct in self.cases.items()
            },
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], top: Path) -> Trail:
        trail = cls(top, commits=data["commits"], signed=data["signed"])
        trail.findings = [Finding.from_dict(f) for f in data["findings"]]
        trail.authorised = {path: Authorised(blob, commit) for path, (blob, commit) in data["authorised"].items()}
        trail.heads = dict(data["heads"])
        trail.policy, trail.changed_after = data["policy"], data["changed_after"]
        trail.built = datetime.fromisoformat(data["built"]) if data["built"] else None
        trail.future_from = datetime.fromisoformat(data["future_from"]) if data["future_from"] else None
        for cid, c in data["cases"].items():
            events = [
                Event(
                    **{
                        **e,
                        "when": datetime.fromisoformat(e["when"]),
                        "dated": datetime.fromisoformat(e["dated"]) if e["dated"] else None,
                    }
                )
                for e in c["events"]
            ]
            ct = CaseTrail(cid, c["folder"], events, deciders=c["deciders"], removed=c["removed"])
            for name, s in c["steps"].items():
                st = StepTrail(s["step"], s["round"], name)
                st.approval = events[s["approval"]] if s["approval"] is not None else None
                st.changed_after = [events[i] for i in s["changed"]]
                st.documents = set(s["documents"])
                st.done = datetime.fromisoformat(s["done"]) if s["done"] else None
                ct.steps[name] = st
            trail.cases[cid] = ct
        return trail
