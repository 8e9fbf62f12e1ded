"""The site's Markdown pages, generated from data: never by including a record file.

Every ``{{ value }}`` in the page templates goes through :func:`~sop_kit.site.markup.inert`
(Jinja's ``finalize``), so record text is inert by default and only markup built here, as
:class:`~markupsafe.Markup`, passes unchanged. Case pages are kept out of the navigation:
Material would otherwise repeat every page in every page, and a build's cost would grow with
the square of the archive.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket
from markupsafe import Markup

from .._version import __version__
from ..core.cache import cache_base
from ..core.findings import Finding, Severity
from ..core.messages import text
from ..pdf.letters import nip_text
from ..pdf.templating import tanggal
from ..records.archive import Archive
from ..records.fieldtypes import in_wib
from ..records.ids import CASE_ID_PATTERN, slug
from ..records.models import Sop
from ..records.rounds import Status
from ..records.wilayah import purwakarta
from ..records.worktime import duration_text
from ..trail.model import Source, event_key
from ..views.case import Execution, TrailEvent
from .collect import CaseRow, CaseView
from .guide import PAGE as GUIDE_PAGE
from .guide import guide_page
from .markup import front_matter, inert, inert_with_code, plain
from .office import OfficeSite, agenda_pages, dashboard_charts, report_pages
from .search import bundle_count

TEMPLATES = Path(__file__).parent / "templates"
SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
SEVERITY_LABEL = {Severity.ERROR: "galat", Severity.WARNING: "peringatan", Severity.INFO: "catatan"}
STATUS_ORDER = list(Status)  # withdrawn and closed-early cases are listed too

# The navigation: a handful of fixed pages. Everything else is reached through them.
NAV: list[dict[str, str]] = [
    {"Beranda": "index.md"},
    {"SOP": "sop/index.md"},
    {"Jelajahi": "jelajah/index.md"},
    {"Temuan": "temuan.md"},
    {"Cari": "cari.md"},
    {"Ekspor data": "ekspor.md"},
    {"Laporan": "laporan/index.md"},
    {"Panduan": "panduan/index.md"},
]
NOT_IN_NAV = "/kasus/\n/jelajah/*/\n/sop/*/\n/sop/*.md\n/laporan/*.md\n/agenda.md\n"
# Material's front matter: the page gets the whole width (the tabs carry the navigation).
WIDE = ["navigation", "toc"]
BROKEN_SHOWN = 25  # cases with errors the home page lists; the rest are one click away


@dataclass(frozen=True)
class Collection:
    """A saved listing, as in Plone's collections: a question with a standing answer."""

    slug: str
    title: str
    intro: str


COLLECTIONS = [
    Collection(
        "menunggu-keputusan",
        "Menunggu keputusan",
        "Kasus yang datanya sudah dikumpulkan tetapi belum diputuskan valid atau tidak (langkah 2).",
    ),
    Collection(
        "lewat-waktu",
        "Melebihi standar waktu",
        "Kasus dengan sedikitnya satu langkah yang lebih lama dari standar waktu SOP.",
    ),
    Collection(
        "diubah-setelah-disetujui",
        "Diubah setelah disetujui",
        "Kasus yang catatan langkah atau dokumennya berubah setelah disetujui, belum disetujui ulang.",
    ),
    Collection(
        "tidak-terverifikasi",
        "Persetujuan tidak terverifikasi",
        "Kasus dengan persetujuan tanpa tanda tangan sah dari pemegang peran langkahnya.",
    ),
    Collection(
        "dokumen-kurang",
        "Dokumen wajib kurang",
        "Kasus yang belum memiliki semua dokumen wajib (Kelengkapan) atau fotonya.",
    ),
    Collection(
        "dikembalikan",
        "Dikembalikan ke langkah 1",
        "Kasus yang datanya dinyatakan tidak valid sedikitnya sekali dan dikumpulkan ulang.",
    ),
]
COMPLIANCE = [
    Collection("tidak-sesuai", "Tidak sesuai SOP", "Kasus dengan sedikitnya satu galat pemeriksaan."),
    Collection(
        "dokumen-lengkap", "Dokumen wajib lengkap", "Kasus yang memiliki semua dokumen wajib yang dapat diperiksa."
    ),
    Collection(
        "keputusan-sah",
        "Keputusan oleh peran yang benar dan terverifikasi",
        "Kasus yang setiap keputusannya diambil pemegang peran dan ditandatangani olehnya.",
    ),
    Collection(
        "tepat-waktu",
        "Semua langkah dalam standar waktu",
        "Kasus yang tidak satu pun langkahnya melebihi standar waktu SOP.",
    ),
    Collection("bersih", "Tanpa galat", "Kasus tanpa galat pemeriksaan."),
]


