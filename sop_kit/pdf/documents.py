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
from io import BytesIO
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps

from ..check.report import Verdict
from ..records.archive import Archive, CaseFolder
from ..records.ids import slug
from ..records.layout import CASE_FILE, STEPS_DIR
from ..records.models import Sop
from ..trail.model import Trail
from ..views.case import WIB_NOON, PhotoView, case_document
from .fetch import check_image
from .letters import has_letters, letter_context
from .render import Job

PHOTO_EDGE = 800  # px: a printed photo needs no more, and the PDF shrinks about fivefold


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
    letters = has_letters(sop)
    public = full.public()
    public_vars, full_vars = public.template_vars(), full.template_vars()
    if letters:  # the letters name no one's personal data: the public documents carry them too
        extra = letter_context(sop, full, archive.staff)
        full_vars |= extra
        public_vars |= extra
    created = full.generated
    cid = case.kasus.id
    inputs = [case.path / name for name, entry in case.files.items() if entry.kind == "file"]
    folder = out / "kasus" / cid
    steps = full.steps_by_no

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
            public_vars,
            folder / f"berkas-pembinaan-{cid}.pdf",
            f"Berkas Pembinaan {cid} (publik)",
            f"Berkas kasus SOP {sop.nomor}: {sop.nama}",
        ),
    ]
    if letters:
        jobs.append(
            job(
                "daftar-hadir.html",
                public_vars,
                folder / f"daftar-hadir-kosong-{cid}.pdf",
                f"Daftar hadir pembinaan {cid} (kosong)",
                "Daftar hadir",
            )
        )
    if letters and full.decided:  # the SK designates a location only after a 'ya' decision
        jobs.append(
            job(
                "sk.html",
                public_vars,
                folder / f"sk-penetapan-{cid}.pdf",
                f"Draf SK penetapan lokasi rawan {cid}",
                "Draf SK penetapan lokasi rawan",
            )
        )
    if letters and steps[4].done:
        jobs.append(
            job(
                "surat-koordinasi.html",
                public_vars,
                folder / f"surat-koordinasi-{cid}.pdf",
                f"Surat koordinasi {cid}",
                "Surat koordinasi",
            )
        )
    if letters and steps[6].done:
        jobs.append(
            job(
                "laporan.html",
                public_vars,
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
                full_vars,
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
                    full_vars,
                    ifolder / f"daftar-hadir-{cid}.pdf",
                    f"Daftar hadir pembinaan {cid}",
                    "Daftar hadir",
                )
            )
    return jobs


def _records(case: CaseFolder) -> list[tuple[str, bytes]]:
    """The case's own YAML, embedded in the internal dossier so the PDF alone is the record."""
    names = [CASE_FILE, *sorted(n for n in case.files if n.startswith(STEPS_DIR + "/") and n.endswith(".yaml"))]
    return [(name.replace("/", "__"), (case.path / name).read_bytes()) for name in names]


def _photos(case: CaseFolder, sop: Sop) -> list[PhotoView]:
    """Photos of the case, downscaled and inlined, with caption and EXIF date."""
    out = []
    for step in case.steps:
        for doc in step.record.dokumen:
            if doc.jenis not in sop.foto_wajib or sop.is_personal(doc.jenis, doc.pribadi):
                continue
            entry = case.files.get(doc.berkas)
            if entry is None or entry.kind != "file":
                continue
            data = (case.path / doc.berkas).read_bytes()
            try:
                check_image(data, doc.berkas)
                with Image.open(BytesIO(data)) as im:
                    taken = im.getexif().get(0x0132)  # DateTime; DateTimeOriginal lives in the Exif IFD
                    exif_ifd = im.getexif().get_ifd(0x8769)
                    taken = exif_ifd.get(0x9003) or taken
                    small = ImageOps.exif_transpose(im).convert("RGB")
                    small.thumbnail((PHOTO_EDGE, PHOTO_EDGE))
                    buf = BytesIO()
                    small.save(buf, "JPEG", quality=82, optimize=True)
            except (ValueError, OSError):
                continue  # the check reports unreadable or oversized images
            out.append(
                PhotoView(
                    src="data:image/jpeg;base64," + base64.b64encode(buf.getvalue()).decode(),
                    caption=doc.keterangan or doc.judul or doc.berkas,
                    path=doc.berkas,
                    taken=str(taken).replace(":", "-", 2) if taken else None,
                )
            )
    return out
