"""The staff registry (records/staf.yaml): who holds which SOP role, and when."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field, model_validator
from pydantic_core import PydanticCustomError

from ..fieldtypes import NIP, STRICT, Email, Slug, Tanggal, Teks


class Penugasan(BaseModel):
    """One stretch of tenure: a position and the SOP roles it carries, from/until."""

    model_config = STRICT
    jabatan: Teks
    peran: list[Slug] = Field(default_factory=list, description="SOP role ids (pelaksana, kasi-pkk, kabid, …)")
    mulai: Tanggal
    sampai: Tanggal | None = Field(None, description="last day in post; empty while still in post")
    admin_staf: bool = Field(False, description="may change this registry (Kepala Dinas, Kasubag Umum)")
    admin_sop: bool = Field(False, description="may change the SOP files, records/sop/ (Kepala Dinas, Kasubag Umum)")
    admin_arsip: bool = Field(
        False, description="may change the archive's settings: sop-kit.yaml, mkdocs.yml, templates/ (Kepala Dinas)"
    )

    @model_validator(mode="after")
    def _ordered(self) -> Penugasan:
        if self.sampai is not None and self.sampai < self.mulai:
            raise PydanticCustomError("tenure_order", "", {"value": f"{self.mulai} > {self.sampai}", "at": "sampai"})
        return self

    def covers(self, day: date) -> bool:
        return self.mulai <= day and (self.sampai is None or day <= self.sampai)


class Staf(BaseModel):
    model_config = STRICT
    id: Slug
    nama: Teks
    nip: NIP
    email: Email | None = None
    kunci_ssh: list[Teks] = Field(default_factory=list, description="SSH public keys used to sign commits")
    fiktif: bool = Field(False, description="a made-up person (demo data)")
    penugasan: list[Penugasan] = Field(min_length=1)

    def roles_on(self, day: date) -> set[str]:
        return {role for t in self.penugasan if t.covers(day) for role in t.peran}

    def holds(self, right: str, day: date) -> bool:
        """Whether a position held on ``day`` carries ``right`` (admin_staf, admin_sop, admin_arsip)."""
        return any(getattr(t, right) and t.covers(day) for t in self.penugasan)

    def position_on(self, day: date) -> str | None:
        return next((t.jabatan for t in self.penugasan if t.covers(day)), None)


class Registri(BaseModel):
    model_config = STRICT
    format: Literal["sop-kit/staf/1"]
    instansi: Teks
    catatan: Teks | None = None
    staf: list[Staf]

    def by_id(self) -> dict[str, Staf]:
        return {s.id: s for s in self.staf}
