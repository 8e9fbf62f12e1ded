"""``sop-kit laporan bulanan|triwulan|tahunan PERIODE``: the figures the Kepala Dinas reports
to the Bupati and in the LKjIP, for one month, quarter or year.

Every figure comes from the judged archive: each case's verdict (documents missing, findings)
and the statistics of ``sop-kit sop stats`` (:func:`sop_kit.reports.stats.compute`: median,
nearest-rank P90, over the standard). What counts in a period:

* a case is *opened* in it when ``periode.mulai`` falls in it; *closed* when its last step's
  completion does (a case whose every step is done); *in progress* at its end when opened by
  then and not closed by then; *active* when it was open at any time during it;
* a decision, a step's completion and its duration count in the period of the record's
  ``selesai``; a completed step's documents are complete unless its verdict lacks one;
* findings are those of the active cases' verdicts as judged now (errors and warnings).

The workbook (:func:`write_xlsx`) holds one sheet per table, with typed cells, number formats
and frozen headers; the PDF is rendered by :mod:`sop_kit.pdf.periodic`.
"""

from __future__ import annotations

import io
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Literal

from ..check.audit import Audit
from ..core.errors import ConfigError
from ..core.findings import Finding, Severity
from ..core.messages import text
from ..records.config import office_name
from ..records.facts import Counted
from ..records.fieldtypes import BULAN
from ..records.models import Sop
from .stats import CaseRecords, RevisionStats, compute

Kind = Literal["bulanan", "triwulan", "tahunan"]
ROMAN = ("I", "II", "III", "IV")
# Finding codes grouped into the kinds a report names (by the code's first part).
GROUPS = {
    "doc": "dokumen",
    "file": "dokumen",
    "step": "langkah",
    "round": "langkah",
    "time": "waktu",
    "trail": "persetujuan",
    "case": "identitas",
    "location": "identitas",
    "staff": "staf",
    "nomor": "nomor",
    "revision": "identitas",
}


