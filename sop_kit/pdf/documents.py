"""Which PDFs an archive yields, and the data each is made from.

Every document is a :class:`~sop_kit.pdf.render.Job`: a template, a plain context built
here from the validated records, the folders it may load files from (its own case folder
only), and a timestamp taken from the records, never from the clock, so an unchanged case
renders to the same bytes. Public documents carry no personal data; internal ones (the
full dossier, the attendance sheet) go to a separate folder.
"""

from __future__ import annotations

import base64
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..check.report import Verdict
from ..records.archive import Archive, CaseFolder
from ..records.ids import slug
from ..records.layout import CASE_FILE, STEPS_DIR
from ..records.models import Sop, Surat
from ..records.office import Kop, office_kop
from ..trail.model import Trail
from ..views.case import WIB_NOON, CaseDocument, PhotoView, case_document
from ..views.photos import PhotoCache
from .letters import has_letters, letter_context
from .render import Job, PublicScan

PHOTO_EDGE = 800  # px: a printed photo needs no more, and the PDF shrinks about fivefold


def archive_kop(archive: Archive, sop: Sop) -> Kop:
    """The letterhead every document of ``sop``'s cases carries: the office profile in force,
    or without one the SOP's unit (names only, never a made-up address)."""
    profile = archive.config.kantor
    kop = office_kop(profile, archive.root.parent, (sop.unit.pemerintah, sop.unit.instansi, sop.unit.bidang))
    assert kop is not None
    return kop


def sop_jobs(archive: Archive, out: Path) -> list[Job]:
    """The SOP document (official SOP AP layout) and the blank field checklists, per SOP."""
    jobs = []
    for sop in archive.sops.values():
        name = f"{slug(sop.nomor)}-rev{sop.revisi}"
        created = datetime.combine(date.fromisoformat(sop.tanggal_efektif + "-01"), WIB_NOON)
        context = {"sop": sop_context(sop), "kop": archive_kop(archive, sop).to_dict()}
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
    from ..views.flowchart import flowchart_pages  # drawing the chart is slow to import

    return {
        "model": sop,
        "roles": [r.nama for r in sop.peran],
        "pages": flowchart_pages(sop),
        "kinds": {k.id: k.nama for k in sop.jenis_dokumen},
    }


