"""Letter numbers (Tata Naskah Dinas): reserving, recording only reserved numbers, and what
check says of the register, also after two branches that each took "the next" number are
merged by real git."""

from __future__ import annotations

import multiprocessing
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sop_kit.cli.main import main
from sop_kit.records import writelock
from sop_kit.records.nomor import FORMAT, Register, register_text
from sop_kit.records.yamlsafe import load_file

from .test_office import copy_archive

A, B = "2026-05-cibuntu-kpnv", "2026-04-gandasoli-2j7r"  # two open cases of SOP 61.1.D.049


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def git(top: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Petugas",
        "GIT_AUTHOR_EMAIL": "petugas@uji.go.id",
        "GIT_COMMITTER_NAME": "Petugas",
        "GIT_COMMITTER_EMAIL": "petugas@uji.go.id",
    }
    return subprocess.run(["git", "-C", str(top), *args], env=env, capture_output=True, text=True, check=check)


def reserve(records: Path, case: str) -> str:
    code, out = cli("nomor", "ambil", "sk-penetapan", "--kasus", case, "--oleh", "agus-permana", "--tanggal",
                    "2026-05-20", "--root", str(records))  # fmt: skip
    assert code == 0, out
    number = out.split("nomor ", 1)[1].split(" ", 1)[0]
    code, out = cli("step", case, "3", "--nomor-surat", number, "--root", str(records))
    assert code == 0, out
    return number


def check(records: Path) -> tuple[int, str]:
    return cli("check", str(records), "--no-trail", "--no-cache")


def test_reserve_record_and_refuse_what_is_not_reserved(tmp_path: Path) -> None:
    records = copy_archive(tmp_path / "a", (A, B))
    code, out = cli("step", A, "3", "--nomor-surat", "400.9/Kep.6/DSP3A/2026", "--root", str(records))
    assert code == 2 and "belum dicadangkan untuk kasus" in out and f"sop-kit nomor ambil JENIS --kasus {A}" in out
    # A hurried clerk typed the document's kind (surat-keputusan) for the number's kind: told
    # which number kinds the SOP declares, and for which step.
    code, out = cli("nomor", "ambil", "surat-keputusan", "--kasus", A, "--oleh", "agus-permana", "--root", str(records))
    assert code == 2 and "sk-penetapan (3), surat-koordinasi (5)" in out, out
    number = reserve(records, A)
    assert number == "400.9/Kep.6/DSP3A/2026"  # the series' next serial after the demo's five
    line = (records / "nomor" / "2026.yaml").read_text("utf-8").splitlines()[-1]
    assert line == (
        '  - {urut: 6, jenis: sk-penetapan, nomor: "400.9/Kep.6/DSP3A/2026", tanggal: 2026-05-20, '
        f"oleh: agus-permana, kasus: {A}, langkah: 3}}"
    )
    code, out = cli("step", B, "3", "--nomor-surat", number, "--root", str(records))  # another case's number
    assert code == 2 and "belum dicadangkan" in out
    assert check(records)[0] == 0
    # A hurried clerk's mistyped number would void another case's issued letter: a number a step
    # records is voided only with its case named.
    code, out = cli("nomor", "batal", number, "--alasan", "SK tidak jadi", "--root", str(records))
    assert code == 2 and f"tercatat di langkah 3 kasus {A}" in out and f"--kasus {A}" in out, out
    assert check(records)[0] == 0
    code, out = cli("nomor", "batal", number, "--kasus", A, "--alasan", "SK tidak jadi", "--root", str(records))
    assert code == 0, out
    code, out = check(records)
    assert code == 1 and "galat[nomor.voided]" in out and "SK tidak jadi" in out
    code, out = cli("nomor", "daftar", "2026", "--root", str(records))
    assert "[batal: SK tidak jadi]" in out


