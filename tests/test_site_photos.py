"""Publishing photos on the public site: turned upright, downscaled, every piece of metadata gone."""

from __future__ import annotations

import struct
import zlib
from io import BytesIO
from pathlib import Path

import pytest
from PIL import ExifTags, Image, ImageCms, ImageDraw
from PIL.JpegImagePlugin import JpegImageFile
from PIL.TiffImagePlugin import IFDRational

from sop_kit.site.photos import photo_taken, publish_photo

SERIAL = "SN-4F2A99C1"
ARTIST = "Ujang Sopandi"
CAPTION = "Rumah keluarga Siti Nurjanah"
COMMENT = "difoto oleh pendamping"
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="kamera"/></rdf:RDF></x:xmpmeta>'
)
RED, BLUE, GREY = (220, 30, 30), (30, 30, 220), (128, 128, 128)


def _with_thumbnail(exif_block: bytes, thumbnail: bytes) -> bytes:
    """Add IFD1 (the embedded thumbnail cameras write) to Pillow's EXIF block, which has none."""
    assert exif_block.startswith(b"Exif\0\0")
    tiff = bytearray(exif_block[6:])
    order = "<" if tiff[:2] == b"II" else ">"
    ifd0 = struct.unpack_from(order + "I", tiff, 4)[0]
    count = struct.unpack_from(order + "H", tiff, ifd0)[0]
    if len(tiff) % 2:
        tiff += b"\0"
    ifd1 = len(tiff)
    struct.pack_into(order + "I", tiff, ifd0 + 2 + 12 * count, ifd1)  # IFD0's "next IFD" pointer
    data_at = ifd1 + 2 + 2 * 12 + 4
    tiff += struct.pack(order + "H", 2)
    tiff += struct.pack(order + "HHII", 0x0201, 4, 1, data_at)  # JPEGInterchangeFormat
    tiff += struct.pack(order + "HHII", 0x0202, 4, 1, len(thumbnail))  # ...Length
    tiff += struct.pack(order + "I", 0) + thumbnail
    return b"Exif\0\0" + bytes(tiff)


