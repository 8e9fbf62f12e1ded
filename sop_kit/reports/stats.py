"""``sop-kit sop stats``: how the archive's cases actually went, step by step, against the SOP.

Per SOP revision (each case counted under the revision it is judged by), per step: the
completed records, the median and 90th-percentile duration of those with both times, the
share over the standard, and for each mandated document kind how many completed records
lacked a valid file of it. "Lacked" is the check's own verdict (:attr:`Verdict.missing`),
not a second reading of the rules.

Percentiles: the median is the middle value (the mean of the two middle values for an even
count); the 90th percentile is the nearest rank, the ⌈0.9·n⌉-th smallest duration, so it is
always a duration that really occurred.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..check.audit import Audit
from ..core.errors import ConfigError
from ..core.messages import text
from ..records.models import Sop
from ..records.revisions import SopKey
from ..records.worktime import working_minutes


def nearest_rank(values: list[int], percent: float) -> int | None:
    """The ⌈percent/100·n⌉-th smallest value (nearest-rank percentile); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(1, math.ceil(percent / 100 * len(ordered))) - 1]


@dataclass
class DocumentStats:
    kind: str  # document kind id
    name: str
    missing: int
    completed: int

    @property
    def share(self) -> float | None:
        return self.missing / self.completed if self.completed else None


@dataclass
class StepStats:
    no: int
    kegiatan: str
    standard: int
    flexible: bool
    completed: int = 0  # records with status selesai
    durations: list[int] = field(default_factory=list)  # minutes, of the completed records with both times
    documents: list[DocumentStats] = field(default_factory=list)

    @property
    def median(self) -> float | None:
        return statistics.median(self.durations) if self.durations else None

    @property
    def p90(self) -> int | None:
        return nearest_rank(self.durations, 90)

    @property
    def over(self) -> int:
        return sum(1 for d in self.durations if d > self.standard)

    @property
    def over_share(self) -> float | None:
        return self.over / len(self.durations) if self.durations else None


@dataclass
class RevisionStats:
    sop: Sop
    cases: int
    steps: list[StepStats]

    def to_json(self) -> dict[str, Any]:
        return {
            "nomor": self.sop.nomor,
            "revisi": self.sop.revisi,
            "tanggal_efektif": self.sop.tanggal_efektif,
            "kasus": self.cases,
            "langkah": [
                {
                    "no": s.no,
                    "kegiatan": s.kegiatan,
                    "standar_menit": s.standard,
                    "waktu_fleksibel": s.flexible,
                    "selesai": s.completed,
                    "terukur": len(s.durations),
                    "median_menit": s.median,
                    "p90_menit": s.p90,
                    "melebihi_standar": s.over,
                    "bagian_melebihi_standar": s.over_share,
                    "dokumen_wajib": [
                        {"jenis": d.kind, "nama": d.name, "tidak_ada": d.missing, "bagian_tidak_ada": d.share}
                        for d in s.documents
                    ],
                }
                for s in self.steps
            ],
        }


CaseRecords = tuple[str, SopKey, Iterable[tuple[int, int | None]]]  # case id, its SOP, (step, minutes) done


def compute(
    sops: Mapping[SopKey, Sop], cases: Iterable[CaseRecords], missing: Iterable[tuple[str, int, str]]
) -> list[RevisionStats]:
    """The statistics of every revision in ``sops``, from each case's completed records and
    the documents their verdicts found missing, as (case id, step, document kind name)."""
    table = {
        ref: RevisionStats(sop, 0, [StepStats(s.no, s.kegiatan, s.waktu_menit, s.waktu_fleksibel) for s in sop.langkah])
        for ref, sop in sorted(sops.items())
    }
    case_sop: dict[str, SopKey] = {}
    for case_id, ref, records in cases:
        if ref not in table:
            continue
        case_sop[case_id] = ref
        entry = table[ref]
        entry.cases += 1
        for no, minutes in records:
            if 1 <= no <= len(entry.steps):
                entry.steps[no - 1].completed += 1
                if minutes is not None:
                    entry.steps[no - 1].durations.append(minutes)
    lacking: dict[tuple[SopKey, int, str], int] = {}
    for case_id, no, kind_name in missing:
        if case_id in case_sop:
            key = (case_sop[case_id], no, kind_name)
            lacking[key] = lacking.get(key, 0) + 1
    for ref, entry in table.items():
        for step, spec in zip(entry.steps, entry.sop.langkah, strict=True):
            for kind_id in spec.dokumen_wajib:
                kind = entry.sop.kind(kind_id)
                step.documents.append(
                    DocumentStats(kind.id, kind.nama, lacking.get((ref, step.no, kind.nama), 0), step.completed)
                )
    return list(table.values())


