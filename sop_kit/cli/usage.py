"""Click's own words in the user's language: usage errors (a missing argument, an unknown
option, a bad value), labelled like every other sop-kit error, and ``--help``.

Click words these in English; the commands are built from :class:`Command` and
:class:`Group` so that a parse error is re-said from the catalogue before it is shown, and
so that help texts, given as catalogue codes (``help.check.strict``), are said in the
language of ``--lang`` or ``$SOP_KIT_LANG``.
"""

from __future__ import annotations

import difflib
import re
import sys
from contextvars import ContextVar
from typing import Any

import click

from ..core.inert import NOT_IN_TEXT
from ..core.messages import LANGS, default_lang, known, render, text

_HELP_LANG: ContextVar[str | None] = ContextVar("help_lang", default=None)
# Help texts click writes itself, and the catalogue code that says them.
_CLICK_HELP = {"Show this message and exit.": "help.help", "Show the version and exit.": "help.version"}


def _lang(args: list[str] | None) -> str:
    """``--lang`` as typed (parsing failed, so no option value exists), else the default."""
    argv = sys.argv[1:] if args is None else args
    for i, arg in enumerate(argv):
        if arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
        elif arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        else:
            continue
        if value in LANGS:
            return value
    return default_lang()


class TranslatedUsageError(click.UsageError):
    def __init__(self, message: str, ctx: click.Context | None, lang: str) -> None:
        super().__init__(message, ctx)
        self.lang = lang

    def show(self, file: Any = None) -> None:
        if self.ctx is not None:  # not ctx.get_usage(): its label is in the help's language
            pieces = " ".join(self.ctx.command.collect_usage_pieces(self.ctx))
            click.echo(f"{text('cli.usage', self.lang)}: {self.ctx.command_path} {pieces}", err=True)
            click.echo(text("cli.usage_help", self.lang, command=self.ctx.command_path), err=True)
        click.echo(f"{text('sev.error', self.lang)}: {self.format_message()}", err=True)


def translate(exc: click.UsageError, lang: str) -> TranslatedUsageError:
    ctx = exc.ctx
    if isinstance(exc, click.NoSuchOption):
        near = ", ".join(sorted(exc.possibilities or []))
        code = "cli.usage_no_such_option" if near else "cli.usage_no_such_option_bare"
        message = text(code, lang, option=exc.option_name, suggestions=near)
    elif isinstance(exc, click.BadOptionUsage):
        message = text("cli.usage_needs_value", lang, option=exc.option_name)
    elif isinstance(exc, click.MissingParameter):
        name = exc.param.get_error_hint(ctx) if exc.param is not None and ctx is not None else "-"
        message = text("cli.usage_missing", lang, name=name)
    elif isinstance(exc, click.BadParameter) and exc.param is not None and isinstance(exc.param.type, TypedText):
        name = exc.param.get_error_hint(ctx) if ctx is not None else "-"
        message = text("cli.usage_control_text", lang, name=name, char=exc.message)
    elif isinstance(exc, click.BadParameter):
        name = exc.param.get_error_hint(ctx) if exc.param is not None and ctx is not None else "-"
        detail = _expected(exc.param.type, lang) if exc.param is not None else None
        path = _PATH_SAID.search(exc.message) if detail is None else None  # click.Path's refusals
        if path is not None:
            detail = text(f"cli.path_{_PATH_WHAT[path['what']]}", lang)
        found = (path or _TYPED.match(exc.message)) if detail else None
        if found is not None:
            value = found["value"][1:-1] if found["value"][:1] in "'\"" else found["value"]
            message = text("cli.usage_bad_value_typed", lang, name=name, value=value, detail=detail)
        else:
            message = text("cli.usage_bad_value", lang, name=name, detail=detail or exc.message)
    elif exc.message.startswith("Got unexpected extra argument"):
        detail = exc.message.split("(", 1)[-1].rstrip(")")
        # --selesai 2026-03-12 10:30 without quotes: the shell hands the time over alone
        message = text("cli.usage_extra_time" if _CLOCK.search(detail) else "cli.usage_extra", lang, detail=detail)
    elif exc.message.startswith("No such command"):
        typed = exc.message.split(" ", 3)[-1].rstrip(".")
        group = ctx.command if ctx is not None else None
        names = group.list_commands(ctx) if isinstance(group, click.Group) and ctx is not None else []
        near = ", ".join(difflib.get_close_matches(typed.strip("'\""), names, n=3))
        code = "cli.usage_no_such_command_near" if near else "cli.usage_no_such_command"
        message = text(code, lang, detail=typed, suggestions=near)
    else:
        message = render("cli.usage_other", lang, {"detail": exc.message})[0]
    return TranslatedUsageError(message, ctx, lang)


