"""What other parts need of a case beyond its verdict: the letter numbers its records give
and what the office's reports count (where, which SOP, when opened and closed, each completed
step). Read from the case folder by its one judgement and kept with the judgement in the
check's cache, so that a build or a report reads no case whose files did not change."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from .archive import Archive, CaseFolder
from .rounds import closed_on, progress_of


@dataclass(frozen=True)
class UsedNumber:
    """A ``nomor_surat`` a step record gives."""

    case: str
    number: str
    step: int | None
    file: str
    line: int


@dataclass(frozen=True)
class DoneStep:
    """A completed step record, as the reports count it."""

    step: int
    round: int
    day: date  # of its selesai
    minutes: int | None
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


@dataclass(frozen=True)
class CaseFacts:
    numbers: tuple[UsedNumber, ...] = ()
    counted: Counted | None = None  # None: kasus.yaml unreadable or its SOP unknown

    def to_json(self) -> dict[str, Any]:
        counted = self.counted
        return {
            "numbers": [[u.case, u.number, u.step, u.file, u.line] for u in self.numbers],
            "counted": None
            if counted is None
            else [
                counted.id, counted.kecamatan, list(counted.sop), counted.opened.isoformat(),
                counted.closed.isoformat() if counted.closed else None,
                [[d.step, d.round, d.day.isoformat(), d.minutes, d.decision] for d in counted.done],
            ],
        }  # fmt: skip

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CaseFacts:
        """Raises KeyError, TypeError or ValueError on data of another shape."""
        c = data["counted"]
        counted = None
        if c is not None:
            cid, kecamatan, (nomor, revisi), opened, closed, done = c
            counted = Counted(
                str(cid), str(kecamatan), (str(nomor), int(revisi)), date.fromisoformat(opened),
                date.fromisoformat(closed) if closed else None,
                tuple(DoneStep(int(s), int(r), date.fromisoformat(d), m, k) for s, r, d, m, k in done),
            )  # fmt: skip
        return cls(tuple(UsedNumber(*u) for u in data["numbers"]), counted)


def facts_of(archive: Archive, case: CaseFolder) -> CaseFacts:
    """The facts of a case folder read by :meth:`Archive.read_case`."""
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
        return CaseFacts(tuple(numbers))
    done = tuple(
        DoneStep(r.langkah, r.putaran, r.selesai.date(), r.minutes,
                 r.keputusan if sop.step(r.langkah).keputusan else None)
        for r in (st.record for st in case.steps)
        if r.status == "selesai" and r.selesai is not None and r.langkah <= len(sop.langkah)
    )  # fmt: skip
    closed = closed_on(progress_of(sop, case.steps))
    counted = Counted(kasus.id, kasus.lokasi.kecamatan, sop.ref, kasus.periode.mulai, closed, done)
    return CaseFacts(tuple(numbers), counted)
