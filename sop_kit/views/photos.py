"""Photos prepared once: upright, downscaled, re-encoded with no metadata, cached by content.

Field photos carry GPS coordinates of a family's home, the phone's serial number and often
the officer's name in their EXIF and XMP. Every copy sop-kit publishes (the case page's
photo and thumbnail on the site, the photos inlined in the dossier PDF) is a fresh JPEG
built from the pixels alone, so none of that can come along; only the time the photo was
taken is kept, read before stripping, for the caption.

A 12-megapixel phone photo is never decoded at full size. Before anything is decoded, the
header alone is judged (:func:`sop_kit.check.files.header_refusal`: too many pixels is a
decompression bomb, refused). A JPEG is then decoded by libjpeg at the smallest scale of
1/2, 1/4 or 1/8 whose long edge still reaches ``DECODE_EDGE`` (a 4000 x 3000 photo decodes
as 1000 x 750: most of the cost that remains is libjpeg reading the compressed data), and
only resized when the decoded size still exceeds ``FULL_EDGE``. The full copy and the
thumbnail come from that one decode.

:class:`PhotoCache` keeps the copies outside the archive, under the SHA-256 of the original
file's bytes: a photo is decoded once, whichever build, case or document asks for it, and
whether the site or a PDF asks first. A refusal is kept too, so a broken file is not
decoded again on every build.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import warnings
from dataclasses import asdict, dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

import PIL
from PIL import ExifTags, Image, ImageCms, ImageOps
from PIL.JpegImagePlugin import JpegImageFile

from ..check.files import header_refusal
from ..check.photos import exif_time
from ..core.cache import cache_base

FULL_EDGE = 1600  # the most a published copy's long edge may be
DECODE_EDGE = 1000  # a JPEG decodes at the smallest scale whose long edge is at least this
THUMB_EDGE = 360  # long edge of the thumbnail in photo grids
THUMB_SUFFIX = "-kecil"  # a thumbnail's name: the photo's, with this before its ending
QUALITY = 82
# A prepared photo's date in the cache, under the name of how it was read (exif_time).
TAKEN = "taken_wib"
_RECIPE = f"2|{FULL_EDGE}|{DECODE_EDGE}|{THUMB_EDGE}|{QUALITY}|{PIL.__version__}"


class PhotoRefused(ValueError):
    """The data is not an image, too large to decode safely, or cannot be decoded."""


@dataclass(frozen=True)
class Copies:
    """A photo's published copies, as JPEG bytes."""

    full: bytes
    thumb: bytes
    width: int  # of the full copy, upright
    height: int
    thumb_width: int
    thumb_height: int
    taken: str | None  # "YYYY-MM-DD HH:MM:SS" from EXIF, in office time (check.photos.exif_time)


@dataclass(frozen=True)
class Prepared:
    """A photo's copies in the cache: files that are never written in place once there."""

    sha256: str
    full: Path
    thumb: Path
    width: int
    height: int
    thumb_width: int
    thumb_height: int
    taken: str | None


def _taken(exif: Image.Exif) -> str | None:
    when = exif_time(exif)
    return f"{when:%Y-%m-%d %H:%M:%S}" if when else None


def photo_taken(data: bytes) -> str | None:
    """When the photo was taken, "YYYY-MM-DD HH:MM:SS" in office time (:func:`exif_time`), or None."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a broken EXIF block just means no date
            with Image.open(BytesIO(data)) as im:
                return _taken(im.getexif())
    except Exception:  # Pillow raises many kinds on broken files; a missing date is the answer
        return None


def _to_srgb(im: Image.Image) -> Image.Image:
    """The pixels in sRGB: the ICC profile is dropped, so colours must not depend on it."""
    icc = im.info.get("icc_profile")
    if not icc or im.mode not in ("RGB", "CMYK"):
        return im if im.mode == "RGB" else im.convert("RGB")
    try:
        source = ImageCms.ImageCmsProfile(BytesIO(icc))
        converted = ImageCms.profileToProfile(im, source, ImageCms.createProfile("sRGB"), outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, ValueError):
        return im.convert("RGB")  # a broken profile: keep the pixels as they are
    assert converted is not None  # inPlace=False always returns the new image
    return converted


def _pixels_only(im: Image.Image) -> Image.Image:
    """An RGB image holding only the pixels: its ``info`` is empty, so no metadata can be saved.

    ``im`` is given away: an RGB image with no profile is emptied in place, not copied."""
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        rgba = im.convert("RGBA")
        clean = Image.new("RGB", im.size, "white")
        clean.paste(rgba, mask=rgba.getchannel("A"))  # transparency on white, not on black
        return clean
    clean = _to_srgb(im)
    clean.info = {}
    return clean


def _fit(im: Image.Image, edge: int, thumb: bool = False) -> Image.Image:
    scale = edge / max(im.size)
    if scale >= 1:
        return im  # never upscale
    size = (max(1, round(im.width * scale)), max(1, round(im.height * scale)))
    if thumb:
        # A thumbnail is an average over areas (box): as sharp as a grid needs, at half the
        # cost of Lanczos.
        return im.resize(size, Image.Resampling.BOX)
    # reducing_gap: a cheap box reduction by a whole factor first, then Lanczos over the rest.
    return im.resize(size, Image.Resampling.LANCZOS, reducing_gap=2.0)


def _jpeg(im: Image.Image, optimize: bool) -> bytes:
    out = BytesIO()
    # Baseline, fixed settings and no clock: the same pixels always give the same bytes.
    # Optimised Huffman tables make a file about a tenth smaller and cost about as much time
    # as the thumbnail: worth it for the thumbnails every grid loads, not for the full copy.
    im.save(out, "JPEG", quality=QUALITY, optimize=optimize, progressive=False)
    return out.getvalue()


def _draft_size(size: tuple[int, int]) -> tuple[int, int]:
    """The size to ask libjpeg for: the smallest 1/2, 1/4 or 1/8 scale keeping DECODE_EDGE."""
    long_edge = max(size)
    for scale in (8, 4, 2):
        if long_edge // scale >= DECODE_EDGE:
            return size[0] // scale, size[1] // scale
    return size


def prepare(data: bytes, name: str) -> Copies:
    """Decode ``data`` once and make its copies: upright, at most ``FULL_EDGE`` and
    ``THUMB_EDGE`` pixels on the long edge, with no EXIF, XMP, ICC profile or comment.

    Raises :class:`PhotoRefused` for data that is not an image, one too large to decode
    safely (judged from its header, before any decoding) or one that cannot be decoded.
    Pillow's warnings never reach the terminal: a decompression-bomb warning is a refusal.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # corrupt EXIF and the like: the pixels are what count
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        refusal = header_refusal(data, name)
        if refusal is not None:
            raise PhotoRefused(refusal[1])
        try:
            with Image.open(BytesIO(data)) as im:
                exif = im.getexif()
                taken = _taken(exif)
                if isinstance(im, JpegImageFile):  # MPO too, as some phones write
                    im.draft("RGB", _draft_size(im.size))
                im.load()
                upright = ImageOps.exif_transpose(im) if exif.get(ExifTags.Base.Orientation, 1) != 1 else im
                if upright.mode in ("1", "P", "LA", "PA"):
                    upright = upright.convert("RGBA")  # resized smoothly, then laid on white
                full = _pixels_only(_fit(upright, FULL_EDGE))
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise PhotoRefused(f"{name}: cannot decode the image ({exc})") from None
    thumb = _fit(full, THUMB_EDGE, thumb=True)
    return Copies(_jpeg(full, False), _jpeg(thumb, True), full.width, full.height, thumb.width, thumb.height, taken)


