"""The SOP document: every step with its standard time, the flowchart's table structure on
the rendered page, and the blank field checklists."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from sop_kit import open_archive
from sop_kit.pdf.documents import sop_jobs
from sop_kit.pdf.render import render_all

from .conftest import REPO


@pytest.fixture(scope="module")
def sop_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sop")
    jobs = [
        j
        for j in sop_jobs(open_archive(REPO / "records"), out)
        if j.template == "sop.html" and "61.1.D.049" in j.title  # the example SOP has its own test
    ]
    report = render_all(jobs, out, None, processes=1)
    assert [o.error for o in report.outcomes] == [None]
    return report.outcomes[0].target


def test_every_step_with_its_standard_time(sop_pdf: Path) -> None:
    reader = PdfReader(sop_pdf)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    squeezed = "".join(text.split())
    sop = open_archive(REPO / "records").sops[("61.1.D.049/I/2020", 0)]
    for step in sop.langkah:
        assert "".join(step.kegiatan.split()) in squeezed, step.no
        assert f"{step.waktu_menit} Menit" in text, step.no
    for label in (
        "Nomor SOP",
        "Tgl Pembuatan",
        "Tgl Revisi",
        "Tgl Efektif",
        "Disahkan oleh",
        "Nama SOP",
        "Dasar Hukum",
        "Kualifikasi Pelaksana",
        "Keterkaitan",
        "Peralatan/Perlengkapan",
        "Peringatan",
        "Pencatatan dan Pendataan",
        "Mutu Baku",
        "Kasi PKK",
        "Kabid",
        "Mulai",
        "Selesai",
        "Tidak",
        "Ya",
    ):
        assert label in text, label
    assert "19650612 198703 1 007" in text
    assert reader.xmp_metadata is not None and reader.xmp_metadata.pdfaid_part == "3"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is installed by .ci/run")
def test_flowchart_page_layout(sop_pdf: Path, tmp_path: Path) -> None:
    """Render the flowchart page and find its table's ruling: a landscape page whose grid has
    the 10 vertical borders around No, Kegiatan, three lanes, three Mutu Baku columns and
    Keterangan."""
    subprocess.run(
        ["pdftoppm", "-r", "60", "-f", "2", "-l", "2", "-png", str(sop_pdf), str(tmp_path / "p")], check=True
    )
    (png,) = tmp_path.glob("p*.png")
    page = Image.open(png).convert("L")
    width, height = page.size
    assert width > height  # A4 landscape
    pixels = page.tobytes()  # one byte per pixel, row by row
    dark = [[pixels[y * width + x] < 110 for y in range(height)] for x in range(width)]
    # A table border is a column of dark pixels running most of the table's height.
    tall = [x for x in range(width) if sum(dark[x]) > height * 0.45]
    borders = [x for i, x in enumerate(tall) if i == 0 or x - tall[i - 1] > 2]
    assert len(borders) == 10, borders
