"""sop-kit sop import: the shipped SOP from its source text, fictional SOPs in the variants
offices use (tests/sopimport/*.txt, marked as examples), noise, refusals, .docx and PDF."""

from __future__ import annotations

import difflib
import html
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sop_kit.cli.main import main
from sop_kit.core.errors import ConfigError
from sop_kit.records.models.sop import Sop
from sop_kit.records.parse import parse_file
from sop_kit.sopimport import import_sop
from sop_kit.sopimport.text import fold

from ..conftest import REPO

HERE = Path(__file__).parent
SOURCE = HERE / "SOP-61.1.D.049-I-2020.txt"  # the SOP's own text, as extracted from the official document
SHIPPED = REPO / "records" / "sop" / "61.1.D.049-I-2020.yaml"

# Fields the text lacks: the importer derives them and lists them "to review".
DERIVED = {
    "jenis_dokumen",  # kind ids, names and formats: one kind per Kelengkapan text, formats [pdf]
    "langkah.3.dokumen_wajib.0",  # both steps print only "Dokumen"; the shipped file tells the
    "langkah.4.dokumen_wajib.0",  # preparation and coordination documents apart
    "peran.1.singkatan",  # "Kasi PKK" appears nowhere in the text
    "langkah.1.keputusan.pertanyaan",  # the text holds the arrows, not the diamond's question
    "sumber",  # where the text came from, written by hand
}
# Wording the shipped file corrected by hand (its header says so); still the same item.
EDITED = {
    "nama",  # "KELUAGA" -> "Keluarga": the importer keeps a title as printed and reports the suspected typo
    "dasar_hukum.3",  # "ttg." -> "tentang"
    "dasar_hukum.4",  # "tentang" added
    "dasar_hukum.5",  # "No.103 …, tentang" -> "Nomor 103 … tentang"
    "kualifikasi_pelaksana.2",  # "computer" -> "komputer"
    "kualifikasi_pelaksana.4",  # "Kerjasama" -> "kerja sama"
    "keterkaitan.1",  # "Displin" -> "Disiplin"
    "langkah.0.output",  # "kel." -> "keluarga"
    "langkah.4.output",  # "Kerjasama" -> "Kerja sama"
    "langkah.5.output",  # "Pahaminya tentang" -> "Dipahaminya"
}