def write_atomic(path: Path, data: bytes) -> None:
    """Through a temporary file and a rename: a reader (or a crashed build) never sees half a file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class PhotoCache:
    """Prepared photos under ``folder``, by the SHA-256 of the original's bytes.

    Each photo is three files: ``<sha>.jpg`` (full copy), ``<sha>-kecil.jpg`` (thumbnail)
    and ``<sha>.json`` (sizes and date, or the refusal), written in that order, each through
    a rename, so the JSON's presence means the copies are complete. Processes sharing the
    folder at once at worst make the same bytes twice.
    """

    def __init__(self, folder: Path):
        self.folder = folder

    @classmethod
    def at(cls, cache_dir: Path | None = None) -> PhotoCache:
        """The cache of ``cache_dir`` (default ``$XDG_CACHE_HOME/sop-kit``), one folder per
        recipe: other sizes, quality or Pillow version never reuse these copies."""
        recipe = hashlib.sha256(_RECIPE.encode()).hexdigest()[:12]
        return cls(cache_base(cache_dir) / f"foto-{recipe}")

    def prepared(self, data: bytes, name: str) -> Prepared:
        """The copies of ``data`` (``name`` is for messages); made now unless cached.

        Raises :class:`PhotoRefused` as :func:`prepare` does (also for a cached refusal).
        """
        sha = hashlib.sha256(data).hexdigest()
        home = self.folder / sha[:2]
        full, thumb, meta = home / f"{sha}.jpg", home / f"{sha}{THUMB_SUFFIX}.jpg", home / f"{sha}.json"
        info: dict[str, Any] | None = self._read(meta)
        if info is not None and "refused" in info:
            raise PhotoRefused(f"{name}: {info['refused']}")
        if info is None or not (full.is_file() and thumb.is_file()):
            try:
                copies = prepare(data, name)
            except PhotoRefused as exc:
                self._save(meta, {"refused": str(exc).removeprefix(f"{name}: ")}, home)
                raise
            info = {k: v for k, v in asdict(copies).items() if k not in ("full", "thumb")}
            info[TAKEN] = copies.taken  # "taken" too: an older sop-kit sharing this cache reads it
            try:
                home.mkdir(parents=True, exist_ok=True)
                write_atomic(full, copies.full)
                write_atomic(thumb, copies.thumb)
            except OSError as exc:
                raise PhotoRefused(f"{name}: cannot write the photo cache ({exc.strerror or exc})") from None
            self._save(meta, info, home)
        elif TAKEN not in info:  # kept by an older sop-kit, whose date was the camera's own clock
            info[TAKEN] = info["taken"] = photo_taken(data)
            self._save(meta, info, home)
        return Prepared(
            sha,
            full,
            thumb,
            info["width"],
            info["height"],
            info["thumb_width"],
            info["thumb_height"],
            info[TAKEN],
        )

    @staticmethod
    def _read(meta: Path) -> dict[str, Any] | None:
        try:
            data = json.loads(meta.read_bytes())
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    @staticmethod
    def _save(meta: Path, info: dict[str, object], home: Path) -> None:
        try:
            home.mkdir(parents=True, exist_ok=True)
            write_atomic(meta, json.dumps(info).encode())
        except OSError:
            pass  # a cache that cannot be written only costs time
