"""The ``sop-kit`` command: each command parses its options, opens the archive once, makes
one library call and prints the result; library errors become messages in one place
(:func:`sop_kit.cli.options.library_errors`).

Exit codes: 0 clean, 1 findings (errors, or warnings with --strict), 2 usage or
configuration error.
"""

from __future__ import annotations

import click

from . import bag, check, clerk, office, publish, sop, staff
from .usage import Group


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]}, help="help.main")
@click.version_option(package_name="sop-kit")
@click.option("--debug", is_flag=True, help="help.main.debug")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    ctx.obj = {"debug": debug}


for module in (check, sop, clerk, staff, publish, bag, office):
    for command in module.COMMANDS:
        main.add_command(command)
