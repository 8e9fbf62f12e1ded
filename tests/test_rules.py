"""Rules that the golden corpus cannot express as static files: symlinks, several cases,
staff registry problems, SOP data problems, personal-data marking."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sop_kit import CheckOptions
from sop_kit.records.fieldtypes import PERSONAL
from sop_kit.records.models import Kasus, KeluargaSasaran
from sop_kit.records.nip import nip_problem
from sop_kit.records.wilayah import purwakarta

from .conftest import BASE_ID, MakeArchive, judge

NO_CACHE = CheckOptions(use_cache=False)


def codes(root: Path, options: CheckOptions = NO_CACHE) -> list[tuple[str, str, int | None]]:
    return [(f.code, Path(f.file).name, f.line) for f in judge(root, options).sorted()]


def test_symlinked_attachment_is_refused(base_case: Path, tmp_path: Path) -> None:
    secret = tmp_path / "rahasia.pdf"
    secret.write_bytes(b"%PDF-1.4 rahasia\n")
    target = base_case / "lampiran" / "01-data-rawan.pdf"
    target.unlink()
    target.symlink_to(secret)
    found = codes(base_case.parents[2])
    assert ("file.symlink", "01-pengumpulan-data.yaml", 10) in found
    assert ("doc.missing", "01-pengumpulan-data.yaml", 8) in found


def test_symlinked_folder_inside_the_path_is_refused(base_case: Path, tmp_path: Path) -> None:
    outside = tmp_path / "luar"
    outside.mkdir()
    shutil.copy2(base_case / "lampiran" / "01-data-rawan.pdf", outside / "01-data-rawan.pdf")
    shutil.rmtree(base_case / "lampiran")
    (base_case / "lampiran").symlink_to(outside, target_is_directory=True)
    found = {c for c, _, _ in codes(base_case.parents[2])}
    assert "file.symlink" in found
    assert "file.hash_mismatch" not in found  # nothing outside the case was read


def test_symlinked_step_record_is_refused(base_case: Path, tmp_path: Path) -> None:
    real = tmp_path / "04.yaml"
    shutil.move(base_case / "langkah" / "04-persiapan.yaml", real)
    (base_case / "langkah" / "04-persiapan.yaml").symlink_to(real)
    assert ("file.symlink", "04-persiapan.yaml", None) in codes(base_case.parents[2])


def test_two_branches_same_id_is_reported(make_archive: MakeArchive) -> None:
    root = make_archive()
    shutil.copytree(root / "kasus" / "2026" / BASE_ID, root / "kasus" / "2025" / BASE_ID)
    found = codes(root)
    assert ("case.duplicate_id", "kasus.yaml", 1) in found
    assert ("case.year_folder", "kasus.yaml", 2) in found


def test_staff_registry_problems_are_located(make_archive: MakeArchive) -> None:
    root = make_archive()
    staff = root / "staf.yaml"
    text = staff.read_text()
    text = text.replace('nip: "19900115 201503 2 003"', 'nip: "19900115 201503 3 003"')  # gender digit 3
    text = text.replace("peran: [kabid]", "peran: [kepala-bidang]")
    staff.write_text(text)
    found = codes(root)
    assert ("schema.nip_gender", "staf.yaml", 67) in found
    assert ("staff.unknown_role", "staf.yaml", 38) in found
    # One bad entry does not make everyone unknown, nor its owner: staf.yaml says what to fix.
    assert not any(c == "staff.unknown" for c, _, _ in found)


def test_unknown_role_in_registry(make_archive: MakeArchive) -> None:
    root = make_archive()
    staff = root / "staf.yaml"
    staff.write_text(staff.read_text().replace("peran: [kabid]", "peran: [kepala-bidang]"))
    assert ("staff.unknown_role", "staf.yaml", 38) in codes(root)


def test_broken_sop_file_is_located(make_archive: MakeArchive) -> None:
    root = make_archive()
    sop = root / "sop" / "61.1.D.049-I-2020.yaml"
    text = sop.read_text().replace("[kasi-pkk]\n    kelengkapan: Surat", "[kasie]\n    kelengkapan: Surat")
    sop.write_text(text)
    found = codes(root)
    assert ("schema.sop_unknown_role", "61.1.D.049-I-2020.yaml", 1) in [(c, f, 1) for c, f, _ in found]
    assert any(c == "case.unknown_sop" for c, _, _ in found)


def test_a_second_sop_is_a_file_alone(make_archive: MakeArchive) -> None:
    """A three-step SOP with no decision, added as data only, judges its own case."""
    root = make_archive()
    sop_text = (root / "sop" / "61.1.D.049-I-2020.yaml").read_text()
    head = sop_text.split("peran:\n")[0].replace("61.1.D.049/I/2020", "61.1.D.050/I/2020")
    (root / "sop" / "contoh.yaml").write_text(
        head
        + """peran:
  - id: pelaksana
    nama: Pelaksana
jenis_dokumen:
  - id: surat
    nama: Surat
    format: [pdf]
