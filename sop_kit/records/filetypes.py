"""What a file really is, judged by its first bytes, not by its name."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

_MAGIC = {"pdf": b"%PDF-", "jpeg": b"\xff\xd8\xff", "png": b"\x89PNG\r\n\x1a\n"}
_ZIP = b"PK\x03\x04"
# Members that identify an OOXML or ODF container.
_ZIP_MARKERS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
_SVG = re.compile(rb"<svg[\s>/]", re.IGNORECASE)
# What phones save photos as besides JPEG: HEIF (iPhones since iOS 11) and WebP (forwarded images).
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1")
PHONE_FORMATS = {"heic": "HEIC", "webp": "WebP"}
_ODF = {b"application/vnd.oasis.opendocument.text": "odt", b"application/vnd.oasis.opendocument.spreadsheet": "ods"}


_LFS = re.compile(rb"version https://git-lfs\.github\.com/spec/v1\noid sha256:([0-9a-f]{64})\nsize ([0-9]+)\n")


def lfs_pointer(data: bytes) -> tuple[str, int] | None:
    """(SHA-256, size) of the file a Git LFS pointer stands for; None when ``data`` is none: what
    git stores of a file kept in LFS, and what a checkout without Git LFS holds in its place."""
    found = _LFS.fullmatch(data) if len(data) < 1024 else None
    return (found[1].decode(), int(found[2])) if found else None


def sniff(head: bytes, path: str | Path) -> str | None:
    """The format of a file whose first bytes are ``head`` (``pdf``, ``jpeg``, ``png``,
    ``docx``, ``xlsx``, ``odt``, ``ods``, ``svg``, ``txt``, and the phone formats ``heic``,
    ``webp``, ``video`` and ``audio`` that no kind accepts but a clerk should be told about), or
    ``None`` when it is none of these. ``path`` is opened only for ZIP containers, to look at their members."""
    for name, magic in _MAGIC.items():
        if head.startswith(magic):
            return name
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return "heic"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "webp"
    media = _media(head)
    if media is not None:
        return media
    if head.startswith(_ZIP):
        return _zip_kind(path)
    if b"\x00" in head:
        return None
    if _SVG.search(head):
        return "svg"  # an image that can carry script: no document kind accepts it
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the first block is still text.
        if exc.start < len(head) - 4:
            return None
    return "txt"


def _media(head: bytes) -> str | None:
    """``video`` or ``audio`` for what a phone records (MP4, MOV, 3GP, WebM, AVI; M4A, Ogg voice
    notes, MP3, WAV): no kind accepts them, and "isi berkas adalah video" tells a clerk more
    than a format nobody recognises."""
    if head[4:8] == b"ftyp":
        return "audio" if head[8:12] in (b"M4A ", b"M4B ") else "video"
    if head.startswith(b"RIFF"):
        return {b"AVI ": "video", b"WAVE": "audio"}.get(head[8:12])
    if head.startswith(b"\x1a\x45\xdf\xa3"):  # Matroska, WebM
        return "video"
    if head.startswith(b"OggS") or (head.startswith(b"ID3") and head[3:4] in (b"\x02", b"\x03", b"\x04")):
        return "audio"
    if head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):  # an MP3 frame without a tag
        return "audio"
    return None


def _zip_kind(path: str | Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "mimetype" in names:
                return _ODF.get(zf.read("mimetype").strip())
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    return next((kind for kind, member in _ZIP_MARKERS.items() if member in names), None)


def matches(found: str | None, allowed: Sequence[str]) -> bool:
    """Does a sniffed format satisfy a document kind? CSV is text, so ``txt`` counts for it."""
    if found is None:
        return False
    return found in allowed or (found == "txt" and "csv" in allowed)
