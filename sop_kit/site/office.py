"""The office's pages on the audit site: the charts on the dashboard, the public yearly reports
(page, PDF and workbook) and, on the internal build only, the agenda.

Everything here reads the same verdicts and statistics as the commands: the charts use
:func:`sop_kit.reports.stats.compute` over the case rows, the reports
:func:`sop_kit.reports.laporan.build_report`, the agenda :func:`sop_kit.reports.agenda.build_agenda`.
Reports hold counts only; the agenda names staff and is never published on the public site.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..check.audit import Audit
from ..records.archive import Archive
from ..records.office import read_emblem
from ..records.worktime import describe
from ..reports.agenda import Agenda, approve_command, build_agenda
from ..reports.laporan import Laporan, build_report, group_label, parse_period, report_cases, write_xlsx
from ..reports.stats import compute, minutes_text
from ..views.case import WIB_NOON
from ..views.charts import BULAN, MonthPoint, StepPoint, month_chart, step_time_chart
from .collect import CaseRow

REPORTS_DIR = "laporan"
Render = Callable[..., str]  # sop_kit.site.pages.render: template, front matter, context -> Markdown


@dataclass
class OfficeSite:
    """What the office's pages show, computed once per build from the judged archive."""

    reports: dict[int, Laporan] = field(default_factory=dict)  # yearly, by year
    agenda: Agenda | None = None  # internal builds only

    def key(self) -> str:
        """A fingerprint of everything the pages show: unchanged, the pages are kept."""
        data = [
            {y: r.to_json() for y, r in self.reports.items()},
            self.agenda.to_json() if self.agenda else None,
        ]
        return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


EMBLEM = "assets/sop-kit/lambang"  # where the emblem in force is published, for the header


def site_emblem(archive: Archive) -> dict[str, bytes]:
    """The emblem in force (the bytes the authorised profile pins), as a site file; none without."""
    profile = archive.config.kantor
    if profile is None or profile.lambang is None:
        return {}
    data, _ = read_emblem(archive.root.parent, profile.lambang)
    if data is None:
        return {}
    ext = "png" if data.startswith(b"\x89PNG") else "jpg"
    return {f"{EMBLEM}.{ext}": data}


def office_site(audit: Audit, internal: bool, on: date) -> OfficeSite:
    """The yearly reports of every year a case was open in, and the agenda on ``on`` (internal)."""
    cases = report_cases(audit)
    years = sorted({y for c in cases for y in range(c.facts.opened.year, (c.facts.ended or on).year + 1)})
    reports = {y: build_report(audit, parse_period("tahunan", str(y)), cases) for y in years}
    return OfficeSite(reports, build_agenda(audit, on) if internal else None)


def dashboard_charts(views: list[CaseRow], archive: Archive) -> dict[str, Any]:
    """The dashboard's charts (``_grafik.md``), each with its table: cases opened per month, and
    per SOP revision the time per step against the standard (the numbers of ``sop-kit sop stats``)."""
    opened = Counter(v.start[:7] for v in views)
    months = []
    if opened:
        first, last = min(opened), max(opened)
        year, month = int(first[:4]), int(first[5:7])
        while f"{year:04d}-{month:02d}" <= last:
            months.append(MonthPoint(year, month, opened[f"{year:04d}-{month:02d}"], None))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    stats = compute(archive.sops, ((v.id, v.sop, v.done) for v in views), [])
    timing = []
    for entry in stats:
        if not entry.cases:
            continue
        label = f"SOP {entry.sop.nomor} revisi {entry.sop.revisi}"
        points = [StepPoint(f"Langkah {s.no}", s.standard, s.median, s.p90) for s in entry.steps]
        timing.append(
            {
                "label": label,
                "svg": Markup(step_time_chart(points, f"Waktu per langkah {label} dibandingkan standar")),
                "steps": [
                    {"no": s.no, "standard": s.standard, "median": minutes_text(s.median),
                     "p90": minutes_text(s.p90), "measured": len(s.durations)}
                    for s in entry.steps
                ],
            }
        )  # fmt: skip
    month_svg = Markup(month_chart(months, "Kasus dibuka per bulan")) if months else None
    rows = [{"label": f"{BULAN[m.month - 1]} {m.year}", "count": m.opened} for m in months]
    return {"months": rows, "month_svg": month_svg, "timing": timing}


