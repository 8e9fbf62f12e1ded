"""Photos prepared once (sop_kit.views.photos): one decode per content, shared by the site and the PDFs."""

from __future__ import annotations

import base64
import json
import os
import struct
import warnings
import zlib
from io import BytesIO
from pathlib import Path

import pytest
from PIL import ExifTags, Image
from PIL.JpegImagePlugin import JpegImageFile

from sop_kit.check.audit import Audit, audit
from sop_kit.check.run import CheckOptions
from sop_kit.pdf.documents import _photos
from sop_kit.records.archive import CaseFolder
from sop_kit.site.collect import CaseView, case_view
from sop_kit.site.media import MediaCache
from sop_kit.views.photos import DECODE_EDGE, FULL_EDGE, TAKEN, THUMB_EDGE, PhotoCache, PhotoRefused, prepare
from tests.conftest import BASE_ID, MakeArchive
from tests.test_site_photos import ARTIST, BLUE, GREY, RED, SERIAL, _near, exif_photo, png_claiming


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def _jpeg(size: tuple[int, int], fmt: str = "JPEG") -> bytes:
    out = BytesIO()
    Image.new("RGB", size, GREY).save(out, fmt)
    return out.getvalue()


def test_the_same_bytes_are_decoded_once_whoever_asks(tmp_path: Path) -> None:
    cache = PhotoCache(tmp_path / "foto")
    data = exif_photo((1200, 900))
    first = cache.prepared(data, "kasus-a/foto/1.jpg")
    made = _files(tmp_path / "foto")
    assert [p.name for p in made] == [f"{first.sha256}-kecil.jpg", f"{first.sha256}.jpg", f"{first.sha256}.json"]
    # Were the photo decoded again, its copy would be written again: mark the cached one.
    first.full.write_bytes(b"cached copy")
    again = cache.prepared(data, "kasus-b/foto/lain.jpg")  # another case, another name, same bytes
    assert again == first
    assert again.full.read_bytes() == b"cached copy"
    assert _files(tmp_path / "foto") == made
    other = cache.prepared(exif_photo((1100, 900)), "kasus-a/foto/2.jpg")
    assert other.sha256 != first.sha256


def test_a_date_kept_by_an_older_sop_kit_is_read_again_not_the_photo(tmp_path: Path) -> None:
    """An older sop-kit kept the camera's own clock (03:00 for a phone left on
    UTC): the date is read again in office time, and the copies are not made again."""
    exif = Image.Exif()
    exif[ExifTags.IFD.Exif] = {
        ExifTags.Base.DateTimeOriginal: "2025:11:02 03:00:00",
        ExifTags.Base.OffsetTimeOriginal: "+00:00",
    }
    out = BytesIO()
    Image.new("RGB", (640, 480), GREY).save(out, "JPEG", exif=exif)
    cache = PhotoCache(tmp_path / "foto")
    first = cache.prepared(out.getvalue(), "x.jpg")
    assert first.taken == "2025-11-02 10:00:00"
    meta = first.full.with_suffix(".json")
    old = {k: v for k, v in json.loads(meta.read_bytes()).items() if k != TAKEN}
    meta.write_text(json.dumps({**old, "taken": "2025-11-02 03:00:00"}))
    first.full.write_bytes(b"cached copy")
    again = cache.prepared(out.getvalue(), "x.jpg")
    assert again.taken == "2025-11-02 10:00:00" and again.full.read_bytes() == b"cached copy"
    assert json.loads(meta.read_bytes())[TAKEN] == "2025-11-02 10:00:00"


def test_a_copy_lost_from_the_cache_is_made_again(tmp_path: Path) -> None:
    cache = PhotoCache(tmp_path / "foto")
    data = exif_photo((800, 600))
    first = cache.prepared(data, "x.jpg")
    expected = first.thumb.read_bytes()
    first.thumb.unlink()
    assert cache.prepared(data, "x.jpg") == first
    assert first.thumb.read_bytes() == expected