def test_a_number_two_laptops_reserved_is_voided_only_for_the_case_named(tmp_path: Path) -> None:
    """Reserved on two laptops and merged, before either step records it: ``nomor batal`` with no
    case would have voided one line of its own choosing, perhaps the letter already sent."""
    records = copy_archive(tmp_path / "a", (A, B))
    code, out = cli("nomor", "ambil", "sk-penetapan", "--kasus", A, "--oleh", "agus-permana", "--tanggal",
                    "2026-05-20", "--root", str(records))  # fmt: skip
    assert code == 0, out
    register = records / "nomor" / "2026.yaml"
    mine = register.read_text("utf-8").splitlines(keepends=True)[-1]
    register.write_text(register.read_text("utf-8") + mine.replace(A, B), "utf-8")  # the merge kept both
    before = register.read_bytes()
    code, out = cli("nomor", "batal", "400.9/Kep.6/DSP3A/2026", "--alasan", "ganda", "--root", str(records))
    assert code == 2 and f"lebih dari satu kasus ({', '.join(sorted((A, B)))})" in out and "--kasus ID" in out, out
    assert register.read_bytes() == before
    code, out = cli("nomor", "batal", "400.9/Kep.6/DSP3A/2026", "--kasus", B, "--alasan", "ganda", "--root",
                    str(records))  # fmt: skip
    assert code == 0, out
    rows = register.read_text("utf-8").splitlines()
    assert rows[-1].endswith(f'kasus: {B}, langkah: 3, batal: "ganda"}}') and "batal" not in rows[-2]
    voided = register.read_bytes()
    code, out = cli("nomor", "batal", "400.9/Kep.6/DSP3A/2026", "--kasus", B, "--alasan", "lain", "--root",
                    str(records))  # fmt: skip
    assert code == 2 and "sudah dibatalkan" in out and register.read_bytes() == voided  # its reason stands


def test_a_new_year_starts_from_last_years_kinds(tmp_path: Path) -> None:
    records = copy_archive(tmp_path / "a", (A,))
    code, out = cli("nomor", "ambil", "surat-koordinasi", "--kasus", A, "--oleh", "agus-permana", "--tanggal",
                    "2027-01-04", "--root", str(records))  # fmt: skip
    assert code == 0, out
    assert "dimulai dengan jenis surat dari tahun sebelumnya" in out and "400.9/1/DSP3A/2027" in out
    assert f'sop-kit step {A} 5 --nomor-surat "400.9/1/DSP3A/2027"' in out  # the SOP declares the letter at step 5
    assert check(records)[0] == 0


def test_check_reports_gaps_formats_and_numbers_nobody_reserved(tmp_path: Path) -> None:
    records = copy_archive(tmp_path / "a", (A, "2026-01-cilalawi-kf5h"))
    register = records / "nomor" / "2026.yaml"
    lines = register.read_text("utf-8").splitlines(keepends=True)
    gone = next(i for i, row in enumerate(lines) if '"400.9/Kep.3/DSP3A/2026"' in row)
    del lines[gone]  # a reservation deleted instead of voided
    lines = [row.replace('nomor: "400.9/Kep.4/DSP3A/2026"', 'nomor: "400.9/Kep.04/DSP3A/2026"') for row in lines]
    register.write_text("".join(lines), "utf-8")
    step = next((records / "kasus").glob(f"*/{A}/langkah/02-*.yaml"))
    step.write_text(step.read_text("utf-8") + 'nomor_surat: "400.9/Kep.2/DSP3A/2026"\n', "utf-8")
    code, out = check(records)
    assert code == 1
    assert re.search(r"nomor/2026\.yaml:\d+: galat\[nomor\.gap\]: deret keputusan berlubang: nomor urut 3 ", out)
    assert "peringatan[nomor.format]: nomor 400.9/Kep.04/DSP3A/2026 tidak mengikuti pola" in out
    assert "galat[nomor.other_case]: nomor surat 400.9/Kep.2/DSP3A/2026 dicadangkan untuk kasus lain: " in out
    assert "galat[nomor.two_cases]" in out and "juga dipakai kasus 2026-01-cilalawi-kf5h" in out