def flat(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        return {k: v for key, item in value.items() for k, v in flat(item, f"{prefix}{key}.").items()}
    if isinstance(value, list) and value and isinstance(value[0], dict | str) and not prefix.startswith("jenis_"):
        return {k: v for i, item in enumerate(value) for k, v in flat(item, f"{prefix}{i}.").items()}
    return {prefix.rstrip("."): value}


def same(a: Any, b: Any) -> bool:
    # Case is not compared: the source prints headings in capitals and titles in title case.
    return fold(a) == fold(b) if isinstance(a, str) and isinstance(b, str) else bool(a == b)


def shipped() -> Sop:
    sop, _, problems = parse_file(SHIPPED, "shipped", Sop)
    assert sop is not None, problems
    return sop


def test_the_source_text_reproduces_the_shipped_sop() -> None:
    result = import_sop(SOURCE)
    assert result.sop is not None, [f.message("en") for f in result.findings]
    got = flat(result.sop.model_dump())
    want = flat(shipped().model_dump())
    got = {k: v for k, v in got.items() if not k.startswith("jenis_dokumen")} | {"jenis_dokumen": "derived"}
    want = {k: v for k, v in want.items() if not k.startswith("jenis_dokumen")} | {"jenis_dokumen": "shipped"}
    # The documents the office makes for the SOP's cases (surat:) are its own addition, not the source's.
    want = {k: v for k, v in want.items() if not k.startswith("surat")} | {"surat": got.get("surat")}
    differ = {k for k in got.keys() | want.keys() if not same(got.get(k), want.get(k))}
    assert differ == DERIVED | EDITED  # both ways: no other field differs, and no entry is stale
    for key in EDITED:
        assert difflib.SequenceMatcher(None, fold(got[key]), fold(want[key])).ratio() > 0.75, key
    sop = result.sop
    assert [s.no for s in sop.langkah] == [1, 2, 3, 4, 5, 6, 7]
    assert sop.langkah[1].keputusan is not None
    assert (sop.langkah[1].keputusan.ya, sop.langkah[1].keputusan.tidak) == (3, 1)
    assert [r.id for r in sop.peran] == ["pelaksana", "kasi-pkk", "kabid"]


def test_every_guess_is_reported_with_its_line() -> None:
    result = import_sop(SOURCE)
    notes = {(n.code, n.line) for n in result.notes if n.kind == "guess"}
    assert ("import.label_guess", 27) in notes  # KUALIFASI PELAKSANA
    # The title is a value: the suspected typo is reported for review, the title kept as printed.
    assert ("import.typo_suspect", 14) in {(n.code, n.line) for n in result.notes if n.kind == "review"}
    assert "Keluaga" in result.data["nama"]
    assert ("import.role_guess", 97) in notes  # Kasi Peningkatan Keluargauualitas
    assert ("import.decision", 71) in notes


def test_surat_keluar_tabbed_with_lane_marks_and_variant_labels() -> None:
    """Tanggal/Judul SOP/Kualifikasi Pelaksanaan, an empty revision, Persyaratan/Kelengkapan
    and Ket. columns, no responsibility table (marks in the lanes), a Keterangan naming the step back."""
    result = import_sop(HERE / "surat-keluar.txt")
    sop = result.sop
    assert sop is not None, [f.message("en") for f in result.findings]
    assert (sop.nomor, sop.revisi, sop.tanggal_revisi) == ("800/12/DISKOMINFO/2023", 0, None)
    assert (sop.tanggal_pembuatan, sop.tanggal_efektif) == ("2023-03", "2023-04")
    assert sop.nama == "Pengelolaan Surat Keluar"
    assert sop.unit.instansi == "Dinas Komunikasi dan Informatika" and sop.unit.bidang == "Bidang Sekretariat"
    assert sop.disahkan_oleh.nama == "Dr. Siti Aminah, S.Sos., M.AP."
    assert sop.disahkan_oleh.jabatan == "Kepala Dinas Komunikasi dan Informatika"
    assert sop.dasar_hukum[1] == "Peraturan Bupati Contoh Nomor 5 Tahun 2022 tentang Tata Naskah Dinas"
    assert [r.id for r in sop.peran] == ["staf-pelaksana", "kasubag-umum", "sekretaris", "kadis"]
    assert [s.pelaksana for s in sop.langkah] == [["staf-pelaksana"], ["kasubag-umum"], ["sekretaris"], ["kadis"],
                                                  ["staf-pelaksana"]]  # fmt: skip
    assert [(s.waktu_menit, s.waktu_teks) for s in sop.langkah][:4] == [
        (60, "1 jam"), (120, "2 Jam"), (30, "30 Menit"), (450, "1 Hari Kerja")]  # fmt: skip
    assert sop.langkah[2].keputusan is not None
    assert (sop.langkah[2].keputusan.ya, sop.langkah[2].keputusan.tidak) == (4, 1)
    assert sop.langkah[0].kelengkapan == "Draf surat" and sop.langkah[2].keterangan
    assert not [n for n in result.notes if n.kind == "problem"]


def test_disiplin_pegawai_space_flattened_with_typos() -> None:
    """Typos in labels ('TGL PEMBUTAN', 'DISAHKAN OLH') and role names, stray spaces, a
    revision '-', a signer over several lines, '1 hr', tables flattened into space runs (so
    the lanes are lost: the decision's 'Tidak' goes where its Keterangan says)."""
    result = import_sop(HERE / "disiplin-pegawai.txt")
    sop = result.sop
    assert sop is not None, [f.message("en") for f in result.findings]
    assert sop.unit.pemerintah == "Pemerintah Kota Contoh"
    assert sop.unit.instansi == "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
    assert (sop.tanggal_pembuatan, sop.revisi, sop.tanggal_revisi) == ("2021-02", 0, None)
    assert sop.disahkan_oleh.nama == "Budi Santoso, S.E., M.M." and sop.disahkan_oleh.nip == "197005051995031002"
    assert sop.peralatan == ["Komputer"] and sop.kualifikasi_pelaksana == ["Memahami peraturan disiplin PNS"]
    roles = {r.id: r for r in sop.peran}
    assert roles["kasubid-disiplin"].singkatan == "Kasubid Disiplin"
    assert roles["kasubid-disiplin"].nama_di_sumber == ["Kepala Sub Bidng Disiplin"]
    assert [s.pelaksana for s in sop.langkah] == [["pelaksana"], ["kasubid-disiplin"], ["kasubid-disiplin"],
                                                  ["kabid-pembinaan"]]  # fmt: skip
    assert [s.waktu_menit for s in sop.langkah] == [450, 450, 120, 60]
    assert sop.langkah[3].waktu_fleksibel and sop.langkah[3].keterangan == "Waktu disesuaikan"
    assert sop.langkah[2].keputusan is not None and sop.langkah[2].keputusan.tidak == 2
    assert sop.langkah[2].keterangan == "Jika tidak, kembali ke langkah 2"
    assert sop.kind(sop.langkah[2].dokumen_wajib[0]).pribadi  # a Daftar hadir is personal
    guesses = {(n.code, n.params.get("printed")) for n in result.notes if n.kind == "guess"}
    assert {("import.label_guess", "TGL PEMBUTAN"), ("import.label_guess", "DISAHKAN OLH"),
            ("import.role_guess", "Kepala Sub Bidng Disiplin"), ("import.time_workday", "1 hr")} <= guesses  # fmt: skip


def test_without_lanes_or_keterangan_the_no_answer_is_not_guessed(tmp_path: Path) -> None:
    """A 'Tidak' in a table flattened with spaces stands in no known lane: the step it goes back
    to is unknown, and the importer says so instead of taking the step before."""
    text = (HERE / "disiplin-pegawai.txt").read_text("utf-8").replace("     Jika tidak, kembali ke langkah 2", "")
    (tmp_path / "tanpa-lajur.txt").write_text(text, "utf-8")
    result = import_sop(tmp_path / "tanpa-lajur.txt")
    assert result.data["langkah"][2]["keputusan"] == {"pertanyaan": "Memeriksa pegawai?", "ya": 4}
    row = next(i for i, line in enumerate(text.splitlines(), start=1) if line.startswith("3    Memeriksa"))
    assert ("problem", "import.no_target", row) in {(n.kind, n.code, n.line) for n in result.notes}
    assert result.sop is None
    assert [(f.code, f.params.get("field")) for f in result.findings] == [
        ("schema.missing", "langkah[2].keputusan.tidak")
    ]


def test_a_health_centre_sop_is_refused() -> None:
    with pytest.raises(ConfigError) as caught:
        import_sop(HERE / "puskesmas.txt")
    assert caught.value.code == "import.not_sop_ap"
    assert "tanggal terbit" in caught.value.params["labels"]
    result = CliRunner().invoke(main, ["sop", "import", str(HERE / "puskesmas.txt"), "--lang", "en"])
    assert result.exit_code == 2 and "not an SOP AP document" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("kosong.txt", b"   \n\n", "import.empty"),
        ("biner.txt", bytes(range(256)) * 4, "import.not_text"),
        ("palsu.docx", b"PK\x03\x04 not really a zip", "import.bad_docx"),
        ("palsu.pdf", b"%PDF-1.4 broken", "import.bad_pdf"),
        ("gambar.png", b"\x89PNG", "import.unknown_type"),
        ("catatan.txt", b"Catatan rapat\nbukan SOP\n", "import.no_identity"),
    ],
)
def test_bad_input_is_a_clear_refusal(tmp_path: Path, name: str, content: bytes, code: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ConfigError) as caught:
        import_sop(path)
    assert caught.value.code == code
    result = CliRunner().invoke(main, ["sop", "import", str(path)])
    assert (result.exit_code == 2 and result.exception is None) or isinstance(result.exception, SystemExit)


