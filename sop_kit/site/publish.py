"""Publishing a site atomically: build in a staging folder beside the site, then swap.

A reader (a web server, an auditor's file browser) sees the old site or the new one, never a
mix: on Linux the two folders are exchanged with one ``renameat2(RENAME_EXCHANGE)`` call.
A build that is killed leaves only a staging folder, removed by the next build. A lock file
beside the site keeps two builds from interleaving (``filelock``: flock here, the Windows
locking call on the office's PCs).

The site swapped out is kept beside it as the spare (``.<site>.spare``), not deleted: the
next build starts its staging folder from it and only brings up to date the files that
differ from the published site. Files are hard links, so "differ" is "another inode", read
from the directory listings without a ``stat`` per file: a one-case rebuild of a 10,000-case
site no longer links 100,000 files and deletes 100,000 more. When the spare is the site the
last build started from, only the folders that build changed are compared (the build finds
them by their modification time when it scans what it wrote), not all 100,000.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..core.errors import ConfigError

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
# A link to a symbolic link itself, where the system can say so (not Windows, whose os.link
# and os.utime refuse the option; a built site holds no symbolic links to follow anyway).
_NO_FOLLOW: dict[str, bool] = {"follow_symlinks": False} if os.link in os.supports_follow_symlinks else {}
_UTIME_FOLLOW = os.utime not in os.supports_follow_symlinks  # False: the link itself


def staging_prefix(site: Path) -> str:
    return f".{site.name}.staging-"


@contextmanager
def build_lock(site: Path, wait: bool = True, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the site's build lock; a second build waits (or, with ``wait=False``, fails).
    ``on_wait`` is called once when the lock is taken and the build has to wait for it."""
    from filelock import FileLock, Timeout

    site.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(site.parent / f".{site.name}.lock")
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if not wait:
            raise ConfigError("site.locked", str(site), path=str(site)) from None
        if on_wait is not None:
            on_wait()
        lock.acquire()
    try:
        yield
    finally:
        lock.release()


def spare_path(site: Path) -> Path:
    return site.parent / f".{site.name}.spare"


def new_staging(site: Path) -> Path:
    """A staging folder beside ``site`` (same file system, so the swap is a rename): the
    spare, the site as it was before the last build, when there is one; else empty.
    Leftovers of killed builds are removed first. Call with the lock held."""
    for old in site.parent.glob(staging_prefix(site) + "*"):
        shutil.rmtree(old, ignore_errors=True)
    staging = site.parent / f"{staging_prefix(site)}{os.getpid()}"
    spare = spare_path(site)
    if spare.is_dir() and not spare.is_symlink():
        os.rename(spare, staging)
    else:
        staging.mkdir()
    return staging


def empty(folder: Path) -> None:
    """Remove everything in ``folder`` (a full build starts from nothing)."""
    shutil.rmtree(folder)
    folder.mkdir()


def link_previous(site: Path, staging: Path, changed: Collection[str] | None = None) -> None:
    """Make the staging folder the current site, every file a hard link to the published one,
    for an incremental build: files the same by inode are left alone, the rest linked anew,
    and what the site no longer has removed. Nothing may then write a staged file in place, or
    it would change the published site before the swap: every writer replaces a file by
    rename or removes it first (:func:`replace_file`; MkDocs' pages are removed before it
    renders them).

    ``changed``, when known, holds every folder (relative to the site, "" for itself) in
    which the last build added, removed or replaced an entry, and the staging folder is the
    site as it was before that build (the spare): only those folders can differ, so only they
    are compared, not the whole tree."""
    if not site.is_dir():
        return
    if changed is not None and not all(isinstance(rel, str) and inside_site(rel) for rel in changed):
        changed = None  # not a list a build wrote (a damaged cache): compare everything
    if changed is None:
        stack = [(site, staging)]
    else:  # parents first: a folder a parent's comparison removed is not looked at again
        stack = [(site / rel, staging / rel) for rel in sorted(changed, key=lambda r: -r.count("/"))]
        stack = [(src, dest) for src, dest in stack if src.is_dir() and not src.is_symlink()]
    while stack:
        src, dest = stack.pop()
        with os.scandir(src) as it:
            want = {e.name: e for e in it}
        try:
            with os.scandir(dest) as it:
                have = {e.name: e for e in it}
        except FileNotFoundError:
            dest.mkdir(parents=True)
            have = {}
        for name, old in list(have.items()):
            if _same(old, want.get(name)):
                continue
            if old.is_dir(follow_symlinks=False):
                shutil.rmtree(old.path)
            else:
                os.unlink(old.path)
            del have[name]
        for name, new in want.items():
            if new.is_dir(follow_symlinks=False):
                if changed is None or name not in have:  # a folder the spare lacks: all of it
                    stack.append((Path(new.path), dest / name))
            elif name not in have:
                _link(new.path, dest / name)