@pytest.mark.parametrize("union", [True, False], ids=["merge-union", "conflict-kept-both"])
def test_two_branches_take_the_next_number_and_check_names_both_cases(tmp_path: Path, union: bool) -> None:
    """Each clerk reserves "the next" SK number on a branch; the merge keeps both lines (by
    the union driver sop-kit init writes, or by hand as the README says); check names the clash."""
    top = tmp_path / "arsip"
    records = copy_archive(top, (A, B))
    if union:
        (top / ".gitattributes").write_text("records/nomor/*.yaml merge=union\n", "utf-8")
    git(top, "init", "-q", "-b", "main")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "arsip")
    numbers = {}
    for branch, case in (("petugas-a", A), ("petugas-b", B)):
        git(top, "checkout", "-q", "-b", branch, "main")
        numbers[case] = reserve(records, case)
        git(top, "add", "-A")
        git(top, "commit", "-q", "-m", f"{case}: nomor SK")
    assert numbers[A] == numbers[B] == "400.9/Kep.6/DSP3A/2026"
    git(top, "checkout", "-q", "main")
    git(top, "merge", "-q", "petugas-a")
    merged = git(top, "merge", "-q", "--no-edit", "petugas-b", check=False)
    register = records / "nomor" / "2026.yaml"
    if union:
        assert merged.returncode == 0, merged.stderr
    else:
        assert merged.returncode != 0 and "<<<<<<<" in register.read_text("utf-8")
        # The README's resolution: keep both lines, drop the markers, commit; check then names the clash.
        markers = ("<<<<<<<", "=======", ">>>>>>>")
        kept = [row for row in register.read_text("utf-8").splitlines(True) if not row.startswith(markers)]
        register.write_text("".join(kept), "utf-8")
        git(top, "add", "-A")
        git(top, "commit", "-q", "--no-edit")
    assert register.read_text("utf-8").count('"400.9/Kep.6/DSP3A/2026"') == 2
    code, out = check(records)
    assert code == 1
    clash = "galat[nomor.duplicate]: nomor 400.9/Kep.6/DSP3A/2026 dicadangkan lebih dari sekali; juga untuk kasus"
    assert f"{clash} {B}" in out and f"{clash} {A}" in out
    assert f"juga dipakai kasus {B}" in out and f"juga dipakai kasus {A}" in out  # the step records clash too
    # Without the case named, no line is chosen for the clerk: the other may be the letter sent.
    before = register.read_bytes()
    code, out = cli("nomor", "batal", numbers[B], "--alasan", "ganda", "--root", str(records))
    assert code == 2 and "--kasus" in out and register.read_bytes() == before, out
    # Resolved as the hint says: one number voided, a new one reserved and recorded.
    voided = cli("nomor", "batal", numbers[B], "--kasus", B, "--alasan", "ganda", "--root", str(records))
    assert voided[0] == 0, voided[1]
    voided_line = register.read_bytes()
    code, out = cli("nomor", "batal", numbers[B], "--kasus", B, "--alasan", "lain", "--root", str(records))
    assert code == 2 and "sudah dibatalkan" in out and register.read_bytes() == voided_line  # its reason stands
    assert reserve(records, B) == "400.9/Kep.7/DSP3A/2026"
    code, out = check(records)
    assert "nomor.duplicate" not in out and "nomor.two_cases" not in out
    assert "nomor.gap" not in out
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "nomor ganda dibatalkan")
    out = cli("check", str(records), "--no-cache")[1]  # with the trail: the merge and the voiding rewrote nothing
    assert "nomor.rewritten" not in out and "nomor.deleted" not in out


