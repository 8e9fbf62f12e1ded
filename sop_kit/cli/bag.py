"""``sop-kit export`` and ``verify-bag``: a case handed to the regional archive, and checked there."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..check.audit import audit_case
from ..check.run import CheckOptions
from ..core.messages import text
from .options import lang_option, library_errors, root_option
from .usage import Command


@click.command(cls=Command, help="help.export")
@click.argument("case")
@click.option("--bagit", "bagit_format", is_flag=True, help="help.export.bagit")
@root_option
@click.option("--out", default=None, type=click.Path(path_type=Path), help="help.export.out")
@click.option("--no-trail", is_flag=True, help="help.opt.no_trail")
@click.option("--contact-name", default=None, help="help.export.contact_name")
@click.option("--contact-email", default=None, help="help.export.contact_email")
@click.option("--address", default=None, help="help.export.address")
@click.option("--force", is_flag=True, help="help.export.force")
@click.option(
    "--tandatangani", "sign_key", default=None, metavar="KEY", type=click.Path(dir_okay=False, path_type=Path),
    help="help.export.sign",
)  # fmt: skip
@lang_option
@library_errors
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
    sign_key: Path | None,
    lang: str,
) -> None:
    import bagit  # only this command reads a bag: off every other command's start-up

    from ..bag.contents import CHECKSUMS
    from ..bag.export import BagOptions, export_bag
    from ..bag.signature import SIGNER_FIELD

    judged, folder = audit_case(root, case, CheckOptions(trail=not no_trail))
    options = BagOptions(out, None, contact_name, contact_email, address, force, sign_key)
    path = export_bag(judged, str(folder), options)
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
    if SIGNER_FIELD in info:
        click.echo(text("export.signed", lang, who=info[SIGNER_FIELD]))
    click.echo(text("export.personal", lang))


@click.command("verify-bag", cls=Command, help="help.verify_bag")
@click.argument("bag", type=click.Path(path_type=Path))
@click.option("--kunci", "keys", multiple=True, metavar="KEY", help="help.verify_bag.kunci")
@lang_option
@library_errors
def verify_bag(bag: Path, keys: tuple[str, ...], lang: str) -> None:
    from ..bag.signature import trusted_keys
    from ..bag.verify import format_bag_report, verify_bag

    report = verify_bag(bag, trusted_keys(keys))
    click.echo(format_bag_report(report, lang), nl=False)
    sys.exit(0 if report.valid else 1)


COMMANDS = [export, verify_bag]
