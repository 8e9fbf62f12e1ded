"""PDFs rendered for real by WeasyPrint and read back: content, PDF/A, safety, incrementality."""

from __future__ import annotations

import hashlib
import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from sop_kit.check.audit import audit
from sop_kit.check.run import CheckOptions
from sop_kit.pdf.build import PdfOptions, render_documents
from sop_kit.pdf.render import RenderReport

from .conftest import BASE_ID, DemoSite, MakeArchive


def text_of(pdf: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


def dossier(out: Path) -> Path:
    return out / "kasus" / BASE_ID / f"berkas-pembinaan-{BASE_ID}.pdf"


def only_dossiers(root: Path, out: Path, internal: Path | None = None, processes: int = 1) -> RenderReport:
    judged = audit(root, CheckOptions(trail=False, use_cache=False))
    return render_documents(judged, PdfOptions(out, internal, BASE_ID, processes))


@pytest.fixture
def rendered(make_archive: MakeArchive, tmp_path: Path) -> tuple[Path, Path, Path]:
    root = make_archive()
    out, internal = tmp_path / "publik", tmp_path / "internal"
    report = only_dossiers(root, out, internal)
    assert all(not o.error for o in report.outcomes if o.target.name.startswith("berkas")), report.outcomes
    return root, dossier(out), dossier(internal)


def test_dossier_states_the_case_and_its_checklist(rendered: tuple[Path, Path, Path]) -> None:
    _, public, _ = rendered
    text = text_of(public)
    assert BASE_ID in text
    assert "Desa Cibening, Kecamatan Bungursari" in text
    assert "32.14.13.2002" in text
    assert "Surat Keputusan: ada" in text
    assert "Halaman 1 dari" in text
    assert "SESUAI SOP: tidak ada galat pemeriksaan" in text and "TIDAK SESUAI" not in text
    # Every attachment with its SHA-256.
    assert "045540dbfd2ad19d08e78c87ce0fdeead608fa7367fda2c58bfce828d5aef557" in text.replace("\n", "")


def test_public_dossier_has_no_personal_data(rendered: tuple[Path, Path, Path]) -> None:
    _, public, internal = rendered
    public_text, internal_text = text_of(public), text_of(internal)
    for personal in ("3214131203800001", "3214130101200001", "085712345678", "081234567890", "Ujang Suryana"):
        assert personal not in public_text, personal
        assert personal in internal_text.replace("\n", " "), personal
    assert PdfReader(public).attachments == {}


def test_internal_dossier_embeds_the_case_records(rendered: tuple[Path, Path, Path]) -> None:
    root, _, internal = rendered
    attachments = PdfReader(internal).attachments
    assert "kasus.yaml" in attachments
    assert "langkah__02-verifikasi.yaml" in attachments
    original = (root / "kasus" / "2026" / BASE_ID / "kasus.yaml").read_bytes()
    assert attachments["kasus.yaml"][0] == original


def test_pdf_a_identification_and_metadata(rendered: tuple[Path, Path, Path]) -> None:
    _, public, _ = rendered
    reader = PdfReader(public)
    xmp = reader.xmp_metadata
    assert xmp is not None
    assert (xmp.pdfaid_part, xmp.pdfaid_conformance) == ("3", "B")
    meta = reader.metadata
    assert meta is not None
    assert meta.title == f"Berkas Pembinaan {BASE_ID} (publik)"
    assert meta.author == "sop-kit"
    assert meta.creation_date is not None and meta.creation_date.year == 2026  # from the records, not the clock


def test_rerender_is_identical_and_skipped(make_archive: MakeArchive, tmp_path: Path) -> None:
    root = make_archive()
    out = tmp_path / "publik"
    first = only_dossiers(root, out)
    data = dossier(out).read_bytes()
    again = only_dossiers(root, out)
    assert again.rendered == 0 and again.skipped == first.rendered
    dossier(out).unlink()
    third = only_dossiers(root, out)
    assert third.rendered == 1 and dossier(out).read_bytes() == data  # same inputs, same bytes
    (root / "kasus" / "2026" / BASE_ID / "langkah" / "06-pembinaan.yaml").write_text(
        (root / "kasus" / "2026" / BASE_ID / "langkah" / "06-pembinaan.yaml").read_text() + "catatan: Hadir 9 KK.\n"
    )
    assert only_dossiers(root, out).rendered >= 1


def test_a_changed_note_remakes_the_dossier_not_the_letters(make_archive: MakeArchive, tmp_path: Path) -> None:
    """A letter is made again only when its page would differ: no public letter prints the
    first step's note (the report prints those of coordination and coaching), so a note there
    leaves them byte for byte (and file for file) as they were, while a letter whose number
    changed is made again and reads the new number."""
    root = make_archive()
    out, internal = tmp_path / "publik", tmp_path / "internal"
    only_dossiers(root, out, internal, processes=2)
    letters = sorted(p for p in (out / "kasus" / BASE_ID).glob("*.pdf") if p != dossier(out))
    assert len(letters) >= 3, letters  # the base case has reached its letters
    kept = {p: (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes()) for p in letters}
    steps = root / "kasus" / "2026" / BASE_ID / "langkah"
    note = steps / "01-pengumpulan-data.yaml"
    note.write_text(note.read_text() + "catatan: Data dihimpun zebrakuda.\n")
    again = only_dossiers(root, out, internal, processes=2)
    remade = {o.target for o in again.outcomes if o.rendered}
    assert dossier(out) in remade and "zebrakuda" in text_of(dossier(out))
    assert not remade & set(letters) and again.skipped >= len(letters)
    assert {p: (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes()) for p in letters} == kept
    # An internal document may load the case's own files: a changed record makes it again.
    assert dossier(internal) in remade
    # The next build knows both keys: nothing to make, nothing even re-rendered to HTML.
    assert only_dossiers(root, out, internal).outcomes == []
    sk = steps / "03-penetapan.yaml"
    sk.write_text(sk.read_text().replace("400.9/031/DSP3A/2026", "400.9/777/DSP3A/2026"))
    third = only_dossiers(root, out, internal)
    made_sk = [p for p in letters if p.name.startswith("sk-")]
    assert made_sk and made_sk[0] in {o.target for o in third.outcomes if o.rendered}
    assert "400.9/777/DSP3A/2026" in text_of(made_sk[0])


def test_parallel_render_matches_serial(make_archive: MakeArchive, tmp_path: Path) -> None:
    root = make_archive()
    serial, parallel = tmp_path / "a", tmp_path / "b"
    only_dossiers(root, serial, tmp_path / "ai", processes=1)
    only_dossiers(root, parallel, tmp_path / "bi", processes=2)
    assert dossier(serial).read_bytes() == dossier(parallel).read_bytes()


def test_failed_render_keeps_the_previous_pdf(make_archive: MakeArchive, tmp_path: Path) -> None:
    root = make_archive()
    out = tmp_path / "publik"
    only_dossiers(root, out)
    good = dossier(out).read_bytes()
    overrides = root.parent / "templates"
    overrides.mkdir()
    (overrides / "dossier.html").write_text("{{ kolom_yang_tidak_ada }}")  # StrictUndefined fails loudly
    report = only_dossiers(root, out)
    failed = [o for o in report.outcomes if o.target == dossier(out)]
    assert failed and failed[0].error and "kolom_yang_tidak_ada" in failed[0].error
    assert dossier(out).read_bytes() == good
    assert not [p for p in dossier(out).parent.iterdir() if p.name.endswith(".tmp")]


def test_free_text_cannot_inject_markup(make_archive: MakeArchive, tmp_path: Path) -> None:
    root = make_archive()
    step = root / "kasus" / "2026" / BASE_ID / "langkah" / "06-pembinaan.yaml"
    hostile = '<img src="file:///etc/passwd"><link rel="attachment" href="/etc/hostname"><b>tebal</b>'
    step.write_text(step.read_text() + f"catatan: '{hostile}'\n")
    out = tmp_path / "publik"
    report = only_dossiers(root, out)
    outcome = next(o for o in report.outcomes if o.target == dossier(out))
    assert outcome.error is None and outcome.refused == []  # nothing was even requested
    text = text_of(dossier(out)).replace("\n", "")
    assert '<img src="file:///etc/passwd">' in text  # shown as the text it is
    assert PdfReader(dossier(out)).attachments == {}
    assert "root:x:0" not in text


@pytest.fixture
def local_server() -> Iterator[tuple[str, list[str]]]:
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


def test_template_override_cannot_fetch_or_read_outside(
    make_archive: MakeArchive, tmp_path: Path, local_server: tuple[str, list[str]]
) -> None:
    url, hits = local_server
    root = make_archive()
    overrides = root.parent / "templates"
    overrides.mkdir()
    (overrides / "dossier.html").write_text(
        f'<html><body><p>Kasus {{{{ case.id }}}}</p><img src="{url}/gambar.png">'
        '<img src="file:///etc/passwd"><img src="../../../../etc/hostname">'
        f'<link rel="stylesheet" href="{url}/gaya.css"></body></html>'
    )
    out = tmp_path / "publik"
    report = only_dossiers(root, out)
    outcome = next(o for o in report.outcomes if o.target == dossier(out))
    assert hits == []
    assert any("scheme" in r and "127.0.0.1" in r for r in outcome.refused)
    assert any("outside" in r and "passwd" in r for r in outcome.refused)
    assert BASE_ID in text_of(dossier(out))


def test_symlinked_and_oversized_photos_are_left_out(make_archive: MakeArchive, tmp_path: Path) -> None:
    import struct
    import zlib

    root = make_archive()
    case = root / "kasus" / "2026" / BASE_ID
    photo = case / "foto" / "07-pembinaan-1.jpg"
    photo.unlink()
    secret = tmp_path / "rahasia.jpg"
    shutil.copy2(Path(__file__).parent / "corpus" / "base" / "foto" / "07-pembinaan-1.jpg", secret)
    photo.symlink_to(secret)
    # A PNG that claims 60000 x 60000 pixels: its header alone must get it refused.
    bomb = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", 60000, 60000, 8, 2, 0, 0, 0))
    bomb += _chunk(b"IDAT", zlib.compress(b"\0" * 100)) + _chunk(b"IEND", b"")
    (case / "foto" / "07-bom.png").write_bytes(bomb)
    step = case / "langkah" / "07-dokumentasi.yaml"
    step.write_text(step.read_text() + "  - jenis: foto\n    berkas: foto/07-bom.png\n    keterangan: Bom piksel\n")
    out = tmp_path / "publik"
    report = only_dossiers(root, out)
    outcome = next(o for o in report.outcomes if o.target == dossier(out))
    assert outcome.error is None
    reader = PdfReader(dossier(out))
    images = [img for page in reader.pages for img in page.images]
    assert images == []  # neither the link's target nor the bomb was embedded


def _chunk(kind: bytes, data: bytes) -> bytes:
    import struct
    import zlib

    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


# --------------------------------------------------------------------------- the demo's documents, read back


def _demo_pdfs(demo_site: DemoSite, pattern: str) -> list[Path]:
    found = sorted((demo_site.site / "pdf").glob(pattern))
    assert found, pattern
    return found


def _last_lines(pdf: Path) -> list[tuple[int, str, bool]]:
    """Each page's last line of content (running head and page number left out): its text and
    whether it reads as a heading or a table's header row: every word bold, starting at the
    left edge of the text (a bold phrase ending a row's third cell is neither)."""
    out = []
    with pdfplumber.open(pdf) as doc:
        for number, page in enumerate(doc.pages, start=1):
            words = page.extract_words(extra_attrs=["fontname"])
            body = [w for w in words if w["top"] > 45 and w["bottom"] < page.height - 40]
            if not body:
                continue
            bottom = max(w["bottom"] for w in body)
            line = [w for w in body if abs(w["bottom"] - bottom) < 2]
            at_left = min(w["x0"] for w in line) - min(w["x0"] for w in body) < 12
            heading = at_left and all("Bold" in w["fontname"] for w in line)
            out.append((number, " ".join(w["text"] for w in line), heading))
    return out


def test_no_heading_or_table_header_is_the_last_thing_on_a_page(demo_site: DemoSite) -> None:
    pdfs = [
        *_demo_pdfs(demo_site, "kasus/*/berkas-pembinaan-*.pdf"),
        *_demo_pdfs(demo_site, "sop/*.pdf"),
    ]
    orphans = [(p.name, n, text) for p in pdfs for n, text, bold in _last_lines(p) if bold]
    assert orphans == []


def test_every_dossier_numbers_its_seven_sections_in_order(demo_site: DemoSite) -> None:
    """A case without photos yet went from "4." to "6." in an official document: the photo
    section is always there, saying that none is yet."""
    headings = ["1. Identitas kasus", "2. Kelengkapan per langkah", "3. Pelaksanaan langkah", "4. Jejak persetujuan",
                "5. Dokumentasi foto", "6. Daftar berkas", "7. Temuan pemeriksaan"]  # fmt: skip
    without = 0
    for pdf in _demo_pdfs(demo_site, "kasus/*/berkas-pembinaan-*.pdf"):
        text = "".join(text_of(pdf).split())
        at = [text.find("".join(h.split())) for h in headings]
        assert min(at) >= 0 and at == sorted(at), (pdf.name, at)
        without += "Dokumentasifotobelumtersedia." in text
    assert without > 0  # the demo has cases with no photo yet


def test_a_section_heading_starts_on_the_page_of_its_table(demo_site: DemoSite) -> None:
    """A case with two rounds has two notes under "3. Pelaksanaan langkah": they stay with the
    heading and the table, not alone at a page's foot."""
    for pdf in _demo_pdfs(demo_site, "kasus/*/berkas-pembinaan-*.pdf"):
        pages = ["".join(page.extract_text().split()) for page in PdfReader(pdf).pages]
        for heading, first in (
            ("2. Kelengkapan per langkah", "Kelengkapan wajib"),
            ("3. Pelaksanaan langkah", "Pelaksana (peran)"),
            ("4. Jejak persetujuan", "Ditandatangani oleh"),
            ("6. Daftar berkas dan sidik SHA-256", "Berkas dan jenisnya"),
        ):
            at = [i for i, text in enumerate(pages) if "".join(heading.split()) in text]
            assert at and "".join(first.split()) in pages[at[0]], (pdf.name, heading)


# Words a reader of an Indonesian document must not meet: the English of a program, message
# codes and identifiers, and the toolkit's own name with its version.
ENGLISH = re.compile(
    r"\b(error|warning|info|unsigned|signed|verified|unverified|pending|none|null|true|false|"
    r"step|round|case|file|missing|approved|changed|page|version|no_role|wrong_role)\b",
    re.IGNORECASE,
)
CODE = re.compile(r"\b[a-z]+_[a-z_]+\b|\b(?:trail|doc|file|step|case|time|sop)\.[a-z_]+\b(?!\.)|sop-kit \d")


def test_no_code_or_english_word_in_an_indonesian_document(demo_site: DemoSite) -> None:
    pdfs = [
        *_demo_pdfs(demo_site, "kasus/*/berkas-pembinaan-*.pdf"),
        *_demo_pdfs(demo_site, "sop/*.pdf"),
    ]
    for pdf in pdfs:
        text = " ".join(text_of(pdf).split())
        # File names the documents list are what they are (lampiran/03-sk-penetapan.pdf).
        prose = re.sub(r"\S+\.(pdf|jpe?g|png|csv|ya?ml|xlsx|docx|odt|ods)\b", " ", text)
        assert not ENGLISH.findall(prose), (pdf.name, ENGLISH.findall(prose)[:5])
        assert not CODE.findall(prose), (pdf.name, CODE.findall(prose)[:5])


def test_the_toolkit_and_its_version_are_in_the_metadata_not_on_the_page(demo_site: DemoSite) -> None:
    from sop_kit._version import __version__

    for pdf in _demo_pdfs(demo_site, "kasus/2026-02-cadassari-lsl6/*.pdf"):
        assert f"sop-kit {__version__}" not in text_of(pdf) and __version__ not in text_of(pdf), pdf.name
        meta = PdfReader(pdf).metadata
        assert meta is not None and str(meta["/Creator"]) == f"sop-kit {__version__}", pdf.name


def test_hashes_whole_on_one_line_and_commits_short(demo_site: DemoSite) -> None:
    (pdf,) = _demo_pdfs(demo_site, "kasus/2026-02-cadassari-lsl6/berkas-pembinaan-*.pdf")
    lines = [line for page in PdfReader(pdf).pages for line in page.extract_text().splitlines()]
    hashes = [m for line in lines for m in re.findall(r"\b[0-9a-f]{64}\b", line)]
    case = demo_site.archive / "kasus" / "2026" / "2026-02-cadassari-lsl6"
    files = [*(case / "lampiran").iterdir(), *(case / "foto").iterdir()]
    assert {hashlib.sha256(p.read_bytes()).hexdigest() for p in files} <= set(hashes)  # each whole, on its line
    assert not [line for line in lines if re.search(r"\b[0-9a-f]{20,63}$", line)]  # no hash cut at a line's end
    commits = [m for line in lines for m in re.findall(r"\b[0-9a-f]{10}\b", line)]
    assert len(commits) >= 9  # the trail's commits, short as git abbreviates them


def test_a_stopped_case_is_dated_by_its_stop_without_the_trail(tmp_path: Path) -> None:
    """Without the trail (`pdf --no-trail`, or the stop not committed yet) a withdrawn case's
    dossier was dated by its last step's end, weeks before the stop and the round-2 start it
    shows; the records' last moment now counts: a start, an end, a correction, the stop."""
    from click.testing import CliRunner

    from sop_kit.cli.main import main

    from .conftest import REPO

    records = tmp_path / "records"
    shutil.copytree(REPO / "records", records)
    case = "2026-04-gandasoli-2j7r"  # its last end 2026-04-06 (a 'tidak'), round 2 begun 2026-04-10 09:00
    stop = ["hentikan", case, "batal", "--alasan", "Keluarga pindah domisili", "--oleh", "agus-permana"]
    runner = CliRunner()
    assert runner.invoke(main, [*stop, "--tanggal", "2026-06-01", "--root", str(records)]).exit_code == 0
    out = tmp_path / "pdf"
    done = runner.invoke(main, ["pdf", str(records), "--case", case, "--out", str(out), "--no-trail"])
    assert done.exit_code == 0, done.output
    (pdf,) = out.glob(f"kasus/{case}/berkas-pembinaan-*.pdf")
    text = " ".join(text_of(pdf).split())
    assert "Disusun dari catatan per 1 Juni 2026 12:00 WIB" in text, text[:600]


def test_dates_in_words_and_the_document_dated_by_its_last_change(demo_site: DemoSite) -> None:
    (pdf,) = _demo_pdfs(demo_site, "kasus/2026-02-cadassari-lsl6/berkas-pembinaan-*.pdf")
    text = " ".join(text_of(pdf).split())
    assert "23 Februari 2026 s.d. 12 Maret 2026" in text
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", re.sub(r"\S+\.(pdf|jpe?g|png|csv|ya?ml)\b", " ", text))
    # The SK was replaced on 13 March, after the last step: the dossier is dated by that change.
    assert "Disusun dari catatan per 13 Maret 2026 10:00 WIB" in text
    meta = PdfReader(pdf).metadata
    assert meta is not None and meta.creation_date is not None
    assert (meta.creation_date.month, meta.creation_date.day) == (3, 13)


def test_a_finished_case_without_an_end_date_ends_on_its_last_completion_everywhere(
    make_archive: MakeArchive, tmp_path: Path
) -> None:
    """Nobody fills in `periode.sampai` when a case finishes (sop-kit never asks): the case page
    said "s.d. berjalan" beside "Status: selesai", the dossier "s.d. -", the case index null.
    Each now shows the day the file closed (its last completion); a case still running says so."""
    import json

    from sop_kit.site.build import SiteOptions
    from tests.conftest import site_build
    from tests.test_site import page

    root = make_archive()
    case = root / "kasus" / "2026" / BASE_ID
    identity = case / "kasus.yaml"
    identity.write_text(identity.read_text("utf-8").replace("  sampai: 2026-03-31\n", ""), "utf-8")
    out = tmp_path / "site"

    def surfaces() -> tuple[str, str, object]:
        site_build(root, SiteOptions(out=out, cache_dir=tmp_path / "cache"))
        shown = page(out, f"kasus/2026/{BASE_ID}").text
        (pdf,) = out.glob(f"pdf/kasus/{BASE_ID}/berkas-pembinaan-*.pdf")
        row = next(r for r in json.loads((out / "ekspor" / "kasus.json").read_text("utf-8"))["kasus"])
        return shown, " ".join(text_of(pdf).split()), row["sampai"]

    shown, dossier_text, end = surfaces()
    assert "2 Maret 2026 s.d. 12 Maret 2026" in shown and "2 Maret 2026 s.d. 12 Maret 2026" in dossier_text
    assert end == "2026-03-12"
    last = case / "langkah" / "07-dokumentasi.yaml"
    last.write_text(last.read_text("utf-8").replace("status: selesai", "status: berjalan").replace(
        "selesai: 2026-03-12 15:30\n", ""), "utf-8")  # fmt: skip
    shown, dossier_text, end = surfaces()
    assert "2 Maret 2026 s.d. berjalan" in shown and "2 Maret 2026 s.d. berjalan" in dossier_text
    assert end is None