def test_a_reserved_number_is_never_rewritten_or_deleted_only_voided(tmp_path: Path) -> None:
    """The register is a book. A reservation moved to another case (a forged verdict: the other
    case now "holds" the number) or deleted is an error of the cases it names, with the commit
    that did it, until the line is back; breaking the file first hides nothing; voiding is no
    rewrite."""
    top = tmp_path / "arsip"
    records = copy_archive(top, (A, B))
    git(top, "init", "-q", "-b", "main")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "arsip")
    number = reserve(records, A)
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", f"{A}: nomor SK")
    register = records / "nomor" / "2026.yaml"
    reserved = register.read_text("utf-8")
    line = next(row for row in reserved.splitlines() if f'"{number}"' in row)

    def commit(text: str, message: str) -> str:
        register.write_text(text, "utf-8")
        git(top, "commit", "-q", "-am", message)
        return git(top, "rev-parse", "--short=10", "HEAD").stdout.strip()

    def said() -> str:
        return cli("check", str(records), "--no-cache")[1]

    register.write_text(reserved.replace(line, line.replace(f"kasus: {A}", f"kasus: {B}")), "utf-8")
    out = said()  # not committed yet: a dossier made here would judge by the rewritten book
    assert f"galat[nomor.rewritten_uncommitted]: nomor surat {number} diubah di register tanpa commit: " in out
    moved = commit(register.read_text("utf-8"), "register dirapikan")
    out = said()
    assert "rewritten_uncommitted" not in out
    rewritten = f"galat[nomor.rewritten]: nomor surat {number} ditulis ulang di register oleh commit {moved} (Petugas)"
    assert f"{rewritten}: kasus: {A} → {B} (kasus {A})" in out and f"(kasus {B})" in out
    commit(reserved, "baris dikembalikan")
    assert "nomor.rewritten" not in said()
    commit(reserved + "rusak: [\n", "register rusak")
    deleted = commit(reserved.replace(line + "\n", ""), "register diperbaiki")
    assert f"galat[nomor.deleted]: nomor surat {number} dihapus dari register oleh commit {deleted} (Petugas)" in said()
    commit(reserved, "baris dikembalikan lagi")
    code, out = cli("nomor", "batal", number, "--kasus", A, "--alasan", "SK tidak jadi", "--root", str(records))
    assert code == 0, out
    git(top, "commit", "-q", "-am", "nomor dibatalkan")
    out = said()
    assert "nomor.rewritten" not in out and "nomor.deleted" not in out and "galat[nomor.voided]" in out


def test_a_second_number_for_one_step_is_refused_and_a_number_left_unused_is_said(tmp_path: Path) -> None:
    """A hurried clerk ran `nomor ambil` twice (the first seemed to fail): two numbers for one
    SK, one of which no letter will ever bear, and nothing said so. The second is refused,
    naming the first; `--lagi` takes one all the same, and a number reserved for a step that
    was completed without it is a warning until it is voided."""
    done = "2026-01-cilalawi-kf5h"  # step 3 completed with 400.9/Kep.2/DSP3A/2026
    records = copy_archive(tmp_path / "a", (A, done))
    register = records / "nomor" / "2026.yaml"
    take = [
        "nomor",
        "ambil",
        "sk-penetapan",
        "--oleh",
        "agus-permana",
        "--tanggal",
        "2026-05-20",
        "--root",
        str(records),
    ]
    assert cli(*take, "--kasus", A)[0] == 0
    before = register.read_bytes()
    code, out = cli(*take, "--kasus", A)
    assert code == 2 and f"langkah 3 kasus {A} sudah punya nomor 400.9/Kep.6/DSP3A/2026" in out, out
    assert f'sop-kit step {A} 3 --nomor-surat "400.9/Kep.6/DSP3A/2026"' in out and register.read_bytes() == before
    code, out = cli(*take, "--kasus", A, "--lagi")
    assert code == 0 and "400.9/Kep.7/DSP3A/2026" in out, out
    assert "nomor.unused" not in check(records)[1]  # step 3 of A is still to come
    code, out = cli(*take, "--kasus", done)  # its own number is recorded: no number pending
    assert code == 0 and "400.9/Kep.8/DSP3A/2026" in out, out
    code, out = check(records)
    line = next(i for i, row in enumerate(register.read_text("utf-8").splitlines(), 1) if "Kep.8" in row)
    assert f"nomor/2026.yaml:{line}: peringatan[nomor.unused]: nomor surat 400.9/Kep.8/DSP3A/2026 dicadangkan " \
        f"untuk langkah 3 kasus {done}, yang selesai tanpa nomor itu" in out, out  # fmt: skip
    assert out.count("nomor.unused") == 1
    status = cli("status", done, "--root", str(records), "--no-trail")[1]
    assert "peringatan[nomor.unused]" in status  # the case's verdict holds it
    assert cli("nomor", "batal", "400.9/Kep.8/DSP3A/2026", "--alasan", "dobel", "--root", str(records))[0] == 0
    assert "nomor.unused" not in check(records)[1]


