"""One writer at a time in an archive.

A clerk command reads records, decides, and writes: the next letter number after the last
one in the register, a step record changed in one field. Two run at once (two terminals, two
clerks on a shared folder) would both read the same register and both write it: each told
"400.9/7 dicadangkan", one line in the register. So every command that changes records holds
the archive's write lock from its first read to its last write (``filelock``: flock here, the
Windows locking call on the office's PCs, both released by the system if the process dies).

The lock file lives in the archive's git folder, where no ``git add`` takes it; outside git,
beside the records folder.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

from ..core.errors import ConfigError
from .layout import Layout

if TYPE_CHECKING:
    from filelock import FileLock

LOCK_NAME = "sop-kit-tulis.lock"
WAIT_S = 30.0  # a clerk command writes in well under a second; longer is one that hangs

_locks: dict[Path, FileLock] = {}  # one lock object per file in a process: a nested use re-enters it

P = ParamSpec("P")
R = TypeVar("R")
L = TypeVar("L", bound=Layout)


def lock_file(layout: Layout) -> Path:
    """The archive's lock file: in the git folder of the repository holding it (a worktree's
    own), else beside the records folder."""
    for folder in (layout.root, *layout.root.parents):
        dot = folder / ".git"
        if dot.is_dir():
            return dot / LOCK_NAME
        if dot.is_file():  # a worktree or submodule: "gitdir: <its git folder>"
            text = dot.read_text("utf-8", errors="replace").strip()
            if text.startswith("gitdir:"):
                named = (folder / text.removeprefix("gitdir:").strip()).resolve()
                if named.is_dir():
                    return named / LOCK_NAME
            break
    return layout.root.parent / f".{LOCK_NAME}"


@contextmanager
def writing(layout: Layout, wait: float | None = None) -> Iterator[None]:
    """Hold the archive's write lock; another command holding it is waited for up to ``wait``
    seconds, then the command stops without having read or written anything."""
    from filelock import FileLock, Timeout

    wait = WAIT_S if wait is None else wait
    path = lock_file(layout)
    lock = _locks.setdefault(path, FileLock(path))
    try:
        lock.acquire(timeout=wait)
    except Timeout:
        raise ConfigError("archive.busy", str(path), seconds=int(wait)) from None
    try:
        yield
    finally:
        lock.release()


def one_writer(fn: Callable[Concatenate[L, P], R]) -> Callable[Concatenate[L, P], R]:
    """``fn(archive, …)`` run with the archive's write lock held (:func:`writing`)."""

    @functools.wraps(fn)
    def held(layout: L, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with writing(layout):
            return fn(layout, *args, **kwargs)

    return held
