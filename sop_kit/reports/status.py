"""``sop-kit status CASE``: where one case stands, in plain words, and what is missing next."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..check.audit import Audit
from ..core.messages import text
from ..records.rounds import Status, progress_of


@dataclass
class StepLine:
    no: int
    state: str  # done | running | todo
    who: str | None = None
    date: str | None = None
    missing: list[str] = field(default_factory=list)


@dataclass
class CaseStatus:
    id: str
    title: str
    location: dict[str, str]
    sop: dict[str, str | int]
    state: Status
    decisions: list[tuple[int, int, str | None, int]]  # round, step, decision, 'tidak' target
    steps: list[StepLine]
    next_step: tuple[int, str, str] | None
    errors: int
    warnings: int
    unverified: int = 0  # step records whose approval is not proven
    changed: int = 0  # records changed after approval


def case_status(audit: Audit, path: Path) -> CaseStatus:
    """Where the case at ``path`` stands, with the counts of its verdict in ``audit``."""
    archive = audit.archive
    case = archive.read_case(path)
    verdict = audit.verdict(path)
    errors, warnings = (verdict.errors, verdict.warnings) if verdict else (0, 0)
    more = (verdict.unverified, verdict.changed_after_approval) if verdict else (0, 0)
    kasus = case.kasus
    if kasus is None:
        return CaseStatus(path.name, "?", {}, {}, Status.NOT_STARTED, [], [], None, errors, warnings)
    sop = archive.sop_of(kasus)
    location = {"desa": kasus.lokasi.desa, "kecamatan": kasus.lokasi.kecamatan, "kode": kasus.lokasi.kode}
    sop_info: dict[str, str | int] = {
        "nomor": kasus.sop.nomor,
        "revisi": sop.revisi if sop else (kasus.sop.revisi if kasus.sop.revisi is not None else "-"),
        "nama": sop.nama if sop else "?",
    }
    if sop is None:
        return CaseStatus(kasus.id, kasus.judul, location, sop_info, Status.NOT_STARTED, [], [], None, errors, warnings)
    prog = progress_of(sop, case.steps)
    missing_by_step: dict[int, list[str]] = {}
    for m in verdict.missing if verdict else ():
        missing_by_step.setdefault(m.step, []).append(m.name)
    lines = []
    next_no = prog.next_step()
    for spec in sop.langkah:
        current = prog.current(spec.no)
        rec = current.record if current else None
        who = (
            archive.staff[rec.pelaksana].nama
            if rec and rec.pelaksana in archive.staff
            else (rec.pelaksana if rec else None)
        )
        if rec and rec.status == "selesai":
            when = rec.selesai or rec.mulai
            lines.append(
                StepLine(spec.no, "done", who, f"{when:%Y-%m-%d}" if when else None, missing_by_step.get(spec.no, []))
            )
            continue
        attached = {d.jenis for d in rec.dokumen} if rec else set()
        missing = [sop.kind(k).nama for k in spec.dokumen_wajib if k not in attached] if spec.no == next_no else []
        lines.append(StepLine(spec.no, "running" if rec and rec.status == "berjalan" else "todo", who, None, missing))
    decisions = []
    for step in sop.decision_steps:
        assert step.keputusan is not None
        for round_no in sorted(prog.rounds):
            if step.no in prog.rounds[round_no] or round_no == prog.final_round:
                decisions.append((round_no, step.no, prog.decision(round_no), step.keputusan.tidak))
    nxt = None
    if next_no is not None:
        spec = sop.step(next_no)
        nxt = (next_no, spec.kegiatan, ", ".join(sop.role(r).nama for r in spec.pelaksana))
    return CaseStatus(
        kasus.id, kasus.judul, location, sop_info, prog.status, decisions, lines, nxt, errors, warnings, *more
    )


def format_status(st: CaseStatus, lang: str = "id") -> str:
    out = [text("status.header", lang, id=st.id, title=st.title)]
    if st.location:
        out.append(text("status.location", lang, **st.location))
    if st.sop:
        out.append(text("status.sop", lang, **st.sop))
    out.append(text("status.state", lang, state=text(f"state.{st.state.value}", lang)))
    if st.errors:
        out.append(text("status.not_complies", lang, errors=st.errors, unverified=st.unverified, changed=st.changed))
    else:
        out.append(text("status.complies", lang))
    for round_no, no, decision, target in st.decisions:
        label = text(f"decision.{decision or 'none'}", lang, target=target)
        out.append(text("status.round", lang, round=round_no, no=no, decision=label))
    for line in st.steps:
        if line.state == "done":
            out.append(text("status.step_done", lang, no=line.no, who=line.who, date=line.date))
        elif line.state == "running":
            out.append(text("status.step_running", lang, no=line.no, who=line.who or "-"))
        elif not line.missing:
            out.append(text("status.step_todo", lang, no=line.no))
        out += [text("status.missing_doc", lang, no=line.no, kind=kind) for kind in line.missing]
    if st.next_step:
        no, activity, roles = st.next_step
        out.append(text("status.next", lang, no=no, activity=activity, roles=roles))
    else:
        out.append(text("status.finished", lang))
    if st.errors or st.warnings:
        out.append(text("status.problems", lang, errors=st.errors, warnings=st.warnings))
    return "\n".join(out) + "\n"
