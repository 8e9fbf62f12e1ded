"""Photos checked against their step: the EXIF date within the step's time, the GPS places
of one step's photos close together."""

from __future__ import annotations

import hashlib
import html
import re
from datetime import datetime
from pathlib import Path

from PIL import ExifTags, Image
from pypdf import PdfReader

from sop_kit.check.audit import audit
from sop_kit.check.photos import distance_km, read_taken
from sop_kit.check.rules import check_case
from sop_kit.check.run import CheckOptions
from sop_kit.demo.sample import photo_jpeg
from sop_kit.pdf.build import PdfOptions, render_documents
from sop_kit.records.archive import open_archive
from sop_kit.records.fieldtypes import WIB
from sop_kit.site.build import SiteOptions

from .conftest import BASE_ID, build_archive, site_build

CIBENING = (-6.5500, 107.4300)


def photographed(tmp_path: Path, *shots: tuple[str, datetime, tuple[float, float]]) -> list[tuple[str, str]]:
    """The base case with step 7's photo replaced by ``shots``; (code, photo) of the photo findings."""
    root = build_archive(tmp_path / "arsip")
    case = root / "kasus" / "2026" / BASE_ID
    (case / "foto" / "07-pembinaan-1.jpg").unlink()
    entries = []
    for i, (name, taken, gps) in enumerate(shots):
        path = case / "foto" / name
        photo_jpeg(path, taken, gps, "Pembinaan (data fiktif)", i)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        entries.append(f'  - jenis: foto\n    berkas: foto/{name}\n    sha256: "{digest}"\n')
    step = case / "langkah" / "07-dokumentasi.yaml"
    text = step.read_text("utf-8")
    head = text[: text.index("dokumen:")]
    step.write_text(head + "dokumen:\n" + "".join(entries), "utf-8")
    archive = open_archive(root)
    found = check_case(archive, archive.read_case(case)).findings
    return [
        (f.code, f.params.get("path") or f"{f.params['a']}+{f.params['b']}")
        for f in found
        if f.code.startswith("photo.")
    ]


def wib(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=WIB)


def test_photos_taken_during_the_coaching_they_document_pass(tmp_path: Path) -> None:
    # Step 6 (the coaching) ran 2026-03-12 08:00-15:00, step 7 (its documentation) 15:00-15:30.
    assert photographed(
        tmp_path, ("07-a.jpg", wib("2026-03-12 08:40"), CIBENING), ("07-b.jpg", wib("2026-03-12 17:10"), CIBENING)
    ) == []  # fmt: skip


def test_a_photo_from_another_day_is_warned_with_both_dates(tmp_path: Path) -> None:
    root_findings = photographed(tmp_path, ("07-lama.jpg", wib("2025-11-02 10:00"), CIBENING))
    assert root_findings == [("photo.outside_step", "foto/07-lama.jpg")]
    archive = open_archive(tmp_path / "arsip")
    case = archive.read_case(tmp_path / "arsip" / "kasus" / "2026" / BASE_ID)
    (finding,) = [f for f in check_case(archive, case).findings if f.code == "photo.outside_step"]
    message = finding.message("id")
    assert "2025-11-02 10:00" in message and "2026-03-12 08:00" in message and "2026-03-12 15:30" in message
    assert finding.severity.value == "warning" and finding.line is not None


def test_a_camera_on_utc_is_read_in_its_own_offset(tmp_path: Path) -> None:
    path = tmp_path / "utc.jpg"
    photo_jpeg(path, wib("2026-03-12 10:00"), CIBENING, "x", 1)  # written with OffsetTimeOriginal +07:00
    assert read_taken(str(path)).when == datetime(2026, 3, 12, 10, 0)
    where = read_taken(str(path)).where
    assert where is not None and distance_km(where, CIBENING) < 0.01
    (tmp_path / "bukan-foto.jpg").write_bytes(b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00MM\x00*garbage")
    assert read_taken(str(tmp_path / "bukan-foto.jpg")).when is None  # a broken file: nothing, no crash


def test_photos_of_one_step_far_apart_get_a_note(tmp_path: Path) -> None:
    far = (-6.6200, 107.4300)  # about 7.8 km south
    assert photographed(
        tmp_path, ("07-a.jpg", wib("2026-03-12 09:00"), CIBENING), ("07-b.jpg", wib("2026-03-12 10:00"), far)
    ) == [("photo.far_apart", "foto/07-a.jpg+foto/07-b.jpg")]  # fmt: skip


def test_a_photos_time_is_the_same_in_the_warning_on_the_case_page_and_in_the_dossier(tmp_path: Path) -> None:
    """A phone left on UTC writes 03:00 for 10:00 in the office, with its offset. The check
    judged 10:00 WIB while the case page and the dossier printed the camera's own 03:00."""
    photographed(tmp_path, ("07-lama.jpg", wib("2025-11-02 10:00"), CIBENING))
    root = tmp_path / "arsip"
    photo = root / "kasus" / "2026" / BASE_ID / "foto" / "07-lama.jpg"
    exif = Image.Exif()
    exif[ExifTags.IFD.Exif] = {
        ExifTags.Base.DateTimeOriginal: "2025:11:02 03:00:00",
        ExifTags.Base.OffsetTimeOriginal: "+00:00",
    }
    with Image.open(photo) as im:
        im.save(photo, "JPEG", exif=exif)
    step = root / "kasus" / "2026" / BASE_ID / "langkah" / "07-dokumentasi.yaml"
    text = step.read_text("utf-8")
    digest = hashlib.sha256(photo.read_bytes()).hexdigest()
    step.write_text(re.sub(r'sha256: "[0-9a-f]+"', f'sha256: "{digest}"', text), "utf-8")

    judged = audit(root, CheckOptions(trail=False, use_cache=False))
    (warning,) = [f for f in judged.report.findings if f.code == "photo.outside_step"]
    assert "2025-11-02 10:00" in warning.message("id")
    site_build(root, SiteOptions(out=tmp_path / "situs", cache_dir=tmp_path / "cache", pdf=False))
    page = html.unescape(next((tmp_path / "situs").glob(f"kasus/*/{BASE_ID}/index.html")).read_text("utf-8"))
    shown = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    render_documents(judged, PdfOptions(tmp_path / "pdf", None, BASE_ID, 1))
    dossier = next((tmp_path / "pdf").glob(f"kasus/{BASE_ID}/berkas-pembinaan-*.pdf"))
    printed = re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in PdfReader(dossier).pages))
    for surface in (shown, printed):
        assert "2 November 2025 10:00" in surface and "2 November 2025 03:00" not in surface
