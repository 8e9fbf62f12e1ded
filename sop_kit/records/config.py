"""Archive settings kept beside ``records/``, outside the records clerks edit.

``sop-kit.yaml`` (at the archive's parent folder, normally the repository top)::

    format: sop-kit/konfigurasi/1
    tanda_tangan: wajib          # wajib: an unverified approval is an error; laporkan: a note
    akar_kepercayaan: "9f86d0…"  # sha256 of the first staf.yaml: the pinned trust root

CI can pin the trust root and the policy without the file: ``SOP_KIT_TRUST_ROOT`` and
``SOP_KIT_SIGNATURES`` override it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field

from ..core.findings import Finding
from .fieldtypes import STRICT
from .layout import Layout
from .parse import parse_file

CONFIG_FILE = "sop-kit.yaml"
Policy = Literal["wajib", "laporkan"]


class Konfigurasi(BaseModel):
    model_config = STRICT
    format: Literal["sop-kit/konfigurasi/1"]
    tanda_tangan: Policy = Field("laporkan", description="wajib: approvals must be signed; laporkan: report only")
    akar_kepercayaan: str | None = Field(
        None, pattern=r"^[0-9a-f]{64}$", description="sha256 of the first staf.yaml (the trust root)"
    )


@dataclass(frozen=True)
class ArchiveConfig:
    policy: Policy = "laporkan"
    trust_root: str | None = None
    file: str | None = None  # where it was read from, for messages


def load_config(layout: Layout) -> tuple[ArchiveConfig, list[Finding]]:
    path = layout.root.parent / CONFIG_FILE
    policy: Policy = "laporkan"
    trust_root = None
    findings: list[Finding] = []
    shown = None
    if path.is_file():
        shown = os.path.join(os.path.dirname(layout.shown.rstrip("/")) or ".", CONFIG_FILE).removeprefix("./")
        model, _, findings = parse_file(path, shown, Konfigurasi)
        if model is not None:
            policy, trust_root = model.tanda_tangan, model.akar_kepercayaan
    env_policy = os.environ.get("SOP_KIT_SIGNATURES")
    if env_policy in ("wajib", "laporkan"):
        policy = env_policy  # type: ignore[assignment]
    trust_root = os.environ.get("SOP_KIT_TRUST_ROOT") or trust_root
    return ArchiveConfig(policy, trust_root, shown), findings
