"""Publishing a site atomically: build in a staging folder beside the site, then swap.

A reader (a web server, an auditor's file browser) sees the old site or the new one, never a
mix: on Linux the two folders are exchanged with one ``renameat2(RENAME_EXCHANGE)`` call.
A build that is killed leaves only a staging folder, removed by the next build. A lock file
beside the site keeps two builds from interleaving.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import fcntl
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..core.errors import ConfigError

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def staging_prefix(site: Path) -> str:
    return f".{site.name}.staging-"


@contextmanager
def build_lock(site: Path, wait: bool = True, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the site's build lock; a second build waits (or, with ``wait=False``, fails).
    ``on_wait`` is called once when the lock is taken and the build has to wait for it."""
    site.parent.mkdir(parents=True, exist_ok=True)
    lock = site.parent / f".{site.name}.lock"
    with open(lock, "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise ConfigError("site.locked", str(site), path=str(site)) from None
            if on_wait is not None:
                on_wait()
            fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def new_staging(site: Path) -> Path:
    """A fresh staging folder beside ``site`` (same file system, so the swap is a rename);
    leftovers of killed builds are removed first. Call with the lock held."""
    for old in site.parent.glob(staging_prefix(site) + "*"):
        shutil.rmtree(old, ignore_errors=True)
    staging = site.parent / f"{staging_prefix(site)}{os.getpid()}"
    staging.mkdir()
    return staging


def link_previous(site: Path, staging: Path, skipped: tuple[str, ...]) -> None:
    """Start the staging folder as the current site, every file hard-linked, for an
    incremental build. Nothing may then write a staged file in place, or it would change the
    published site before the swap: every writer replaces a file by rename or removes it
    first (:func:`replace_file`; MkDocs' pages are removed before it renders them). Top-level
    folders in ``skipped`` are made anew by every build."""
    if not site.is_dir():
        return

    def link(src: str, dest: str) -> None:
        try:
            os.link(src, dest)
        except OSError:  # no hard links here: a copy is slower, never wrong
            shutil.copy2(src, dest)

    def ignore(folder: str, names: list[str]) -> list[str]:
        return [n for n in names if n in skipped] if Path(folder) == site else []

    shutil.copytree(site, staging, symlinks=True, dirs_exist_ok=True, copy_function=link, ignore=ignore)


def replace_file(path: Path, data: bytes) -> None:
    """Write ``path`` as a new file (temporary name, then rename): never into a hard link."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def swap_in(staging: Path, site: Path) -> None:
    """Make ``staging`` the site, atomically where the system allows, and drop the old one."""
    if not site.exists():
        os.rename(staging, site)
        return
    if not _exchange(staging, site):
        # No renameat2 (not Linux): two renames, with a window of a few microseconds.
        old = site.parent / f"{staging.name}-lama"
        os.rename(site, old)
        os.rename(staging, site)
        staging = old
    shutil.rmtree(staging, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    libc = ctypes.CDLL(name, use_errno=True)
    func = getattr(libc, "renameat2", None)
    if func is None:
        return False
    func.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if func(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (38, 22, 95):  # ENOSYS, EINVAL, EOPNOTSUPP: this file system cannot exchange
        return False
    raise OSError(err, os.strerror(err), str(b))