def in_collection(name: str, c: CaseRow) -> bool:
    return {
        "menunggu-keputusan": lambda: c.status == Status.AWAITING_DECISION,
        "lewat-waktu": lambda: bool(c.over_time),
        "diubah-setelah-disetujui": lambda: c.changed_after_approval,
        "tidak-terverifikasi": lambda: c.unverified,
        "dokumen-kurang": lambda: not c.documents_complete,
        "dikembalikan": lambda: c.rounds > 1,
        "dokumen-lengkap": lambda: c.documents_complete,
        "keputusan-sah": lambda: c.decisions_ok is True,
        "tepat-waktu": lambda: not c.over_time,
        "bersih": lambda: c.errors == 0,
        "tidak-sesuai": lambda: c.errors > 0,
    }[name]()


# A summary's counts, by the filter of a list page (site/theme situs.js) that shows their cases,
# and the saved listing that holds them across the archive.
FILTERS = {
    "galat": "kepatuhan/tidak-sesuai",
    "tidak-terverifikasi": "koleksi/tidak-terverifikasi",
    "diubah": "koleksi/diubah-setelah-disetujui",
    "dokumen-kurang": "koleksi/dokumen-kurang",
}


def tags(c: CaseRow) -> str:
    """What the list filter "Kepatuhan" matches a case by (space-separated)."""
    found = {
        "galat": c.errors > 0,
        "sesuai": c.errors == 0,
        "tidak-terverifikasi": c.unverified,
        "diubah": c.changed_after_approval,
        "dokumen-kurang": not c.documents_complete,
    }
    return " ".join(name for name, yes in found.items() if yes)


# --- how people read dates and identifiers: in words, and short with the full value at hand


def date_text(value: date | str | None) -> Markup:
    """12 Maret 2026, with the ISO date for machines (records keep dates as ISO text)."""
    if not value:
        return Markup("")
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return Markup('<time class="nowrap" datetime="{}">{}</time>').format(day.isoformat(), tanggal(day))


def when_text(value: datetime | None) -> Markup:
    """12 Maret 2026 14:05 in the office's time (WIB); date and time never split inside."""
    if value is None:
        return Markup("")
    local = in_wib(value)
    return Markup(
        '<time datetime="{}"><span class="nowrap">{}</span> <span class="nowrap">{:%H:%M}</span></time>'
    ).format(local.isoformat(timespec="minutes"), tanggal(local), local)


def photo_when(taken: str) -> Markup:
    """A photo's "2026-03-11 08:45:00" (office time, check.photos.exif_time) in words."""
    try:
        return when_text(datetime.fromisoformat(taken))
    except ValueError:
        return inert(taken)


def ident(value: str, length: int, what: str) -> Markup:
    """A commit id or hash, shortened; the full value in its tooltip, and copied by a click."""
    short = value[:length] + ("…" if len(value) > length else "")
    return Markup(
        '<button type="button" class="salin" data-salin="{0}" title="{1} {0} (klik untuk menyalin)">'
        "<code>{2}</code></button>"
    ).format(inert(value), inert(what), inert(short))


