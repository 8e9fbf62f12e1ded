"""What a document or page shows of one case: a typed, frozen view made once from the
records, the case's verdict and its approval trail. The dossier, the letters and the site's
case page all read it; nothing here reads a file or judges anything again.

The public view (:meth:`CaseDocument.public`) lacks personal data altogether (the target
families, contacts' phone numbers), so no template, an office's own included, can print it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Any

from ..check.report import UNVERIFIED, Verdict
from ..core.findings import Severity
from ..core.messages import text
from ..records.archive import Archive, CaseFolder
from ..records.fieldtypes import in_wib, office_time
from ..records.models import Langkah, Sop
from ..records.rounds import Progress, case_progress, file_closed_on
from ..records.wilayah import purwakarta
from ..records.worktime import working_minutes
from ..trail.model import APPROVALS, Trail

WIB_NOON = time(12, 0)  # a date without a time, as a moment: midday in the office


@dataclass(frozen=True)
class CaseInfo:
    id: str
    judul: str
    ringkasan: str | None
    kecamatan: str
    desa: str
    kode: str
    jenis_desa: str  # desa | kelurahan
    mulai: date
    sampai: date | None
    dibuat_oleh: str  # the staff member's name
    status: str  # records.rounds.Status value
    dihentikan: str | None = None  # why the case was withdrawn or closed early (public)
    ditutup: date | None = None  # the day its file closed: the last completion, or the day it was stopped

    @property
    def akhir(self) -> date | None:
        """The period's end as shown: the one the record declares, else the day the file
        closed (a finished case whose ``sampai`` nobody filled in is not "running")."""
        return self.sampai or self.ditutup


@dataclass(frozen=True)
class Contact:
    nama: str
    jabatan: str
    telepon: str | None


@dataclass(frozen=True)
class SopInfo:
    nomor: str
    revisi: int
    nama: str
    unit: dict[str, Any]
    pengesah: dict[str, Any]


@dataclass(frozen=True)
class KindCheck:
    """A mandated document kind of a step, and whether the completed step has it."""

    name: str
    present: bool


@dataclass(frozen=True)
class Execution:
    """One step record, of one round, as carried out."""

    no: int
    round: int | None
    status: str  # belum | berjalan | selesai
    who: str | None  # the staff member's name (their id when not in the registry)
    staff_id: str | None
    nip: str | None
    position: str | None  # their position on the step's date
    roles: str  # the SOP's roles for the step, by name
    mulai: datetime | None
    selesai: datetime | None
    minutes: int | None
    standard: int | None
    flexible: bool
    over: bool
    decision: str | None
    alasan: str | None
    alasan_waktu: str | None
    catatan: str | None
    nomor_surat: str | None
    working: int | None = None  # minutes within the office's working hours: what the SOP's Waktu counts
    corrections: tuple[str, ...] = ()  # 'waktu: alasan' of each correction after completion


@dataclass(frozen=True)
class StepView(Execution):
    """A step of the SOP and the record that counts for it now (the final round's)."""

    kegiatan: str = ""
    done: bool = False
    kinds: tuple[KindCheck, ...] = ()
    sarana: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        return self.done and all(k.present for k in self.kinds)


@dataclass(frozen=True)
class RoundView:
    round: int
    decision: str | None


@dataclass(frozen=True)
class DocumentView:
    step: int
    round: int
    path: str  # inside the case folder
    kind: str  # the kind's name
    judul: str | None
    sha256: str | None  # of the file as it is now; None when it is missing
    size: int | None
    pribadi: bool


@dataclass(frozen=True)
class PhotoView:
    src: str  # a data: URL of the downscaled photo
    caption: str
    path: str
    taken: str | None  # EXIF date


@dataclass(frozen=True)
class FindingView:
    severity: str
    code: str  # for machines: never printed in a document
    message: str
    file: str  # the file's name only
    line: int | None
    severity_label: str = ""  # galat | peringatan | catatan
    hint: str = ""


@dataclass(frozen=True)
class Compliance:
    """The verdict at a glance: what the first screen of a page or a dossier says."""

    complies: bool
    errors: int
    warnings: int
    unverified: int  # step records whose approval is not proven
    changed: int  # records changed after approval, not approved again

    @classmethod
    def of(cls, verdict: Verdict) -> Compliance:
        return cls(
            verdict.complies, verdict.errors, verdict.warnings, verdict.unverified, verdict.changed_after_approval
        )


@dataclass(frozen=True)
class TrailEvent:
    when: datetime
    commit: str  # the full id: a page or document shortens it where people read it
    kind: str
    step: int | None
    round: int | None
    author: str  # the name written in the commit: proves nothing
    signer: str | None  # the person whose registered key signed it
    verified: bool
    reason: str | None  # for machines
    decision: str | None
    file: str | None
    open: bool  # a change after approval not yet approved again
    approval: bool = False  # the kind approves a step (selesai, keputusan, disetujui ulang)
    reason_label: str = ""  # why an approval is not verified, in words
    dated: datetime | None = None  # the date the commit claims, when it differs from ``when``


@dataclass(frozen=True)
class CaseDocument:
    """Everything a document of the case shows."""

    case: CaseInfo
    kontak: tuple[Contact, ...]
    sasaran: tuple[dict[str, Any], ...]  # the target families: personal data
    jumlah_keluarga: int
    internal: bool
    sop: SopInfo
    steps: tuple[StepView, ...]
    executions: tuple[Execution, ...]  # every record of every round: nothing a round replaced is hidden
    decided: bool  # the final round's decision was 'ya' (or the SOP has no decision)
    rounds: tuple[RoundView, ...]
    documents: tuple[DocumentView, ...]
    findings: tuple[FindingView, ...]
    trail: tuple[TrailEvent, ...] | None  # None: no git history was read
    generated: datetime  # the last moment the records hold: the document's date
    compliance: Compliance
    photos: tuple[PhotoView, ...] = ()

    @property
    def steps_by_no(self) -> dict[int, StepView]:
        return {s.no: s for s in self.steps}

    def public(self) -> CaseDocument:
        """The same view without personal data: absent, not merely not printed."""
        return replace(
            self,
            internal=False,
            sasaran=(),
            jumlah_keluarga=len(self.sasaran),
            kontak=tuple(replace(k, telepon=None) for k in self.kontak),
        )

    def template_vars(self) -> dict[str, Any]:
        """The view's fields as a template's top-level names."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__} | {"steps_by_no": self.steps_by_no}


def case_document(archive: Archive, case: CaseFolder, sop: Sop, verdict: Verdict, trail: Trail | None) -> CaseDocument:
    """The full (internal) view of a case whose identity was read and whose SOP is known."""
    kasus = case.kasus
    assert kasus is not None
    prog = case_progress(sop, case)
    staff = archive.staff
    missing = {(m.step, m.name) for m in verdict.missing}
    steps = []
    moments: list[datetime] = []
    for spec in sop.langkah:
        current = prog.current(spec.no)
        rec = current.record if current else None
        done = bool(rec and rec.status == "selesai")
        if rec:  # a start, an end, an approval or a correction: the records' last moment, whichever
            moments += [m for m in (rec.mulai, rec.selesai, rec.disetujui) if m]
            moments += [m for k in rec.koreksi for m in (k.waktu, k.disetujui) if m]
        kinds = tuple(
            KindCheck(sop.kind(k).nama, done and (spec.no, sop.kind(k).nama) not in missing) for k in spec.dokumen_wajib
        )
        base = _execution(archive, sop, spec, rec) if rec else _blank(sop, spec)
        steps.append(
            StepView(
                **base.__dict__,
                kegiatan=spec.kegiatan,
                done=done,
                kinds=kinds,
                sarana=tuple(spec.sarana),
            )
        )
    executions = []
    for step in sorted(case.steps, key=lambda s: (s.record.putaran, s.record.langkah)):
        rec = step.record
        if step in prog.unused:
            continue  # pre-filled and never used: no execution, in no round
        row = sop.step(rec.langkah) if rec.langkah <= len(sop.langkah) else None
        executions.append(_execution(archive, sop, row, rec))
    events = _trail(trail, kasus.id)
    # The document's date is the last moment it shows: a step's, the day it was stopped, or a
    # later commit (without the trail, or before the stop is committed, the records alone).
    moments += [office_time(e.when) for e in events or ()]
    if kasus.dihentikan is not None:
        moments.append(datetime.combine(kasus.dihentikan.tanggal, WIB_NOON))
    generated = max(moments) if moments else datetime.combine(kasus.periode.mulai, WIB_NOON)
    desa = purwakarta().by_code.get(kasus.lokasi.kode)
    creator = staff[kasus.dibuat_oleh].nama if kasus.dibuat_oleh in staff else kasus.dibuat_oleh
    return CaseDocument(
        case=CaseInfo(
            id=kasus.id,
            judul=kasus.judul,
            ringkasan=kasus.ringkasan,
            kecamatan=kasus.lokasi.kecamatan,
            desa=kasus.lokasi.desa,
            kode=kasus.lokasi.kode,
            jenis_desa=desa.jenis if desa else "desa",
            mulai=kasus.periode.mulai,
            sampai=kasus.periode.sampai,
            dibuat_oleh=creator,
            status=prog.status.value,
            dihentikan=kasus.dihentikan.alasan if kasus.dihentikan else None,
            ditutup=file_closed_on(prog, kasus.dihentikan.tanggal if kasus.dihentikan else None),
        ),
        kontak=tuple(Contact(k.nama, k.jabatan, k.telepon) for k in kasus.kontak),
        sasaran=tuple(f.model_dump() for f in kasus.sasaran),
        jumlah_keluarga=len(kasus.sasaran),
        internal=True,
        sop=SopInfo(sop.nomor, sop.revisi, sop.nama, sop.unit.model_dump(), sop.disahkan_oleh.model_dump()),
        steps=tuple(steps),
        executions=tuple(executions),
        decided=prog.decided_yes() and _decision_verified(case, sop, prog, verdict),
        rounds=tuple(RoundView(r, prog.decision(r)) for r in sorted(prog.rounds)),
        documents=tuple(_documents(case, sop)),
        findings=tuple(
            FindingView(
                f.severity.value,
                f.code,
                f.message("id"),
                f.file.rsplit("/", 1)[-1],
                f.line,
                text(f"sev.{f.severity.value}", "id"),
                f.hint("id"),
            )
            for f in sorted(verdict.findings, key=lambda f: (_RANK[f.severity], f.file, f.line or 0))
            if f.severity is not Severity.INFO or f.code.startswith("time.")
        ),
        trail=events,
        generated=generated,
        compliance=Compliance.of(verdict),
    )


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def _decision_verified(case: CaseFolder, sop: Sop, prog: Progress, verdict: Verdict) -> bool:
    """The final round's decision stands unchallenged: no finding says its approval is not
    proven (a draft SK is never made for a decision nobody can vouch for)."""
    for step in sop.decision_steps:
        found = prog.rounds.get(prog.final_round, {}).get(step.no)
        if found is not None and any(
            f.file == found.loaded.file and f.code in UNVERIFIED and f.severity is Severity.ERROR
            for f in verdict.findings
        ):
            return False
    return True


def _execution(archive: Archive, sop: Sop, spec: Langkah | None, rec: Any) -> Execution:
    when = rec.selesai or rec.mulai
    worked = working_minutes(archive.config.hours, rec)
    person = archive.staff.get(rec.pelaksana) if rec.pelaksana else None
    return Execution(
        no=rec.langkah,
        round=rec.putaran,
        status=rec.status,
        who=person.nama if person else rec.pelaksana,
        staff_id=person.id if person else None,
        nip=person.nip if person else None,
        position=person.position_on(when.date()) if person and when else None,
        roles=" / ".join(sop.role(r).nama for r in spec.pelaksana) if spec else "-",
        mulai=rec.mulai,
        selesai=rec.selesai,
        minutes=rec.minutes,
        standard=spec.waktu_menit if spec else None,
        flexible=bool(spec and spec.waktu_fleksibel),
        over=bool(spec and worked is not None and worked > spec.waktu_menit),
        decision=rec.keputusan,
        alasan=rec.alasan,
        alasan_waktu=rec.alasan_waktu,
        catatan=rec.catatan,
        nomor_surat=rec.nomor_surat,
        working=worked,
        corrections=tuple(f"{k.waktu:%Y-%m-%d %H:%M}: {k.alasan}" for k in rec.koreksi),
    )


def _blank(sop: Sop, spec: Langkah) -> Execution:
    """A step with no record yet."""
    roles = " / ".join(sop.role(r).nama for r in spec.pelaksana)
    return Execution(
        spec.no, None, "belum", None, None, None, None, roles, None, None, None, spec.waktu_menit,
        spec.waktu_fleksibel, False, None, None, None, None, None,
    )  # fmt: skip


def _documents(case: CaseFolder, sop: Sop) -> list[DocumentView]:
    kinds = {k.id: k for k in sop.jenis_dokumen}
    out = []
    private = case.private_files(sop)
    for step in sorted(case.steps, key=lambda s: (s.record.putaran, s.record.langkah)):
        for doc in step.record.dokumen:
            # Only a name the folder listing holds is read: inside the case folder, never a link.
            entry = case.files.get(doc.berkas)
            sha = None
            if entry is not None and entry.kind == "file":
                sha = hashlib.sha256((case.path / doc.berkas).read_bytes()).hexdigest()
            out.append(
                DocumentView(
                    step=step.record.langkah,
                    round=step.record.putaran,
                    path=doc.berkas,
                    kind=kinds[doc.jenis].nama if doc.jenis in kinds else doc.jenis,
                    judul=doc.judul,
                    sha256=sha,
                    size=entry.size if entry else None,
                    pribadi=doc.berkas in private,
                )
            )
    return out


def _trail(trail: Trail | None, case_id: str) -> tuple[TrailEvent, ...] | None:
    if trail is None:
        return None
    ct = trail.case(case_id)
    if ct is None:
        return None
    changed = {id(e) for st in ct.steps.values() for e in st.changed_after}
    return tuple(
        TrailEvent(
            when=in_wib(e.when),  # the office's time, on every surface
            commit=e.commit,
            kind=e.kind,
            step=e.step,
            round=e.round,
            author=e.author,
            signer=e.signer_name or e.signer,
            verified=e.verified,
            reason=e.reason,
            decision=e.decision,
            file=e.file,
            open=id(e) in changed,
            approval=e.kind in APPROVALS,
            reason_label=text(f"trail.reason.{e.reason}", "id") if e.reason else "",
            dated=in_wib(e.dated) if e.dated else None,
        )
        for e in ct.events
    )
