"""The office's own identity: the profile in sop-kit.yaml, its kop and emblem on every document,
templates an office can own, and SOP-declared documents.

Real parts only: archives copied into temporary folders, real WeasyPrint PDFs read back with
pypdf, the command line through click.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from sop_kit.check.audit import audit
from sop_kit.check.run import CheckOptions
from sop_kit.cli.main import main
from sop_kit.core.findings import Severity
from sop_kit.pdf.build import PdfOptions, render_documents
from sop_kit.pdf.periodic import render_report
from sop_kit.records.archive import open_archive
from sop_kit.reports.laporan import build_report, parse_period

from .conftest import REPO

CASE = "2025-03-jatimekar-e5n7"  # every letter is made: SK, coordination letter, attendance sheet, report
ADDRESS = "Jalan Purnawarman Timur No. 117, Purwakarta"
# What the old letters printed instead of an address, and other text a template leaves behind.
PLACEHOLDERS = ("Jalan Contoh", "alamat contoh", "bukan alamat sebenarnya", "@@", "TODO")


def text_of(pdf: Path) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    return re.sub(r"\s+", " ", re.sub(r"[\u2010\u00ad-]\n", "", text))


def first_page_images(pdf: Path) -> list[bytes]:
    return [image.data for image in PdfReader(pdf).pages[0].images]


def copy_archive(target: Path, cases: tuple[str, ...] = (CASE,)) -> Path:
    """The shipped archive's settings (with the fictional profile), emblem, SOPs, staff,
    registers and ``cases``; returns its records folder."""
    records = target / "records"
    records.mkdir(parents=True)
    shutil.copy2(REPO / "sop-kit.yaml", target / "sop-kit.yaml")
    shutil.copytree(REPO / "kantor", target / "kantor")
    shutil.copytree(REPO / "records" / "sop", records / "sop")
    shutil.copytree(REPO / "records" / "nomor", records / "nomor")
    shutil.copy2(REPO / "records" / "staf.yaml", records / "staf.yaml")
    for case in cases:
        src = next((REPO / "records" / "kasus").glob(f"*/{case}"))
        shutil.copytree(src, records / "kasus" / src.parent.name / case)
    return records


def judged(records: Path) -> object:
    return audit(records, CheckOptions(trail=False, use_cache=False))


# --- the profile and what check says of it -------------------------------------------------


def test_the_shipped_profile_is_complete_fictional_and_clean() -> None:
    archive = open_archive(REPO / "records")
    profile = archive.config.kantor
    assert profile is not None and profile.fiktif and profile.lambang is not None
    assert [f.code for f in archive.findings if f.code.startswith("office.")] == []
    emblem = (REPO / profile.lambang.berkas).read_bytes()
    assert hashlib.sha256(emblem).hexdigest() == profile.lambang.sha256


def test_check_reports_a_missing_profile_and_placeholders_where_they_are(tmp_path: Path) -> None:
    records = copy_archive(tmp_path / "a")
    (tmp_path / "a" / "sop-kit.yaml").write_text("format: sop-kit/konfigurasi/1\ntanda_tangan: laporkan\n", "utf-8")
    found = [f for f in judged(records).report.archive_findings if f.code.startswith("office.")]  # type: ignore[attr-defined]
    assert [(f.code, f.severity) for f in found] == [("office.missing", Severity.WARNING)]

    settings = tmp_path / "a" / "sop-kit.yaml"
    text = (REPO / "sop-kit.yaml").read_text("utf-8").replace(ADDRESS, "Jalan Contoh Raya No. 1")
    settings.write_text(text, "utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "Jalan Contoh" in row)
    found = [f for f in judged(records).report.archive_findings if f.code == "office.placeholder"]  # type: ignore[attr-defined]
    assert [(f.severity, f.line, f.params["field"]) for f in found] == [(Severity.ERROR, line, "alamat")]
    result = CliRunner().invoke(main, ["check", str(records), "--no-trail", "--no-cache"])
    assert result.exit_code == 1
    assert f"sop-kit.yaml:{line}: galat[office.placeholder]" in result.output


def test_a_swapped_emblem_is_never_printed(tmp_path: Path) -> None:
    records = copy_archive(tmp_path / "a")
    from PIL import Image

    Image.new("RGB", (30, 30), (200, 0, 0)).save(tmp_path / "a" / "kantor" / "lambang-fiktif.png")
    report = judged(records).report  # type: ignore[attr-defined]
    [found] = [f for f in report.archive_findings if f.code == "office.emblem"]
    assert found.severity is Severity.ERROR and "diganti" in found.message("id")
    out = tmp_path / "pdf"
    render_documents(judged(records), PdfOptions(out, None, CASE, 1))  # type: ignore[arg-type]
    sk = out / "kasus" / CASE / f"sk-penetapan-{CASE}.pdf"
    assert ADDRESS in text_of(sk) and first_page_images(sk) == []  # the kop, without the swapped picture


# --- every document carries the kop and the emblem, no placeholder ---------------------------


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every PDF of one case and of the SOPs, and the yearly report, rendered from the shipped
    archive with its profile, by file name."""
    base = tmp_path_factory.mktemp("kop")
    records = copy_archive(base / "arsip")
    checked = judged(records)
    out = base / "pdf"
    result = render_documents(checked, PdfOptions(out, base / "internal", None, 2))  # type: ignore[arg-type]
    assert not result.failed, [(o.target.name, o.error) for o in result.failed]
    report = build_report(checked, parse_period("tahunan", "2025"))  # type: ignore[arg-type]
    assert render_report(checked.archive, report, base / "laporan-2025.pdf").error is None  # type: ignore[attr-defined]
    found = {p.name: p for p in [*out.rglob("*.pdf"), *(base / "internal").rglob("*.pdf")]}
    found["laporan-2025.pdf"] = base / "laporan-2025.pdf"
    return found


