"""The archive's git history, read in one pass.

One ``git log --raw`` over the archive gives every commit that touched it, oldest first,
with the blob id of every file version it wrote; one ``git cat-file --batch`` process then
serves any of those versions. No per-file or per-case queries.

A merge commit lists what it made itself: the files whose merged version differs from every
parent's (git's combined diff), so a change slipped into a merge is seen like any other,
while what a parent brought in was seen in that parent's own commits.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from ..core.errors import ConfigError
from ..records.fieldtypes import WIB

_FIELDS = "%H%x1f%P%x1f%an%x1f%ae%x1f%cn%x1f%ce%x1f%ct%x1f%cI"


# Every read of history ignores refs/replace: a replacement object (which a mirror clone
# fetches, and anyone may push) would let git show other content under an approved commit's
# id, with its signature still valid.
GIT = ("git", "--no-replace-objects")


class Change(NamedTuple):  # a tuple: 200,000 of them are made at each read of a 10,000-case history
    status: str  # A, M, D, T
    path: str  # relative to the repository top
    blob: str  # the new version's blob id; zeros when deleted
    before: tuple[str, ...] = ()  # the version in each parent (zeros where it did not exist)


@dataclass
class Commit:
    sha: str
    parents: tuple[str, ...]
    author: str
    author_email: str
    committer: str
    committer_email: str
    when: datetime  # committer date: when the change entered this history
    changes: list[Change] = field(default_factory=list)


def run(repo: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """``git ARGS`` in ``repo`` as sop-kit always runs it (:data:`GIT`); never raises."""
    return subprocess.run(
        [*GIT, "-C", str(repo), *args],
        input=stdin, capture_output=True, text=True, encoding="utf-8", errors="surrogateescape", check=False,
    )  # fmt: skip


def git(repo: Path, *args: str, stdin: str | None = None) -> str:
    proc = run(repo, *args, stdin=stdin)
    if proc.returncode != 0:
        raise ConfigError("git.failed", str(repo), command=" ".join(args[:3]), reason=proc.stderr.strip()[:300])
    return proc.stdout


def top_level(path: Path) -> Path | None:
    """The git work tree holding ``path``, or None if it is not in one."""
    proc = run(path, "rev-parse", "--show-toplevel")
    return Path(proc.stdout.strip()) if proc.returncode == 0 else None


def records_prefix(root: Path, top: Path) -> str:
    """The archive folder ``root`` as a path inside the repository at ``top``, with a trailing
    slash ("" when it is the top), as history names the files under it."""
    prefix = os.path.relpath(root, top).replace(os.sep, "/")
    return "" if prefix == "." else prefix + "/"


def converts_records(repo: Path, records: str) -> bool:
    """Whether git here changes the line endings of the archive's files on checkout or commit:
    a case's attachment then fails its recorded sha256 on one computer and not another, and a
    step record is not the bytes its approval signed (Git for Windows installs with
    core.autocrlf=true; a CSV and a YAML file look like text). Attributes go by path, not
    content, so sample paths stand for them all; :func:`sop_kit.clerk.init` writes ``-text``."""
    samples = [
        f"{records}kasus/2000/contoh/lampiran/contoh.csv",
        f"{records}kasus/2000/contoh/lampiran/contoh.pdf",
        f"{records}kasus/2000/contoh/langkah/01-contoh.yaml",
        f"{records}staf.yaml",
    ]
    proc = run(repo, "check-attr", "-z", "text", "eol", "--", *samples)
    if proc.returncode != 0:
        return False
    fields = proc.stdout.split("\0")
    values: dict[tuple[str, str], str] = {
        (path, attr): value for path, attr, value in zip(fields[0::3], fields[1::3], fields[2::3], strict=False)
    }
    autocrlf = run(repo, "config", "--get", "core.autocrlf").stdout.strip().lower()
    for path in samples:
        text, eol = values.get((path, "text"), "unspecified"), values.get((path, "eol"), "unspecified")
        if text == "unset":
            continue  # stored and checked out byte for byte
        if text != "unspecified" or eol != "unspecified" or autocrlf in ("true", "input"):
            return True
    return False


def is_shallow(repo: Path) -> bool:
    """A clone with part of its history cut off (``--depth``): its oldest commits hold every
    file as if added there, so no approval in it can be read."""
    return run(repo, "rev-parse", "--is-shallow-repository").stdout.strip() == "true"


def head_commit(repo: Path) -> str | None:
    return run(repo, "rev-parse", "-q", "--verify", "HEAD").stdout.strip() or None


def commit_date(repo: Path, sha: str) -> datetime | None:
    """The date ``sha``'s committer wrote (what ``git log`` shows)."""
    out = run(repo, "show", "-s", "--format=%cI", sha).stdout.strip()
    try:
        return datetime.fromisoformat(out)
    except ValueError:
        return None


