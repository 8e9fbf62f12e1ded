"""The office's own identity (``kantor:`` in ``sop-kit.yaml``): who the archive belongs to, as
every letter, dossier, SOP document and site page prints it.

``sop-kit.yaml`` is governed (``admin_arsip``): the profile counts only in an authorised
version, which :func:`sop_kit.check.audit.audit` arranges before the archive is opened. The
regional emblem is an image file beside ``sop-kit.yaml``; the profile names it together with
its SHA-256, so the emblem that counts is the one the authorised profile pins. A file whose
bytes differ (swapped without a signed change of the profile) is never printed: a finding says
so, and the documents go without an emblem until the file is restored or the pin is changed
by an authorised commit.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Literal

from PIL import Image
from pydantic import BaseModel, Field

from ..core.findings import Finding, Severity
from .fieldtypes import STRICT, Email, Slug, Teks
from .filetypes import sniff

HEAD, DIVISION = "kepala-dinas", "kepala-bidang"  # the signatory roles the letters name
EMBLEM_FORMATS = ("png", "jpeg")  # an emblem is a picture: never SVG, which can carry links and scripts
EMBLEM_MAX_BYTES = 2 << 20
EMBLEM_MAX_PIXELS = 16_000_000
# Text an office would never print on a letter: what templates and examples leave behind.
_PLACEHOLDER = re.compile(
    r"\b(contoh|example|todo|tbd|xxx+|isi di sini|diisi|lorem|ipsum|nama kantor|alamat kantor)\b|…|\.\.\.|@@",
    re.IGNORECASE,
)


class Lambang(BaseModel):
    """The regional emblem: a PNG or JPEG beside sop-kit.yaml, pinned by its SHA-256."""

    model_config = STRICT
    berkas: str = Field(min_length=1, max_length=255, description="path beside sop-kit.yaml, e.g. kantor/lambang.png")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="the file's SHA-256: only these bytes are printed")


class Penandatangan(BaseModel):
    """A default signatory: the position as letters print it, and who holds it (staf.yaml id)."""

    model_config = STRICT
    jabatan: Teks
    staf: Slug | None = Field(None, description="staff id; empty: the holder of the position on the letter's date")


class Retensi(BaseModel):
    """A JRA entry (jadwal retensi arsip): how long a closed case is kept, and what then."""

    model_config = STRICT
    aktif_tahun: int = Field(ge=0, le=100, description="years kept in the office (active) after the case closes")
    inaktif_tahun: int = Field(ge=0, le=100, description="years kept in the records centre (inactive) after that")
    nasib_akhir: Literal["musnah", "permanen"] = Field(
        description="musnah: destroyed with the head's approval; permanen: handed to the regional archive"
    )
    kode_klasifikasi: Teks | None = Field(None, description="the classification code in the office's JRA")
    dasar: Teks | None = Field(None, description="the regulation that sets the JRA (Perbup/Perda, number, year)")

    def active_until(self, closed: date) -> date:
        """The end of the active period: from here the case may leave the office (transfer)."""
        return years_after(closed, self.aktif_tahun)

    def inactive_until(self, closed: date) -> date:
        """The end of the inactive period: from here its final fate is due."""
        return years_after(self.active_until(closed), self.inaktif_tahun)


def years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a common year
        return day.replace(year=day.year + years, day=28)


class Kantor(BaseModel):
    """The office profile: letterhead, contacts, emblem, default signatories."""

    model_config = STRICT
    pemerintah: Teks = Field(description="e.g. Pemerintah Kabupaten Purwakarta")
    dinas: Teks = Field(description="the office's full name")
    bidang: Teks | None = None
    alamat: Teks = Field(description="street address, as the letterhead prints it")
    kota: Teks = Field(description="where letters are dated: Purwakarta, 4 Maret 2026")
    kode_pos: str | None = Field(None, pattern=r"^[0-9]{5}$")
    telepon: Teks | None = Field(None, description="the office's phone (public)")
    email: Email | None = None
    laman: str | None = Field(None, pattern=r"^https?://[^\s\"'<>]+$", max_length=200, description="website")
    lambang: Lambang | None = None
    penandatangan: dict[Slug, Penandatangan] = Field(
        default_factory=dict, description="default signatories by role: kepala-dinas, kepala-bidang, sekretaris…"
    )
    retensi: Retensi | None = Field(None, description="the JRA entry for the cases (an SOP may set its own)")
    fiktif: bool = Field(False, description="a made-up office (the demo archive): letters say so")


@dataclass(frozen=True)
class Kop:
    """The letterhead as templates print it."""

    pemerintah: str
    dinas: str
    bidang: str | None
    alamat: str  # the address line: street, phone, e-mail, website
    kontak: str
    kota: str
    lambang: str | None  # a data: URL of the emblem in force, or None
    fiktif: bool

    def to_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


def town(pemerintah: str) -> str:
    """Pemerintah Kabupaten Purwakarta → Purwakarta."""
    for prefix in ("Pemerintah Kabupaten ", "Pemerintah Kota ", "Pemerintah Provinsi "):
        if pemerintah.startswith(prefix):
            return pemerintah.removeprefix(prefix)
    return pemerintah


def emblem_path(top: Path, lambang: Lambang) -> Path | None:
    """The emblem's file, if its name stays beside sop-kit.yaml (no absolute path, no ``..``)."""
    parts = [p for p in lambang.berkas.split("/") if p not in ("", ".")]
    if lambang.berkas.startswith(("/", "~")) or "\\" in lambang.berkas or ":" in lambang.berkas or ".." in parts:
        return None
    return top.joinpath(*parts) if parts else None


