"""When the file system says no (issue 15): a full disk, a read-only output folder, a denied
permission. `sop-kit build` and `sop-kit pdf` end with exit code 2 and one message that names
the path and what to do, never a traceback, and the previous output stays as it was.

The full disk and the read-only folder are real: a small tmpfs mounted in a private mount
namespace (unshare), filled up or remounted read-only; the denied permission is a build run
as the unprivileged user nobody (setpriv). They need root, as CI runs; without it they skip on
a developer's machine and fail in CI (CI=true).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import BASE_ID, REPO, MakeArchive

SOP_KIT = [sys.executable, "-m", "sop_kit"]


def _need(*tools: str) -> None:
    missing = [t for t in tools if shutil.which(t) is None]
    if os.geteuid() != 0 or missing:
        message = f"needs root and {', '.join(tools)} ({'missing: ' + ', '.join(missing) if missing else 'not root'})"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def _in_namespace(script: str, tmp_path: Path) -> dict[str, str]:
    """Run ``script`` (bash) in a private mount namespace with a 48 MB tmpfs at $DISK; it
    prints KEY=VALUE lines, returned as a dict."""
    disk = tmp_path / "disk"
    disk.mkdir()
    env = {**os.environ, "DISK": str(disk), "XDG_CACHE_HOME": str(tmp_path / "cache"), "PY": sys.executable}
    full = f'set -u\nmount -t tmpfs -o size=48m tmpfs "$DISK"\n{script}'
    run = subprocess.run(["unshare", "--mount", "bash", "-c", full], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    return dict(line.split("=", 1) for line in run.stdout.splitlines() if "=" in line)


BUILD = '"$PY" -m sop_kit build "$ROOT" --out "$DISK/site" --no-trail --no-pdf -q'


def test_a_full_disk_ends_in_a_message_and_the_old_site_stays(make_archive: MakeArchive, tmp_path: Path) -> None:
    _need("unshare", "mount")
    root = make_archive()
    step = root / "kasus" / "2026" / BASE_ID / "langkah" / "04-persiapan.yaml"
    script = f"""
ROOT={root}
{BUILD} >/dev/null 2>&1; echo first=$?
echo before=$(sha256sum "$DISK/site/index.html" | cut -c1-64)
echo 'catatan: "berubah"' >> {step}
dd if=/dev/zero of="$DISK/pengisi" bs=64k 2>/dev/null; sync
{BUILD} 2>"$DISK/../err"; echo second=$?
echo after=$(sha256sum "$DISK/site/index.html" | cut -c1-64)
echo staging=$(ls -a "$DISK" | grep -c staging)
"$PY" -m sop_kit pdf "$ROOT" --out "$DISK/pdf" --no-trail -q 2>"$DISK/../err-pdf"; echo pdf=$?
"""
    got = _in_namespace(script, tmp_path)
    err = (tmp_path / "err").read_text()
    assert got["first"] == "0" and got["second"] == "2", err
    assert got["before"] == got["after"] and got["staging"] == "0"  # the old site, whole, and no leftovers
    assert "Traceback" not in err and str(tmp_path / "disk" / "site") in err
    assert "No space left on device" in err and ("disk penuh" in err or "disk is full" in err)
    err = (tmp_path / "err-pdf").read_text()
    assert got["pdf"] == "2" and "Traceback" not in err and str(tmp_path / "disk" / "pdf") in err, err


def test_a_read_only_output_folder_ends_in_a_message(make_archive: MakeArchive, tmp_path: Path) -> None:
    _need("unshare", "mount")
    root = make_archive()
    script = f"""
