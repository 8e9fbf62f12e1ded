"""One listing of a case folder, read once and shared by every rule and by the cache.

Symbolic links are listed but never followed, so nothing outside the folder is reached.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from ..core.inert import ESCAPES, FOUND


class Entry(NamedTuple):
    kind: str  # file | dir | link | other | name (unshowable: listed as spelled, never opened)
    size: int
    mtime_ns: int
    ino: int
    ctime_ns: int  # set by the kernel on every change: ``touch`` cannot put it back


Listing = dict[str, Entry]  # posix path relative to the case folder -> entry


def scan(folder: Path) -> Listing:
    out: Listing = {}
    pending = [("", str(folder))]
    while pending:
        prefix, here = pending.pop()
        with os.scandir(here) as entries:
            for de in entries:
                name = prefix + de.name
                st = de.stat(follow_symlinks=False)
                spelled = unshowable(de.name)
                if spelled is not None:  # never opened nor entered: no rule could name it again
                    out[prefix + spelled] = Entry("name", st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)
                    continue
                if de.is_symlink():
                    kind = "link"
                elif de.is_dir(follow_symlinks=False):
                    kind = "dir"
                    pending.append((name + "/", de.path))
                else:
                    kind = "file" if de.is_file(follow_symlinks=False) else "other"
                out[name] = Entry(kind, st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)
    return out


def unshowable(name: str) -> str | None:
    """A name no line of output can show as it is, spelled with the offending bytes escaped
    (``scan\\xff.pdf``, ``x.pdf\\x0a``); None for a name that shows as itself. Linux takes any
    bytes but ``/`` in a name: bytes that are not UTF-8 (Python hands them over as lone
    surrogates, which no JSON, page or terminal carries), and control characters, with which a
    name ``x.pdf\\n1 kasus diperiksa: 0 galat`` printed a forged summary line into the check's
    report and a CI log."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace").translate(ESCAPES)
    return name.translate(ESCAPES) if FOUND.search(name) else None


def named(paths: Iterable[Path]) -> list[Path]:
    """``paths`` but those whose name cannot be shown (:func:`unshowable`): a listing of the
    archive's own folders (sop/, nomor/, templates/, langkah/) reads no file it could not name.
    The check reports such names where they matter (a case folder's listing, sop/)."""
    return [p for p in paths if unshowable(str(p)) is None]


def read_file(path: Path) -> bytes:
    """A file's bytes, never through a symbolic link at its end (raises OSError), for a file
    a listing showed regular and read again later."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as fh:
        return fh.read()


def listing_digest(listing: Listing) -> str:
    """What must stay the same for a cached verdict to hold, as one digest: every name with
    its kind, size, modification and change times and inode. Equal digests, the same files
    as far as a cache knows: a file rewritten in place with its size and modification time
    put back still has a new change time."""
    text = "\n".join(
        f"{name}\0{e.kind}\0{e.size}\0{e.mtime_ns}\0{e.ino}\0{e.ctime_ns}" for name, e in sorted(listing.items())
    )
    return hashlib.sha256(text.encode()).hexdigest()
