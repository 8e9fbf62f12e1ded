"""The command line: exit codes, output formats, languages, errors without tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from sop_kit.cli.main import main

from .conftest import CORPUS, REPO, build_archive


def run(
    args: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch, env: dict[str, str] | None = None
) -> tuple[int, str]:
    monkeypatch.chdir(cwd)
    result = CliRunner().invoke(main, args, env=env)
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def test_clean_archive_exits_0(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_archive(tmp_path / "arsip")
    code, out = run(["check", "arsip", "--no-cache"], tmp_path, monkeypatch)
    assert code == 0
    assert out.endswith("Semua sesuai SOP.\n")


def test_errors_exit_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_archive(tmp_path / "arsip", CORPUS / "doc-missing-sk")
    code, _ = run(["check", "arsip", "--no-cache"], tmp_path, monkeypatch)
    assert code == 1


def test_warnings_fail_only_with_strict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_archive(tmp_path / "arsip", CORPUS / "time-over-standard")
    assert run(["check", "arsip", "--no-cache"], tmp_path, monkeypatch)[0] == 0
    assert run(["check", "arsip", "--no-cache", "--strict"], tmp_path, monkeypatch)[0] == 1


def test_info_notes_never_fail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_archive(tmp_path / "arsip", CORPUS / "time-flexible-over")
    assert run(["check", "arsip", "--no-cache", "--strict"], tmp_path, monkeypatch)[0] == 0


def test_json_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_archive(tmp_path / "arsip", CORPUS / "location-desa-typo")
    code, out = run(["check", "arsip", "--no-cache", "--format", "json", "--lang", "en"], tmp_path, monkeypatch)
    data = json.loads(out)
    assert code == 1
    assert data["counts"] == {"error": 1, "warning": 0, "info": 0}
    (finding,) = data["findings"]
    assert finding["file"] == "arsip/kasus/2026/2026-03-cibening-t3st/kasus.yaml"
    assert finding["line"] == 9
    assert finding["code"] == "location.desa"
    assert finding["hint"] == "did you mean: Cibening"


def test_github_annotations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_archive(tmp_path / "arsip", CORPUS / "time-over-standard")
    _, out = run(["check", "arsip", "--no-cache", "--format", "github"], tmp_path, monkeypatch)
    first = out.splitlines()[0]
    step_file = "arsip/kasus/2026/2026-03-cibening-t3st/langkah/01-pengumpulan-data.yaml"
    assert first.startswith(f"::warning file={step_file},line=7,title=time.over::")
    assert "melebihi standar 30 menit" in first


def test_language_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_archive(tmp_path / "arsip", CORPUS / "doc-missing-sk")
    _, out = run(["check", "arsip", "--no-cache"], tmp_path, monkeypatch, env={"SOP_KIT_LANG": "en"})
    assert "error[doc.missing]: step 3: no Surat Keputusan yet" in out
    _, out = run(["check", "arsip", "--no-cache", "--lang", "id"], tmp_path, monkeypatch, env={"SOP_KIT_LANG": "en"})
    assert "galat[doc.missing]: langkah 3: belum ada Surat Keputusan" in out


def test_not_an_archive_exits_2_without_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = run(["check", "tidak-ada"], tmp_path, monkeypatch)
    assert code == 2
    assert "tidak-ada: folder arsip tidak ditemukan" in out
    (tmp_path / "kosong").mkdir()
    code, out = run(["check", "kosong", "--lang", "en"], tmp_path, monkeypatch)
    assert code == 2
    assert "this is not a sop-kit archive" in out
    assert "Traceback" not in out


def test_bad_option_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_archive(tmp_path / "arsip")
    assert run(["check", "arsip", "--format", "xml"], tmp_path, monkeypatch)[0] == 2


def test_module_entry_point_and_installed_command(tmp_path: Path) -> None:
    build_archive(tmp_path / "arsip")
    env_cmds = [[sys.executable, "-m", "sop_kit"], [str(Path(sys.executable).parent / "sop-kit")]]
    for cmd in env_cmds:
        proc = subprocess.run([*cmd, "check", "arsip", "--no-cache"], cwd=tmp_path, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        assert "Semua sesuai SOP." in proc.stdout


def test_output_to_a_file_in_windows_code_page_ends_without_a_traceback(tmp_path: Path) -> None:
    """Windows writes redirected output in cp1252, which has no '→': `sop-kit sop diff A B >
    beda.txt` ended in a UnicodeEncodeError. A character the code page lacks becomes '?'."""
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "SOP_KIT_LANG": "id"}
    diff = ["sop", "diff", "61.1.D.049/I/2020", "CONTOH/61.1.D.050/2024", "--root", str(REPO / "records")]
    proc = subprocess.run([sys.executable, "-m", "sop_kit", *diff], capture_output=True, env=env)
    assert proc.returncode == 0 and b"Traceback" not in proc.stderr, proc.stderr.decode("cp1252")
    assert "SOP 61.1.D.049/I/2020 revisi 0 ? SOP CONTOH/61.1.D.050/2024 revisi 0" in proc.stdout.decode("cp1252")


def test_a_reader_that_goes_away_ends_the_command_quietly() -> None:
    """`sop-kit nomor daftar | head -1` printed "galat: ?: tidak dapat ditulis atau dibaca:
    Broken pipe" once head had read its line. The pipe's reading end is closed before the
    command writes, so every write fails, as it does after head exits."""
    read, write = os.pipe()
    os.close(read)
    command = ["sop", "diff", "61.1.D.049/I/2020", "CONTOH/61.1.D.050/2024", "--root", str(REPO / "records")]
    try:
        proc = subprocess.run([sys.executable, "-m", "sop_kit", *command], stdout=write, stderr=subprocess.PIPE)
    finally:
        os.close(write)
    assert proc.returncode == 1 and proc.stderr == b"", proc.stderr.decode()


def test_a_port_in_use_is_said_with_another_to_try(tmp_path: Path) -> None:
    """`sop-kit serve` on a port another program holds said "galat: ?: tidak dapat ditulis atau
    dibaca: Address already in use" and told the clerk to check a folder."""
    import socket

    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<p>situs</p>", "utf-8")
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        result = CliRunner().invoke(
            main, ["serve", str(tmp_path / "site"), "--port", str(port)], env={"SOP_KIT_LANG": ""}
        )
    assert result.exit_code == 2 and f"port {port} sudah dipakai program lain" in result.output, result.output
    assert f"--port {port + 1}" in result.output and "?" not in result.output.split("\n")[0]


