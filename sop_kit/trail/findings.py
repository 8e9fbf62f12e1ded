"""What the trail means for the check: wrong role, unverified approvals, later changes."""

from __future__ import annotations

import glob
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from ..core.findings import Finding, Severity
from ..records.fieldtypes import CLOCK_SKEW, office_time
from ..records.layout import CASE_FILE, CASES_DIR, STEPS_DIR, Layout
from .gitlog import ignored_by, object_ids, tracked_paths, working_ids
from .model import IDENTITY, CaseTrail, Event, StepTrail, Trail, approved_documents, case_folders

# The findings that say a completed step holds no standing approval by its role holder: what
# `sop-kit step N --setujui --commit` by the recorded pelaksana mends.
NOT_APPROVED = frozenset(
    {
        "trail.unverified",
        "trail.wrong_role",
        "trail.changed_after_approval",
        "trail.approval_dropped",
        "trail.approved_before_done",
        "trail.ignored_file",  # approved again, its commit holds the file (clerk.stepcommit.commit_paths)
        "trail.untracked_file",
    }
)

# The findings that say a change to an office file (the registry, an SOP, the settings) counts
# for nothing: why a role or a rule the working copy shows does not judge a case.
OFFICE_FILE_REFUSED = frozenset({"trail.registry_unauthorised", "trail.registry_invalid", "trail.unauthorised_change"})


def trail_findings(layout: Layout, trail: Trail) -> Iterator[Finding]:
    """What the steps' approvals mean for the check: wrong role, unverified approvals, later
    changes (the findings the builder made of the history itself are already on ``trail``).
    Graded by the settings in force: ``tanda_tangan`` and ``diubah_setelah_disetujui``."""
    unverified = Severity.ERROR if trail.policy == "wajib" else Severity.INFO
    changed = _changed_severity(trail)
    for ct in trail.cases.values():
        if ct.removed:
            continue  # the removal is the archive's finding; its steps are no case's now
        for st in ct.steps.values():
            ev = st.approval
            early = ev is not None and st.done is not None and _claimed(ev) + CLOCK_SKEW < st.done
            unverified_here = ev is not None and not ev.verified and st.file != IDENTITY
            stood_in = ev is not None and ev.kind == "disetujui_pengganti"
            if not (early or unverified_here or st.changed_after or stood_in):
                continue  # nothing to say, as of most steps: not even where the record is (65,000 paths)
            where = trail.top / ct.folder
            shown = layout.show(where / CASE_FILE if st.file == IDENTITY else where / STEPS_DIR / st.file)
            if ev is not None and stood_in:  # an auditor's list of the approvals not given by their doer
                params = {"no": st.step, "commit": ev.commit[:10], "signer": ev.signer_name or ev.signer or "-"}
                yield Finding(Severity.INFO, "trail.approved_by_successor", shown, None, params, ct.case)
            if ev is not None and st.done is not None and early:
                # Approved before the step was, by its own record, done: the times were made up, or
                # the approval given in advance. Either way it approves nothing that had happened.
                params = {"no": st.step, "commit": ev.commit[:10], "approved": f"{_claimed(ev):%Y-%m-%d %H:%M}",
                          "done": f"{st.done:%Y-%m-%d %H:%M}", "author": ev.author}  # fmt: skip
                yield Finding(Severity.ERROR, "trail.approved_before_done", shown, None, params, ct.case)
            # The command that mends it: the recorded pelaksana's signed approval (its round named,
            # since --setujui alone reaches the step's current round).
            how = f"sop-kit step {ct.case} {st.step} --putaran {st.round} --setujui --commit"
            if ev is not None and unverified_here:
                reason = f"@trail.reason.{ev.reason}" if ev.reason else "-"
                params = {"no": st.step, "commit": ev.commit[:10], "reason": reason, "author": ev.author, "how": how}
                if ev.reason == "no_role":
                    yield Finding(Severity.ERROR, "trail.wrong_role", shown, None, params, ct.case)
                else:
                    yield Finding(unverified, "trail.unverified", shown, None, params, ct.case)
            for change in st.changed_after:
                params = {
                    "no": st.step,
                    "commit": change.commit[:10],
                    "author": change.author,
                    "signer": change.signer_name or change.signer or "-",
                    "path": change.file or st.file,
                    "approved": st.approval.commit[:10] if st.approval else "-",
                    "roles": ct.deciders,
                    "how": how,
                }
                code = "trail.identity_changed" if st.file == IDENTITY else "trail.changed_after_approval"
                yield Finding(changed, code, shown, None, params, ct.case)


def uncommitted_findings(layout: Layout, trail: Trail, changed: set[str]) -> Iterator[Finding]:
    """Approved files (a step record, the documents it names, kasus.yaml) among the ``changed``
    paths of the working tree: a check, a dossier or a site made here would show content
    nobody approved, under the approval's name. Graded like a committed change after
    approval; never cached with the trail, which describes history only."""
    if not changed:
        return
    # A case folder gone from the working tree is one finding (removed_uncommitted_findings), not one per file;
    # moved to another year's folder and not committed, its files there are compared with the approved ones.
    # Only the cases with a changed path in their folder: reading every case's timeline cost a
    # clerk's command a second at 10,000 cases.
    touched = {path[:i] for path in changed for i, c in enumerate(path) if c == "/"}
    cases = []
    for cid, folder, removed in case_folders(trail.cases):
        if removed or folder not in touched:
            continue
        ct = trail.cases[cid]
        if (trail.top / ct.folder).is_dir():
            cases.append(ct)
        elif (moved := _moved_to(layout, ct)) is not None:
            yield from _moved_findings(layout, trail, ct, moved)
    approved = [(ct, st) for ct in cases for st in ct.steps.values() if st.approval is not None]
    severity = _changed_severity(trail)
    # Paths as the other trail findings give them (inside the case folder), so the message reads
    # the same however the root was typed; the hint's ':/' path works from anywhere in the repository.
    for ct in {ct.case: ct for ct, _ in approved}.values():  # once a step is approved, kasus.yaml is too
        if f"{ct.folder}/{CASE_FILE}" in changed:
            shown = layout.show(trail.top / ct.folder / CASE_FILE)
            where = {"path": CASE_FILE, "restore": f":/{ct.folder}/{CASE_FILE}", "roles": ct.deciders}
            yield Finding(severity, "trail.identity_uncommitted", shown, None, where, ct.case)
    for ct, st in approved:
        if st.file == IDENTITY:
            continue
        shown = layout.show(trail.top / ct.folder / STEPS_DIR / st.file)
        for name in (f"{STEPS_DIR}/{st.file}", *sorted(st.documents)):
            if f"{ct.folder}/{name}" in changed:
                where = {"path": name, "restore": f":/{ct.folder}/{name}", "case": ct.case}
                yield Finding(severity, "trail.uncommitted", shown, None, {"no": st.step, **where}, ct.case)


