"""The trail's reading of history kept between runs, so that a new commit is read alone.

The trail is a fold over the commits in order (:class:`~.build._Builder`): each commit is
judged by what the ones before it left (the registry and files in force, each record's last
version, what each approval covered). When the history only grew (:mod:`.history`), what the
fold had after the last commit it read is taken up again and only the new commits are read.
That is the same trail as a whole reading only if the old commits read now as they read then,
so the kept fold holds, and is taken up only if they still match: which commits they were, when
each counts from (a merge can change no old one's, but it is checked), which were dated in the
future, every signature's verdict, the code and the pins.
``tests/test_trail_resume.py`` builds the trail both ways after every commit of real histories.

Python's pickle, because the fold is a graph of the trail's own objects (events shared between
a case's timeline and its steps, states shared between commits). It is read back by an
unpickler that makes only the classes of sop-kit's data, dates and paths: a damaged or foreign
file is a whole reading again, never code run. Commits are not stored but named by their id
and taken from the history read now.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import os
import pickle
import sys
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path, PosixPath, PurePosixPath
from typing import Any

from pydantic import BaseModel

from .._version import __version__
from ..core import resources
from ..core.cache import repo_file
from ..core.collector import paused, settle
from .gitlog import Commit
from .signatures import Signature

_OTHER = {
    ("datetime", "datetime"): datetime,
    ("datetime", "date"): date,
    ("datetime", "time"): time,
    ("datetime", "timedelta"): timedelta,
    ("datetime", "timezone"): timezone,
    ("pathlib", "Path"): Path,
    ("pathlib", "PosixPath"): PosixPath,
    ("pathlib", "PurePosixPath"): PurePosixPath,
}


@dataclasses.dataclass
class Kept:
    """What the fold had after its first ``count`` commits."""

    key: str  # the code, the pins and the archive's paths it was made under
    read: str  # digest of the commits read, in order: each id, when it counts from, its
    # signature's verdict (a key added since may verify it otherwise), whether dated ahead
    count: int
    state: dict[str, Any]


def fold_key(top: Path, shown: str, paths: Sequence[str], trust_root: str | None, pins: Sequence[str]) -> str:
    parts = [__version__, resources.code_fingerprint(), str(top), shown, "\0".join(paths), str(trust_root)]
    parts += [f"{name}={os.environ.get(name, '')}" for name in pins]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def digest(
    commits: Sequence[Commit], when: Mapping[str, datetime], sigs: Mapping[str, Signature], future: frozenset[str]
) -> str:
    """What :class:`Kept` compares: how each of ``commits`` reads, in order."""
    reads = hashlib.sha256()
    for c in commits:
        sig = sigs.get(c.sha)
        status, fingerprint = (sig.status, sig.fingerprint) if sig else ("-", None)
        reads.update(f"{c.sha}{when[c.sha].isoformat()}{status}{fingerprint}{c.sha in future}".encode())
    return reads.hexdigest()


def load(top: Path, cache_dir: Path | None, commits: Sequence[Commit]) -> Kept | None:
    """The kept fold of the repository at ``top``, its commits taken from ``commits``; None when
    there is none or it does not read back."""
    by_sha = {c.sha: c for c in commits}
    try:
        with _file(top, cache_dir).open("rb") as f, paused():
            kept = _Reader(f, by_sha).load()
    except (OSError, EOFError, ValueError, TypeError, AttributeError, KeyError, pickle.UnpicklingError):
        return None
    finally:
        settle()
    return kept if isinstance(kept, Kept) and isinstance(kept.state, dict) else None


def save(top: Path, cache_dir: Path | None, kept: Kept) -> None:
    """Write through a temporary file and a rename; a fold that cannot be written is not kept."""
    path = _file(top, cache_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            _Writer(f, protocol=5).dump(kept)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError):
        pass


def _file(top: Path, cache_dir: Path | None) -> Path:
    return repo_file(cache_dir, "fold", top, ".pickle")


def _commit(sha: str) -> Commit:
    raise pickle.UnpicklingError("read only by _Reader")  # which names the history's own


class _Writer(pickle.Pickler):
    # A commit is written as its id (the history holds it); a table, not persistent_id, which
    # pickle would ask of each of the 7 million objects at 10,000 cases.
    dispatch_table = {Commit: lambda c: (_commit, (c.sha,))}  # noqa: RUF012


class _Reader(pickle.Unpickler):
    """Makes sop-kit's data classes (dataclasses, pydantic models, named tuples, enums), dates
    and paths, and nothing else."""

    def __init__(self, file: Any, commits: Mapping[str, Commit]):
        super().__init__(file)
        self.commits = commits

    def commit(self, sha: str) -> Commit:
        if not isinstance(sha, str) or sha not in self.commits:
            raise pickle.UnpicklingError("a commit the history does not hold")
        return self.commits[sha]

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == (__name__, "_commit"):
            return self.commit
        if (module, name) in _OTHER:
            return _OTHER[(module, name)]
        if module.startswith("sop_kit.") and module in sys.modules:  # imported already: nothing runs
            found = getattr(sys.modules[module], name, None)
            if isinstance(found, type) and (
                dataclasses.is_dataclass(found)
                or issubclass(found, BaseModel | enum.Enum)
                or (issubclass(found, tuple) and hasattr(found, "_fields"))
            ):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not sop-kit's data")
