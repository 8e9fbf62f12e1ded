"""Who signed each commit, with git's own verdict.

The verdict of each commit is the one ``git log --format=%G?%GF`` (and ``git verify-commit``)
gives with an allowed-signers file made from every key the staff registry has ever listed:
``G`` a good signature by a listed key, ``U`` a good one by an unlisted key, ``B`` a bad one,
``N`` none (``E`` when git itself cannot read it), and the key's fingerprint for ``G``/``U``.
Which person and role a key stands for on a given date is decided afterwards, from the
registry as it was before that commit (see :mod:`sop_kit.trail.build`).

git runs one or two ``ssh-keygen`` processes per signed commit (about 10 ms). So the commit
objects are read in one ``git cat-file --batch`` and their SSH signatures checked in this
process (:mod:`sop_kit.trail.sshsig`, OpenSSL through ``cryptography``). Only two answers are
taken from it: ``N`` (no signature header) and ``G`` (a valid ``git`` signature by a listed
key, in the encodings OpenSSH writes). Every other commit — a bad signature, an unlisted key,
a key type or layout the module does not handle — is asked of git, as before: a commit is
never called good unless git would call it good, and a commit git cannot read is ``E``.
``tests/test_signatures.py`` compares both paths with ``git verify-commit`` on generated
commits of every kind.

A commit never changes, and neither does its verdict under the same allowed signers: each
verdict is cached (outside the archive) with the digest of the allowed-signers file, and a
re-run verifies only new commits. A registry that lists another key starts the cache anew.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import subprocess
import tempfile
import threading
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from ..core.cache import read_json, repo_file, write_json
from ..core.feedback import SILENT, Reporter
from ..records.sshkey import key_blob
from .gitlog import GIT
from .sshsig import Checker, Unsupported

# %G? values git documents: G good, U good but the key is not in allowed signers (still a
# valid signature by that key), B bad, X/Y expired, R revoked, E cannot be checked, N none.
GOOD = frozenset("GU")
BATCH = 250  # commits per git process
CACHE_FORMAT = 2
STEP = 512  # commits checked in process between two progress reports


@dataclass(frozen=True)
class Signature:
    status: str
    fingerprint: str | None = None

    @property
    def good(self) -> bool:
        return self.status in GOOD and bool(self.fingerprint)


UNSIGNED = Signature("N")


@dataclass(frozen=True)
class AllowedSigners:
    """The allowed-signers file given to git, and the key blobs it lists."""

    text: str
    blobs: frozenset[bytes]

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()


def allowed_set(keys: Mapping[str, Sequence[str]]) -> AllowedSigners:
    """One line per (principal, key), namespace ``git`` only.

    A registry entry that is no key at all (no base64, or a blob of another type than its
    name says) can never match a signature; it is left out, so that git and this process
    read the same file. (ssh-keygen skips a line it cannot read and goes on to the next.)"""
    lines, blobs = [], set()
    for principal, public_keys in sorted(keys.items()):
        for key in public_keys:
            found = key_blob(key)
            if found is not None:
                kind, blob = found
                lines.append(f'{principal} namespaces="git" {kind} {key.split()[1]}')
                blobs.add(blob)
    return AllowedSigners("\n".join(lines) + "\n", frozenset(blobs))


def allowed_signers(keys: Mapping[str, Sequence[str]]) -> str:
    """An allowed-signers file: one line per (principal, key)."""
    return allowed_set(keys).text


class SignatureCache:
    def __init__(self, repo: Path, cache_dir: Path | None):
        self.file = repo_file(cache_dir, "signatures", repo.resolve())
        found = read_json(self.file)
        ok = isinstance(found, dict) and found.get("format") == CACHE_FORMAT
        self.signers: str | None = found.get("signers") if ok else None
        entries = found.get("entries") if ok else None
        self.entries: dict[str, list[str | None]] = entries if isinstance(entries, dict) else {}
        self.dirty = False

    def use_signers(self, digest: str) -> None:
        """Verdicts hold for one allowed-signers file: another one starts afresh."""
        if digest != self.signers:
            self.signers, self.entries, self.dirty = digest, {}, True

    def get(self, sha: str) -> Signature | None:
        entry = self.entries.get(sha)
        return Signature(str(entry[0]), entry[1]) if entry else None

    def put(self, sha: str, sig: Signature) -> None:
        self.entries[sha] = [sig.status, sig.fingerprint]
        self.dirty = True

    def save(self) -> None:
        if self.dirty:
            write_json(self.file, {"format": CACHE_FORMAT, "signers": self.signers, "entries": self.entries})


def verify(
    repo: Path,
    shas: Sequence[str],
    keys: Mapping[str, Sequence[str]],
    cache: SignatureCache | None,
    jobs: int = 0,
    reporter: Reporter | None = None,
    *,
    in_process: bool = True,
    counts: Counter[str] | None = None,
) -> dict[str, Signature]:
    """The signature verdict of each commit, as git gives it.

    ``in_process=False`` asks git about every commit (the reference, and the benchmark's
    baseline); ``counts`` receives how many verdicts came from the cache, this process and git."""
    reporter = reporter or SILENT
    counts = counts if counts is not None else Counter()
    allowed = allowed_set(keys)
    if cache:
        cache.use_signers(allowed.digest)
    result: dict[str, Signature] = {}
    todo = []
    for sha in shas:
        hit = cache.get(sha) if cache else None
        if hit is None:
            todo.append(sha)
        else:
            result[sha] = hit
    counts["cached"] += len(result)
    if result:
        reporter.note("progress.signatures_cached", count=len(result))
    if todo:
        with reporter.task("signatures", len(todo)):
            ask = _in_process(repo, todo, allowed, result, reporter) if in_process else todo
            counts["in_process"] += len(todo) - len(ask)
            counts["git"] += len(ask)
            if ask:
                result.update(_git_verdicts(repo, ask, allowed.text, jobs, reporter))
        if cache:
            for sha in todo:
                if result[sha].status != "E":  # git could not read it this time: ask again next time
                    cache.put(sha, result[sha])
    if cache:
        cache.save()
    return result


def _in_process(
    repo: Path, shas: Sequence[str], allowed: AllowedSigners, result: dict[str, Signature], reporter: Reporter
) -> list[str]:
    """Settle what can be settled here (``N`` and ``G``); returns the commits git must judge."""
    checker = Checker(allowed.blobs)
    ask: list[str] = []
    settled = 0
    for sha, raw in read_commits(repo, shas):
        verdict = None
        if raw is not None:
            try:
                verdict = checker.commit(raw, b"gpgsig" if len(sha) == 40 else b"gpgsig-sha256")
            except Unsupported:
                ask.append(sha)  # not understood here
                continue
        if raw is not None and verdict is None:
            result[sha] = UNSIGNED
        elif verdict is not None and verdict.status == "G":
            result[sha] = Signature("G", verdict.fingerprint)
        else:
            ask.append(sha)  # a bad signature, an unlisted key, not a commit: git says
            continue
        settled += 1
        if settled % STEP == 0:
            reporter.advance(STEP)
    if settled % STEP:
        reporter.advance(settled % STEP)
    return ask


def read_commits(repo: Path, shas: Sequence[str]) -> Iterator[tuple[str, bytes | None]]:
    """Each commit's raw object, streamed from one ``git cat-file --batch``; None if it is no commit."""
    proc = subprocess.Popen(
        [*GIT, "-C", str(repo), "cat-file", "--batch"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert proc.stdin is not None and proc.stdout is not None
    stdin, out = proc.stdin, proc.stdout

    def feed() -> None:  # a thread writes while this one reads: no pipe fills up
        try:
            for start in range(0, len(shas), 1024):
                stdin.write("".join(f"{sha}\n" for sha in shas[start : start + 1024]).encode())
        except BrokenPipeError:
            pass
        finally:
            with contextlib.suppress(BrokenPipeError):
                stdin.close()

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        for sha in shas:
            head = out.readline().split()
            if len(head) != 3:  # "<sha> missing", or git has stopped
                yield sha, None
                continue
            body = out.read(int(head[2]))
            out.read(1)  # the newline after each object
            yield sha, body if head[1] == b"commit" and head[0].decode() == sha else None
    finally:
        out.close()
        writer.join()
        proc.wait()


def _git_verdicts(
    repo: Path, todo: Sequence[str], signers_text: str, jobs: int, reporter: Reporter
) -> dict[str, Signature]:
    """git's %G? and %GF of each commit, many git processes in parallel."""
    result: dict[str, Signature] = {}
    with tempfile.TemporaryDirectory(prefix="sop-kit-") as tmp:
        allowed = Path(tmp) / "allowed_signers"
        allowed.write_text(signers_text, "utf-8")
        workers = jobs or os.cpu_count() or 1
        # Short batches: a long-lived git process grows with every commit it verifies, and
        # each ssh-keygen it forks costs more (10.7 ms per commit at 250, 35-45 ms late
        # in a 26,000-commit batch, measured by the trail benchmark).
        chunks = [todo[i : i + BATCH] for i in range(0, len(todo), BATCH)]
        with ThreadPoolExecutor(min(workers, len(chunks))) as pool:  # each thread waits on its git
            batches = {pool.submit(_ask_git, repo, chunk, allowed): len(chunk) for chunk in chunks}
            for batch in as_completed(batches):  # in the order they finish: the count moves evenly
                result.update(batch.result())
                reporter.advance(batches[batch])
    return result


def _ask_git(repo: Path, shas: Sequence[str], signers: Path, tries: int = 3) -> dict[str, Signature]:
    proc = subprocess.run(
        [
            *GIT,
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
        check=False,
    )
    if proc.returncode != 0:
        # git dies on a signature it cannot classify ("bad/incompatible signature"), and now
        # and then on SIGPIPE when ssh-keygen gives up on a signature before reading the
        # payload (git 2.39 ignores SIGPIPE only around `-Y verify`). Split the batch until
        # the commit stands alone; one that still kills git cannot be checked.
        if len(shas) > 1:
            half = len(shas) // 2
            return {**_ask_git(repo, shas[:half], signers), **_ask_git(repo, shas[half:], signers)}
        return _ask_git(repo, shas, signers, tries - 1) if tries > 1 else {shas[0]: Signature("E")}
    found = {}
    for line in proc.stdout.splitlines():
        sha, status, fpr = [*line.split("\x1f"), "", ""][:3]
        found[sha] = Signature(status or "N", fpr or None)
    for sha in shas:
        found.setdefault(sha, Signature("E"))  # git said nothing about it: not good
    return found
