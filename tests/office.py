"""An office as its people work it: an archive made by `sop-kit init`, staff added with
`sop-kit staf`, every record written by the sop-kit command, every commit signed by the
person acting, with real SSH keys and dates chosen by the test.

Nothing here writes a record by hand; git is called only where a clerk would call it
(committing what `sop-kit new` or `sop-kit staf` wrote, branching, merging).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from datetime import datetime
from pathlib import Path

from click.testing import CliRunner

from sop_kit.cli.main import main
from sop_kit.demo.sample import photo_jpeg, scan_pdf
from sop_kit.records.fieldtypes import WIB


def office_profile(folder: Path) -> list[str]:
    """`sop-kit init` options giving a complete office profile, its emblem a small PNG in ``folder``."""
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    emblem = folder / "lambang.png"
    Image.new("RGB", (40, 48), (22, 101, 52)).save(emblem)
    return ["--alamat", "Jalan Uji No. 1, Purwakarta", "--telepon", "(0264) 200 100", "--email", "dinas@uji.go.id",
            "--laman", "https://dinas.uji.go.id", "--lambang", str(emblem)]  # fmt: skip


class Office:
    def __init__(self, top: Path):
        self.top = top
        self.records = top / "records"
        self.keys = top.parent / f"{top.name}-keys"  # outside the repository
        self.keys.mkdir(parents=True, exist_ok=True)
        self.files = top.parent / f"{top.name}-berkas"  # scans and photos before they are attached
        self.files.mkdir(parents=True, exist_ok=True)
        self.when = datetime(2026, 1, 5, 8, 0, tzinfo=WIB)
        self.seed = 0
        self.env: dict[str, str] = {"SOP_KIT_LANG": "id", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(self.keys)}
        self.run("init", str(top), "--no-input", *office_profile(self.files))
        self.git("config", "user.name", "Kantor")
        self.git("config", "user.email", "kantor@contoh.go.id")

    # --- running things -------------------------------------------------------------------

    def signing(self, who: str | None, when: datetime | None = None) -> dict[str, str]:
        """The environment of a commit made by ``who`` (signed with their key) at ``when``."""
        stamp = (when or self.when).isoformat()
        env = {
            **self.env,
            "GIT_AUTHOR_NAME": who or "tanpa-nama",
            "GIT_AUTHOR_EMAIL": f"{who or 'x'}@contoh.go.id",
            "GIT_COMMITTER_NAME": who or "tanpa-nama",
            "GIT_COMMITTER_EMAIL": f"{who or 'x'}@contoh.go.id",
            "GIT_AUTHOR_DATE": stamp,
            "GIT_COMMITTER_DATE": stamp,
        }
        if who is not None:
            env |= {
                "GIT_CONFIG_COUNT": "2",
                "GIT_CONFIG_KEY_0": "gpg.format",
                "GIT_CONFIG_VALUE_0": "ssh",
                "GIT_CONFIG_KEY_1": "user.signingkey",
                "GIT_CONFIG_VALUE_1": f"{self.key(who)}.pub",
            }
        return env

    def run(self, *args: str, who: str | None = None, when: datetime | None = None, code: int | None = 0) -> str:
        """``sop-kit ARGS`` as ``who`` would type it; its output (stdout and stderr)."""
        result = CliRunner().invoke(main, list(args), env=self.signing(who, when))
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
        if code is not None:
            assert result.exit_code == code, f"sop-kit {' '.join(args)} -> {result.exit_code}\n{result.output}"
        return result.output

    def git(self, *args: str, who: str | None = None, when: datetime | None = None, check: bool = True) -> str:
        env = {**os.environ, **self.signing(who, when)}
        proc = subprocess.run(["git", *args], cwd=self.top, capture_output=True, text=True, env=env, check=False)
        if check:
            assert proc.returncode == 0, f"git {' '.join(args)}\n{proc.stdout}\n{proc.stderr}"
        return proc.stdout.strip()

    def commit(self, message: str, who: str | None, when: datetime | None = None) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", *(["-S"] if who else []), "-m", message, who=who, when=when)
        return self.git("rev-parse", "HEAD")

    # --- people ---------------------------------------------------------------------------

    def key(self, who: str) -> Path:
        private = self.keys / who
        if not private.exists():
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", who, "-f", str(private)], check=True)
        return private

    def hire(self, who: str, nama: str, nip: str, jabatan: str, mulai: str, *roles: str, admin: bool = False) -> str:
        flags = ["--admin-staf", "--admin-sop", "--admin-arsip"] if admin else []
        peran = [a for r in roles for a in ("--peran", r)]
        self.key(who)
        return self.run(
            "staf", "tambah", who, "--root", str(self.records), "--nama", nama, "--nip", nip, "--jabatan", jabatan,
            "--mulai", mulai, *peran, *flags, "--kunci", f"{self.key(who)}.pub", "--fiktif",
        )  # fmt: skip

    def pin_trust_root(self) -> None:
        """CI pins the registry's first version outside the repository."""
        self.env["SOP_KIT_TRUST_ROOT"] = hashlib.sha256((self.records / "staf.yaml").read_bytes()).hexdigest()

    # --- cases ----------------------------------------------------------------------------

    def new_case(self, kecamatan: str, desa: str, mulai: str, oleh: str) -> str:
        out = self.run(
            "new", "--root", str(self.records), "--kecamatan", kecamatan, "--desa", desa, "--mulai", mulai,
            "--oleh", oleh, "--no-input",
        )  # fmt: skip
        case_id = out.split("kasus ", 1)[1].split()[0] if "kasus " in out else ""
        folder = next(self.records.glob(f"kasus/*/{case_id}"), None)
        assert folder is not None, out
        return case_id

    def step(self, case: str, no: int, who: str, *args: str, code: int = 0, commit: bool = True) -> str:
        return self.run(
            "step", case, str(no), "--root", str(self.records), *args, *(["--commit"] if commit else []),
            who=who, code=code,
        )  # fmt: skip

    def scan(self, name: str, title: str) -> Path:
        self.seed += 1
        path = self.files / name
        scan_pdf(path, title, [f"{title} ({self.seed})", "Data fiktif untuk pengujian."], self.seed)
        return path

    def photo(self, name: str, taken: datetime, gps: tuple[float, float] = (-6.5569, 107.4431)) -> Path:
        self.seed += 1
        path = self.files / name
        photo_jpeg(path, taken, gps, "Pembinaan (data fiktif)", self.seed)
        return path
