"""Small archives for the revision, diff and stats tests: the shipped SOP as revision 0
(effective 2020-01) and a revision 1 (effective 2026-01) made from it by a few edits, with
cases written by :func:`sop_kit.demo.sample.write_case`."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

from sop_kit.demo.sample import CaseSpec, FileSpec, Raw, StepSpec, write_case
from sop_kit.records.archive import open_archive
from sop_kit.records.models import Kasus
from sop_kit.records.models.case import Lokasi, Periode, SopRef

from .conftest import REPO

SOP_FILE = "61.1.D.049-I-2020.yaml"
NOMOR = "61.1.D.049/I/2020"

# Revision 1, as edits of revision 0's text: step 2 takes 45 minutes instead of 60, step 3
# also needs the attendance list, step 4 is the Kasi's, and the Kabid's role is renamed.
REV1_EDITS = [
    ("revisi: 0\n", "revisi: 1\n"),
    ("tanggal_revisi:\n", "tanggal_revisi: 2025-11\n"),
    ("tanggal_efektif: 2020-01\n", "tanggal_efektif: 2026-01\n"),
    (
        "    waktu_menit: 60\n    waktu_teks: 60 Menit\n    output: Sesungguhnya",
        "    waktu_menit: 45\n    waktu_teks: 45 Menit\n    output: Sesungguhnya",
    ),
    ("    dokumen_wajib: [surat-keputusan]\n", "    dokumen_wajib: [surat-keputusan, daftar-hadir]\n"),
    ("    nama: Kepala Bidang\n", "    nama: Kepala Bidang Pemberdayaan\n"),
]

CSV = Raw(b"desa,keluarga\nCibening,3\n")
PDF = Raw(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")


def rev1_text(rev0: str) -> str:
    text = rev0
    for old, new in REV1_EDITS:
        assert old in text, old
        text = text.replace(old, new, 1)
    # Step 4 (persiapan) passes from the Pelaksana to the Kasi PKK.
    head, tail = text.split('  - "no": 4\n', 1)
    tail = tail.replace("    pelaksana: [pelaksana]\n", "    pelaksana: [kasi-pkk]\n", 1)
    return head + '  - "no": 4\n' + tail


def make_archive(root: Path, rev1: bool = True) -> Path:
    (root / "sop").mkdir(parents=True)
    rev0 = (REPO / "records" / "sop" / SOP_FILE).read_text("utf-8")
    (root / "sop" / SOP_FILE).write_text(rev0, "utf-8")
    if rev1:
        (root / "sop" / "61.1.D.049-I-2020-rev1.yaml").write_text(rev1_text(rev0), "utf-8")
    shutil.copy2(REPO / "records" / "staf.yaml", root / "staf.yaml")
    (root / "kasus").mkdir()
    return root


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute)


def add_case(
    root: Path,
    case_id: str,
    start: date,
    minutes: Sequence[int | None],
    revisi: int | None = None,
    files: Sequence[bool] = (),
) -> Path:
    """A case whose steps 1.. are done, step i taking ``minutes[i]`` (None: no end time
    written, still marked done); ``files[i]`` False leaves step i without its document."""
    archive = open_archive(root)
    sop = archive.sop_for(NOMOR, start, revisi)
    assert sop is not None
    who = {"pelaksana": "dewi-lestari", "kasi-pkk": "agus-permana", "kabid": "budi-santoso"}
    steps = []
    moment = at(start, 8)
    for i, length in enumerate(minutes):
        spec = sop.step(i + 1)
        end = moment + timedelta(minutes=length) if length is not None else None
        attach = files[i] if i < len(files) else True
        docs = (
            [
                FileSpec(
                    kind,
                    f"{i + 1:02d}-{kind}.{'csv' if kind == 'dokumen-data' else 'pdf'}",
                    CSV if kind == "dokumen-data" else PDF,
                )
                for kind in spec.dokumen_wajib
            ]
            if attach
            else []
        )
        steps.append(
            StepSpec(
                i + 1,
                "selesai",
                pelaksana=who[spec.pelaksana[0]],
                mulai=moment,
                selesai=end,
                keputusan="ya" if spec.keputusan else None,
                files=docs,
            )
        )
        moment = (end or moment) + timedelta(minutes=5)
    kasus = Kasus(
        format="sop-kit/kasus/1",
        id=case_id,
        sop=SopRef(nomor=NOMOR, revisi=revisi),
        judul="Pembinaan ketahanan keluarga Desa Cibening (uji revisi)",
        lokasi=Lokasi(kecamatan="Bungursari", desa="Cibening", kode="32.14.13.2002"),
        periode=Periode(mulai=start),
        dibuat_oleh="dewi-lestari",
    )
    return write_case(root / "kasus", CaseSpec(kasus, steps), sop, archive.staff)
