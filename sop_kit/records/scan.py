"""One listing of a case folder, read once and shared by every rule and by the cache.

Symbolic links are listed but never followed, so nothing outside the folder is reached.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import NamedTuple


class Entry(NamedTuple):
    kind: str  # file | dir | link | other
    size: int
    mtime_ns: int
    ino: int


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
                if de.is_symlink():
                    kind = "link"
                elif de.is_dir(follow_symlinks=False):
                    kind = "dir"
                    pending.append((name + "/", de.path))
                else:
                    kind = "file" if de.is_file(follow_symlinks=False) else "other"
                out[name] = Entry(kind, st.st_size, st.st_mtime_ns, st.st_ino)
    return out


def fingerprint(listing: Listing) -> list[list[object]]:
    """What must stay the same for a cached verdict to hold (JSON-friendly)."""
    return [[name, *entry] for name, entry in sorted(listing.items())]


def listing_digest(listing: Listing) -> str:
    """One digest of :func:`fingerprint`: equal digests, the same files as far as a cache knows."""
    return hashlib.sha256(json.dumps(fingerprint(listing)).encode()).hexdigest()
