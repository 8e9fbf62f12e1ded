"""The letter-number register (Tata Naskah Dinas): ``records/nomor/TAHUN.yaml``, one file a year.

Each file holds the format of every letter kind (kode klasifikasi / nomor urut / kode unit /
tahun) and, one line each, the numbers reserved: the kind, the serial, the number as printed,
the case and step it belongs to, who reserved it and when. A kind counts its serials in a
series (``deret``); kinds sharing a series share one count (the office's outgoing letters).
A number is never deleted: one that will not be used is voided (``batal``), so the series has
no gap.

One line per reservation makes the file merge line by line: ``sop-kit init`` marks it
``merge=union`` in ``.gitattributes``, so two branches that each reserved "the next" number
merge without a conflict and ``sop-kit check`` then names the clash and both cases.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from ..core.errors import ConfigError, SopKitError
from ..core.findings import Finding
from .fieldtypes import STRICT, Slug, Tanggal, Teks
from .ids import CASE_ID_PATTERN
from .layout import Layout
from .parse import parse_file
from .scan import named
from .yamlsafe import Loaded, load_bytes

REGISTER_DIR = "nomor"
FORMAT = "sop-kit/nomor/1"
FIELDS = ("klasifikasi", "urut", "unit", "tahun", "bulan")
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


class JenisSurat(BaseModel):
    """A letter kind: how its numbers are written, and the series that counts them."""

    model_config = STRICT
    nama: Teks
    pola: str = Field(
        min_length=1,
        max_length=200,
        description="e.g. {klasifikasi}/{urut}/{unit}/{tahun}; {bulan} is the month in Roman numerals",
    )
    klasifikasi: Teks = Field(description="kode klasifikasi arsip, e.g. 400.9")
    unit: Teks = Field(description="kode unit pengolah, e.g. DSP3A")
    deret: Slug | None = Field(None, description="series counting the serials; kinds sharing one share the count")
    lebar: int = Field(1, ge=1, le=6, description="digits of the serial, zero-padded (3: 007)")

    @model_validator(mode="after")
    def _pattern(self) -> JenisSurat:
        names = set(re.findall(r"\{([^{}]*)\}", self.pola))
        if "urut" not in names or names - set(FIELDS):
            raise PydanticCustomError("number_pattern", "", {"value": self.pola, "fields": ", ".join(FIELDS)})
        return self


class Nomor(BaseModel):
    """One reserved number."""

    model_config = STRICT
    urut: int = Field(ge=1)
    jenis: Slug
    nomor: Teks
    tanggal: Tanggal
    oleh: Slug = Field(description="staff id of who reserved it")
    kasus: str | None = Field(None, pattern=CASE_ID_PATTERN)
    langkah: int | None = Field(None, ge=1)
    perihal: Teks | None = Field(None, description="what the letter is about (a letter of no case)")
    batal: Teks | None = Field(None, description="why the number will not be used: voided, never deleted")


class Register(BaseModel):
    """records/nomor/TAHUN.yaml."""

    model_config = STRICT
    format: Literal["sop-kit/nomor/1"]
    tahun: int = Field(ge=1900, le=9999)
    jenis: dict[Slug, JenisSurat] = Field(min_length=1)
    nomor: list[Nomor] = Field(default_factory=list)


@dataclass(frozen=True)
class Entry:
    """A reservation as read, with where it stands."""

    entry: Nomor
    kind: JenisSurat | None
    file: str
    line: int

    @property
    def series(self) -> str:
        return (self.kind.deret if self.kind else None) or self.entry.jenis


@dataclass
class Registers:
    """Every year's register of an archive, read once."""

    files: dict[int, tuple[Path, str, Register]] = field(default_factory=dict)  # year -> (path, shown, register)
    entries: list[Entry] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def in_use(self) -> bool:
        return bool(self.files) or bool(self.findings)

    def unrecorded(self, given: Mapping[str, Collection[str]]) -> Iterator[Entry]:
        """Reservations for a case's step, not voided, whose number none of the case's records
        gives (``given``: the numbers each case's records give, by case id): a letter not yet
        sent, or one never sent."""
        for e in self.entries:
            n = e.entry
            if n.kasus and n.langkah is not None and not n.batal and n.nomor not in given.get(n.kasus, ()):
                yield e

    def by_number(self) -> dict[str, list[Entry]]:
        out: dict[str, list[Entry]] = {}
        for e in self.entries:
            out.setdefault(e.entry.nomor, []).append(e)
        return out


_ENTRY = re.compile(rb"^[ \t]*- (\{.*\})[ \t]*$")


def entries_in(lines: Iterable[bytes]) -> list[Nomor]:
    """The reservations among a register file's ``lines``, as sop-kit writes them (one flow
    mapping a line). A commit's deleted or rewritten reservations are among the lines it
    removes: found by comparing line sets, without parsing the file (a year's register is
    parsed in about 20 ms, its lines compared in 0.1 ms)."""
    out = []
    for line in lines:
        m = _ENTRY.match(line)
        if m is not None:
            try:
                out.append(Nomor.model_validate(load_bytes(m.group(1), "-").data))
            except (SopKitError, ValidationError):
                continue
    return out


