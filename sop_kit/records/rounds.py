"""Where a case stands: its rounds, the decision taken in each, and the next step due.

The path through the SOP is read from the SOP's own data: after a step comes the next one,
and after a decision step (the SOP's diamond) the step its answer names (``keputusan.ya`` or
``keputusan.tidak``). An answer that leads back to an earlier step opens a new round
(``putaran``): every step from there is done again in that round, in its own files, and the
earlier round's records are kept as they were.

A record that was never used (status ``belum`` and nothing filled in, as ``sop-kit new``
writes one for every step) belongs to no round: it is put aside until a clerk uses it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from .archive import CaseFolder, StepFile
from .models import CatatanLangkah, Sop


class Status(StrEnum):
    NOT_STARTED = "belum-mulai"
    IN_PROGRESS = "berjalan"
    AWAITING_DECISION = "menunggu-keputusan"
    DONE = "selesai"
    WITHDRAWN = "batal"  # withdrawn before the coaching, with a reason
    CLOSED = "ditutup"  # closed early, with a reason

    @property
    def stopped(self) -> bool:
        return self in (Status.WITHDRAWN, Status.CLOSED)


class Slot(NamedTuple):
    round: int
    step: int


def unused(record: CatatanLangkah) -> bool:
    """A pre-filled record nobody has used: status 'belum' and nothing filled in."""
    filled = ("pelaksana", "mulai", "selesai", "keputusan", "alasan", "alasan_waktu", "nomor_surat", "catatan")
    return (
        record.status == "belum"
        and all(getattr(record, key) is None for key in filled)
        and not record.dokumen
        and not record.koreksi
    )


@dataclass
class Progress:
    sop: Sop
    rounds: dict[int, dict[int, StepFile]] = field(default_factory=dict)  # used records only
    duplicates: list[StepFile] = field(default_factory=list)
    unused: list[StepFile] = field(default_factory=list)  # pre-filled and never used: in no round
    stopped: Status | None = None  # WITHDRAWN or CLOSED, as kasus.yaml says
    _walked: tuple[list[Slot], Slot | None] | None = field(default=None, repr=False, compare=False)

    @property
    def final_round(self) -> int:
        """The highest round holding a used record."""
        return max(self.rounds, default=1)

    def walk(self) -> tuple[list[Slot], Slot | None]:
        """The steps the SOP's path has passed through, in order, and the one due now (None
        once the path has reached its end). Each slot is a round and a step number."""
        if self._walked is None:
            self._walked = self._walk()
        return self._walked

    def _walk(self) -> tuple[list[Slot], Slot | None]:
        passed: list[Slot] = []
        here: Slot | None = Slot(1, 1)
        while here is not None:
            found = self.rounds.get(here.round, {}).get(here.step)
            if found is None or found.record.status != "selesai":
                return passed, here
            spec = self.sop.step(here.step)
            answer = found.record.keputusan
            if spec.keputusan is not None and answer is None:
                return passed, here  # 'selesai' without its decision: still due
            passed.append(here)
            if spec.keputusan is not None:
                target = spec.keputusan.ya if answer == "ya" else spec.keputusan.tidak
                here = Slot(here.round + (target <= here.step), target)
            else:
                here = Slot(here.round, here.step + 1) if here.step < len(self.sop.langkah) else None
        return passed, None

    def due(self) -> Slot | None:
        return self.walk()[1]

    @property
    def current_round(self) -> int:
        """The round the case is in: the due step's, or the last one passed."""
        passed, due = self.walk()
        return due.round if due else (passed[-1].round if passed else 1)

    def round_start(self, round_no: int) -> int:
        """The step a round starts at: 1 for the first, the target of the answer that opened it otherwise."""
        passed, due = self.walk()
        for slot in [*passed, *([due] if due else [])]:
            if slot.round == round_no:
                return slot.step
        return 1

    def latest(self, no: int, up_to: int | None = None) -> StepFile | None:
        """The latest used record of step ``no`` in rounds up to ``up_to`` (all by default)."""
        for round_no in sorted(self.rounds, reverse=True):
            if (up_to is None or round_no <= up_to) and no in self.rounds[round_no]:
                return self.rounds[round_no][no]
        return None

    def current(self, no: int) -> StepFile | None:
        """The record that counts now for step ``no``: the due one, the one the path passed
        last, or one recorded ahead of the path in the current round. A step the due round does
        again (from the step it starts at) has none until it is recorded there: the earlier
        round's record (a 'tidak' decision, say) is history, not the step's state."""
        passed, due = self.walk()
        if due is not None and due.step == no:
            return self.rounds.get(due.round, {}).get(no)
        # From the step its round starts at, the due round does each step again.
        since = due.round if due is not None and no >= self.round_start(due.round) else 0
        for slot in reversed(passed):
            if slot.step == no and slot.round >= since:
                return self.rounds[slot.round][no]
        return self.rounds.get(self.current_round, {}).get(no)

    def done(self, no: int) -> bool:
        step = self.current(no)
        return step is not None and step.record.status == "selesai"

    def decision(self, round_no: int) -> str | None:
        """The answer given in round ``round_no`` (the first decision step's, if there are several)."""
        for step in self.sop.decision_steps:
            found = self.rounds.get(round_no, {}).get(step.no)
            if found and found.record.status == "selesai":
                return found.record.keputusan
        return None

    def decision_for(self, decision_no: int, round_no: int) -> str | None:
        """The answer of decision step ``decision_no`` that governs round ``round_no``: the
        latest given in that round or before it."""
        found = self.latest(decision_no, round_no)
        return found.record.keputusan if found and found.record.status == "selesai" else None

    def decided_yes(self) -> bool:
        """The last decision on the path was 'ya' (or the SOP has no decision)."""
        if not self.sop.decision_steps:
            return True
        passed, _ = self.walk()
        decisions = [self.rounds[s.round][s.step].record.keputusan for s in passed if self.sop.step(s.step).keputusan]
        return bool(decisions) and decisions[-1] == "ya"

    def next_step(self) -> int | None:
        if self.stopped is not None:
            return None
        due = self.due()
        return due.step if due else None

    def on_path(self, step: StepFile) -> bool:
        """Is this used record where the SOP's path puts it: passed, due, or ahead of the
        due step in the current round?"""
        passed, due = self.walk()
        slot = Slot(step.record.putaran, step.record.langkah)
        if slot in passed or slot == due:
            return True
        return due is not None and slot.round == due.round and slot.step > due.step

    @property
    def status(self) -> Status:
        if self.stopped is not None:
            return self.stopped
        if not self.rounds:
            return Status.NOT_STARTED
        due = self.due()
        if due is None:
            return Status.DONE
        spec = self.sop.step(due.step)
        if spec.keputusan and all(self.done(p) for p in self.sop.prerequisites(due.step)):
            return Status.AWAITING_DECISION
        return Status.IN_PROGRESS


