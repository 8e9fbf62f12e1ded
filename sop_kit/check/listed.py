"""Case folders' listings kept between the checks of one process that watches the archive.

A warm check lists every case folder (every file's ``stat``) to know which cached judgements
still hold: at 10,000 cases 100,000 files, 0.9 s of the 6 s ``build --watch`` takes after one
note. The watch is told by the kernel of every change in every folder of the archive, so a
case folder no change was told of lists as it did: its listing is kept here and used again,
and a folder is listed anew only after :meth:`Listed.touch` names a path in it or above it.
What the kernel may have dropped is listed again by the watch's periodic recheck
(:meth:`Listed.forget`), as it is built again then.

A case folder holding a ``.git`` folder is never kept: the watch does not enter such folders
(``site.watch``), so no change in them would be told of.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..records.scan import Listing


def watchable(files: Listing) -> bool:
    """Whether the watch is told of every change in a folder of these ``files``: not when a
    ``.git`` folder is among them (a folder's own entry stands in its listing)."""
    return not any(name == ".git" or name.endswith("/.git") for name in files)


class Listed:
    """The listing digest of each case folder, by its path, as last listed."""

    def __init__(self) -> None:
        self._digests: dict[str, str] = {}

    def get(self, case: Path) -> str | None:
        return self._digests.get(str(case))

    def keep(self, case: Path, digest: str, seen: bool) -> None:
        """Keep ``case``'s ``digest`` if the watch is ``seen`` to tell of every change in it
        (:func:`watchable`); else forget it, to list the folder at every check."""
        if seen:
            self._digests[str(case)] = digest
        else:
            self._digests.pop(str(case), None)

    def touch(self, paths: Iterable[str]) -> None:
        """The kernel told of a change at each of ``paths``: the case folder holding it, or
        every case folder under it, is listed again."""
        for path in paths:
            at = path
            while at not in self._digests:
                up = os.path.dirname(at)
                if up == at:  # no kept case folder holds it: it may hold some
                    below = path.rstrip("/") + "/"
                    for case in [c for c in self._digests if c.startswith(below)]:
                        del self._digests[case]
                    break
                at = up
            else:
                del self._digests[at]

    def forget(self) -> None:
        """List every case folder again."""
        self._digests.clear()

    def __len__(self) -> int:
        return len(self._digests)
