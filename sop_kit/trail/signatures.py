"""Who signed each commit, as git itself verifies it.

git checks an SSH signature with ``ssh-keygen`` against an allowed-signers file; we give it
one generated from every key the staff registry has ever listed, and read ``%G?`` (the
verdict), ``%GF`` (the key's fingerprint) and ``%GS`` (the principal). Which person and role
a key stands for on a given date is decided afterwards, from the registry as it was before
that commit (see :mod:`sop_kit.trail.build`); nothing here is a home-made crypto check.

A commit never changes, so each verdict is cached (outside the archive) and a re-run asks
git only about new commits.
"""

from __future__ import annotations

import base64
import hashlib
import os
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from ..core.cache import cache_base, read_json, write_json
from ..core.feedback import SILENT, Reporter

# %G? values git documents: G good, U good but the key is not in allowed signers (still a
# valid signature by that key), B bad, X/Y expired, R revoked, E cannot be checked, N none.
GOOD = frozenset("GU")
BATCH = 250  # commits per git process


@dataclass(frozen=True)
class Signature:
    status: str
    fingerprint: str | None = None

    @property
    def good(self) -> bool:
        return self.status in GOOD and bool(self.fingerprint)


UNSIGNED = Signature("N")


def fingerprint(public_key: str) -> str | None:
    """``SHA256:…`` of an OpenSSH public key line, as ssh-keygen and git print it."""
    parts = public_key.split()
    if len(parts) < 2:
        return None
    try:
        blob = base64.b64decode(parts[1], validate=True)
    except ValueError:
        return None
    return "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")


def allowed_signers(keys: Mapping[str, Sequence[str]]) -> str:
    """An allowed-signers file: one line per (principal, key)."""
    lines = []
    for principal, public_keys in sorted(keys.items()):
        for key in public_keys:
            kind_and_blob = " ".join(key.split()[:2])
            lines.append(f'{principal} namespaces="git" {kind_and_blob}')
    return "\n".join(lines) + "\n"


class SignatureCache:
    def __init__(self, repo: Path, cache_dir: Path | None):
        key = hashlib.sha256(str(repo.resolve()).encode()).hexdigest()[:16]
        self.file = cache_base(cache_dir) / f"signatures-{key}.json"
        found = read_json(self.file)
        self.entries: dict[str, list[str | None]] = found if isinstance(found, dict) else {}
        self.dirty = False

    def get(self, sha: str) -> Signature | None:
        entry = self.entries.get(sha)
        return Signature(str(entry[0]), entry[1]) if entry else None

    def put(self, sha: str, sig: Signature) -> None:
        self.entries[sha] = [sig.status, sig.fingerprint]
        self.dirty = True

    def save(self) -> None:
        if self.dirty:
            write_json(self.file, self.entries)


def verify(
    repo: Path,
    shas: Sequence[str],
    keys: Mapping[str, Sequence[str]],
    cache: SignatureCache | None,
    jobs: int = 0,
    reporter: Reporter | None = None,
) -> dict[str, Signature]:
    """The signature verdict of each commit; uncached ones are asked of git in parallel."""
    reporter = reporter or SILENT
    result: dict[str, Signature] = {}
    todo = []
    for sha in shas:
        hit = cache.get(sha) if cache else None
        if hit is None:
            todo.append(sha)
        else:
            result[sha] = hit
    if result:
        reporter.note("progress.signatures_cached", count=len(result))
    if todo:
        with tempfile.TemporaryDirectory(prefix="sop-kit-") as tmp:
            signers = Path(tmp) / "allowed_signers"
            signers.write_text(allowed_signers(keys), "utf-8")
            workers = jobs or os.cpu_count() or 1
            # Short batches: a long-lived git process grows with every commit it verifies, and
            # each ssh-keygen it forks costs more (10.7 ms per commit at 250, 35-45 ms late
            # in a 26,000-commit batch, measured by the trail benchmark).
            chunks = [todo[i : i + BATCH] for i in range(0, len(todo), BATCH)]
            with (
                ThreadPoolExecutor(min(workers, len(chunks))) as pool,  # each thread waits on its git
                reporter.task("signatures", len(todo)),
            ):
                batches = {pool.submit(_ask_git, repo, chunk, signers): len(chunk) for chunk in chunks}
                for batch in as_completed(batches):  # in the order they finish: the count moves evenly
                    result.update(batch.result())
                    reporter.advance(batches[batch])
        if cache:
            for sha in todo:
                cache.put(sha, result[sha])
            cache.save()
    return result


def _ask_git(repo: Path, shas: Sequence[str], signers: Path) -> dict[str, Signature]:
    proc = subprocess.run(
        [
            "git",
            "-C",
            str(repo),
            "-c",
            f"gpg.ssh.allowedSignersFile={signers}",
            "log",
            "--no-walk=unsorted",
            "--stdin",
            "--format=%H%x1f%G?%x1f%GF",
        ],
        input="\n".join(shas) + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    found = {}
    for line in proc.stdout.splitlines():
        sha, status, fpr = [*line.split("\x1f"), "", ""][:3]
        found[sha] = Signature(status or "N", fpr or None)
    return found
