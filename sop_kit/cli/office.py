"""The office's own commands: ``nomor`` (letter numbers), ``agenda``, ``laporan`` and ``retensi``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ..core.errors import ConfigError
from ..core.inert import one_line
from ..core.messages import text
from ..records.archive import open_archive
from ..records.config import CONFIG_FILE, office_name
from ..records.fieldtypes import office_today
from ..records.layout import OFFICE_DIR, SITE_FILE, TEMPLATES_DIR, Layout, locate
from .dates import read_day
from .options import complete_case, lang_option, library_errors, root_option
from .usage import TEXT, Command, Group


def write_output(path: Path, data: bytes) -> None:
    """Write a report file whole (a temporary file renamed into place), or say why not."""
    import os
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent if str(path.parent) else ".")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        raise ConfigError("office.write_failed", str(path), path=str(path), error=exc.strerror or str(exc)) from None


def refuse_archive_target(archive: Layout, path: Path, suffix: str) -> None:
    """A report written over what sop-kit reads would be lost data: ``--out records/staf.yaml``
    put the agenda in place of the staff registry. Refused inside records/ and over the
    archive's own files (settings, site settings, kantor/, templates/, .git/), and over an
    existing file of another kind than ``suffix``."""
    target = path.resolve()
    top = archive.root.parent.resolve()
    held = [
        archive.root.resolve(),
        *(top / name for name in (".git", OFFICE_DIR, TEMPLATES_DIR, CONFIG_FILE, SITE_FILE)),
    ]
    if any(target == place or target.is_relative_to(place) for place in held):
        raise ConfigError("office.out_in_archive", str(path), path=str(path))
    if target.exists() and target.suffix.lower() != suffix:
        raise ConfigError("office.out_other_file", str(path), path=str(path), suffix=suffix)


def _day(value: str | None) -> date:
    """A date option; today when not given (the library never reads the clock)."""
    return read_day(value) or office_today()


@click.group(cls=Group, help="help.nomor")
def nomor() -> None:
    pass


@nomor.command("ambil", cls=Command, help="help.nomor_ambil")
@click.argument("jenis")
@click.option("--kasus", metavar="ID", shell_complete=complete_case, help="help.nomor_ambil.kasus")
@click.option("--langkah", type=click.IntRange(min=1), metavar="N", help="help.nomor_ambil.langkah")
@click.option("--oleh", metavar="STAF", required=True, help="help.nomor_ambil.oleh")
@click.option("--tanggal", metavar="YYYY-MM-DD", help="help.nomor_ambil.tanggal")
@click.option("--perihal", type=TEXT, help="help.nomor_ambil.perihal")
@click.option("--lagi", "again", is_flag=True, help="help.nomor_ambil.lagi")
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
    again: bool,
    root: Path,
    lang: str,
) -> None:
    from ..clerk.nomor import take_number

    archive = open_archive(root)
    taken, step = take_number(archive, jenis, _day(tanggal), oleh, kasus, langkah, perihal, again)
    shown = archive.show(taken.file)
    if taken.created:
        click.echo(text("nomor.started", lang, path=shown))
    click.echo(text("nomor.reserved", lang, nomor=taken.number, kind=taken.kind, serial=taken.serial, path=shown))
    if kasus is not None:
        click.echo(text("nomor.next", lang))
        click.echo(f'  sop-kit step {kasus} {step} --nomor-surat "{taken.number}"')
        click.echo(text("nomor.commit_with_step", lang, id=kasus, no=step))
    else:
        click.echo(text("nomor.commit", lang))
        click.echo(f"  git add {shown}")


@nomor.command("batal", cls=Command, help="help.nomor_batal")
@click.argument("number", metavar="NOMOR")
@click.option("--alasan", required=True, type=TEXT, help="help.nomor_batal.alasan")
@click.option("--kasus", metavar="ID", help="help.nomor_batal.kasus")
@root_option
@lang_option
@library_errors
def nomor_batal(number: str, alasan: str, kasus: str | None, root: Path, lang: str) -> None:
    from ..clerk.nomor import void_number

    shown = void_number(open_archive(root), number, alasan, kasus)
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
            click.echo(one_line(f"  {n.tanggal}  {n.nomor:<28} {n.jenis:<18} {where}  ({n.oleh}){void}"))


@click.command(cls=Command, help="help.agenda")
@root_option
@click.option("--staf", metavar="ID", help="help.agenda.staf")
@click.option("--tanggal", metavar="YYYY-MM-DD", help="help.agenda.tanggal")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "ics"]), default="text", help="help.opt.format")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="help.agenda.out")
@click.option("--no-trail", is_flag=True, help="help.opt.no_trail")
@lang_option
@library_errors
def agenda(
    root: Path, staf: str | None, tanggal: str | None, fmt: str, out: Path | None, no_trail: bool, lang: str
) -> None:
    import json

    from ..check.audit import audit
    from ..check.run import CheckOptions
    from ..clerk.new import check_staff
    from ..reports.agenda import agenda_ics, build_agenda, format_agenda

    judged = audit(root, CheckOptions(trail=not no_trail))
    if staf is not None:
        check_staff(judged.archive, staf)
    found = build_agenda(judged, _day(tanggal), staf)
    if out is not None:
        refuse_archive_target(judged.archive, out, {"ics": ".ics", "json": ".json"}.get(fmt, ".txt"))
    if fmt == "ics":
        data = agenda_ics(found, office_name(judged.archive.config, judged.archive.sops))
        if out is None:
            click.echo(data.decode("utf-8"), nl=False)
        else:
            write_output(out, data)
            click.echo(text("agenda.ics_written", lang, path=out, count=len(found.items)))
        return
    if fmt == "json":
        body = json.dumps(found.to_json(), ensure_ascii=False, indent=2) + "\n"
    else:
        body = format_agenda(found, lang)
    if out is None:
        click.echo(body, nl=False)
    else:
        write_output(out, body.encode("utf-8"))


@click.command(cls=Command, help="help.laporan")
@click.argument("kind", metavar="[bulanan|triwulan|tahunan]")
@click.argument("period", metavar="PERIODE", required=False)
@root_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("."), help="help.laporan.out")
@click.option(
    "--format", "formats", multiple=True, type=click.Choice(["pdf", "xlsx", "json"]), help="help.laporan.format"
)
@click.option("--no-trail", is_flag=True, help="help.opt.no_trail")
@lang_option
@library_errors
def laporan(
    kind: str, period: str | None, root: Path, out: Path, formats: tuple[str, ...], no_trail: bool, lang: str
) -> None:
    import json
    from datetime import datetime

    from ..check.audit import audit
    from ..check.run import CheckOptions
    from ..pdf.periodic import render_report
    from ..reports.laporan import build_report, read_period, write_xlsx
    from ..views.case import WIB_NOON

    wanted = formats or ("pdf", "xlsx")
    chosen = read_period(kind, period)
    layout = locate(root)
    for fmt in wanted:  # `--out records/laporan`: reports are not kept among the records
        refuse_archive_target(layout, out / f"laporan-{chosen.kind}-{chosen.key}.{fmt}", f".{fmt}")
    try:  # a new folder is made, as `pdf` and `schema` make theirs; before the check, which takes a while
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError("office.write_failed", str(out), path=str(out), error=exc.strerror or str(exc)) from None
    judged = audit(root, CheckOptions(trail=not no_trail))
    report = build_report(judged, chosen)
    stem = out / f"laporan-{chosen.kind}-{chosen.key}"
    written = []
    if "xlsx" in wanted:
        write_output(stem.with_suffix(".xlsx"), write_xlsx(report, datetime.combine(chosen.end, WIB_NOON)))
        written.append(stem.with_suffix(".xlsx"))
    if "json" in wanted:
        data = json.dumps(report.to_json(), ensure_ascii=False, indent=1, default=str) + "\n"
        write_output(stem.with_suffix(".json"), data.encode("utf-8"))
        written.append(stem.with_suffix(".json"))
    if "pdf" in wanted:
        outcome = render_report(judged.archive, report, stem.with_suffix(".pdf"))
        if outcome.error or outcome.refused:
            error = outcome.error or ", ".join(outcome.refused)
            raise ConfigError("laporan.pdf_failed", str(stem.with_suffix(".pdf")), error=error)
        written.append(stem.with_suffix(".pdf"))
    click.echo(
        text("laporan.summary", lang, label=chosen.label, active=report.active, opened=report.opened,
             closed=report.closed, stopped=report.stopped, progress=report.in_progress)
    )  # fmt: skip
    for path in written:
        click.echo(f"  {path}")


@click.command(cls=Command, help="help.retensi")
@root_option
@click.option("--tanggal", metavar="YYYY-MM-DD", help="help.retensi.tanggal")
@click.option("--semua", is_flag=True, help="help.retensi.semua")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="help.opt.format")
@click.option("--no-trail", is_flag=True, help="help.opt.no_trail")
@lang_option
@library_errors
def retensi(root: Path, tanggal: str | None, semua: bool, fmt: str, no_trail: bool, lang: str) -> None:
    import json

    from ..check.audit import audit
    from ..check.run import CheckOptions
    from ..reports.retensi import format_retention, retention

    found = retention(audit(root, CheckOptions(trail=not no_trail)), _day(tanggal))
    if fmt == "json":
        click.echo(json.dumps(found.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_retention(found, lang, semua), nl=False)


COMMANDS: list[click.Command] = [nomor, agenda, laporan, retensi]