def share_unchanged(site: Path, staging: Path) -> list[str] | None:
    """After a full build: make each staged file that is byte for byte the published one at
    the same path a hard link to it, and return the folders (relative, "" for the staging
    folder itself) whose entries still differ from the published site's: what the next
    build's :func:`link_previous` compares, instead of every folder with every file in it
    another inode (100,000 files unlinked and linked again at 10,000 cases). None without a
    published site."""
    if not site.is_dir() or site.is_symlink():
        return None
    changed: list[str] = []
    stack = [("", str(site), str(staging))]
    while stack:
        rel, old_dir, new_dir = stack.pop()
        with os.scandir(old_dir) as it:
            old = {e.name: e for e in it}
        with os.scandir(new_dir) as it:
            new = {e.name: e for e in it}
        differs = old.keys() != new.keys()
        for name, entry in new.items():
            before = old.get(name)
            if entry.is_dir(follow_symlinks=False):
                if before is not None and before.is_dir(follow_symlinks=False) and not before.is_symlink():
                    stack.append((f"{rel}{name}/", before.path, entry.path))
                else:
                    differs = True
            elif not _share(before, entry):
                differs = True
        if differs:
            changed.append(rel.rstrip("/"))
    return changed


def _share(old: os.DirEntry[str] | None, new: os.DirEntry[str]) -> bool:
    """Whether ``new`` is (now) a link to ``old``: the same inode already, or the same bytes
    and then linked over by rename (never a write into either)."""
    if old is None or not old.is_file(follow_symlinks=False) or not new.is_file(follow_symlinks=False):
        return False
    if old.inode() == new.inode():
        return True
    if old.stat(follow_symlinks=False).st_size != new.stat(follow_symlinks=False).st_size:
        return False
    if not _same_bytes(old.path, new.path):
        return False
    tmp = f"{new.path}.{os.getpid()}.link"
    made, published = new.stat(follow_symlinks=False), old.stat(follow_symlinks=False)
    try:
        os.link(old.path, tmp, **_NO_FOLLOW)
        os.replace(tmp, new.path)
    except OSError:  # no hard links here: left as made, and its folder compared next time
        Path(tmp).unlink(missing_ok=True)
        return False
    if made.st_mtime_ns > published.st_mtime_ns:
        # Dated as made: MkDocs' next dirty build renders a page whose source is newer than
        # it, and this build may have written every source again (a new sop-kit does).
        os.utime(new.path, ns=(published.st_atime_ns, made.st_mtime_ns), follow_symlinks=_UTIME_FOLLOW)
    return True


def _same_bytes(a: str, b: str) -> bool:
    """Byte for byte (not filecmp.cmp, whose cache would keep 100,000 pairs of names)."""
    with open(a, "rb") as fa, open(b, "rb") as fb:
        while True:
            chunk = fa.read(1 << 16)
            if chunk != fb.read(1 << 16):
                return False
            if not chunk:
                return True


def inside_site(rel: str) -> bool:
    """A folder path relative to the site that stays inside it."""
    return not rel.startswith("/") and "\0" not in rel and ".." not in rel.split("/")


def _same(old: os.DirEntry[str], new: os.DirEntry[str] | None) -> bool:
    """Both folders (their contents compared in turn), or both the same file."""
    if new is None or old.is_dir(follow_symlinks=False) != new.is_dir(follow_symlinks=False):
        return False
    return old.is_dir(follow_symlinks=False) or old.inode() == new.inode()


def _link(src: str, dest: Path) -> None:
    try:
        os.link(src, dest, **_NO_FOLLOW)
    except FileExistsError:  # never copied over: that would write into a linked, published file
        raise
    except OSError:  # no hard links here: a copy is slower, never wrong
        shutil.copy2(src, dest, follow_symlinks=False)


def write_changed(path: Path, data: bytes) -> bool:
    """Write a source file of the work folder unless it already holds ``data`` (its mtime is
    what MkDocs' dirty build looks at); True if written."""
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def replace_file(path: Path, data: bytes) -> None:
    """Write ``path`` as a new file (temporary name, then rename): never into a hard link."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def swap_in(staging: Path, site: Path) -> None:
    """Make ``staging`` the site, atomically where the system allows; the old one becomes
    the spare the next build starts from."""
    if not site.exists():
        os.rename(staging, site)
        return
    if not _exchange(staging, site):
        # No renameat2 (not Linux): two renames, with a window of a few microseconds.
        old = site.parent / f"{staging.name}-lama"
        os.rename(site, old)
        os.rename(staging, site)
        staging = old
    spare = spare_path(site)
    if spare.exists():  # only if something else made one since this build began
        shutil.rmtree(spare, ignore_errors=True)
    os.rename(staging, spare)


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
