"""The ``sop-kit`` command: parse options, call the library, turn its errors into messages.

Exit codes: 0 clean, 1 findings (errors, or warnings with --strict), 2 usage or
configuration error.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date, datetime
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from ..check.output import FORMATS, format_report
from ..check.run import CheckOptions, check_archive
from ..core.errors import ConfigError, SopKitError
from ..core.feedback import Reporter, reporter_for
from ..core.messages import default_lang, render, text
from .usage import Group

F = TypeVar("F", bound=Callable[..., Any])

lang_option = click.option(
    "--lang",
    type=click.Choice(["id", "en"]),
    default=None,
    help="Message language (default: $SOP_KIT_LANG, else id).",
)


class UsageFailure(click.ClickException):
    """A one-line error, labelled in the user's language (click's own label is English)."""

    exit_code = 2

    def __init__(self, message: str, lang: str | None = None) -> None:
        super().__init__(message)
        self.lang = lang or default_lang()

    def show(self, file: Any = None) -> None:
        click.echo(f"{text('sev.error', self.lang)}: {self.format_message()}", err=True)


def _feedback_options(func: F) -> F:
    """--quiet and --verbose, for the commands that can take a while."""
    func = click.option("--verbose", "-v", is_flag=True, help="Also print stage timings and a line per item.")(func)
    return click.option("--quiet", "-q", is_flag=True, help="Print only the result and errors: no progress.")(func)


def _reporter(quiet: bool, verbose: bool, lang: str) -> Reporter:
    """Progress on stderr (a bar on a terminal, plain lines in CI or a pipe), never on stdout."""
    if quiet and verbose:
        raise UsageFailure(text("progress.quiet_verbose", lang), lang)
    return reporter_for(sys.stderr, lang, quiet, verbose)


def _complete_case(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """Shell completion of a CASE: the case folders under --root (default records)."""
    from ..records.layout import locate

    try:
        names = {folder.name for folder in locate(ctx.params.get("root") or "records").case_dirs()}
    except (SopKitError, OSError):
        return []
    return sorted(name for name in names if name.startswith(incomplete))


def _library_errors(func: F) -> F:
    """The one place where library errors become a one-line message and exit code 2."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except SopKitError as exc:
            ctx = click.get_current_context()
            if ctx.obj and ctx.obj.get("debug"):
                raise
            lang = kwargs.get("lang") or default_lang()
            message, hint = render(exc.code, lang, exc.params)
            where = f"{exc.file}:{exc.line}: " if exc.file and exc.line else (f"{exc.file}: " if exc.file else "")
            raise UsageFailure(f"{where}{message}" + (f"\n  {hint}" if hint else ""), lang) from None

    return wrapper  # type: ignore[return-value]


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sop-kit")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """sop-kit: SOP 61.1.D.049/I/2020 (and other SOP AP) as an auditable records pipeline."""
    ctx.obj = {"debug": debug}


@main.command()
@click.argument("root", default="records", type=click.Path(file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", help="Output format.")
@click.option("--strict", is_flag=True, help="Warnings fail the check too.")
@click.option("--changed-since", metavar="REV", help="Check only cases changed since this git revision.")
@click.option("--no-cache", is_flag=True, help="Check every case again, ignoring cached results.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")
@click.option("--no-trail", is_flag=True, help="Leave out the approval trail from git history.")
@_feedback_options
@lang_option
@_library_errors
def check(
    root: Path,
    fmt: str,
    strict: bool,
    changed_since: str | None,
    no_cache: bool,
    jobs: int | None,
    no_trail: bool,
    quiet: bool,
    verbose: bool,
    lang: str | None,
) -> None:
    """Validate the SOP files, the staff registry and every case under ROOT (default: records)."""
    lang = lang or default_lang()
    options = CheckOptions(use_cache=not no_cache, jobs=jobs, changed_since=changed_since, trail=not no_trail)
    report = check_archive(root, options, _reporter(quiet, verbose, lang))
    click.echo(format_report(report, fmt, lang, summary=not quiet), nl=False)
    sys.exit(1 if report.failed(strict) else 0)


@main.command()
@click.argument("case", shell_complete=_complete_case)
@click.option("--root", default="records", type=click.Path(file_okay=False, path_type=Path), help="Archive folder.")
@lang_option
@_library_errors
def status(case: str, root: Path, lang: str | None) -> None:
    """Say which steps of CASE (an id or a folder) are done and what is missing next."""
    from ..records.archive import open_archive
    from ..reports.status import case_status, find_case, format_status

    archive = open_archive(root)
    click.echo(format_status(case_status(archive, find_case(archive, case)), lang or default_lang()), nl=False)


@main.group()
def sop() -> None:
    """The SOPs themselves: bring one in from its document, compare revisions, review against practice."""


# (sop subcommands: import, diff, stats — below this line, in that order)


@sop.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="SOP data file to write.")
@click.option("--force", is_flag=True, help="Overwrite --out if it exists.")
@lang_option
@_library_errors
def sop_import(file: Path, out: Path | None, force: bool, lang: str | None) -> None:
    """Read an SOP AP document (.txt, .docx, PDF) and write it as an SOP data file to review."""
    from ..sopimport import default_out, import_sop

    lang = lang or default_lang()
    result = import_sop(file, str(file), lang=lang)
    out = out or default_out(result)
    if out.exists() and not force:
        raise ConfigError("import.exists", None, path=str(out))
    if out.name != "sop.yaml":  # findings name the file as written
        result = import_sop(file, str(file), out_name=str(out), lang=lang)
    try:
        out.write_text(result.text, encoding="utf-8")
    except OSError as exc:
        raise ConfigError("import.write_failed", str(out), reason=exc.strerror or type(exc).__name__) from None
    for kind, title in (("problem", "import.header_problems"), ("guess", "import.header_guesses")):
        notes = [n for n in result.notes if n.kind == kind]
        if notes:
            click.echo(text(title, lang))
        for note in notes:
            where = f"{file}:{note.line}: " if note.line else f"{file}: "
            click.echo(f"  {where}{note.message(lang)}")
    click.echo(
        text("import.written", lang, path=str(out), steps=len(result.data.get("langkah", [])),
             roles=len(result.data.get("peran", [])))
    )  # fmt: skip
    click.echo(text("import.review_count", lang, count=sum(1 for n in result.notes if n.kind == "review")))
    from ..check.output import finding_lines

    for finding in result.findings:
        click.echo("\n".join(finding_lines(finding, lang)))
    click.echo(text("import.valid" if result.valid else "import.invalid", lang, count=len(result.findings)))
    sys.exit(0 if result.valid else 1)


@sop.command("diff")
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@click.option("--root", default="records", type=click.Path(file_okay=False, path_type=Path), help="Archive folder.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="Output format.")
@click.option("--exit-code", is_flag=True, help="Exit 1 when the revisions differ (as git diff --exit-code).")
@lang_option
@_library_errors
def sop_diff(a: str, b: str, root: Path, fmt: str, exit_code: bool, lang: str | None) -> None:
    """What changed from SOP A to SOP B: files, or NOMOR@REVISI / NOMOR (latest) in --root."""
    import json

    from ..records.revisions import diff_sops, format_diff, resolve_sop

    old, new = resolve_sop(a, root), resolve_sop(b, root)
    found = diff_sops(old, new)
    if fmt == "json":
        click.echo(json.dumps(found.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_diff(found, lang or default_lang(), old, new), nl=False)
    sys.exit(1 if exit_code and found.changes else 0)


@sop.command("stats")
@click.option("--root", default="records", type=click.Path(file_okay=False, path_type=Path), help="Archive folder.")
@click.option("--sop", "nomor", metavar="NOMOR", help="Only this SOP (all its revisions).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="Output format.")
@lang_option
@_library_errors
def sop_stats(root: Path, nomor: str | None, fmt: str, lang: str | None) -> None:
    """Each step's actual durations (median, 90th percentile) against the standard, and how
    often each mandated document was missing, per SOP revision."""
    import json

    from ..reports.stats import archive_stats, format_stats, stats_json

    found = archive_stats(root, nomor)
    if fmt == "json":
        click.echo(json.dumps(stats_json(found), ensure_ascii=False, indent=2))
    else:
        click.echo(format_stats(found, lang or default_lang()), nl=False)


def _date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ConfigError("new.bad_date", None, value=value) from None


def _pick(prompt: str, choices: list[str]) -> str:
    """A numbered list; the answer is a number or a name."""
    for i, name in enumerate(choices, 1):
        click.echo(f"  {i:>2}. {name}", err=True)
    answer = str(click.prompt(prompt, err=True)).strip()
    return choices[int(answer) - 1] if answer.isdigit() and 1 <= int(answer) <= len(choices) else answer


def _ask_location(kecamatan: str | None, desa: str | None, lang: str) -> tuple[str, str]:
    """Ask until the register knows both names; a typo is answered with the nearest names."""
    from ..clerk.new import lookup_desa, lookup_kecamatan
    from ..records.wilayah import purwakarta

    reg = purwakarta()
    while (kec := lookup_kecamatan(reg, kecamatan or "")) is None:
        if kecamatan:
            near = ", ".join(reg.suggest_kecamatan(kecamatan)) or "-"
            click.echo(text("new.unknown_kecamatan", lang, name=kecamatan, suggestions=near), err=True)
        kecamatan = _pick(text("new.prompt_kecamatan", lang), sorted(k.nama for k in reg.kecamatan.values()))
    while not desa or lookup_desa(reg, kec, desa) is None:
        if desa:
            near = ", ".join(reg.suggest_desa(kec, desa)) or "-"
            elsewhere = ", ".join(k.nama for k in reg.kecamatan_of_desa(desa)) or "-"
            message = text(
                "new.unknown_desa", lang, name=desa, kecamatan=kec.nama, suggestions=near, elsewhere=elsewhere
            )
            click.echo(message, err=True)
        names = sorted(d.nama for d in reg.desa[kec.kode].values())
        desa = _pick(text("new.prompt_desa", lang, kecamatan=kec.nama), names)
    return kec.nama, desa


def _ask_sop(root: Path, lang: str) -> str | None:
    """Which SOP the case follows, asked only when the archive holds several."""
    from ..records.archive import open_archive

    sops = {s.nomor: s.nama for s in open_archive(root).sops.values()}
    if len(sops) < 2:
        return None
    numbers = sorted(sops)
    for i, nomor in enumerate(numbers, 1):
        click.echo(f"  {i:>2}. {nomor} — {sops[nomor]}", err=True)
    answer = str(click.prompt(text("new.prompt_sop", lang), err=True)).strip()
    return numbers[int(answer) - 1] if answer.isdigit() and 1 <= int(answer) <= len(numbers) else answer


@main.command()
@click.option("--root", default="records", type=click.Path(file_okay=False, path_type=Path), help="Archive folder.")
@click.option("--kecamatan", help="Kecamatan, as in the Kemendagri register.")
@click.option("--desa", help="Desa or kelurahan of that kecamatan.")
@click.option("--mulai", help="Start of the coaching period, YYYY-MM-DD.")
@click.option("--sampai", help="End of the period, YYYY-MM-DD (usually filled in at closing).")
@click.option("--judul", help="Case title (public; default: the SOP's name and the desa).")
@click.option("--oleh", help="Staff id (from staf.yaml) of whoever opens the case.")
@click.option("--sop", "sop_nomor", metavar="NOMOR", help="SOP number, when the archive holds several.")
@click.option("--no-input", is_flag=True, help="Never ask; fail on a missing option (for scripts).")
@lang_option
@_library_errors
def new(
    root: Path,
    kecamatan: str | None,
    desa: str | None,
    mulai: str | None,
    sampai: str | None,
    judul: str | None,
    oleh: str | None,
    sop_nomor: str | None,
    no_input: bool,
    lang: str | None,
) -> None:
    """Create a case folder for a kecamatan, desa and period, pre-filled with every SOP step.

    Asks for what the options leave out (with the register's choices), unless --no-input.
    """
    from ..clerk.new import NewCase, create_case

    lang = lang or default_lang()
    if no_input:
        for option, value in (("--kecamatan", kecamatan), ("--desa", desa), ("--mulai", mulai), ("--oleh", oleh)):
            if not value:
                raise ConfigError("new.missing_option", None, option=option)
    else:
        try:
            kecamatan, desa = _ask_location(kecamatan, desa, lang)
            mulai = mulai or str(
                click.prompt(text("new.prompt_mulai", lang), default=date.today().isoformat(), err=True)
            )
            oleh = oleh or str(click.prompt(text("new.prompt_oleh", lang), err=True)).strip()
            sop_nomor = sop_nomor or _ask_sop(root, lang)
        except click.Abort:  # Ctrl+C or end of input at a prompt
            click.echo(text("new.cancelled", lang), err=True)
            sys.exit(1)
    start = _date(mulai)
    assert start is not None and kecamatan and desa and oleh
    created = create_case(root, NewCase(kecamatan, desa, start, oleh, _date(sampai), judul, sop_nomor))
    kasus = created.kasus
    steps = len(created.files) - 1
    where = Path(root) / created.folder.relative_to(created.folder.parents[2])
    click.echo(
        text("new.created", lang, id=kasus.id, path=where, steps=steps, sop=kasus.sop.nomor, revisi=kasus.sop.revisi)
    )
    click.echo(text("new.next", lang, id=kasus.id))
    click.echo(text("new.git", lang))
    click.echo(f"  git add {where}")
    click.echo(f'  git commit -S -m "kasus {kasus.id}: dibuka"')


def _moment(value: str | None) -> datetime | None:
    if value is None:
        return None
    if value.strip().lower() in ("sekarang", "now"):
        return datetime.now().replace(second=0, microsecond=0)  # the clerk's local time (WIB in the office)
    try:
        return datetime.strptime(value.strip().replace("T", " "), "%Y-%m-%d %H:%M")
    except ValueError:
        raise ConfigError("record.bad_time", None, value=value) from None


@main.command()
@click.argument("case", shell_complete=_complete_case)
@click.argument("no", metavar="N", type=click.IntRange(min=1))
@click.option("--root", default="records", type=click.Path(file_okay=False, path_type=Path), help="Archive folder.")
@click.option("--mulai", metavar="WAKTU", help='Start, "YYYY-MM-DD HH:MM" or "sekarang".')
@click.option("--selesai", metavar="WAKTU", help='End, "YYYY-MM-DD HH:MM" or "sekarang"; marks the step done.')
@click.option("--pelaksana", metavar="ID", help="Staff id (staf.yaml) of who did the step.")
@click.option("--keputusan", type=click.Choice(["ya", "tidak"]), help="The decision, on the decision step.")
@click.option("--alasan", help="Reason for the decision.")
@click.option("--alasan-waktu", help="Why the step took longer than the SOP's standard time.")
@click.option("--nomor-surat", help="Number of the letter or SK the step produced.")
@click.option("--catatan", help="A note (public: no family names or NIK).")
@click.option("--status", type=click.Choice(["belum", "berjalan", "selesai"]), help="Set the status explicitly.")
@click.option("--putaran", type=click.IntRange(min=1), help="Round (default: the one due now).")
@click.option(
    "--lampir",
    "attachments",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Attach a document or photo (repeatable): copied into the case, type checked, hash recorded.",
)
@click.option("--jenis", metavar="KIND", help="Document kind id of the attachments (default: the step's own).")
@click.option("--judul", help="Title (document) or caption (photo) of the attachments.")
@click.option("--pribadi", is_flag=True, default=None, help="The attachments hold personal data.")
@click.option("--commit", "do_commit", is_flag=True, help="Run git add and git commit -S for this step's files.")
@click.option("--no-sign", is_flag=True, help="With --commit: commit without a signature (not an approval).")
@lang_option
@_library_errors
def step(
    case: str,
    no: int,
    root: Path,
    mulai: str | None,
    selesai: str | None,
    pelaksana: str | None,
    keputusan: str | None,
    alasan: str | None,
    alasan_waktu: str | None,
    nomor_surat: str | None,
    catatan: str | None,
    status: str | None,
    putaran: int | None,
    attachments: tuple[Path, ...],
    jenis: str | None,
    judul: str | None,
    pribadi: bool | None,
    do_commit: bool,
    no_sign: bool,
    lang: str | None,
) -> None:
    """Record step N of CASE: times, who did it, the decision, attachments. Comments in the file survive."""
    from ..check.output import finding_lines
    from ..clerk.step import Attachment, StepUpdate, commit, record_step

    lang = lang or default_lang()
    update = StepUpdate(
        no=no,
        putaran=putaran,
        status=status,  # type: ignore[arg-type]  # click.Choice guarantees the literal
        pelaksana=pelaksana,
        mulai=_moment(mulai),
        selesai=_moment(selesai),
        keputusan=keputusan,  # type: ignore[arg-type]
        alasan=alasan,
        alasan_waktu=alasan_waktu,
        nomor_surat=nomor_surat,
        catatan=catatan,
        lampiran=tuple(Attachment(p, jenis, judul, pribadi) for p in attachments),
    )
    if update.is_empty():
        raise ConfigError("record.nothing", None)
    done = record_step(root, case, update)
    record = done.record
    assert record is not None
    records = done.folder.parents[2]  # <records>/kasus/<year>/<id>: shown as the clerk named the root
    shown = [str(Path(root) / p.relative_to(records)) for p in done.paths]
    click.echo(text("record.done", lang, no=no, putaran=record.putaran, path=shown[0], status=record.status))
    if done.created:
        click.echo("  " + text("record.created_round", lang, putaran=record.putaran))
    for doc in record.dokumen[len(record.dokumen) - len(done.attached) :]:
        click.echo("  " + text("record.attached", lang, path=doc.berkas, kind=doc.jenis, sha=(doc.sha256 or "")[:12]))
    for finding in done.findings:
        click.echo("\n".join(finding_lines(finding, lang)))
    if not done.findings:
        click.echo(text("record.clean", lang))
    if do_commit:
        click.echo(text("record.committed", lang, sha=commit(done, sign=not no_sign)[:12]))
    else:
        click.echo(text("new.git", lang))
        click.echo("  git add " + " ".join(shown))
        click.echo(f'  git commit -S -m "{done.message}"')


@main.command()
@click.argument("case", shell_complete=_complete_case)
@click.option("--root", default="records", type=click.Path(file_okay=False, path_type=Path), help="Archive folder.")
@click.option("--no-cache", is_flag=True, help="Verify every commit again, ignoring cached verdicts.")
@_feedback_options
@lang_option
@_library_errors
def trail(case: str, root: Path, no_cache: bool, quiet: bool, verbose: bool, lang: str | None) -> None:
    """Show who completed or decided each step of CASE, from git history, and whether it is verified."""
    from ..records.layout import locate
    from ..reports.status import find_case
    from ..trail.build import format_case_trail, load_trail

    lang = lang or default_lang()
    layout = locate(root)
    found = load_trail(layout, use_cache=not no_cache, reporter=_reporter(quiet, verbose, lang))
    if found is None:
        raise ConfigError("trail.no_git", str(root))
    from ..records.archive import open_archive

    folder = find_case(open_archive(root), case)
    click.echo(format_case_trail(found, folder.name, lang), nl=False)


@main.command()
@click.argument("target", metavar="DIR", type=click.Path(path_type=Path))
@click.option(
    "--source",
    default="records",
    type=click.Path(file_okay=False, path_type=Path),
    help="Archive whose cases are replayed (default: records).",
)
@_feedback_options
@lang_option
@_library_errors
def demo(target: Path, source: Path, quiet: bool, verbose: bool, lang: str | None) -> None:
    """Create DIR: a demo archive repository whose signed git history is the approval trail."""
    from ..demo.build import build_demo, format_tour

    lang = lang or default_lang()
    result = build_demo(target, source, _reporter(quiet, verbose, lang))
    argv0 = sys.argv[0] if sys.argv else ""
    prog = argv0 if Path(argv0).name == "sop-kit" else "sop-kit"  # as typed, e.g. .venv/bin/sop-kit
    click.echo(format_tour(result, str(target), lang, prog), nl=False)


@main.command()
@click.argument("root", default="records", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--out",
    default="site/pdf",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for public documents (no personal data). Default: site/pdf.",
)
@click.option(
    "--internal",
    "internal_out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Also render documents with personal data (full dossier, attendance sheet) into this folder.",
)
@click.option("--case", default=None, help="Only this case (and no SOP documents).", shell_complete=_complete_case)
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Processes (default: all cores).")
@click.option("--no-trail", is_flag=True, help="Leave the approval trail out of the dossiers.")
@_feedback_options
@lang_option
@_library_errors
def pdf(
    root: Path,
    out: Path,
    internal_out: Path | None,
    case: str | None,
    jobs: int | None,
    no_trail: bool,
    quiet: bool,
    verbose: bool,
    lang: str | None,
) -> None:
    """Render the SOP document, a dossier per case and the letters clerks send, as PDF/A."""
    from ..pdf.build import render_documents

    lang = lang or default_lang()
    reporter = _reporter(quiet, verbose, lang)
    report = render_documents(root, out, internal_out, case, jobs or 0, not no_trail, reporter)
    for outcome in report.outcomes:
        for what in outcome.refused:
            click.echo(text("pdf.refused", lang, path=outcome.target, what=what), err=True)
        if outcome.error:
            click.echo(text("pdf.failed", lang, path=outcome.target, error=outcome.error), err=True)
    click.echo(text("pdf.summary", lang, rendered=report.rendered, skipped=report.skipped, failed=len(report.failed)))
    sys.exit(1 if report.failed else 0)


@main.command()
@click.argument("root", default="records", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--out", default="site", type=click.Path(file_okay=False, path_type=Path), help="Site folder (default: site)."
)
@click.option(
    "--internal",
    is_flag=True,
    help="Include personal data, for the office's intranet only (default folder: site-internal).",
)
@click.option("--no-pdf", is_flag=True, help="Leave out the PDF documents.")
@click.option("--no-trail", is_flag=True, help="Leave out the approval trail from git history.")
@click.option("--full", is_flag=True, help="MkDocs renders every page, not only the changed ones.")
@click.option("--no-cache", is_flag=True, help="Use nothing from earlier builds: read, publish and index everything.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Processes (default: all cores).")
@_feedback_options
@lang_option
@_library_errors
def build(
    root: Path,
    out: Path,
    internal: bool,
    no_pdf: bool,
    no_trail: bool,
    full: bool,
    no_cache: bool,
    jobs: int | None,
    quiet: bool,
    verbose: bool,
    lang: str | None,
) -> None:
    """The main job: check ROOT, render its PDFs, then build and publish the audit site."""
    from ..core.findings import Severity
    from ..site.build import SiteOptions, build_site

    lang = lang or default_lang()
    if internal and out == Path("site"):
        out = Path("site-internal")
    options = SiteOptions(out, internal, not no_pdf, not no_trail, not full, not no_cache, jobs or 0)
    report = build_site(root, options, _reporter(quiet, verbose, lang))
    check = report.check
    counts = {"errors": check.count(Severity.ERROR), "warnings": check.count(Severity.WARNING)}
    click.echo(text("site.check_summary", lang, infos=check.count(Severity.INFO), **counts))
    kind = text("site.kind_internal" if internal else "site.kind_public", lang)
    click.echo(
        text(
            "site.built",
            lang,
            kind=kind,
            path=out,
            cases=report.cases,
            pages=report.pages,
            rendered=report.pages_changed,
            full=text("site.full", lang) if report.full else "",
        )
    )


@main.command()
@click.option(
    "--root",
    default="records",
    type=click.Path(file_okay=False, path_type=Path),
    help="Archive folder (default: records).",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the schemas (default: schema/ beside the archive folder).",
)
@lang_option
@_library_errors
def schema(root: Path, out: Path | None, lang: str | None) -> None:
    """Write JSON Schemas of the record files, for editors that check YAML while you type."""
    from ..clerk.schema import schema_dir, write_schemas
    from ..core.errors import ConfigError
    from ..core.messages import text

    target = out or schema_dir(root)
    try:
        written = write_schemas(target)
    except OSError as exc:
        raise ConfigError("init.write_failed", None, path=str(target), error=exc.strerror or exc) from None
    click.echo(text("init.schema_written", lang or default_lang(), count=len(written), path=target))


@main.command()
@click.argument("target", metavar="DIR", type=click.Path(path_type=Path))
@click.option(
    "--sop",
    "sop_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The SOP file (.yaml) the office follows (default: SOP 61.1.D.049/I/2020).",
)
@click.option("--instansi", default=None, help="The office's name (default: from the SOP's unit).")
@lang_option
@_library_errors
def init(target: Path, sop_file: Path | None, instansi: str | None, lang: str | None) -> None:
    """Start a new office's archive repository in DIR (new or empty): records, schemas, hooks, CI."""
    from ..clerk.init import init_archive
    from ..core.messages import text

    lang = lang or default_lang()
    created = init_archive(target, sop_file, instansi)
    click.echo(text("init.created", lang, path=target))
    for path in created:
        click.echo(f"  {path}")
    click.echo(text("init.next_steps", lang, path=target))


@main.command()
@click.argument("site", default="site", type=click.Path(file_okay=False, path_type=Path))
@click.option("--port", default=8000, type=click.IntRange(0, 65535), help="Port on 127.0.0.1 (default 8000).")
@lang_option
@_library_errors
def serve(site: Path, port: int, lang: str | None) -> None:
    """Preview a built SITE (default: site) at http://127.0.0.1:PORT/."""
    from ..site.serve import make_server

    if not (site / "index.html").is_file():
        raise ConfigError("site.no_site", str(site), path=str(site))
    server = make_server(site, port=port)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    click.echo(text("site.serving", lang or default_lang(), path=site, url=url))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@main.command()
@click.argument("case")
@click.option("--bagit", "bagit_format", is_flag=True, help="Write a BagIt bag (RFC 8493), for the regional archive.")
@click.option("--root", default="records", type=click.Path(file_okay=False, path_type=Path), help="Archive folder.")
@click.option(
    "--out", default=None, type=click.Path(path_type=Path), help="The bag folder, new or empty (default: CASE.bag)."
)
@click.option("--no-trail", is_flag=True, help="Leave out the approval trail from git history.")
@click.option("--contact-name", default=None, help="Contact-Name in bag-info.txt.")
@click.option("--contact-email", default=None, help="Contact-Email in bag-info.txt.")
@click.option("--address", default=None, help="Organization-Address in bag-info.txt.")
@click.option("--force", is_flag=True, help="Export a case that is unfinished or has errors (recorded in the bag).")
@lang_option
@_library_errors
def export(
    case: str,
    bagit_format: bool,
    root: Path,
    out: Path | None,
    no_trail: bool,
    contact_name: str | None,
    contact_email: str | None,
    address: str | None,
    force: bool,
    lang: str | None,
) -> None:
    """Export CASE (an id or a folder) for transfer: a BagIt bag with its records, files, dossier and trail."""
    from ..bag.export import CHECKSUMS, export_bag
    from ..core.errors import ConfigError
    from ..core.messages import text

    if not bagit_format:
        raise ConfigError("export.needs_format", None)
    lang = lang or default_lang()
    path = export_bag(
        root,
        case,
        out,
        trail=not no_trail,
        contact_name=contact_name,
        contact_email=contact_email,
        organization_address=address,
        force=force,
    )
    import bagit

    info = bagit.Bag(str(path)).info
    oxum = str(info.get("Payload-Oxum", "0.0"))
    size, files = oxum.split(".", 1)
    click.echo(
        text(
            "export.done",
            lang,
            case=info.get("External-Identifier", case),
            path=path,
            files=files,
            bytes=size,
            algorithms=", ".join(CHECKSUMS),
        )
    )
    click.echo(text("export.personal", lang))


@main.command("verify-bag")
@click.argument("bag", type=click.Path(path_type=Path))
@lang_option
@_library_errors
def verify_bag_command(bag: Path, lang: str | None) -> None:
    """Validate BAG (completeness and fixity) and check its case again with sop-kit's rules."""
    from ..bag.export import format_bag_report, verify_bag

    report = verify_bag(bag)
    click.echo(format_bag_report(report, lang or default_lang()), nl=False)
    sys.exit(0 if report.valid else 1)
