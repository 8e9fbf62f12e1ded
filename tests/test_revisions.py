"""SOP revisions: a case is judged by the revision in force on its start date; `sop diff`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from sop_kit.check.rules import check_case
from sop_kit.cli.main import main
from sop_kit.core.findings import Finding
from sop_kit.records.archive import open_archive
from sop_kit.records.revisions import in_force
from sop_kit.reports.diff import diff_sops

from .revision_archive import NOMOR, add_case, make_archive


@pytest.fixture
def archive_root(tmp_path: Path) -> Path:
    return make_archive(tmp_path / "arsip")


def findings(root: Path, case: Path) -> list[Finding]:
    archive = open_archive(root)
    return check_case(archive, archive.read_case(case)).findings


def codes(found: list[Finding]) -> list[str]:
    return sorted(f.code for f in found)


def test_revision_in_force_by_start_month(archive_root: Path) -> None:
    sops = open_archive(archive_root).sops
    assert in_force(sops, NOMOR, date(2019, 12, 31)) is None
    assert in_force(sops, NOMOR, date(2020, 1, 1)).revisi == 0  # type: ignore[union-attr]
    assert in_force(sops, NOMOR, date(2025, 12, 31)).revisi == 0  # type: ignore[union-attr]
    assert in_force(sops, NOMOR, date(2026, 1, 1)).revisi == 1  # type: ignore[union-attr]
    assert in_force(sops, NOMOR, "2026-02").revisi == 1  # type: ignore[union-attr]
    assert in_force(sops, "no-such-sop", date(2026, 2, 1)) is None


def test_case_without_revision_is_judged_by_the_one_in_force(archive_root: Path) -> None:
    # Step 2 takes 50 minutes: within revision 0's 60, over revision 1's 45.
    before = add_case(archive_root, "2025-12-cibening-r0aa", date(2025, 12, 1), [30, 50])
    after = add_case(archive_root, "2026-02-cibening-r1aa", date(2026, 2, 2), [30, 50])
    assert "revisi:" not in (before / "kasus.yaml").read_text("utf-8")
    old, new = findings(archive_root, before), findings(archive_root, after)
    assert not [f for f in old if f.code.startswith(("time.", "case.sop", "revision."))]
    over = [f for f in new if f.code == "time.over"]
    assert [(f.params["no"], f.params["minutes"], f.params["standard"]) for f in over] == [(2, 50, 45)]
    assert not [f for f in new if f.code.startswith(("case.sop", "revision."))]
    archive = open_archive(archive_root)
    kasus_after = archive.sop_of(_kasus(archive_root, after))
    assert kasus_after is not None and kasus_after.revisi == 1


def _kasus(root: Path, folder: Path):  # type: ignore[no-untyped-def]

    case = open_archive(root).read_case(folder)
    assert case.kasus is not None
    return case.kasus


def test_named_revision_is_kept_with_its_warnings(archive_root: Path) -> None:
    # Naming revision 0 after revision 1 took effect: judged by 0 (no overrun), but warned.
    stale = add_case(archive_root, "2026-02-cibening-r0bb", date(2026, 2, 2), [30, 50], revisi=0)
    found = findings(archive_root, stale)
    assert "time.over" not in codes(found)
    superseded = [f for f in found if f.code == "case.sop_superseded"]
    assert [(f.params["revisi"], f.params["newer"]) for f in superseded] == [(0, 1)]
    # Naming revision 1 before it took effect.
    early = add_case(archive_root, "2025-12-cibening-r1bb", date(2025, 12, 1), [30, 50], revisi=1)
    found = findings(archive_root, early)
    assert "case.sop_not_effective" in codes(found) and "time.over" in codes(found)


def test_no_revision_in_force_yet(tmp_path: Path) -> None:
    root = make_archive(tmp_path / "arsip", rev1=False)
    case = add_case(root, "2025-12-cibening-r0cc", date(2025, 12, 1), [30])
    kasus = case / "kasus.yaml"
    kasus.write_text(kasus.read_text("utf-8").replace("mulai: 2025-12-01", "mulai: 2019-12-01"), "utf-8")
    found = [f for f in findings(root, case) if f.code.startswith("revision.")]
    assert [(f.code, f.params["effective"], f.params["start"]) for f in found] == [
        ("revision.none_in_force", "2020-01", "2019-12")
    ]
    assert found[0].message("en").startswith("no revision of SOP 61.1.D.049/I/2020 was in force")


def test_diff_structure(archive_root: Path) -> None:
    sops = open_archive(archive_root).sops
    found = diff_sops(sops[(NOMOR, 0)], sops[(NOMOR, 1)])
    by_key = {(c.section, c.key, c.field): (c.old, c.new) for c in found.changes}
    assert by_key[("langkah", "2", "waktu_menit")] == (60, 45)
    assert by_key[("langkah", "3", "dokumen_wajib")] == (["surat-keputusan"], ["surat-keputusan", "daftar-hadir"])
    assert by_key[("langkah", "4", "pelaksana")] == (["pelaksana"], ["kasi-pkk"])
    assert by_key[("peran", "kabid", "nama")] == ("Kepala Bidang", "Kepala Bidang Pemberdayaan")
    assert by_key[("identitas", "tanggal_efektif", "tanggal_efektif")] == ("2020-01", "2026-01")
    assert diff_sops(sops[(NOMOR, 0)], sops[(NOMOR, 0)]).changes == []


DIFF_ID = """\
SOP 61.1.D.049/I/2020 revisi 0 → SOP 61.1.D.049/I/2020 revisi 1
  revisi: 0 → 1
  tanggal_revisi: - → 2025-11
  tanggal_efektif: 2020-01 → 2026-01
  Langkah 2: waktu 60 → 45 menit
  Langkah 2: waktu_teks “60 Menit” → “45 Menit”
  Langkah 3: dokumen wajib ditambah daftar-hadir
  Langkah 4: pelaksana Pelaksana → Kasi Peningkatan Kualitas Keluarga
  Peran kabid: nama “Kepala Bidang” → “Kepala Bidang Pemberdayaan”
