"""The office's own commands: ``nomor`` (letter numbers), ``agenda``, ``laporan`` and ``retensi``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ..core.errors import ConfigError
from ..core.messages import text
from ..records.archive import open_archive
from .options import complete_case, lang_option, library_errors, root_option
from .usage import Command, Group


def _day(value: str | None) -> date:
    """A date option; today when not given (the library never reads the clock)."""
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ConfigError("new.bad_date", None, value=value) from None


@click.group(cls=Group, help="help.nomor")
def nomor() -> None:
    pass


@nomor.command("ambil", cls=Command, help="help.nomor_ambil")
@click.argument("jenis")
@click.option("--kasus", metavar="ID", shell_complete=complete_case, help="help.nomor_ambil.kasus")
@click.option("--langkah", type=click.IntRange(min=1), help="help.nomor_ambil.langkah")
@click.option("--oleh", metavar="STAF", required=True, help="help.nomor_ambil.oleh")
@click.option("--tanggal", metavar="YYYY-MM-DD", help="help.nomor_ambil.tanggal")
@click.option("--perihal", help="help.nomor_ambil.perihal")
@root_option
@lang_option
@library_errors
def nomor_ambil(
    jenis: str,
    kasus: str | None,
    langkah: int | None,
    oleh: str,
    tanggal: str | None,
    perihal: str | None,
    root: Path,
    lang: str,
) -> None:
    from ..clerk.nomor import take_number

    archive = open_archive(root)
    taken, step = take_number(archive, jenis, _day(tanggal), oleh, kasus, langkah, perihal)
    shown = archive.show(taken.file)
    if taken.created:
        click.echo(text("nomor.started", lang, path=shown))
    click.echo(text("nomor.reserved", lang, nomor=taken.number, kind=taken.kind, serial=taken.serial, path=shown))
    if kasus is not None:
        click.echo(text("nomor.next", lang))
        click.echo(f'  sop-kit step {kasus} {step} --nomor-surat "{taken.number}"')
    click.echo(text("nomor.commit", lang))
    click.echo(f"  git add {shown}")


@nomor.command("batal", cls=Command, help="help.nomor_batal")
@click.argument("number", metavar="NOMOR")
@click.option("--alasan", required=True, help="help.nomor_batal.alasan")
@root_option
@lang_option
@library_errors
def nomor_batal(number: str, alasan: str, root: Path, lang: str) -> None:
    from ..clerk.nomor import void_number

    shown = void_number(open_archive(root), number, alasan)
    click.echo(text("nomor.voided_done", lang, nomor=number, path=shown))


@nomor.command("daftar", cls=Command, help="help.nomor_daftar")
@click.argument("year", metavar="TAHUN", type=int, required=False)
@root_option
@lang_option
@library_errors
def nomor_daftar(year: int | None, root: Path, lang: str) -> None:
    from ..clerk.nomor import register_entries

    entries = register_entries(open_archive(root), year)
    if not entries:
        click.echo(text("nomor.list_empty", lang))
        return
    for y in sorted({e.entry.tanggal.year for e in entries}):
        rows = [e for e in entries if e.entry.tanggal.year == y]
        click.echo(text("nomor.list_header", lang, year=y, count=len(rows)))
        for e in rows:
            n = e.entry
            where = f"{n.kasus} langkah {n.langkah}" if n.kasus else (n.perihal or "-")
            void = f"  [batal: {n.batal}]" if n.batal else ""
            click.echo(f"  {n.tanggal}  {n.nomor:<28} {n.jenis:<18} {where}  ({n.oleh}){void}")


COMMANDS = [nomor]