def test_a_zip_that_is_no_word_document(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "arsip.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("foto.txt", "x")
    with pytest.raises(ConfigError) as caught:
        import_sop(path)
    assert caught.value.code == "import.bad_docx"


def test_a_pdf_without_text_layer(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    path = tmp_path / "pindaian.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(ConfigError) as caught:
        import_sop(path)
    assert caught.value.code == "import.pdf_no_text"


def test_cli_writes_reports_and_never_overwrites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    first = runner.invoke(main, ["sop", "import", str(HERE / "disiplin-pegawai.txt")])
    assert first.exit_code == 0, first.output
    out = tmp_path / "862-07-BKPSDM-2021.yaml"
    written = out.read_text("utf-8")
    assert written.startswith("# Diimpor oleh 'sop-kit sop import' dari disiplin-pegawai.txt")
    assert "# - disiplin-pegawai.txt:8: label 'TGL PEMBUTAN'" in written
    assert f"{HERE / 'disiplin-pegawai.txt'}:47: peran 'Kepala Sub Bidng Disiplin'" in first.output
    again = runner.invoke(main, ["sop", "import", str(HERE / "disiplin-pegawai.txt")])
    assert again.exit_code == 2 and "--force" in again.output
    forced = runner.invoke(main, ["sop", "import", str(HERE / "disiplin-pegawai.txt"), "--force", "--lang", "en"])
    assert forced.exit_code == 0 and "role 'Kepala Sub Bidng Disiplin' matched" in forced.output
    sop, _, problems = parse_file(out, out.name, Sop)
    assert sop is not None, problems


def test_cli_exit_1_when_the_file_needs_fixing(tmp_path: Path) -> None:
    text = (HERE / "surat-keluar.txt").read_text("utf-8").replace("\t2 Jam\t", "\tsegera\t")
    (tmp_path / "rusak.txt").write_text(text, "utf-8")
    out = tmp_path / "rusak.yaml"
    result = CliRunner().invoke(main, ["sop", "import", str(tmp_path / "rusak.txt"), "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert f"{tmp_path / 'rusak.txt'}:41: langkah 2: waktu tidak terbaca ('segera')" in result.output
    assert f"{out}:" in result.output  # the validation problem, located in the written file
    assert "# - rusak.txt:41: langkah 2: waktu tidak terbaca" in out.read_text("utf-8")


# --- .docx and PDF, generated here from the source text's tables and paragraphs


def _blocks(text: str) -> list[list[list[str]] | str]:
    """The text as paragraphs and tables (runs of tabbed lines), as an office document holds it."""
    blocks: list[list[list[str]] | str] = []
    for line in text.splitlines():
        if "\t" in line:
            row = line.split("\t")
            if blocks and isinstance(blocks[-1], list):
                blocks[-1].append(row)
            else:
                blocks.append([row])
        else:
            blocks.append(line.replace("**", "").replace("\t", " "))
    return blocks


def _same_as_text(result_data: dict[str, Any], text_data: dict[str, Any]) -> None:
    drop = {"sumber"}
    assert {k: v for k, v in result_data.items() if k not in drop} == {
        k: v for k, v in text_data.items() if k not in drop
    }


def test_docx_import_matches_the_text(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for block in _blocks(SOURCE.read_text("utf-8")):
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        width = max(len(r) for r in block)
        table = document.add_table(rows=len(block), cols=width)
        for i, row in enumerate(block):
            for j, cell in enumerate(row):
                table.cell(i, j).text = cell
    path = tmp_path / "sop.docx"
    document.save(str(path))
    _same_as_text(import_sop(path).data, import_sop(SOURCE).data)


def _pdf_of_the_text(path: Path, borders: bool) -> None:
    from weasyprint import HTML

    parts = []
    for block in _blocks(SOURCE.read_text("utf-8")):
        if isinstance(block, str):
            parts.append(f"<p>{html.escape(block) or '&nbsp;'}</p>")
        else:
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in block)
            parts.append(f"<table>{rows}</table>")
    border = "border: 0.5pt solid black; border-collapse: collapse" if borders else ""
    page = (
        "<style>@page { size: A2 landscape; margin: 1cm } body { font: 7pt DejaVu Sans; white-space: nowrap }"
        f" p {{ margin: 0 }} table, td {{ {border} }} td {{ padding: 0 12pt; white-space: nowrap }}</style>"
        + "".join(parts)
    )
    HTML(string=page).write_pdf(path)


def test_pdf_import_matches_the_text(tmp_path: Path) -> None:
    """Tables drawn with their ruling lines, as Word prints them: read cell by cell."""
    _pdf_of_the_text(tmp_path / "sop.pdf", borders=True)
    _same_as_text(import_sop(tmp_path / "sop.pdf").data, import_sop(SOURCE).data)


def test_a_pdf_table_without_lines_loses_only_the_lanes(tmp_path: Path) -> None:
    """Without ruling lines the table is read from the gaps between words, flattened: steps,
    times and roles come through; which step 'Tidak' goes back to is left open and reported."""
    _pdf_of_the_text(tmp_path / "sop.pdf", borders=False)
    result = import_sop(tmp_path / "sop.pdf")
    text = import_sop(SOURCE).data
    del text["langkah"][1]["keputusan"]["tidak"]
    _same_as_text(result.data, text)
    assert [n.code for n in result.notes if n.kind == "problem"] == ["import.no_target"]
