"""``sop-kit check``, ``status`` and ``trail``: what sop-kit concludes about the cases."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click

from ..check.audit import audit, audit_case
from ..check.output import FORMATS, format_report
from ..check.run import CheckOptions
from ..core.errors import ConfigError, SopKitError
from .options import (
    audit_options,
    complete_case,
    feedback_options,
    lang_option,
    library_errors,
    reporter,
    root_argument,
    root_option,
)
from .usage import Command


@click.command(cls=Command, help="help.check")
@root_argument
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", help="help.opt.format")
@click.option("--strict", is_flag=True, help="help.check.strict")
@click.option("--changed-since", metavar="REV", help="help.check.changed_since")
@audit_options
@feedback_options
@lang_option
@library_errors
def check(
    root: Path,
    fmt: str,
    strict: bool,
    changed_since: str | None,
    check: CheckOptions,
    quiet: bool,
    verbose: bool,
    lang: str,
) -> None:
    found = audit(root, replace(check, changed_since=changed_since), reporter(quiet, verbose, lang))
    click.echo(format_report(found.report, fmt, lang, summary=not quiet), nl=False)
    sys.exit(1 if found.report.failed(strict) else 0)


@click.command(cls=Command, help="help.status")
@click.argument("case", required=False, shell_complete=complete_case)
@root_option
@audit_options
@lang_option
@library_errors
def status(case: str | None, root: Path, check: CheckOptions, lang: str) -> None:
    from ..reports.status import case_status, format_overview, format_status

    if case is None:  # the clerk's first question: which cases are still going, and what next
        found = audit(root, check)
        statuses = [case_status(found, folder) for folder in found.report.verdicts]
        click.echo(format_overview(statuses, lang), nl=False)
        return
    found, folder = audit_case(root, case, check)
    click.echo(format_status(case_status(found, folder), lang), nl=False)


@click.command(cls=Command, help="help.trail")
@click.argument("case", shell_complete=complete_case)
@root_option
@click.option("--no-cache", is_flag=True, help="help.opt.no_cache")
@feedback_options
@lang_option
@library_errors
def trail(case: str, root: Path, no_cache: bool, quiet: bool, verbose: bool, lang: str) -> None:
    from ..trail.text import format_case_trail

    options = CheckOptions(use_cache=not no_cache)
    try:
        found, folder = audit_case(root, case, options, reporter(quiet, verbose, lang))
        case_id = folder.name
    except SopKitError as exc:
        # A case deleted from the archive (trail.case_deleted) has no folder, but its history
        # is what the auditor following that finding asks for.
        found = audit(root, replace(options, only=()), reporter(quiet, verbose, lang))
        gone = found.trail.case(case) if found.trail is not None else None
        if exc.code != "case.not_found" or gone is None or not gone.removed:
            raise
        case_id = case
    if found.trail is None:
        raise ConfigError("trail.no_git", str(root))
    click.echo(format_case_trail(found.trail, case_id, lang), nl=False)


COMMANDS = [check, status, trail]