@dataclass(frozen=True)
class Period:
    kind: Kind
    start: date
    end: date  # inclusive
    key: str  # 2025-03, 2025-Q1, 2025

    @property
    def label(self) -> str:
        if self.kind == "bulanan":
            return f"{BULAN[self.start.month - 1]} {self.start.year}"
        if self.kind == "triwulan":
            return f"Triwulan {ROMAN[(self.start.month - 1) // 3]} {self.start.year}"
        return f"Tahun {self.start.year}"

    def months(self) -> list[date]:
        out, day = [], self.start
        while day <= self.end:
            out.append(day)
            day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return out

    def holds(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.end


KINDS = ("bulanan", "triwulan", "tahunan")


def read_period(first: str, second: str | None) -> Period:
    """The period a clerk typed: its kind and value ('bulanan 2025-03'), or the value alone when
    its shape says the kind ('2025', '2025-03', '2025-Q1'); a kind in any case."""
    if second is None:
        value = first.strip()
        for kind, shape in (
            ("tahunan", r"\d{4}"),
            ("bulanan", r"\d{4}-\d{2}"),
            ("triwulan", r"\d{4}-(?:[Qq]\d|I{1,3}|IV)"),
        ):
            if re.fullmatch(shape, value):
                return parse_period(kind, value)
        raise ConfigError("laporan.bad_period_alone", None, value=value)
    kind = first.strip().lower()
    if kind not in KINDS:
        raise ConfigError("laporan.bad_kind", None, kind=first, kinds=", ".join(KINDS))
    return parse_period(kind, second)


def parse_period(kind: str, value: str) -> Period:
    """bulanan 2025-03 (or 2025-3) · triwulan 2025-Q1 (or 2025-1, 2025-I) · tahunan 2025."""
    value = value.strip()
    if kind == "tahunan" and re.fullmatch(r"\d{4}", value):
        year = int(value)
        return Period("tahunan", date(year, 1, 1), date(year, 12, 31), value)
    if kind == "bulanan" and (m := re.fullmatch(r"(\d{4})-(0?[1-9]|1[0-2])", value)):
        start = date(int(m[1]), int(m[2]), 1)
        return Period("bulanan", start, _month_end(start), f"{start:%Y-%m}")
    if kind == "triwulan" and (m := re.fullmatch(r"(\d{4})-(?:Q|q)?([1-4]|I{1,3}|IV)", value)):
        quarter = int(m[2]) if m[2].isdigit() else ROMAN.index(m[2]) + 1
        start = date(int(m[1]), 3 * quarter - 2, 1)
        return Period("triwulan", start, _month_end(date(start.year, start.month + 2, 1)), f"{m[1]}-Q{quarter}")
    examples = {"bulanan": "2025-03", "triwulan": "2025-Q1", "tahunan": "2025"}
    raise ConfigError("laporan.bad_period", None, kind=kind, value=value, example=examples.get(kind, "2025"))


def _month_end(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1) - timedelta(days=1)


@dataclass
class KecamatanRow:
    kecamatan: str
    opened: int = 0
    closed: int = 0
    stopped: int = 0  # withdrawn or closed early in the period
    in_progress: int = 0  # at the period's end


@dataclass
class MonthRow:
    month: date
    opened: int = 0
    closed: int = 0


@dataclass
class StepRow:
    """One step of one SOP revision, over the records completed in the period."""

    sop: str
    no: int
    activity: str
    standard: int
    flexible: bool
    completed: int
    measured: int
    within: int
    documents_complete: int
    median: float | None
    p90: int | None

    @property
    def within_share(self) -> float | None:
        return self.within / self.measured if self.measured else None

    @property
    def documents_share(self) -> float | None:
        return self.documents_complete / self.completed if self.completed else None


@dataclass
class FindingRow:
    group: str  # a GROUPS value, or "lain"
    severity: str
    count: int
    cases: int


@dataclass
class CodeRow:
    code: str
    severity: str
    count: int
    cases: int
    example: str  # one finding's message, as an example


@dataclass
class Laporan:
    period: Period
    office: str
    active: int = 0
    opened: int = 0
    closed: int = 0
    stopped: int = 0  # withdrawn or closed early in the period
    in_progress: int = 0
    kecamatan: list[KecamatanRow] = field(default_factory=list)
    months: list[MonthRow] = field(default_factory=list)
    decisions: dict[str, int] = field(default_factory=lambda: {"ya": 0, "tidak": 0})
    steps: list[StepRow] = field(default_factory=list)
    findings: list[FindingRow] = field(default_factory=list)
    codes: list[CodeRow] = field(default_factory=list)
    complying: int = 0  # active cases whose verdict has no error
    trail_read: bool = False  # the verdicts' (Report.trail_read): without it no approval was verified
    stats: list[RevisionStats] = field(default_factory=list)  # sop stats of the period's records

    def to_json(self) -> dict[str, Any]:
        return {
            "format": "sop-kit/laporan/2",
            "jenis": self.period.kind,
            "periode": self.period.key,
            "mulai": self.period.start.isoformat(),
            "sampai": self.period.end.isoformat(),
            "kantor": self.office,
            "jejak_persetujuan_dibaca": self.trail_read,
            "kasus": {
                "aktif": self.active,
                "dibuka": self.opened,
                "selesai": self.closed,
                "dihentikan": self.stopped,
                "berjalan_di_akhir": self.in_progress,
                "sesuai_sop": self.complying,
            },
            # In the words of the XLSX's columns: one vocabulary for one report.
            "per_kecamatan": [
                {
                    "kecamatan": r.kecamatan,
                    "dibuka": r.opened,
                    "selesai": r.closed,
                    "dihentikan": r.stopped,
                    "berjalan_di_akhir": r.in_progress,
                }
                for r in self.kecamatan
            ],
            "per_bulan": [{"bulan": f"{m.month:%Y-%m}", "dibuka": m.opened, "selesai": m.closed} for m in self.months],
            "keputusan": self.decisions,
            "per_langkah": [
                {
                    "sop": s.sop,
                    "no": s.no,
                    "kegiatan": s.activity,
                    "standar_menit": s.standard,
                    "waktu_fleksibel": s.flexible,
                    "selesai": s.completed,
                    "terukur": s.measured,
                    "dalam_standar": s.within,
                    "dokumen_lengkap": s.documents_complete,
                    "median_menit": s.median,
                    "p90_menit": s.p90,
                }
                for s in self.steps
            ],
            "temuan": [
                {"jenis": r.group, "tingkat": r.severity, "jumlah": r.count, "kasus": r.cases} for r in self.findings
            ],
            "temuan_per_kode": [
                {"kode": r.code, "tingkat": r.severity, "jumlah": r.count, "kasus": r.cases, "contoh": r.example}
                for r in self.codes
            ],
        }


@dataclass(frozen=True)
class ReportCase:
    """What the reports need of one case: the facts its judgement read from its records, with
    what its verdict says. Gathered once, for every period."""

    facts: Counted
    complies: bool
    lacking: dict[tuple[int, int], tuple[str, ...]]  # (step, round) -> document kinds its verdict finds lacking
    findings: tuple[Finding, ...]  # errors and warnings of its verdict


def report_cases(audit: Audit) -> list[ReportCase]:
    """Every judged case the reports count. No case is read again here."""
    out = []
    for _, verdict in sorted(audit.report.verdicts.items()):
        if verdict.facts.counted is None:
            continue
        lacking: dict[tuple[int, int], list[str]] = defaultdict(list)
        for m in verdict.missing:
            lacking[(m.step, m.round)].append(m.name)
        findings = tuple(f for f in verdict.findings if f.severity is not Severity.INFO)
        missing = {slot: tuple(names) for slot, names in lacking.items()}
        out.append(ReportCase(verdict.facts.counted, verdict.complies, missing, findings))
    return out


def build_report(audit: Audit, period: Period, cases: list[ReportCase] | None = None) -> Laporan:
    """The report of ``period`` from the judged archive (``cases``: its :func:`report_cases`,
    when already gathered for another period)."""
    archive = audit.archive
    report = Laporan(period, office_name(archive.config, archive.sops), trail_read=audit.report.trail_read)
    report.months = [MonthRow(m) for m in period.months()] if period.kind != "bulanan" else []
    by_kec: dict[str, KecamatanRow] = {}
    done: list[CaseRecords] = []
    lacking: list[tuple[str, int, str]] = []
    complete_docs: Counter[tuple[tuple[str, int], int]] = Counter()
    findings: list[Finding] = []
    month_of = {(m.month.year, m.month.month): m for m in report.months}
    for case in report_cases(audit) if cases is None else cases:
        c = case.facts
        opened, closed, ended = c.opened, c.closed, c.ended
        if not (opened <= period.end and (ended is None or ended >= period.start)):
            continue  # not open at any time in the period
        report.active += 1
        report.complying += case.complies
        row = by_kec.setdefault(c.kecamatan, KecamatanRow(c.kecamatan))
        if period.holds(opened):
            report.opened += 1
            row.opened += 1
        if period.holds(closed):
            report.closed += 1
            row.closed += 1
        if period.holds(c.stopped):
            report.stopped += 1
            row.stopped += 1
        if ended is None or ended > period.end:
            report.in_progress += 1
            row.in_progress += 1
        if (month := month_of.get((opened.year, opened.month))) is not None:
            month.opened += 1
        if closed is not None and (month := month_of.get((closed.year, closed.month))) is not None:
            month.closed += 1
        records = []
        for d in c.done:
            if not period.holds(d.day):
                continue
            missing = case.lacking.get((d.step, d.round), ())
            records.append((d.step, d.minutes))
            complete_docs[(c.sop, d.step)] += not missing
            if d.decision in ("ya", "tidak"):
                report.decisions[d.decision] += 1
            lacking += [(c.id, d.step, name) for name in missing]
        done.append((c.id, c.sop, records))
        findings += case.findings
    report.kecamatan = sorted(by_kec.values(), key=lambda r: r.kecamatan)
    used = {ref for _, ref, _ in done}
    report.stats = compute({ref: s for ref, s in archive.sops.items() if ref in used}, done, lacking)
    for entry in report.stats:
        report.steps += [_step_row(entry.sop, s, complete_docs[(entry.sop.ref, s.no)]) for s in entry.steps]
    report.findings, report.codes = _finding_rows(findings)
    return report


def _step_row(sop: Sop, s: Any, complete: int) -> StepRow:
    return StepRow(
        f"{sop.nomor} rev. {sop.revisi}",
        s.no,
        s.kegiatan,
        s.standard,
        s.flexible,
        s.completed,
        len(s.durations),
        len(s.durations) - s.over,
        complete,
        s.median,
        s.p90,
    )


def _finding_rows(findings: list[Finding]) -> tuple[list[FindingRow], list[CodeRow]]:
    groups: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    codes: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in findings:
        groups[(GROUPS.get(f.code.split(".", 1)[0], "lain"), f.severity.value)].append(f)
        codes[(f.code, f.severity.value)].append(f)
    rank = {"error": 0, "warning": 1}
    group_rows = [FindingRow(g, sev, len(fs), len({f.case for f in fs})) for (g, sev), fs in groups.items()]
    code_rows = [
        CodeRow(code, sev, len(fs), len({f.case for f in fs}), fs[0].message("id")) for (code, sev), fs in codes.items()
    ]
    group_rows.sort(key=lambda r: (rank.get(r.severity, 2), -r.count, r.group))
    code_rows.sort(key=lambda r: (rank.get(r.severity, 2), -r.count, r.code))
    return group_rows, code_rows


def group_label(group: str, lang: str = "id") -> str:
    return text(f"laporan.group_{group}", lang)


def write_xlsx(report: Laporan, created: datetime) -> bytes:
    """The report as an Excel workbook: one sheet per table, typed cells (numbers, dates,
    shares as percentages), number formats and frozen headers. ``created`` is the workbook's
    date in its properties (never the clock: the same report gives the same file)."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    book.set_properties(
        {"title": f"Laporan {report.period.label} — {report.office}", "author": report.office, "created": created,
         "comments": "Dibuat oleh sop-kit dari putusan pemeriksaan setiap kasus."}
    )  # fmt: skip
    head = book.add_format({"bold": True, "bg_color": "#E8EEF4", "border": 1, "text_wrap": True, "valign": "top"})
    fmt = {
        "int": book.add_format({"num_format": "0"}),
        "dec": book.add_format({"num_format": "0.0"}),
        "pct": book.add_format({"num_format": "0%"}),
        "date": book.add_format({"num_format": "yyyy-mm-dd"}),
        "month": book.add_format({"num_format": "mmmm yyyy"}),
        "text": book.add_format({"text_wrap": False}),
        "bool": book.add_format({"align": "center"}),
    }

    def sheet(name: str, columns: list[tuple[str, str, int]], rows: list[list[Any]]) -> None:
        ws = book.add_worksheet(name)
        for c, (title, _, width) in enumerate(columns):
            ws.write_string(0, c, title, head)
            ws.set_column(c, c, width)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                kind = columns[c][1]
                if value is None:
                    ws.write_blank(r, c, None, fmt[kind])
                elif kind in ("int", "dec", "pct"):
                    ws.write_number(r, c, float(value), fmt[kind])
                elif kind in ("date", "month"):
                    ws.write_datetime(r, c, datetime.combine(value, datetime.min.time()), fmt[kind])
                elif kind == "bool":
                    ws.write_boolean(r, c, bool(value), fmt[kind])
                else:
                    ws.write_string(r, c, str(value), fmt[kind])
        ws.freeze_panes(1, 0)
        if rows:
            ws.autofilter(0, 0, len(rows), len(columns) - 1)

    p = report.period
    sheet(
        "Ringkasan",
        [("Ukuran", "text", 42), ("Nilai", "int", 14)],
        [
            ["Kasus aktif dalam periode", report.active],
            ["Kasus dibuka", report.opened],
            ["Kasus selesai", report.closed],
            ["Kasus dihentikan (batal atau ditutup)", report.stopped],
            ["Kasus berjalan di akhir periode", report.in_progress],
            ["Kasus aktif tanpa galat (sesuai SOP)", report.complying],
            ["Keputusan 'ya' (data valid)", report.decisions["ya"]],
            ["Keputusan 'tidak' (kembali ke langkah awal)", report.decisions["tidak"]],
        ],
    )
    info = book.get_worksheet_by_name("Ringkasan")
    assert info is not None
    info.write_string(9, 0, "Periode", head)
    info.write_string(9, 1, p.label)
    info.write_string(10, 0, "Mulai", head)
    info.write_datetime(10, 1, datetime.combine(p.start, datetime.min.time()), fmt["date"])
    info.write_string(11, 0, "Sampai", head)
    info.write_datetime(11, 1, datetime.combine(p.end, datetime.min.time()), fmt["date"])
    info.write_string(12, 0, "Kantor", head)
    info.write_string(12, 1, report.office)
    info.write_string(13, 0, "Jejak persetujuan", head)
    info.write_string(13, 1, "dibaca" if report.trail_read else "tidak dibaca: persetujuan tidak diverifikasi")
    sheet(
        "Per kecamatan",
        [
            ("Kecamatan", "text", 24),
            ("Dibuka", "int", 10),
            ("Selesai", "int", 10),
            ("Dihentikan", "int", 12),
            ("Berjalan di akhir", "int", 16),
        ],
        [[r.kecamatan, r.opened, r.closed, r.stopped, r.in_progress] for r in report.kecamatan],
    )
    if report.months:
        sheet(
            "Per bulan",
            [("Bulan", "month", 18), ("Dibuka", "int", 10), ("Selesai", "int", 10)],
            [[m.month, m.opened, m.closed] for m in report.months],
        )
    sheet(
        "Keputusan",
        [("Keputusan", "text", 34), ("Jumlah", "int", 10)],
        [["ya (data valid, lanjut)", report.decisions["ya"]], ["tidak (kembali)", report.decisions["tidak"]]],
    )
    sheet(
        "Per langkah",
        [
            ("SOP", "text", 24), ("No", "int", 5), ("Kegiatan", "text", 48), ("Standar (menit)", "int", 12),
            ("Waktu disesuaikan", "bool", 11), ("Selesai", "int", 9), ("Terukur", "int", 9),
            ("Dalam standar", "int", 10), ("Dalam standar (%)", "pct", 12), ("Dokumen lengkap", "int", 11),
            ("Dokumen lengkap (%)", "pct", 12), ("Median (menit)", "dec", 12), ("P90 (menit)", "int", 11),
        ],
        [
            [s.sop, s.no, s.activity, s.standard, s.flexible, s.completed, s.measured, s.within, s.within_share,
             s.documents_complete, s.documents_share, s.median, s.p90]
            for s in report.steps
        ],
    )  # fmt: skip
    sheet(
        "Temuan",
        [("Jenis temuan", "text", 30), ("Tingkat", "text", 12), ("Jumlah", "int", 10), ("Kasus", "int", 10)],
        [[group_label(r.group), _severity(r.severity), r.count, r.cases] for r in report.findings],
    )
    sheet(
        "Temuan per kode",
        [("Kode", "text", 28), ("Tingkat", "text", 12), ("Jumlah", "int", 10), ("Kasus", "int", 10),
         ("Contoh", "text", 80)],
        [[r.code, _severity(r.severity), r.count, r.cases, r.example] for r in report.codes],
    )  # fmt: skip
    book.close()
    return buffer.getvalue()


def _severity(value: str) -> str:
    return text(f"sev.{value}", "id")