def test_every_command_has_help() -> None:
    for name, command in main.commands.items():
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert command.help, name


def test_readme_lists_every_command() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    for name in main.commands:
        assert f"sop-kit {name}" in readme, name


def test_click_usage_errors_are_said_in_the_users_language() -> None:
    runner = CliRunner()
    cases = [
        (["trail"], "galat: 'CASE' wajib diisi", "error: 'CASE' is required"),
        (["check", "--bogus"], "galat: opsi --bogus tidak dikenal", "error: no such option --bogus"),
        (["chekc"], "galat: perintah 'chekc' tidak dikenal", "error: no such command 'chekc'"),
        (
            ["check", "--format", "xml"],
            "galat: nilai 'xml' untuk '--format' tidak sah",
            "error: invalid value 'xml' for '--format'",
        ),
        (["new", "--kecamatan"], "galat: opsi --kecamatan memerlukan nilai", "error: option --kecamatan needs a value"),
    ]
    for args, indonesian, english in cases:
        result = runner.invoke(main, args, env={"SOP_KIT_LANG": ""})
        assert result.exit_code == 2 and indonesian in result.output, (args, result.output)
        assert "Error:" not in result.output and "Traceback" not in result.output
        result = runner.invoke(main, args, env={"SOP_KIT_LANG": "en"})
        assert result.exit_code == 2 and english in result.output, (args, result.output)
    result = runner.invoke(main, ["trail", "--lang", "en"], env={"SOP_KIT_LANG": ""})
    assert "error: 'CASE' is required" in result.output and "Usage:" in result.output


