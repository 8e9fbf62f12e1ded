"""One fictional SOP in every layout offices keep (generated at test time by ``corpus.py``):
each imports with all its steps, times, roles, decisions and its Nomor SOP, and every layout
gives the same data file (``expected/``; SOP_KIT_UPDATE_GOLDEN=1 rewrites it from the .txt)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sop_kit.cli.main import main
from sop_kit.records.yamlwrite import dump_yaml
from sop_kit.sopimport import import_sop

from ..conftest import REPO
from . import corpus

EXPECTED = Path(__file__).parent / "expected" / "CONTOH-400.9-015-2024.yaml"


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("corpus")
    return {layout: corpus.write(layout, folder) for layout in corpus.LAYOUTS}


def data_text(data: dict[str, Any]) -> str:
    return dump_yaml({k: v for k, v in data.items() if k != "sumber"})


@pytest.mark.parametrize("layout", list(corpus.LAYOUTS))
def test_every_layout_gives_the_same_data_file(layout: str, documents: dict[str, Path]) -> None:
    result = import_sop(documents[layout])
    assert result.sop is not None, [f.message("en") for f in result.findings]
    assert not [n.message("en") for n in result.notes if n.kind == "problem"]
    if layout == "txt" and os.environ.get("SOP_KIT_UPDATE_GOLDEN"):
        EXPECTED.write_text(data_text(result.data), "utf-8")
    assert data_text(result.data) == EXPECTED.read_text("utf-8")
    assert result.data["sumber"] == documents[layout].name


@pytest.mark.parametrize("layout", list(corpus.LAYOUTS))
def test_steps_times_roles_decisions_and_number(layout: str, documents: dict[str, Path]) -> None:
    """The fields the golden file holds, said in words, so a wrong golden file cannot pass."""
    sop = import_sop(documents[layout]).sop
    assert sop is not None
    assert sop.nomor == "400.9/015/DINSOS-P3A/2024"
    assert (sop.revisi, sop.tanggal_revisi, sop.tanggal_efektif) == (1, "2024-08", "2024-09")  # rev 01; Pengesahan
    assert sop.disahkan_oleh.nama == "Dr. H. Ahmad Fauzi, S.Sos., M.M."
    assert sop.disahkan_oleh.jabatan == "Kepala Dinas Sosial Pemberdayaan Perempuan dan Perlindungan Anak"
    assert sop.nama.endswith("Tenaga Kependidikan")  # a value is never "corrected"
    assert [len(getattr(sop, f)) for f in ("dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan")] == [
        3, 2, 2, 3]  # fmt: skip
    assert [s.no for s in sop.langkah] == [1, 2, 3, 4, 5, 6, 7]
    assert [s.waktu_menit for s in sop.langkah] == [30, 150, 450, 45, 60, 2, 16]
    assert [s.pelaksana for s in sop.langkah] == [
        ["pelaksana"], ["kasubag-umum"], ["pelaksana", "kasubag-umum"], ["pelaksana"],
        ["kabid-pemberdayaan-sosial"], ["kadis"], ["pelaksana"]]  # fmt: skip
    decisions = {s.no: (s.keputusan.ya, s.keputusan.tidak) for s in sop.langkah if s.keputusan}
    # Step 5's "Tidak" stands in the Kasubag Umum lane: back to step 3, not to step 4 before it.
    assert decisions == {2: (3, 1), 5: (6, 3)}


def test_every_guess_is_reported(documents: dict[str, Path]) -> None:
    notes = {(n.code, n.params.get("printed")) for n in import_sop(documents["pdf-a4"]).notes}
    assert {
        ("import.time_workday", "1 hr"),
        ("import.time_rounded", "15 mnt 30 dtk"),
        ("import.typo_suspect", "Kependidikan"),
    } <= notes


def test_places_in_word_and_pdf_documents(documents: dict[str, Path]) -> None:
    """A .docx or PDF has no lines a reader can go to: messages name the table and row, the page."""

    def decisions(path: Path, lang: str) -> list[int | str | None]:
        return [n.line for n in import_sop(path, lang=lang).notes if n.code == "import.decision"]

    assert decisions(documents["docx-ap"], "en") == ["table 3, row 4", "table 3, row 7"]
    assert decisions(documents["pdf-word"], "id") == ["hlm. 2, tabel 1, baris 4", "hlm. 2, tabel 1, baris 7"]


def test_the_command_writes_a_file_sop_kit_check_accepts(documents: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "contoh.yaml"
    result = CliRunner().invoke(main, ["sop", "import", str(documents["docx-ap"]), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{documents['docx-ap']}:tabel 3, baris 4: langkah 2 adalah keputusan" in result.output
    written = out.read_text("utf-8")
    assert written.startswith("# Diimpor oleh 'sop-kit sop import' dari sop-docx-ap.docx")
    assert '  - "no": 1\n' in written


def test_sop_kit_check_accepts_the_imported_file_in_an_archive(documents: dict[str, Path], tmp_path: Path) -> None:
    root = tmp_path / "records"
    (root / "sop").mkdir(parents=True)
    (root / "kasus").mkdir()
    shutil.copy2(REPO / "records" / "staf.yaml", root / "staf.yaml")
    for shipped in (REPO / "records" / "sop").glob("*.yaml"):
        shutil.copy2(shipped, root / "sop")
    imported = root / "sop" / "CONTOH-400.9-015-2024.yaml"
    runner = CliRunner()
    assert runner.invoke(main, ["sop", "import", str(documents["pdf-a4"]), "--out", str(imported)]).exit_code == 0
    checked = runner.invoke(main, ["check", str(root), "--no-trail", "--no-cache", "--lang", "en"])
    assert checked.exit_code == 0, checked.output
    imported.write_text(imported.read_text("utf-8").replace("waktu_menit: 450", "waktu_menit: 0"), "utf-8")
    broken = runner.invoke(main, ["check", str(root), "--no-trail", "--no-cache", "--lang", "en"])
    assert broken.exit_code == 1 and "waktu_menit' must be at least 1" in broken.output, broken.output
