"""PDFs rendered for real by WeasyPrint and read back: content, PDF/A, safety, incrementality."""

from __future__ import annotations

import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from sop_kit.check.audit import audit
from sop_kit.check.run import CheckOptions
from sop_kit.pdf.build import PdfOptions, render_documents
from sop_kit.pdf.render import RenderReport

from .conftest import BASE_ID, MakeArchive


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
