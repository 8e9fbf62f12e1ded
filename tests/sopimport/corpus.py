"""One fictional SOP AP document written in every layout offices keep, generated at test time.

Layouts: ``txt`` (tab-separated, as text extracted from the official file), ``docx`` (plain
Word: paragraphs, auto-numbered lists, tables with no merged cells), ``docx-ap`` (the printed
SOP AP page: an identity table with a merged heading cell on the left and label | value rows to
its right, the paired sections table with each list as paragraphs in its cell, merged header
cells, a "Tidak" label in a text box), ``pdf-a4`` (A4 portrait: narrow cells wrap, as "30" /
"Menit"), ``pdf-word`` (A4 landscape as Word exports it: a two-row header repeated on the next
page, boxes drawn in the swimlanes, page footers). The same SOP in every layout must import as
the same data (``expected/CONTOH-400.9-015-2024.yaml``).

Run as a script to write the files for a look by hand: ``python -m tests.sopimport.corpus DIR``.
"""

from __future__ import annotations

import html
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

FICTION = "CONTOH FIKTIF untuk pengujian sop-kit — bukan SOP resmi."
HEADING = ("PEMERINTAH KABUPATEN CONTOH", "DINAS SOSIAL PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK")
BIDANG = "BIDANG PEMBERDAYAAN SOSIAL"
SIGNER = (
    "Kepala Dinas Sosial Pemberdayaan Perempuan dan Perlindungan Anak",
    "Dr. H. Ahmad Fauzi, S.Sos., M.M.",
    "NIP. 19720315 199803 1 004",
)
TITLE = "PELAYANAN REKOMENDASI BANTUAN PENDIDIKAN BAGI ANAK TENAGA KEPENDIDIKAN"
# (label, value): the labels of real documents, "Tgl Pengesahan" and "Pengesahan" among them.
IDENTITY = (
    ("Nomor SOP", "400.9/015/DINSOS-P3A/2024"),
    ("Tgl Pembuatan", "12 Februari 2024"),
    ("Tgl Revisi", "5 Agustus 2024 (rev 01)"),
    ("Tgl Pengesahan", "2 September 2024"),
)
SECTIONS = (
    (
        "Dasar Hukum",
        (
            "Undang-Undang Nomor 20 Tahun 2003 tentang Sistem Pendidikan Nasional;",
            "Undang-Undang Nomor 11 Tahun 2009 tentang Kesejahteraan Sosial;",
            "Peraturan Bupati Contoh Nomor 12 Tahun 2023 tentang Pedoman Pemberian Bantuan Sosial "
            "Pendidikan bagi Anak dari Keluarga Kurang Mampu.",
        ),
    ),
    (
        "Kualifikasi Pelaksana",
        ("Memahami tata cara pemberian bantuan sosial pendidikan;", "Mampu mengoperasikan komputer."),
    ),
    ("Keterkaitan", ("SOP Surat Keluar", "SOP Verifikasi dan Validasi Data Terpadu Kesejahteraan Sosial")),
    ("Peralatan/Perlengkapan", ("Komputer", "Printer", "Kendaraan dinas")),
    ("Peringatan", ("Rekomendasi tidak diterbitkan tanpa berita acara verifikasi dan foto kunjungan",)),
    ("Pencatatan dan Pendataan", ("Buku register rekomendasi dan arsip elektronik",)),
)
LANES = ("Pelaksana", "Kepala Sub Bagian Umum", "Kepala Bidang Pemberdayaan Sosial", "Kepala Dinas")


@dataclass(frozen=True)
class Step:
    kegiatan: str
    actors: tuple[int, ...]  # lanes whose box the step is (drawn in the PDF from Word)
    kelengkapan: str
    waktu: str
    output: str
    pj: str  # Penanggung Jawab as the responsibility table prints it
    pj_waktu: str
    keterangan: str = ""
    labels: dict[int, str] = field(default_factory=dict)  # lane -> arrow label ("Ya" / "Tidak")