def test_every_document_carries_the_office_kop_and_emblem(documents: dict[str, Path]) -> None:
    emblem = (REPO / "kantor" / "lambang-fiktif.png").read_bytes()
    from io import BytesIO

    from PIL import Image

    with Image.open(BytesIO(emblem)) as im:
        size = im.size
    names = sorted(documents)
    assert f"sk-penetapan-{CASE}.pdf" in names and f"surat-koordinasi-{CASE}.pdf" in names
    assert any(n.startswith("sop-") for n in names) and any(n.startswith("berkas-pembinaan") for n in names)
    for name, pdf in documents.items():
        text = text_of(pdf)
        for placeholder in PLACEHOLDERS:
            assert placeholder not in text, (name, placeholder)
        images = first_page_images(pdf)
        if name.startswith(("sop-", "daftar-periksa")):  # the SOP's identity block: emblem above the unit names
            if name.startswith("sop-"):
                assert images, name
            continue
        assert "PEMERINTAH KABUPATEN PURWAKARTA" in text, name
        assert ADDRESS in text and "dsp3a-demo@sop-kit.invalid" in text, name
        assert "data kantor fiktif" in text, name  # the demo office says it is fictional
        assert images, name
        with Image.open(BytesIO(images[0])) as im:
            assert im.size == size, name  # the emblem itself, not some other picture


# --- templates an office can own ---------------------------------------------------------------

OVERRIDDEN = ("dossier.html", "sk.html", "surat-koordinasi.html", "daftar-hadir.html", "laporan.html", "sop.html",
              "daftar-periksa.html")  # fmt: skip


