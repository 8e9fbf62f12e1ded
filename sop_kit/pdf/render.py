"""HTML templates to PDF/A, written atomically and only when their inputs changed.

Templates ship in the package (``sop_kit/templates``); an archive can override any of them
from the ``templates/`` folder beside its ``records/``, in the version in force (authorised
by a signed commit where signatures are required, see :class:`~sop_kit.records.archive.Archive`).
An override can extend the original as ``{% extends "default:dossier.html" %}`` (or
``"default/dossier.html"``).

Anyone who can push to the archive can write a template, so every template runs in Jinja's
sandbox (:mod:`.templating`): no attribute that starts with an underscore
(``cycler.__init__.__globals__``), no method that changes a value, so a template can reach
neither Python nor the build machine. It sees only the document's own context: the public view
of the case for a public document, never the records. Autoescape and StrictUndefined make text
from records always escaped and a missing value fail loudly; a failure names the template and
its line. Every public PDF is read back and scanned for personal data
(:mod:`sop_kit.records.privacyscan`) before it replaces the previous one.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import jinja2

from .._version import __version__
from ..core import resources
from ..core.feedback import SILENT, Reporter
from ..core.workers import fork_context
from ..records.fieldtypes import WIB
from ..records.layout import TEMPLATES_DIR, Layout
from ..records.privacyscan import Hit, Identifiers, scan_document
from ..views.leaks import trace
from .templating import PACKAGE_TEMPLATES, Templates, environment, templates_digest, where

PDF_VARIANT = "pdf/a-3b"  # PDF/A-3 allows the case's own records to travel inside the dossier


@dataclass(frozen=True)
class PublicScan:
    """What a public document is scanned for before it is written: the personal values of its
    case's records and, by their shapes, any NIK/KK or phone number that is
    not one of the identifiers the document shows (hashes, commit ids, the case id)."""

    values: frozenset[str]
    identifiers: tuple[str, ...] = ()
    numbers: frozenset[str] = frozenset()  # the office's own phone, on every letterhead


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
    public: PublicScan | None = None  # a public document: scanned for personal data before it is written
    weight: int = field(default=0, init=False, repr=False, compare=False)  # bytes it carries, known from key()
    inputs_digest: str = field(default="", init=False, repr=False, compare=False)  # known from key()

    def key(self, templates: str, files: dict[Path, bytes] | None = None) -> str:
        """A content hash of everything the PDF is made from; ``templates`` is
        :func:`templates_digest` of the templates in force; ``files`` keeps the digest of each
        input file read, for the other documents of the same case."""
        files = {} if files is None else files
        context = json.dumps(self.context, sort_keys=True, default=str).encode()
        self.weight = len(context) + sum(len(data) for _, data in self.attachments)
        inputs = hashlib.sha256()
        for path in sorted(self.inputs):
            if path not in files:
                files[path] = hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b"-"
            inputs.update(str(path).encode() + b"\0" + files[path])
        self.inputs_digest = inputs.hexdigest()
        return self._digest(templates, context, self.inputs_digest)

    def page_key(self, templates: str, html: str) -> str:
        """The same hash once the page is rendered: the HTML in place of the context, and the
        input files only where the document may load them (``roots``). Two contexts that give
        the same page give the same PDF: a case's letters do not print its step notes, so a
        changed note leaves them as they are. Call after :meth:`key`."""
        return self._digest(templates, html.encode(), self.inputs_digest if self.roots else "")

    def _digest(self, templates: str, made_from: bytes, inputs: str) -> str:
        # sop-kit's code too: an upgraded renderer makes the documents again.
        code = resources.code_fingerprint()
        digest = hashlib.sha256(f"{__version__}\0{code}\0{self.template}\0{self.title}\0{self.created}".encode())
        digest.update(made_from)
        for name, data in self.attachments:
            digest.update(name.encode() + hashlib.sha256(data).digest())
        digest.update(inputs.encode())
        digest.update(templates.encode())
        if self.public is not None:
            digest.update(
                json.dumps([sorted(self.public.values), self.public.identifiers, sorted(self.public.numbers)]).encode()
            )
        return digest.hexdigest()


@dataclass
class Outcome:
    target: Path
    rendered: bool
    refused: list[str] = field(default_factory=list)
    error: str | None = None
    template: str | None = None  # where a template failed: its file (templates/… or shipped) and line
    line: int | None = None
    unsafe: bool = False  # the template tried what the sandbox forbids
    leaks: list[Hit] = field(default_factory=list)  # personal data found in a public document: not written
    page: str | None = None  # Job.page_key of what was rendered (or found unchanged)
    reused: bool = False  # the page came out as the one the target was made from: not made again

    @property
    def failed(self) -> bool:
        return bool(self.error or self.refused or self.leaks)


@dataclass(frozen=True)
class Problem:
    """A failed document, as one located message: a catalogue code and its parameters."""

    code: str
    file: str
    line: int | None
    params: dict[str, Any]


def problems(outcome: Outcome, layout: Layout, path: str | None = None) -> list[Problem]:
    """What went wrong with one document (named ``path``, by default its target): the
    template and line that failed, each refused resource, and each personal value found in it
    traced to its record."""
    path = path or str(outcome.target)
    out = [Problem("pdf.refused", path, None, {"path": path, "what": what}) for what in outcome.refused]
    if outcome.error:
        code = "pdf.template_unsafe" if outcome.unsafe else "pdf.template_failed" if outcome.template else "pdf.failed"
        where = path
        if outcome.template and outcome.template.startswith(f"{TEMPLATES_DIR}/"):
            # The office's template: beside records/, as the user named that folder.
            where = os.path.join(os.path.dirname(layout.shown.rstrip("/")), outcome.template)
        elif outcome.template:
            where = outcome.template
        out.append(Problem(code, where, outcome.line, {"path": path, "error": outcome.error}))
    for leak in trace(outcome.leaks, layout):
        params = {"path": path, "what": leak.what, "excerpt": leak.excerpt}
        file, line = leak.places[0] if leak.places else (path, None)
        out.append(Problem("pdf.personal_data", file, line, params))
    return out


def render(
    job: Job, env: jinja2.Environment, scan_cache: Path | None = None, looks: str = "", made: str | None = None
) -> Outcome:
    """Render one job to its target: a temporary file first, then an atomic rename.

    ``looks`` is the templates' digest and ``made`` the :meth:`Job.page_key` the target was
    made from: a page that comes out the same is not made into a PDF again.

    Any failure (a template error, a refused resource WeasyPrint could not do without,
    personal data in a public document) is returned, not raised, and the previous PDF at the
    target stays as it was. ``scan_cache`` keeps the text read back from public PDFs (the
    site's own scan then finds it there instead of reading the PDFs again).
    """
    # WeasyPrint (and the fetcher built on it) only when a PDF is made: importing it costs
    # half a second, and a build whose reports are unchanged renders nothing.
    from weasyprint import HTML, Attachment

    from .fetch import SafeFetcher

    fetcher = SafeFetcher([*job.roots, PACKAGE_TEMPLATES])
    tmp = job.target.with_name(f".{job.target.name}.{os.getpid()}.tmp")
    try:
        html = env.get_template(job.template).render(
            **job.context, title=job.title, subject=job.subject, created=_stamp(job.created), version=__version__
        )
        page = job.page_key(looks, html)
        if made == page and job.target.is_file():
            return Outcome(job.target, False, page=page, reused=True)
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
        if job.public is not None:
            ids = Identifiers.of(job.public.identifiers, job.public.numbers)
            found = scan_document(job.target.name, tmp.read_bytes(), job.public.values, ids, scan_cache)
            if found:
                tmp.unlink()
                leaks = [replace(hit, file=str(job.target)) for hit in found]  # the path names the case
                return Outcome(job.target, False, fetcher.refused, leaks=leaks)
        os.replace(tmp, job.target)
    except Exception as exc:
        tmp.unlink(missing_ok=True)
        template, line = where(exc)
        error = f"{type(exc).__name__}: {exc}"
        unsafe = isinstance(exc, jinja2.exceptions.SecurityError)
        return Outcome(job.target, False, fetcher.refused, error, template, line, unsafe)
    return Outcome(job.target, True, fetcher.refused, page=page)


def _stamp(moment: datetime) -> str:
    """ISO 8601 with the zone PDF metadata needs; records are in local time (WIB)."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=WIB)).isoformat()


class Manifest:
    """Which inputs each PDF was last made from (:meth:`Job.key`), and which page
    (:meth:`Job.page_key`), kept beside the PDFs."""

    def __init__(self, out: Path):
        self.file = out / ".sop-kit-pdf.json"
        self.keys: dict[str, str] = {}
        self.pages: dict[str, str] = {}
        try:
            data = json.loads(self.file.read_text("utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(data, dict) and isinstance(data.get("keys"), dict) and isinstance(data.get("pages"), dict):
            self.keys, self.pages = data["keys"], data["pages"]

    def fresh(self, job: Job, key: str) -> bool:
        return self.keys.get(str(job.target)) == key and job.target.is_file()

    def save(self) -> None:
        tmp = self.file.with_suffix(".tmp")
        try:
            tmp.write_text(json.dumps({"keys": self.keys, "pages": self.pages}, sort_keys=True, indent=1), "utf-8")
            os.replace(tmp, self.file)
        except OSError as exc:  # a write cut short by a full disk names no file
            tmp.unlink(missing_ok=True)
            raise OSError(exc.errno, exc.strerror, exc.filename or str(self.file)) from exc


_worker: tuple[jinja2.Environment, Path | None, str] | None = None


def _init(templates: Templates | None, scan_cache: Path | None, looks: str) -> None:
    global _worker
    _worker = (environment(templates), scan_cache, looks)


def _render_in_worker(item: tuple[Job, str | None]) -> Outcome:
    assert _worker is not None
    env, scan_cache, looks = _worker
    return render(item[0], env, scan_cache, looks, item[1])


@dataclass
class RenderReport:
    outcomes: list[Outcome] = field(default_factory=list)
    skipped: int = 0

    @property
    def rendered(self) -> int:
        return sum(o.rendered for o in self.outcomes)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.failed]


def render_all(
    jobs: Sequence[Job],
    out: Path,
    templates: Templates | None,
    processes: int = 0,
    reporter: Reporter | None = None,
    scan_cache: Path | None = None,
) -> RenderReport:
    """Render every job whose inputs changed, on ``processes`` cores (0: all), with the
    office's ``templates`` in force over the shipped ones; ``reporter`` hears of each document
    as it comes back; ``scan_cache`` keeps the text read back from public PDFs."""
    reporter = reporter or SILENT
    env = environment(templates)
    looks = templates_digest(templates)
    out.mkdir(parents=True, exist_ok=True)
    manifest = Manifest(out)
    report = RenderReport()
    todo: list[tuple[Job, str]] = []
    files: dict[Path, bytes] = {}
    for job in jobs:
        key = job.key(looks, files)
        if manifest.fresh(job, key):
            report.skipped += 1
            reporter.note("progress.pdf_reused", path=job.target)
        else:
            todo.append((job, key))
    # The heaviest documents first (those carrying the scans, then those inlining photos), so
    # that no core is left rendering one large dossier alone at the end.
    todo.sort(key=lambda item: -item[0].weight)
    with reporter.task("pdf", len(todo)):
        made = [(job, manifest.pages.get(str(job.target))) for job, _ in todo]
        outcomes = _outcomes(made, env, templates, processes, scan_cache, looks)
        for (job, key), outcome in zip(todo, outcomes, strict=True):
            if outcome.rendered or outcome.reused:
                manifest.keys[str(job.target)] = key
                manifest.pages[str(job.target)] = outcome.page or ""
            if outcome.reused:
                report.skipped += 1
                reporter.note("progress.pdf_reused", path=job.target)
            else:
                report.outcomes.append(outcome)
            if outcome.rendered:
                reporter.note("progress.pdf_rendered", path=job.target)
            reporter.advance(item=job.target.name)
    manifest.save()
    return report


def _outcomes(
    todo: list[tuple[Job, str | None]],
    env: jinja2.Environment,
    templates: Templates | None,
    processes: int,
    scan_cache: Path | None,
    looks: str,
) -> Iterator[Outcome]:
    """Each job's outcome, in order, as soon as it is rendered (each with the page its
    target was made from)."""
    workers = processes or os.cpu_count() or 1
    context = fork_context() if workers > 1 and len(todo) >= 2 else None
    if context is None:
        yield from (render(job, env, scan_cache, looks, made) for job, made in todo)
        return
    init = (templates, scan_cache, looks)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init, initargs=init) as pool:
        yield from pool.map(_render_in_worker, todo)
