"""The git side of ``sop-kit step``: what a step's commit holds, the commit itself, and a step
recorded earlier and committed on its own (``step CASE N --commit`` alone).

A step's commit holds its record, the files the record names that git does not hold as they
are (an earlier run's attachment too), the letter-number register holding its number, the
case's kasus.yaml when git has never held it, and the removals git knows of: never a file of
another step or case. An approved record changes only by a correction, or its re-approval.
"""

from __future__ import annotations

from pathlib import Path

from ..core.errors import ConfigError
from ..records.archive import Archive, StepFile
from ..records.fieldtypes import office_today
from ..records.layout import CASE_FILE, STEPS_DIR
from ..records.models import CatatanLangkah
from ..records.parse import validate
from ..records.rounds import case_progress
from ..records.sshkey import fingerprint
from . import gitops
from .approval import signer_here, stands_in
from .step import (
    Recorded,
    StepUpdate,
    approvers,
    commit_message,
    committed_file,
    open_case,
    preview,
    refuse_early,
    refuse_unreadable,
    register_to_commit,
    round_to_name,
    target,
)

__all__ = ["commit", "commit_paths", "pending_step", "refuse_other_signer", "unchanged", "uncommitted_steps"]


def pending_step(archive: Archive, case: str, no: int) -> Recorded:
    """Step ``no`` as already recorded and not yet committed, for ``step N --commit`` alone
    (the clerk recorded it, then saw that the commit was not made): its changed records, the
    files they name that git does not hold as they are, and the files git holds that a record
    of the step named at the last commit and no record of the case names now."""
    folder, current, sop = open_case(archive, case)
    refuse_early(archive, sop, StepUpdate(no))
    refuse_unreadable(current)
    changed = gitops.pending(folder)
    steps_dir = folder / STEPS_DIR
    mine = sorted(
        (s for s in current.steps if s.record.langkah == no and _worked_on(s, changed.get(steps_dir / s.name))),
        key=lambda s: s.record.putaran,
    )
    named = {d.berkas for s in current.steps for d in s.record.dokumen}
    gone = [p for p, state in changed.items() if state == "D" and p.parent == steps_dir]
    before = {p: _committed_record(p) for p in gone + [steps_dir / s.name for s in mine]}
    removed = [p for p in gone if (r := before[p]) is not None and r.langkah == no]
    if not mine:
        raise ConfigError("record.nothing_pending", archive.show(folder), id=current.id, no=no)
    for step in mine:  # an approved record changes only by a correction, or its re-approval
        was_record = before[steps_dir / step.name]
        if was_record is not None and was_record.status == "selesai":
            said, _ = _as_recorded(step, before)
            if said.koreksi is None and not said.setujui:
                where = archive.show(steps_dir / step.name)
                raise ConfigError(
                    "record.changed_by_hand", where, no=no, putaran=step.record.putaran, path=where, id=current.id
                )
    was = {d.berkas for r in before.values() if r is not None and r.langkah == no for d in r.dokumen}
    detached = sorted(folder / b for b in was - named if changed.get(folder / b) == "D")
    last = mine[-1]
    # Written with it: another round's record of the step that changed too, and the new files it
    # names (the last record's are commit_paths' to find).
    written = [steps_dir / s.name for s in mine[:-1]] + [
        folder / d.berkas for s in mine[:-1] for d in s.record.dokumen if changed.get(folder / d.berkas) in ("?", "M")
    ]
    result = Recorded(current.id, folder, steps_dir / last.name, False, written, removed=removed, detached=detached)
    result.record = last.record
    result.register = register_to_commit(archive, current.id, last.record)
    shown = {archive.show(steps_dir / s.name) for s in mine}
    result.findings = preview(archive, folder, shown)
    said, completion = _as_recorded(last, before)
    stand_in = completion and stands_in(archive, folder, sop, last.record)
    detached_names = [p.name for p in detached]
    result.message = commit_message(current.id, sop, last.record, said, detached_names, completion, stand_in)
    result.approvers = approvers(archive, sop, last.record)
    result.round_to_name = round_to_name(archive, sop, folder, result.step_file, last.record)
    return result


