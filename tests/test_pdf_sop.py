"""The SOP document as the source lays it out, read back from the rendered PDF: every step with
its standard time, full role names, one line weight, readable Ya/Tidak labels off their lines,
the legend on the flowchart's last page, the toolkit's name in the metadata only; and the
blank field checklists."""

from __future__ import annotations

import shutil
import subprocess
from itertools import pairwise
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from PIL import Image
from pypdf import PdfReader

from sop_kit import open_archive
from sop_kit._version import __version__
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


def page_texts(pdf: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages]


def test_every_step_with_its_standard_time(sop_pdf: Path) -> None:
    reader = PdfReader(sop_pdf)
    text = " ".join(page_texts(sop_pdf))
    squeezed = "".join(text.split())
    sop = open_archive(REPO / "records").sops[("61.1.D.049/I/2020", 0)]
    for step in sop.langkah:
        assert "".join(step.kegiatan.split()) in squeezed, step.no
        assert "".join(step.output.split()) in squeezed, step.no
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
        "Kelengkapan",
        "Output",
        "Keterangan",
        "Mulai",
        "Selesai",
        "Tidak",
        "Ya",
    ):
        assert label in text, label
    assert "NIP. 19650612 198703 1 007" in text
    assert "Januari 2020" in text  # dates as the SOP writes them
    assert reader.xmp_metadata is not None and reader.xmp_metadata.pdfaid_part == "3"


def test_the_flowchart_names_the_roles_in_full_and_the_office_once(sop_pdf: Path) -> None:
    flow = page_texts(sop_pdf)[1]
    squeezed = "".join(flow.split())
    for role in ("Pelaksana", "Kasi Peningkatan Kualitas Keluarga", "Kepala Bidang"):
        assert "".join(role.split()) in squeezed, role
    assert "Kasi PKK" not in flow and "Kabid" not in flow
    assert flow.startswith("SOP PEMBINAAN KETAHANAN KELUARGA DINAS SOSIAL")
    assert flow.count("DINAS SOSIAL PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK") == 1
    assert "KABUPATEN PURWAKARTA" in flow


def test_the_legend_closes_the_flowchart_page_not_a_page_of_its_own(sop_pdf: Path) -> None:
    pages = page_texts(sop_pdf)
    assert len(pages) == 2  # the identity page and one flowchart page
    last = pages[-1]
    for symbol in ("Simbol kapsul", "Simbol kotak", "Simbol belah ketupat", "Simbol anak panah", "Simbol penghubung"):
        assert symbol in last, symbol
    assert "Membuat dokumentasi/foto" in last  # with the steps, not alone


def test_the_toolkit_is_in_the_metadata_not_on_the_page(sop_pdf: Path) -> None:
    reader = PdfReader(sop_pdf)
    assert all("sop-kit" not in text and __version__ not in text for text in page_texts(sop_pdf))
    assert reader.metadata is not None and str(reader.metadata["/Creator"]) == f"sop-kit {__version__}"


def _flow_page(pdf: Any) -> Any:
    return pdf.pages[1]


def test_one_line_weight_across_the_flowchart(sop_pdf: Path) -> None:
    with pdfplumber.open(sop_pdf) as pdf:
        page = _flow_page(pdf)
        stroked = [o for o in page.lines + page.rects + page.curves if o.get("stroke")]
        assert len(stroked) > 40
        assert {round(o["linewidth"], 3) for o in stroked} == {round(stroked[0]["linewidth"], 3)}
        assert 0.6 <= stroked[0]["linewidth"] <= 0.8  # about 0.75 pt: a printed hairline stays visible


def test_ya_tidak_labels_are_readable_and_off_their_lines(sop_pdf: Path) -> None:
    with pdfplumber.open(sop_pdf) as pdf:
        page = _flow_page(pdf)
        words = page.extract_words(extra_attrs=["size"])
        labels = [w for w in words if w["text"] in ("Ya", "Tidak")]
        assert sorted(w["text"] for w in labels) == ["Tidak", "Ya"]
        body = max({w["size"] for w in words}, key=[w["size"] for w in words].count)  # the table's text
        segments = [
            (a, b) for o in page.lines + page.rects + page.curves if o.get("stroke") for a, b in pairwise(o["pts"])
        ]
        for w in labels:
            assert w["size"] >= 7 and w["size"] == pytest.approx(body), w  # as large as the table's text
            box = (w["x0"], w["top"], w["x1"], w["bottom"])
            assert not [s for s in segments if _crosses(box, s)], w["text"]


def _crosses(box: tuple[float, float, float, float], segment: tuple[Any, Any]) -> bool:
    (x1, y1), (x2, y2) = segment
    left, top, right, bottom = box
    return any(left < x1 + (x2 - x1) * i / 50 < right and top < y1 + (y2 - y1) * i / 50 < bottom for i in range(51))


def test_flowchart_table_ruling(sop_pdf: Path) -> None:
    """The flowchart page's table as drawn: 10 vertical rules (around No, Kegiatan, three
    lanes, three Mutu Baku columns and Keterangan) running the table's height, and across
    it a rule above and below the seven step rows and between each pair, on an A4
    landscape page."""
    with pdfplumber.open(sop_pdf) as pdf:
        page = _flow_page(pdf)
        assert page.width > page.height  # A4 landscape
        edges = [e for e in page.edges if e.get("stroke", True)]
        vertical = sorted(
            {round(e["x0"], 1) for e in edges if e["orientation"] == "v" and e["height"] > page.height * 0.5}
        )
        assert len(vertical) == 10, vertical
        table = [e for e in edges if e["orientation"] == "h" and e["width"] > page.width * 0.9]
        rows = sorted({round(e["top"], 1) for e in table})
        assert len(rows) == 2 + 6, rows


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is installed by .ci/run")
def test_flowchart_page_renders(sop_pdf: Path, tmp_path: Path) -> None:
    """Rendered to pixels, the flowchart page is a drawn table, not an empty page."""
    subprocess.run(
        ["pdftoppm", "-r", "60", "-f", "2", "-l", "2", "-png", str(sop_pdf), str(tmp_path / "p")], check=True
    )
    (png,) = tmp_path.glob("p*.png")
    with Image.open(png) as page:
        grey = page.convert("L")
        assert grey.width > grey.height
        dark = sum(1 for v in grey.tobytes() if v < 128)
        assert dark > grey.width * grey.height * 0.01
