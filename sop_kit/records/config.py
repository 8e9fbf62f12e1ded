"""Archive settings kept beside ``records/``, outside the records clerks edit.

``sop-kit.yaml`` (at the archive's parent folder, normally the repository top)::

    format: sop-kit/konfigurasi/1
    tanda_tangan: wajib                  # wajib: an unverified approval is an error; laporkan: a note
    diubah_setelah_disetujui: galat      # galat (default): a change after approval is an error
    akar_kepercayaan: "9f86d0…"          # sha256 of the first staf.yaml: the pinned trust root

The file decides verdicts, so in a repository it counts only in the version its last
authorised change left (see :mod:`sop_kit.trail.governed`). CI can pin the trust root and the
signature policy outside the repository: ``SOP_KIT_TRUST_ROOT`` and ``SOP_KIT_SIGNATURES``
override the file, and a file that says otherwise is reported.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field

from ..core.findings import Finding, Severity
from .fieldtypes import STRICT
from .layout import Layout
from .models.sop import Sop
from .office import Kantor, emblem_path, profile_findings
from .parse import parse_file, parse_text

CONFIG_FILE = "sop-kit.yaml"
Policy = Literal["wajib", "laporkan"]
Grade = Literal["galat", "peringatan"]
POLICY_PIN = "SOP_KIT_SIGNATURES"
ROOT_PIN = "SOP_KIT_TRUST_ROOT"


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


@dataclass(frozen=True)
class ArchiveConfig:
    """The settings in force: the file's, with the environment's pins over them."""

    policy: Policy = "laporkan"
    trust_root: str | None = None
    changed_after: Grade = "galat"
    file: str | None = None  # where it was read from, for messages
    model: Konfigurasi | None = None  # the file as written (None: no file, or unreadable)

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
    return ArchiveConfig(policy, trust_root, grade, shown, model)


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