@pytest.mark.parametrize("prefix", ["default:", "default/"])
def test_each_document_takes_the_archives_override_extending_the_original(tmp_path: Path, prefix: str) -> None:
    records = copy_archive(tmp_path / "a")
    templates = tmp_path / "a" / "templates"
    templates.mkdir()
    for name in OVERRIDDEN:
        marker = "PENANDA " + name.removesuffix(".html").upper()
        (templates / name).write_text(
            f'{{% extends "{prefix}{name}" %}}{{% block body %}}<p>{marker}</p>{{{{ super() }}}}{{% endblock %}}',
            "utf-8",
        )
    out = tmp_path / "pdf"
    result = render_documents(judged(records), PdfOptions(out, tmp_path / "internal", None, 2))  # type: ignore[arg-type]
    assert not result.failed, [(o.target.name, o.error) for o in result.failed]
    seen = set()
    for pdf in [*out.rglob("*.pdf"), *(tmp_path / "internal").rglob("*.pdf")]:
        text = text_of(pdf)
        markers = re.findall(r"PENANDA ([A-Z-]+)", text)
        assert len(markers) == 1, (pdf.name, markers)
        assert ADDRESS in text or pdf.name.startswith(("sop-", "daftar-periksa")), pdf.name  # super() kept the rest
        seen.add(markers[0])
    assert seen == {name.removesuffix(".html").upper() for name in OVERRIDDEN}


def test_an_sop_declares_its_own_documents_from_its_own_templates(tmp_path: Path) -> None:
    """The example SOP gets a referral letter at step 4 from a template of the archive; the
    SOP 61.1.D.049 case keeps its four documents, which come from its data file too."""
    other = "2025-09-citamiang-okjh"  # a case of the example SOP, step 4 recorded with its number
    records = copy_archive(tmp_path / "a", (CASE, other))
    sop_file = records / "sop" / "CONTOH-61.1.D.050-2024.yaml"
    text = sop_file.read_text("utf-8").replace(
        "\nsumber: ",
        "\nsurat:\n  - id: surat-rujukan\n    judul: Surat rujukan\n    templat: surat-rujukan.html\n"
        "    langkah: 4\n    setelah_langkah: 3\n    jenis_nomor: surat-rujukan\nsumber: ",
        1,
    )
    sop_file.write_text(text, "utf-8")
    (tmp_path / "a" / "templates").mkdir()
    (tmp_path / "a" / "templates" / "surat-rujukan.html").write_text(
        '{% extends "default:_dokumen.html" %}{% block body %}{% include "_kop.html" %}'
        "<p>SURAT RUJUKAN Nomor {{ steps_by_no[dokumen.langkah].nomor_surat }} kasus {{ case.id }}</p>"
        "{% endblock %}",
        "utf-8",
    )
    out = tmp_path / "pdf"
    result = render_documents(judged(records), PdfOptions(out, None, None, 2))  # type: ignore[arg-type]
    assert not result.failed, [(o.target.name, o.error) for o in result.failed]
    letter = out / "kasus" / other / f"surat-rujukan-{other}.pdf"
    assert "SURAT RUJUKAN Nomor 400.10/6/DSP3A/2025 kasus 2025-09-citamiang-okjh" in text_of(letter)
    assert ADDRESS in text_of(letter)
    mine = sorted(p.name.removesuffix(f"-{CASE}.pdf") for p in (out / "kasus" / CASE).glob("*.pdf"))
    assert mine == ["berkas-pembinaan", "daftar-hadir-kosong", "laporan-pembinaan", "sk-penetapan", "surat-koordinasi"]


def test_an_sop_without_a_declaration_gets_the_dossier_only(tmp_path: Path) -> None:
    records = copy_archive(tmp_path / "a")
    sop_file = records / "sop" / "61.1.D.049-I-2020.yaml"
    text = sop_file.read_text("utf-8")
    sop_file.write_text(text[: text.index("\nsurat:")] + "\nsumber: x\n", "utf-8")
    out = tmp_path / "pdf"
    render_documents(judged(records), PdfOptions(out, None, CASE, 1))  # type: ignore[arg-type]
    assert sorted(p.name for p in (out / "kasus" / CASE).glob("*.pdf")) == [f"berkas-pembinaan-{CASE}.pdf"]