def test_copies_are_upright_and_carry_no_metadata(tmp_path: Path) -> None:
    made = PhotoCache(tmp_path / "foto").prepared(exif_photo(), "01.jpg")
    assert (made.width, made.height, made.taken) == (900, 1200, "2026-01-19 09:15:30")
    assert (made.thumb_width, made.thumb_height) == (270, 360)
    for path in (made.full, made.thumb):
        raw = path.read_bytes()
        with Image.open(BytesIO(raw)) as im:
            assert isinstance(im, JpegImageFile)
            assert len(im.getexif()) == 0
            assert not {"exif", "icc_profile", "xmp", "comment"} & set(im.info)
            assert [marker for marker, _ in im.applist] == ["APP0"]
            rgb = im.convert("RGB")
            w, h = rgb.size
            assert _near(rgb.getpixel((w - 1 - w // 40, h // 40)), RED)  # stored top-left, turned clockwise
            assert _near(rgb.getpixel((w // 40, h // 40)), BLUE)
        assert SERIAL.encode() not in raw and ARTIST.encode() not in raw and b"Exif\0\0" not in raw


@pytest.mark.parametrize(
    ("size", "full"),
    [
        ((4000, 3000), (1000, 750)),  # a 12 MP phone photo: decoded at 1/4, not resized
        ((4032, 3024), (1008, 756)),
        ((2400, 1800), (1200, 900)),  # at 1/2
        ((1900, 1000), (1600, 842)),  # 1/2 would be under 1000 px: decoded whole, then fitted
        ((640, 480), (640, 480)),  # never upscaled
    ],
)
def test_jpegs_decode_at_the_smallest_scale_that_keeps_the_decode_edge(
    size: tuple[int, int], full: tuple[int, int]
) -> None:
    copies = prepare(_jpeg(size), "x.jpg")
    assert (copies.width, copies.height) == full
    assert max(copies.width, copies.height) >= min(DECODE_EDGE, max(size))
    assert max(copies.width, copies.height) <= FULL_EDGE
    assert max(copies.thumb_width, copies.thumb_height) == min(THUMB_EDGE, max(size))


def test_other_formats_are_fitted_to_the_full_edge() -> None:
    copies = prepare(_jpeg((3000, 2000), "PNG"), "x.png")
    assert (copies.width, copies.height) == (1600, 1067)


@pytest.mark.parametrize(
    "data",
    [png_claiming(60000, 60000), png_claiming(7000, 7000), png_claiming(10000, 10000)],
    ids=["far-over-pillow-limit", "over-sop-kit-limit", "over-pillow-warning-limit"],
)
def test_a_bomb_is_refused_from_its_header_without_a_warning(tmp_path: Path, data: bytes) -> None:
    cache = PhotoCache(tmp_path / "foto")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning escaping would fail the test
        with pytest.raises(PhotoRefused):
            cache.prepared(data, "bom.png")
        # The refusal is remembered, and no copy was ever written.
        with pytest.raises(PhotoRefused):
            cache.prepared(data, "bom.png")
    assert [p.suffix for p in _files(tmp_path / "foto")] == [".json"]


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def test_refused_from_the_header_before_decoding() -> None:
    # A whole PNG that opens, claiming 7000 x 7000 pixels over a few bytes of data: decoded,
    # it would fail on the missing data; it must be refused for its pixel count instead.
    bomb = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", 7000, 7000, 8, 2, 0, 0, 0))
    bomb += _chunk(b"IDAT", zlib.compress(b"\0" * 100)) + _chunk(b"IEND", b"")
    with pytest.raises(PhotoRefused, match="7000x7000 pixels"):
        prepare(bomb, "bom.png")


def _judged_base(
    make_archive: MakeArchive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Audit, CaseFolder]:
    """A fresh archive judged (no trail), photo caches under ``tmp_path``, and its base case."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = make_archive()
    judged = audit(root, CheckOptions(trail=False))
    return judged, judged.archive.read_case(root / "kasus" / "2026" / BASE_ID)


def _view(judged: Audit, case: CaseFolder) -> CaseView:
    """The base case as its site page shows it (public build, no trail)."""
    verdict = judged.report.verdict(BASE_ID)
    assert verdict is not None
    view = case_view(judged.archive, case, verdict, None, False)
    assert view is not None
    return view


def test_the_dossier_inlines_the_copy_the_site_publishes(
    make_archive: MakeArchive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    judged, case = _judged_base(make_archive, tmp_path, monkeypatch)
    archive = judged.archive
    assert case.kasus is not None
    sop = archive.sop_of(case.kasus)
    assert sop is not None
    inlined = _photos(case, sop)
    assert len(inlined) == 1
    cache = PhotoCache.at()
    source = (case.path / inlined[0].path).read_bytes()
    made = cache.prepared(source, "x")
    assert base64.b64decode(inlined[0].src.split(",", 1)[1]) == made.full.read_bytes()
    copies = list((tmp_path / "cache").rglob("*.jpg"))
    assert len(copies) == 2  # the full copy and the thumbnail, once

    media = MediaCache(tmp_path / "media", cache)
    view = _view(judged, case)
    gallery, files = media.publish_case(view)
    assert [g["full"] for g in gallery] == [f for f in files if f.endswith(".jpg") and "kecil" not in f]
    published = tmp_path / "media" / view.id / gallery[0]["full"]
    assert published.read_bytes() == made.full.read_bytes()
    assert published.stat().st_ino == made.full.stat().st_ino  # a link to the cached copy, not a new one
    assert len(list((tmp_path / "cache").rglob("*.jpg"))) == 2


def test_taken_is_read_before_stripping() -> None:
    exif = Image.Exif()
    exif[ExifTags.IFD.Exif] = {ExifTags.Base.DateTimeOriginal: "2025:05:01 09:30:00"}
    out = BytesIO()
    Image.new("RGB", (64, 48)).save(out, "JPEG", exif=exif)
    assert prepare(out.getvalue(), "x.jpg").taken == "2025-05-01 09:30:00"


def test_a_multi_picture_jpeg_decodes_at_reduced_scale_too() -> None:
    out = BytesIO()
    frame = Image.new("RGB", (4000, 3000), GREY)
    frame.save(out, "MPO", save_all=True, append_images=[frame])  # as some phones write their shots
    copies = prepare(out.getvalue(), "x.jpg")
    assert (copies.width, copies.height) == (1000, 750)


def test_a_case_s_copies_are_made_again_only_when_their_source_changed(
    make_archive: MakeArchive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What a case's copies were made from is kept in a file of the case's own: read back, it
    # spares the copies; damaged, or a source changed, the copies are made again.
    judged, case = _judged_base(make_archive, tmp_path, monkeypatch)
    view = _view(judged, case)
    media = MediaCache(tmp_path / "media", PhotoCache.at())
    first = media.publish_case(view)
    stamps = tmp_path / "media.stamps" / f"{view.id}.json"
    assert stamps.is_file()
    copies = {p.name: p.stat().st_ino for p in (tmp_path / "media" / view.id).iterdir()}
    assert any(name.endswith(".pdf") for name in copies)

    def inodes() -> dict[str, int]:
        return {p.name: p.stat().st_ino for p in (tmp_path / "media" / view.id).iterdir()}

    assert media.publish_case(view) == first and inodes() == copies  # nothing made again
    stamps.write_text('{"x": 1, "' + next(iter(json.loads(stamps.read_text()))) + '": [1]}')
    assert media.publish_case(view) == first  # a damaged stamp is not trusted, nor fatal
    remade = inodes()
    assert all(remade[name] != copies[name] for name in copies if name.endswith(".pdf"))
    pdf = next(a for a in view.attachments if a.published and a.published.endswith(".pdf"))
    name = pdf.published or ""
    os.utime(case.path / pdf.source, ns=(1, 1))  # the source changed (its modification time)
    media.publish_case(view)
    again = inodes()
    assert again[name] != remade[name]
    assert all(again[n] == remade[n] for n in remade if n != name)
    # Rewritten in place with its size and modification time put back: the change time says so.
    source = case.path / pdf.source
    before = source.stat()
    with source.open("r+b") as fh:
        fh.write(fh.read(1))
    os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns))
    media.publish_case(view)
    assert inodes()[name] != again[name]
