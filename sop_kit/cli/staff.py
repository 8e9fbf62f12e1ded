"""``sop-kit staf tambah|ubah|akhiri``: the staff registry from the command line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from ..core.errors import ConfigError
from ..core.messages import text
from ..records.archive import open_archive
from ..records.fieldtypes import office_today
from .dates import read_day
from .options import lang_option, library_errors, root_option
from .usage import TEXT, Group

F = TypeVar("F", bound=Callable[..., Any])
KEY = click.Path(dir_okay=False, path_type=Path)


def _day(value: str | None, option: str) -> date | None:
    return read_day(value, f"{option} {value}")


def _position_options(func: F) -> F:
    """A position: its title, SOP roles, first day and the registry rights it carries."""
    for flag in ("admin-arsip", "admin-sop", "admin-staf"):
        func = click.option(f"--{flag}", is_flag=True, help=f"help.staf.{flag.replace('-', '_')}")(func)
    func = click.option("--mulai", metavar="TTTT-BB-HH", help="help.staf.mulai")(func)
    func = click.option("--peran", multiple=True, metavar="PERAN", help="help.staf.peran")(func)
    return click.option("--jabatan", type=TEXT, help="help.staf.jabatan")(func)


def _key_options(func: F) -> F:
    func = click.option("--kunci-ssh", "ssh_default", is_flag=True, help="help.staf.kunci_ssh")(func)
    return click.option("--kunci", type=KEY, help="help.staf.kunci")(func)


def _keys(kunci: Path | None, ssh_default: bool) -> tuple[str, ...]:
    from ..clerk.staff import read_key

    return (read_key(kunci),) if kunci is not None or ssh_default else ()


def _tenure(jabatan: str | None, peran: tuple[str, ...], mulai: str | None, flags: dict[str, bool]) -> Any:
    from ..clerk.staff import Tenure

    start = _day(mulai, "--mulai")
    if jabatan is None and start is None and not peran:
        return None
    if jabatan is None or start is None:
        raise ConfigError("staff.add_needs", None)
    roles = tuple(r.strip() for item in peran for r in item.split(",") if r.strip())
    return Tenure(jabatan, start, roles, **flags)


def _report(done: Any, root: Path, lang: str, message: str) -> None:
    shown = str(Path(root) / done.path.name)
    click.echo(text("staff.written", lang, path=shown, who=f"{done.person.id}, {done.person.nama}"))
    if done.first:  # nothing committed yet: whoever commits first sets where trust starts
        admins = ", ".join(done.admins) or text("staff.none_yet", lang)
        click.echo(text("staff.governed_first", lang, admins=admins))
    elif done.admins:
        click.echo(text("staff.governed", lang, admins=", ".join(done.admins)))
    else:
        click.echo(text("staff.no_admin", lang))
    click.echo(text("new.git", lang))
    click.echo(f"  git add {shown}")
    click.echo(f'  git commit -S -m "{message}"')


@click.group(cls=Group, name="staf", help="help.staf")
def staf() -> None:
    pass


@staf.command(help="help.staf.tambah")
@click.argument("ident", metavar="ID")
@root_option
@click.option("--nama", type=TEXT, help="help.staf.nama")
@click.option("--nip", help="help.staf.nip")
@click.option("--email", help="help.staf.email")
@_position_options
@_key_options
@click.option("--fiktif", is_flag=True, help="help.staf.fiktif")
@lang_option
@library_errors
def tambah(
    ident: str,
    root: Path,
    nama: str | None,
    nip: str | None,
    email: str | None,
    jabatan: str | None,
    peran: tuple[str, ...],
    mulai: str | None,
    admin_staf: bool,
    admin_sop: bool,
    admin_arsip: bool,
    kunci: Path | None,
    ssh_default: bool,
    fiktif: bool,
    lang: str,
) -> None:
    from ..clerk.staff import PersonChange, add_person

    flags = {"admin_staf": admin_staf, "admin_sop": admin_sop, "admin_arsip": admin_arsip}
    tenure = _tenure(jabatan, peran, mulai, flags)
    change = PersonChange(ident, nama, nip, email, _keys(kunci, ssh_default), tenure, fiktif or None)
    done = add_person(open_archive(root), change, office_today())
    _report(done, root, lang, f"staf: {ident} ditambahkan ({jabatan})")


@staf.command(help="help.staf.ubah")
@click.argument("ident", metavar="ID")
@root_option
@click.option("--nama", type=TEXT, help="help.staf.nama")
@click.option("--nip", help="help.staf.nip")
@click.option("--email", help="help.staf.email")
@_position_options
@_key_options
@click.option("--cabut-kunci", "revoke", multiple=True, metavar="FILE|SHA256:…", help="help.staf.cabut_kunci")
@lang_option
@library_errors
def ubah(
    ident: str,
    root: Path,
    nama: str | None,
    nip: str | None,
    email: str | None,
    jabatan: str | None,
    peran: tuple[str, ...],
    mulai: str | None,
    admin_staf: bool,
    admin_sop: bool,
    admin_arsip: bool,
    kunci: Path | None,
    ssh_default: bool,
    revoke: tuple[str, ...],
    lang: str,
) -> None:
    from ..clerk.staff import PersonChange, change_person, fingerprint_of

    flags = {"admin_staf": admin_staf, "admin_sop": admin_sop, "admin_arsip": admin_arsip}
    keys, tenure = _keys(kunci, ssh_default), _tenure(jabatan, peran, mulai, flags)
    change = PersonChange(ident, nama, nip, email, keys, tenure, revoked=tuple(fingerprint_of(r) for r in revoke))
    if change == type(change)(ident):
        raise ConfigError("record.nothing", None)
    done = change_person(open_archive(root), change, office_today())
    _report(done, root, lang, f"staf: {ident} diubah")


@staf.command(help="help.staf.akhiri")
@click.argument("ident", metavar="ID")
@root_option
@click.option("--sampai", required=True, metavar="TTTT-BB-HH", help="help.staf.sampai")
@click.option("--jabatan", type=TEXT, help="help.staf.jabatan_akhir")
@lang_option
@library_errors
def akhiri(ident: str, root: Path, sampai: str, jabatan: str | None, lang: str) -> None:
    from ..clerk.staff import end_tenure, left_in_progress, left_unapproved

    last_day = _day(sampai, "--sampai")
    assert last_day is not None
    done = end_tenure(open_archive(root), ident, last_day, jabatan, office_today())
    _report(done, root, lang, f"staf: jabatan {ident} berakhir {last_day}")
    for case, no, rnd in left_in_progress(open_archive(root), done.person, last_day):
        click.echo(text("staff.left_in_progress", lang, who=done.person.nama, case=case, no=no, putaran=rnd))
    for case, no, rnd in left_unapproved(open_archive(root), done.person):
        click.echo(text("staff.left_unapproved", lang, who=done.person.nama, case=case, no=no, putaran=rnd))


COMMANDS = [staf]
