"""What a process that watches the archive keeps between its checks: the case folders found,
each one's listing, and the judgement made of it.

A warm check lists every case folder (every file's ``stat``) to know which cached judgements
still hold: at 10,000 cases 100,000 files, 0.9 s of the 6 s ``build --watch`` takes after one
note. The watch is told by the kernel of every change in every folder of the archive, so a
case folder no change was told of lists as it did: its listing is kept here and used again,
and a folder is listed anew only after :meth:`Kept.touch` names a path in it or above it.
What the kernel may have dropped is listed again by the watch's periodic recheck
(:meth:`Kept.forget`), as it is built again then. The case folders themselves (0.4 s to walk
at 10,000) are walked again only after a change that can make or unmake one: a folder in
``kasus/`` outside every case folder, a case folder's ``kasus.yaml`` or ``langkah/``.

A judgement stands for the listing it was made of and the salt of everything else it rests
on (sop-kit's code, the SOPs, staff and settings; ``check.run``), as in the cache file; kept
decoded here, the 10,000 cached judgements are not read and decoded again at every rebuild
(0.55 s), nor is the cache file read again. Nothing invalidates them but a different listing or
salt.

A case folder holding a ``.git`` folder is never kept: the watch does not enter such folders
(``site.watch``), so no change in them would be told of.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..records.layout import CASE_FILE, STEPS_DIR, Layout
from ..records.scan import Listing


def watchable(files: Listing) -> bool:
    """Whether the watch is told of every change in a folder of these ``files``: not when a
    ``.git`` folder is among them (a folder's own entry stands in its listing)."""
    return not any(name == ".git" or name.endswith("/.git") for name in files)


class Kept:
    """The listing digest of each case folder, by its path, as last listed; and the judgement
    of each, with the listing and salt it was made of."""

    def __init__(self, cases: Path) -> None:
        self._cases = str(cases)  # the case folders' root (kasus/)
        self._walked: tuple[list[Path], list[str]] | None = None
        self._digests: dict[str, str] = {}
        self._judged: dict[str, tuple[str, str, Any]] = {}
        self._entries: tuple[str, dict[str, Any]] | None = None

    def entries(self, salt: str) -> dict[str, Any] | None:
        """The check cache's entries as this process last had them, if under ``salt``: another
        command may have written the file since, but an entry stands for its listing whoever
        wrote it, and one written over is judged again."""
        return self._entries[1] if self._entries is not None and self._entries[0] == salt else None

    def keep_entries(self, salt: str, entries: dict[str, Any]) -> None:
        self._entries = salt, entries

    def judged(self, case: Path, listing: str, salt: str) -> Any:
        """The judgement kept of ``case`` if it was made of ``listing`` under ``salt``, else None."""
        kept = self._judged.get(str(case))
        return kept[2] if kept is not None and kept[0] == listing and kept[1] == salt else None

    def keep_judged(self, judged: dict[Path, Any], salt: str) -> None:
        """Keep these judgements (``case -> (judgement, facts, listing)``), and only these."""
        self._judged = {str(case): (j[2], salt, j) for case, j in judged.items()}

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
        every case folder under it, is listed again; a change that can make or unmake a case
        folder (its kasus.yaml or langkah/, a folder that holds none yet) walks them again."""
        gone: set[str] = set()  # told already in this batch
        for path in paths:
            if not (path == self._cases or path.startswith(self._cases + "/") or self._cases.startswith(path + "/")):
                continue  # a commit, a setting, the published site: no case folder's listing
            at = path
            while at not in self._digests and at not in gone and len(at) > len(self._cases):
                at = os.path.dirname(at)
            if at in self._digests or at in gone:
                self._digests.pop(at, None)
                gone.add(at)
                if path == at or path[len(at) + 1 :] in (CASE_FILE, STEPS_DIR):
                    self._walked = None
                continue
            self._walked = None  # not in a case folder: a case folder made, moved or removed
            below = path.rstrip("/") + "/"
            for case in [c for c in self._digests if c.startswith(below)]:
                del self._digests[case]

    def walk_cases(self, archive: Layout) -> tuple[list[Path], list[str]]:
        """:meth:`Layout.walk_cases`, walked again only after a change that can alter it."""
        if self._walked is None:
            self._walked = archive.walk_cases()
        return self._walked

    def forget(self) -> None:
        """List every case folder again, and walk them (the judgements stand for their listings)."""
        self._digests.clear()
        self._walked = None

    def __len__(self) -> int:
        """How many case folders' listings are kept."""
        return len(self._digests)