def read_emblem(top: Path, lambang: Lambang) -> tuple[bytes | None, str | None]:
    """The emblem's bytes if they are the pinned ones, else ``(None, why)``: outside, missing,
    a link, too large, not a PNG or JPEG, too many pixels, or not the pinned content."""
    path = emblem_path(top, lambang)
    if path is None:
        return None, "outside"
    for folder in [*reversed(path.relative_to(top).parents), Path(path.relative_to(top))]:
        if (top / folder).is_symlink():
            return None, "link"
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None, "missing"
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):
            return None, "missing"
        if info.st_size > EMBLEM_MAX_BYTES:
            return None, "too_large"
        data = fh.read()
    if hashlib.sha256(data).hexdigest() != lambang.sha256:
        return None, "changed"
    if sniff(data[:4096], path) not in EMBLEM_FORMATS:
        return None, "not_image"
    try:
        with Image.open(BytesIO(data)) as im:
            width, height = im.size
    except Exception:
        return None, "not_image"
    if width * height > EMBLEM_MAX_PIXELS:
        return None, "too_large"
    return data, None


@lru_cache(maxsize=8)
def _emblem_url(top: Path, lambang: Lambang) -> str | None:
    data, _ = read_emblem(top, lambang)
    if data is None:
        return None
    kind = "png" if data.startswith(b"\x89PNG") else "jpeg"
    return f"data:image/{kind};base64," + base64.b64encode(data).decode()


def office_kop(profile: Kantor | None, top: Path, unit: tuple[str, str, str | None] | None = None) -> Kop | None:
    """The letterhead from the profile in force (``top``: the folder of sop-kit.yaml). Without
    a profile, ``unit`` (pemerintah, instansi, bidang of an SOP) gives the names and the
    letterhead has no address line at all: never a made-up one."""
    if profile is None:
        if unit is None:
            return None
        pemerintah, instansi, bidang = unit
        return Kop(pemerintah, instansi, bidang, "", "", town(pemerintah), None, False)
    street = profile.alamat + (f" {profile.kode_pos}" if profile.kode_pos else "")
    contacts = [f"Telepon {profile.telepon}" if profile.telepon else "", profile.email or "", _site(profile.laman)]
    return Kop(
        profile.pemerintah,
        profile.dinas,
        profile.bidang,
        street,
        " · ".join(c for c in contacts if c),
        profile.kota,
        _emblem_url(top, profile.lambang) if profile.lambang else None,
        profile.fiktif,
    )


def _site(url: str | None) -> str:
    return url.split("://", 1)[1].rstrip("/") if url else ""


def profile_findings(profile: Kantor | None, top: Path, shown: str, line: Callable[..., int]) -> list[Finding]:
    """What ``check`` says of the profile before any letter is made: missing, a placeholder
    left in a field, an emblem that cannot be printed. ``line(*keys)`` locates a field."""
    if profile is None:
        return [Finding(Severity.WARNING, "office.missing", shown, None)]
    out = []
    fields = {
        "pemerintah": profile.pemerintah,
        "dinas": profile.dinas,
        "bidang": profile.bidang,
        "alamat": profile.alamat,
        "kota": profile.kota,
        "telepon": profile.telepon,
        "email": profile.email,
        "laman": profile.laman,
        **{f"penandatangan.{k}.jabatan": v.jabatan for k, v in profile.penandatangan.items()},
    }
    for key, value in fields.items():
        if value and _PLACEHOLDER.search(value):
            out.append(Finding(Severity.ERROR, "office.placeholder", shown, line(*key.split(".")), {"field": key}))
    if profile.lambang is None:
        out.append(Finding(Severity.WARNING, "office.no_emblem", shown, line("lambang")))
    else:
        _, why = read_emblem(top, profile.lambang)
        if why is not None:
            out.append(
                Finding(
                    Severity.ERROR,
                    "office.emblem",
                    shown,
                    line("lambang"),
                    {"path": profile.lambang.berkas, "why": f"@office.emblem_{why}"},
                )
            )
    if HEAD not in profile.penandatangan:
        out.append(Finding(Severity.WARNING, "office.no_signatory", shown, line("penandatangan"), {"role": HEAD}))
    return out
