"""SOP revisions: which one judges a case (what changed between two is :mod:`sop_kit.reports.diff`).

The revisions of an SOP are the files in ``records/sop/`` sharing its ``nomor``, one file
per revision. A case names its SOP and, optionally, the revision; without one it is judged
by the revision in force on ``periode.mulai``: the highest ``revisi`` whose
``tanggal_efektif`` (YYYY-MM) is not after the start month.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from .models import Sop

SopKey = tuple[str, int]


def revisions_of(sops: Mapping[SopKey, Sop], nomor: str) -> list[Sop]:
    """Every revision of SOP ``nomor``, oldest first."""
    return sorted((s for (n, _), s in sops.items() if n == nomor), key=lambda s: s.revisi)


def in_force(sops: Mapping[SopKey, Sop], nomor: str, start: date | str) -> Sop | None:
    """The revision of ``nomor`` in force on ``start`` (a date or YYYY-MM); None before the first."""
    month = start if isinstance(start, str) else f"{start:%Y-%m}"
    effective = [s for s in revisions_of(sops, nomor) if s.tanggal_efektif <= month]
    return max(effective, key=lambda s: s.revisi) if effective else None


def sop_for(sops: Mapping[SopKey, Sop], nomor: str, start: date | str, revisi: int | None = None) -> Sop | None:
    """The SOP a case is judged by: the revision it names, else the one in force on ``start``."""
    if revisi is not None:
        return sops.get((nomor, revisi))
    return in_force(sops, nomor, start)
