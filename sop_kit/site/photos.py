"""Photos on the public site: upright, downscaled, and re-encoded with no metadata at all.

The work is :mod:`sop_kit.views.photos`' (shared with the PDFs and cached by content); this
module writes a photo's two copies under the names a case page links.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..views.photos import FULL_EDGE, THUMB_EDGE, THUMB_SUFFIX, photo_taken, prepare, write_atomic

__all__ = ["FULL_EDGE", "THUMB_EDGE", "THUMB_SUFFIX", "PublishedPhoto", "photo_taken", "publish_photo"]


@dataclass(frozen=True)
class PublishedPhoto:
    full: str  # file name written in dest
    thumb: str
    width: int  # of the full copy
    height: int
    taken: str | None  # "YYYY-MM-DD HH:MM:SS" from EXIF, in office time (check.photos.exif_time)


def check_stem(stem: str) -> None:
    if not stem or Path(stem).name != stem or stem in (".", ".."):
        raise ValueError(f"{stem!r}: not a plain file name")


def publish_photo(data: bytes, dest: Path, stem: str) -> PublishedPhoto:
    """Write ``{stem}.jpg`` and ``{stem}-kecil.jpg`` in ``dest`` (see :func:`~sop_kit.views.photos.prepare`),
    without a cache.

    Raises ValueError (:class:`~sop_kit.views.photos.PhotoRefused`) for data that is not
    an image, or one too large to decode safely.
    """
    check_stem(stem)
    copies = prepare(data, stem)
    dest.mkdir(parents=True, exist_ok=True)
    names = (f"{stem}.jpg", f"{stem}{THUMB_SUFFIX}.jpg")
    write_atomic(dest / names[0], copies.full)
    write_atomic(dest / names[1], copies.thumb)
    return PublishedPhoto(names[0], names[1], copies.width, copies.height, copies.taken)
