"""The ``sop-kit`` command: each command parses its options, opens the archive once, makes
one library call and prints the result; library errors become messages in one place
(:func:`sop_kit.cli.options.library_errors`).

Exit codes: 0 clean, 1 findings (errors, or warnings with --strict), 2 usage or
configuration error.
"""

from __future__ import annotations

import io
import os
import sys

import click

from ..core.messages import LANGS
from . import bag, check, clerk, office, publish, sop, staff
from .terminal import guard_terminals
from .usage import Group


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]}, help="help.main")
@click.version_option(package_name="sop-kit")
@click.option("--debug", is_flag=True, help="help.main.debug")
@click.option("--lang", type=click.Choice(LANGS), default=None, help="help.opt.lang")
@click.pass_context
def main(ctx: click.Context, debug: bool, lang: str | None) -> None:
    ctx.obj = {"debug": debug}
    _lossy_output()
    guard_terminals()  # after: the guard writes through the stream as reconfigured
    if lang:  # before the command as after it: the command's own default, and its workers'
        os.environ["SOP_KIT_LANG"] = lang


for module in (check, sop, clerk, staff, publish, bag, office):
    for command in module.COMMANDS:
        main.add_command(command)


def _lossy_output() -> None:
    """Windows writes output sent to a file or a pipe in its ANSI code page (cp1252), which has
    no '→' (sop diff) nor many a name's letters: `sop-kit sop diff A B > beda.txt` ended in a
    traceback. A character the stream's encoding lacks is written as '?' instead."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="replace")
