"""Realistic sample records: photos, scans and whole case folders.

Used by ``scripts/make_demo.py`` (the shipped demo archive), by the benchmark generator
and by tests. Everything is deterministic for a given seed: no clock, no global random
state, so a regenerated archive is byte-for-byte the same and git shows no churn.

Files are real (a JPEG with EXIF date and GPS, a PDF scan) because ``sop-kit check``
judges attachments by their content and their hash, not by their names.
"""

from __future__ import annotations

import hashlib
import math
import random
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any, Literal

from PIL import ExifTags, Image, ImageDraw, ImageFilter, ImageFont
from PIL.TiffImagePlugin import IFDRational
from pydantic import BaseModel

from ..clerk.steptext import step_file_stem, step_header
from ..records.layout import CASE_FILE, STEPS_DIR
from ..records.models import Berkas, CatatanLangkah, Kasus, Sop, Staf
from ..records.yamlwrite import dump_yaml

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont
RGB = tuple[int, int, int]

# Photos carry local time; Purwakarta is on WIB (UTC+7), written into EXIF OffsetTime*.
WIB_OFFSET = timedelta(hours=7)
SIGNED = "(ttd)"  # in scan text, drawn as a handwritten signature (as "ttd" marks one on copies)
# The bundled font has no dashes, curly quotes or arrows; EXIF text must be ASCII anyway.
_PLAIN_PUNCT = str.maketrans({"—": "-", "–": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "→": "->", "…": "..."})


def _drawable(text: str) -> str:
    return text.translate(_PLAIN_PUNCT)


@cache
def _font(size: int) -> Font:
    # Pillow's bundled font: the same glyphs on every machine, so output does not depend on
    # which system fonts happen to be installed.
    return ImageFont.load_default(size=size)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --- photos -----------------------------------------------------------------------------


def _dms(value: float) -> tuple[IFDRational, IFDRational, IFDRational]:
    """Decimal degrees -> EXIF degrees, minutes, seconds (rationals, seconds to 1/100)."""
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    hundredths = round(((value - degrees) * 60 - minutes) * 6000)
    return IFDRational(degrees, 1), IFDRational(minutes, 1), IFDRational(hundredths, 100)


def gps_ifd(taken: datetime, gps: tuple[float, float]) -> dict[int, object]:
    """The GPS block of a phone photo's EXIF: position and the time in UTC (as phones write it)."""
    lat, lon = gps
    utc = taken - WIB_OFFSET
    return {
        ExifTags.GPS.GPSVersionID: b"\x02\x03\x00\x00",
        ExifTags.GPS.GPSLatitudeRef: "S" if lat < 0 else "N",
        ExifTags.GPS.GPSLatitude: _dms(lat),
        ExifTags.GPS.GPSLongitudeRef: "W" if lon < 0 else "E",
        ExifTags.GPS.GPSLongitude: _dms(lon),
        ExifTags.GPS.GPSTimeStamp: (IFDRational(utc.hour), IFDRational(utc.minute), IFDRational(utc.second)),
        ExifTags.GPS.GPSDateStamp: f"{utc:%Y:%m:%d}",
    }


def _exif(taken: datetime, gps: tuple[float, float], caption: str) -> Image.Exif:
    stamp = f"{taken:%Y:%m:%d %H:%M:%S}"
    exif = Image.Exif()
    ascii_caption = unicodedata.normalize("NFKD", _drawable(caption)).encode("ascii", "ignore").decode()
    exif[ExifTags.Base.ImageDescription] = ascii_caption
    exif[ExifTags.Base.Software] = "sop-kit sample"
    exif[ExifTags.Base.DateTime] = stamp
    exif[ExifTags.IFD.Exif] = {
        ExifTags.Base.DateTimeOriginal: stamp,
        ExifTags.Base.DateTimeDigitized: stamp,
        ExifTags.Base.OffsetTimeOriginal: "+07:00",
    }
    exif[ExifTags.IFD.GPSInfo] = gps_ifd(taken, gps)
    return exif


def _shade(rng: random.Random, base: RGB, spread: int) -> RGB:
    r, g, b = (max(0, min(255, c + rng.randint(-spread, spread))) for c in base)
    return r, g, b