def test_usage_errors_read_as_typed_by_a_hurried_clerk() -> None:
    """The usage line is labelled once, an option with nothing near is not given '-' as a
    suggestion, a mistyped command is told the near one, and ``--lang`` works before the
    command as well as after it."""
    runner = CliRunner()
    result = runner.invoke(main, ["build", "--bogus"], env={"SOP_KIT_LANG": ""}, prog_name="sop-kit")
    assert result.output.startswith("Penggunaan: sop-kit build [OPTIONS] [ROOT]\n"), result.output
    assert result.output.count("Penggunaan") == 1
    result = runner.invoke(main, ["-x"], env={"SOP_KIT_LANG": ""})
    assert result.exit_code == 2 and result.output.rstrip().endswith("galat: opsi -x tidak dikenal"), result.output
    result = runner.invoke(main, ["biuld"], env={"SOP_KIT_LANG": ""})
    assert "galat: perintah 'biuld' tidak dikenal (mirip: build)" in result.output, result.output
    result = runner.invoke(main, ["--lang", "en", "biuld"], env={"SOP_KIT_LANG": ""}, prog_name="sop-kit")
    assert result.output.startswith("Usage: sop-kit"), result.output
    assert "error: no such command 'biuld' (close: build)" in result.output
    result = runner.invoke(main, ["--lang", "en", "check", "--bogus"], env={"SOP_KIT_LANG": ""})
    assert "error: no such option --bogus" in result.output, result.output
    result = runner.invoke(main, ["--lang", "en", "check", "tidak-ada"], env={"SOP_KIT_LANG": ""})
    assert result.exit_code == 2 and "archive folder not found" in result.output, result.output


def test_a_bad_value_is_said_in_the_clerks_language(tmp_path: Path) -> None:
    """Click words a wrong choice or number in English; the clerk reads what is allowed."""
    runner = CliRunner()
    env = {"SOP_KIT_LANG": ""}
    said = {
        (
            "laporan",
            "bulanan",
            "2025-03",
            "--format",
            "doc",
        ): "nilai 'doc' untuk '--format' tidak sah: pilih salah satu: pdf, xlsx, json",
        ("check", "--jobs", "0"): "nilai '0' untuk '--jobs' / '-j' tidak sah: harus bilangan bulat ≥ 1",
        ("step", "X", "satu"): "nilai 'satu' untuk 'N' tidak sah: harus bilangan bulat ≥ 1",
        ("serve", "--port", "99999"): "nilai '99999' untuk '--port' tidak sah: harus bilangan bulat 0–65535",
        ("nomor", "daftar", "dua-ribu"): "nilai 'dua-ribu' untuk 'TAHUN' tidak sah: harus bilangan bulat",
        # click.Path said "Directory '…' is a file." in English.
        ("build", "--out", str(REPO / "README.md")): f"nilai '{REPO / 'README.md'}' untuk '--out' tidak sah: itu "
        "berkas, bukan folder",
        ("agenda", "--out", str(REPO)): f"nilai '{REPO}' untuk '--out' tidak sah: itu folder, bukan berkas",
    }
    for args, message in said.items():
        result = runner.invoke(main, list(args), env=env)
        assert result.exit_code == 2 and result.output.rstrip().endswith(f"galat: {message}"), result.output
    # A period alone says its kind; one it cannot be is said with the way to write it.
    for args, message in {
        ("laporan", "2026-13"): "galat: periode laporan bulanan '2026-13' tidak dikenal\n  tulis seperti 2025-03",
        ("laporan", "2026-3"): "galat: periode laporan '2026-3' tidak dikenal\n  tulis periodenya (2025-03 sebulan",
        ("laporan", "tahun", "2026"): "galat: jenis laporan 'tahun' tidak dikenal\n  pilih salah satu: bulanan, "
        "triwulan, tahunan",
    }.items():
        result = runner.invoke(main, [*args, "--root", str(REPO / "records")], env=env)
        assert result.exit_code == 2 and message in result.output, result.output
    result = runner.invoke(main, ["--lang", "en", "hentikan", "X", "dibatalkan"], env=env)
    assert "error: invalid value 'dibatalkan' for '{batal|ditutup}': choose one of: batal, ditutup" in result.output