# --- a new office -------------------------------------------------------------------------------


def test_a_new_office_runs_init_and_its_documents_carry_its_kop(tmp_path: Path) -> None:
    """Asked interactively, the profile lands in sop-kit.yaml with the emblem beside it; a case
    copied in then renders every document with the new office's kop, and check is clean."""
    from PIL import Image

    picture = tmp_path / "lambang-subang.png"
    Image.new("RGB", (60, 72), (10, 60, 140)).save(picture)
    answers = [
        "Pemerintah Kabupaten Subang",  # pemerintah
        "Dinas Sosial Kabupaten Subang",  # dinas
        "",  # bidang: the SOP's
        "Jalan Otto Iskandardinata No. 9, Subang",  # alamat
        "",  # kota: Subang, from the government's name
        "41211",  # kode pos
        "(0260) 411 222",  # telepon
        "dinsos@subang.go.id",  # email
        "https://dinsos.subang.go.id",  # laman
        str(picture),  # lambang
        "",  # the head's title: Kepala Dinas Sosial Kabupaten Subang
        "DINSOS",  # the unit code in letter numbers
    ]
    target = tmp_path / "subang"
    result = CliRunner().invoke(main, ["init", str(target)], input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    settings = (target / "sop-kit.yaml").read_text("utf-8")
    assert "alamat: Jalan Otto Iskandardinata No. 9, Subang" in settings and "kota: Subang" in settings
    assert (target / "kantor" / "lambang.png").read_bytes() == picture.read_bytes()
    attributes = (target / ".gitattributes").read_text("utf-8").splitlines()
    assert {"records/nomor/*.yaml merge=union", "records/** -text"} <= set(attributes)
    [register] = (target / "records" / "nomor").glob("*.yaml")
    assert "unit: DINSOS" in register.read_text("utf-8")

    shutil.copy2(REPO / "records" / "staf.yaml", target / "records" / "staf.yaml")
    shutil.copytree(REPO / "records" / "kasus" / "2025" / CASE, target / "records" / "kasus" / "2025" / CASE)
    out = tmp_path / "pdf"
    checked = judged(target / "records")
    assert [f.code for f in checked.report.archive_findings if f.code.startswith("office.")] == []  # type: ignore[attr-defined]
    rendered = render_documents(checked, PdfOptions(out, None, None, 2))  # type: ignore[arg-type]
    assert not rendered.failed
    for pdf in out.rglob("*.pdf"):
        text = text_of(pdf)
        for placeholder in (*PLACEHOLDERS, "Purnawarman", "fiktif — arsip demo"):
            assert placeholder not in text, (pdf.name, placeholder)
        if not pdf.name.startswith(("sop-", "daftar-periksa")):
            assert "Jalan Otto Iskandardinata No. 9, Subang 41211" in text, pdf.name
            assert "DINAS SOSIAL KABUPATEN SUBANG" in text, pdf.name
        if not pdf.name.startswith("daftar-periksa"):
            assert first_page_images(pdf), pdf.name
    sk = text_of(out / "kasus" / CASE / f"sk-penetapan-{CASE}.pdf")
    assert "Ditetapkan di Subang" in sk


def test_init_without_an_address_writes_no_profile_and_says_so(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["init", str(tmp_path / "a"), "--no-input"])
    assert result.exit_code == 0, result.output
    assert "Profil kantor belum diisi" in result.output
    assert "\nkantor:" not in (tmp_path / "a" / "sop-kit.yaml").read_text("utf-8")
    check = CliRunner().invoke(main, ["check", str(tmp_path / "a" / "records"), "--no-trail"])
    assert "peringatan[office.missing]" in check.output
    bad = CliRunner().invoke(main, ["init", str(tmp_path / "b"), "--no-input", "--alamat", "x", "--email", "bukan"])
    assert bad.exit_code == 2 and "email" in bad.output and not (tmp_path / "b").exists()
