"""Archive settings kept beside ``records/``, outside the records clerks edit.

``sop-kit.yaml`` (at the archive's parent folder, normally the repository top)::

    format: sop-kit/konfigurasi/1
    tanda_tangan: wajib                  # wajib: an unverified approval is an error; laporkan: a note
    diubah_setelah_disetujui: galat      # galat (default): a change after approval is an error
    akar_kepercayaan: "9f86d0…"          # sha256 of the first staf.yaml: the pinned trust root
    jam_kerja:                           # working hours (default: Keppres 68/1995, see records.worktime)
      jumat: ["07:30-11:30", "13:00-16:30"]
      libur_kantor: [2026-04-14]         # the office's own days off, besides national ones
    berkas_maks_mb: 50                   # largest attachment (default 50 MB)
    kasus_maks_mb: 500                   # largest case folder, all its files (default 500 MB)
    analitik_pihak_ketiga: false         # true: mkdocs.yml may add a third-party analytics script

The file decides verdicts, so in a repository it counts only in the version its last
authorised change left (see :mod:`sop_kit.trail.governed`). CI can pin the trust root and the
signature policy outside the repository: ``SOP_KIT_TRUST_ROOT`` and ``SOP_KIT_SIGNATURES``
override the file, and a file that says otherwise is reported.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..core.findings import Finding, Severity
from .fieldtypes import STRICT, Tanggal
from .layout import Layout
from .models.sop import Sop
from .office import Kantor, emblem_path, profile_findings
from .parse import parse_file, parse_text
from .worktime import CIVIL_SERVICE, DAYS, WorkingHours, parse_interval

CONFIG_FILE = "sop-kit.yaml"
Policy = Literal["wajib", "laporkan"]
Grade = Literal["galat", "peringatan"]
POLICY_PIN = "SOP_KIT_SIGNATURES"
ROOT_PIN = "SOP_KIT_TRUST_ROOT"
MB = 1_000_000
FILE_MB, CASE_MB = 50, 500  # default limits: a long scanned PDF fits; a case is a few dozen files


_DEFAULT_WEEK = {
    day: [f"{a:%H:%M}-{b:%H:%M}" for a, b in spans] for day, spans in zip(DAYS, CIVIL_SERVICE.week, strict=True)
}


class JamKerja(BaseModel):
    """The office's working hours: intervals per weekday ('07:30-12:00'), its days off."""

    model_config = STRICT
    senin: list[str] = Field(default_factory=lambda: _DEFAULT_WEEK["senin"])
    selasa: list[str] = Field(default_factory=lambda: _DEFAULT_WEEK["selasa"])
    rabu: list[str] = Field(default_factory=lambda: _DEFAULT_WEEK["rabu"])
    kamis: list[str] = Field(default_factory=lambda: _DEFAULT_WEEK["kamis"])
    jumat: list[str] = Field(default_factory=lambda: _DEFAULT_WEEK["jumat"])
    sabtu: list[str] = Field(default_factory=list)
    minggu: list[str] = Field(default_factory=list)
    libur_nasional: bool = Field(True, description="libur nasional and cuti bersama are days off")
    libur_kantor: list[Tanggal] = Field(default_factory=list, description="the office's own days off")

    @field_validator(*DAYS)
    @classmethod
    def _spans(cls, value: list[str]) -> list[str]:
        for span in value:
            try:
                parse_interval(span)
            except ValueError:
                raise PydanticCustomError("working_hours", "", {"value": span}) from None
        return value

    @model_validator(mode="after")
    def _some_work(self) -> JamKerja:
        # A week without working hours would make every standard time unreachable.
        if not any(getattr(self, day) for day in DAYS):
            raise PydanticCustomError("working_week", "", {})
        return self

    def hours(self) -> WorkingHours:
        week = tuple(tuple(parse_interval(s) for s in getattr(self, day)) for day in DAYS)
        return WorkingHours(week, self.libur_nasional, frozenset(self.libur_kantor))


class Konfigurasi(BaseModel):
    model_config = STRICT
    format: Literal["sop-kit/konfigurasi/1"]
    kantor: Kantor | None = Field(None, description="the office profile: letterhead, emblem, signatories, JRA")
    tanda_tangan: Policy = Field("laporkan", description="wajib: approvals must be signed; laporkan: report only")
    diubah_setelah_disetujui: Grade = Field(
        "galat", description="galat: a change after approval is an error until approved again; peringatan: a warning"
    )
    akar_kepercayaan: str | None = Field(
        None, pattern=r"^[0-9a-f]{64}$", description="sha256 of the first staf.yaml (the trust root)"
    )
    jam_kerja: JamKerja = Field(default_factory=JamKerja, description="working hours; default: the civil service's")
    berkas_maks_mb: int = Field(
        FILE_MB, ge=1, le=4096, description="largest attachment, in MB (1 MB = 1,000,000 bytes)"
    )
    kasus_maks_mb: int = Field(CASE_MB, ge=1, le=65536, description="largest total of a case folder's files, in MB")
    analitik_pihak_ketiga: bool = Field(
        False, description="true: mkdocs.yml may add a third-party analytics script (extra.analytics) to every page"
    )


