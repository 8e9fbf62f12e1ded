"""Where a case stands: its rounds, the decision taken in each, and the next step due.

A decision step (the SOP's diamond) whose answer is "tidak" sends the case back to an
earlier step; every step from there up to the decision is done again in a new round
(``putaran``), and the earlier round's records are kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .archive import StepFile
from .models import Sop


class Status(StrEnum):
    NOT_STARTED = "belum-mulai"
    IN_PROGRESS = "berjalan"
    AWAITING_DECISION = "menunggu-keputusan"
    DONE = "selesai"


@dataclass
class Progress:
    sop: Sop
    rounds: dict[int, dict[int, StepFile]] = field(default_factory=dict)
    duplicates: list[StepFile] = field(default_factory=list)

    @property
    def final_round(self) -> int:
        return max(self.rounds, default=1)

    def repeating(self) -> range:
        """Step numbers redone in each round: from the 'tidak' target up to the decision."""
        decision = next((s for s in self.sop.langkah if s.keputusan), None)
        if decision is None or decision.keputusan is None:
            return range(0)
        return range(decision.keputusan.tidak, decision.no + 1)

    def current(self, no: int) -> StepFile | None:
        """The record that counts now for step ``no``: the final round's for repeated steps."""
        if no in self.repeating():
            return self.rounds.get(self.final_round, {}).get(no)
        for round_no in sorted(self.rounds, reverse=True):
            if no in self.rounds[round_no]:
                return self.rounds[round_no][no]
        return None

    def done(self, no: int) -> bool:
        step = self.current(no)
        return step is not None and step.record.status == "selesai"

    def decision(self, round_no: int) -> str | None:
        for step in self.sop.decision_steps:
            found = self.rounds.get(round_no, {}).get(step.no)
            if found and found.record.status == "selesai":
                return found.record.keputusan
        return None

    def decided_yes(self) -> bool:
        return not self.sop.decision_steps or self.decision(self.final_round) == "ya"

    def next_step(self) -> int | None:
        for step in self.sop.langkah:
            if not self.done(step.no):
                return step.no
        return None

    @property
    def status(self) -> Status:
        if not any(f.record.status != "belum" for r in self.rounds.values() for f in r.values()):
            return Status.NOT_STARTED
        nxt = self.next_step()
        if nxt is None:
            return Status.DONE
        if self.sop.step(nxt).keputusan and all(self.done(p) for p in self.sop.prerequisites(nxt)):
            return Status.AWAITING_DECISION
        return Status.IN_PROGRESS


def progress_of(sop: Sop, steps: list[StepFile]) -> Progress:
    prog = Progress(sop)
    for step in sorted(steps, key=lambda s: (s.record.putaran, s.record.langkah, s.loaded.file)):
        if step.record.langkah > len(sop.langkah):
            continue
        slot = prog.rounds.setdefault(step.record.putaran, {})
        if step.record.langkah in slot:
            prog.duplicates.append(step)
        else:
            slot[step.record.langkah] = step
    return prog
