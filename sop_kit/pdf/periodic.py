"""The periodic report (``sop-kit laporan``) as a PDF with the office's kop, and its charts."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from ..records.archive import Archive
from ..reports.laporan import Laporan, group_label
from ..reports.stats import minutes_text
from ..views.case import WIB_NOON
from ..views.charts import BULAN, MonthPoint, StepPoint, month_chart, step_time_chart
from .documents import archive_kop
from .render import Job, Outcome, render
from .templating import environment


def report_charts(report: Laporan) -> dict[str, str]:
    """The report's charts as SVG: cases per month (not for a monthly report) and time per step."""
    charts = {}
    if report.months:
        points = [MonthPoint(m.month.year, m.month.month, m.opened, m.closed) for m in report.months]
        charts["bulan"] = month_chart(points, f"Kasus dibuka dan selesai per bulan, {report.period.label}")
    for sop in dict.fromkeys(s.sop for s in report.steps):  # one chart per SOP revision, in the table's order
        steps = [StepPoint(f"Langkah {s.no}", s.standard, s.median, s.p90) for s in report.steps if s.sop == sop]
        title = f"Waktu per langkah SOP {sop} dibandingkan standar, {report.period.label}"
        charts[f"waktu {sop}"] = step_time_chart(steps, title)
    return charts


def report_job(archive: Archive, report: Laporan, target: Path) -> Job:
    created = datetime.combine(report.period.end, WIB_NOON)
    sop = next(iter(archive.sops.values()))
    context: dict[str, Any] = {
        "r": report,
        "kop": archive_kop(archive, sop).to_dict(),
        "charts": report_charts(report),
        "group_label": group_label,
        "minutes": minutes_text,
        "short_month": lambda day: BULAN[day.month - 1],
    }
    title = f"Laporan {report.period.label} — {report.office}"
    return Job("laporan-periode.html", context, target, [], title, "Laporan berkala pembinaan", created)


def render_report(archive: Archive, report: Laporan, target: Path) -> Outcome:
    """Render the report to ``target`` (atomically; the previous file stays on failure)."""
    job = report_job(archive, report, target)
    return render(replace(job, target=target), environment(archive.templates))
