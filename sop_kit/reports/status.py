"""``sop-kit status CASE``: where one case stands, in plain words, and what is missing next.

Every round stays readable: a round a 'tidak' sent back is listed with its decision, its
reason, its records and their files, before the steps as they count now. Durations are in
working time (the SOP's Waktu), with the calendar time beside them where the two differ.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..check.audit import Audit
from ..check.output import finding_lines
from ..check.report import CHANGED
from ..core.findings import Finding, Severity
from ..core.messages import text
from ..records.archive import Archive, StepFile
from ..records.models import Sop
from ..records.rounds import Progress, Status, case_progress
from ..records.worktime import duration_text, working_minutes
from ..trail.findings import NOT_APPROVED


@dataclass
class StepLine:
    no: int
    state: str  # done | running | todo
    who: str | None = None
    date: str | None = None
    missing: list[str] = field(default_factory=list)
    working: int | None = None  # minutes within working hours
    calendar: int | None = None  # minutes by the clock
    standard: int | None = None
    over: bool = False
    decision: str | None = None
    reason: str | None = None
    files: list[str] = field(default_factory=list)
    open_correction: bool = False  # corrected and not approved again yet


@dataclass
class RoundLine:
    round: int
    step: int  # the decision step
    decision: str | None
    target: int  # where 'tidak' leads
    reason: str | None = None
    records: list[StepLine] = field(default_factory=list)  # a round sent back: what it recorded


@dataclass
class CaseStatus:
    id: str
    title: str
    location: dict[str, str]
    sop: dict[str, str | int]
    state: Status
    decisions: list[RoundLine]
    steps: list[StepLine]
    next_step: tuple[int, str, str] | None
    errors: int
    warnings: int
    unverified: int = 0  # step records whose approval is not proven
    changed: int = 0  # records changed after approval
    round: int = 1  # the round the case is in
    stop: tuple[str, str, str] | None = None  # withdrawn or closed: date, who, reason
    findings: tuple[Finding, ...] = ()  # the verdict's errors and warnings, in the check's order
    trail_read: bool = False  # the verdict's (Report.trail_read)


def case_status(audit: Audit, path: Path) -> CaseStatus:
    """Where the case at ``path`` stands, with the counts of its verdict in ``audit``."""
    archive = audit.archive
    case = archive.read_case(path)
    verdict = audit.verdict(path)
    errors, warnings = (verdict.errors, verdict.warnings) if verdict else (0, 0)
    shown = (Severity.ERROR, Severity.WARNING)
    found = tuple(sorted((f for f in verdict.findings if f.severity in shown), key=Finding.sort_key)) if verdict else ()
    more = (verdict.unverified, verdict.changed_after_approval) if verdict else (0, 0)
    read = audit.report.trail_read
    kasus = case.kasus
    if kasus is None:
        return CaseStatus(
            path.name, "?", {}, {}, Status.NOT_STARTED, [], [], None, errors, warnings, findings=found, trail_read=read
        )
    sop = archive.sop_of(kasus)
    location = {"desa": kasus.lokasi.desa, "kecamatan": kasus.lokasi.kecamatan, "kode": kasus.lokasi.kode}
    sop_info: dict[str, str | int] = {
        "nomor": kasus.sop.nomor,
        "revisi": sop.revisi if sop else (kasus.sop.revisi if kasus.sop.revisi is not None else "-"),
        "nama": sop.nama if sop else "?",
    }
    if sop is None:
        return CaseStatus(
            kasus.id,
            kasus.judul,
            location,
            sop_info,
            Status.NOT_STARTED,
            [],
            [],
            None,
            errors,
            warnings,
            findings=found,
            trail_read=read,
        )
    prog = case_progress(sop, case)
    missing_by_step: dict[tuple[int, int], list[str]] = {}
    for m in verdict.missing if verdict else ():
        missing_by_step.setdefault((m.step, m.round), []).append(m.name)
    lines = []
    next_no = prog.next_step()
    for spec in sop.langkah:
        current = prog.current(spec.no)
        if current is None:
            lines.append(StepLine(spec.no, "todo"))
            continue
        line = _line(archive, sop, current, missing_by_step.get((spec.no, current.record.putaran), []))
        line.open_correction = _correction_open(current, found, read)
        if line.state != "done" and spec.no == next_no:
            attached = {d.jenis for d in current.record.dokumen}
            line.missing = [sop.kind(k).nama for k in spec.dokumen_wajib if k not in attached]
        lines.append(line)
    if next_no is not None and not prog.current(next_no):
        spec = sop.step(next_no)
        lines[next_no - 1].missing = [sop.kind(k).nama for k in spec.dokumen_wajib]
    nxt = None
    if next_no is not None:
        spec = sop.step(next_no)
        nxt = (next_no, spec.kegiatan, ", ".join(sop.role(r).nama for r in spec.pelaksana))
    stop = kasus.dihentikan
    stopped = None
    if stop is not None:
        who = archive.staff[stop.oleh].nama if stop.oleh in archive.staff else stop.oleh
        stopped = (str(stop.tanggal), who, stop.alasan or "-")
    return CaseStatus(
        kasus.id,
        kasus.judul,
        location,
        sop_info,
        prog.status,
        _rounds(archive, sop, prog),
        lines,
        nxt,
        errors,
        warnings,
        *more,
        round=prog.current_round,
        stop=stopped,
        findings=found,
        trail_read=read,
    )


def _line(archive: Archive, sop: Sop, step: StepFile, missing: list[str]) -> StepLine:
    rec = step.record
    spec = sop.step(rec.langkah)
    who = archive.staff[rec.pelaksana].nama if rec.pelaksana in archive.staff else rec.pelaksana
    when = rec.selesai or rec.mulai
    worked = working_minutes(archive.config.hours, rec)
    return StepLine(
        rec.langkah,
        "done" if rec.status == "selesai" else ("running" if rec.status == "berjalan" else "todo"),
        who,
        f"{when:%Y-%m-%d}" if when and rec.status == "selesai" else None,
        missing,
        worked,
        rec.minutes,
        spec.waktu_menit,
        worked is not None and worked > spec.waktu_menit,
        rec.keputusan if rec.status == "selesai" else None,
        rec.alasan,
        [d.berkas for d in rec.dokumen],
    )


def _correction_open(step: StepFile, findings: tuple[Finding, ...], trail_read: bool) -> bool:
    """Corrected and not approved again. With the trail read, what it says of the record: the
    role holder's signed commit approves a correction, with --setujui or without (the record's
    own mark is then never written). Without it, the mark --setujui writes is all there is."""
    if not step.record.koreksi:
        return False
    if not trail_read:
        return any(k.disetujui is None for k in step.record.koreksi)
    return any(f.file == step.loaded.file and f.code in NOT_APPROVED | CHANGED for f in findings)


def _rounds(archive: Archive, sop: Sop, prog: Progress) -> list[RoundLine]:
    """Each round's decision; a round the path left by a 'tidak' keeps its records listed."""
    passed, _ = prog.walk()
    out = []
    for step in sop.decision_steps:
        assert step.keputusan is not None
        for round_no in sorted({*prog.rounds, prog.current_round}):
            found = prog.rounds.get(round_no, {}).get(step.no)
            if found is None and round_no != prog.current_round:
                continue
            rec = found.record if found and found.record.status == "selesai" else None
            line = RoundLine(round_no, step.no, rec.keputusan if rec else None, step.keputusan.tidak)
            line.reason = rec.alasan if rec else None
            if rec and rec.keputusan == "tidak" and step.keputusan.tidak <= step.no:
                line.records = [
                    _line(archive, sop, prog.rounds[s.round][s.step], []) for s in passed if s.round == round_no
                ]
            out.append(line)
    return out