_CLOCK = re.compile(r"(?<!\S)[0-2]?[0-9][:.][0-5][0-9](?!\S)")
_TYPED = re.compile(r"""(?P<value>'[^']*'|"[^"]*"|\S+) is not """)
# click.Path says "Directory 'x' is a file." in English, whatever the clerk's language.
_PATH_WHAT = {"does not exist": "missing", "is a file": "file", "is a directory": "folder",
              "is not readable": "unreadable", "is not writable": "unwritable"}  # fmt: skip
_PATH_SAID = re.compile(rf"""(?:File|Directory|Path) (?P<value>'[^']*'|"[^"]*") (?P<what>{"|".join(_PATH_WHAT)})""")


class TypedText(click.ParamType[str]):
    """Text a clerk types into a record (a note, a reason, a title, a name). A control character
    pasted with it (Word's vertical tab, an escape sequence) is refused here, naming the option:
    the record written from it would be refused at its line (yaml.bad_escape), which the clerk
    did not write."""

    name = "text"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        bad = NOT_IN_TEXT.search(value)
        if bad:
            self.fail(f"U+{ord(bad.group()):04X}", param, ctx)
        return str(value)


TEXT = TypedText()


def _expected(kind: click.ParamType[Any], lang: str) -> str | None:
    """What a value of ``kind`` must be, in ``lang`` (click says it in English)."""
    if isinstance(kind, click.Choice):
        return text("cli.expected_choice", lang, choices=", ".join(str(c) for c in kind.choices))
    if isinstance(kind, click.IntRange):
        low, high = kind.min, kind.max
        if low is not None and high is not None:
            return text("cli.expected_whole", lang, range=f" {low}–{high}")
        return text("cli.expected_whole", lang, range=f" ≥ {low}" if low is not None else f" ≤ {high}")
    if isinstance(kind, click.types.IntParamType):
        return text("cli.expected_whole", lang, range="")
    return None


def said(value: str | None, lang: str) -> str:
    """A help text: a catalogue code in ``lang``; anything else as written."""
    if not value:
        return ""
    code = _CLICK_HELP.get(value, value)
    return text(code, lang) if known(code) else value


def _help_lang() -> str:
    return _HELP_LANG.get() or default_lang()


class _Translating(click.Command):
    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        typed = list(args)  # parsing consumes the list
        if parent is None or "--lang" in typed or any(a.startswith("--lang=") for a in typed):
            _HELP_LANG.set(_lang(typed))  # --help is answered while parsing, before --lang has a value
        try:
            return super().make_context(info_name, args, parent, **extra)
        except TranslatedUsageError:
            raise
        except click.UsageError as exc:
            raise translate(exc, _lang(typed)) from None

    def get_short_help_str(self, limit: int = 45) -> str:
        first = said(self.help, _help_lang()).split(". ")[0].rstrip(".")
        return first if len(first) <= limit + 30 else first[: limit + 29] + "…"

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = " ".join(self.collect_usage_pieces(ctx))
        formatter.write_usage(ctx.command_path, pieces, prefix=text("cli.usage", _help_lang()) + ": ")

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if self.help:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(said(self.help, _help_lang()))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = _help_lang()
        rows = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            name, body = record
            own = getattr(param, "help", None)
            if own and body.startswith(own):
                body = said(own, lang) + body[len(own) :]
            body = body.replace("[default: ", f"[{text('help.default', lang)}: ").replace(
                "[required]", f"[{text('help.required', lang)}]"
            )
            rows.append((name, body))
        if rows:
            with formatter.section(text("help.heading_options", lang)):
                formatter.write_dl(rows)


class Command(_Translating):
    pass


class Group(_Translating, click.Group):
    command_class = Command
    group_class = type

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            # Said in the user's words (click says "Aborted!"); 130 is the shell's code for it.
            click.echo(file=sys.stderr)  # after the ^C the terminal shows
            click.echo(text("cli.interrupted", _help_lang()), err=True)
            ctx.exit(130)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(formatter.width - 6 - len(name))))
        if rows:
            with formatter.section(text("help.heading_commands", _help_lang())):
                formatter.write_dl(rows)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except TranslatedUsageError:
            raise
        except click.UsageError as exc:
            raise translate(exc, ctx.params.get("lang") or _lang(None)) from None  # parsed by now
