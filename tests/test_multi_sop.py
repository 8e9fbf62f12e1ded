"""Several SOPs in one archive: the shipped records hold SOP 61.1.D.049/I/2020 and a small
fictional example SOP (CONTOH/61.1.D.050/2024, complaint handling) with cases of each; every
part judges, renders and lists each case by its own SOP."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from pypdf import PdfReader

from sop_kit import open_archive
from sop_kit.check.report import Verdict
from sop_kit.check.rules import check_case
from sop_kit.cli.main import main
from sop_kit.pdf.documents import case_jobs
from sop_kit.site.pages import sop_slug

from .conftest import REPO, DemoSite
from .test_site import page

SOP_A = ("61.1.D.049/I/2020", 0)
SOP_B = ("CONTOH/61.1.D.050/2024", 0)


def _cases_of(ref: tuple[str, int]) -> list[Path]:
    archive = open_archive(REPO / "records")
    folders = sorted(p.parent for p in (REPO / "records" / "kasus").glob("*/*/kasus.yaml"))
    cases = [archive.read_case(folder).kasus for folder in folders]
    return [f for f, k in zip(folders, cases, strict=True) if k and (k.sop.nomor, k.sop.revisi) == ref]


def test_shipped_archive_holds_two_sops_and_passes_check() -> None:
    archive = open_archive(REPO / "records")
    assert set(archive.sops) == {SOP_A, SOP_B}
    assert archive.sops[SOP_B].contoh and not archive.sops[SOP_A].contoh
    assert len(_cases_of(SOP_B)) == 4 and len(_cases_of(SOP_A)) == 14
    result = CliRunner().invoke(main, ["check", str(REPO / "records"), "--no-trail", "--no-cache", "-q"])
    assert result.exit_code == 0, result.output
    assert "galat[" not in result.output


def test_a_case_of_sop_b_is_judged_by_sop_b(tmp_path: Path) -> None:
    root = tmp_path / "arsip"
    shutil.copytree(REPO / "records" / "sop", root / "sop")
    shutil.copy2(REPO / "records" / "staf.yaml", root / "staf.yaml")
    closed = next(c for c in _cases_of(SOP_B) if "citamiang" in c.name)
    case = root / "kasus" / closed.parent.name / closed.name
    shutil.copytree(closed, case)
    archive = open_archive(root)
    assert check_case(archive, archive.read_case(case)).findings == []
    (case / "lampiran" / "04-surat-rujukan.pdf").unlink()
    judged = check_case(archive, archive.read_case(case))
    missing = [f for f in judged.findings if f.code == "doc.missing"]
    assert [(f.params["no"], f.params["kind"]) for f in missing] == [(4, "Surat rujukan")]
    assert "Surat rujukan" in missing[0].message("id") and missing[0].file.endswith("04-merujuk-mendampingi.yaml")
    assert [(m.step, m.kind, m.name) for m in judged.missing] == [(4, "surat-rujukan", "Surat rujukan")]
    # The letters belong to SOP 61.1.D.049's steps: a case of SOP B gets its dossier only.
    verdict = Verdict(case.name, case, tuple(judged.findings), tuple(judged.missing))
    jobs = case_jobs(archive, archive.read_case(case), verdict, None, tmp_path / "pdf", None)
    targets = {j.target.name.rsplit("-" + case.name, 1)[0] for j in jobs}
    assert targets == {"berkas-pembinaan"}


def test_new_case_of_the_second_sop(tmp_path: Path) -> None:
    root = tmp_path / "arsip"
    shutil.copytree(REPO / "records" / "sop", root / "sop")
    shutil.copy2(REPO / "records" / "staf.yaml", root / "staf.yaml")
    (root / "kasus").mkdir()
    args = ["new", "--root", str(root), "--kecamatan", "Maniis", "--desa", "Cijati", "--mulai", "2026-06-01"]
    args += ["--oleh", "dewi-lestari", "--no-input"]
    which = CliRunner().invoke(main, args)
    assert which.exit_code == 2 and "CONTOH/61.1.D.050/2024" in which.output  # two SOPs: say which
    made = CliRunner().invoke(main, [*args, "--sop", SOP_B[0]])
    assert made.exit_code == 0, made.output
    asked = CliRunner().invoke(
        main, ["new", "--root", str(root)], input="Maniis\nCitamiang\n2026-06-02\ndewi-lestari\n2\n"
    )
    assert asked.exit_code == 0, asked.output
    assert "CONTOH/61.1.D.050/2024" in asked.output  # the second choice of the SOP list
    steps = sorted({p.name for p in root.glob("kasus/2026/*/langkah/*.yaml")})
    assert steps == [
        "01-menerima-mencatat.yaml",
        "02-asesmen-awal.yaml",
        "03-menelaah-pengaduan.yaml",
        "04-merujuk-mendampingi.yaml",
        "05-laporan-penanganan.yaml",
    ]


def test_site_has_a_page_a_listing_and_a_compliance_table_per_sop(demo_site: DemoSite) -> None:
    rows = json.loads((demo_site.site / "ekspor" / "kasus.json").read_text("utf-8"))["kasus"]
    assert {r["sop_nomor"] for r in rows} == {SOP_A[0], SOP_B[0]}
    header = (demo_site.site / "ekspor" / "kasus.csv").read_text("utf-8").splitlines()[0]
    assert "sop_nomor" in header
    archive = open_archive(demo_site.archive)
    dashboard = page(demo_site.site, "")
    for ref, sop in archive.sops.items():
        name = sop_slug(sop)
        text = page(demo_site.site, f"sop/{name}").text
        assert sop.nama in text and all(step.kegiatan in text for step in sop.langkah)
        listing = page(demo_site.site, f"jelajah/sop/{name}")
        listed = {r["id"] for r in rows if any(r["id"] in h for h in listing.links)}
        assert listed == {r["id"] for r in rows if r["sop_nomor"] == ref[0]}
        count = sum(1 for r in rows if r["sop_nomor"] == ref[0])
        assert f"SOP {sop.nomor} revisi {sop.revisi} — {sop.nama} ({count} kasus)" in dashboard.text
    # Per-step compliance: one table per SOP, SOP B's five steps under its own heading.
    b = archive.sops[SOP_B]
    tail = dashboard.text[dashboard.text.index(f"SOP {b.nomor} revisi 0") :]
    assert all(step.kegiatan in tail for step in b.langkah)
    assert archive.sops[SOP_A].step(7).kegiatan not in tail


def test_pdfs_of_both_sops(demo_site: DemoSite) -> None:
    archive = open_archive(demo_site.archive)
    b = archive.sops[SOP_B]
    pdf = demo_site.site / "pdf" / "sop" / f"sop-{sop_slug(b)}.pdf"
    reader = PdfReader(pdf)
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    squeezed = "".join(text.split())
    assert "".join(b.nama.lower().split()) in squeezed.lower() and b.nomor in text  # the title may wrap
    for step in b.langkah:
        assert "".join(step.kegiatan.split()) in squeezed, step.no
    # Its own swimlanes, under their full names (the flowchart wraps them), and its decision.
    assert "KasiPerlindunganHakPerempuan" in squeezed and "Tidak" in text
    rows = json.loads((demo_site.site / "ekspor" / "kasus.json").read_text("utf-8"))["kasus"]
    for r in rows:
        folder = demo_site.site / "pdf" / "kasus" / r["id"]
        names = {p.name.rsplit("-" + r["id"], 1)[0] for p in folder.glob("*.pdf")}
        assert "berkas-pembinaan" in names, r["id"]
        if r["sop_nomor"] == SOP_B[0]:
            assert names == {"berkas-pembinaan"}, r["id"]
        else:
            assert "daftar-hadir-kosong" in names, r["id"]