def refuse_other_signer(archive: Archive, case: str, no: int, putaran: int | None = None) -> None:
    """``--setujui --commit`` signs with the key git is set to use here: when that key is known
    and is not the recorded pelaksana's, the commit would approve nothing (the office PC set up
    with the clerk's key). Said before anything is written."""
    folder, current, sop = open_case(archive, case)
    _, found = target(case_progress(sop, current), StepUpdate(no, putaran=putaran, setujui=True), case_id=current.id)
    doer = found.record.pelaksana if found is not None else None
    known = signer_here(archive, folder) if doer else None
    if found is None or doer is None or known is None:
        return
    line, signer = known
    if signer is not None and signer.id == doer:
        return
    if signer is not None and signer in archive.successors(sop, found.record, office_today()):
        return  # the role's holder today, for a doer who holds it no more
    person = archive.staff.get(doer)
    shown, who = archive.show(folder / STEPS_DIR / found.name), person.nama if person else doer
    if signer is None:
        raise ConfigError("record.signer_unknown", shown, no=no, who=who, key=fingerprint(line) or "-")
    raise ConfigError("record.signer_other", shown, no=no, who=who, signer=signer.nama)


def uncommitted_steps(archive: Archive, folder: Path) -> list[int]:
    """The steps of the case whose records differ from the last commit (untouched pre-filled
    records aside): after one step's commit, what the clerk still has to commit."""
    changed = gitops.pending(folder)
    steps_dir = folder / STEPS_DIR
    out = {s.record.langkah for s in archive.read_case(folder).steps if _worked_on(s, changed.get(steps_dir / s.name))}
    return sorted(out)


def _worked_on(step: StepFile, state: str | None) -> bool:
    """A step record that differs from the last commit (``state``, as :func:`gitops.pending`
    says), other than a pre-filled record git has never held and nobody worked on (``new``
    not committed): not a recorded step."""
    return state is not None and not (state == "?" and step.record.status == "belum")


def _as_recorded(step: StepFile, before: dict[Path, CatatanLangkah | None]) -> tuple[StepUpdate, bool]:
    """What the uncommitted change of ``step`` was, as far as its commit message says: a
    correction written down, the re-approval of one, or the approval of the completion (True
    with it: ``disetujui`` written and nothing else changed)."""
    was = next((r for p, r in before.items() if p.name == step.name), None)
    now, then = step.record.koreksi, was.koreksi if was is not None else []
    no = step.record.langkah
    if len(now) > len(then):
        return StepUpdate(no, koreksi=now[-1].alasan), False
    open_now, open_then = (sum(k.disetujui is None for k in ks) for ks in (now, then))
    if open_now < open_then:
        return StepUpdate(no, setujui=True), False
    approving = was is not None and step.record.disetujui not in (None, was.disetujui)
    if approving and _without_approval(step.record) == _without_approval(was):
        return StepUpdate(no, setujui=True), True
    return StepUpdate(no), False


def _without_approval(record: CatatanLangkah | None) -> dict[str, object]:
    return record.model_dump(exclude={"disetujui"}) if record is not None else {}


def _committed_record(path: Path) -> CatatanLangkah | None:
    """The step record ``path`` as the last commit holds it, if valid."""
    loaded = committed_file(path)
    record = validate(loaded, loaded.data, CatatanLangkah)[0] if loaded is not None else None
    return record if isinstance(record, CatatanLangkah) else None


def commit_paths(recorded: Recorded) -> list[Path]:
    """Every path the step's commit holds: its files; the files its record names that git does
    not hold as they are; the register holding its letter number (:func:`register_to_commit`);
    the case's kasus.yaml when git has never held it (the clerk skipped committing ``new``: a
    step in history whose case is not would name no case); and the removals git knows of (a
    file never committed leaves no trace)."""
    pending = gitops.pending(recorded.folder)
    identity = [recorded.folder / CASE_FILE] if pending.get(recorded.folder / CASE_FILE) == "?" else []
    gone = [p for p in (*recorded.removed, *recorded.detached) if pending.get(p) == "D"]
    register = [recorded.register] if recorded.register is not None else []
    # Files the record names that an earlier run attached and nobody committed: a commit without
    # them would hold an approval of a file that history lacks (a clean clone: doc.missing).
    named = [recorded.folder / d.berkas for d in recorded.record.dokumen] if recorded.record else []
    earlier = [p for p in named if pending.get(p) in ("?", "M")]
    return list(dict.fromkeys([*recorded.paths, *earlier, *identity, *gone, *register]))


def unchanged(recorded: Recorded, paths: list[Path]) -> bool:
    """Whether git already holds every one of ``paths`` as it is (the same command run twice):
    there is nothing to commit, so no commit, and no signature, can be made of it."""
    changed = gitops.pending(recorded.folder)
    if recorded.register is not None:
        changed |= gitops.pending(recorded.register)
    return not any(p in changed for p in paths)


def commit(recorded: Recorded, sign: bool = True, paths: list[Path] | None = None) -> str:
    """``git add`` and ``git commit [-S]`` of exactly this step's files (``paths``, when its
    :func:`commit_paths` are known already); the new commit's id."""
    return gitops.commit(recorded.folder, paths or commit_paths(recorded), recorded.message, sign)
