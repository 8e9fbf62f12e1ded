"""Click's own usage errors (a missing argument, an unknown option, a bad value) in the
user's language, labelled like every other sop-kit error.

Click words these in English; the commands are built from :class:`Command` and
:class:`Group` so that a parse error is re-said from the catalogue before it is shown.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from ..core.messages import LANGS, default_lang, render, text


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
        if self.ctx is not None:
            usage = self.ctx.get_usage().removeprefix("Usage:")
            click.echo(f"{text('cli.usage', self.lang)}:{usage}", err=True)
            click.echo(text("cli.usage_help", self.lang, command=self.ctx.command_path), err=True)
        click.echo(f"{text('sev.error', self.lang)}: {self.format_message()}", err=True)


def translate(exc: click.UsageError, lang: str) -> TranslatedUsageError:
    ctx = exc.ctx
    if isinstance(exc, click.NoSuchOption):
        near = ", ".join(sorted(exc.possibilities or [])) or "-"
        message = text("cli.usage_no_such_option", lang, option=exc.option_name, suggestions=near)
    elif isinstance(exc, click.BadOptionUsage):
        message = text("cli.usage_needs_value", lang, option=exc.option_name)
    elif isinstance(exc, click.MissingParameter):
        name = exc.param.get_error_hint(ctx) if exc.param is not None and ctx is not None else "-"
        message = text("cli.usage_missing", lang, name=name)
    elif isinstance(exc, click.BadParameter):
        name = exc.param.get_error_hint(ctx) if exc.param is not None and ctx is not None else "-"
        message = text("cli.usage_bad_value", lang, name=name, detail=exc.message)
    elif exc.message.startswith("Got unexpected extra argument"):
        message = text("cli.usage_extra", lang, detail=exc.message.split("(", 1)[-1].rstrip(")"))
    elif exc.message.startswith("No such command"):
        message = text("cli.usage_no_such_command", lang, detail=exc.message.split(" ", 3)[-1].rstrip("."))
    else:
        message = render("cli.usage_other", lang, {"detail": exc.message})[0]
    return TranslatedUsageError(message, ctx, lang)


class _Translating(click.Command):
    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        typed = list(args)  # parsing consumes the list
        try:
            return super().make_context(info_name, args, parent, **extra)
        except TranslatedUsageError:
            raise
        except click.UsageError as exc:
            raise translate(exc, _lang(typed)) from None


class Command(_Translating):
    pass


class Group(_Translating, click.Group):
    command_class = Command

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except TranslatedUsageError:
            raise
        except click.UsageError as exc:
            raise translate(exc, _lang(None)) from None
