"""What the commands share: their options, the reporter they make, and the one place where
library errors become a message and an exit code."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click
from click.core import ParameterSource

from ..check.run import CheckOptions
from ..core import collector
from ..core.errors import SopKitError
from ..core.feedback import SILENT, Reporter, reporter_for
from ..core.messages import LANGS, default_lang, render, text
from ..records.archive import Archive
from ..records.layout import RECORDS_DIR, find_archive, locate

F = TypeVar("F", bound=Callable[..., Any])
ARCHIVE = click.Path(file_okay=False, path_type=Path)


class UsageFailure(click.ClickException):
    """A one-line error, labelled in the user's language (click's own label is English)."""

    exit_code = 2

    def __init__(self, message: str, lang: str | None = None) -> None:
        super().__init__(message)
        self.lang = lang or default_lang()

    def show(self, file: Any = None) -> None:
        click.echo(f"{text('sev.error', self.lang)}: {self.format_message()}", err=True)


def _resolve_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    return value or default_lang()


lang_option = click.option(
    "--lang", type=click.Choice(LANGS), default=None, callback=_resolve_lang, help="help.opt.lang"
)


def _nearest_archive(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
    """The default ``records`` from the folder the command runs in, else the archive that folder
    is in (a clerk who went into a case folder to copy the photos); a folder named is kept."""
    if ctx.get_parameter_source(param.name or "") is ParameterSource.DEFAULT and not value.is_dir():
        found = find_archive(Path.cwd())
        if found is not None:
            return Path(os.path.relpath(found))
    return value


root_option = click.option("--root", default=RECORDS_DIR, type=ARCHIVE, callback=_nearest_archive, help="help.opt.root")
root_argument = click.argument("root", default=RECORDS_DIR, type=ARCHIVE, callback=_nearest_archive)


def feedback_options(func: F) -> F:
    """--quiet and --verbose, for the commands that can take a while."""
    func = click.option("--verbose", "-v", is_flag=True, help="help.opt.verbose")(func)
    return click.option("--quiet", "-q", is_flag=True, help="help.opt.quiet")(func)


def reporter(quiet: bool, verbose: bool, lang: str) -> Reporter:
    """Progress on stderr (a bar on a terminal, plain lines in CI or a pipe), never on stdout."""
    if quiet and verbose:
        raise UsageFailure(text("progress.quiet_verbose", lang), lang)
    return reporter_for(sys.stderr, lang, quiet, verbose)


def archive_in_force(root: Path, lang: str) -> Archive:
    """The archive as the check judges it (:func:`~sop_kit.check.audit.open_in_force`), for a
    clerk's command. Reading a long history the first time (a fresh clone) takes minutes: a
    bar shows it on a terminal; elsewhere the command's own output stays as it is."""
    from ..check.audit import open_in_force

    say = reporter_for(sys.stderr, lang) if sys.stderr.isatty() else SILENT
    return open_in_force(root, say)


def audit_options(func: F) -> F:
    """--no-trail, --no-cache and --jobs, handed to the command as one ``check`` options object."""

    @wraps(func)
    def wrapper(*args: Any, no_trail: bool, no_cache: bool, jobs: int | None, **kwargs: Any) -> Any:
        return func(*args, check=CheckOptions(use_cache=not no_cache, jobs=jobs, trail=not no_trail), **kwargs)

    jobs = click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="N", default=None, help="help.opt.jobs")
    wrapper = jobs(wrapper)
    wrapper = click.option("--no-cache", is_flag=True, help="help.opt.no_cache")(wrapper)
    return click.option("--no-trail", is_flag=True, help="help.opt.no_trail")(wrapper)  # type: ignore[return-value]


def complete_case(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """Shell completion of a CASE: the case folders under --root (default records)."""
    try:
        names = {folder.name for folder in locate(ctx.params.get("root") or RECORDS_DIR).case_dirs()}
    except (SopKitError, OSError):
        return []
    return sorted(name for name in names if name.startswith(incomplete))


def library_errors(func: F) -> F:
    """The one place where library errors, and the file system's refusals (a full disk, a
    read-only folder, a permission), become a one-line message and exit code 2."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            with collector.kept():  # a command's loaded data lives until it ends
                return func(*args, **kwargs)
        except BrokenPipeError:
            # The reader went away (`sop-kit nomor daftar | head`): nothing to say, and nowhere
            # to say it. Output still buffered goes nowhere rather than failing at exit.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        except (SopKitError, OSError) as exc:
            root = click.get_current_context().find_root().obj
            if root and root.get("debug"):
                raise
            lang = kwargs.get("lang") or default_lang()
            if isinstance(exc, SopKitError) and exc.code == "config.no_root":
                exc.params["how"] = _naming_the_archive(click.get_current_context(), exc.file)
            raise UsageFailure(said(exc, lang), lang) from None

    return wrapper  # type: ignore[return-value]


def _naming_the_archive(ctx: click.Context, shown: str | None) -> str:
    """The command line that names another archive folder: the argument or option that gave
    ``shown`` (``sop-kit demo DIR --source FOLDER``, ``sop-kit status CASE --root FOLDER``)."""
    words = [ctx.command_path]
    for param in ctx.command.params:
        given = ctx.params.get(param.name or "")
        if isinstance(param, click.Argument):
            words.append("FOLDER" if str(given) == shown else param.human_readable_name)
        elif str(given) == shown and isinstance(param, click.Option):
            words += [param.opts[0], "FOLDER"]
    return " ".join(words)


def said(exc: SopKitError | OSError, lang: str) -> str:
    """A library error or a file system refusal as the one message the user reads (file:line first)."""
    if isinstance(exc, OSError):
        what = "@" + _IO_HINTS.get(exc.errno or 0, "io.other")
        if exc.filename is None:  # not a file's refusal: say what the system said, with no '?' for a path
            return render("io.failed_no_path", lang, {"reason": exc.strerror or str(exc)})[0]
        params = {"path": exc.filename, "reason": exc.strerror or str(exc), "what": what}
        message, hint = render("io.failed", lang, params)
        return f"{message}\n  {hint}"
    message, hint = render(exc.code, lang, exc.params)
    where = f"{exc.file}:{exc.line}: " if exc.file and exc.line else (f"{exc.file}: " if exc.file else "")
    return f"{where}{message}" + (f"\n  {hint}" if hint else "")


_IO_HINTS = {
    errno.ENOSPC: "io.full",
    errno.EDQUOT: "io.full",
    errno.EFBIG: "io.full",
    errno.EROFS: "io.read_only",
    errno.EACCES: "io.denied",
    errno.EPERM: "io.denied",
}