def held(raw: bytes, lines: set[bytes], old: Nomor) -> bool:
    """Whether the register file ``raw`` (its set of ``lines``) still holds the reservation
    ``old``, as it was or voided since. The lines naming its number are read; a file written
    another way (block style, by hand) is parsed whole."""
    number = old.nomor.encode()
    if any(holds_one(n, old) for n in entries_in(line for line in lines if number in line)):
        return True
    if number not in raw:
        return False
    try:
        register = Register.model_validate(load_bytes(raw, "-").data)
    except (SopKitError, ValidationError):
        return False
    return any(holds_one(n, old) for n in register.nomor)


def holds_one(new: Nomor | None, old: Nomor) -> bool:
    """``new`` is the reservation ``old``, as it was or voided since (``batal`` added)."""
    return new is not None and (new == old or (old.batal is None and new.model_copy(update={"batal": None}) == old))


def reservation(n: Nomor) -> tuple[object, ...]:
    """What a reservation is, for ever: every field but ``batal``, the one a later edit may add."""
    return tuple(getattr(n, k) for k in Nomor.model_fields if k != "batal")


def changed_fields(old: Nomor, new: Nomor) -> str:
    """What a rewrite changed, as 'kasus: A → B, tanggal: … → …'."""
    fields = [k for k in Nomor.model_fields if getattr(old, k) != getattr(new, k)]
    return ", ".join(f"{k}: {getattr(old, k) if getattr(old, k) is not None else '-'} → "
                     f"{getattr(new, k) if getattr(new, k) is not None else '-'}" for k in fields)  # fmt: skip


def register_dir(layout: Layout) -> Path:
    return layout.root / REGISTER_DIR


def read_registers(layout: Layout) -> Registers:
    """Every ``nomor/*.yaml`` of the archive, parsed; problems become located findings."""
    out = Registers()
    folder = register_dir(layout)
    if not folder.is_dir():
        return out
    for path in sorted(named(folder.glob("*.yaml"))):
        shown = layout.show(path)
        register, loaded, problems = parse_file(path, shown, Register)
        out.findings += problems
        if register is None or loaded is None:
            continue
        out.files[register.tahun] = (path, shown, register)
        out.entries += _entries(register, loaded, shown)
    return out


def _entries(register: Register, loaded: Loaded, shown: str) -> list[Entry]:
    return [
        Entry(n, register.jenis.get(n.jenis), shown, loaded.line_of(("nomor", i))) for i, n in enumerate(register.nomor)
    ]


def format_number(kind: JenisSurat, serial: int, day: date) -> str:
    values = {
        "klasifikasi": kind.klasifikasi,
        "urut": str(serial).zfill(kind.lebar),
        "unit": kind.unit,
        "tahun": str(day.year),
        "bulan": _ROMAN[day.month - 1],
    }
    return re.sub(r"\{([a-z]+)\}", lambda m: values[m.group(1)], kind.pola)


@dataclass(frozen=True)
class Reservation:
    number: str
    serial: int
    kind: str
    file: Path
    created: bool  # the year's register was started from the previous year's kinds


def reserve(
    layout: Layout,
    kind_id: str,
    day: date,
    by: str,
    case: str | None = None,
    step: int | None = None,
    subject: str | None = None,
) -> Reservation:
    """Append the next number of ``kind_id`` in ``day``'s year to the register and return it.
    A year without a register starts one from the latest earlier year's kinds. The file is
    written whole to a temporary file and renamed: an interrupted write loses nothing."""
    registers = read_registers(layout)
    if registers.findings:
        first = registers.findings[0]
        raise ConfigError("nomor.register_invalid", first.file, first.line, detail=first.message("id"))
    folder = register_dir(layout)
    path = folder / f"{day.year}.yaml"
    created = day.year not in registers.files
    if created:
        earlier = [y for y in registers.files if y < day.year]
        if not earlier:
            raise ConfigError("nomor.no_kinds", layout.show(path), year=day.year)
        source = registers.files[max(earlier)][2]
        register = Register(format=FORMAT, tahun=day.year, jenis=source.jenis)
        text, shown = _header(register), layout.show(path)
    else:
        path, shown, register = registers.files[day.year]
        text = path.read_text("utf-8")
    kind = register.jenis.get(kind_id)
    if kind is None:
        raise ConfigError(
            "nomor.unknown_kind", layout.show(path), kind=kind_id, kinds=", ".join(sorted(register.jenis)) or "-"
        )
    series = kind.deret or kind_id
    used = [n.urut for n in register.nomor if ((register.jenis[n.jenis].deret if n.jenis in register.jenis else None)
                                                or n.jenis) == series]  # fmt: skip
    serial = max(used, default=0) + 1
    dated = [e for e in registers.entries if e.file == shown and e.series == series and not e.entry.batal]
    latest = max(dated, key=lambda e: (e.entry.tanggal, e.entry.urut), default=None)
    if latest is not None and day < latest.entry.tanggal:  # check's nomor.backdated, refused before it is made
        raise ConfigError("nomor.backdated_refused", latest.file, latest.line, date=str(day), series=series,
                          previous=latest.entry.nomor, previous_date=str(latest.entry.tanggal))  # fmt: skip
    number = format_number(kind, serial, day)
    line = _line(Nomor(urut=serial, jenis=kind_id, nomor=number, tanggal=day, oleh=by, kasus=case, langkah=step,
                       perihal=subject))  # fmt: skip
    if "\nnomor: []" in text:
        text = text.replace("\nnomor: []", "\nnomor:", 1)
    if not text.endswith("\n"):
        text += "\n"
    _write(path, text + line)
    return Reservation(number, serial, kind_id, path, created)


