"""`sop-kit staf tambah|ubah|akhiri`: the registry edited from the command line, round-trip."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from sop_kit.cli.main import main
from sop_kit.records.archive import open_archive

from .office import office_profile

KADIS = ["hendra-gunawan", "--nama", "Drs. Hendra Gunawan (fiktif)", "--nip", "19700314 199503 1 002",
         "--jabatan", "Kepala Dinas", "--mulai", "2021-01-04", "--admin-staf", "--admin-sop",
         "--admin-arsip"]  # fmt: skip


def sop_kit(*args: str, home: Path | None = None) -> tuple[int, str]:
    env = {"SOP_KIT_LANG": "id", **({"HOME": str(home)} if home else {})}
    result = CliRunner().invoke(main, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    code, out = sop_kit("init", str(tmp_path / "kantor"), "--no-input", *office_profile(tmp_path / "berkas"))
    assert code == 0, out
    return tmp_path / "kantor" / "records"


def key(tmp_path: Path, name: str) -> Path:
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(tmp_path / name)], check=True)
    return tmp_path / f"{name}.pub"


def test_add_change_and_end_keep_the_registry_valid_and_its_comments(archive: Path, tmp_path: Path) -> None:
    registry = archive / "staf.yaml"
    comments = [ln for ln in registry.read_text("utf-8").splitlines() if ln.startswith("#")]
    code, out = sop_kit("staf", "tambah", *KADIS, "--root", str(archive), "--kunci", str(key(tmp_path, "kadis")))
    assert code == 0, out
    assert "admin staf (admin_staf)" in out and "git commit -S" in out
    code, out = sop_kit("staf", "tambah", "agus-permana", "--root", str(archive), "--nama", "Agus Permana",
                        "--nip", "198506102010011015", "--jabatan", "Kasi PKK", "--peran", "kasi-pkk",
                        "--mulai", "2024-01-02")  # fmt: skip
    assert code == 0, out
    assert "Drs. Hendra Gunawan (fiktif)" in out  # who must sign the change to make it count
    # July: Agus leaves the Kasi post and becomes Kabid; his own key from ~/.ssh.
    home = tmp_path / "rumah-agus"
    (home / ".ssh").mkdir(parents=True)
    key(home / ".ssh", "id_ed25519")
    assert sop_kit("staf", "akhiri", "agus-permana", "--root", str(archive), "--sampai", "2026-06-30")[0] == 0
    code, out = sop_kit("staf", "ubah", "agus-permana", "--root", str(archive), "--jabatan", "Kepala Bidang",
                        "--peran", "kabid", "--mulai", "2026-07-01", "--kunci-ssh", home=home)  # fmt: skip
    assert code == 0, out
    text = registry.read_text("utf-8")
    assert [ln for ln in text.splitlines() if ln.startswith("#")] == comments  # every comment kept, in order
    assert 'nip: "19850610 201001 1 015"' in text  # written in its printed grouping, quoted
    opened = open_archive(archive)
    assert opened.findings == []
    agus = opened.staff["agus-permana"]
    from datetime import date

    assert agus.roles_on(date(2026, 6, 30)) == {"kasi-pkk"} and agus.roles_on(date(2026, 7, 1)) == {"kabid"}
    assert agus.kunci_ssh == [(home / ".ssh" / "id_ed25519.pub").read_text().strip()]


def test_bad_input_is_refused_and_the_registry_is_unchanged(archive: Path, tmp_path: Path) -> None:
    kadis = key(tmp_path, "kadis")
    assert sop_kit("staf", "tambah", *KADIS, "--kunci", str(kadis), "--root", str(archive))[0] == 0
    registry = archive / "staf.yaml"
    before = registry.read_bytes()
    private = key(tmp_path, "rahasia").with_suffix("")
    for args, expected in [
        (["tambah", "x-y", "--nama", "X", "--nip", "19701314 199503 1 002", "--jabatan", "J", "--mulai", "2024-01-01"],
         "staf.yaml:"),  # a NIP whose birth month is 13: located in the registry
        (["tambah", "x-y", "--nama", "X", "--nip", "19700314 199503 1 002", "--jabatan", "J", "--mulai", "2024-01-01"],
         "NIP 197003141995031002 sudah dipakai oleh 'hendra-gunawan'"),
        (["tambah", "hendra-gunawan", "--nama", "X", "--nip", "1", "--jabatan", "J", "--mulai", "2024-01-01"],
         "sudah ada"),
        (["tambah", "x-y", "--nama", "X", "--nip", "19900101 201501 1 003", "--jabatan", "J", "--peran", "kasi",
          "--mulai", "2024-01-01"], "peran 'kasi' tidak dikenal"),
        (["tambah", "x-y", "--nama", "X", "--nip", "19900101 201501 1 003"], "--jabatan dan --mulai"),
        (["tambah", "Budi Raharjo", "--nama", "Drs. Budi Raharjo, M.Si.", "--nip", "19900101 201501 1 003",
          "--jabatan", "J", "--mulai", "2024-01-01"], "id ditulis huruf kecil, angka dan tanda hubung\n  misalnya "
          "budi-raharjo (dari nama orangnya)"),  # the id as a clerk would type a name
        (["ubah", "hendra-gunawan", "--kunci", str(private)], "kunci PRIVAT"),
        (["ubah", "hendra-gunawan", "--kunci", str(tmp_path / "tidak-ada.pub")], "tidak ditemukan"),
        (["ubah", "budi", "--nama", "B"], "id yang ada: hendra-gunawan"),
        (["tambah", "x-y", "--nama", "X", "--nip", "19900101 201501 1 003", "--jabatan", "J", "--mulai", "2024-01-01",
          "--kunci", str(kadis)], "sudah terdaftar untuk 'hendra-gunawan'"),  # one key, one person
        (["akhiri", "hendra-gunawan", "--sampai", "2020-01-01"], "staf.yaml:"),  # ends before it began
        (["ubah", "hendra-gunawan", "--kunci", str(registry)], "bukan kunci publik SSH"),  # any text file
        (["ubah", "hendra-gunawan", "--cabut-kunci", str(key(tmp_path, "lain"))],
         "tidak terdaftar untuk 'hendra-gunawan'; tidak ada yang dicabut\n  kunci 'hendra-gunawan' yang terdaftar: "
         "SHA256:"),  # another key: the ones listed are named, to choose from
    ]:  # fmt: skip
        code, out = sop_kit("staf", *args, "--root", str(archive), home=tmp_path / "tanpa-kunci")
        assert code == 2 and expected in out and "Traceback" not in out, (args, out)
        assert registry.read_bytes() == before, args


def test_a_lost_laptops_key_is_revoked_by_file_or_by_fingerprint(archive: Path, tmp_path: Path) -> None:
    old, new, spare = key(tmp_path, "laptop-lama"), key(tmp_path, "laptop-baru"), key(tmp_path, "cadangan")
    args = ["--kunci", str(old), "--root", str(archive)]
    assert sop_kit("staf", "tambah", *KADIS, *args)[0] == 0
    for extra in (new, spare):
        assert sop_kit("staf", "ubah", "hendra-gunawan", "--kunci", str(extra), "--root", str(archive))[0] == 0
    printed = subprocess.run(["ssh-keygen", "-lf", str(spare)], capture_output=True, text=True, check=True).stdout
    code, out = sop_kit("staf", "ubah", "hendra-gunawan", "--cabut-kunci", str(old), "--cabut-kunci",
                        printed.split()[1], "--root", str(archive))  # fmt: skip
    assert code == 0 and "admin_staf" in out, out
    assert open_archive(archive).staff["hendra-gunawan"].kunci_ssh == [new.read_text().strip()]


def test_the_clerk_is_told_who_makes_a_registry_change_count(archive: Path) -> None:
    """Before the registry's first commit that commit is where trust starts (and no one is
    named as '-'); once committed, the administrators in office are named; with none, the clerk
    is told the change cannot count."""
    root = str(archive)
    clerk = ["--nama", "Siti Aminah", "--jabatan", "Pekerja Sosial", "--peran", "pelaksana", "--mulai", "2026-01-02"]
    code, out = sop_kit("staf", "tambah", "siti-aminah", "--root", root, "--nip", "198005172006042008", *clerk)
    assert code == 0, out
    assert "belum pernah di-commit" in out and "belum ada, tambahkan dengan --admin-staf" in out, out
    assert ": -." not in out
    git = ["git", "-C", root, "-c", "user.name=Uji", "-c", "user.email=uji@contoh.id", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "arsip awal"], check=True)
    code, out = sop_kit("staf", "tambah", "dewi-lestari", "--root", root, "--nip", "198305172006042011",
                        *clerk[2:], "--nama", "Dewi Lestari")  # fmt: skip
    assert code == 0, out
    assert "tidak mencantumkan admin staf" in out and "tidak akan berlaku" in out, out
    subprocess.run(["git", "-C", root, "checkout", "-q", "--", "staf.yaml"], check=True)
    code, out = sop_kit("staf", "tambah", *KADIS, "--root", root)
    assert code == 0 and "tidak mencantumkan admin staf" in out  # the registry in force still has none
    subprocess.run([*git, "commit", "-q", "-am", "kadis"], check=True)
    # A clerk who makes themself an administrator in the working copy is not named: only the
    # administrators of the committed registry may authorise a change.
    code, out = sop_kit("staf", "tambah", "rudi-hartono", "--root", root, "--nip", "198405172006041012",
                        *clerk[2:], "--nama", "Rudi Hartono", "--admin-staf")  # fmt: skip
    assert code == 0, out
    code, out = sop_kit("staf", "tambah", "dewi-lestari", "--root", root, "--nip", "198305172006042011",
                        *clerk[2:], "--nama", "Dewi Lestari")  # fmt: skip
    assert "tanda tangan admin staf (admin_staf): Drs. Hendra Gunawan (fiktif)." in out, out


def test_a_key_cut_short_or_listed_for_two_people_is_named_at_its_line(archive: Path, tmp_path: Path) -> None:
    """A registry edited by hand: a key pasted without its end verifies nothing, and a key
    listed for two people names no one. Both were silent; the check names them at their line."""
    kadis = key(tmp_path, "kadis").read_text().strip()
    assert sop_kit("staf", "tambah", *KADIS, "--root", str(archive))[0] == 0
    registry = archive / "staf.yaml"
    lines = registry.read_text("utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("nip:"))
    lines[at + 1 : at + 1] = ["    kunci_ssh:", f'      - "{kadis[:60]}"', f'      - "{kadis}"']
    ratna = ["  - id: ratna-sari", "    nama: Ratna Sari (fiktif)", '    nip: "19820101 200801 2 004"',
             "    kunci_ssh:", f'      - "{kadis}"', "    penugasan:", "      - jabatan: Kasubag Umum",
             "        mulai: 2020-01-01"]  # fmt: skip
    registry.write_text("\n".join([*lines, *ratna]) + "\n", "utf-8")
    code, out = sop_kit("check", str(archive), "--no-trail")
    assert code == 1, out
    cut = f"staf.yaml:{at + 3}: galat[staff.key_invalid]: kunci_ssh milik 'hendra-gunawan' ini bukan kunci publik"
    assert cut in out
    shared = f"staf.yaml:{len(lines) + 5}: galat[staff.key_shared]: kunci SHA256:"
    assert shared in out and "milik 'ratna-sari' juga terdaftar untuk 'hendra-gunawan'" in out


def test_the_last_administrators_post_cannot_end_before_a_successor_holds_its_rights(archive: Path) -> None:
    """The Kepala Dinas retiring, ended in the registry before the new one was entered: once
    committed, no one could have authorised any later change of staff, SOPs or settings."""
    registry = archive / "staf.yaml"
    assert sop_kit("staf", "tambah", *KADIS, "--root", str(archive))[0] == 0
    kept = registry.read_bytes()
    code, out = sop_kit("staf", "akhiri", "hendra-gunawan", "--root", str(archive), "--sampai", "2026-12-31")
    assert code == 2, out
    assert "tidak ada lagi jabatan berjalan yang memegang admin_arsip, admin_sop, admin_staf" in out
    assert "staf tambah ID" in out and registry.read_bytes() == kept
    # The successor first, with the rights from the day after; then the post ends.
    code, out = sop_kit("staf", "tambah", "rina-marlina", "--nama", "Dr. Rina Marlina (fiktif)", "--nip",
                        "19760211 200003 2 004", "--jabatan", "Kepala Dinas", "--mulai", "2027-01-01",
                        "--admin-staf", "--admin-sop", "--admin-arsip", "--root", str(archive))  # fmt: skip
    assert code == 0, out
    code, out = sop_kit("staf", "akhiri", "hendra-gunawan", "--root", str(archive), "--sampai", "2026-12-31")
    assert code == 0, out


def test_a_new_office_without_staff_is_told_to_add_them_first(archive: Path) -> None:
    """`sop-kit new` on a freshly made archive said "staf 'x' tidak ada di daftar staf (mirip: -)"."""
    new = ["new", "--kecamatan", "Campaka", "--desa", "Campakasari", "--mulai", "2026-03-02", "--no-input"]
    code, out = sop_kit(*new, "--oleh", "agus-permana", "--root", str(archive))
    assert code == 2 and "daftar staf masih kosong" in out and "sop-kit staf tambah" in out, out
    assert sop_kit("staf", "tambah", *KADIS, "--root", str(archive))[0] == 0
    code, out = sop_kit(*new, "--oleh", "xqzw", "--root", str(archive))
    assert code == 2 and "tidak ada id atau nama yang mirip" in out and "mirip: -" not in out, out