langkah:
  - "no": 1
    kegiatan: Menerima surat
    pelaksana: [pelaksana]
    kelengkapan: Surat
    dokumen_wajib: [surat]
    waktu_menit: 10
    output: Surat diterima
"""
    )
    case = root / "kasus" / "2026" / BASE_ID
    kasus = case / "kasus.yaml"
    kasus.write_text(kasus.read_text().replace("61.1.D.049/I/2020", "61.1.D.050/I/2020"))
    for extra in sorted((case / "langkah").iterdir())[1:]:
        extra.unlink()
    first = case / "langkah" / "01-pengumpulan-data.yaml"
    first.write_text(first.read_text().replace("jenis: dokumen-data", "jenis: surat"))
    found = codes(root)
    assert ("time.over", "01-pengumpulan-data.yaml", 7) in found
    assert [c for c, _, _ in found if c not in ("time.over", "file.unreferenced")] == []


def test_personal_fields_are_marked() -> None:
    schema = KeluargaSasaran.model_json_schema()
    props = schema["properties"]
    for name in ("kepala_keluarga", "nomor_kk", "nik", "telepon", "alamat", "kerawanan"):
        flat = str(props[name])
        assert "x-pribadi" in flat, name
    member = schema["$defs"]["AnggotaKeluarga"]["properties"]
    assert all("x-pribadi" in str(member[n]) for n in ("nama", "nik", "tanggal_lahir"))
    assert "x-pribadi" not in str(Kasus.model_json_schema()["properties"]["judul"])
    assert PERSONAL == {"x-pribadi": True}


@pytest.mark.parametrize(
    ("nip", "problem"),
    [
        ("196506121987031007", None),
        ("19650612198703100", "nip.format"),
        ("1965061219870310A7", "nip.format"),
        ("196502301987031007", "nip.birth"),
        ("196506121987131007", "nip.appointment"),
        ("196506121970031007", "nip.appointment"),  # appointed at 4 years old
        ("196506121987033007", "nip.gender"),
        ("196506121987031000", "nip.serial"),
    ],
)
def test_nip_structure(nip: str, problem: str | None) -> None:
    found = nip_problem(nip)
    assert (found[0] if found else None) == problem


def test_register_has_all_of_purwakarta() -> None:
    reg = purwakarta()
    assert len(reg.kecamatan) == 17
    assert sum(len(d) for d in reg.desa.values()) == 192
    assert all(code.startswith("32.14.") for code in reg.by_code)
    kec = reg.find_kecamatan("bungursari")
    assert kec is not None and kec.kode == "32.14.13"
    assert reg.suggest_desa(kec, "Cibenning") == ["Cibening"]
    assert reg.suggest_kecamatan("Purwakata") == ["Purwakarta"]


def test_unquoted_numbers_are_never_changed(base_case: Path) -> None:
    """An unquoted NIK is read as its exact digits; an unquoted phone keeps its leading 0."""
    from sop_kit.records.parse import parse_file

    kasus = base_case / "kasus.yaml"
    text = kasus.read_text().replace('nik: "3214131203800001"', "nik: 3214131203800001")
    text = text.replace('telepon: "085712345678"', "telepon: 085712345678")
    kasus.write_text(text)
    model, _, problems = parse_file(kasus, "kasus.yaml", Kasus)
    assert problems == []
    assert model is not None
    assert model.sasaran[0].nik == "3214131203800001"
    assert model.sasaran[0].telepon == "085712345678"


def test_unquoted_kk_with_yaml11_octal_look_is_refused(base_case: Path) -> None:
    """A value YAML 1.1 would read as octal or sexagesimal is text to us, and then fails its
    pattern: reported, not silently turned into another number."""
    from sop_kit.records.parse import parse_file

    kasus = base_case / "kasus.yaml"
    kasus.write_text(kasus.read_text().replace('nomor_kk: "3214130101200001"', "nomor_kk: 0321413010120000"))
    _, _, problems = parse_file(kasus, "kasus.yaml", Kasus)
    assert [(p.code, p.line) for p in problems] == [("schema.pattern", 21)]
    assert "0321413010120000" not in problems[0].message("id")  # a personal value: never quoted


def test_large_attachment_is_hashed_in_blocks(base_case: Path) -> None:
    """Files above the whole-read limit take the streaming path; the hash must still match."""
    import hashlib

    import pikepdf

    big = base_case / "lampiran" / "01-data-rawan.pdf"
    with pikepdf.new() as pdf:  # a real PDF (it is inspected), made large by an uncompressed stream
        pdf.add_blank_page()
        pdf.Root.Isi = pdf.make_stream(bytes(9 << 20))
        pdf.save(big, compress_streams=False)
    assert big.stat().st_size > 9 << 20
    found = codes(base_case.parents[2])
    assert ("file.hash_mismatch", "01-pengumpulan-data.yaml", 10) in found
    step = base_case / "langkah" / "01-pengumpulan-data.yaml"
    old = "d7253c3c9310c456431668f7ced81fd38fda328913e442bc065f6f59823dbd1d"
    step.write_text(step.read_text().replace(old, hashlib.sha256(big.read_bytes()).hexdigest()))
    assert codes(base_case.parents[2]) == []