def current_branch(repo: Path) -> str:
    """The checked-out branch, or HEAD when detached."""
    return run(repo, "symbolic-ref", "-q", "--short", "HEAD").stdout.strip() or "HEAD"


def read_history(repo: Path, paths: Sequence[str], rev: str = "HEAD", since: str | None = None) -> list[Commit]:
    """Every commit reachable from ``rev`` that touched ``paths``, parents before children;
    with ``since``, only those not reachable from that commit."""
    if run(repo, "rev-parse", "-q", "--verify", rev).returncode:
        return []  # a repository with no commit yet has no history
    out = git(
        repo,
        "log",
        rev,
        *([f"^{since}"] if since else []),
        "--reverse",
        "--topo-order",
        "--full-history",
        "--parents",
        "--no-renames",
        "--raw",
        "--diff-merges=combined",
        "--no-abbrev",
        "-z",
        f"--format=%x1e{_FIELDS}",
        "--",
        *paths,
    )
    commits = []
    for record in out.split("\x1e")[1:]:
        head, _, raw = record.partition("\0")
        sha, parents, an, ae, cn, ce, ct, ci = head.strip("\n").split("\x1f")
        when = datetime.fromisoformat(ci) if ci else datetime.fromtimestamp(int(ct), WIB)
        commit = Commit(sha, tuple(parents.split()), an, ae, cn, ce, when)
        commit.changes = list(_raw_changes(raw))
        commits.append(commit)
    return commits


def uncommitted(repo: Path, under: Path) -> set[str]:
    """Paths below ``under`` (repository paths) whose working-tree or staged content differs
    from HEAD. ``git status`` compares by the index's stat data (0.12 s for 77,000 files; 0.5 s
    when it also looks for untracked files, so it does not); without optional locks, so a
    clerk's ``git commit`` at the same moment never meets our ``index.lock``. A rename staged
    with ``git mv`` is its source removed and its target added: the source, an approved case
    folder renamed to another id, is as gone from here as a deleted one."""
    args = ["--no-optional-locks", "status", "--porcelain=v1", "-z", "--no-renames", "--untracked-files=no"]
    proc = run(repo, *args, "--", str(under))
    entries = proc.stdout.split("\0") if proc.returncode == 0 else []
    return {entry[3:] for entry in entries if len(entry) >= 4}


_FLAGGED = re.compile(rb"\0[a-zS] ([^\0]+)")  # ls-files -v: lower case assume-unchanged, S skip-worktree


def index_listing(repo: Path, under: Path) -> bytes:
    """``git ls-files -v -z`` below ``under``: every file git tracks, each after its tag (78 ms at
    143,000 files, 10,000 cases), read by :func:`hidden_changes` and :func:`tracked_paths`."""
    return subprocess.run([*GIT, "-C", str(repo), "ls-files", "-v", "-z", "--", str(under)], capture_output=True).stdout


def tracked_paths(listed: bytes) -> set[str]:
    """Every path in ``listed`` (:func:`index_listing`), its tag left out (60 ms at 143,000 files)."""
    return {entry[2:] for entry in listed.decode("utf-8", "surrogateescape").split("\0") if entry}


