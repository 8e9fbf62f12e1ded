"""The values of real documents, one rule at a time: durations, identity labels, signers,
revision numbers in dates, empty values, titles kept as printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from sop_kit.sopimport import import_sop
from sop_kit.sopimport.identity import match_label, revision_in, year_month
from sop_kit.sopimport.signer import ratified_by
from sop_kit.sopimport.text import split_line
from sop_kit.sopimport.times import WORKDAY_MINUTES, parse_duration

from . import corpus


@pytest.mark.parametrize(
    ("text", "minutes", "flags"),
    [
        ("30 Menit", 30, ""),
        ("2 Jam 30 Menit", 150, ""),
        ("2 jam, 30 menit", 150, ""),
        ("1 jam dan 15 mnt", 75, ""),
        ("1,5 Jam", 90, ""),
        ("120 detik", 2, ""),
        ("30 dtk", 1, "rounded"),
        ("15 mnt 30 dtk", 16, "rounded"),
        ("1 hr", WORKDAY_MINUTES, "workdays"),
        ("1 Hari Kerja", WORKDAY_MINUTES, "workdays"),
        ("2 hari 3 jam", 2 * WORKDAY_MINUTES + 180, "workdays"),
        ("1 minggu", 5 * WORKDAY_MINUTES, "workdays"),
        ("1-2 Jam", 120, "range_upper"),
        ("30 menit s.d. 1 jam", 60, "range_upper"),
        ("± 45 menit", 45, ""),
        ("maks. 3 jam", 180, ""),
    ],
)
def test_durations(text: str, minutes: int, flags: str) -> None:
    duration = parse_duration(text)
    assert duration is not None and duration.minutes == minutes
    assert {f for f in ("rounded", "workdays", "range_upper") if getattr(duration, f)} == ({flags} if flags else set())


@pytest.mark.parametrize("text", ["Waktu disesuaikan", "segera", "-", "30", "Menit", "2 Jam kira-kira", "0 menit"])
def test_what_is_no_duration(text: str) -> None:
    assert parse_duration(text) is None


@pytest.mark.parametrize(
    ("printed", "field"),
    [
        ("Tgl/Tanggal Pengesahan : 2 September 2024", "tanggal_efektif"),
        ("Tanggal Pengesahan\t: 2 September 2024", "tanggal_efektif"),
        ("TGL. PENGESAHAN : 2 September 2024", "tanggal_efektif"),
        ("Pengesahan : Kepala Dinas", "disahkan_oleh"),
        ("Judul SOP AP : Pelayanan", "nama"),
        ("Nomor SOP AP : 1/2/2024", "nomor"),
        ("Tgl. Pembuatan : Januari 2024", "tanggal_pembuatan"),
        ("Peralatan dan Perlengkapan :", "peralatan"),
        ("Pencatatan & Pendataan :", "pencatatan"),
    ],
)
def test_labels_of_real_documents(printed: str, field: str) -> None:
    label = match_label(split_line(1, printed))
    assert label is not None and (label.field, label.score) == (field, 1.0)


def test_revision_numbers_inside_dates() -> None:
    assert revision_in("5 Agustus 2024 (rev 01)") == (1, "5 Agustus 2024")
    assert revision_in("Rev.02 - 10/03/2023")[0] == 2
    assert revision_in("Revisi ke-3, Mei 2022")[0] == 3
    assert revision_in("Januari 2020") == (None, "Januari 2020")
    assert year_month("5 Agustus 2024 (rev 01)") == "2024-08"


@pytest.mark.parametrize(
    ("parts", "jabatan", "nama"),
    [
        (["Kepala Dinas Sosial, Dr. H. Ahmad Fauzi, S.Sos., M.M. NIP. 19720315 199803 1 004"],
         "Kepala Dinas Sosial", "Dr. H. Ahmad Fauzi, S.Sos., M.M."),
        (["Kepala Dinas Sosial Pemberdayaan", "Perempuan dan Perlindungan Anak", "", "Dr. H. Ahmad Fauzi, S.Sos.,",
          "M.M.", "NIP. 19720315 199803 1 004"],
         "Kepala Dinas Sosial Pemberdayaan Perempuan dan Perlindungan Anak", "Dr. H. Ahmad Fauzi, S.Sos., M.M."),
        (["Kepala Dinas X,", "DRS. H. ASEP SURYA, SH.M.Si", "Pembina Utama Muda", "NIP. 19720315 199803 1 004"],
         "Kepala Dinas X", "Drs. H. Asep Surya, S.H., M.Si."),
        (["Kepala Badan Kepegawaian BUDI SANTOSO NIP. 19720315 199803 1 004"],
         "Kepala Badan Kepegawaian", "Budi Santoso"),
    ],
)  # fmt: skip
def test_signers_with_titles_on_both_sides(parts: list[str], jabatan: str, nama: str) -> None:
    assert ratified_by(parts) == (jabatan, nama, "19720315 199803 1 004")


def _variant(tmp_path: Path, old: str, new: str) -> Path:
    text = corpus.write("txt", tmp_path).read_text("utf-8")
    assert old in text
    path = tmp_path / "varian.txt"
    path.write_text(text.replace(old, new), "utf-8")
    return path


def test_a_dash_is_no_sop_number(tmp_path: Path) -> None:
    result = import_sop(_variant(tmp_path, ": 400.9/015/DINSOS-P3A/2024", ": -"))
    assert "nomor" not in result.data
    assert ("problem", "import.missing_field", 6) in {(n.kind, n.code, n.line) for n in result.notes}


def test_a_title_is_never_rewritten(tmp_path: Path) -> None:
    """'Kependidikan' is close to 'pendidikan', which the document prints more often: reported, kept."""
    result = import_sop(corpus.write("txt", tmp_path))
    assert result.data["nama"] == "Pelayanan Rekomendasi Bantuan Pendidikan bagi Anak Tenaga Kependidikan"
    suspects = [n for n in result.notes if n.code == "import.typo_suspect"]
    assert [(n.kind, n.params["printed"], n.params["word"]) for n in suspects] == [
        ("review", "Kependidikan", "pendidikan")
    ]
