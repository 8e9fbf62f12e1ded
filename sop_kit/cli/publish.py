"""``sop-kit build``, ``pdf``, ``serve`` and ``demo``: what the office publishes."""

from __future__ import annotations

import errno
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..check.audit import Audit, audit
from ..check.run import CheckOptions
from ..core.errors import ConfigError
from ..core.feedback import Reporter
from ..core.findings import Severity
from ..core.messages import text
from .options import (
    ARCHIVE,
    audit_options,
    complete_case,
    feedback_options,
    lang_option,
    library_errors,
    reporter,
    root_argument,
    said,
)
from .usage import Command

if TYPE_CHECKING:
    from ..site.build import SiteOptions, SiteReport


def _audit(root: Path, check: CheckOptions, say: Reporter) -> Audit:
    """The archive judged, as the build's first stage."""
    say.stage("check")
    start = time.perf_counter()
    found = audit(root, check, say)
    say.stage_done("check", time.perf_counter() - start)
    return found


@click.command(cls=Command, help="help.pdf")
@root_argument
@click.option("--out", default="site/pdf", type=ARCHIVE, help="help.pdf.out")
@click.option("--internal", "internal_out", type=ARCHIVE, default=None, help="help.pdf.internal")
@click.option("--case", default=None, help="help.pdf.case", shell_complete=complete_case)
@audit_options
@feedback_options
@lang_option
@library_errors
def pdf(
    root: Path,
    out: Path,
    internal_out: Path | None,
    case: str | None,
    check: CheckOptions,
    quiet: bool,
    verbose: bool,
    lang: str,
) -> None:
    from ..check.audit import audit_case
    from ..pdf.build import PdfOptions, render_documents
    from ..pdf.render import problems

    say = reporter(quiet, verbose, lang)
    found = audit_case(root, case, check, say)[0] if case else audit(root, check, say)
    report = render_documents(found, PdfOptions(out, internal_out, case, check.jobs or 0), say)
    for failed in report.failed:
        for problem in problems(failed, found.archive):
            where = f"{problem.file}:{problem.line}: " if problem.line else f"{problem.file}: "
            shown = "" if problem.file == str(failed.target) else where
            click.echo(shown + text(problem.code, lang, **problem.params), err=True)
    click.echo(text("pdf.summary", lang, rendered=report.rendered, skipped=report.skipped, failed=len(report.failed)))
    sys.exit(1 if report.failed else 0)


@click.command(cls=Command, help="help.build")
@root_argument
@click.option("--out", default="site", type=ARCHIVE, help="help.build.out")
@click.option("--internal", is_flag=True, help="help.build.internal")
@click.option("--no-pdf", is_flag=True, help="help.build.no_pdf")
@click.option("--full", is_flag=True, help="help.build.full")
@click.option("--watch", is_flag=True, help="help.build.watch")
@audit_options
@feedback_options
@lang_option
@library_errors
def build(
    root: Path,
    out: Path,
    internal: bool,
    no_pdf: bool,
    full: bool,
    watch: bool,
    check: CheckOptions,
    quiet: bool,
    verbose: bool,
    lang: str,
) -> None:
    from ..site.build import SiteOptions, build_site

    if internal and out == Path("site"):
        out = Path("site-internal")
    say = reporter(quiet, verbose, lang)
    options = SiteOptions(out, internal, not no_pdf, not full, check.use_cache, check.jobs or 0)
    if watch:
        _watch(root, check, options, say, lang)
        return
    _say_built(build_site(_audit(root, check, say), options, say), internal, out, lang)


def _say_built(report: SiteReport, internal: bool, out: Path, lang: str) -> None:
    judged = report.check
    counts = {"errors": judged.count(Severity.ERROR), "warnings": judged.count(Severity.WARNING)}
    click.echo(text("site.check_summary", lang, infos=judged.count(Severity.INFO), **counts))
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


def _watch(root: Path, check: CheckOptions, options: SiteOptions, say: Reporter, lang: str) -> None:
    """Build, then build again after each change, saying what changed and how it went."""
    from ..site.watch import keep_built

    # A network share tells of no change: WATCHFILES_FORCE_POLLING=1 (watchfiles' own switch) looks instead.
    poll = os.environ.get("WATCHFILES_FORCE_POLLING", "").lower() not in ("", "0", "false")
    for built in keep_built(root, check, options, say, poll=poll):
        if built.recheck and built.error is None and built.report is not None and not built.report.pages_changed:
            continue  # the periodic build found nothing the kernel had not told of: nothing to say
        if built.recheck:
            click.echo(text("site.watch_recheck", lang, time=time.strftime("%H:%M:%S")))
        if built.changed:
            shown = ", ".join(built.changed[:3])
            more = text("site.watch_more", lang, count=len(built.changed) - 3) if len(built.changed) > 3 else ""
            click.echo(text("site.watch_changed", lang, time=time.strftime("%H:%M:%S"), paths=shown + more))
        took = text("site.watch_took", lang, seconds=f"{built.seconds:.1f}")
        if built.error is not None:
            click.echo(said(built.error, lang), err=True)
            click.echo(text("site.watch_failed", lang) + " " + took, err=True)
        elif built.report is not None:
            _say_built(built.report, options.internal, options.out, lang)
            click.echo(took)
        if not built.changed and not built.recheck:
            click.echo(text("site.watching", lang, path=root))
    click.echo(text("site.watch_stopped", lang, path=options.out))


@click.command(cls=Command, help="help.serve")
@click.argument("site", default="site", type=ARCHIVE)
@click.option("--port", default=8000, type=click.IntRange(0, 65535), metavar="PORT", help="help.serve.port")
@lang_option
@library_errors
def serve(site: Path, port: int, lang: str) -> None:
    from ..site.serve import make_server

    if not (site / "index.html").is_file():
        raise ConfigError("site.no_site", str(site), path=str(site))
    try:
        server = make_server(site, port=port)
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise
        raise ConfigError("site.port_in_use", None, port=port, next=port + 1) from None
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    click.echo(text("site.serving", lang, path=site, url=url))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@click.command(cls=Command, help="help.demo")
@click.argument("target", metavar="DIR", type=click.Path(path_type=Path))
@click.option("--source", default="records", type=ARCHIVE, help="help.demo.source")
@feedback_options
@lang_option
@library_errors
def demo(target: Path, source: Path, quiet: bool, verbose: bool, lang: str) -> None:
    from ..demo.build import build_demo, format_tour

    result = build_demo(target, source, reporter(quiet, verbose, lang))
    argv0 = sys.argv[0] if sys.argv else ""
    prog = argv0 if Path(argv0).name == "sop-kit" else "sop-kit"  # as typed, e.g. .venv/bin/sop-kit
    click.echo(format_tour(result, str(target), lang, prog), nl=False)


COMMANDS = [build, pdf, serve, demo]
