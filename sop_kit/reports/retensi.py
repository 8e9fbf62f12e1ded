"""``sop-kit retensi``: which closed cases the JRA (jadwal retensi arsip) says are due to move to
the records centre, to be destroyed, or to go to the regional archive for good.

A case's JRA entry is its SOP's ``retensi:``, else the office profile's. Its clock starts when
the case's file closed: the last completion of the records that count, or the day the case was
withdrawn or closed early. It stays active in the office
for ``aktif_tahun`` years, then inactive in the records centre for ``inaktif_tahun`` years
(due for transfer: *pindah*); then its final fate is due: *musnah* (destruction, with the
head's approval and a destruction record) or *permanen* (handed to the regional archive).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from ..check.audit import Audit
from ..core.messages import text
from ..records.archive import Archive, CaseFolder
from ..records.models import Kasus, Sop
from ..records.office import Retensi
from ..records.rounds import Progress, Status, case_progress, file_closed_on

State = Literal["aktif", "pindah", "musnah", "permanen"]


@dataclass(frozen=True)
class Due:
    case: str
    folder: Path
    title: str
    sop: str
    jra: Retensi
    closed: date  # the file closed: finished, or stopped on that day
    stopped: str | None  # 'batal' or 'ditutup' when the case was stopped, not finished
    active_until: date  # the end of the active period: transfer to the records centre from here
    inactive_until: date  # the end of the inactive period: the final fate from here
    state: State

    def bag_info(self) -> dict[str, str]:
        """The JRA entry and where the case stands, as bag-info.txt fields."""
        j = self.jra
        info = {
            "JRA-Retensi-Aktif": f"{j.aktif_tahun} tahun",
            "JRA-Retensi-Inaktif": f"{j.inaktif_tahun} tahun",
            "JRA-Nasib-Akhir": j.nasib_akhir,
            "JRA-Kasus-Selesai": self.closed.isoformat(),
            **({"JRA-Kasus-Dihentikan": self.stopped} if self.stopped else {}),
            "JRA-Aktif-Sampai": self.active_until.isoformat(),
            "JRA-Inaktif-Sampai": self.inactive_until.isoformat(),
            "JRA-Status": self.state,
        }
        if j.kode_klasifikasi:
            info["JRA-Kode-Klasifikasi"] = j.kode_klasifikasi
        if j.dasar:
            info["JRA-Dasar"] = j.dasar
        return info

    def to_json(self) -> dict[str, Any]:
        return {
            "kasus": self.case,
            "judul": self.title,
            "sop": self.sop,
            "selesai": self.closed.isoformat(),
            **({"dihentikan": self.stopped} if self.stopped else {}),
            "aktif_sampai": self.active_until.isoformat(),
            "inaktif_sampai": self.inactive_until.isoformat(),
            "status": self.state,
            "jra": self.jra.model_dump(exclude_none=True),
        }


def jra_of(archive: Archive, sop: Sop) -> Retensi | None:
    profile = archive.config.kantor
    return sop.retensi or (profile.retensi if profile else None)


def case_retention(archive: Archive, kasus: Kasus, sop: Sop, prog: Progress, folder: Path, on: date) -> Due | None:
    """Where one case stands under its JRA on ``on`` (None: still open, or no JRA entry)."""
    jra = jra_of(archive, sop)
    stop = kasus.dihentikan
    closed = file_closed_on(prog, stop.tanggal if stop else None)
    if jra is None or closed is None:
        return None
    active, inactive = jra.active_until(closed), jra.inactive_until(closed)
    state: State = "aktif" if on < active else ("pindah" if on < inactive else jra.nasib_akhir)
    stopped = stop.status if stop and prog.status.stopped else None
    return Due(kasus.id, folder, kasus.judul, sop.nomor, jra, closed, stopped, active, inactive, state)


@dataclass
class RetentionReport:
    on: date
    cases: list[Due]
    open_cases: int  # not closed: their clock has not started
    without_jra: int  # closed, but neither their SOP nor the profile has a JRA entry

    def due(self) -> list[Due]:
        return [d for d in self.cases if d.state != "aktif"]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": "sop-kit/retensi/1",
            "tanggal": self.on.isoformat(),
            "jatuh_tempo": [d.to_json() for d in self.due()],
            "aktif": [d.to_json() for d in self.cases if d.state == "aktif"],
            "belum_selesai": self.open_cases,
            "tanpa_jra": self.without_jra,
        }


def retention(audit: Audit, on: date) -> RetentionReport:
    archive = audit.archive
    out = RetentionReport(on, [], 0, 0)
    for folder in sorted(audit.report.verdicts):
        case = archive.read_case(folder)
        sop = archive.sop_of(case.kasus) if case.kasus else None
        if case.kasus is None or sop is None:
            continue
        prog = case_progress(sop, case)
        if prog.status is not Status.DONE and not prog.status.stopped:
            out.open_cases += 1
            continue
        found = case_retention(archive, case.kasus, sop, prog, folder, on)
        if found is None:
            out.without_jra += 1
        else:
            out.cases.append(found)
    out.cases.sort(key=lambda d: (d.state == "aktif", d.active_until, d.case))
    return out


def format_retention(report: RetentionReport, lang: str, everything: bool = False) -> str:
    out = [text("retensi.header", lang, date=report.on.isoformat(), due=len(report.due()), total=len(report.cases))]
    for d in report.cases if everything else report.due():
        out.append(
            "  "
            + text(
                f"retensi.state_{d.state}",
                lang,
                case=d.case,
                closed=text(f"retensi.closed_{d.stopped or 'selesai'}", lang, date=d.closed.isoformat()),
                active=d.active_until.isoformat(),
                inactive=d.inactive_until.isoformat(),
            )
        )
    if not report.due() and not everything:
        out.append("  " + text("retensi.none_due", lang))
    if report.open_cases:
        out.append(text("retensi.open", lang, count=report.open_cases))
    if report.without_jra:
        out.append(text("retensi.no_jra", lang, count=report.without_jra))
    return "\n".join(out) + "\n"


def retention_info(
    archive: Archive, kasus: Kasus, sop: Sop, case: CaseFolder, folder: Path, on: date
) -> dict[str, str]:
    """bag-info.txt fields of a bagged case's JRA entry (none while open or without one)."""
    due = case_retention(archive, kasus, sop, case_progress(sop, case), folder, on)
    return due.bag_info() if due else {}