def archive_stats(audit: Audit, nomor: str | None = None) -> list[RevisionStats]:
    """:func:`compute` for a judged archive (only SOP ``nomor``, if given): documents missing
    are those of each case's verdict."""
    archive = audit.archive
    sops = archive.sops
    if nomor is not None:
        sops = {ref: s for ref, s in sops.items() if ref[0] == nomor}
        if not sops:
            known = ", ".join(sorted({n for n, _ in archive.sops})) or "-"
            raise ConfigError("stats.unknown_sop", None, nomor=nomor, known=known)
    cases: list[CaseRecords] = []
    lacking: list[tuple[str, int, str]] = []
    for path, verdict in audit.report.verdicts.items():
        case = archive.read_case(path)
        sop = archive.sop_of(case.kasus) if case.kasus else None
        if case.kasus is None or sop is None:
            continue
        hours = archive.config.hours  # the SOP's Waktu is working time
        done = [
            (s.record.langkah, working_minutes(hours, s.record)) for s in case.steps if s.record.status == "selesai"
        ]
        cases.append((case.kasus.id, sop.ref, done))
        lacking += [(case.kasus.id, m.step, m.name) for m in verdict.missing]
    return compute(sops, cases, lacking)


def minutes_text(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:g}" if float(value).is_integer() else f"{value:.1f}"


def percent(share: float | None) -> str:
    return "-" if share is None else f"{round(share * 100)}%"


def format_stats(stats: list[RevisionStats], lang: str) -> str:
    out: list[str] = []
    heads = [text(f"stats.col_{c}", lang) for c in ("step", "standard", "completed", "median", "p90", "over")]
    for entry in stats:
        s = entry.sop
        out.append(
            text("stats.header", lang, nomor=s.nomor, revisi=s.revisi, effective=s.tanggal_efektif, cases=entry.cases)
        )
        rows = [heads]
        for step in entry.steps:
            flag = "*" if step.flexible else ""
            rows.append(
                [
                    f"{step.no}{flag}",
                    str(step.standard),
                    f"{step.completed}"
                    + (f" ({len(step.durations)})" if len(step.durations) != step.completed else ""),
                    minutes_text(step.median),
                    minutes_text(step.p90),
                    percent(step.over_share),
                ]
            )
        widths = [max(len(r[i]) for r in rows) for i in range(len(heads))]
        out += [
            "  "
            + "  ".join(
                c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))
            ).rstrip()
            for r in rows
        ]
        if any(step.flexible for step in entry.steps):
            out.append("  " + text("stats.flexible", lang))
        docs = [(step, d) for step in entry.steps for d in step.documents]
        if docs:
            out.append("  " + text("stats.documents", lang))
            for step, d in docs:
                out.append(
                    "    "
                    + text(
                        "stats.document_row",
                        lang,
                        no=step.no,
                        kind=d.name,
                        missing=d.missing,
                        completed=d.completed,
                        share=percent(d.share),
                    )
                )
        out.append("")
    if not stats:
        out.append(text("stats.none", lang))
    out.append(text("stats.method", lang))
    return "\n".join(out) + "\n"


def stats_json(stats: list[RevisionStats]) -> dict[str, Any]:
    return {
        "format": "sop-kit/sop-stats/1",
        "persentil": "median: nilai tengah; p90: peringkat terdekat (nearest rank)",
        "sop": [s.to_json() for s in stats],
    }