def ignored_by(repo: Path, paths: list[str]) -> dict[str, str]:
    """Each of ``paths`` git ignores, with the rule that does (``'pattern' (source:line)``)."""
    if not paths:
        return {}
    proc = subprocess.run(
        [*GIT, "-C", str(repo), "check-ignore", "-v", "-z", "--no-index", "--stdin"],
        input="\0".join(paths).encode("utf-8", "surrogateescape") + b"\0",
        capture_output=True,
    )
    fields = proc.stdout.decode("utf-8", "surrogateescape").split("\0")
    rules = {}
    for i in range(0, len(fields) - 3, 4):
        source = fields[i]
        # A rule of this computer (core.excludesFile) by its setting: its path names the clerk's home.
        shown = f"core.excludesFile ({os.path.basename(source)})" if os.path.isabs(source) else source
        rules[fields[i + 3]] = f"'{fields[i + 2]}' ({shown}:{fields[i + 1]})"
    return rules


def hidden_changes(repo: Path, listed: bytes) -> set[str]:
    """Files git status is told not to look at (``update-index --assume-unchanged`` or
    ``--skip-worktree``, a sparse checkout) that differ from HEAD or are missing: else an
    approved record edited after such a command, or a case folder left out of the checkout,
    would read as committed (:func:`uncommitted` cannot see them). ``ls-files -v`` marks them
    in ``listed`` (:func:`index_listing`)."""
    # Bytes and one regular expression (no alternation: 20 times slower): 140,000 entries
    # decoded and split in Python took 0.1 s more.
    hidden = [m.decode("utf-8", "surrogateescape") for m in _FLAGGED.findall(b"\0" + listed)]
    if not hidden:
        return set()
    committed = object_ids(repo, [f"HEAD:{path}" for path in hidden])
    present = [path for path in hidden if (repo / path).is_file() and not (repo / path).is_symlink()]
    try:
        now = dict(zip(present, working_ids(repo, [repo / path for path in present]), strict=True))
    except (ConfigError, ValueError):
        now = {}
    return {path for path in hidden if now.get(path) is None or now[path] != committed.get(f"HEAD:{path}")}


def _raw_changes(raw: str) -> Iterable[Change]:
    # With -z, each entry is ":<modes> <shas> <status>\0<path>\0"; a merge's (combined) is
    # "::<mode per parent> <mode> <sha per parent> <sha> <status per parent>\0<path>\0".
    parts = raw.strip("\n\0").split("\0")
    for meta, path in zip(parts[0::2], parts[1::2], strict=False):
        meta = meta.lstrip("\n")
        n = len(meta) - len(meta.lstrip(":"))  # parents
        fields = meta.lstrip(":").split()
        if n < 1 or len(fields) != 2 * (n + 1) + 1:
            continue
        blob, status, before = fields[2 * n + 1], fields[-1], tuple(fields[n + 1 : 2 * n + 1])
        if n == 1:
            yield Change(status[0], path, blob, before)
        else:  # combined: the merge's own version, deleted when its sha is zeros
            yield Change("D" if set(blob) == {"0"} else ("A" if set(status) == {"A"} else "M"), path, blob, before)


class BlobReader:
    """One long-lived ``git cat-file --batch``: object id (or ``rev:path``) in, bytes out."""

    def __init__(self, repo: Path):
        self.proc = subprocess.Popen(
            [*GIT, "-C", str(repo), "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )

    def read(self, spec: str) -> bytes | None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(spec.encode() + b"\n")
        self.proc.stdin.flush()
        header = self.proc.stdout.readline().split()
        if len(header) < 3 or header[1] == b"missing":
            return None
        data = self.proc.stdout.read(int(header[2]))
        self.proc.stdout.read(1)  # the newline after each object
        return data

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait()

    def __enter__(self) -> BlobReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def object_ids(repo: Path, specs: Sequence[str]) -> dict[str, str | None]:
    """``rev:path`` -> object id (a tree hash for a folder), for many at once."""
    if not specs:
        return {}
    out = git(repo, "cat-file", "--batch-check=%(objectname)", stdin="\n".join(specs) + "\n")
    result: dict[str, str | None] = {}
    for spec, line in zip(specs, out.splitlines(), strict=True):
        result[spec] = None if line.endswith("missing") else line.strip()
    return result


def working_ids(repo: Path, files: Sequence[Path]) -> list[str]:
    """The object id each working-tree file would have if added (git's own filters applied)."""
    if not files:
        return []
    return git(repo, "hash-object", "--stdin-paths", stdin="\n".join(str(f) for f in files) + "\n").split()