def report_pages(site: OfficeSite, render: Render) -> dict[str, str]:
    """laporan/index.md and one page per year: the public yearly reports, with downloads."""
    pages = {}
    for year, report in site.reports.items():
        charts = _charts(report)
        pages[f"{REPORTS_DIR}/{year}.md"] = render(
            "laporan.md",
            {"title": f"Laporan tahun {year}", "search": "exclude"},
            r=report,
            year=year,
            charts=charts,
            group_label=group_label,
            minutes=minutes_text,
            short_month=lambda day: BULAN[day.month - 1],
        )
    rows = [
        {"label": f"Tahun {y}", "href": f"{y}/", "count": r.active}
        for y, r in sorted(site.reports.items(), reverse=True)
    ]
    pages[f"{REPORTS_DIR}/index.md"] = render(
        "index_of.md",
        {"title": "Laporan", "search": "exclude"},
        heading="Laporan",
        column="Laporan tahunan",
        intro="Laporan tahunan pelaksanaan SOP untuk Kepala Dinas dan Bupati: jumlah kasus per kecamatan, keputusan, "
        "kepatuhan per langkah, temuan, dan waktu per langkah dibandingkan standar. Setiap laporan tersedia "
        "sebagai halaman, PDF berkop dan lembar kerja XLSX. Kolom kedua: kasus aktif dalam tahun itu.",
        rows=rows,
    )
    return pages


def _charts(report: Laporan) -> dict[str, Markup]:
    from ..pdf.periodic import report_charts

    return {name: Markup(svg) for name, svg in report_charts(report).items()}


def agenda_pages(site: OfficeSite, render: Render) -> dict[str, str]:
    """agenda.md, on the internal build only."""
    if site.agenda is None:
        return {}
    agenda = site.agenda
    people = [{"id": p, "name": agenda.names.get(p, p), "items": agenda.for_person(p)} for p in agenda.people]
    return {
        "agenda.md": render(
            "agenda.md",
            {"title": "Agenda", "search": "exclude"},
            agenda=agenda,
            people=people,
            orphans=[i for i in agenda.items if not i.people],
            span=lambda minutes: agenda.span(minutes, "id"),
            hours=describe(agenda.hours, "id"),
            when=lambda moment: f"{moment:%Y-%m-%d %H.%M}",
            approve=approve_command,
        )
    }


def write_report_files(
    audit: Audit, site: OfficeSite, folder: Path, previous: dict[str, str], published: Path
) -> dict[str, str]:
    """Each yearly report's PDF (with the office's kop) and workbook, beside its page. Files are
    replaced by rename, never rewritten in place: the staged site shares them with the published one.
    ``previous`` holds the key of each year's files in the published site's ``published``
    folder: a report whose key is unchanged is taken from there, not rendered again. Returns
    the keys now."""
    from dataclasses import replace

    from ..core.errors import SopKitError
    from ..pdf.periodic import render_report, report_job
    from ..pdf.templating import templates_digest
    from .publish import replace_file

    looks = templates_digest(audit.archive.templates)
    keys = {}
    for year, report in site.reports.items():
        stem = folder / str(year) / f"laporan-tahunan-{year}"
        pdf, xlsx = stem.with_suffix(".pdf"), stem.with_suffix(".xlsx")
        job = report_job(audit.archive, report, pdf)
        # Everything the PDF is made from (as the PDF renderer keys its documents), but the
        # functions the template calls: their text holds an address that differs per process.
        job = replace(job, context={k: v for k, v in job.context.items() if not callable(v)})
        keys[str(year)] = key = hashlib.sha256(
            f"{job.key(looks)}\0{json.dumps(report.to_json(), default=str)}".encode()
        ).hexdigest()
        stem.parent.mkdir(parents=True, exist_ok=True)
        if previous.get(str(year)) == key and _kept(published / str(year), (pdf, xlsx)):
            continue
        replace_file(xlsx, write_xlsx(report, datetime.combine(report.period.end, WIB_NOON)))
        outcome = render_report(audit.archive, report, pdf)
        if outcome.error or outcome.refused:
            raise SopKitError("site.pdf_failed", f"{pdf}: {outcome.error}", count=1)
    return keys


def _kept(published: Path, files: tuple[Path, ...]) -> bool:
    """The published copies of ``files``, hard-linked into place where the staged site does not
    already share them; False if one is missing."""
    from .media import link

    try:
        for file in files:
            source = published / file.name
            if file.is_file() and file.stat().st_ino == source.stat().st_ino:
                continue
            file.unlink(missing_ok=True)
            link(source, file)
    except OSError:
        return False
    return True
