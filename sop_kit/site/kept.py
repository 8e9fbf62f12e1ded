"""What a process that watches the archive keeps of its last site build: the work folder's
manifest, with each case's result.

At 10,000 cases the manifest is 27 MB of JSON: reading and decoding it again at every watched
rebuild, and making each case's result of its entry again, cost about 0.3 s of a 3 s rebuild
(bench/README.md, thirtieth pass). A build holds the site's lock while it writes the manifest
(``site.publish.build_lock``), so a file that is still the very one this process wrote (the
same inode, size and times) holds what it keeps: kept, it stands for the file. Another writer
(a ``sop-kit build`` run beside the watch, a cache cleared) leaves a different file, and the
next build reads that one.

What is kept is taken by the build that uses it (the build changes what it is given) and kept
again only once the new manifest is written: after a build that failed, the file is read.
Not kept: the published-site scan's clean contents (``privacy-clean.json``, 19 MB at 10,000
cases), which would hold 80 MiB more between builds to save 0.05 s.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.cache import write_json

if TYPE_CHECKING:
    from .cases import CaseResult

Signature = tuple[int, int, int, int]


def _signature(path: Path) -> Signature | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


class SiteKept:
    """The manifest (but its cases) and the case results, with the signature of the file they
    stand for."""

    def __init__(self) -> None:
        self._kept: tuple[Path, Signature, dict[str, Any], dict[str, CaseResult]] | None = None

    def take_manifest(self, path: Path) -> tuple[dict[str, Any], dict[str, CaseResult]] | None:
        """The manifest (without its cases) and the case results the last build wrote to
        ``path``, if that file is still the one written."""
        kept, self._kept = self._kept, None
        if kept is None or kept[0] != path or kept[1] != _signature(path):
            return None
        return kept[2], kept[3]

    def write_manifest(self, path: Path, data: dict[str, Any], results: dict[str, CaseResult]) -> None:
        """Write ``data``, its ``cases`` the results', to ``path``, and keep them."""
        if write_json(path, {**data, "cases": {name: r.to_json() for name, r in results.items()}}):
            signature = _signature(path)
            if signature is not None:
                self._kept = path, signature, data, results

    def forget(self) -> None:
        """Read the file again at the next build (the watch's periodic recheck)."""
        self._kept = None