STEPS = (
    Step("Menerima dan mencatat permohonan rekomendasi", (0,), "Formulir permohonan", "30 Menit",
         "Permohonan tercatat", "Pelaksana", "30 Menit"),
    # A decision: "Tidak" stands in the Pelaksana lane, so it goes back to step 1.
    Step("Memeriksa kelengkapan berkas permohonan", (1,), "Formulir permohonan/Salinan KK", "2 Jam 30 Menit",
         "Berkas lengkap", "Kasubag Umum", "2,5 Jam", labels={0: "Tidak", 1: "Ya"}),
    Step("Melakukan verifikasi lapangan ke rumah pemohon", (0, 1), "Kendaraan/Berita acara verifikasi", "1 hr",
         "Berita acara verifikasi ditandatangani", "Pelaksana/Kasubag Umum", "1 hr", "Waktu disesuaikan"),
    Step("Menyusun konsep surat rekomendasi", (0,), "Berita acara verifikasi", "45 Menit",
         "Konsep surat rekomendasi", "Pelaksana", "45 Menit"),
    # "Tidak" in the Kasubag Umum lane: back to step 3 (that lane's last step), not step 4 before it.
    Step("Memeriksa dan memaraf konsep surat rekomendasi", (2,), "Konsep surat rekomendasi", "1 Jam",
         "Konsep surat diparaf", "Kabid Pemberdayaan Sosial", "1 Jam", labels={1: "Tidak", 2: "Ya"}),
    Step("Menandatangani surat rekomendasi", (3,), "Konsep surat diparaf", "120 detik",
         "Surat rekomendasi ditandatangani", "Kadis", "2 Menit"),
    Step("Menyerahkan surat rekomendasi dan mengarsipkan dokumentasi/foto kunjungan", (0,), "Dokumentasi/Foto",
         "15 mnt 30 dtk", "Arsip lengkap", "Pelaksana", "15 mnt 30 dtk"),
)  # fmt: skip
MUTU = ("Kelengkapan", "Waktu", "Output")
RESP_HEADER = ("NO", "PROSEDUR", "PENANGGUNG JAWAB", "WAKTU", "KET")
FLOW_TITLE = (f"SOP {TITLE.split(' BAGI ')[0]}", BIDANG)


def flow_header() -> tuple[list[str], list[str]]:
    """The two header rows as a plain grid: the top row's text at the first column it spans."""
    top = ["No", "Kegiatan", "Pelaksana", *[""] * (len(LANES) - 1), "Mutu Baku", "", "", "Keterangan"]
    sub = ["", "", *LANES, *MUTU, ""]
    return top, sub


def flow_row(no: int, step: Step) -> list[str]:
    lanes = [step.labels.get(i, "") for i in range(len(LANES))]
    return [str(no), step.kegiatan, *lanes, step.kelengkapan, step.waktu, step.output, step.keterangan]


def resp_row(no: int, step: Step) -> list[str]:
    return [str(no), step.kegiatan, step.pj, step.pj_waktu, ""]


def _items(items: tuple[str, ...]) -> list[str]:
    return [f"{i}. {item}" for i, item in enumerate(items, start=1)]


# --- .txt ---------------------------------------------------------------------------------


def write_txt(path: Path) -> None:
    lines = [FICTION, "", *HEADING, ""]
    lines += [f"{label.upper()}\t: {value}" for label, value in IDENTITY]
    lines += [f"PENGESAHAN\t: {SIGNER[0]},", f"\t{SIGNER[1]}", f"\t{SIGNER[2]}", f"NAMA SOP\t: {TITLE}", ""]
    for label, items in SECTIONS:
        lines += [f"{label.upper()} :", *_items(items), ""]
    lines += [*FLOW_TITLE, ""]
    top, sub = flow_header()
    # A blank line between the header and the first row, as text extraction often leaves one.
    lines += ["\t".join(top), "\t".join(sub), ""]
    lines += ["\t".join(flow_row(no, s)) for no, s in enumerate(STEPS, start=1)]
    lines += ["", "\t".join(RESP_HEADER)]
    lines += ["\t".join(resp_row(no, s)) for no, s in enumerate(STEPS, start=1)]
    path.write_text("\n".join(lines) + "\n", "utf-8")