def progress_of(sop: Sop, steps: list[StepFile], stopped: str | None = None) -> Progress:
    """The rounds of a case's step records; ``stopped`` is kasus.yaml's ``dihentikan.status``."""
    prog = Progress(sop, stopped=Status(stopped) if stopped else None)
    for step in sorted(steps, key=lambda s: (s.record.putaran, s.record.langkah, s.loaded.file)):
        if step.record.langkah > len(sop.langkah):
            continue
        if unused(step.record):
            prog.unused.append(step)
            continue
        slot = prog.rounds.setdefault(step.record.putaran, {})
        if step.record.langkah in slot:
            prog.duplicates.append(step)
        else:
            slot[step.record.langkah] = step
    return prog


def closed_on(prog: Progress) -> date | None:
    """When a finished case closed: the latest completion of the records that count now."""
    if prog.status is not Status.DONE:
        return None
    ends = [found.record.selesai for s in prog.sop.langkah if (found := prog.current(s.no)) is not None]
    known = [e.date() for e in ends if e is not None]
    return max(known) if known else None


def file_closed_on(prog: Progress, stopped_on: date | None) -> date | None:
    """When the case's file closed, the day the JRA's clock starts: its last completion, or the
    day it was withdrawn or closed early (``dihentikan.tanggal``: a stopped file is closed too)."""
    return stopped_on if prog.status.stopped else closed_on(prog)


def case_progress(sop: Sop, case: CaseFolder) -> Progress:
    """The rounds of a case folder, withdrawn or closed early as its kasus.yaml says."""
    stop = case.kasus.dihentikan if case.kasus else None
    return progress_of(sop, case.steps, stop.status if stop else None)


def not_yet_due(prog: Progress, no: int, round_no: int) -> list[tuple[str, dict[str, object]]]:
    """Why step ``no`` of round ``round_no`` may not be worked on yet, as (finding code, its
    parameters): a prerequisite not complete (``step.order``), a decision before it not
    answered 'ya' (``step.needs_decision``). The check reports these of a record; ``sop-kit
    step`` refuses to write one."""
    sop = prog.sop
    found: list[tuple[str, dict[str, object]]] = []
    for pre in sop.prerequisites(no):
        pre_step = prog.latest(pre, round_no)
        if pre_step is None or pre_step.record.status != "selesai":
            found.append(("step.order", {"no": no, "pre": pre}))
    for decision in sop.decision_steps:
        assert decision.keputusan is not None
        answer = prog.decision_for(decision.no, round_no)
        loops = decision.keputusan.tidak <= decision.no  # only 'ya' leads past a loop's decision
        if decision.no < no and (answer is None or (loops and answer != "ya")):
            roles = " / ".join(sop.role(r).nama for r in decision.pelaksana)
            found.append(("step.needs_decision", {"no": no, "decision": decision.no, "roles": roles}))
    return found