def exif_photo(size: tuple[int, int] = (2400, 1800), *, original: bool = True) -> bytes:
    """A camera JPEG stored sideways (orientation 6) with GPS, serial, author, caption, date,
    an embedded thumbnail, XMP, an ICC profile and a comment. A red block marks the stored
    top-left corner, a blue one the stored bottom-left."""
    w, h = size
    im = Image.new("RGB", size, GREY)
    d = ImageDraw.Draw(im)
    d.rectangle((0, 0, w // 12, h // 9), fill=RED)
    d.rectangle((0, h - h // 9, w // 12, h - 1), fill=BLUE)
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Artist] = ARTIST
    exif[ExifTags.Base.ImageDescription] = CAPTION
    exif[ExifTags.Base.DateTime] = "2026:01:20 10:00:00"
    sub: dict[int, object] = {ExifTags.Base.BodySerialNumber: SERIAL}
    if original:
        sub[ExifTags.Base.DateTimeOriginal] = "2026:01:19 09:15:30"
    exif[ExifTags.IFD.Exif] = sub
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "S",
        ExifTags.GPS.GPSLatitude: (IFDRational(6), IFDRational(33), IFDRational(1234, 100)),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (IFDRational(107), IFDRational(26), IFDRational(5678, 100)),
    }
    small = BytesIO()
    im.resize((160, 120)).save(small, "JPEG")
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    out = BytesIO()
    block = _with_thumbnail(exif.tobytes(), small.getvalue())
    im.save(out, "JPEG", quality=90, exif=block, xmp=XMP, icc_profile=icc, comment=COMMENT)
    return out.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """Only a PNG header: decoding it would allocate width x height pixels."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk + struct.pack(">I", zlib.crc32(chunk))


def _near(pixel: object, colour: tuple[int, int, int]) -> bool:
    assert isinstance(pixel, tuple)
    return all(abs(a - b) < 40 for a, b in zip(pixel, colour, strict=True))


def test_the_fixture_really_carries_the_metadata() -> None:
    with Image.open(BytesIO(exif_photo())) as im:
        exif = im.getexif()
        assert exif.get_ifd(ExifTags.IFD.GPSInfo)
        assert exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] == SERIAL
        assert 0x0201 in exif.get_ifd(ExifTags.IFD.IFD1)
        assert {"icc_profile", "xmp", "comment"} <= set(im.info)


def test_published_copy_is_upright_small_and_carries_no_metadata(tmp_path: Path) -> None:
    data = exif_photo()
    photo = publish_photo(data, tmp_path / "foto", "01-sosialisasi")

    assert (photo.full, photo.thumb) == ("01-sosialisasi.jpg", "01-sosialisasi-kecil.jpg")
    # Stored 2400x1800 landscape: decoded at half scale (the smallest keeping 1000 px), then turned.
    assert (photo.width, photo.height) == (900, 1200)
    assert photo.taken == "2026-01-19 09:15:30"
    for name, edge in ((photo.full, 1200), (photo.thumb, 360)):
        raw = (tmp_path / "foto" / name).read_bytes()
        with Image.open(BytesIO(raw)) as im:
            assert isinstance(im, JpegImageFile) and max(im.size) == edge
            assert len(im.getexif()) == 0
            assert not {"exif", "icc_profile", "xmp", "comment", "progressive"} & set(im.info)
            assert [marker for marker, _ in im.applist] == ["APP0"]  # JFIF only
            rgb = im.convert("RGB")
            w, h = rgb.size
            # Orientation 6 turns the picture clockwise: stored top-left ends top-right.
            assert _near(rgb.getpixel((w - 1 - w // 40, h // 40)), RED)
            assert _near(rgb.getpixel((w // 40, h // 40)), BLUE)
            assert _near(rgb.getpixel((w // 40, h - 1 - h // 40)), GREY)
        for secret in (b"Exif\0\0", b"http://ns.adobe.com/xap", b"ICC_PROFILE", SERIAL.encode(), ARTIST.encode()):
            assert secret not in raw
        assert CAPTION.encode() not in raw and COMMENT.encode() not in raw
    assert sorted(p.name for p in (tmp_path / "foto").iterdir()) == [photo.thumb, photo.full]  # no temp files left


def test_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    data = exif_photo((900, 700))
    first = publish_photo(data, tmp_path / "a", "foto")
    second = publish_photo(data, tmp_path / "b", "foto")
    assert first == second
    for name in (first.full, first.thumb):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_small_photos_are_not_upscaled(tmp_path: Path) -> None:
    out = BytesIO()
    Image.new("RGB", (200, 120), GREY).save(out, "PNG")
    photo = publish_photo(out.getvalue(), tmp_path, "kecil")
    assert (photo.width, photo.height, photo.taken) == (200, 120, None)
    with Image.open(tmp_path / photo.thumb) as im:
        assert im.size == (200, 120)


def test_transparency_becomes_white_not_black(tmp_path: Path) -> None:
    out = BytesIO()
    Image.new("RGBA", (50, 50), (0, 0, 0, 0)).save(out, "PNG")
    photo = publish_photo(out.getvalue(), tmp_path, "logo")
    with Image.open(tmp_path / photo.full) as im:
        assert _near(im.convert("RGB").getpixel((25, 25)), (255, 255, 255))


def test_taken_falls_back_to_datetime_and_ignores_blank_dates() -> None:
    assert photo_taken(exif_photo((300, 200), original=False)) == "2026-01-20 10:00:00"
    exif = Image.Exif()
    exif[ExifTags.Base.DateTime] = "0000:00:00 00:00:00"
    out = BytesIO()
    Image.new("RGB", (10, 10)).save(out, "JPEG", exif=exif)
    assert photo_taken(out.getvalue()) is None
    assert photo_taken(b"not an image") is None


@pytest.mark.parametrize(
    "data",
    [b"\xff\xd8\xff\xe0 not really a jpeg", png_claiming(60000, 60000), exif_photo((600, 400))[:2000]],
    ids=["garbage", "bomb", "truncated"],
)
def test_refuses_what_cannot_be_decoded_safely(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(ValueError):
        publish_photo(data, tmp_path / "foto", "x")
    assert not (tmp_path / "foto").exists()  # refused before anything is written


def test_refuses_a_stem_that_is_a_path(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        publish_photo(exif_photo((60, 40)), tmp_path, "../keluar")