# --- .docx --------------------------------------------------------------------------------


def _docx_table(document: object, rows: list[list[str]]) -> object:
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    return table


def write_docx(path: Path) -> None:
    """Plain Word: the identity block as 'Label<tab>: value' paragraphs, the lists numbered by
    Word itself (the numbers are not in the text), both tables without merged cells."""
    import docx

    document = docx.Document()
    for text in (FICTION, "", *HEADING, ""):
        document.add_paragraph(text)
    for label, value in IDENTITY:
        document.add_paragraph(f"{label}\t: {value}")
    document.add_paragraph(f"Pengesahan\t: {SIGNER[0]},")
    document.add_paragraph(f"\t{SIGNER[1]}")
    document.add_paragraph(f"\t{SIGNER[2]}")
    document.add_paragraph(f"Nama SOP\t: {TITLE}")
    for label, items in SECTIONS:
        document.add_paragraph(f"{label} :")
        for item in items:
            document.add_paragraph(item, style="List Number")
    for text in FLOW_TITLE:
        document.add_paragraph(text)
    top, sub = flow_header()
    _docx_table(document, [top, sub, *(flow_row(no, s) for no, s in enumerate(STEPS, start=1))])
    document.add_paragraph("")
    _docx_table(document, [list(RESP_HEADER), *(resp_row(no, s) for no, s in enumerate(STEPS, start=1))])
    document.save(str(path))


def _set_paragraphs(cell: object, texts: list[str], style: str | None = None) -> None:
    first = cell.paragraphs[0]  # type: ignore[attr-defined]
    first.text = texts[0] if texts else ""
    if style:
        first.style = style
    for text in texts[1:]:
        cell.add_paragraph(text, style=style)  # type: ignore[attr-defined]


