"""A real git repository with real SSH keys, for approval-trail tests.

Each staff member gets an ed25519 key made by ssh-keygen; commits are signed by git itself
(gpg.format=ssh), with author name and dates chosen by the test.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

from .conftest import BASE_ID, CORPUS, REPO


class SignedRepo:
    def __init__(self, top: Path):
        self.top = top
        self.records = top / "records"
        self.keys = top.parent / f"{top.name}-keys"  # outside the repository
        self.keys.mkdir(parents=True, exist_ok=True)
        top.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, env: dict[str, str] | None = None) -> str:
        full_env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(self.keys), **(env or {})}
        proc = subprocess.run(["git", *args], cwd=self.top, capture_output=True, text=True, env=full_env, check=True)
        return proc.stdout.strip()

    def key(self, who: str) -> Path:
        private = self.keys / who
        if not private.exists():
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", who, "-f", str(private)], check=True)
        return private

    def public(self, who: str) -> str:
        return (self.keys / f"{self.key(who).name}.pub").read_text().strip()

    def commit(
        self,
        message: str,
        signer: str | None,
        author: str = "Staf",
        when: str = "2026-03-01T09:00:00+07:00",
        paths: tuple[str, ...] = (".",),
    ) -> str:
        self.git("add", "-A", *paths)
        env = {
            "GIT_AUTHOR_NAME": author,
            "GIT_AUTHOR_EMAIL": f"{author.split()[0].lower()}@contoh.id",
            "GIT_COMMITTER_NAME": author,
            "GIT_COMMITTER_EMAIL": f"{author.split()[0].lower()}@contoh.id",
            "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_DATE": when,
        }
        sign = (
            ["-c", "gpg.format=ssh", "-c", f"user.signingkey={self.key(signer)}.pub", "commit", "-S"]
            if signer
            else ["-c", "commit.gpgsign=false", "commit"]
        )
        self.git(*sign, "-q", "--allow-empty", "-m", message, env=env)
        return self.git("rev-parse", "HEAD")

    # --- an archive --------------------------------------------------------------------

    def staff_with_keys(self, people: tuple[str, ...]) -> str:
        text = (REPO / "records" / "staf.yaml").read_text()
        for who in people:
            marker = f"  - id: {who}\n"
            assert marker in text, who
            start = text.index(marker)
            nip_line = text.index("    nip:", start)
            eol = text.index("\n", nip_line)
            text = text[: eol + 1] + f'    kunci_ssh: ["{self.public(who)}"]\n' + text[eol + 1 :]
        return text

    def start_archive(
        self,
        people: tuple[str, ...],
        admin: str = "hendra-gunawan",
        pin: bool = True,
        policy: str = "wajib",
        settings: str = "",
    ) -> str:
        shutil.copytree(REPO / "records" / "sop", self.records / "sop")
        staff = self.staff_with_keys(people)
        (self.records / "staf.yaml").write_text(staff)
        (self.records / "kasus").mkdir()
        config = f"format: sop-kit/konfigurasi/1\ntanda_tangan: {policy}\n{settings}"
        if pin:
            config += f'akar_kepercayaan: "{hashlib.sha256(staff.encode()).hexdigest()}"\n'
        (self.top / "sop-kit.yaml").write_text(config)
        return self.commit("Arsip dimulai: SOP dan daftar staf", admin, "Hendra Gunawan", "2026-01-05T08:00:00+07:00")

    def case_dir(self) -> Path:
        return self.records / "kasus" / "2026" / BASE_ID

    def add_identity(self) -> None:
        case = self.case_dir()
        case.mkdir(parents=True)
        shutil.copy2(CORPUS / "base" / "kasus.yaml", case / "kasus.yaml")
        (case / "langkah").mkdir()

    def add_step(self, name: str, attachments: tuple[str, ...] = (), text: str | None = None) -> None:
        case = self.case_dir()
        (case / "langkah" / name).write_text(
            text if text is not None else (CORPUS / "base" / "langkah" / name).read_text()
        )
        for rel in attachments:
            (case / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(CORPUS / "base" / rel, case / rel)
