"""The clerks' commands: ``new``, ``step``, ``hentikan``, and setting up an office (``init``, ``schema``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..check.output import finding_lines
from ..core.errors import ConfigError
from ..core.messages import text
from ..records.archive import open_archive
from ..records.fieldtypes import office_today
from .ask import Answers, ask_location, ask_sop, ask_staff, ask_start
from .dates import read_day, read_moment
from .options import ARCHIVE, archive_in_force, complete_case, lang_option, library_errors, root_option
from .usage import TEXT, Command

if TYPE_CHECKING:
    from ..clerk.step import Recorded


@click.command(cls=Command, help="help.new")
@root_option
@click.option("--kecamatan", help="help.new.kecamatan")
@click.option("--desa", help="help.new.desa")
@click.option("--mulai", help="help.new.mulai")
@click.option("--sampai", help="help.new.sampai")
@click.option("--judul", type=TEXT, help="help.new.judul")
@click.option("--oleh", help="help.new.oleh")
@click.option("--sop", "sop_nomor", metavar="NOMOR", help="help.new.sop")
@click.option("--lagi", is_flag=True, help="help.new.lagi")
@click.option("--no-input", is_flag=True, help="help.new.no_input")
@lang_option
@library_errors
def new(
    root: Path,
    kecamatan: str | None,
    desa: str | None,
    mulai: str | None,
    sampai: str | None,
    judul: str | None,
    oleh: str | None,
    sop_nomor: str | None,
    lagi: bool,
    no_input: bool,
    lang: str,
) -> None:
    from ..clerk.new import NewCase, create_case

    archive = archive_in_force(root, lang)
    answers = Answers(kecamatan, desa, mulai, oleh, sop_nomor)
    if no_input:
        for option, value in (("--kecamatan", kecamatan), ("--desa", desa), ("--mulai", mulai), ("--oleh", oleh)):
            if not value:
                raise ConfigError("new.missing_option", None, option=option)
        start = read_day(mulai)
    else:
        try:
            ask_location(answers, lang)
            start = ask_start(answers, lang, office_today())
            ask_staff(archive, answers, start, lang)
            ask_sop(archive, answers, start, lang)
        except click.Abort:  # Ctrl+C or end of input at a prompt
            click.echo(text("new.cancelled", lang), err=True)
            _carry_on(answers, root, lang)
            sys.exit(1)
    assert start is not None and answers.kecamatan and answers.desa and answers.oleh
    request = NewCase(answers.kecamatan, answers.desa, start, answers.oleh, read_day(sampai), judul, answers.sop, lagi)
    try:
        created = create_case(archive, request)
    except ConfigError:
        if not no_input:
            _carry_on(answers, root, lang)
        raise
    kasus = created.kasus
    steps = len(created.files) - 1
    where = Path(root) / created.folder.relative_to(created.folder.parents[2])
    click.echo(
        text("new.created", lang, id=kasus.id, path=where, steps=steps, sop=kasus.sop.nomor, revisi=kasus.sop.revisi)
    )
    click.echo(text("new.next", lang, id=kasus.id))
    click.echo(text("new.git", lang))
    click.echo(f"  git add {where}")
    click.echo(f'  git commit -S -m "kasus {kasus.id}: dibuka"')


def _carry_on(answers: Answers, root: Path, lang: str) -> None:
    """Whatever stops the questions, the answers given are printed as a command to go on with."""
    if any(vars(answers).values()):
        click.echo(text("new.answers_so_far", lang), err=True)
        click.echo("  " + answers.command(str(root)), err=True)


@click.command(cls=Command, help="help.step")
@click.argument("case", shell_complete=complete_case)
@click.argument("no", metavar="N", type=click.IntRange(min=1))
@root_option
@click.option("--mulai", metavar="WAKTU", help="help.step.mulai")
@click.option("--selesai", metavar="WAKTU", help="help.step.selesai")
@click.option("--pelaksana", metavar="ID", help="help.step.pelaksana")
@click.option("--keputusan", type=click.Choice(["ya", "tidak"], case_sensitive=False), help="help.step.keputusan")
@click.option("--alasan", type=TEXT, help="help.step.alasan")
@click.option("--alasan-waktu", type=TEXT, help="help.step.alasan_waktu")
@click.option("--nomor-surat", help="help.step.nomor_surat")
@click.option("--catatan", type=TEXT, help="help.step.catatan")
@click.option(
    "--status", type=click.Choice(["belum", "berjalan", "selesai"], case_sensitive=False), help="help.step.status"
)
@click.option("--putaran", type=click.IntRange(min=1), metavar="N", help="help.step.putaran")
@click.option(
    "--lampir",
    "attachments",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="help.step.lampir",
)
@click.option("--lepas", "detach", multiple=True, metavar="BERKAS", help="help.step.lepas")
@click.option("--jenis", metavar="KIND", help="help.step.jenis")
@click.option("--judul", type=TEXT, help="help.step.judul")
@click.option("--pribadi", is_flag=True, default=None, help="help.step.pribadi")
@click.option("--bersama", "joint", multiple=True, metavar="KASUS", help="help.step.bersama")
@click.option("--koreksi", metavar="ALASAN", help="help.step.koreksi")
@click.option("--setujui", is_flag=True, help="help.step.setujui")
@click.option("--pada", metavar="WAKTU", help="help.step.pada")
@click.option("--commit", "do_commit", is_flag=True, help="help.step.commit")
@click.option("--no-sign", is_flag=True, help="help.step.no_sign")
@lang_option
@library_errors
def step(
    case: str,
    no: int,
    root: Path,
    mulai: str | None,
    selesai: str | None,
    pelaksana: str | None,
    keputusan: str | None,
    alasan: str | None,
    alasan_waktu: str | None,
    nomor_surat: str | None,
    catatan: str | None,
    status: str | None,
    putaran: int | None,
    attachments: tuple[Path, ...],
    detach: tuple[str, ...],
    jenis: str | None,
    judul: str | None,
    pribadi: bool | None,
    joint: tuple[str, ...],
    koreksi: str | None,
    setujui: bool,
    pada: str | None,
    do_commit: bool,
    no_sign: bool,
    lang: str,
) -> None:
    from ..clerk.step import NewAttachment, StepUpdate, record_step
    from ..clerk.stepcommit import commit, commit_paths, refuse_other_signer, unchanged

    update = StepUpdate(
        no=no,
        putaran=putaran,
        status=status,  # type: ignore[arg-type]  # click.Choice guarantees the literal
        pelaksana=pelaksana,
        mulai=read_moment(mulai),
        selesai=read_moment(selesai),
        keputusan=keputusan,  # type: ignore[arg-type]
        alasan=alasan,
        alasan_waktu=alasan_waktu,
        nomor_surat=nomor_surat,
        catatan=catatan,
        lampiran=tuple(NewAttachment(p, jenis, judul, pribadi, joint) for p in attachments),
        lepas=detach,
        koreksi=koreksi,
        setujui=setujui,
        pada=read_moment(pada or "sekarang"),
        bersama=joint,
    )
    if not update.changes and not setujui:
        if not do_commit:
            raise ConfigError("record.nothing", None)
        _commit_pending(root, case, no, no_sign, lang)
        return
    archive = archive_in_force(root, lang)
    if setujui and do_commit and not no_sign:
        refuse_other_signer(archive, case, no, putaran)
    done = record_step(archive, case, update)
    record = done.record
    assert record is not None
    records = done.folder.parents[2]  # <records>/kasus/<year>/<id>: shown as the clerk named the root
    shown = [str(Path(root) / p.relative_to(records)) for p in done.paths]
    click.echo(text("record.done", lang, no=no, putaran=record.putaran, path=shown[0], status=record.status))
    for gone in done.removed:
        old = str(Path(root) / gone.relative_to(records))
        click.echo("  " + text("record.moved", lang, old=old, putaran=record.putaran, new=shown[0]))
    if done.created and not done.removed:
        click.echo("  " + text("record.created_round", lang, putaran=record.putaran))
    for doc in record.dokumen[len(record.dokumen) - len(done.attached) :]:
        click.echo("  " + text("record.attached", lang, path=doc.berkas, kind=doc.jenis, sha=(doc.sha256 or "")[:12]))
        if done.folder / doc.berkas in done.renamed:
            click.echo("    " + text("record.name_withheld", lang))
        if done.folder / doc.berkas in done.reused:
            click.echo("    " + text("record.reused", lang))
    for gone in done.detached:
        click.echo("  " + text("record.detached", lang, path=gone.relative_to(done.folder).as_posix()))
    for finding in done.findings:
        click.echo("\n".join(finding_lines(finding, lang)))
    who = " / ".join(done.approvers)
    if koreksi is not None and done.approved_before:
        click.echo(text("record.corrected", lang, no=no, who=who))
        named = f" --putaran {done.round_to_name}" if done.round_to_name else ""
        click.echo(text("record.reapprove_how", lang, who=who, id=done.case_id, no=f"{no}{named}"))
    if setujui and done.approves_completion:
        when = f"{record.disetujui:%Y-%m-%d %H:%M}" if record.disetujui else "-"
        click.echo(text("record.approved_completion", lang, no=no, who=who, when=when))
    elif setujui:
        click.echo(text("record.reapproved", lang, no=no, who=who))
    if done.errors:
        click.echo(text("record.has_errors", lang, count=len(done.errors)))
        sys.exit(1)
    if not done.findings:
        click.echo(text("record.clean", lang))
    paths = commit_paths(done)
    if do_commit and unchanged(done, paths):
        # The command run again: git holds the record as it is. An approval that changes nothing
        # cannot be signed; an edit has nothing left to commit.
        if setujui or koreksi is not None:
            raise ConfigError("record.approval_unchanged", shown[0], no=no)
        click.echo(text("record.unchanged", lang, no=no))
        return
    if do_commit:
        click.echo(text("record.committed", lang, sha=commit(done, sign=not no_sign, paths=paths)[:12]))
        if not (koreksi is not None and done.approved_before):  # a correction's notice said it already
            _approval_after(root, done, not no_sign, lang)
        _still_uncommitted(root, done.folder, done.case_id, lang)
    else:
        click.echo(text("new.git", lang))
        click.echo("  git add " + " ".join(str(Path(root) / p.relative_to(records)) for p in paths))
        click.echo(f'  git commit -S -m "{done.message}"')


def _commit_pending(root: Path, case: str, no: int, no_sign: bool, lang: str) -> None:
    """``step CASE N --commit`` alone: commit the step as already recorded, if check passes it."""
    from ..clerk.stepcommit import commit, commit_paths, pending_step

    done = pending_step(archive_in_force(root, lang), case, no)
    records = done.folder.parents[2]
    paths = commit_paths(done)
    files = ", ".join(str(Path(root) / p.relative_to(records)) for p in paths)
    click.echo(text("record.pending", lang, no=no, files=files))
    for finding in done.findings:
        click.echo("\n".join(finding_lines(finding, lang)))
    if done.errors:
        click.echo(text("record.has_errors", lang, count=len(done.errors)))
        sys.exit(1)
    click.echo(text("record.committed", lang, sha=commit(done, sign=not no_sign, paths=paths)[:12]))
    _approval_after(root, done, not no_sign, lang)
    _still_uncommitted(root, done.folder, done.case_id, lang)


def _approval_after(root: Path, done: Recorded, signed: bool, lang: str) -> None:
    """After the commit, what the trail says of it: a completion committed by someone other
    than its pelaksana (the clerk typing for the Kasi, --no-sign, another key) is not approved
    yet, and the one who approves it is named, with the command."""
    from ..clerk.approval import after_commit

    assert done.record is not None
    found = after_commit(archive_in_force(root, lang), done.step_file, done.record, signed)
    if not found:
        return
    click.echo(text("record.not_approved_yet", lang, no=done.record.langkah))
    for finding in found:
        click.echo("\n".join(finding_lines(finding, lang)))
    named = f" --putaran {done.round_to_name}" if done.round_to_name else ""
    who = " / ".join(done.approvers)
    click.echo(text("record.approve_how", lang, who=who, id=done.case_id, no=f"{done.record.langkah}{named}"))


def _still_uncommitted(root: Path, folder: Path, case_id: str, lang: str) -> None:
    """Other steps of the case recorded and not committed: an approval in history of a step
    whose prerequisite is not would fail on a clean clone."""
    from ..clerk.stepcommit import uncommitted_steps

    for no in uncommitted_steps(open_archive(root), folder):
        click.echo(text("record.other_uncommitted", lang, no=no, id=case_id))


@click.command(cls=Command, help="help.hentikan")
@click.argument("case", shell_complete=complete_case)
@click.argument("status", type=click.Choice(["batal", "ditutup"], case_sensitive=False))
@root_option
@click.option("--alasan", required=True, type=TEXT, help="help.hentikan.alasan")
@click.option("--oleh", required=True, metavar="ID", help="help.hentikan.oleh")
@click.option("--tanggal", metavar="TTTT-BB-HH", help="help.hentikan.tanggal")
@click.option("--commit", "do_commit", is_flag=True, help="help.step.commit")
@click.option("--no-sign", is_flag=True, help="help.step.no_sign")
@lang_option
@library_errors
def hentikan(
    case: str,
    status: str,
    root: Path,
    alasan: str,
    oleh: str,
    tanggal: str | None,
    do_commit: bool,
    no_sign: bool,
    lang: str,
) -> None:
    from ..clerk.stop import Stop, stop_case

    day = read_day(tanggal) or office_today()
    done = stop_case(archive_in_force(root, lang), case, Stop(status, day, oleh, alasan))  # type: ignore[arg-type]
    shown = str(Path(root) / done.path.relative_to(done.folder.parents[2]))
    click.echo(text("stop.done", lang, id=done.case_id, status=status, date=day, path=shown))
    click.echo(text("stop.sign", lang, roles=", ".join(done.deciders) or "-"))
    if do_commit:
        click.echo(text("record.committed", lang, sha=done.commit(sign=not no_sign)[:12]))
    else:
        click.echo(text("new.git", lang))
        click.echo(f"  git add {shown}")
        click.echo(f'  git commit -S -m "{done.message}"')


@click.command(cls=Command, help="help.schema")
@root_option
@click.option("--out", type=ARCHIVE, default=None, help="help.schema.out")
@lang_option
@library_errors
def schema(root: Path, out: Path | None, lang: str) -> None:
    from ..clerk.schema import schema_dir, write_schemas

    target = out or schema_dir(root)
    try:
        written = write_schemas(target)
    except OSError as exc:
        raise ConfigError("init.write_failed", None, path=str(target), error=exc.strerror or exc) from None
    click.echo(text("init.schema_written", lang, count=len(written), path=target))


PROFILE_OPTIONS = ("pemerintah", "dinas", "bidang", "alamat", "kota", "kode_pos", "telepon", "email", "laman",
                   "lambang", "kepala_dinas", "kode_unit")  # fmt: skip


def _ask_profile(
    given: dict[str, str | None], sop_file: Path | None, instansi: str | None, lang: str
) -> dict[str, str | None]:
    """Each profile answer not given as an option, asked in turn; the SOP's unit as defaults."""
    from ..clerk.init import DEFAULT_SOP, _load_sop
    from ..records.office import town

    unit = _load_sop(sop_file or DEFAULT_SOP).unit
    defaults = {"pemerintah": unit.pemerintah, "dinas": instansi or unit.instansi, "bidang": unit.bidang or ""}
    answers = dict(given)
    for key in PROFILE_OPTIONS:
        if answers.get(key):
            continue
        if key == "kota":
            defaults["kota"] = town(answers.get("pemerintah") or unit.pemerintah)
        if key == "kepala_dinas":
            defaults["kepala_dinas"] = f"Kepala {answers.get('dinas') or unit.instansi}"
        value = click.prompt(text(f"init.prompt_{key}", lang), default=defaults.get(key, ""), show_default=bool(
            defaults.get(key)), err=True)  # fmt: skip
        answers[key] = str(value).strip() or None
    return answers