def file_short(path: str, case: str | None) -> Markup:
    """A finding's file as read beside its case: the part inside the case folder, allowed
    to wrap only after a slash."""
    inside = path.split(f"/{case}/", 1)[-1] if case and f"/{case}/" in path else path
    parts = [Markup('<span class="nowrap">{}</span>').format(inert(part)) for part in inside.split("/")]
    return Markup("/<wbr>").join(parts)


def totals(cases: list[CaseRow], trail_read: bool) -> dict[str, int]:
    return {
        "trail_read": trail_read,
        "total": len(cases),
        "errors": sum(1 for c in cases if c.errors),
        "unverified": sum(1 for c in cases if c.unverified),
        "changed": sum(1 for c in cases if c.changed_after_approval),
        "documents": sum(1 for c in cases if not c.documents_complete),
    }


class _CompiledTemplates(FileSystemBytecodeCache):
    """Installed templates (sop-kit's pages, MkDocs' theme) compiled once and kept between
    runs, as Python keeps its .pyc files: compiling them was 0.4 s of every one-case rebuild.
    Keyed by the template's file and checked against its source. An archive's own templates
    (letters) are not kept: they are compiled, sandboxed, on each use. A cache that cannot be
    written is skipped."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        with suppress(OSError):
            super().dump_bytecode(bucket)


def compiled_templates(env: str) -> _CompiledTemplates | None:
    """Where the templates of ``env`` (one folder per environment: the same file compiles
    differently under different settings) are kept compiled."""
    folder = cache_base() / f"sablon-{__version__}" / env
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _CompiledTemplates(str(folder))


@cache
def _env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        bytecode_cache=compiled_templates("halaman"),
        autoescape=True,  # finalize first makes every value inert, in Markdown and HTML alike
        finalize=inert,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.globals.update(
        status_label=lambda s: text(f"state.{s}", "id"),
        statuses=[s.value for s in STATUS_ORDER],
        pct=lambda share: "-" if share is None else f"{round(share * 100)}%",
        pct_num=lambda share: 0 if share is None else round(share * 100),
        date=date_text,
        when=when_text,
        month=lambda value: tanggal(value),  # an SOP's dates are months: "Januari 2020"
        nip=nip_text,
        ident=ident,
        tags=tags,
    )
    env.filters["plain"] = lambda value: Markup(plain(str(value)))  # headings: no markup, no entities
    return env


def render(template: str, meta: dict[str, Any], **context: Any) -> str:
    meta = {k: plain(v) if isinstance(v, str) else v for k, v in meta.items()}
    return front_matter(meta) + _env().get_template(template).render(**context)


def site_pages(
    archive: Archive,
    rows: list[CaseRow],
    findings: list[Finding],
    office: str,
    search: dict[str, list[str]],
    pdf: bool = True,
    office_site: OfficeSite | None = None,
    source: Source | None = None,
    trail_read: bool = False,
) -> dict[str, str]:
    """Every page but the case pages (see :func:`case_page`): docs-relative path -> Markdown;
    the dashboard names ``source``, the commit it was built from, and each summary whether
    the approval trail judged (``trail_read``: :attr:`Report.trail_read`)."""
    pages: dict[str, str] = {}
    by_id = {r.id: r for r in rows}
    pages["index.md"] = dashboard(rows, finding_rows(findings, by_id, ""), office, archive, source, trail_read)
    every = finding_rows(findings, by_id, "../")
    pages["temuan.md"] = render(
        "temuan.md",
        {"title": "Temuan", "search": "exclude", "hide": WIDE},
        rows=every,
        counts=Counter(r["severity"] for r in every),
    )
    pages["cari.md"] = render(
        "cari.md",
        {"title": "Cari", "search": "exclude", "hide": WIDE},
        root="../",
        bundles=list(search),  # in order, the SOP pages' first (tojson would sort a dict's keys)
        # What the search page needs to load bundles as a query needs them (cari/pagefind.js):
        # how many there are, the cases in each, and the filter panel's counts.
        bundle_count=bundle_count(len(rows)),
        bundle_sizes={name: len(ids) for name, ids in search.items()},
        filter_counts=filter_counts(rows),
        case_id_pattern=CASE_ID_PATTERN,
        places=places(),
        staff=sorted({s.nama for s in archive.staff.values()}),
    )
    pages["ekspor.md"] = render(
        "ekspor.md", {"title": "Ekspor data", "search": "exclude", "hide": WIDE}, columns=EXPORT_COLUMNS
    )
    pages.update(sop_pages(archive, rows, pdf))
    pages.update(browse_pages(archive, rows, trail_read))
    pages[GUIDE_PAGE] = guide_page()
    pages.update(report_pages(office_site or OfficeSite(), render))
    pages.update(agenda_pages(office_site or OfficeSite(), render))
    return pages


def search_filters(c: CaseRow | CaseView) -> dict[str, str]:
    """A case's values in the search page's filters (site/theme/main.html)."""
    return {"Tahun": c.year, "Kecamatan": c.kecamatan, "Status": text(f"state.{c.status}", "id")}


def filter_counts(rows: list[CaseRow]) -> dict[str, dict[str, int]]:
    """Cases per filter value, as Pagefind counts them, for the filter panel before a search."""
    counts: dict[str, Counter[str]] = {}
    for row in rows:
        for name, value in search_filters(row).items():
            counts.setdefault(name, Counter())[value] += 1
    return {name: dict(values) for name, values in counts.items()}


def case_page_path(row: CaseRow | CaseView) -> str:
    return f"kasus/{row.year}/{row.id}.md"


def places() -> list[str]:
    """Every kecamatan and desa/kelurahan name of the register: what the search page
    matches a misspelt place against."""
    register = purwakarta()
    names = {w.nama for w in register.by_code.values()}
    return sorted(names)


def finding_rows(findings: Iterable[Finding], by_id: dict[str, CaseRow], root: str) -> list[dict[str, Any]]:
    rows = []
    for f in sorted(findings, key=lambda f: (SEVERITY_RANK[f.severity], f.case or "", f.file, f.line or 0, f.code)):
        view = by_id.get(f.case) if f.case else None
        rows.append(
            {
                "severity": f.severity.value,
                "severity_label": SEVERITY_LABEL[f.severity],
                "rank": SEVERITY_RANK[f.severity],
                "case": f.case,
                "case_href": f"{root}{view.url}" if view else None,
                "kecamatan": view.kecamatan if view else None,
                "code": f.code,
                "message": f.message("id"),
                "hint": inert_with_code(f.hint("id")),
                "file": f.file,
                "file_short": file_short(f.file, f.case),
                "line": f.line,
                "href": _finding_href(f, view, root),
            }
        )
    return rows


def _finding_href(f: Finding, view: CaseRow | None, root: str) -> str | None:
    """Where a finding points on the site: the published document it names, else the step's
    row on the case page, else the case page."""
    if view is None:
        return None
    inside = f.file.split(f"/{view.id}/", 1)[-1] if f"/{view.id}/" in f.file else None
    if inside in view.published:
        return f"{root}{view.url}berkas/{view.published[inside]}"
    no = f.params.get("no") or f.params.get("step")
    if isinstance(no, int):
        inside_round = view.later_rounds.get(inside, 1) if inside else 1
        return f"{root}{view.url}#langkah-{no}-putaran-{f.params.get('round', inside_round)}"
    return f"{root}{view.url}"


def dashboard(
    views: list[CaseRow],
    rows: list[dict[str, Any]],
    office: str,
    archive: Archive,
    source: Source | None = None,
    trail_read: bool = False,
) -> str:
    total = len(views)
    decided = [v for v in views if v.decisions_ok is not None]
    open_rows = [r for r in rows if r["severity"] != Severity.INFO]
    timing = []  # one table per SOP revision: step 3 of one SOP is not step 3 of another
    for sop in sorted(archive.sops.values(), key=lambda s: s.ref):
        steps = []
        for step in sop.langkah:
            measured = [over for v in views if v.sop == sop.ref for no, _, over in v.timings if no == step.no]
            within = sum(1 for over in measured if not over)
            steps.append(
                {
                    "no": step.no,
                    "kegiatan": step.kegiatan,
                    "standard": step.waktu_menit,
                    "flexible": step.waktu_fleksibel,
                    "measured": len(measured),
                    "share": within / len(measured) if measured else None,
                }
            )
        timing.append(
            {
                "label": f"SOP {sop.nomor} revisi {sop.revisi} — {sop.nama}",
                "href": f"sop/{sop_slug(sop)}/",
                "cases": sum(1 for v in views if v.sop == sop.ref),
                "steps": steps,
            }
        )
    # The cases that broke the SOP, worst first, each with its first error as it reads.
    first_error: dict[str, str] = {}
    for r in rows:
        if r["severity"] == Severity.ERROR and r["case"]:
            first_error.setdefault(r["case"], r["message"])
    broken = sorted((v for v in views if v.errors), key=lambda v: (-v.errors, v.start, v.id))
    return render(
        "beranda.md",
        {"title": "Beranda", "search": "exclude", "hide": WIDE},
        office=office,
        total=total,
        totals=totals(views, trail_read),
        collection_href=lambda name: f"jelajah/{FILTERS[name]}/",
        broken=[{"row": v, "first": first_error.get(v.id, "")} for v in broken[:BROKEN_SHOWN]],
        broken_total=len(broken),
        open_findings=open_rows[:15],
        more_findings=max(0, len(open_rows) - 15),
        errors=sum(1 for r in rows if r["severity"] == Severity.ERROR),
        warnings=sum(1 for r in rows if r["severity"] == Severity.WARNING),
        cases_with_findings=len({r["case"] for r in open_rows if r["case"]}),
        docs_ok=sum(1 for v in views if v.documents_complete),
        docs_share=_share(sum(1 for v in views if v.documents_complete), total),
        decided=len(decided),
        decisions_ok=sum(1 for v in decided if v.decisions_ok),
        decisions_share=_share(sum(1 for v in decided if v.decisions_ok), len(decided)),
        trail_read=trail_read,
        timing=timing,
        by_status=_counts(
            [v.status for v in views],
            lambda s: text(f"state.{s}", "id"),
            "jelajah/status/",
            [s.value for s in STATUS_ORDER],
        ),
        by_year=_counts([v.year for v in views], str, "jelajah/tahun/"),
        by_kecamatan=_counts([v.kecamatan for v in views], str, "jelajah/kecamatan/", key=slug),
        grafik=dashboard_charts(views, archive),
        source=source,
        version=__version__,
    )


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _counts(
    values: list[str], label: Any, base: str, order: list[str] | None = None, key: Any = str
) -> list[dict[str, Any]]:
    counts = Counter(values)
    most = max(counts.values(), default=1)
    names = [o for o in order if o in counts] if order else sorted(counts)
    return [
        {"label": label(n), "count": counts[n], "href": f"{base}{key(n)}/", "width": round(counts[n] * 100 / most)}
        for n in names
    ]


def sop_slug(sop: Sop | tuple[str, int]) -> str:
    nomor, revisi = (sop.nomor, sop.revisi) if isinstance(sop, Sop) else sop
    return f"{slug(nomor)}-rev{revisi}"


def sop_pages(archive: Archive, views: list[CaseRow], pdf: bool = True) -> dict[str, str]:
    """One page per SOP revision: the SOP itself, its revision history, and practice
    against its standard (the report of ``sop-kit sop stats``)."""
    from ..reports.diff import history
    from ..reports.stats import compute, minutes_text
    from ..views.flowchart import flowchart_pages

    pages = {}
    rows = []
    counts = Counter(v.sop for v in views)
    lacking = [(v.id, step, name) for v in views for step, name in v.missing]
    practice = {r.sop.ref: r for r in compute(archive.sops, ((v.id, v.sop, v.done) for v in views), lacking)}
    for sop in sorted(archive.sops.values(), key=lambda s: s.ref):
        name = sop_slug(sop)
        count = counts[sop.ref]
        revisions = [
            {
                "revisi": e.sop.revisi,
                "tanggal_revisi": e.sop.tanggal_revisi,
                "tanggal_efektif": e.sop.tanggal_efektif,
                "cases": e.cases,
                "href": f"../{sop_slug(e.sop)}/",
                "current": e.sop.ref == sop.ref,
                "changes": e.changes,
            }
            for e in history(archive.sops, sop.nomor, counts)
        ]
        rows.append({"href": f"{name}/", "label": f"{sop.nomor} revisi {sop.revisi} — {sop.nama}", "count": count})
        pages[f"sop/{name}.md"] = render(
            "sop.md",
            {"title": f"SOP {sop.nomor} revisi {sop.revisi}", "hide": WIDE},
            s=sop,
            slug=name,
            root="../../",
            pdf_href=f"pdf/sop/sop-{name}.pdf" if pdf else None,
            checklist_href=f"pdf/sop/daftar-periksa-{name}.pdf" if pdf else None,
            case_count=count,
            revisions=revisions,
            practice=practice[sop.ref],
            minutes=minutes_text,
            method=text("stats.method", "id"),
            roles={st.no: " / ".join(sop.role(r).nama for r in st.pelaksana) for st in sop.langkah},
            # The SOP PDF's own pictures, page by page: drawn by sop_kit.views.flowchart,
            # which escapes every label.
            svgs=[Markup(page.svg) for page in flowchart_pages(sop)],
        )
    pages["sop/index.md"] = render(
        "index_of.md",
        {"title": "SOP", "search": "exclude", "hide": WIDE},
        heading="SOP",
        column="SOP",
        intro="SOP yang dipakai untuk menilai kasus di arsip ini. "
        "Kasus dinilai terhadap revisi yang berlaku saat dimulai.",
        rows=rows,
    )
    return pages


def browse_pages(archive: Archive, views: list[CaseRow], trail_read: bool = False) -> dict[str, str]:
    pages: dict[str, str] = {}
    ordered = sorted(views, key=lambda v: (v.start, v.id), reverse=True)

    def listing(path: str, title: str, cases: list[CaseRow], intro: str = "") -> None:
        depth = path.count("/") + 1  # the page is served as path/ (directory URLs)
        pages[path + ".md"] = render(
            "listing.md",
            {"title": title, "search": "exclude", "hide": WIDE},
            heading=title,
            intro=intro,
            cases=cases,
            root="../" * depth,
            totals=totals(cases, trail_read),
            filter_href=lambda name: f"?kepatuhan={name}",  # the list itself, filtered in the browser
        )

    def index(path: str, title: str, column: str, rows: list[dict[str, Any]], intro: str = "") -> None:
        pages[path] = render(
            "index_of.md",
            {"title": title, "search": "exclude", "hide": WIDE},
            heading=title,
            column=column,
            rows=rows,
            intro=intro,
        )

    years = sorted({v.year for v in views}, reverse=True)
    for y in years:
        listing(f"jelajah/tahun/{y}", f"Kasus tahun {y}", [v for v in ordered if v.year == y])
    index(
        "jelajah/tahun/index.md",
        "Per tahun",
        "Tahun",
        [_row(y, f"{y}/", sum(v.year == y for v in views)) for y in years],
    )

    kecamatan = sorted({v.kecamatan for v in views})
    for k in kecamatan:
        cases = sorted((v for v in ordered if v.kecamatan == k), key=lambda v: (v.desa, v.start))
        desa = Counter(v.desa for v in cases)
        intro = "Per desa/kelurahan: " + ", ".join(f"{d} ({n})" for d, n in sorted(desa.items()))
        listing(f"jelajah/kecamatan/{slug(k)}", f"Kecamatan {k}", cases, intro)
    index(
        "jelajah/kecamatan/index.md",
        "Per kecamatan dan desa",
        "Kecamatan",
        [_row(k, f"{slug(k)}/", sum(v.kecamatan == k for v in views)) for k in kecamatan],
    )

    for s in STATUS_ORDER:
        listing(
            f"jelajah/status/{s.value}",
            f"Status: {text(f'state.{s.value}', 'id')}",
            [v for v in ordered if v.status == s],
        )
    index(
        "jelajah/status/index.md",
        "Per status",
        "Status",
        [_row(text(f"state.{s.value}", "id"), f"{s.value}/", sum(v.status == s for v in views)) for s in STATUS_ORDER],
    )

    for group, base, title in (
        (COMPLIANCE, "kepatuhan", "Per kepatuhan"),
        (COLLECTIONS, "koleksi", "Daftar tersimpan"),
    ):
        for col in group:
            listing(
                f"jelajah/{base}/{col.slug}", col.title, [v for v in ordered if in_collection(col.slug, v)], col.intro
            )
        index(
            f"jelajah/{base}/index.md",
            title,
            "Daftar",
            [_row(col.title, f"{col.slug}/", sum(in_collection(col.slug, v) for v in views)) for col in group],
        )

    for sop in archive.sops.values():
        listing(
            f"jelajah/sop/{sop_slug(sop)}",
            f"SOP {sop.nomor} revisi {sop.revisi}",
            [v for v in ordered if v.sop == sop.ref],
        )
    index(
        "jelajah/sop/index.md",
        "Per SOP",
        "SOP",
        [
            _row(f"{s.nomor} revisi {s.revisi}", f"{sop_slug(s)}/", sum(v.sop == s.ref for v in views))
            for s in archive.sops.values()
        ],
    )

    pages["jelajah/index.md"] = render(
        "index_of.md",
        {"title": "Jelajahi", "search": "exclude"},
        heading="Jelajahi",
        column="Telusuri",
        intro=f"{len(views)} kasus. Pilih cara menelusuri arsip, atau gunakan halaman Cari.",
        rows=[
            _row("Per tahun", "tahun/", len(views)),
            _row("Per kecamatan dan desa", "kecamatan/", len(views)),
            _row("Per status", "status/", len(views)),
            _row("Per kepatuhan", "kepatuhan/", len(views)),
            _row("Per SOP", "sop/", len(views)),
            *[_row(c.title, f"koleksi/{c.slug}/", sum(in_collection(c.slug, v) for v in views)) for c in COLLECTIONS],
        ],
    )
    return pages


def _row(label: str, href: str, count: int) -> dict[str, Any]:
    return {"label": label, "href": href, "count": count}


def case_page(
    archive: Archive, v: CaseView, downloads: list[dict[str, str]], photos: list[dict[str, Any]], internal: bool
) -> str:
    """The page of one case, from its full view (public context unless internal)."""
    sop = archive.sops[v.sop]
    changed = {f.params.get("path") for f in v.findings if f.code == "file.hash_mismatch"}
    by_step: dict[int, list[dict[str, Any]]] = {}
    several_rounds = len({a.round for a in v.attachments}) > 1
    for a in v.attachments:
        if a.photo and a.published:
            continue  # shown in the gallery
        why = (
            "data pribadi, tidak dipublikasikan"
            if a.personal and not internal
            else "ditolak pemeriksaan (lihat temuan), tidak dipublikasikan"
            if a.refused
            else ("berkas tidak ada" if a.format is None else f"format {a.format} tidak dipublikasikan")
        )
        by_step.setdefault(a.step, []).append(
            {
                "title": a.title,
                "published": a.published,
                "sha256": a.sha256,
                "why": why,
                "changed": a.source in changed,
                # After a 'tidak' a step holds files of two rounds: each says whose it is.
                "round": a.round if several_rounds else None,
            }
        )
    staff = sorted({e.who for e in v.document.executions if e.who})
    filters = search_filters(v)
    return render(
        "kasus.md",
        {
            "title": f"Kasus {v.id} — {v.desa}",
            "hide": ["navigation"],  # its table of contents stays: a case page is long
            "kasus": v.id,
            "tahun": filters["Tahun"],
            "kecamatan": filters["Kecamatan"],
            "desa": v.desa,
            "status": filters["Status"],
            # What an exact search names: ranked first by the search page (site/search.py).
            "sk": " ".join(v.sk_numbers),
            "petugas": "; ".join(staff),
        },
        c=v,
        x=v.document,
        root="../../../",
        kec_slug=slug(v.kecamatan),
        sop_slug=sop_slug(sop),
        findings=finding_rows(v.findings, {v.id: v.row()}, "../../../"),
        kegiatan={s.no: s.kegiatan for s in sop.langkah},
        attachments_by_step=by_step,
        photos=photos,
        downloads=downloads,
        internal=internal,
        photo_when=photo_when,
        duration=_duration,
        decision_label=lambda d: (
            text("decision.ya", "id")
            if d == "ya"
            else text(
                "decision.tidak", "id", target=next((s.keputusan.tidak for s in sop.decision_steps if s.keputusan), 1)
            )
        ),
        event_label=_event_label,
        verdict_label=_verdict_label,
    )


def _duration(e: Execution) -> str:
    if e.minutes is None:
        return "-"
    standard = f" / {e.standard} menit" if e.standard else ""
    flag = " — melebihi standar" if e.over else ""
    return f"{duration_text(e.working, e.minutes)}{standard}{flag}" + (" (waktu disesuaikan)" if e.flexible else "")


def _event_label(e: TrailEvent) -> str:
    params = {"no": e.step, "round": e.round, "decision": e.decision or "", "file": e.file or ""}
    return text(event_key(e.kind, e.file), "id", **params)


def _verdict_label(e: TrailEvent) -> str:
    if not e.approval:
        return "-"  # recording a step is not an approval: nothing to verify
    if e.verified:
        return text("trail.verified", "id", signer=e.signer or "")
    return text("trail.not_verified", "id", reason=f"@trail.reason.{e.reason}" if e.reason else "")


EXPORT_COLUMNS = [
    ("id", "id kasus (YYYY-MM-desa-xxxx)"),
    ("sop_nomor", "nomor SOP yang diikuti"),
    ("sop_revisi", "revisi SOP yang berlaku saat kasus dimulai"),
    ("tahun", "tahun kasus"),
    ("kecamatan", "kecamatan"),
    ("desa", "desa/kelurahan"),
    ("kode_wilayah", "kode wilayah Kemendagri"),
    ("mulai", "tanggal mulai"),
    ("sampai", "tanggal selesai, bila sudah"),
    ("status", "belum-mulai, berjalan, menunggu-keputusan atau selesai"),
    ("putaran", "jumlah putaran (keputusan 'tidak' memulai putaran baru)"),
    ("keputusan", "keputusan langkah 2 yang terakhir: ya, tidak, atau kosong"),
    ("dokumen_lengkap", "semua dokumen wajib ada"),
    ("keputusan_sah", "setiap keputusan oleh peran yang benar dan terverifikasi (kosong: belum diputuskan)"),
    ("langkah_lewat_waktu", "nomor langkah yang melebihi standar waktu"),
    ("diubah_setelah_disetujui", "ada perubahan setelah persetujuan"),
    ("persetujuan_tidak_terverifikasi", "ada persetujuan tanpa tanda tangan sah pemegang peran"),
    ("galat", "jumlah galat"),
    ("peringatan", "jumlah peringatan"),
    ("nomor_sk", "nomor SK dan surat yang dicatat"),
    ("halaman", "alamat halaman kasus, relatif terhadap akar situs"),
]
