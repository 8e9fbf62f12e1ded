"""The approval trail as data: each case's timeline of events and the approval state of each
step record, as :mod:`sop_kit.trail.build` derives them from git history."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, MutableMapping
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
REASONS = (
    "unsigned", "bad_signature", "no_registry", "unknown_key", "shared_key", "no_role", "not_recorded_person",
    "revoked_alongside",
)  # fmt: skip
IDENTITY = "kasus.yaml"  # the step name under which changes to a case's identity are followed


def event_key(kind: str, file: str | None) -> str:
    """The catalogue entry an event is told by: kasus.yaml's re-approval is no step's."""
    if kind == "disetujui_ulang" and file == IDENTITY:
        return "trail.ev.identitas_disetujui_ulang"
    return f"trail.ev.{kind}"


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
    cases: MutableMapping[str, CaseTrail] = field(default_factory=dict)
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

    def refused_heads(self) -> set[str]:
        """The governed files (repository paths) whose last committed version is not the one in
        force: a change history refused and nobody has mended since."""
        in_force = {path: a.blob for path, a in self.authorised.items()}
        return {
            path for path in self.heads.keys() | in_force.keys() if self.heads.get(path, "") != in_force.get(path, "")
        }

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
        trail.cases = _Cases(data["cases"])
        return trail


def _case_from_json(cid: str, c: dict[str, Any]) -> CaseTrail:
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
    return ct


class _Cases(MutableMapping[str, CaseTrail]):
    """A cached trail's cases, each read from its JSON when first asked for: a command about
    one case (a clerk's step, whose preview asks the trail only what is in force) reads one,
    not 10,000 (a second at that size). In the cache's order, as a dict would be."""

    def __init__(self, raw: dict[str, dict[str, Any]]) -> None:
        self._items: dict[str, CaseTrail | dict[str, Any]] = dict(raw)

    def __getitem__(self, cid: str) -> CaseTrail:
        found = self._items[cid]
        if isinstance(found, dict):
            found = self._items[cid] = _case_from_json(cid, found)
        return found

    def __setitem__(self, cid: str, ct: CaseTrail) -> None:
        self._items[cid] = ct

    def __delitem__(self, cid: str) -> None:
        del self._items[cid]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, cid: object) -> bool:
        return cid in self._items

    def as_stored(self) -> Iterator[tuple[str, CaseTrail | dict[str, Any]]]:
        """Each case as it is held: read, or still its cached JSON."""
        return iter(self._items.items())


def _held(cases: Mapping[str, CaseTrail]) -> Iterable[tuple[str, CaseTrail | dict[str, Any]]]:
    """Each case as held: a cached one perhaps still its JSON (:class:`_Cases`)."""
    return cases.as_stored() if isinstance(cases, _Cases) else cases.items()


def case_folders(cases: Mapping[str, CaseTrail]) -> Iterator[tuple[str, str, bool]]:
    """(case, folder, removed by history) of each case, without reading every cached case."""
    for cid, c in _held(cases):
        yield (cid, c["folder"], c["removed"]) if isinstance(c, dict) else (cid, c.folder, c.removed)


def removed_cases(cases: Mapping[str, CaseTrail]) -> frozenset[str]:
    """The cases whose folder history removed."""
    return frozenset(cid for cid, _, removed in case_folders(cases) if removed)


def approved_documents(cases: Mapping[str, CaseTrail]) -> Iterator[tuple[str, str, str]]:
    """(case, step record's name, document path from the repository's top) of every document
    an approved step of a case still in the archive names, without reading every cached case
    (70,000 at 10,000 cases)."""
    for cid, c in _held(cases):
        if isinstance(c, dict):
            if c["removed"]:
                continue
            prefix = c["folder"] + "/"
            steps = ((name, s["documents"]) for name, s in c["steps"].items() if s["approval"] is not None)
        else:
            if c.removed:
                continue
            prefix = c.folder + "/"
            steps = ((name, st.documents) for name, st in c.steps.items() if st.approval is not None)
        for name, documents in steps:
            for doc in documents:
                yield cid, name, prefix + doc