@click.command(cls=Command, help="help.init")
@click.argument("target", metavar="DIR", type=click.Path(path_type=Path))
@click.option("--sop", "sop_file", type=click.Path(dir_okay=False, path_type=Path), default=None, help="help.init.sop")
@click.option("--instansi", default=None, help="help.init.instansi")
@click.option("--pemerintah", default=None, help="help.init.pemerintah")
@click.option("--dinas", default=None, help="help.init.dinas")
@click.option("--bidang", default=None, help="help.init.bidang")
@click.option("--alamat", default=None, help="help.init.alamat")
@click.option("--kota", default=None, help="help.init.kota")
@click.option("--kode-pos", default=None, help="help.init.kode_pos")
@click.option("--telepon", default=None, help="help.init.telepon")
@click.option("--email", default=None, help="help.init.email")
@click.option("--laman", default=None, help="help.init.laman")
@click.option("--lambang", default=None, help="help.init.lambang")
@click.option("--kepala-dinas", default=None, help="help.init.kepala_dinas")
@click.option("--kode-unit", default=None, help="help.init.kode_unit")
@click.option("--no-input", is_flag=True, help="help.init.no_input")
@lang_option
@library_errors
def init(
    target: Path, sop_file: Path | None, instansi: str | None, no_input: bool, lang: str, **profile: str | None
) -> None:
    from ..clerk.init import OfficeAnswers, init_archive

    if not no_input:
        try:
            profile = _ask_profile(profile, sop_file, instansi, lang)
        except click.Abort:
            click.echo(text("new.cancelled", lang), err=True)
            sys.exit(1)
    lambang = profile.pop("lambang", None)
    answers = OfficeAnswers(**profile, lambang=Path(lambang) if lambang else None)  # type: ignore[arg-type]
    created = init_archive(target, sop_file, instansi, answers, office_today().year)
    click.echo(text("init.created", lang, path=target))
    for path in created:
        click.echo(f"  {path}")
    if not answers.complete:
        click.echo(text("init.no_profile", lang))
    click.echo(text("init.next_steps", lang, path=target))


COMMANDS = [new, step, hentikan, schema, init]