def test_the_first_reservation_of_a_new_register_goes_in_the_steps_commit(tmp_path: Path) -> None:
    """A register as `sop-kit init` (or a new year) writes it holds `nomor: []`; the first
    reservation opens that list, so the register was taken for someone's rewrite: the step's
    commit (and the printed `git add`) left it out, and a clean clone held a number no register
    held: a new office's very first SK."""
    top = tmp_path / "arsip"
    records = copy_archive(top, (A,))
    kinds = Register.model_validate(load_file(records / "nomor" / "2026.yaml").data).jenis
    (records / "nomor" / "2027.yaml").write_text(register_text(Register(format=FORMAT, tahun=2027, jenis=kinds)))
    assert "\nnomor: []\n" in (records / "nomor" / "2027.yaml").read_text("utf-8")
    git(top, "init", "-q", "-b", "main")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "arsip")
    code, out = cli("nomor", "ambil", "sk-penetapan", "--kasus", A, "--oleh", "agus-permana", "--tanggal",
                    "2027-01-05", "--root", str(records))  # fmt: skip
    assert code == 0, out
    number = out.split("nomor ", 1)[1].split(" ", 1)[0]
    code, out = cli("step", A, "3", "--nomor-surat", number, "--root", str(records))
    assert code == 0, out
    added = out.split("git add ", 1)[1].splitlines()[0].split()  # the clerk does as she is told
    assert str(records / "nomor" / "2027.yaml") in added, out
    git(top, "add", *added)
    git(top, "commit", "-q", "-m", "langkah 3")
    assert git(top, "status", "--porcelain").stdout == ""
    code, out = cli("nomor", "ambil", "surat-koordinasi", "--kasus", A, "--oleh", "agus-permana", "--tanggal",
                    "2027-01-06", "--root", str(records))  # fmt: skip
    assert code == 0, out
    number = out.split("nomor ", 1)[1].split(" ", 1)[0]
    code, out = cli("step", A, "5", "--nomor-surat", number, "--root", str(records), "--commit", "--no-sign")
    assert code == 0, out
    assert git(top, "status", "--porcelain").stdout == ""
    assert "records/nomor/2027.yaml" in git(top, "show", "--name-only", "--format=", "HEAD").stdout


def test_the_reservation_goes_in_the_commit_of_the_step_that_records_it(tmp_path: Path) -> None:
    """`nomor ambil` says to commit the register with the step's record, but `step
    --nomor-surat … --commit` committed the record alone: the clerk's check passed on the
    working copy while a clean clone (CI) held a number no register held. The register's
    change now goes in the step's commit, also with `--commit` alone."""
    top = tmp_path / "arsip"
    records = copy_archive(top, (A,))
    git(top, "init", "-q", "-b", "main")
    for key, value in (("user.name", "Petugas"), ("user.email", "petugas@uji.go.id")):
        git(top, "config", key, value)
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "arsip")
    for alone in (False, True):
        code, out = cli("nomor", "ambil", "sk-penetapan", "--kasus", A, "--oleh", "agus-permana", "--tanggal",
                        "2026-05-20", "--root", str(records), *(["--lagi"] if alone else []))  # fmt: skip
        assert code == 0, out
        number = out.split("nomor ", 1)[1].split(" ", 1)[0]
        step = ["step", A, "3", "--nomor-surat", number, "--root", str(records)]
        code, out = cli(*step) if alone else cli(*step, "--commit", "--no-sign")
        assert code == 0, out
        if alone:
            code, out = cli("step", A, "3", "--root", str(records), "--commit", "--no-sign")
            assert code == 0, out
        assert git(top, "status", "--porcelain").stdout == ""
        assert "records/nomor/2026.yaml" in git(top, "show", "--name-only", "--format=", "HEAD").stdout
    # A line of the register rewritten in the working copy (another case's date) is nobody's
    # step: the step's commit leaves the register to be looked at, and check says why.
    register = records / "nomor" / "2026.yaml"
    text = register.read_text("utf-8")
    other = next(line for line in text.splitlines() if "kasus: 2026-01-cilalawi-kf5h" in line)
    code, out = cli("nomor", "ambil", "sk-penetapan", "--kasus", A, "--oleh", "agus-permana", "--tanggal",
                    "2026-05-21", "--root", str(records), "--lagi")  # fmt: skip
    number = out.split("nomor ", 1)[1].split(" ", 1)[0]
    register.write_text(register.read_text("utf-8").replace(other, other.replace("2026-01-", "2026-02-")), "utf-8")
    code, out = cli("step", A, "3", "--nomor-surat", number, "--root", str(records), "--commit", "--no-sign")
    assert code == 0, out
    assert "records/nomor/2026.yaml" not in git(top, "show", "--name-only", "--format=", "HEAD").stdout
    assert git(top, "status", "--porcelain").stdout.strip() == "M records/nomor/2026.yaml"
    assert "nomor.rewritten_uncommitted" in cli("check", str(records), "--no-cache")[1]