def _text_box(cell: object, text: str) -> None:
    """A floating text box anchored in the cell, as Word draws an arrow's label: its text lives
    in a drawing (w:txbxContent), not in the cell's paragraphs, and the VML fallback repeats it."""
    from docx.oxml import parse_xml

    xml = (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
        ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
        ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
        ' xmlns:v="urn:schemas-microsoft-com:vml">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0"'
        ' distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset>'
        '</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="400000" cy="200000"/><wp:wrapNone/><wp:docPr id="1" name="Label"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx>"
        "<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r>"
        f"<w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    cell.paragraphs[0]._p.append(parse_xml(xml))  # type: ignore[attr-defined]


def write_docx_ap(path: Path) -> None:
    """The printed SOP AP page in Word: merged cells as Word writes them (gridSpan, vMerge)."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    document.add_paragraph(FICTION)
    rows = [*IDENTITY[:3], ("Tanggal Pengesahan", IDENTITY[3][1]), ("Pengesahan", ""), ("Nama SOP", TITLE)]
    ident = document.add_table(rows=len(rows), cols=3)
    ident.style = "Table Grid"
    heading = ident.cell(0, 0).merge(ident.cell(len(rows) - 1, 0))
    _set_paragraphs(heading, [*HEADING, BIDANG])
    for i, (label, value) in enumerate(rows):
        ident.cell(i, 1).text = label
        if label == "Pengesahan":
            _set_paragraphs(ident.cell(i, 2), [SIGNER[0], "", "", SIGNER[1], SIGNER[2]])
        else:
            ident.cell(i, 2).text = value
    document.add_paragraph("")
    pairs = [(SECTIONS[k], SECTIONS[k + 1]) for k in range(0, len(SECTIONS), 2)]
    paired = document.add_table(rows=2 * len(pairs), cols=2)
    paired.style = "Table Grid"
    for k, ((left, left_items), (right, right_items)) in enumerate(pairs):
        paired.cell(2 * k, 0).text = f"{left.upper()}:"
        paired.cell(2 * k, 1).text = f"{right.upper()}:"
        # Typed numbers on the left, Word's own numbering on the right (no number in the text).
        _set_paragraphs(paired.cell(2 * k + 1, 0), _items(left_items))
        _set_paragraphs(paired.cell(2 * k + 1, 1), list(right_items), style="List Number")
    document.add_page_break()  # type: ignore[no-untyped-call]
    for text in FLOW_TITLE:
        document.add_paragraph(text)
    top, sub = flow_header()
    body = [flow_row(no, s) for no, s in enumerate(STEPS, start=1)]
    flow = document.add_table(rows=2 + len(body), cols=len(top))
    flow.style = "Table Grid"
    for j, text in enumerate(sub):
        if text:
            flow.cell(1, j).text = text
    for j in (0, 1, len(top) - 1):  # No, Kegiatan, Keterangan span both header rows
        flow.cell(0, j).merge(flow.cell(1, j)).text = top[j]
    lanes_end, mutu = 2 + len(LANES) - 1, 2 + len(LANES)
    flow.cell(0, 2).merge(flow.cell(0, lanes_end)).text = "Pelaksana"
    flow.cell(0, mutu).merge(flow.cell(0, mutu + 2)).text = "Mutu Baku"
    for i, (row, step) in enumerate(zip(body, STEPS, strict=True)):
        for j, text in enumerate(row):
            lane = j - 2
            if 0 <= lane < len(LANES) and step.labels.get(lane) == "Tidak":
                _text_box(flow.cell(2 + i, j), text)
            elif text:
                flow.cell(2 + i, j).text = text
    document.add_paragraph("")
    _docx_table(document, [list(RESP_HEADER), *(resp_row(no, s) for no, s in enumerate(STEPS, start=1))])
    document.save(str(path))


# --- PDF (WeasyPrint renders the HTML tables; cells wrap on the page) -----------------------


def _cell(text: str, tag: str = "td", span: str = "", cls: str = "") -> str:
    body = "<br>".join(html.escape(line) for line in text.split("\n")) if text else ""
    return f"<{tag}{span}{f' class={cls!r}' if cls else ''}>{body}</{tag}>"


def _flow_html(boxes: bool) -> str:
    n = len(LANES)
    head = (
        "<tr>" + _cell("No", "th", ' rowspan="2"') + _cell("Kegiatan", "th", ' rowspan="2"')
        + _cell("Pelaksana", "th", f' colspan="{n}"') + _cell("Mutu Baku", "th", ' colspan="3"')
        + _cell("Keterangan", "th", ' rowspan="2"') + "</tr><tr>"
        + "".join(_cell(lane, "th") for lane in LANES) + "".join(_cell(m, "th") for m in MUTU) + "</tr>"
    )  # fmt: skip
    rows = []
    for no, step in enumerate(STEPS, start=1):
        cells = flow_row(no, step)
        lanes = []
        for lane in range(n):
            label = cells[2 + lane]
            shape = '<div class="box"></div>' if boxes and lane in step.actors else ""
            lanes.append(f"<td class=lane>{shape}{html.escape(label)}</td>")
        rows.append(
            "<tr>" + _cell(cells[0], cls="no") + _cell(cells[1]) + "".join(lanes)
            + "".join(_cell(c) for c in cells[2 + n :]) + "</tr>"
        )  # fmt: skip
    widths = ["4%", "16%", *[f"{42 / n:.2f}%"] * n, "11%", "6%", "11%", "10%"]
    cols = "".join(f'<col style="width: {w}">' for w in widths)
    return f"<table class=flow><colgroup>{cols}</colgroup><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"


def _resp_html() -> str:
    head = "<tr>" + "".join(_cell(h, "th") for h in RESP_HEADER) + "</tr>"
    body = "".join("<tr>" + "".join(_cell(c) for c in resp_row(no, s)) + "</tr>" for no, s in enumerate(STEPS, start=1))
    return f"<table class=resp><thead>{head}</thead><tbody>{body}</tbody></table>"


def _identity_html() -> str:
    """The SOP AP page as one table: the heading cell spans the label rows on the left, then
    the paired sections, each list as paragraphs in its cell."""
    rows = [*IDENTITY, ("Pengesahan", "\n".join([SIGNER[0], "", SIGNER[1], SIGNER[2]])), ("Nama SOP", TITLE)]
    heading = "<br>".join(html.escape(h) for h in (*HEADING, BIDANG))
    out = [f'<tr><td rowspan="{len(rows)}" colspan="2" class=heading>{heading}</td>'
           f"{_cell(rows[0][0])}{_cell(rows[0][1])}</tr>"]  # fmt: skip
    out += [f"<tr>{_cell(label)}{_cell(value)}</tr>" for label, value in rows[1:]]
    for k in range(0, len(SECTIONS), 2):
        (left, litems), (right, ritems) = SECTIONS[k], SECTIONS[k + 1]
        out.append(
            f"<tr>{_cell(left.upper() + ':', span=' colspan=2')}{_cell(right.upper() + ':', span=' colspan=2')}</tr>"
        )
        lists = ["".join(f"<p>{html.escape(item)}</p>" for item in _items(items)) for items in (litems, ritems)]
        out.append(f"<tr><td colspan=2>{lists[0]}</td><td colspan=2>{lists[1]}</td></tr>")
    return f"<table class=ident>{''.join(out)}</table>"


_STYLE = """
@page {{ size: A4 {orientation}; margin: 1.5cm; @bottom-center {{ content: {footer}; font-size: 7pt }} }}
body {{ font: {size} "DejaVu Sans"; }}
p {{ margin: 0 }}
table {{ border-collapse: collapse; width: 100%; margin: 6pt 0 }}
td, th {{ border: 0.6pt solid black; padding: 2pt; vertical-align: top; font-weight: normal }}
table.ident {{ table-layout: fixed }}
td.heading {{ width: 35%; text-align: center }}
table.flow {{ table-layout: fixed }}
table.flow {{ font-size: {flow} }}
table.flow td.lane {{ height: {height} }}
.box {{ width: 60%; height: 12pt; margin: 4pt auto; background: #ddd }}
.break {{ page-break-before: always }}
"""


def _pdf(path: Path, orientation: str, size: str, flow: str, height: str, boxes: bool, footer: str) -> None:
    from weasyprint import HTML

    style = _STYLE.format(orientation=orientation, size=size, flow=flow, height=height, footer=footer)
    page = (
        f"<style>{style}</style><p>{html.escape(FICTION)}</p>{_identity_html()}"
        f"<div class=break>{''.join(f'<p>{html.escape(t)}</p>' for t in FLOW_TITLE)}</div>"
        f"{_flow_html(boxes)}{_resp_html()}"
    )
    HTML(string=page).write_pdf(path)


def write_pdf_a4(path: Path) -> None:
    """A4 portrait: the lane and Waktu columns are narrow, so '30 Menit' wraps to '30' / 'Menit'."""
    _pdf(path, "portrait", "8pt", "6.5pt", "auto", boxes=False, footer="none")


def write_pdf_word(path: Path) -> None:
    """A4 landscape as Word exports it: tall rows for the shapes, so the flowchart runs over
    onto a second page with its two-row header repeated; boxes in the lanes; page footers."""
    _pdf(path, "landscape", "9pt", "9pt", "62pt", boxes=True, footer='"Halaman " counter(page)')


LAYOUTS: dict[str, tuple[str, Callable[[Path], None]]] = {
    "txt": (".txt", write_txt),
    "docx": (".docx", write_docx),
    "docx-ap": (".docx", write_docx_ap),
    "pdf-a4": (".pdf", write_pdf_a4),
    "pdf-word": (".pdf", write_pdf_word),
}


def write(layout: str, folder: Path) -> Path:
    suffix, writer = LAYOUTS[layout]
    path = folder / f"sop-{layout}{suffix}"
    writer(path)
    return path


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out.mkdir(parents=True, exist_ok=True)
    for name in LAYOUTS:
        print(write(name, out))