def test_a_time_typed_without_quotes_is_told_to_be_quoted() -> None:
    """The hurried clerk's commonest slip: `--selesai 2026-03-12 10:30` hands 10:30 to the shell
    as an argument of its own. Click said only "unexpected extra argument: 10:30"."""
    runner = CliRunner()
    args = ["step", "X", "2", "--mulai", "2026-03-12", "08:00", "--selesai", "2026-03-12", "10.30"]
    result = runner.invoke(main, args, env={"SOP_KIT_LANG": ""})
    assert result.exit_code == 2, result.output
    assert result.output.rstrip().endswith(
        "galat: argumen berlebih: 08:00 10.30; jamnya terpisah dari tanggal? Tulis waktu dalam tanda kutip, "
        'mis. --selesai "2026-03-12 10:30"'
    ), result.output
    result = runner.invoke(main, ["--lang", "en", *args[:6]], env={"SOP_KIT_LANG": ""})
    assert "error: unexpected extra argument: 08:00; was the time split from its date?" in result.output
    result = runner.invoke(main, ["step", "X", "2", "lagi"], env={"SOP_KIT_LANG": ""})
    assert result.output.rstrip().endswith("galat: argumen berlebih: lagi"), result.output


def test_a_missing_archive_folder_says_where_it_looked_and_how_to_name_another(tmp_path: Path) -> None:
    """Run away from the repository, each command names the folder it looked for and the
    argument or option that names another: the demo's is --source, not ROOT."""
    runner = CliRunner()
    where = tmp_path / "records"
    cases = {
        ("check", str(where)): "sop-kit check FOLDER",
        ("status", "X", "--root", str(where)): "sop-kit status CASE --root FOLDER",
        ("demo", str(tmp_path / "demo"), "--source", str(where)): "sop-kit demo DIR --source FOLDER",
    }
    for args, how in cases.items():
        result = runner.invoke(main, list(args), env={"SOP_KIT_LANG": ""}, prog_name="sop-kit")
        assert result.exit_code == 2, result.output
        assert f"folder arsip tidak ditemukan (dicari: {where})" in result.output, result.output
        assert result.output.rstrip().endswith(f"sebutkan folder arsipnya: {how}"), result.output


def test_run_from_inside_the_archive_the_commands_find_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A clerk who went into a case folder to copy the photos is told 'archive not found' by
    every command, though git finds its repository from there: the default ``records`` is now
    looked for upwards too, and a folder named on the command line is kept."""
    archive = build_archive(tmp_path / "repo" / "records")
    case = next((archive / "kasus").glob("*/*"))
    missing = sorted((case / "lampiran").iterdir())[0]
    missing.unlink()  # a finding, whose file must be named so that it opens from where the clerk is
    runner = CliRunner()
    env = {"SOP_KIT_LANG": "id"}
    for where in (case / "langkah", archive / "kasus", tmp_path / "repo"):
        monkeypatch.chdir(where)
        status = runner.invoke(main, ["status", case.name, "--no-trail"], env=env)
        assert status.exit_code == 0 and f"Kasus {case.name}:" in status.output, (where, status.output)
        checked = runner.invoke(main, ["check", "--no-trail", "--no-cache", "--format", "json"], env=env)
        assert checked.exit_code == 1, (where, checked.output)
        files = {f["file"] for f in json.loads(checked.stdout)["findings"]}
        assert files and all((where / name).resolve().parent.parent == case for name in files), files
    monkeypatch.chdir(case)
    assert runner.invoke(main, ["status", ".", "--no-trail"], env=env).exit_code == 0
    named = runner.invoke(main, ["check", str(tmp_path / "lain")], env=env)
    assert named.exit_code == 2 and f"dicari: {tmp_path / 'lain'}" in named.output
    monkeypatch.chdir(tmp_path)  # no archive here nor above
    assert "folder arsip tidak ditemukan" in runner.invoke(main, ["check"], env=env).output