def untracked_findings(layout: Layout, trail: Trail, listed: bytes, changed: set[str]) -> Iterator[Finding]:
    """A document of an approved step that is here but not in git: never committed, often because
    a rule ignores it (a ``*.pdf`` in the computer's own ignore file made ``git add`` refuse it
    and the clerk commit the record alone). Its hash in the approved record matches, so the
    check here passes, while a clone (CI, the auditor's) lacks the file: the archive is not
    what this computer shows. A document not here either is the check's own missing file;
    one staged and not committed is among the ``changed`` (:func:`uncommitted_findings`)."""
    tracked = tracked_paths(listed)
    missing: dict[str, tuple[CaseTrail, StepTrail, str]] = {}
    for cid, step, path in approved_documents(trail.cases):
        if path not in tracked and path not in changed and (trail.top / path).is_file():
            ct = trail.cases[cid]
            missing[path] = (ct, ct.steps[step], path[len(ct.folder) + 1 :])
    if not missing:
        return
    rules = ignored_by(trail.top, sorted(missing))
    severity = _changed_severity(trail)
    for path, (ct, st, name) in sorted(missing.items()):
        shown = layout.show(trail.top / ct.folder / STEPS_DIR / st.file)
        where = {"no": st.step, "round": st.round, "path": name, "rule": rules.get(path, "-"), "case": ct.case}
        code = "trail.ignored_file" if path in rules else "trail.untracked_file"
        yield Finding(severity, code, shown, None, where, ct.case)


def _moved_to(layout: Layout, ct: CaseTrail) -> Path | None:
    """The folder of another year holding the case, when its own folder is gone."""
    return next((p.parent for p in (layout.root / CASES_DIR).glob(f"*/{glob.escape(ct.case)}/{CASE_FILE}")), None)


def _moved_findings(layout: Layout, trail: Trail, ct: CaseTrail, moved: Path) -> Iterator[Finding]:
    """A case moved and not committed: each approved file there that is not byte for byte the
    approved one (committed, the move itself is no change: :meth:`.build._Builder._move`)."""
    names = [(st, f"{STEPS_DIR}/{st.file}" if st.file != IDENTITY else CASE_FILE) for st in ct.steps.values()
             if st.approval is not None]  # fmt: skip
    wanted = sorted({n for _, n in names} | {d for st, _ in names for d in st.documents})
    if not wanted:
        return
    committed = object_ids(trail.top, [f"HEAD:{ct.folder}/{n}" for n in wanted])
    home = moved.resolve()  # a link out of the folder is read by nothing (the check reports it)
    there = [n for n in wanted if (moved / n).is_file() and (moved / n).resolve().is_relative_to(home)]
    now = dict(zip(there, working_ids(trail.top, [moved / n for n in there]), strict=True))
    differs = {n for n in wanted if now.get(n) != committed[f"HEAD:{ct.folder}/{n}"]}
    severity = _changed_severity(trail)
    for st, record in names:
        shown = layout.show(moved / record)
        for name in sorted({record, *st.documents} & differs):
            where = {"path": name, "old": f"{ct.folder}/{name}", "new": layout.show(moved / name), "case": ct.case}
            yield Finding(severity, "trail.moved_uncommitted", shown, None, {"no": st.step, **where}, ct.case)


def removed_uncommitted_findings(layout: Layout, trail: Trail, changed: set[str]) -> Iterator[Finding]:
    """A case folder committed and now gone from the working tree (its id in no folder): a check
    or site made here would simply not show it. Committed, it is :meth:`.build._Builder._removed_cases`."""
    severity = Severity.ERROR if trail.policy == "wajib" else Severity.WARNING
    for cid, folder, removed in case_folders(trail.cases):
        identity = f"{folder}/{CASE_FILE}"
        if removed or identity not in changed or (trail.top / identity).exists():
            continue
        ct = trail.cases[cid]
        if _moved_to(layout, ct) is not None:
            continue  # moved to another year's folder: its files are compared (uncommitted_findings)
        where = {"id": ct.case, "restore": f":/{ct.folder}"}
        yield Finding(severity, "trail.case_deleted_uncommitted", layout.show(trail.top / ct.folder), None, where)


def _claimed(event: Event) -> datetime:
    """The office's time (WIB, no zone) the approving commit says it was made at."""
    return office_time(event.dated or event.when)


def _changed_severity(trail: Trail) -> Severity:
    """A change after approval, committed or not, as the settings in force grade it
    (``diubah_setelah_disetujui``)."""
    return Severity.ERROR if trail.changed_after == "galat" else Severity.WARNING