def case_jobs(
    archive: Archive, case: CaseFolder, verdict: Verdict, trail: Trail | None, out: Path, internal_out: Path | None
) -> list[Job]:
    """The dossier (public, and internal when asked) and the letters of one case, from the
    case as read and its verdict."""
    if case.kasus is None:
        return []
    sop = archive.sop_of(case.kasus)
    if sop is None:
        return []
    full = replace(case_document(archive, case, sop, verdict, trail), photos=tuple(_photos(case, sop)))
    public = full.public()
    kop = archive_kop(archive, sop)
    profile = archive.config.kantor
    public_vars, full_vars = public.template_vars(), full.template_vars()
    if has_letters(sop):  # the letters name no one's personal data: the public documents carry them too
        full_vars |= letter_context(sop, full, archive.staff, kop, profile)
        public_vars |= letter_context(sop, public, archive.staff, kop, profile)
    else:
        full_vars["kop"] = public_vars["kop"] = kop.to_dict()
    shown = [case.kasus.id, *(d.sha256 or "" for d in full.documents), *(e.commit for e in full.trail or ())]
    shown += [d.sha256 or "" for s in case.steps for d in s.record.dokumen]
    scan = PublicScan(frozenset(case.personal_values(archive.public_names())), tuple(shown), archive.public_numbers())
    created = full.generated
    cid = case.kasus.id
    inputs = [case.path / name for name, entry in case.files.items() if entry.kind == "file"]
    folder = out / "kasus" / cid
    ifolder = internal_out / "kasus" / cid if internal_out is not None else None

    def public_job(template: str, ctx: dict[str, Any], target: Path, title: str, subject: str) -> Job:
        # Loads nothing from the case folder (its photos come inlined, from the public view),
        # and is scanned for personal data before it is written.
        return Job(template, ctx, target, [], title, subject, created, [], inputs, scan)

    def internal_job(
        template: str, ctx: dict[str, Any], target: Path, title: str, subject: str, records: bool = False
    ) -> Job:
        attachments = _records(case) if records else []
        return Job(template, ctx, target, [case.path], title, subject, created, attachments, inputs)

    subject = f"Berkas kasus SOP {sop.nomor}: {sop.nama}"
    dossier_name = f"berkas-pembinaan-{cid}.pdf"
    jobs = [public_job("dossier.html", public_vars, folder / dossier_name, f"Berkas Pembinaan {cid} (publik)", subject)]
    if ifolder is not None:
        title = f"Berkas Pembinaan {cid}"
        jobs.append(
            internal_job("dossier.html", full_vars, ifolder / dossier_name, title, f"{subject} (internal)", True)
        )
    for letter in due_letters(sop, full):
        dossier = {"dokumen": {"id": letter.id, "judul": letter.judul, "langkah": letter.langkah}}
        # A document with an internal version has a blank public form: its records are personal.
        public_name = f"{letter.id}-kosong-{cid}.pdf" if letter.internal else f"{letter.id}-{cid}.pdf"
        public_title = f"{letter.judul} (kosong)" if letter.internal else letter.judul
        target = folder / public_name
        jobs.append(public_job(letter.templat, public_vars | dossier, target, f"{public_title} {cid}", letter.judul))
        if letter.internal and ifolder is not None:
            target = ifolder / f"{letter.id}-{cid}.pdf"
            jobs.append(
                internal_job(letter.templat, full_vars | dossier, target, f"{letter.judul} {cid}", letter.judul)
            )
    return jobs


def due_letters(sop: Sop, doc: CaseDocument) -> list[Surat]:
    """The documents the SOP declares that the case has reached: always, once a step is done,
    or after a 'ya' decision whose approval stands (no draft SK for a decision nobody can vouch for)."""
    steps = doc.steps_by_no
    out = []
    for letter in sop.surat:
        if letter.keputusan_ya and not doc.decided:
            continue
        if letter.setelah_langkah is not None and not steps[letter.setelah_langkah].done:
            continue
        out.append(letter)
    return out


def _records(case: CaseFolder) -> list[tuple[str, bytes]]:
    """The case's own YAML, embedded in the internal dossier so the PDF alone is the record."""
    names = [CASE_FILE, *sorted(n for n in case.files if n.startswith(STEPS_DIR + "/") and n.endswith(".yaml"))]
    return [(name.replace("/", "__"), (case.path / name).read_bytes()) for name in names]


def _photos(case: CaseFolder, sop: Sop) -> list[PhotoView]:
    """Photos of the case, inlined as the site publishes them (upright, downscaled, no
    metadata; from the shared photo cache), with caption and EXIF date."""
    cache = PhotoCache.at()
    out = []
    private, shown = case.private_files(sop), set()
    for step in case.steps:
        for doc in step.record.dokumen:
            if doc.jenis not in sop.foto_wajib or doc.berkas in private or doc.berkas in shown:
                continue
            shown.add(doc.berkas)  # a photo two records name is one photo
            entry = case.files.get(doc.berkas)
            if entry is None or entry.kind != "file":
                continue
            try:
                made = cache.prepared((case.path / doc.berkas).read_bytes(), doc.berkas)
                data = made.full.read_bytes()
            except (ValueError, OSError):
                continue  # the check reports unreadable or oversized images
            out.append(
                PhotoView(
                    src="data:image/jpeg;base64," + base64.b64encode(data).decode(),
                    caption=doc.keterangan or doc.judul or doc.berkas,
                    path=doc.berkas,
                    taken=made.taken,
                )
            )
    return out
