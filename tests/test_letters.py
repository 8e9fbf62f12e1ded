"""The documents clerks type by hand today, rendered from a demo case and read back: the draft
SK, the coordination letter, the attendance sheet, the coaching report, the field checklists."""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader

from sop_kit.check.audit import audit
from sop_kit.check.report import Verdict
from sop_kit.check.run import CheckOptions
from sop_kit.clerk.new import NewCase, create_case
from sop_kit.pdf.documents import case_jobs, sop_jobs
from sop_kit.pdf.letters import letter_context, nip_text, terbilang
from sop_kit.pdf.render import Job, render_all
from sop_kit.records.archive import open_archive
from sop_kit.views.case import Contact, case_document

from .conftest import REPO

CASE = "2025-03-jatimekar-e5n7"  # two rounds; SK, letter, coaching and photos all recorded
SK_NUMBER = "400.9/Kep.2/DSP3A/2025"
LETTER_NUMBER = "400.9/2/DSP3A/2025"


def text_of(pdf: Path) -> str:
    """The PDF's text with hyphenation at line ends undone and white space collapsed."""
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    text = re.sub(r"[\u2010\u00ad-]\n", "", text)
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def archive_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("arsip") / "records"
    shutil.copytree(REPO / "records" / "sop", root / "sop")
    shutil.copy2(REPO / "records" / "staf.yaml", root / "staf.yaml")
    shutil.copytree(REPO / "records" / "kasus" / "2025" / CASE, root / "kasus" / "2025" / CASE)
    return root


