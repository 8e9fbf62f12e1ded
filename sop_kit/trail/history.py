"""The archive's history as the trail reads it, kept between runs and extended by what was
committed since.

Reading the whole history is the trail's largest cost: at 10,000 cases (54,000 commits) one
``git log --raw`` of the archive takes about 30 s, and every new commit made the next check
read it all again. A commit never changes, so the commits read last time are kept (by the
commit they end at) and only the commits since are read, when the history was only added to:
every commit since has a parent and all its parents are among them or the commit the kept
history ends at. git then lists the kept commits first and in the same order as before (the
new ones descend from the old tip; nothing new is their ancestor), so the list is the one a
full read gives; ``tests/test_trail_history.py`` compares them. Any other move (a rewrite, a
reset, a merge of a branch that began before the kept tip) reads the whole history again.

The tree id of a case folder at a commit never changes either: kept the same way.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from ..core.cache import read_json, repo_file, write_json
from ..core.collector import paused, settle
from .gitlog import Change, Commit, object_ids, read_history, run

_SHAPE = 1  # the stored form; another number is read as no cache


def history(
    repo: Path, paths: Sequence[str], head: str | None, cache_dir: Path | None, use_cache: bool
) -> list[Commit]:
    """Every commit reachable from ``head`` that touched ``paths``, parents before children
    (:func:`~.gitlog.read_history`), read only from the kept tip on when history was only added to."""
    if head is None:
        return []
    if not use_cache:
        return read_history(repo, paths, head)
    file = repo_file(cache_dir, "history", repo)
    key = _key(paths)
    kept = _kept(read_json(file), key)
    if kept is not None and kept[0] == head:
        return kept[1]
    since = _read_on(repo, paths, kept, head) if kept is not None else None
    if kept is not None and since is not None:
        commits, rows = kept[1] + since, kept[2] + [_dump(c) for c in since]
    else:
        commits = read_history(repo, paths, head)
        rows = [_dump(c) for c in commits]
    write_json(file, {"shape": _SHAPE, "key": key, "head": head, "commits": rows})
    return commits


def tree_ids(repo: Path, specs: Sequence[str], cache_dir: Path | None, use_cache: bool) -> dict[str, str | None]:
    """``commit:folder`` -> the folder's tree id (:func:`~.gitlog.object_ids`), kept between runs."""
    if not use_cache:
        return object_ids(repo, specs)
    file = repo_file(cache_dir, "trees", repo)
    found = read_json(file)
    known: dict[str, str] = found if isinstance(found, dict) else {}
    missing = [s for s in specs if not isinstance(known.get(s), str)]
    fresh = object_ids(repo, missing)
    if any(fresh.values()):
        known.update({s: i for s, i in fresh.items() if i})
        write_json(file, known)
    return {s: known.get(s) for s in specs}


def _read_on(
    repo: Path, paths: Sequence[str], kept: tuple[str, list[Commit], list[Any]], head: str
) -> list[Commit] | None:
    """The commits since the kept tip, or None when they cannot simply follow the kept ones."""
    if not _appended(repo, kept[0], head):
        return None
    since = read_history(repo, paths, head, since=kept[0])
    known = {c.sha for c in kept[1]} | {c.sha for c in since}
    # A parent among neither is the kept tip itself when it touched no file of the archive: the
    # whole history names instead that commit's nearest ancestor that did, which a read from the
    # tip cannot see.
    return since if all(p in known for c in since for p in c.parents) else None


def _appended(repo: Path, old: str, new: str) -> bool:
    """Whether every commit in ``new`` that is not in ``old`` descends from ``old`` alone: each
    has a parent, and each parent is one of them or ``old`` (so none is a new root, and no branch
    that began before ``old`` was merged)."""
    proc = run(repo, "rev-list", "--parents", f"{old}..{new}", "--")
    if proc.returncode:
        return False  # the kept tip is gone (history rewritten and collected)
    lines = [line.split() for line in proc.stdout.splitlines() if line]
    since = {line[0] for line in lines}
    return bool(lines) and all(len(line) > 1 and all(p in since or p == old for p in line[1:]) for line in lines)


def _key(paths: Sequence[str]) -> str:
    return hashlib.sha256("\0".join(paths).encode()).hexdigest()


def _kept(data: Any, key: str) -> tuple[str, list[Commit], list[Any]] | None:
    """The kept tip, its commits and their stored rows, or None when the file is not one this
    code wrote for ``paths``."""
    if not isinstance(data, dict) or data.get("shape") != _SHAPE or data.get("key") != key:
        return None
    try:
        rows = list(data["commits"])
        with paused():  # 250,000 objects at 10,000 cases, no cycle among them
            commits = [_load(c) for c in rows]
    except (KeyError, TypeError, ValueError):
        return None
    settle()
    return str(data["head"]), commits, rows


def _dump(c: Commit) -> list[Any]:
    changes = [[ch.status, ch.path, ch.blob, list(ch.before)] for ch in c.changes]
    return [
        c.sha,
        list(c.parents),
        c.author,
        c.author_email,
        c.committer,
        c.committer_email,
        c.when.isoformat(),
        changes,
    ]


def _load(row: list[Any]) -> Commit:
    sha, parents, author, author_email, committer, committer_email, when, changes = row
    commit = Commit(sha, tuple(parents), author, author_email, committer, committer_email, datetime.fromisoformat(when))
    commit.changes = [Change(status, path, blob, tuple(before)) for status, path, blob, before in changes]
    return commit
