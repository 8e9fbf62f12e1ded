"""HTML templates to PDF/A, written atomically and only when their inputs changed.

Templates ship in the package (``sop_kit/templates``); an archive can override any of them
from the ``templates/`` folder beside its ``records/``. An override can extend the original
as ``{% extends "default:dossier.html" %}``. Jinja runs with autoescape and StrictUndefined,
so text from records is always escaped and a missing value fails loudly.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import jinja2

from .._version import __version__
from ..core import resources
from ..core.feedback import SILENT, Reporter
from ..records.fieldtypes import WIB
from .fetch import SafeFetcher

PACKAGE_TEMPLATES = resources.TEMPLATES
PDF_VARIANT = "pdf/a-3b"  # PDF/A-3 allows the case's own records to travel inside the dossier


def environment(override: Path | None) -> jinja2.Environment:
    default = jinja2.FileSystemLoader(str(PACKAGE_TEMPLATES))
    loaders: list[jinja2.BaseLoader] = []
    if override is not None and override.is_dir():
        loaders.append(jinja2.FileSystemLoader(str(override)))
    loaders.append(default)
    # "default:dossier.html" (as documented) and "default/dossier.html" both reach the shipped one.
    originals = [jinja2.PrefixLoader({"default": default}, delimiter=d) for d in (":", "/")]
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([*loaders, *originals]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["tanggal"] = tanggal
    env.filters["waktu"] = lambda d: f"{d:%H:%M}" if d else "-"
    return env


BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def tanggal(value: Any) -> str:
    """4 Maret 2026 (the date as Indonesian letters write it)."""
    if value is None:
        return "-"
    if isinstance(value, str):  # year-month, as the SOP's dates are
        year, month = value.split("-")
        return f"{BULAN[int(month) - 1]} {year}"
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"


@dataclass
class Job:
    """One document to render: a template, its data, where it goes and what it may load."""

    template: str
    context: dict[str, Any]
    target: Path
    roots: list[Path]  # folders the document may load files from
    title: str
    subject: str
    created: datetime
    attachments: list[tuple[str, bytes]] = field(default_factory=list)
    inputs: list[Path] = field(default_factory=list)  # files whose content the PDF depends on

    def key(self, env: jinja2.Environment) -> str:
        """A content hash of everything the PDF is made from."""
        digest = hashlib.sha256(f"{__version__}\0{self.template}\0{self.title}\0{self.created}".encode())
        digest.update(json.dumps(self.context, sort_keys=True, default=str).encode())
        for name, data in self.attachments:
            digest.update(name.encode() + hashlib.sha256(data).digest())
        for path in sorted(self.inputs):
            digest.update(str(path).encode() + (path.read_bytes() if path.is_file() else b"-"))
        for name in sorted(env.list_templates()):
            digest.update(name.encode())
            source = env.loader.get_source(env, name)[0] if env.loader else ""
            digest.update(source.encode())
        for path in sorted(PACKAGE_TEMPLATES.glob("*.css")):
            digest.update(path.read_bytes())
        return digest.hexdigest()


@dataclass
class Outcome:
    target: Path
    rendered: bool
    refused: list[str] = field(default_factory=list)
    error: str | None = None


def render(job: Job, env: jinja2.Environment) -> Outcome:
    """Render one job to its target: a temporary file first, then an atomic rename.

    Any failure (a template error, a refused resource WeasyPrint could not do without) is
    returned, not raised, and the previous PDF at the target stays as it was.
    """
    from weasyprint import HTML, Attachment

    fetcher = SafeFetcher([*job.roots, PACKAGE_TEMPLATES])
    tmp = job.target.with_name(f".{job.target.name}.{os.getpid()}.tmp")
    try:
        html = env.get_template(job.template).render(
            **job.context, title=job.title, subject=job.subject, created=_stamp(job.created), version=__version__
        )
        job.target.parent.mkdir(parents=True, exist_ok=True)
        HTML(string=html, base_url=str(PACKAGE_TEMPLATES) + "/", url_fetcher=fetcher).write_pdf(
            tmp,
            pdf_variant=PDF_VARIANT,
            pdf_identifier=hashlib.sha256(job.title.encode()).hexdigest()[:32].encode(),
            attachments=[
                Attachment(string=data.decode("utf-8"), name=name, relationship="Source")
                for name, data in job.attachments
            ],
        )
        os.replace(tmp, job.target)
    except Exception as exc:
        tmp.unlink(missing_ok=True)
        return Outcome(job.target, False, fetcher.refused, f"{type(exc).__name__}: {exc}")
    return Outcome(job.target, True, fetcher.refused)


def _stamp(moment: datetime) -> str:
    """ISO 8601 with the zone PDF metadata needs; records are in local time (WIB)."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=WIB)).isoformat()


class Manifest:
    """Which inputs each PDF was last made from, kept beside the PDFs."""

    def __init__(self, out: Path):
        self.file = out / ".sop-kit-pdf.json"
        try:
            self.entries: dict[str, str] = json.loads(self.file.read_text("utf-8"))
        except (OSError, ValueError):
            self.entries = {}

    def fresh(self, job: Job, key: str) -> bool:
        return self.entries.get(str(job.target)) == key and job.target.is_file()

    def save(self) -> None:
        tmp = self.file.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.entries, sort_keys=True, indent=1), "utf-8")
        os.replace(tmp, self.file)


_worker_env: jinja2.Environment | None = None


def _init(override: Path | None) -> None:
    global _worker_env
    _worker_env = environment(override)


def _render_in_worker(job: Job) -> Outcome:
    assert _worker_env is not None
    return render(job, _worker_env)


@dataclass
class RenderReport:
    outcomes: list[Outcome] = field(default_factory=list)
    skipped: int = 0

    @property
    def rendered(self) -> int:
        return sum(o.rendered for o in self.outcomes)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.error or o.refused]


def render_all(
    jobs: Sequence[Job],
    out: Path,
    override: Path | None,
    processes: int = 0,
    reporter: Reporter | None = None,
) -> RenderReport:
    """Render every job whose inputs changed, on ``processes`` cores (0: all); ``reporter``
    hears of each document as it comes back."""
    reporter = reporter or SILENT
    env = environment(override)
    out.mkdir(parents=True, exist_ok=True)
    manifest = Manifest(out)
    report = RenderReport()
    todo: list[tuple[Job, str]] = []
    for job in jobs:
        key = job.key(env)
        if manifest.fresh(job, key):
            report.skipped += 1
            reporter.note("progress.pdf_reused", path=job.target)
        else:
            todo.append((job, key))
    with reporter.task("pdf", len(todo)):
        for (job, key), outcome in zip(todo, _outcomes(todo, env, override, processes), strict=True):
            report.outcomes.append(outcome)
            if outcome.rendered:
                manifest.entries[str(job.target)] = key
                reporter.note("progress.pdf_rendered", path=job.target)
            reporter.advance(item=job.target.name)
    manifest.save()
    return report


def _outcomes(
    todo: list[tuple[Job, str]], env: jinja2.Environment, override: Path | None, processes: int
) -> Iterator[Outcome]:
    """Each job's outcome, in order, as soon as it is rendered."""
    workers = processes or os.cpu_count() or 1
    if workers == 1 or len(todo) < 2:
        yield from (render(job, env) for job, _ in todo)
        return
    import multiprocessing

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init, initargs=(override,)) as pool:
        yield from pool.map(_render_in_worker, [job for job, _ in todo])
