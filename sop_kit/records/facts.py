"""What other parts need of a case beyond its verdict: the letter numbers its records give
and the content of the files they attach (both compared across cases), and what the office's
reports count (where, which SOP, when opened and closed, each completed step). Read from the
case folder by its one judgement and kept with the judgement in the check's cache, so that a
build or a report reads no case whose files did not change."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .archive import Archive, CaseFolder
from .rounds import Status, closed_on, progress_of
from .worktime import working_minutes


@dataclass(frozen=True)
class UsedNumber:
    """A ``nomor_surat`` a step record gives."""

    case: str
    number: str
    step: int | None
    file: str
    line: int


KEY_LENGTH = 32  # hex digits: 128 bits of a SHA-256, beyond anyone's power to make two files share


def content_key(sha256: str) -> str:
    """The key of a file's content among the cases' attached files."""
    return sha256[:KEY_LENGTH]


@dataclass(frozen=True)
class DoneStep:
    """A completed step record, as the reports count it."""

    step: int
    round: int
    day: date  # of its selesai
    minutes: int | None  # working minutes, as the SOP's Waktu counts them (records.worktime)
    decision: str | None  # ya | tidak, for a decision step


@dataclass(frozen=True)
class Counted:
    """A case the reports count: its identity read and its SOP known."""

    id: str
    kecamatan: str
    sop: tuple[str, int]
    opened: date
    closed: date | None
    done: tuple[DoneStep, ...]
    desa: str = ""  # its code in the Kemendagri register
    open: bool = False  # not done, withdrawn or closed: the desa's coaching under way
    desa_line: int | None = None  # where kasus.yaml names the desa (a finding's line, without reading it again)
    stopped: date | None = None  # withdrawn or closed early on this day (kasus.yaml's dihentikan)

    @property
    def ended(self) -> date | None:
        """The day the case stopped being worked on: it finished, or it was stopped."""
        return self.closed or self.stopped


@dataclass(frozen=True)
class CaseFacts:
    numbers: tuple[UsedNumber, ...] = ()
    counted: Counted | None = None  # None: kasus.yaml unreadable or its SOP unknown
    # Each document the check accepted (hashed, matching its record), by :func:`content_key`,
    # and whether it is a photo or a personal-data kind: the record of one event, never of two cases.
    attached: dict[str, bool] = field(default_factory=dict)
    # Those of them a record of this case keeps off the public site (pribadi, or a personal kind):
    # the same content another case lists as public is not published there either.
    private: frozenset[str] = frozenset()

    def to_json(self) -> dict[str, Any]:
        counted, attached = self.counted, self.attached.items()
        return {
            "numbers": [[u.case, u.number, u.step, u.file, u.line] for u in self.numbers],
            # evidence, then the rest, each one string: at 10,000 cases the cache is read on every check
            "attached": [" ".join(k for k, e in attached if e), " ".join(k for k, e in attached if not e)],
            "private": " ".join(sorted(self.private)),
            "counted": None
            if counted is None
            else [
                counted.id, counted.kecamatan, list(counted.sop), counted.opened.isoformat(),
                counted.closed.isoformat() if counted.closed else None,
                [[d.step, d.round, d.day.isoformat(), d.minutes, d.decision] for d in counted.done],
                counted.desa, counted.open, counted.desa_line,
                counted.stopped.isoformat() if counted.stopped else None,
            ],
        }  # fmt: skip

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CaseFacts:
        """Raises KeyError, TypeError or ValueError on data of another shape."""
        c = data["counted"]
        counted = None
        if c is not None:
            cid, kecamatan, (nomor, revisi), opened, closed, done, desa, is_open, desa_line, stopped = c
            counted = Counted(
                str(cid), str(kecamatan), (str(nomor), int(revisi)), date.fromisoformat(opened),
                date.fromisoformat(closed) if closed else None,
                tuple(DoneStep(int(s), int(r), date.fromisoformat(d), m, k) for s, r, d, m, k in done),
                str(desa), bool(is_open), int(desa_line) if desa_line is not None else None,
                date.fromisoformat(stopped) if stopped else None,
            )  # fmt: skip
        evidence, rest = data["attached"]
        attached = dict.fromkeys(rest.split(), False) | dict.fromkeys(evidence.split(), True)
        private = frozenset(str(data["private"]).split())
        return cls(tuple(UsedNumber(*u) for u in data["numbers"]), counted, attached, private)


def facts_of(archive: Archive, case: CaseFolder, attached: dict[str, bool] | None = None) -> CaseFacts:
    """The facts of a case folder read by :meth:`Archive.read_case`; ``attached`` are the
    documents the check accepted (only it hashes them)."""
    numbers = []
    for loaded in case.loaded_steps:  # every step file that loaded, valid or not
        data = loaded.data if isinstance(loaded.data, dict) else {}
        number, step = data.get("nomor_surat"), data.get("langkah")
        if isinstance(number, str) and number.strip():
            line = loaded.line_of(("nomor_surat",))
            numbers.append(UsedNumber(case.path.name, number.strip(), step if isinstance(step, int) else None,
                                      loaded.file, line))  # fmt: skip
    kasus = case.kasus
    sop = archive.sop_of(kasus) if kasus else None
    if kasus is None or sop is None:
        return CaseFacts(tuple(numbers), None, attached or {})
    accepted = attached or {}
    private = frozenset(
        key for d in case.marked_private(sop) if d.sha256 and (key := content_key(d.sha256)) in accepted
    )
    done = tuple(
        DoneStep(r.langkah, r.putaran, r.selesai.date(), working_minutes(archive.config.hours, r),
                 r.keputusan if sop.step(r.langkah).keputusan else None)
        for r in (st.record for st in case.steps)
        if r.status == "selesai" and r.selesai is not None and r.langkah <= len(sop.langkah)
    )  # fmt: skip
    progress = progress_of(sop, case.steps)
    closed = closed_on(progress)
    is_open = progress.status is not Status.DONE and kasus.dihentikan is None
    desa_line = case.kasus_loaded.line_of(("lokasi", "desa")) if case.kasus_loaded else None
    stopped = kasus.dihentikan.tanggal if kasus.dihentikan and closed is None else None
    counted = Counted(kasus.id, kasus.lokasi.kecamatan, sop.ref, kasus.periode.mulai, closed, done,
                      kasus.lokasi.kode, is_open, desa_line, stopped)  # fmt: skip
    return CaseFacts(tuple(numbers), counted, accepted, private)