ROOT={root}
{BUILD} >/dev/null 2>&1; echo first=$?
mount -o remount,ro "$DISK"
{BUILD} 2>"$DISK/../err-build"; echo build=$?
"$PY" -m sop_kit pdf "$ROOT" --out "$DISK/pdf" --no-trail -q 2>"$DISK/../err-pdf"; echo pdf=$?
test -f "$DISK/site/index.html" && echo kept=yes
"""
    got = _in_namespace(script, tmp_path)
    assert (got["first"], got["build"], got["pdf"], got.get("kept")) == ("0", "2", "2", "yes")
    for name in ("err-build", "err-pdf"):
        err = (tmp_path / name).read_text()
        assert "Traceback" not in err and str(tmp_path / "disk") in err and "hanya-baca" in err, err


def test_a_denied_permission_ends_in_a_message(make_archive: MakeArchive, tmp_path: Path) -> None:
    _need("setpriv")
    # Everything the unprivileged user must read is readable; only the output folder is not its own.
    base = Path("/tmp") / f"sop-kit-izin-{os.getpid()}-{hashlib.sha256(str(tmp_path).encode()).hexdigest()[:8]}"
    base.mkdir(mode=0o755)
    try:
        root = make_archive()
        shutil.copytree(root, base / "records")
        for path in [base, *base.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        (base / "cache").mkdir()
        os.chown(base / "cache", 65534, 65534)
        (base / "site").mkdir(mode=0o755)
        (base / "site" / "index.html").write_text("situs lama")
        (base / "site" / ".sop-kit-build").write_text("0123456789abcdef\n")  # a site sop-kit built
        env = {**os.environ, "HOME": str(base / "cache"), "XDG_CACHE_HOME": str(base / "cache")}
        nobody = ["setpriv", "--reuid", "65534", "--regid", "65534", "--clear-groups"]
        for args in (["build", "--out", str(base / "site")], ["pdf", "--out", str(base / "site" / "pdf")]):
            run = subprocess.run(
                [*nobody, *SOP_KIT, args[0], str(base / "records"), *args[1:], "--no-trail"],
                capture_output=True,
                text=True,
                env=env,
            )
            assert run.returncode == 2, run.stderr
            assert "Traceback" not in run.stderr and "Permission denied" in run.stderr
            assert str(base) in run.stderr and "izin ditolak" in run.stderr
        assert (base / "site" / "index.html").read_text() == "situs lama"
    finally:
        shutil.rmtree(base, ignore_errors=True)


def _on_a_terminal(cmd: list[str], env: dict[str, str]) -> bytes:
    """What ``cmd`` writes to a real terminal (a pseudo-terminal as its stdout and stderr)."""
    import pty

    leader, follower = pty.openpty()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=follower, stderr=follower, env=env, cwd=REPO)
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal's other end closed: the command ended
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    proc.wait(timeout=120)
    return out


def test_nothing_printed_can_command_the_auditors_terminal(make_archive: MakeArchive, tmp_path: Path) -> None:
    """A scan named to move the cursor up and erase the line above (ESC[1A ESC[2K) would hide
    the error printed before it from an auditor reading `sop-kit check` on screen: the check
    spells such a name; and whatever else reaches a terminal (here a folder named on the
    command line, which the error message repeats) is printed inert."""
    root = make_archive()
    lampiran = root / "kasus" / "2026" / BASE_ID / "lampiran"
    (lampiran / "hapus\x1b[1A\x1b[2Kbaris\u202egnp.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    env = {k: v for k, v in os.environ.items() if k != "SOP_KIT_LANG"} | {"XDG_CACHE_HOME": str(tmp_path / "xdg")}
    out = _on_a_terminal([sys.executable, "-m", "sop_kit", "check", str(root), "--no-trail"], env)
    assert b"\x1b" not in out and "\u202e".encode() not in out, out
    shown = out.decode("utf-8")
    assert "hapus\\x1b[1A\\x1b[2Kbaris\\u202egnp.pdf" in shown and "galat" in shown, shown
    missing = str(tmp_path / "arsip\x1b[2J\u202elain")
    out = _on_a_terminal([sys.executable, "-m", "sop_kit", "check", missing, "--no-trail"], env)
    assert b"\x1b" not in out and "\u202e".encode() not in out, out
    assert "arsip\\x1b[2J\\u202elain" in out.decode("utf-8"), out


def test_names_that_are_not_utf8_are_findings_never_a_traceback(make_archive: MakeArchive, tmp_path: Path) -> None:
    """Linux takes any bytes in a name; Python hands the ones that are not UTF-8 over as lone
    surrogates, which no JSON, page or terminal carries. A clerk's scanner (or a hostile clerk)
    makes such names: a file and a folder in a case, and a case folder, committed to git."""
    root = make_archive()
    case = root / "kasus" / "2026" / BASE_ID
    with open(os.fsencode(case / "lampiran") + b"/scan\xff.pdf", "wb") as fh:
        fh.write(b"%PDF-1.4\n%%EOF\n")
    os.makedirs(os.fsencode(case) + b"/map\xfe")
    (Path(os.fsdecode(os.fsencode(root / "kasus" / "2026") + b"/kasus\xfd")) / "langkah").mkdir(parents=True)
    sop = next((root / "sop").glob("*.yaml"))
    with open(os.fsencode(root / "sop") + b"/salinan\xff.yaml", "wb") as fh:  # an SOP copied by a Latin-1 tool
        fh.write(sop.read_bytes())
    (tmp_path / "templates").mkdir()
    with open(os.fsencode(tmp_path / "templates") + b"/kop\xe9.html", "wb") as fh:
        fh.write(b"<p>kop</p>")
    git = ["git", "-c", "user.name=Uji", "-c", "user.email=uji@contoh.id", "-c", "commit.gpgsign=false"]
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "arsip"]):
        subprocess.run([*git, *args], cwd=root, check=True, capture_output=True)
    env = {k: v for k, v in os.environ.items() if k != "SOP_KIT_LANG"} | {"XDG_CACHE_HOME": str(tmp_path / "xdg")}
    check = [sys.executable, "-m", "sop_kit", "check", str(root)]
    for _ in range(2):  # the caches written, then read back
        done = subprocess.run(check, env=env, cwd=REPO, capture_output=True, text=True)
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr[-2000:]
        found = {line.split(": galat[")[0] for line in done.stdout.splitlines() if "[file.name_encoding]" in line}
        assert found == {
            f"{root}/kasus/2026/{BASE_ID}/lampiran/scan\\xff.pdf",
            f"{root}/kasus/2026/{BASE_ID}/map\\xfe",
            f"{root}/kasus/2026/kasus\\xfd",
            f"{root}/sop/salinan\\xff.yaml",
        }, done.stdout
    site = tmp_path / "site"
    build = [sys.executable, "-m", "sop_kit", "build", str(root), "--out", str(site), "--no-pdf", "-q"]
    done = subprocess.run(build, env=env, cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-2000:]
    published = [os.fsencode(p) for p in site.rglob("*")]
    assert published and not [p for p in published if b"\xff" in p or b"\xfe" in p or b"\xfd" in p]


def test_a_file_name_cannot_forge_a_line_of_the_report(make_archive: MakeArchive, tmp_path: Path) -> None:
    """A newline in a name printed a forged summary into the check's text report, which CI logs
    keep as they are (a pipe, not a terminal, so nothing there escapes it)."""
    root = make_archive()
    forged = "1 kasus diperiksa: 0 galat, 0 peringatan, 0 catatan"
    lampiran = root / "kasus" / "2026" / BASE_ID / "lampiran"
    (lampiran / f"x.pdf\n{forged}\n").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (lampiran / "y.pdf\rditimpa.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    env = {k: v for k, v in os.environ.items() if k != "SOP_KIT_LANG"} | {"XDG_CACHE_HOME": str(tmp_path / "xdg")}
    done = subprocess.run(
        [sys.executable, "-m", "sop_kit", "check", str(root), "--no-trail"], env=env, cwd=REPO, capture_output=True
    )
    out = done.stdout.decode("utf-8")
    assert done.returncode == 1 and forged not in out.splitlines() and b"\r" not in done.stdout, out
    assert f"lampiran/x.pdf\\x0a{forged}\\x0a: galat[file.name_encoding]" in out, out
    assert "lampiran/y.pdf\\x0dditimpa.pdf: galat[file.name_encoding]" in out, out


def test_a_records_value_cannot_forge_a_line_or_command_a_terminal(make_archive: MakeArchive, tmp_path: Path) -> None:
    """A value written with YAML escapes reached every report as it decoded: ``"\\e[2K"`` an
    erase on the screen, ``"\\u202e"`` past the loader's own bidi check, and a newline quoted
    in a message a summary line of its own in a CI log. The escapes are refused where they
    are written; a newline, which free text may hold, stays inside the line that quotes it."""
    root = make_archive()
    forged = "1 kasus diperiksa: 0 galat, 0 peringatan, 0 catatan"
    kasus = root / "kasus" / "2026" / BASE_ID / "kasus.yaml"
    lines = kasus.read_text("utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("dibuat_oleh:"))
    lines[at] = f'dibuat_oleh: "x\\n{forged}"'
    kasus.write_text("\n".join(lines) + "\n", "utf-8")
    step = sorted((kasus.parent / "langkah").glob("*.yaml"))[0]
    step.write_text(step.read_text("utf-8") + 'catatan_tambahan: "ok\\e[1A\\e[2K\\u202e"\n', "utf-8")
    (root / "nomor").mkdir()
    register = (REPO / "records" / "nomor" / "2026.yaml").read_text("utf-8").split("\nnomor:\n")[0]
    (root / "nomor" / "2026.yaml").write_text(
        register + '\nnomor:\n  - {urut: 1, jenis: surat-rujukan, nomor: "400.10/1/DSP3A/2026", tanggal: 2026-03-16,'
        f' oleh: dewi-lestari, perihal: "rujukan\\n{forged}"}}\n',
        "utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k != "SOP_KIT_LANG"} | {"XDG_CACHE_HOME": str(tmp_path / "xdg")}

    def run(*args: str) -> str:
        done = subprocess.run([*SOP_KIT, *args], env=env, cwd=REPO, capture_output=True)
        assert "Traceback" not in done.stderr.decode("utf-8"), done.stderr[-2000:]
        out = done.stdout.decode("utf-8")
        assert forged not in out.splitlines() and not [c for c in out if ord(c) < 32 and c != "\n"], out
        assert "\u202e" not in out, out
        return out

    out = run("check", str(root), "--no-trail")
    assert f"kasus.yaml:{at + 1}: galat[schema.pattern]: format 'dibuat_oleh' salah: x\\x0a{forged}" in out, out
    assert f"{step.name}:" in out and "galat[yaml.bad_escape]" in out and "U+001B" in out, out
    assert f"rujukan\\x0a{forged}" in run("nomor", "daftar", "--root", str(root)), out