def _step_text(line: StepLine, lang: str) -> str:
    if line.state == "done":
        out = text("status.step_done", lang, no=line.no, who=line.who, date=line.date)
        if line.over or (line.working is not None and line.working != line.calendar):
            out += f" ({duration_text(line.working, line.calendar, lang)})"
        if line.over:
            out += " " + text("status.over", lang, standard=line.standard)
        if line.open_correction:
            out += " " + text("status.open_correction", lang)
        return out
    if line.state == "running":
        return text("status.step_running", lang, no=line.no, who=line.who or "-")
    return text("status.step_todo", lang, no=line.no)


def format_status(st: CaseStatus, lang: str = "id") -> str:
    out = [text("status.header", lang, id=st.id, title=st.title)]
    if st.location:
        out.append(text("status.location", lang, **st.location))
    if st.sop:
        out.append(text("status.sop", lang, **st.sop))
    state = text(f"state.{st.state.value}", lang)
    if st.round > 1 and not st.state.stopped:
        state += " " + text("status.in_round", lang, round=st.round)
    out.append(text("status.state", lang, state=state))
    if st.stop:
        date, who, reason = st.stop
        out.append(text("status.stopped", lang, date=date, who=who, reason=reason))
    if st.errors:
        out.append(text("status.not_complies", lang, errors=st.errors, unverified=st.unverified, changed=st.changed))
    else:
        out.append(text("status.complies", lang))
    if not st.trail_read:
        out.append(text("status.trail_not_read", lang))
    for rl in st.decisions:
        if st.state.stopped and rl.decision is None:
            continue  # nothing more is decided in a withdrawn or closed case
        label = text(f"decision.{rl.decision or 'none'}", lang, target=rl.target)
        line = text("status.round", lang, round=rl.round, no=rl.step, decision=label)
        out.append(line + (" — " + text("status.reason", lang, reason=rl.reason) if rl.reason else ""))
        for rec in rl.records:
            out.append("  " + _step_text(rec, lang))
            out += ["    " + text("status.file", lang, path=path) for path in rec.files]
    for step in st.steps:
        if st.state.stopped and step.state == "todo":
            continue  # not to be done any more
        if step.state != "todo" or not step.missing:
            out.append(_step_text(step, lang))
        out += [text("status.missing_doc", lang, no=step.no, kind=kind) for kind in step.missing]
    if st.next_step:
        no, activity, roles = st.next_step
        out.append(text("status.next", lang, no=no, activity=activity, roles=roles))
        if st.round > 1:
            out[-1] += " " + text("status.in_round", lang, round=st.round)
    elif not st.state.stopped:
        out.append(text("status.finished", lang))
    if st.errors or st.warnings:
        out.append(text("status.problems", lang, errors=st.errors, warnings=st.warnings))
        out += ["  " + line for f in st.findings for line in finding_lines(f, lang)]
    return "\n".join(out) + "\n"


def format_overview(statuses: list[CaseStatus], lang: str = "id") -> str:
    """``sop-kit status`` without a case: every case not finished, with its next step, and
    every case with errors, as each one's own status says them."""
    stopped = sum(st.state.stopped for st in statuses)
    done = sum(st.state is Status.DONE for st in statuses)
    going = [st for st in statuses if not st.state.stopped and st.state is not Status.DONE]
    out = [text("status.overview", lang, open=len(going), total=len(statuses), done=done, stopped=stopped)]
    shown = [st for st in statuses if st in going or st.errors]  # a finished case that fails the check too
    for st in sorted(shown, key=lambda st: st.id):
        state = text(f"state.{st.state.value}", lang)
        if st.round > 1:
            state += " " + text("status.in_round", lang, round=st.round)
        if st.next_step and st in going:
            no, _, roles = st.next_step
            line = text("status.overview_line", lang, id=st.id, state=state, no=no, roles=roles)
        else:
            line = text("status.overview_waiting", lang, id=st.id, state=state)
        out.append(line + (text("status.overview_errors", lang, errors=st.errors) if st.errors else ""))
    out.append(text("status.overview_hint", lang))
    return "\n".join(out) + "\n"