@pytest.fixture(scope="module")
def rendered(archive_root: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every letter of the case, the public and internal attendance sheets, and the checklists,
    by template name ("daftar-hadir+internal" for the internal sheet)."""
    out = tmp_path_factory.mktemp("publik")
    internal = tmp_path_factory.mktemp("internal")
    judged = audit(archive_root, CheckOptions(trail=False, use_cache=False))
    folder = archive_root / "kasus" / "2025" / CASE
    archive = judged.archive
    jobs: dict[str, Job] = {}
    for job in case_jobs(archive, archive.read_case(folder), judged.report.verdicts[folder], None, out, internal):
        if job.template == "dossier.html":
            continue
        name = job.template.removesuffix(".html")
        if job.template == "daftar-hadir.html":
            public = {**job.context, "internal": False}
            jobs[name] = replace(job, context=public, target=out / "kasus" / CASE / f"daftar-hadir-{CASE}.pdf")
            name += "+internal"
        jobs[name] = job
    jobs["daftar-periksa"] = next(j for j in sop_jobs(archive, out) if j.template == "daftar-periksa.html")
    assert sorted(jobs) == [
        "daftar-hadir",
        "daftar-hadir+internal",
        "daftar-periksa",
        "laporan",
        "sk",
        "surat-koordinasi",
    ]
    report = render_all(list(jobs.values()), out, None, processes=2)
    assert not report.failed, [(o.target.name, o.error, o.refused) for o in report.failed]
    assert report.rendered == len(jobs)
    return {name: job.target for name, job in jobs.items()}


@pytest.fixture(scope="module")
def kasus() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((REPO / "records" / "kasus" / "2025" / CASE / "kasus.yaml").read_text())
    return data


def personal_data(kasus: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(names, numbers) of the case's personal data: family members, NIK, KK and phone numbers."""
    names, numbers = [], []
    for family in kasus["sasaran"]:
        names.append(family["kepala_keluarga"])
        numbers += [family[k] for k in ("nik", "nomor_kk", "telepon") if family.get(k)]
        for member in family["anggota"]:
            names.append(member["nama"])
            numbers += [member["nik"]] if member.get("nik") else []
    numbers += [k["telepon"] for k in kasus["kontak"] if k.get("telepon")]
    return names, numbers


def test_draft_sk_names_its_number_the_desa_and_is_marked_draft(rendered: dict[str, Path]) -> None:
    text = text_of(rendered["sk"])
    assert f"NOMOR {SK_NUMBER}" in text
    assert "DESA JATIMEKAR KECAMATAN JATILUHUR" in text
    assert "Desa Jatimekar Kecamatan Jatiluhur Kabupaten Purwakarta, kode wilayah 32.14.03.2002" in text
    assert "DRAF" in text
    for part in ("Menimbang", "Mengingat", "MEMUTUSKAN", "KESATU", "KEDUA", "KETIGA", "Ditetapkan di Purwakarta"):
        assert part in text, part
    # The SOP's legal basis, and the Kepala Dinas in office on the SK's date (staff registry).
    assert "Undang-Undang Nomor 35 Tahun 2014 tentang Perlindungan Anak" in text
    assert "14 Maret 2025" in text
    assert "NIP. 19700314 199503 1 002" in text


def test_coordination_letter_has_number_subject_and_addressee(rendered: dict[str, Path]) -> None:
    text = text_of(rendered["surat-koordinasi"])
    assert LETTER_NUMBER in text
    assert "Perihal : Koordinasi Pembinaan Ketahanan Keluarga" in text
    assert "Yth. Kepala Desa Jatimekar" in text
    assert SK_NUMBER in text  # refers to the SK of step 3
    assert "Purwakarta, 18 Maret 2025" in text  # sent when the preparation (step 4) was done
    assert "Kamis, 20 Maret 2025" in text  # the meeting: step 5
    assert "Tembusan" in text and "Camat Jatiluhur" in text
    # Signed by the staff member who did step 5, on behalf of the Kepala Dinas, through the Kabid.
    assert "a.n. Kepala Dinas" in text and "u.b." in text
    assert "Siti Nurhaliza" in text and "NIP. 19800517 200604 2 008" in text
    assert "087741423829" not in text  # the Kepala Desa's phone number
    assert len(PdfReader(rendered["surat-koordinasi"]).pages) == 1


def test_attendance_sheet_names_the_families_only_when_internal(
    rendered: dict[str, Path], kasus: dict[str, Any]
) -> None:
    public, internal = text_of(rendered["daftar-hadir"]), text_of(rendered["daftar-hadir+internal"])
    names, numbers = personal_data(kasus)
    for value in [*names, *numbers]:
        assert value not in public, value
    for name in names:
        assert name in internal, name
    for number in numbers:
        assert number not in internal, number  # the sheet needs names, never NIK or phone numbers
    assert "RAHASIA" in internal and "RAHASIA" not in public
    assert "Rabu, 26 Maret 2025" in public and "08.30 s.d. 14.10 WIB" in public
    assert " 25 " in public  # 25 numbered blank rows


def test_report_counts_the_families_without_personal_data(rendered: dict[str, Path], kasus: dict[str, Any]) -> None:
    text = text_of(rendered["laporan"])
    names, numbers = personal_data(kasus)
    for value in [*names, *numbers]:
        assert value not in text, value
    for part in ("I. PENDAHULUAN", "II. PELAKSANAAN", "III. HASIL PELAKSANAAN", "IV. PENUTUP", "Maksud dan Tujuan"):
        assert part in text, part
    assert "sebanyak 2 (dua) keluarga" in text
    assert "Rabu, 26 Maret 2025" in text
    assert "Pembinaan diikuti 9 peserta." in text  # the coaching's own notes
    assert "Budi Santoso" in text  # the Kabid who ran the coaching acknowledges the report
    assert "Diskusi kelompok keluarga sasaran" in text  # photo captions


def test_field_checklist_has_one_page_per_step_and_the_decision(rendered: dict[str, Path]) -> None:
    reader = PdfReader(rendered["daftar-periksa"])
    assert len(reader.pages) == 7
    for no, page in enumerate(reader.pages, start=1):
        text = re.sub(r"\s+", " ", page.extract_text())
        assert re.search(rf"LANGKAH ?{no} ?dari 7", text), no
        assert "Dicatat secara manual dan elektronik" in text
        assert "☐" in text
        assert ("Ya → lanjut ke langkah 3" in text) == (no == 2)
        assert ("Tidak → kembali ke langkah 1" in text) == (no == 2)
    assert "waktu disesuaikan" in re.sub(r"\s+", " ", reader.pages[4].extract_text())


def test_letter_context_without_staff_or_records(archive_root: Path) -> None:
    """A case with no SK or letter yet: blanks to fill in, the desa's head as addressee, the
    SOP's ratifier as the SK's signatory, and a kelurahan addressed to its Lurah."""
    archive = open_archive(archive_root)
    sop = next(iter(archive.sops.values()))
    request = NewCase("Purwakarta", "Nagri Kidul", date(2026, 1, 5), "rizki-ramadhan", sop=sop.nomor)
    folder = create_case(archive, request, random.Random(3)).folder
    doc = case_document(archive, archive.read_case(folder), sop, Verdict(folder.name, folder), None)
    assert doc.case.jenis_desa == "kelurahan"
    extra = letter_context(sop, doc)
    assert extra["sk"]["nomor"] is None and extra["sk"]["tanggal"] is None and extra["sk"]["tahun"] == 2026
    assert extra["sk"]["penandatangan"]["nama"] == sop.disahkan_oleh.nama
    assert extra["surat"]["kepada"]["jabatan"] == "Lurah Nagri Kidul"
    assert extra["surat"]["lampiran"] == "-"
    assert extra["surat"]["pengirim"]["nama"] is None
    assert extra["laporan"]["keluarga"] is None
    camat = letter_context(sop, replace(doc, kontak=(Contact("X", "Camat Purwakarta", None),)))
    assert camat["surat"]["kepada"] == {"jabatan": "Camat Purwakarta", "wilayah": None, "camat": True}
    assert camat["surat"]["acara"]["tempat"] == "Kantor Kecamatan Purwakarta"
    assert "Camat Purwakarta" not in camat["surat"]["tembusan"]


def test_numbers_in_words_and_nip() -> None:
    assert [terbilang(n) for n in (2, 11, 15, 40, 125, 2025)] == [
        "dua",
        "sebelas",
        "lima belas",
        "empat puluh",
        "seratus dua puluh lima",
        "dua ribu dua puluh lima",
    ]
    assert nip_text("197508022002121004") == "19750802 200212 1 004"
    assert nip_text("19750802 200212 1 004") == "19750802 200212 1 004"