@dataclass(frozen=True)
class ArchiveConfig:
    """The settings in force: the file's, with the environment's pins over them."""

    policy: Policy = "laporkan"
    trust_root: str | None = None
    changed_after: Grade = "galat"
    file: str | None = None  # where it was read from, for messages
    model: Konfigurasi | None = None  # the file as written (None: no file, or unreadable)
    hours: WorkingHours = CIVIL_SERVICE  # what a step's working minutes are counted by
    max_file_bytes: int = FILE_MB * MB  # one attachment
    max_case_bytes: int = CASE_MB * MB  # all the files of one case folder
    third_party_analytics: bool = False

    @property
    def kantor(self) -> Kantor | None:
        """The office profile in force."""
        return self.model.kantor if self.model else None

    @property
    def changed_after_severity(self) -> Severity:
        return Severity.ERROR if self.changed_after == "galat" else Severity.WARNING


def shown_config(layout: Layout) -> str:
    """How sop-kit.yaml is named in messages: beside the records folder as the user named it."""
    return os.path.join(os.path.dirname(layout.shown.rstrip("/")) or ".", CONFIG_FILE).removeprefix("./")


def settle(model: Konfigurasi | None, shown: str | None, env: Mapping[str, str] | None = None) -> ArchiveConfig:
    """The settings in force from the file's model and the environment's pins."""
    env = os.environ if env is None else env
    policy: Policy = model.tanda_tangan if model else "laporkan"
    pinned = env.get(POLICY_PIN)
    if pinned == "wajib":
        policy = "wajib"
    elif pinned == "laporkan":
        policy = "laporkan"
    trust_root = env.get(ROOT_PIN) or (model.akar_kepercayaan if model else None)
    grade: Grade = model.diubah_setelah_disetujui if model else "galat"
    config = ArchiveConfig(policy, trust_root, grade, shown, model)
    if model is None:
        return config
    return replace(
        config,
        hours=model.jam_kerja.hours(),
        max_file_bytes=model.berkas_maks_mb * MB,
        max_case_bytes=model.kasus_maks_mb * MB,
        third_party_analytics=model.analitik_pihak_ketiga,
    )


def pin_findings(config: ArchiveConfig, env: Mapping[str, str] | None = None) -> list[Finding]:
    """A pin in the environment and the file disagreeing: the pin holds, the file must follow."""
    env = os.environ if env is None else env
    model, out = config.model, list[Finding]()
    if model is None or config.file is None:
        return out
    pins = ((POLICY_PIN, "tanda_tangan", model.tanda_tangan), (ROOT_PIN, "akar_kepercayaan", model.akar_kepercayaan))
    for name, key, written in pins:
        pinned = env.get(name)
        if pinned and written is not None and pinned != written:
            out.append(Finding(Severity.ERROR, "config.pin_mismatch", config.file, None, {"key": key, "pin": name}))
    return out


def load_config(layout: Layout, content: bytes | None = None) -> tuple[ArchiveConfig, list[Finding]]:
    """The settings in force and the problems of the file: the working tree's sop-kit.yaml,
    or ``content`` when given (the version authorised in history)."""
    path = layout.root.parent / CONFIG_FILE
    shown = shown_config(layout)
    if content is not None:
        model, loaded, findings = parse_text(content, shown, Konfigurasi)
    elif path.is_file():
        model, loaded, findings = parse_file(path, shown, Konfigurasi)
    else:
        return settle(None, None), []  # no settings at all (init always writes them): nothing to say yet
    config = settle(model, shown)
    office: list[Finding] = []
    if model is not None and loaded is not None:
        office = profile_findings(model.kantor, path.parent, shown, lambda *keys: loaded.line_of(("kantor", *keys)))
    return config, [*findings, *pin_findings(config), *office]


def office_name(config: ArchiveConfig, sops: Mapping[tuple[str, int], Sop]) -> str:
    """The office's name: the profile's, else the first SOP's unit."""
    if config.kantor is not None:
        return config.kantor.dinas
    return next((s.unit.instansi for s in sops.values()), "Dinas")


def office_settings(records: Path) -> tuple[str, list[tuple[str, Path]]]:
    """The ``kantor:`` section of the sop-kit.yaml beside ``records`` as YAML text (empty
    without one), and its emblem file as (path beside sop-kit.yaml, file): what a copy of the
    archive, such as the demo repository, carries over."""
    top = records.parent
    model = parse_file(top / CONFIG_FILE, CONFIG_FILE, Konfigurasi)[0] if (top / CONFIG_FILE).is_file() else None
    if model is None or model.kantor is None:
        return "", []
    data = {"kantor": model.kantor.model_dump(mode="json", exclude_none=True, exclude_defaults=True)}
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=4096)
    lambang = model.kantor.lambang
    path = emblem_path(top, lambang) if lambang else None
    return text, ([(path.relative_to(top).as_posix(), path)] if lambang and path and path.is_file() else [])