8 perubahan
"""

DIFF_EN = """\
SOP 61.1.D.049/I/2020 revision 0 → SOP 61.1.D.049/I/2020 revision 1
  revisi: 0 → 1
  tanggal_revisi: - → 2025-11
  tanggal_efektif: 2020-01 → 2026-01
  Step 2: time 60 → 45 minutes
  Step 2: waktu_teks “60 Menit” → “45 Menit”
  Step 3: mandated document(s) added: daftar-hadir
  Step 4: performed by Pelaksana → Kasi Peningkatan Kualitas Keluarga
  Role kabid: nama “Kepala Bidang” → “Kepala Bidang Pemberdayaan”
8 change(s)
"""


@pytest.mark.parametrize(("lang", "expected"), [("id", DIFF_ID), ("en", DIFF_EN)])
def test_sop_diff_text(archive_root: Path, lang: str, expected: str) -> None:
    result = CliRunner().invoke(
        main, ["sop", "diff", NOMOR + "@0", NOMOR + "@1", "--root", str(archive_root), "--lang", lang]
    )
    assert result.exit_code == 0, result.output
    assert result.output == expected


def test_sop_diff_files_json_and_exit_code(archive_root: Path) -> None:
    a, b = archive_root / "sop" / "61.1.D.049-I-2020.yaml", archive_root / "sop" / "61.1.D.049-I-2020-rev1.yaml"
    result = CliRunner().invoke(main, ["sop", "diff", str(a), str(b), "--format", "json", "--exit-code"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    assert data["a"] == {"nomor": NOMOR, "revisi": 0} and data["b"] == {"nomor": NOMOR, "revisi": 1}
    assert {"section": "langkah", "key": "2", "field": "waktu_menit", "old": 60, "new": 45}.items() <= next(
        c for c in data["changes"] if c["field"] == "waktu_menit"
    ).items()
    same = CliRunner().invoke(main, ["sop", "diff", str(a), NOMOR + "@0", "--root", str(archive_root), "--exit-code"])
    assert same.exit_code == 0 and same.output.endswith("tidak ada perubahan\n")
    latest = CliRunner().invoke(main, ["sop", "diff", NOMOR + "@0", NOMOR, "--root", str(archive_root)])
    assert "revisi 1" in latest.output.splitlines()[0]


def test_sop_diff_errors(archive_root: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    unknown = runner.invoke(main, ["sop", "diff", NOMOR + "@7", NOMOR, "--root", str(archive_root)])
    assert unknown.exit_code == 2 and "tidak ada di arsip" in unknown.output and "Traceback" not in unknown.output
    bad = tmp_path / "rusak.yaml"
    bad.write_text("format: sop-kit/sop/1\nnomor: [\n", "utf-8")
    broken = runner.invoke(main, ["sop", "diff", str(bad), NOMOR, "--root", str(archive_root), "--lang", "en"])
    assert broken.exit_code == 2 and "rusak.yaml" in broken.output and "Traceback" not in broken.output
    missing = runner.invoke(main, ["sop", "diff", str(tmp_path / "none.yaml"), NOMOR, "--root", str(archive_root)])
    assert missing.exit_code == 2 and "berkas SOP tidak ada" in missing.output