def _take(records: Path, start: Any, i: int) -> None:
    from sop_kit.clerk.nomor import take_number
    from sop_kit.records.archive import open_archive

    archive = open_archive(records)
    start.wait()
    take_number(archive, "surat-koordinasi", date(2026, 12, 4), "budi-santoso", subject=f"Undangan rapat {i}")


def test_clerks_taking_numbers_at_the_same_moment_each_get_their_own(tmp_path: Path) -> None:
    """Six reservations at one moment (two terminals, clerks on a shared folder) once all read
    the same register: several were told 400.9/7 and the register kept one line of them."""
    records = copy_archive(tmp_path / "a", (A, B))
    context = multiprocessing.get_context("fork")
    start = context.Barrier(6)
    workers = [context.Process(target=_take, args=(records, start, i)) for i in range(6)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
        assert w.exitcode == 0
    register = load_file(records / "nomor" / "2026.yaml").data
    taken = [n for n in register["nomor"] if n.get("perihal", "").startswith("Undangan rapat")]
    assert sorted(n["perihal"] for n in taken) == [f"Undangan rapat {i}" for i in range(6)]
    assert len({n["nomor"] for n in taken}) == 6


WRITERS = {
    "nomor ambil": ["nomor", "ambil", "surat-koordinasi", "--perihal", "Rapat", "--oleh", "budi-santoso",
                    "--tanggal", "2026-12-04"],
    "nomor batal": ["nomor", "batal", "400.9/7/DSP3A/2026", "--alasan", "salah ketik"],
    "step": ["step", A, "2", "--catatan", "Data diverifikasi bersama desa."],
    "new": ["new", "--kecamatan", "Sukatani", "--desa", "Cilalawi", "--mulai", "2026-12-01", "--oleh",
            "dewi-lestari", "--sop", "61.1.D.049/I/2020", "--no-input"],
    "hentikan": ["hentikan", A, "ditutup", "--alasan", "Desa menolak", "--oleh", "agus-permana",
                 "--tanggal", "2026-06-01"],
    "staf ubah": ["staf", "ubah", "budi-santoso", "--email", "budi@purwakartakab.go.id"],
}  # fmt: skip


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_a_command_waits_for_one_writing_and_then_says_nothing_was_changed(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every command that writes records waits for another one writing, and after the wait
    says so and changes nothing; once the other is done it runs."""
    records = copy_archive(tmp_path / "a", (A, B))
    if command == "nomor batal":  # a number to void, reserved beforehand
        assert cli(*WRITERS["nomor ambil"], "--root", str(records))[0] == 0
    git(records.parent, "init", "-q")
    git(records.parent, "add", "-A")
    git(records.parent, "commit", "-qm", "arsip")
    # Another clerk's command, mid-write: the lock held (kept referenced: filelock lets go when collected).
    hold = "import sys, time, filelock; held = filelock.FileLock(sys.argv[1]); held.acquire(); print(1, flush=True)"
    hold += "; time.sleep(60)"
    lock = records.parent / ".git" / "sop-kit-tulis.lock"
    holder = subprocess.Popen([sys.executable, "-c", hold, str(lock)], stdout=subprocess.PIPE, text=True)
    args = [*WRITERS[command], "--root", str(records)]
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "1"
        monkeypatch.setattr(writelock, "WAIT_S", 0.3)
        code, out = cli(*args)
        assert code == 2 and "perintah sop-kit lain sedang menulis arsip ini" in out, out
        assert git(records.parent, "status", "--porcelain").stdout == ""
    finally:
        holder.kill()
        holder.wait()
    code, out = cli(*args)
    assert code == 0, out
    # The lock file is in the git folder: the clerk's `git add -A` never takes it.
    assert git(records.parent, "status", "--porcelain", "--untracked-files=all").stdout.strip()
    assert "sop-kit-tulis" not in git(records.parent, "status", "--porcelain", "--ignored").stdout


def test_a_number_dated_back_is_refused_when_taken_and_reported_when_written_by_hand(tmp_path: Path) -> None:
    """Letter numbers follow the order letters are signed. `nomor ambil --tanggal 2026-11-01`
    after a number dated 2026-12-04 once gave the next serial an earlier date (a back-dated
    letter, or a mistyped year) without a word; the check did not see it either."""
    records = copy_archive(tmp_path / "a", (A, B))
    register = records / "nomor" / "2026.yaml"
    take = [*WRITERS["nomor ambil"][:-2], "--root", str(records), "--tanggal"]  # the date last
    code, out = cli(*take, "2026-12-04")
    assert code == 0, out
    kept = register.read_bytes()
    code, out = cli(*take, "2026-11-01")
    assert code == 2 and "tanggal 2026-11-01 sebelum tanggal nomor 400.9/7/DSP3A/2026 (2026-12-04)" in out, out
    assert register.read_bytes() == kept
    # Written by hand all the same: the check names it at its line; voided, it stands corrected.
    line = '  - {urut: 8, jenis: surat-koordinasi, nomor: "400.9/8/DSP3A/2026", tanggal: 2026-11-01, '
    line += "oleh: budi-santoso}\n"
    register.write_text(kept.decode("utf-8") + line, "utf-8")
    code, out = check(records)
    at = f"nomor/2026.yaml:{len(kept.decode('utf-8').splitlines()) + 1}: peringatan[nomor.backdated]"
    assert at in out and "sebelum nomor 400.9/7/DSP3A/2026 (2026-12-04)" in out, out
    assert cli("nomor", "batal", "400.9/8/DSP3A/2026", "--alasan", "tanggal salah", "--root", str(records))[0] == 0
    assert "nomor.backdated" not in check(records)[1]
    # The mistyped date may be the later one: voided, the earlier date can be taken again.
    assert cli("nomor", "batal", "400.9/7/DSP3A/2026", "--alasan", "tahun salah ketik", "--root", str(records))[0] == 0
    code, out = cli(*take, "2026-11-01")
    assert code == 0 and "400.9/9/DSP3A/2026" in out, out


def test_two_kinds_of_one_series_take_the_same_serial_on_two_branches(tmp_path: Path) -> None:
    """A coordination letter on one laptop, a referral letter (another kind, the same series
    "surat-keluar") on another: each takes serial 7, written 400.9/7/… and 400.10/7/…. No number
    is the same, yet the agenda book holds two letters under one serial: check names both."""
    top = tmp_path / "arsip"
    records = copy_archive(top, (A, B))
    (top / ".gitattributes").write_text("records/nomor/*.yaml merge=union\n", "utf-8")
    git(top, "init", "-q", "-b", "main")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "arsip")
    taken = {
        "petugas-a": ("surat-koordinasi", "--kasus", A),
        "petugas-b": ("surat-rujukan", "--perihal", "Rujukan warga ke RSUD Bayu Asih"),
    }
    for branch, (kind, *whose) in taken.items():
        git(top, "checkout", "-q", "-b", branch, "main")
        code, out = cli("nomor", "ambil", kind, *whose, "--oleh", "agus-permana", "--tanggal", "2026-05-20",
                        "--root", str(records))  # fmt: skip
        assert code == 0, out
        git(top, "commit", "-q", "-am", f"nomor {kind}")
    git(top, "checkout", "-q", "main")
    git(top, "merge", "-q", "petugas-a")
    assert git(top, "merge", "-q", "--no-edit", "petugas-b", check=False).returncode == 0
    code, out = check(records)
    assert code == 1, out
    said = "galat[nomor.serial_twice]: nomor urut 7 deret surat-keluar dipakai dua surat: "
    assert f"{said}400.9/7/DSP3A/2026 dan 400.10/7/DSP3A/2026" in out, out
    assert f"{said}400.10/7/DSP3A/2026 dan 400.9/7/DSP3A/2026" in out
    assert "nomor.duplicate" not in out
    # Resolved as the hint says: the referral voided, taken again.
    code, out = cli("nomor", "batal", "400.10/7/DSP3A/2026", "--alasan", "nomor urut ganda", "--root", str(records))
    assert code == 0, out
    code, out = check(records)
    assert code == 0 and "nomor.serial_twice" not in out, out
