"""Attachments of realistic size for the benchmark: phone photos and multi-page office scans.

Every file is drawn from its own seed, so no two files share content (no cache can exploit
repetition), and the same seed always gives the same bytes (with the same Pillow):

* :func:`phone_photo` — a 12-megapixel JPEG as a phone camera writes it: 4000 x 3000 pixels
  (at ``scale`` 1), 2-4 MB, sensor noise, EXIF with make and model, DateTimeOriginal and its
  offset, sometimes GPS, and for portrait shots orientation 6 (stored sideways, as phones do).
* :func:`scanned_pdf` — a grey-scale scan of several A4 pages at 150 dpi (at ``scale`` 1),
  JPEG-compressed inside the PDF as office scanners do: about 200 KB to 2 MB.

Drawing text is what costs (Pillow measures every word to wrap a line): a scan's first page
is drawn for it, its further pages are taken from a few dozen continuation pages drawn once
per process (from fixed seeds, so the bytes do not depend on which process drew them).

The pictures start from the demo's drawings (``sop_kit.demo.sample``), drawn small, then
enlarged and given noise: drawing at full size would cost ten times as long.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from functools import cache
from io import BytesIO

from PIL import ExifTags, Image, ImageChops, ImageDraw
from PIL.TiffImagePlugin import IFDRational

from bench.notes import continuation_lines
from sop_kit.demo.sample import _font, _page, _scene, gps_ifd

PHOTO = (4000, 3000)  # 12 MP, the common phone sensor
PAGE_150 = (1240, 1754)  # A4 at 150 dpi
WIB = timedelta(hours=7)
PHONES = (
    ("samsung", "SM-A155F"),
    ("samsung", "SM-A546E"),
    ("Xiaomi", "Redmi Note 13"),
    ("OPPO", "CPH2591"),
    ("vivo", "V2333"),
    ("realme", "RMX3834"),
)


def _noise(rng: random.Random, size: tuple[int, int], amplitude: int) -> Image.Image:
    """Uniform grey noise in 0..2*amplitude (seeded: Pillow's own noise is not)."""
    w, h = size
    step = 256 // (2 * amplitude + 1) + 1
    return Image.frombytes("L", size, rng.randbytes(w * h)).point(lambda v: v // step)


def _photo_exif(rng: random.Random, taken: datetime, gps: tuple[float, float] | None, portrait: bool) -> Image.Exif:
    stamp = f"{taken:%Y:%m:%d %H:%M:%S}"
    make, model = rng.choice(PHONES)
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = make
    exif[ExifTags.Base.Model] = model
    exif[ExifTags.Base.Orientation] = 6 if portrait else 1
    exif[ExifTags.Base.DateTime] = stamp
    exif[ExifTags.Base.Software] = f"{model}_{rng.randint(10, 14)}.{rng.randint(0, 9)}"
    exif[ExifTags.IFD.Exif] = {
        ExifTags.Base.DateTimeOriginal: stamp,
        ExifTags.Base.DateTimeDigitized: stamp,
        ExifTags.Base.OffsetTimeOriginal: "+07:00",
        ExifTags.Base.ExposureTime: IFDRational(1, rng.choice((60, 100, 120, 250, 500))),
        ExifTags.Base.FNumber: IFDRational(rng.choice((18, 20, 22)), 10),
        ExifTags.Base.ISOSpeedRatings: rng.choice((50, 100, 200, 400, 800)),
        ExifTags.Base.BodySerialNumber: f"R{rng.getrandbits(40):010X}",
    }
    if gps is not None:
        exif[ExifTags.IFD.GPSInfo] = gps_ifd(taken, gps)
    return exif


def phone_photo(
    seed: int, taken: datetime, gps: tuple[float, float] | None, portrait: bool = False, scale: float = 1.0
) -> bytes:
    """A phone's JPEG of a coaching session (see the module's docstring)."""
    rng = random.Random(seed)
    w, h = max(8, round(PHOTO[0] * scale)), max(8, round(PHOTO[1] * scale))
    shown = (h, w) if portrait else (w, h)  # as the camera was held
    grow = max(1.0, 240 / min(shown[0] // 4, shown[1] // 4, 240) if min(shown) >= 4 else 60.0)
    im = _scene(rng, (round(shown[0] // 4 * grow), round(shown[1] // 4 * grow)))  # drawn at 1/4, never tiny
    d = ImageDraw.Draw(im)
    d.text((8, im.height - 20), f"{taken:%d/%m/%Y %H:%M}", fill=(255, 228, 120), font=_font(13))
    im = im.resize(shown, Image.Resampling.BILINEAR)
    # Sensor noise: per-pixel luma noise and coarser chroma blotches, varied per photo, so
    # that the JPEG lands between 2 and 4 MB at 12 MP as phone photos do.
    amplitude = rng.randint(7, 10)
    luma = _noise(rng, shown, amplitude)
    chroma = Image.merge("RGB", [_noise(rng, (shown[0] // 2, shown[1] // 2), 6) for _ in range(3)])
    im = ImageChops.add(im, Image.merge("RGB", (luma, luma, luma)), 1, -amplitude)
    im = ImageChops.add(im, chroma.resize(shown, Image.Resampling.BILINEAR), 1, -6)
    if portrait:
        im = im.transpose(Image.Transpose.ROTATE_90)  # stored sideways; orientation 6 turns it back
    out = BytesIO()
    im.save(out, "JPEG", quality=rng.randint(86, 92), exif=_photo_exif(rng, taken, gps, portrait))
    return out.getvalue()


LAYERS = 32  # continuation pages drawn once per process, then reused under fresh noise


@cache
def _continuation(k: int) -> Image.Image:
    """Continuation page ``k`` (100 dpi): office text, drawn once per process from seed ``k``."""
    rng = random.Random(f"halaman-{k}")
    return _page("", continuation_lines(rng), rng, (), (), None)


def scanned_pdf(
    seed: int,
    title: str,
    first: list[str],
    pages: int,
    kop: list[str],
    signer: list[str],
    created: datetime,
    scale: float = 1.0,
) -> bytes:
    """A scan of ``pages`` pages (see the module's docstring): the first with the letterhead,
    ``title``, ``first`` (its lines) and the signature block, drawn for this document; the
    others are continuation pages of office text. Every page gets its own shift, paper tone
    and scanner noise, so no two scans share a byte pattern."""
    rng = random.Random(seed)
    size = (max(16, round(PAGE_150[0] * scale)), max(16, round(PAGE_150[1] * scale)))
    drawn = [_page(title, first, rng, kop, signer, None)]
    drawn += [_continuation(rng.randrange(LAYERS)) for _ in range(pages - 1)]
    out_pages = []
    for page in drawn:
        shifted = ImageChops.offset(page, rng.randint(-12, 12), rng.randint(-12, 12))
        page = shifted.resize(size, Image.Resampling.BILINEAR)
        tone = rng.randint(10, 22)  # paper grey and scanner noise differ from page to page
        out_pages.append(ImageChops.subtract(page, _noise(rng, size, tone), 1, 0))
    stamp = (created - WIB).timetuple()
    out = BytesIO()
    out_pages[0].save(
        out,
        "PDF",
        save_all=True,
        append_images=out_pages[1:],
        resolution=150.0 * scale,
        quality=rng.randint(50, 75),
        title=title,
        producer="sop-kit benchmark scan",
        creationDate=stamp,
        modDate=stamp,
    )
    return out.getvalue()
