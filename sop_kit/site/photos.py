"""Photos on the public site: upright, downscaled, and re-encoded with no metadata at all.

Field photos carry GPS coordinates of a family's home, the phone's serial number and often
the officer's name in their EXIF and XMP. The published copy is a fresh JPEG built from the
pixels alone, so none of that can come along; only the time it was taken is kept, read
before stripping, for the caption.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from pathlib import Path

from PIL import ExifTags, Image, ImageCms, ImageOps

from ..pdf.fetch import check_image

FULL_EDGE = 1600  # long edge of the copy shown on a case page
THUMB_EDGE = 360  # long edge of the thumbnail in photo grids
QUALITY = 82
THUMB_SUFFIX = "-kecil"


@dataclass(frozen=True)
class PublishedPhoto:
    full: str  # file name written in dest
    thumb: str
    width: int  # of the full copy
    height: int
    taken: str | None  # "YYYY-MM-DD HH:MM:SS" from EXIF, local time as the camera wrote it


def _stamp(value: object) -> str | None:
    # EXIF writes "YYYY:MM:DD HH:MM:SS"; cameras without a clock write zeros or blanks.
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    if not isinstance(value, str):
        return None
    try:
        when = datetime.strptime(value.strip("\0 "), "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    return f"{when:%Y-%m-%d %H:%M:%S}"


def photo_taken(data: bytes) -> str | None:
    """When the photo was taken: EXIF DateTimeOriginal, else DateTime; None if neither is usable."""
    try:
        with Image.open(BytesIO(data)) as im:
            exif = im.getexif()
            original = exif.get_ifd(ExifTags.IFD.Exif).get(ExifTags.Base.DateTimeOriginal)
    except Exception:  # Pillow raises many kinds on broken files; a missing date is the answer
        return None
    return _stamp(original) or _stamp(exif.get(ExifTags.Base.DateTime))


def _to_srgb(im: Image.Image) -> Image.Image:
    """The pixels in sRGB: the ICC profile is dropped, so colours must not depend on it."""
    icc = im.info.get("icc_profile")
    if not icc or im.mode not in ("RGB", "CMYK"):
        return im.convert("RGB")
    try:
        source = ImageCms.ImageCmsProfile(BytesIO(icc))
        converted = ImageCms.profileToProfile(im, source, ImageCms.createProfile("sRGB"), outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, ValueError):
        return im.convert("RGB")  # a broken profile: keep the pixels as they are
    assert converted is not None  # inPlace=False always returns the new image
    return converted


def _pixels_only(im: Image.Image) -> Image.Image:
    """A new RGB image holding only the pixels: its ``info`` is empty, so no metadata can be saved."""
    clean = Image.new("RGB", im.size, "white")
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        rgba = im.convert("RGBA")
        clean.paste(rgba, mask=rgba.getchannel("A"))  # transparency on white, not on black
    else:
        clean.paste(_to_srgb(im))
    return clean


def _fit(im: Image.Image, edge: int) -> Image.Image:
    scale = edge / max(im.size)
    if scale >= 1:
        return im  # never upscale
    size = (max(1, round(im.width * scale)), max(1, round(im.height * scale)))
    # reducing_gap: a cheap box reduction first, then Lanczos over the last factor of two or
    # three; indistinguishable at these sizes and several times faster on a phone photo.
    return im.resize(size, Image.Resampling.LANCZOS, reducing_gap=2.0)


def _jpeg(im: Image.Image) -> bytes:
    out = BytesIO()
    # Baseline, fixed settings and no clock: the same pixels always give the same bytes.
    im.save(out, "JPEG", quality=QUALITY, optimize=True, progressive=False)
    return out.getvalue()


def _write(path: Path, data: bytes) -> None:
    """Through a temporary file and a rename: a reader (or a crashed build) never sees half a photo."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def publish_photo(data: bytes, dest: Path, stem: str) -> PublishedPhoto:
    """Write ``{stem}.jpg`` and ``{stem}-kecil.jpg`` in ``dest``: upright, at most 1600 and 360 px
    on the long edge, with no EXIF, XMP, ICC profile or comment.

    Raises ValueError for data that is not an image, or one too large to decode safely.
    """
    if not stem or Path(stem).name != stem or stem in (".", ".."):
        raise ValueError(f"{stem!r}: not a plain file name")
    check_image(data, stem)
    taken = photo_taken(data)
    try:
        with Image.open(BytesIO(data)) as im:
            # A JPEG decodes at 1/2, 1/4 or 1/8 scale where that still covers the largest copy:
            # a 12-megapixel phone photo costs a fraction of a full decode.
            im.draft("RGB", (FULL_EDGE, FULL_EDGE))
            im.load()
            upright = ImageOps.exif_transpose(im)  # a copy turned as the camera meant it
            if upright.mode in ("1", "P", "LA", "PA"):
                upright = upright.convert("RGBA")  # resized smoothly, then laid on white
            full = _pixels_only(_fit(upright, FULL_EDGE))
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ValueError(f"{stem}: cannot decode the image ({exc})") from None
    thumb = _fit(full, THUMB_EDGE)
    dest.mkdir(parents=True, exist_ok=True)
    names = (f"{stem}.jpg", f"{stem}{THUMB_SUFFIX}.jpg")
    _write(dest / names[0], _jpeg(full))
    _write(dest / names[1], _jpeg(thumb))
    return PublishedPhoto(names[0], names[1], full.width, full.height, taken)