def void(layout: Layout, number: str, reason: str, case: str | None = None) -> Path:
    """Mark ``number`` voided (``batal``) in its register line, keeping the line; of a number
    reserved twice, the one of ``case``."""
    registers = read_registers(layout)
    found = [e for e in registers.entries if e.entry.nomor == number and case in (None, e.entry.kasus)]
    if not found:
        raise ConfigError("nomor.not_found", None, nomor=number)
    live = [e for e in found if not e.entry.batal]
    if not live:  # its reason stands as written: voiding again would rewrite the line
        raise ConfigError("nomor.already_void", found[-1].file, found[-1].line, nomor=number)
    holders = sorted({e.entry.kasus or "-" for e in live})
    if case is None and len(holders) > 1:  # two laptops reserved it: the clerk says whose letter goes
        raise ConfigError("nomor.void_which", live[-1].file, live[-1].line, nomor=number, cases=", ".join(holders))
    entry = live[-1]
    year = next(y for y, (_, shown, _) in registers.files.items() if shown == entry.file)
    path = registers.files[year][0]
    lines = path.read_text("utf-8").splitlines(keepends=True)
    index = entry.line - 1
    replaced = entry.entry.model_copy(update={"batal": reason})
    lines[index] = _line(replaced)
    _write(path, "".join(lines))
    return path


def register_text(register: Register) -> str:
    """A new register file: its kinds, and an empty list of numbers."""
    return _header(register).replace("\nnomor:\n", "\nnomor: []\n")


def _header(register: Register) -> str:
    kinds = {k: v.model_dump(exclude_none=True, exclude_defaults=True) for k, v in register.jenis.items()}
    body = yaml.safe_dump({"jenis": kinds}, allow_unicode=True, sort_keys=False, width=4096)
    return (
        "# Register nomor surat (Tata Naskah Dinas). Satu baris per nomor; nomor tidak pernah dihapus:\n"
        "# yang tidak jadi dipakai diberi batal. Ambil nomor dengan `sop-kit nomor ambil JENIS --kasus ID`.\n"
        f"format: {FORMAT}\ntahun: {register.tahun}\n{body}nomor:\n"
    )


def _line(n: Nomor) -> str:
    """One reservation as one flow-style YAML line: a register merges line by line."""
    parts = [f"urut: {n.urut}", f"jenis: {n.jenis}", f"nomor: {json.dumps(n.nomor, ensure_ascii=False)}",
             f"tanggal: {n.tanggal.isoformat()}", f"oleh: {n.oleh}"]  # fmt: skip
    if n.kasus:
        parts.append(f"kasus: {n.kasus}")
    if n.langkah is not None:
        parts.append(f"langkah: {n.langkah}")
    for key in ("perihal", "batal"):
        value = getattr(n, key)
        if value:
            parts.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    return "  - {" + ", ".join(parts) + "}\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def reservation_file(layout: Layout, case: str, number: str) -> Path | None:
    """The register file that holds ``number`` for ``case``, not voided (None when none does)."""
    registers = read_registers(layout)
    paths = {shown: path for path, shown, _ in registers.files.values()}
    for e in registers.entries:
        if e.entry.nomor == number.strip() and e.entry.kasus == case and not e.entry.batal:
            return paths.get(e.file)
    return None


def ensure_reserved(layout: Layout, case: str, step: int, number: str) -> None:
    """``sop-kit step --nomor-surat``: once the office keeps a register, only a number it holds
    for this case, not voided, may be recorded. Raises :class:`ConfigError` naming what to do."""
    registers = read_registers(layout)
    if not registers.in_use:  # no register kept yet: numbers are judged against each other by check
        return
    if registers.findings:
        first = registers.findings[0]
        raise ConfigError("nomor.register_invalid", first.file, first.line, detail=first.message("id"))
    mine = [e for e in registers.entries if e.entry.nomor == number.strip() and e.entry.kasus == case]
    if not mine:
        raise ConfigError("nomor.step_not_reserved", None, nomor=number, id=case)
    if all(e.entry.batal for e in mine):
        raise ConfigError("nomor.step_voided", mine[0].file, mine[0].line, nomor=number, id=case)
    if all(e.entry.langkah not in (None, step) for e in mine):
        raise ConfigError("nomor.wrong_step", mine[0].file, mine[0].line, nomor=number, step=mine[0].entry.langkah,
                          no=step)  # fmt: skip
