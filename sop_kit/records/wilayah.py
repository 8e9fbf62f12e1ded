"""The official register of Kabupaten Purwakarta's kecamatan and desa/kelurahan.

Data: ``data/wilayah-3214.csv`` (Kemendagri codes); its provenance is in
``data/wilayah-3214.md``.
"""

from __future__ import annotations

import csv
import difflib
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Wilayah:
    kode: str
    nama: str
    jenis: str  # kecamatan | desa | kelurahan


def _key(name: str) -> str:
    return " ".join(name.lower().replace("-", " ").split())


class Register:
    """Look up kecamatan and desa by name, with suggestions for near misses."""

    def __init__(self, rows: list[Wilayah]):
        self.kecamatan = {_key(r.nama): r for r in rows if r.jenis == "kecamatan"}
        self.desa: dict[str, dict[str, Wilayah]] = {k.kode: {} for k in self.kecamatan.values()}
        for r in rows:
            if r.jenis != "kecamatan":
                self.desa[r.kode[:8]][_key(r.nama)] = r
        self.by_code = {r.kode: r for r in rows}

    def find_kecamatan(self, name: str) -> Wilayah | None:
        return self.kecamatan.get(_key(name))

    def find_desa(self, kecamatan: Wilayah, name: str) -> Wilayah | None:
        return self.desa[kecamatan.kode].get(_key(name))

    def suggest_kecamatan(self, name: str) -> list[str]:
        return _close(name, [k.nama for k in self.kecamatan.values()])

    def suggest_desa(self, kecamatan: Wilayah, name: str) -> list[str]:
        return _close(name, [d.nama for d in self.desa[kecamatan.kode].values()])

    def kecamatan_of_desa(self, name: str) -> list[Wilayah]:
        """Kecamatan that have a desa of this name (to catch a desa filed under the wrong one)."""
        return [self.by_code[code] for code, desa in self.desa.items() if _key(name) in desa]


def _close(name: str, choices: list[str]) -> list[str]:
    by_key = {_key(c): c for c in choices}
    return [by_key[k] for k in difflib.get_close_matches(_key(name), list(by_key), n=3, cutoff=0.6)]


@cache
def purwakarta() -> Register:
    text = resources.files("sop_kit").joinpath("data/wilayah-3214.csv").read_text("utf-8")
    return Register([Wilayah(r["kode"], r["nama"], r["jenis"]) for r in csv.DictReader(text.splitlines())])
