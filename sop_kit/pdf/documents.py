"""Which PDFs an archive yields, and the data each is made from.

Every document is a :class:`~sop_kit.pdf.render.Job`: a template, a plain context built
here from the validated records, the folders it may load files from (its own case folder
only), and a timestamp taken from the records, never from the clock, so an unchanged case
renders to the same bytes. Public documents carry no personal data; internal ones (the
full dossier, the attendance sheet) go to a separate folder.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from ..check.rules import check_case
from ..core.findings import Finding, Severity
from ..records.archive import Archive, CaseFolder, read_case
from ..records.ids import slug
from ..records.layout import CASE_FILE, STEPS_DIR
from ..records.models import Langkah, Sop
from ..records.rounds import progress_of
from ..records.wilayah import purwakarta
from .letters import has_letters, letter_context
from .render import Job

PHOTO_EDGE = 800  # px: a printed photo needs no more, and the PDF shrinks about fivefold
WIB_NOON = time(12, 0)


def sop_jobs(archive: Archive, out: Path) -> list[Job]:
    """The SOP document (official SOP AP layout) and the blank field checklists, per SOP."""
    jobs = []
    for sop in archive.sops.values():
        name = f"{slug(sop.nomor)}-rev{sop.revisi}"
        created = datetime.combine(date.fromisoformat(sop.tanggal_efektif + "-01"), WIB_NOON)
        context = {"sop": sop_context(sop)}
        jobs.append(
            Job(
                "sop.html",
                context,
                out / "sop" / f"sop-{name}.pdf",
                [],
                f"SOP {sop.nomor} — {sop.nama}",
                "Standar Operasional Prosedur",
                created,
            )
        )
        jobs.append(
            Job(
                "daftar-periksa.html",
                context,
                out / "sop" / f"daftar-periksa-{name}.pdf",
                [],
                f"Daftar periksa lapangan SOP {sop.nomor}",
                "Daftar periksa per langkah",
                created,
            )
        )
    return jobs


def sop_context(sop: Sop) -> dict[str, Any]:
    from ..views.flowchart import flowchart_pages, legend_svg

    return {
        "model": sop,
        "roles": [r.nama for r in sop.peran],
        "pages": flowchart_pages(sop),
        "legend": legend_svg(),
        "kinds": {k.id: k.nama for k in sop.jenis_dokumen},
    }


def case_jobs(archive: Archive, path: Path, out: Path, internal_out: Path | None, trail: Any = None) -> list[Job]:
    """The dossier (public, and internal when asked) and the letters of one case."""
    case = read_case(archive, path)
    if case.kasus is None:
        return []
    sop = archive.sop_of(case.kasus)
    if sop is None:
        return []
    findings = check_case(archive, path)
    full = case_context(archive, case, sop, findings, trail)
    letters = has_letters(sop)
    if letters:
        full.update(letter_context(sop, full, archive.staff))
    public = public_context(full)
    created = full["generated"]
    cid = case.kasus.id
    inputs = [case.path / name for name, entry in case.files.items() if entry.kind == "file"]
    folder = out / "kasus" / cid
    steps = full["steps_by_no"]

    def job(
        template: str,
        ctx: dict[str, Any],
        target: Path,
        title: str,
        subject: str,
        attachments: list[tuple[str, bytes]] | None = None,
    ) -> Job:
        return Job(template, ctx, target, [case.path], title, subject, created, attachments or [], inputs)

    jobs = [
        job(
            "dossier.html",
            public,
            folder / f"berkas-pembinaan-{cid}.pdf",
            f"Berkas Pembinaan {cid} (publik)",
            f"Berkas kasus SOP {sop.nomor}: {sop.nama}",
        ),
    ]
    if letters:
        jobs.append(
            job(
                "daftar-hadir.html",
                public,
                folder / f"daftar-hadir-kosong-{cid}.pdf",
                f"Daftar hadir pembinaan {cid} (kosong)",
                "Daftar hadir",
            )
        )
    if letters and full["decided"]:  # the SK designates a location only after a 'ya' decision
        jobs.append(
            job(
                "sk.html",
                public,
                folder / f"sk-penetapan-{cid}.pdf",
                f"Draf SK penetapan lokasi rawan {cid}",
                "Draf SK penetapan lokasi rawan",
            )
        )
    if letters and steps.get(4, {}).get("done"):
        jobs.append(
            job(
                "surat-koordinasi.html",
                public,
                folder / f"surat-koordinasi-{cid}.pdf",
                f"Surat koordinasi {cid}",
                "Surat koordinasi",
            )
        )
    if letters and steps.get(6, {}).get("done"):
        jobs.append(
            job(
                "laporan.html",
                public,
                folder / f"laporan-pembinaan-{cid}.pdf",
                f"Laporan pelaksanaan pembinaan {cid}",
                "Laporan pelaksanaan pembinaan",
            )
        )
    if internal_out is not None:
        ifolder = internal_out / "kasus" / cid
        jobs.append(
            job(
                "dossier.html",
                full,
                ifolder / f"berkas-pembinaan-{cid}.pdf",
                f"Berkas Pembinaan {cid}",
                f"Berkas kasus SOP {sop.nomor}: {sop.nama} (internal)",
                _records(case),
            )
        )
        if letters:
            jobs.append(
                job(
                    "daftar-hadir.html",
                    full,
                    ifolder / f"daftar-hadir-{cid}.pdf",
                    f"Daftar hadir pembinaan {cid}",
                    "Daftar hadir",
                )
            )
    return jobs


def public_context(full: dict[str, Any]) -> dict[str, Any]:
    """The context of a public document: personal data is absent, not merely not printed,
    so no template (an archive's override included) can print it."""
    public = {**full, "internal": False, "sasaran": [], "jumlah_keluarga": len(full["sasaran"])}
    public["kontak"] = [{**k, "telepon": None} for k in full["kontak"]]
    return public


def _records(case: CaseFolder) -> list[tuple[str, bytes]]:
    """The case's own YAML, embedded in the internal dossier so the PDF alone is the record."""
    names = [CASE_FILE, *sorted(n for n in case.files if n.startswith(STEPS_DIR + "/") and n.endswith(".yaml"))]
    return [(name.replace("/", "__"), (case.path / name).read_bytes()) for name in names]


def case_context(
    archive: Archive, case: CaseFolder, sop: Sop, findings: list[Finding], trail: Any, photos: bool = True
) -> dict[str, Any]:
    """Everything a document of the case shows; ``photos=False`` leaves out the inlined
    photos (the site publishes its own copies)."""
    kasus = case.kasus
    assert kasus is not None
    prog = progress_of(sop, case.steps)
    staff = archive.staff
    missing = {(int(f.params["no"]), str(f.params["kind"])) for f in findings if f.code == "doc.missing"}
    steps = []
    moments: list[datetime] = []
    for spec in sop.langkah:
        current = prog.current(spec.no)
        rec = current.record if current else None
        done = bool(rec and rec.status == "selesai")
        when = rec.selesai or rec.mulai if rec else None
        if rec and rec.selesai:
            moments.append(rec.selesai)
        person = staff.get(rec.pelaksana) if rec and rec.pelaksana else None
        kinds = [
            {"name": sop.kind(k).nama, "present": done and (spec.no, sop.kind(k).nama) not in missing}
            for k in spec.dokumen_wajib
        ]
        steps.append(
            {
                "no": spec.no,
                "kegiatan": spec.kegiatan,
                "done": done,
                "status": rec.status if rec else "belum",
                "who": person.nama if person else (rec.pelaksana if rec else None),
                "staff_id": person.id if person else None,
                "nip": person.nip if person else None,
                "position": person.position_on(when.date()) if person and when else None,
                "roles": " / ".join(sop.role(r).nama for r in spec.pelaksana),
                "mulai": rec.mulai if rec else None,
                "selesai": rec.selesai if rec else None,
                "minutes": rec.minutes if rec else None,
                "standard": spec.waktu_menit,
                "flexible": spec.waktu_fleksibel,
                "over": bool(rec and rec.minutes is not None and rec.minutes > spec.waktu_menit),
                "decision": rec.keputusan if rec else None,
                "alasan": rec.alasan if rec else None,
                "alasan_waktu": rec.alasan_waktu if rec else None,
                "catatan": rec.catatan if rec else None,
                "nomor_surat": rec.nomor_surat if rec else None,
                "kinds": kinds,
                "sarana": spec.sarana,
                "round": rec.putaran if rec else None,
            }
        )
    rounds = [{"round": r, "decision": prog.decision(r)} for r in sorted(prog.rounds)]
    executions = []  # every record of every round: nothing a round replaced is hidden
    for step in sorted(case.steps, key=lambda s: (s.record.putaran, s.record.langkah)):
        rec = step.record
        row: Langkah | None = sop.step(rec.langkah) if rec.langkah <= len(sop.langkah) else None
        when = rec.selesai or rec.mulai
        person = staff.get(rec.pelaksana) if rec.pelaksana else None
        executions.append(
            {
                "no": rec.langkah,
                "round": rec.putaran,
                "status": rec.status,
                "who": person.nama if person else rec.pelaksana,
                "staff_id": person.id if person else None,
                "nip": person.nip if person else None,
                "position": person.position_on(when.date()) if person and when else None,
                "roles": " / ".join(sop.role(r).nama for r in row.pelaksana) if row else "-",
                "mulai": rec.mulai,
                "selesai": rec.selesai,
                "minutes": rec.minutes,
                "standard": row.waktu_menit if row else None,
                "flexible": bool(row and row.waktu_fleksibel),
                "over": bool(row and rec.minutes is not None and rec.minutes > row.waktu_menit),
                "decision": rec.keputusan,
                "alasan": rec.alasan,
                "alasan_waktu": rec.alasan_waktu,
                "catatan": rec.catatan,
                "nomor_surat": rec.nomor_surat,
            }
        )
    generated = max(moments) if moments else datetime.combine(kasus.periode.mulai, WIB_NOON)
    desa = purwakarta().by_code.get(kasus.lokasi.kode)
    return {
        "case": {
            "id": kasus.id,
            "judul": kasus.judul,
            "ringkasan": kasus.ringkasan,
            "kecamatan": kasus.lokasi.kecamatan,
            "desa": kasus.lokasi.desa,
            "kode": kasus.lokasi.kode,
            "jenis_desa": desa.jenis if desa else "desa",
            "mulai": kasus.periode.mulai,
            "sampai": kasus.periode.sampai,
            "dibuat_oleh": staff[kasus.dibuat_oleh].nama if kasus.dibuat_oleh in staff else kasus.dibuat_oleh,
            "status": prog.status.value,
        },
        "kontak": [{"nama": k.nama, "jabatan": k.jabatan, "telepon": k.telepon} for k in kasus.kontak],
        "sasaran": [f.model_dump() for f in kasus.sasaran],
        "jumlah_keluarga": len(kasus.sasaran),
        "internal": True,
        "sop": {
            "nomor": sop.nomor,
            "revisi": sop.revisi,
            "nama": sop.nama,
            "unit": sop.unit.model_dump(),
            "pengesah": sop.disahkan_oleh.model_dump(),
        },
        "steps": steps,
        "executions": executions,
        "steps_by_no": {s["no"]: s for s in steps},
        "decided": prog.decided_yes(),
        "rounds": rounds,
        "photos": _photos(case, sop) if photos else [],
        "documents": _documents(case, sop),
        "findings": [
            {
                "severity": f.severity.value,
                "code": f.code,
                "message": f.message("id"),
                "file": f.file.rsplit("/", 1)[-1],
                "line": f.line,
            }
            for f in findings
            if f.severity is not Severity.INFO or f.code.startswith("time.")
        ],
        "trail": _trail(trail, kasus.id),
        "generated": generated,
    }


def _documents(case: CaseFolder, sop: Sop) -> list[dict[str, Any]]:
    out = []
    for step in sorted(case.steps, key=lambda s: (s.record.putaran, s.record.langkah)):
        for doc in step.record.dokumen:
            entry = case.files.get(doc.berkas)
            sha = None
            if entry is not None and entry.kind == "file":
                sha = hashlib.sha256((case.path / doc.berkas).read_bytes()).hexdigest()
            kinds = {k.id: k for k in sop.jenis_dokumen}
            out.append(
                {
                    "step": step.record.langkah,
                    "round": step.record.putaran,
                    "path": doc.berkas,
                    "kind": kinds[doc.jenis].nama if doc.jenis in kinds else doc.jenis,
                    "judul": doc.judul,
                    "sha256": sha,
                    "size": entry.size if entry else None,
                    "pribadi": sop.is_personal(doc.jenis, doc.pribadi),
                }
            )
    return out


def _photos(case: CaseFolder, sop: Sop) -> list[dict[str, Any]]:
    """Photos of the case, inlined as the site publishes them (upright, downscaled, no
    metadata; from the shared photo cache), with caption and EXIF date."""
    from ..views.photos import PhotoCache

    cache = PhotoCache.at()
    out = []
    for step in case.steps:
        for doc in step.record.dokumen:
            if doc.jenis not in sop.foto_wajib or sop.is_personal(doc.jenis, doc.pribadi):
                continue
            entry = case.files.get(doc.berkas)
            if entry is None or entry.kind != "file":
                continue
            try:
                made = cache.prepared((case.path / doc.berkas).read_bytes(), doc.berkas)
                data = made.full.read_bytes()
            except (ValueError, OSError):
                continue  # the check reports unreadable or oversized images
            out.append(
                {
                    "src": "data:image/jpeg;base64," + base64.b64encode(data).decode(),
                    "caption": doc.keterangan or doc.judul or doc.berkas,
                    "path": doc.berkas,
                    "taken": made.taken,
                }
            )
    return out


def _trail(trail: Any, case_id: str) -> list[dict[str, Any]] | None:
    if trail is None or case_id not in trail.cases:
        return None
    ct = trail.cases[case_id]
    changed = {id(e) for st in ct.steps.values() for e in st.changed_after}
    return [
        {
            "when": e.when,
            "commit": e.commit[:10],
            "kind": e.kind,
            "step": e.step,
            "round": e.round,
            "author": e.author,
            "signer": e.signer_name or e.signer,
            "verified": e.verified,
            "reason": e.reason,
            "decision": e.decision,
            "file": e.file,
            "open": id(e) in changed,
        }
        for e in ct.events
    ]