def _scene(rng: random.Random, size: tuple[int, int]) -> Image.Image:
    """A village-hall coaching session: sky, hills, a hall with a banner, rows of people."""
    w, h = size
    im = Image.new("RGB", size)
    d = ImageDraw.Draw(im)
    horizon = int(h * rng.uniform(0.40, 0.50))
    top, low = _shade(rng, (110, 165, 220), 25), _shade(rng, (215, 228, 238), 10)
    for y in range(horizon):
        t = y / horizon
        d.line((0, y, w, y), fill=tuple(int(a + (b - a) * t) for a, b in zip(top, low, strict=True)))
    hills = [(0, horizon)] + [(x, horizon - rng.randint(10, 55)) for x in range(0, w + 80, 80)] + [(w, horizon)]
    d.polygon(hills, fill=_shade(rng, (70, 120, 80), 20))
    d.rectangle((0, horizon, w, h), fill=_shade(rng, (125, 150, 95), 20))
    for _ in range(rng.randint(2, 4)):  # trees
        x = rng.randint(0, w)
        d.rectangle((x - 3, horizon - 10, x + 3, horizon + 25), fill=(90, 60, 40))
        d.ellipse((x - 28, horizon - 60, x + 28, horizon), fill=_shade(rng, (50, 110, 55), 20))
    left = rng.randint(w // 8, w // 3)
    right = min(w - 20, left + rng.randint(w // 2, w * 2 // 3))
    roof, wall_top = horizon - 95, horizon - 55
    d.rectangle((left, wall_top, right, horizon + 35), fill=_shade(rng, (228, 218, 192), 15))
    d.polygon(
        [(left - 18, wall_top + 4), ((left + right) // 2, roof), (right + 18, wall_top + 4)],
        fill=_shade(rng, (165, 72, 52), 20),
    )
    banner = (left + 20, wall_top + 12, right - 20, wall_top + 34)
    d.rectangle(banner, fill=_shade(rng, (190, 40, 40), 20))
    d.text((banner[0] + 6, banner[1] + 5), "PEMBINAAN KETAHANAN KELUARGA", fill="white", font=_font(11))
    for row in range(3):  # the audience, back rows first
        y = horizon + 45 + row * 30
        for i in range(w // 50):
            x = 30 + i * 50 + row * 12 + rng.randint(-6, 6)
            d.rounded_rectangle((x - 12, y + 8, x + 12, y + 40), 6, fill=_shade(rng, (140, 120, 130), 90))
            d.ellipse((x - 8, y - 8, x + 8, y + 8), fill=_shade(rng, (160, 115, 85), 15))
            d.pieslice((x - 9, y - 10, x + 9, y + 8), 180, 360, fill=(30, 30, 30))
    return im.filter(ImageFilter.GaussianBlur(0.7))  # soften the flat shapes, as a phone lens would


def photo_jpeg(
    path: Path,
    taken: datetime,
    gps: tuple[float, float],
    caption: str,
    seed: int,
    *,
    size: tuple[int, int] = (480, 320),
) -> None:
    """Write a small JPEG of a coaching session with EXIF date/time (local WIB) and GPS.

    The caption, time and coordinates are also printed on the picture, as the geotag
    camera apps used by field officers do, so a printed dossier shows them too.
    """
    rng = random.Random(seed)
    im = _scene(rng, size)
    w, h = size
    d = ImageDraw.Draw(im, "RGBA")
    d.rectangle((0, h - 50, w, h), fill=(0, 0, 0, 150))
    d.text((8, h - 46), _drawable(caption), fill="white", font=_font(13))
    stamp = f"{taken:%d/%m/%Y %H:%M} WIB   {gps[0]:.5f}, {gps[1]:.5f}"
    d.text((8, h - 27), stamp, fill=(255, 228, 120), font=_font(13))
    im.save(path, "JPEG", quality=70, optimize=True, exif=_exif(taken, gps, caption))


# --- scans ------------------------------------------------------------------------------

PAGE = (827, 1169)  # A4 at 100 dpi
MARGIN = 80


def _scribble(d: ImageDraw.ImageDraw, rng: random.Random, x: int, y: int, width: int, height: int) -> None:
    """A handwritten signature: a loose loop of strokes."""
    turns, phase = rng.uniform(2.5, 4.5), rng.uniform(0, math.tau)
    points = [
        (
            x + width * t / 40 + 4 * math.sin(t * 0.9 + phase),
            y + height * (0.5 + 0.4 * math.sin(turns * math.tau * t / 40 + phase) * (1 - t / 60)),
        )
        for t in range(41)
    ]
    d.line(points, fill=20, width=2, joint="curve")
    d.line((x + width * 0.15, y + height * 0.75, x + width * 0.9, y + height * rng.uniform(0.5, 0.8)), fill=20, width=2)


def _wrap(d: ImageDraw.ImageDraw, text: str, font: Font, width: int) -> list[str]:
    out: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if line and d.textlength(candidate, font=font) > width:
            out.append(line)
            line = word
        else:
            line = candidate
    return [*out, line]


def _table(d: ImageDraw.ImageDraw, rng: random.Random, rows: list[list[str]], y: int) -> int:
    """Tab-separated lines as a ruled table; the first row is the header; returns the new y."""
    font, width = _font(14), PAGE[0] - 2 * MARGIN
    cols = max(len(r) for r in rows)
    widths = [max((d.textlength(r[c], font=font) for r in rows if c < len(r)), default=0) + 16 for c in range(cols)]
    widths[-1] += max(0, width - sum(widths))  # the last column (usually the signature) takes the rest
    scale = min(1.0, width / sum(widths))
    edges = [MARGIN]
    for wd in widths:
        edges.append(edges[-1] + int(wd * scale))
    for i, row in enumerate(rows):
        for c in range(cols):
            d.rectangle((edges[c], y, edges[c + 1], y + 28), outline=30, width=1)
            cell = row[c] if c < len(row) else ""
            if cell == SIGNED:
                _scribble(d, rng, edges[c] + 8, y + 3, min(90, edges[c + 1] - edges[c] - 16), 22)
            elif cell:
                d.text((edges[c] + 6, y + 6), cell, fill=15, font=font, stroke_width=1 if i == 0 else 0, stroke_fill=15)
        y += 28
    return y + 10


def _page(
    title: str,
    lines: Sequence[str],
    rng: random.Random,
    kop: Sequence[str],
    signer: Sequence[str],
    watermark: str | None,
) -> Image.Image:
    title, lines = _drawable(title), [_drawable(t) for t in lines]
    kop, signer = [_drawable(t) for t in kop], [_drawable(t) for t in signer]
    im = Image.new("L", PAGE, 255)
    d = ImageDraw.Draw(im)
    w = PAGE[0]
    if watermark:  # drawn first and pale, so dithering turns it into a faint stamp behind the text
        mark = Image.new("L", (w, 160), 0)
        ImageDraw.Draw(mark).text((w // 2, 80), watermark, fill=255, font=_font(96), anchor="mm")
        mark = mark.rotate(30, expand=True)
        im.paste(222, ((w - mark.width) // 2, (PAGE[1] - mark.height) // 2), mark)
    y = 50
    for i, text in enumerate(kop):
        font = _font(18 if i < 2 else 13)
        d.text((w // 2, y), text, fill=10, font=font, anchor="ma", stroke_width=1 if i < 2 else 0, stroke_fill=10)
        y += 26 if i < 2 else 19
    if kop:
        d.line((MARGIN - 20, y + 6, w - MARGIN + 20, y + 6), fill=10, width=3)
        d.line((MARGIN - 20, y + 11, w - MARGIN + 20, y + 11), fill=10, width=1)
        y += 34
    for part in _wrap(d, title, _font(17), w - 2 * MARGIN):
        d.text((w // 2, y), part, fill=10, font=_font(17), anchor="ma", stroke_width=1, stroke_fill=10)
        y += 26
    y += 16
    block: list[list[str]] = []
    for text in [*lines, ""]:
        if "\t" in text:
            block.append(text.split("\t"))
            continue
        if block:
            y = _table(d, rng, block, y)
            block = []
        indent = MARGIN + 24 * (len(text) - len(text.lstrip(" ")) > 0)
        for part in _wrap(d, text.strip(), _font(15), w - MARGIN - indent) if text.strip() else [""]:
            d.text((indent, y), part, fill=15, font=_font(15))
            y += 22
    if signer:
        y = max(y + 20, PAGE[1] - 130 - 22 * len(signer))
        x = w // 2 + 40
        for text in signer:
            if text == SIGNED:
                _scribble(d, rng, x + 10, y, 150, 44)
                y += 50
            else:
                for part in _wrap(d, text, _font(15), w - x - MARGIN // 2):
                    d.text((x, y), part, fill=15, font=_font(15))
                    y += 22
    for _ in range(rng.randint(8, 25)):  # scanner dust
        sx, sy = rng.randrange(w), rng.randrange(PAGE[1])
        d.point((sx, sy), fill=0)
    return im.rotate(rng.uniform(-0.5, 0.5), resample=Image.Resampling.BICUBIC, fillcolor=255)


def scan_pdf(
    path: Path,
    title: str,
    lines: list[str],
    seed: int,
    *,
    kop: Sequence[str] = (),
    signer: Sequence[str] = (),
    watermark: str | None = None,
    created: datetime | None = None,
) -> None:
    """Write a one-page PDF that looks like a black-and-white office scan.

    ``lines`` are paragraphs (wrapped to the page; a leading space indents); consecutive
    lines holding tabs form a ruled table whose first row is the header. ``kop`` is the
    letterhead, ``signer`` the signature block (bottom right); the text ``(ttd)`` as a
    signer line or table cell is drawn as a handwritten signature. A bilevel page is what
    office scanners produce and, CCITT-compressed, stays around 10-25 KB.
    """
    rng = random.Random(seed)
    page = _page(title, lines, rng, kop, signer, watermark).convert("1")  # dithered, like a scanner's B/W mode
    # A fixed date, never the clock, so the bytes (and the recorded hash) are reproducible.
    stamp = ((created or datetime(2020, 1, 1, 7)) - WIB_OFFSET).timetuple()  # PDF dates here are UTC
    page.save(path, "PDF", resolution=100.0, title=title, producer="sop-kit sample", creationDate=stamp, modDate=stamp)


def _record(model: BaseModel) -> dict[str, Any]:
    """A model as YAML data in field order, leaving out what is empty (None, [], false)."""

    def prune(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: prune(v) for k, v in value.items() if v is not None and v != [] and v is not False}
        if isinstance(value, list):
            return [prune(v) for v in value]
        return value

    result: dict[str, Any] = prune(model.model_dump())
    return result


# --- case folders -----------------------------------------------------------------------


@dataclass(frozen=True)
class Scan:
    """A paper document, scanned to PDF (see :func:`scan_pdf`)."""

    title: str
    lines: Sequence[str]
    kop: Sequence[str] = ()
    signer: Sequence[str] = ()


@dataclass(frozen=True)
class Photo:
    taken: datetime
    gps: tuple[float, float]
    caption: str


@dataclass(frozen=True)
class Raw:
    """Ready-made bytes (a CSV export, or a file reused across thousands of benchmark cases)."""

    data: bytes


@dataclass(frozen=True)
class FileSpec:
    """One attachment: photos go to ``foto/``, everything else to ``lampiran/``."""

    jenis: str
    name: str
    content: Scan | Photo | Raw
    judul: str | None = None
    keterangan: str | None = None  # photos default to their caption
    pribadi: bool | None = None  # None: as the SOP's document kind says

    @property
    def folder(self) -> str:
        return "foto" if isinstance(self.content, Photo) else "lampiran"


@dataclass(frozen=True)
class StepSpec:
    no: int
    status: Literal["belum", "berjalan", "selesai"] = "selesai"
    putaran: int = 1
    pelaksana: str | None = None
    mulai: datetime | None = None
    selesai: datetime | None = None
    keputusan: Literal["ya", "tidak"] | None = None
    alasan: str | None = None
    nomor_surat: str | None = None
    catatan: str | None = None
    files: Sequence[FileSpec] = ()


@dataclass(frozen=True)
class CaseSpec:
    """A whole case: its identity (the model itself) and what happened in each step."""

    kasus: Kasus
    steps: Sequence[StepSpec]
    header: Sequence[str] = ()  # extra comment lines atop kasus.yaml (e.g. a DATA FIKTIF mark)
    watermark: str | None = None  # printed across every scan
    seed: int = 0  # varies the drawings


@dataclass
class _Writer:
    folder: Path
    spec: CaseSpec
    sop: Sop
    staff: Mapping[str, Staf]
    written: set[str] = field(default_factory=set)

    def attach(self, f: FileSpec, step: StepSpec, seed: int) -> Berkas:
        if f.jenis not in {k.id for k in self.sop.jenis_dokumen}:
            raise ValueError(f"{f.name}: the SOP has no document kind '{f.jenis}'")
        kind = self.sop.kind(f.jenis)
        produced = {Scan: "pdf", Photo: "jpeg"}.get(type(f.content))
        if produced is not None and produced not in kind.format:
            raise ValueError(f"{f.name}: a {produced} is not a '{kind.id}' ({', '.join(kind.format)})")
        if "/" in f.name or "\\" in f.name or f.name.startswith("."):
            raise ValueError(f"{f.name}: a plain file name is expected")
        rel = f"{f.folder}/{f.name}"
        if rel in self.written:
            raise ValueError(f"{rel}: written twice")
        self.written.add(rel)
        path = self.folder / f.folder / f.name
        path.parent.mkdir(exist_ok=True)
        content = f.content
        if isinstance(content, Scan):
            scan_pdf(
                path,
                content.title,
                list(content.lines),
                seed,
                kop=content.kop,
                signer=content.signer,
                watermark=self.spec.watermark,
                created=step.selesai or step.mulai,
            )
        elif isinstance(content, Photo):
            photo_jpeg(path, content.taken, content.gps, content.caption, seed)
        else:
            path.write_bytes(content.data)
        caption = content.caption if isinstance(content, Photo) else None
        return Berkas(
            jenis=f.jenis,
            berkas=rel,
            sha256=sha256_file(path),
            judul=f.judul,
            keterangan=f.keterangan or caption,
            pribadi=kind.pribadi if f.pribadi is None else f.pribadi,
        )

    def step(self, s: StepSpec, index: int) -> None:
        docs = [self.attach(f, s, self.spec.seed * 1000 + index * 50 + i) for i, f in enumerate(s.files)]
        record = CatatanLangkah(
            format="sop-kit/langkah/1",
            langkah=s.no,
            putaran=s.putaran,
            status=s.status,
            pelaksana=s.pelaksana,
            mulai=s.mulai,
            selesai=s.selesai,
            keputusan=s.keputusan,
            alasan=s.alasan,
            nomor_surat=s.nomor_surat,
            catatan=s.catatan,
            dokumen=docs,
        )
        spec = self.sop.step(s.no)
        notes = {}
        when = s.selesai or s.mulai
        person = self.staff.get(s.pelaksana or "")
        if person is not None and when is not None:
            notes["pelaksana"] = f"{person.nama}, {person.position_on(when.date()) or '-'} (per {when:%Y-%m-%d})"
        name = step_file_stem(spec, s.putaran) + ".yaml"
        (self.folder / STEPS_DIR / name).write_text(
            dump_yaml(_record(record), step_header(self.sop, s.no, s.putaran), notes), "utf-8"
        )


KASUS_NOTES = {
    "kontak": "Pejabat setempat; nomor telepon adalah data pribadi.",
    "sasaran": "DATA PRIBADI (nama, NIK, KK, telepon, alamat, anggota keluarga): tidak pernah dipublikasikan.",
}


def write_case(kasus_root: Path, spec: CaseSpec, sop: Sop, staff: Mapping[str, Staf] | None = None) -> Path:
    """Write the case folder ``kasus_root/<year>/<id>/`` and return it.

    Every attachment is generated, hashed and recorded in its step; step files are named
    from the SOP (``NN-<kegiatan>[-putaran-N].yaml``) and open with a comment naming the
    step and its mandated documents. ``staff`` (id -> Staf) adds who held which post.
    The folder must not exist yet: a sample never overwrites real records.
    """
    folder = kasus_root / spec.kasus.id[:4] / spec.kasus.id
    folder.mkdir(parents=True)
    header = [*spec.header, f"Identitas kasus ({spec.kasus.format}); panduan: docs/format-kasus.md"]
    (folder / CASE_FILE).write_text(dump_yaml(_record(spec.kasus), header, KASUS_NOTES), "utf-8")
    (folder / STEPS_DIR).mkdir()
    writer = _Writer(folder, spec, sop, staff or {})
    for index, step in enumerate(spec.steps):
        writer.step(step, index)
    return folder
