"""The clerks' few git operations: what a file was at the last commit, a commit of exactly the
files one command wrote, and the key git will sign it with."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from ..core.errors import ConfigError
from ..records.sshkey import key_blob
from ..trail.gitlog import GIT, git, run, top_level


def committed(path: Path) -> bytes | None:
    """The file as the last commit (HEAD) holds it; None outside git or when it holds none."""
    top = top_level(path.parent)
    if top is None:
        return None
    rel = os.path.relpath(path, top).replace(os.sep, "/")
    proc = subprocess.run([*GIT, "-C", str(top), "show", f"HEAD:{rel}"], capture_output=True, check=False)
    return proc.stdout if proc.returncode == 0 else None


def pending(folder: Path) -> dict[Path, str]:
    """Every file under ``folder`` that differs from the last commit: 'D' deleted, '?' new to
    git (ignored by a rule or not: :func:`commit` adds what it is given), 'M' otherwise
    (changed, staged or not). ``folder`` may be one file."""
    top = top_level(folder if folder.is_dir() else folder.parent)
    if top is None:
        return {}
    # Ignored files too, one by one even inside an ignored folder (traditional, with =all).
    args = ["status", "--porcelain=v1", "-z", "--no-renames", "--untracked-files=all", "--ignored=traditional"]
    out: dict[Path, str] = {}
    for entry in filter(None, git(top, *args, "--", str(folder)).split("\0")):
        state, rel = entry[:2], entry[3:]
        out[top / rel] = "?" if state in ("??", "!!") else "D" if "D" in state else "M"
    return out


def signing_key(folder: Path) -> str | None:
    """The public key line git signs commits here with, when its settings say which (gpg.format
    ssh; user.signingkey a key, or a key file with its .pub); None when that cannot be known
    here (OpenPGP, the agent's first key, a file that cannot be read)."""
    top = top_level(folder)
    if top is None or run(top, "config", "--get", "gpg.format").stdout.strip() != "ssh":
        return None
    value = run(top, "config", "--get", "user.signingkey").stdout.strip()
    if value.startswith("key::"):
        line = value[5:].strip()
    elif value.startswith(("ssh-", "ecdsa-", "sk-")):
        line = value  # git's older form of a literal key
    elif value:
        key = Path(value).expanduser()
        key = key if key.is_absolute() else top / key
        pub = key if key.suffix == ".pub" else key.with_name(key.name + ".pub")
        try:
            line = next(iter(pub.read_text("utf-8", errors="replace").splitlines()), "").strip()
        except OSError:
            return None
    else:
        return None
    return line if key_blob(line) is not None else None


def commit(folder: Path, paths: list[Path], message: str, sign: bool = True) -> str:
    """``git add`` and ``git commit [-S]`` of exactly these files (a removal included: the
    caller names only removed files git holds); the new commit's id."""
    top = top_level(folder)
    if top is None:
        raise ConfigError("record.no_git", str(folder))
    rels = [os.path.relpath(p, top) for p in paths]
    for args in (
        # -f: a file the record names is the archive's, whatever ignores it (a "*.pdf" in this
        # computer's own ignore file refused the scan, and the record went in without it).
        ["add", "-A", "-f", "--", *rels],
        ["commit", *(["-S"] if sign else []), "-q", "-m", message, "--", *rels],
    ):
        proc = run(top, *args)
        if proc.returncode != 0:
            reason = (proc.stderr.strip() or proc.stdout.strip())[:300]  # git says some on stdout only
            signing = sign and args[0] == "commit" and any(w in reason.lower() for w in ("sign", "gpg", "ssh"))
            code = "record.sign_failed" if signing else "record.git_failed"
            raise ConfigError(code, str(top), command=args[0], reason=reason, message=message)
    return run(top, "rev-parse", "HEAD").stdout.strip()
